package models

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"

	"github.com/stancekit/stancekit/features"
)

// File layout: magic (16 bytes), format version (uint32, little endian),
// body length (uint64), body (gzip-compressed gob of modelFile), CRC-32
// (IEEE) of the body (uint32).
const (
	magic         = "STANCEKIT-MODEL\n"
	FormatVersion = 1
	headerLen     = len(magic) + 4 + 8
)

// Errors that callers may test with errors.Is.
var (
	ErrNotModel  = errors.New("not a stancekit model file")
	ErrVersion   = errors.New("unsupported model format version")
	ErrTruncated = errors.New("model file is truncated")
	ErrCorrupt   = errors.New("model file is corrupted")
)

// modelFile is the serialized form: plain structs and slices only, so that
// gob writes the same bytes for the same model.
type modelFile struct {
	Labels   []string
	Options  Options
	Pipeline features.State
	Stage1   Linear
	Stage2   *Linear
	Chain    *Transitions
	Decode   string
	Trained  TrainInfo
}

// WriteTo writes the model in the file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var body bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&body, gzip.BestCompression)
	mf := modelFile{Labels: m.Labels, Options: m.Options, Pipeline: m.Pipeline.State(), Stage1: *m.Stage1,
		Stage2: m.Stage2, Chain: m.Chain, Decode: m.Decode, Trained: m.Trained}
	mf.Options.Workers = 0 // does not change the model; keep bytes machine-independent
	if err := gob.NewEncoder(zw).Encode(&mf); err != nil {
		return 0, fmt.Errorf("models: encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("models: encode: %w", err)
	}
	hdr := make([]byte, 0, headerLen)
	hdr = append(hdr, magic...)
	hdr = binary.LittleEndian.AppendUint32(hdr, FormatVersion)
	hdr = binary.LittleEndian.AppendUint64(hdr, uint64(body.Len()))
	sum := binary.LittleEndian.AppendUint32(nil, crc32.ChecksumIEEE(body.Bytes()))
	var n int64
	for _, b := range [][]byte{hdr, body.Bytes(), sum} {
		k, err := w.Write(b)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Save writes the model to path atomically: to a temporary file in the same
// directory, synced, then renamed over path.
func (m *Model) Save(path string) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".stancekit-model-*")
	if err != nil {
		return fmt.Errorf("models: save %s: %w", path, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("models: save %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("models: save %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("models: save %s: %w", path, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return fmt.Errorf("models: save %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("models: save %s: %w", path, err)
	}
	return nil
}

// Load reads a model file.
func Load(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("models: %w", err)
	}
	m, err := Decode(b)
	if err != nil {
		return nil, fmt.Errorf("models: %s: %w", path, err)
	}
	return m, nil
}

// Decode parses a model from the bytes of a model file. Any damage gives an
// error wrapping ErrNotModel, ErrVersion, ErrTruncated or ErrCorrupt; it
// never panics.
func Decode(b []byte) (*Model, error) {
	if len(b) < len(magic) {
		if bytes.HasPrefix([]byte(magic), b) && len(b) > 0 {
			return nil, fmt.Errorf("%w: %d bytes, the header alone has %d", ErrTruncated, len(b), headerLen)
		}
		return nil, ErrNotModel
	}
	if string(b[:len(magic)]) != magic {
		return nil, ErrNotModel
	}
	if len(b) < headerLen {
		return nil, fmt.Errorf("%w: %d bytes, the header alone has %d", ErrTruncated, len(b), headerLen)
	}
	if v := binary.LittleEndian.Uint32(b[len(magic):]); v != FormatVersion {
		return nil, fmt.Errorf("%w: file has version %d, this build reads version %d", ErrVersion, v, FormatVersion)
	}
	n := binary.LittleEndian.Uint64(b[len(magic)+4:])
	rest := b[headerLen:]
	// Compare without n+4, which overflows for a forged length near 2⁶⁴.
	if len(rest) < 4 || n > uint64(len(rest)-4) {
		return nil, fmt.Errorf("%w: body has %d of %d bytes", ErrTruncated, max(0, len(rest)-4), n)
	}
	body := rest[:n]
	if uint64(len(rest)) > n+4 {
		return nil, fmt.Errorf("%w: %d unexpected bytes after the checksum", ErrCorrupt, uint64(len(rest))-n-4)
	}
	if got, want := crc32.ChecksumIEEE(body), binary.LittleEndian.Uint32(rest[n:]); got != want {
		return nil, fmt.Errorf("%w: checksum %08x, expected %08x", ErrCorrupt, got, want)
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	var mf modelFile
	if err := gob.NewDecoder(zr).Decode(&mf); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return fromFile(&mf)
}

func fromFile(mf *modelFile) (*Model, error) {
	pipe, err := features.FromState(mf.Pipeline)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	k := len(mf.Labels)
	if k < 2 {
		return nil, fmt.Errorf("%w: %d labels", ErrCorrupt, k)
	}
	if err := checkLinear(&mf.Stage1, k, pipe.Dim()); err != nil {
		return nil, fmt.Errorf("stage 1: %w", err)
	}
	if mf.Stage2 != nil {
		if err := checkLinear(mf.Stage2, k, pipe.Dim()+stackDim(k)); err != nil {
			return nil, fmt.Errorf("stage 2: %w", err)
		}
	}
	if c := mf.Chain; c != nil && (c.K != k || len(c.Start) != k || len(c.Trans) != k*k) {
		return nil, fmt.Errorf("%w: sequence layer for %d labels, model has %d", ErrCorrupt, c.K, k)
	}
	if mf.Decode != DecodePosterior && mf.Decode != DecodeViterbi {
		return nil, fmt.Errorf("%w: unknown decoding %q", ErrCorrupt, mf.Decode)
	}
	s1 := mf.Stage1
	return &Model{Labels: mf.Labels, Options: mf.Options, Pipeline: pipe, Stage1: &s1, Stage2: mf.Stage2,
		Chain: mf.Chain, Decode: mf.Decode, Trained: mf.Trained}, nil
}

func checkLinear(l *Linear, k, dim int) error {
	switch {
	case len(l.LabelNames) != k:
		return fmt.Errorf("%w: %d labels, model has %d", ErrCorrupt, len(l.LabelNames), k)
	case l.Dim != dim:
		return fmt.Errorf("%w: dimension %d, features give %d", ErrCorrupt, l.Dim, dim)
	case len(l.W) != k*dim || len(l.B) != k:
		return fmt.Errorf("%w: weight shape %d/%d, want %d/%d", ErrCorrupt, len(l.W), len(l.B), k*dim, k)
	}
	return nil
}

// CheckLabels reports gold labels the model does not know.
func (m *Model) CheckLabels(gold []string) error {
	known := make(map[string]bool, len(m.Labels))
	for _, l := range m.Labels {
		known[l] = true
	}
	var unknown []string
	for _, l := range gold {
		if !known[l] {
			unknown = append(unknown, l)
		}
	}
	if len(unknown) > 0 {
		return fmt.Errorf("models: labels %v are not among the model's labels %v", unknown, m.Labels)
	}
	return nil
}
