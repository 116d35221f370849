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
	"math"
	"os"
	"path/filepath"
	"slices"

	"github.com/stancekit/stancekit/features"
)

// File layout: magic (16 bytes), format version (uint32, little endian),
// body length (uint64), body (gzip-compressed gob of modelFile), CRC-32
// (IEEE) of the body (uint32).
const (
	magic         = "STANCEKIT-MODEL\n"
	FormatVersion = 1
	headerLen     = len(magic) + 4 + 8

	// FormatVersionConv is the version of a file whose model has the
	// vector member (Model.Conv): its body is a gob of
	// modelFileConv. A model without the member is written as version
	// FormatVersion, byte for byte as before the member existed.
	FormatVersionConv = 2
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

// modelFileConv is modelFile and the ordered-vector member: a type of its
// own, because gob describes every field of a type in the stream, so a new
// field in modelFile would change the bytes of every model.
type modelFileConv struct {
	Labels   []string
	Options  Options
	Pipeline features.State
	Stage1   Linear
	Stage2   *Linear
	Chain    *Transitions
	Decode   string
	Trained  TrainInfo
	Conv     *ConvMember
}

func (f *modelFileConv) plain() *modelFile {
	return &modelFile{Labels: f.Labels, Options: f.Options, Pipeline: f.Pipeline, Stage1: f.Stage1,
		Stage2: f.Stage2, Chain: f.Chain, Decode: f.Decode, Trained: f.Trained}
}

// WriteTo writes the model in the file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var body bytes.Buffer
	// Stored, not deflated: a model is mostly int8 word vectors and float
	// weights, which deflate shrinks by only 16% (14.3 to 12.0 MB for the
	// default model) while inflating them was two thirds of the load time
	// (0.16 s, a tenth of classifying 200k sentences). Still gzip, so files
	// written at other levels load the same.
	zw, _ := gzip.NewWriterLevel(&body, gzip.NoCompression)
	mf := modelFile{Labels: m.Labels, Options: m.Options, Pipeline: m.Pipeline.State(), Stage1: *m.Stage1,
		Stage2: m.Stage2, Chain: m.Chain, Decode: m.Decode, Trained: m.Trained}
	mf.Options.Workers = 0 // does not change the model; keep bytes machine-independent
	var v any = &mf
	version := uint32(FormatVersion)
	if m.Conv != nil {
		v = &modelFileConv{Labels: mf.Labels, Options: mf.Options, Pipeline: mf.Pipeline, Stage1: mf.Stage1,
			Stage2: mf.Stage2, Chain: mf.Chain, Decode: mf.Decode, Trained: mf.Trained, Conv: m.Conv}
		version = FormatVersionConv
	}
	if err := gob.NewEncoder(zw).Encode(v); err != nil {
		return 0, fmt.Errorf("models: encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("models: encode: %w", err)
	}
	hdr := make([]byte, 0, headerLen)
	hdr = append(hdr, magic...)
	hdr = binary.LittleEndian.AppendUint32(hdr, version)
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
	version := binary.LittleEndian.Uint32(b[len(magic):])
	if version != FormatVersion && version != FormatVersionConv {
		return nil, fmt.Errorf("%w: file has version %d, this build reads versions %d and %d", ErrVersion, version, FormatVersion, FormatVersionConv)
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
	if version == FormatVersionConv {
		var mf modelFileConv
		if err := gob.NewDecoder(zr).Decode(&mf); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		if mf.Conv == nil {
			return nil, fmt.Errorf("%w: a version %d file without a convolution member", ErrCorrupt, version)
		}
		return fromFile(mf.plain(), mf.Conv)
	}
	var mf modelFile
	if err := gob.NewDecoder(zr).Decode(&mf); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return fromFile(&mf, nil)
}

// Bounds on what a model file may declare, checked before anything is
// sized from it: a body with a forged count or dimension is an error, not
// an allocation of gigabytes or an index out of range (issue 13). They are
// far above any real model (the default has 4 labels and about 40,000
// features).
const (
	maxLabels = 1 << 10
	maxDim    = 1 << 28 // features per stage; k × maxDim weights still fit an int
)

func fromFile(mf *modelFile, conv *ConvMember) (*Model, error) {
	k := len(mf.Labels)
	if k < 2 || k > maxLabels {
		return nil, fmt.Errorf("%w: %d labels (want 2 to %d)", ErrCorrupt, k, maxLabels)
	}
	if err := checkLabels(mf.Labels); err != nil {
		return nil, err
	}
	if b := mf.Pipeline.Config.Buckets; b < 0 || b > maxDim {
		return nil, fmt.Errorf("%w: %d hash buckets (want 0 to %d)", ErrCorrupt, b, maxDim)
	}
	if n := len(mf.Pipeline.Keys); n > maxDim {
		return nil, fmt.Errorf("%w: vocabulary of %d n-grams (at most %d)", ErrCorrupt, n, maxDim)
	}
	pipe, err := features.FromState(mf.Pipeline)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if err := checkPipelineState(pipe.State()); err != nil {
		return nil, err
	}
	if d := pipe.Dim(); d <= 0 || d > maxDim {
		return nil, fmt.Errorf("%w: %d features (want 1 to %d)", ErrCorrupt, d, maxDim)
	}
	if err := checkLinear(&mf.Stage1, mf.Labels, pipe.Dim()); err != nil {
		return nil, fmt.Errorf("stage 1: %w", err)
	}
	if conv != nil {
		if err := conv.check(k, pipe.VectorTable(), mf.Stage2 != nil); err != nil {
			return nil, err
		}
		conv.proj = newWordProjection(&conv.Net, pipe.VectorTable())
	}
	if mf.Stage2 != nil {
		if err := checkLinear(mf.Stage2, mf.Labels, pipe.Dim()+stackDim(k)+conv.extraDim(k)); err != nil {
			return nil, fmt.Errorf("stage 2: %w", err)
		}
	}
	if c := mf.Chain; c != nil {
		if c.K != k || len(c.Start) != k || len(c.Trans) != k*k {
			return nil, fmt.Errorf("%w: sequence layer for %d labels, model has %d", ErrCorrupt, c.K, k)
		}
		if err := allFinite("sequence layer", c.Start, c.Trans, []float64{c.Weight}); err != nil {
			return nil, err
		}
	}
	if mf.Decode != DecodePosterior && mf.Decode != DecodeViterbi {
		return nil, fmt.Errorf("%w: unknown decoding %q", ErrCorrupt, mf.Decode)
	}
	s1 := mf.Stage1
	return &Model{Labels: mf.Labels, Options: mf.Options, Pipeline: pipe, Stage1: &s1, Stage2: mf.Stage2,
		Chain: mf.Chain, Decode: mf.Decode, Trained: mf.Trained, Conv: conv, stagePairs: &stagePairs{}}, nil
}

// checkLinear checks a stage's shape against the model (dim ≤ maxDim and
// k ≤ maxLabels, so k×dim cannot overflow) and that every weight is finite.
func checkLinear(l *Linear, labels []string, dim int) error {
	k := len(labels)
	switch {
	case len(l.LabelNames) != k:
		return fmt.Errorf("%w: %d labels, model has %d", ErrCorrupt, len(l.LabelNames), k)
	case !slices.Equal(l.LabelNames, labels):
		return fmt.Errorf("%w: labels %q, model has %q", ErrCorrupt, l.LabelNames, labels)
	case l.Dim != dim:
		return fmt.Errorf("%w: dimension %d, features give %d", ErrCorrupt, l.Dim, dim)
	case len(l.W) != k*dim || len(l.B) != k:
		return fmt.Errorf("%w: weight shape %d/%d, want %d/%d", ErrCorrupt, len(l.W), len(l.B), k*dim, k)
	case math.IsNaN(l.Temperature) || math.IsInf(l.Temperature, 0) || l.Temperature < 0:
		return fmt.Errorf("%w: temperature %g", ErrCorrupt, l.Temperature)
	}
	for j, w := range l.W {
		if math.IsNaN(float64(w)) || math.IsInf(float64(w), 0) {
			return fmt.Errorf("%w: weight %d of feature %d is %g", ErrCorrupt, j%k, j/k, w)
		}
	}
	return allFinite("bias", l.B)
}

func allFinite(what string, xs ...[]float64) error {
	for _, x := range xs {
		for i, v := range x {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("%w: %s entry %d is %g", ErrCorrupt, what, i, v)
			}
		}
	}
	return nil
}

// checkLabels: labels are distinct and named.
func checkLabels(labels []string) error {
	seen := make(map[string]bool, len(labels))
	for _, l := range labels {
		if l == "" || seen[l] {
			return fmt.Errorf("%w: labels %q: each must be named and distinct", ErrCorrupt, labels)
		}
		seen[l] = true
	}
	return nil
}

// checkPipelineState: the vocabulary is sorted without repeats (a key
// that appears twice leaves a feature unreachable: not a file this package
// writes), and idf values are finite and not negative.
func checkPipelineState(s features.State) error {
	for i := 1; i < len(s.Keys); i++ {
		if s.Keys[i-1] >= s.Keys[i] {
			return fmt.Errorf("%w: vocabulary keys not sorted at entry %d", ErrCorrupt, i)
		}
	}
	for i, v := range s.IDF {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) || v < 0 {
			return fmt.Errorf("%w: idf entry %d is %g", ErrCorrupt, i, v)
		}
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
