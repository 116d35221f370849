package models

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"hash/crc32"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

var sentinels = []error{ErrNotModel, ErrVersion, ErrTruncated, ErrCorrupt}

// isSentinel reports whether err wraps one of the file errors.
func isSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// smallModel is a model with every stage, trained once per test binary.
var smallModel = sync.OnceValues(func() (*Model, error) {
	return Train(synthCorpus(31, 8), fullOptions(LogReg))
})

func smallModelBytes(t testing.TB) []byte {
	t.Helper()
	m, err := smallModel()
	require.NoError(t, err)
	var b bytes.Buffer
	_, err = m.WriteTo(&b)
	require.NoError(t, err)
	return b.Bytes()
}

// frame wraps a body in the file layout: magic, version, length, body, CRC.
func frame(version uint32, body []byte) []byte {
	b := append([]byte(magic), binary.LittleEndian.AppendUint32(nil, version)...)
	b = binary.LittleEndian.AppendUint64(b, uint64(len(body)))
	b = append(b, body...)
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(body))
}

func gzipped(t testing.TB, raw []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, err := zw.Write(raw)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return b.Bytes()
}

func gobOf(t testing.TB, v any) []byte {
	var b bytes.Buffer
	require.NoError(t, gob.NewEncoder(&b).Encode(v))
	return b.Bytes()
}

// fileOf is the modelFile that WriteTo would write for m.
func fileOf(m *Model) modelFile {
	mf := modelFile{Labels: m.Labels, Options: m.Options, Pipeline: m.Pipeline.State(), Stage1: *m.Stage1,
		Stage2: m.Stage2, Chain: m.Chain, Decode: m.Decode, Trained: m.Trained}
	mf.Options.Workers = 0
	return mf
}

// decodeNoPanic calls Decode and turns a panic into a test failure.
func decodeNoPanic(t *testing.T, b []byte) (m *Model, err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("Decode panicked on %d bytes: %v", len(b), r)
		}
	}()
	return Decode(b)
}

// predictAll labels copies of the articles and returns the predictions.
func predictAll(m *Model, articles []*corpus.Article) [][]Prediction {
	ws := m.NewWorkspace()
	var out [][]Prediction
	for _, a := range cloneArticles(articles) {
		ps := ws.Predict(a)
		cp := make([]Prediction, len(ps))
		for i, p := range ps {
			cp[i] = Prediction{Label: p.Label, Probs: append([]float64(nil), p.Probs...)}
		}
		out = append(out, cp)
	}
	return out
}

func requireSameBits(t *testing.T, want, got [][]Prediction) {
	t.Helper()
	require.Len(t, got, len(want))
	for ai := range want {
		require.Len(t, got[ai], len(want[ai]), "article %d", ai)
		for i := range want[ai] {
			assert.Equal(t, want[ai][i].Label, got[ai][i].Label, "article %d sentence %d", ai, i)
			for c := range want[ai][i].Probs {
				assert.Equal(t, math.Float64bits(want[ai][i].Probs[c]), math.Float64bits(got[ai][i].Probs[c]),
					"article %d sentence %d label %d: %v vs %v", ai, i, c, want[ai][i].Probs[c], got[ai][i].Probs[c])
			}
		}
	}
}

// A saved and loaded model predicts the same bits as the one in memory,
// for every stage combination and both decodings, on segmented articles
// and on raw text.
func TestSaveLoadRoundTrip(t *testing.T) {
	data := synthCorpus(41, 10)
	probe := synthCorpus(42, 3)
	raw := &corpus.Article{ID: "raw", Text: "Zorbit lorem ipsum dolor.\n\nSitam consec grommet brastle. Tempor incidu."}
	probe = append(probe, raw, &corpus.Article{ID: "empty"})
	for _, tc := range []struct {
		name   string
		opts   Options
		decode string
	}{
		{"mnb plain", quickOptions(MNB), DecodePosterior},
		{"nbsvm calibrated", func() Options { o := quickOptions(NBSVM); o.Calibrate = true; return o }(), DecodePosterior},
		{"logreg full posterior", fullOptions(LogReg), DecodePosterior},
		{"svm full viterbi", fullOptions(SVM), DecodeViterbi},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Train(data, tc.opts)
			require.NoError(t, err)
			m.Decode = tc.decode
			want := predictAll(m, probe)
			require.Empty(t, want[len(want)-1], "an empty article has no sentences")

			path := filepath.Join(t.TempDir(), "m.model")
			require.NoError(t, m.Save(path))
			loaded, err := Load(path)
			require.NoError(t, err)
			requireSameBits(t, want, predictAll(loaded, probe))

			assert.Equal(t, m.Labels, loaded.Labels)
			assert.Equal(t, tc.decode, loaded.Decode)
			assert.Equal(t, m.Trained, loaded.Trained)
			assert.Equal(t, 0, loaded.Options.Workers, "workers are not saved")
			o := tc.opts
			o.Workers = 0
			assert.Equal(t, o, loaded.Options)

			// Writing the loaded model again gives the same file.
			b, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(b, modelBytes(t, loaded)), "re-encoding a loaded model changes its bytes")
		})
	}
}

func TestSaveIsAtomic(t *testing.T) {
	m1, err := Train(synthCorpus(51, 6), quickOptions(MNB))
	require.NoError(t, err)
	m2, err := Train(synthCorpus(52, 6), quickOptions(CNB))
	require.NoError(t, err)
	dir := t.TempDir()
	path := filepath.Join(dir, "news.model")
	names := func() []string {
		es, err := os.ReadDir(dir)
		require.NoError(t, err)
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}

	require.NoError(t, m1.Save(path))
	assert.Equal(t, []string{"news.model"}, names(), "no temporary file left behind")
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), fi.Mode().Perm())
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(modelBytes(t, m1), got))

	// Saving over an existing file replaces it whole.
	require.NoError(t, m2.Save(path))
	assert.Equal(t, []string{"news.model"}, names())
	got, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(modelBytes(t, m2), got), "the second save replaced the first")
	loaded, err := Load(path)
	require.NoError(t, err)
	assert.Equal(t, CNB, loaded.Stage1.Kind)

	// A failed save leaves the old file and no temporary file.
	sub := filepath.Join(dir, "sub")
	require.NoError(t, os.Mkdir(sub, 0o755))
	err = m1.Save(sub) // renaming a file over a directory fails
	require.Error(t, err)
	assert.Contains(t, err.Error(), sub)
	assert.ElementsMatch(t, []string{"news.model", "sub"}, names(), "no temporary file left after a failed rename")
	err = m1.Save(filepath.Join(dir, "missing", "x.model"))
	require.Error(t, err)
	assert.ElementsMatch(t, []string{"news.model", "sub"}, names())
}

// failingWriter accepts ok bytes, then fails.
type failingWriter struct{ ok int }

var errDiskFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) <= w.ok {
		w.ok -= len(p)
		return len(p), nil
	}
	n := w.ok
	w.ok = 0
	return n, errDiskFull
}

func TestWriteToFailingWriter(t *testing.T) {
	m, err := smallModel()
	require.NoError(t, err)
	size := len(smallModelBytes(t))
	for _, ok := range []int{0, 10, headerLen, headerLen + 100, size - 1} {
		n, err := m.WriteTo(&failingWriter{ok: ok})
		assert.ErrorIs(t, err, errDiskFull, "fails after %d bytes", ok)
		assert.Equal(t, int64(ok), n, "reports the bytes written")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := Load(filepath.Join(dir, "nope.model"))
	require.Error(t, err)
	assert.ErrorIs(t, err, os.ErrNotExist)

	bad := filepath.Join(dir, "bad.model")
	require.NoError(t, os.WriteFile(bad, []byte("hello"), 0o644))
	_, err = Load(bad)
	assert.ErrorIs(t, err, ErrNotModel)
	assert.Contains(t, err.Error(), bad, "the error names the file")

	_, err = Load(dir)
	assert.Error(t, err, "a directory is no model")
}

func TestDecodeForeignFiles(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	noise := make([]byte, 300)
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	tests := map[string][]byte{
		"empty":                   nil,
		"zero bytes":              make([]byte, 64),
		"json":                    []byte(`{"labels": ["fact", "opinion"]}`),
		"zip":                     []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"),
		"gzip":                    gzipped(t, []byte("STANCEKIT-MODEL\n")),
		"noise":                   noise,
		"magic off by one letter": append([]byte("STANCEKIT-M0DEL\n"), smallModelBytes(t)[len(magic):]...),
		"magic without newline":   []byte("STANCEKIT-MODEL"[:14] + "X"),
		"lower-case magic":        []byte("stancekit-model\n\x01\x00\x00\x00"),
	}
	for name, b := range tests {
		t.Run(name, func(t *testing.T) {
			m, err := decodeNoPanic(t, b)
			assert.Nil(t, m)
			assert.ErrorIs(t, err, ErrNotModel)
		})
	}
}

// Every proper prefix of a model file is reported as truncated; only the
// empty prefix is no model at all.
func TestDecodeEveryTruncation(t *testing.T) {
	b := smallModelBytes(t)
	t.Logf("model file: %d bytes", len(b))
	for n := 0; n < len(b); n++ {
		m, err := decodeNoPanic(t, b[:n])
		require.Nil(t, m, "prefix of %d bytes", n)
		require.Error(t, err, "prefix of %d bytes", n)
		if n == 0 {
			require.ErrorIs(t, err, ErrNotModel)
			continue
		}
		require.ErrorIs(t, err, ErrTruncated, "prefix of %d bytes: %v", n, err)
	}
	_, err := decodeNoPanic(t, b)
	require.NoError(t, err, "the whole file decodes")
}

// Flipping any one byte gives the error of the region it falls in.
func TestDecodeEveryFlippedByte(t *testing.T) {
	b := smallModelBytes(t)
	bodyEnd := len(b) - 4
	for i := 0; i < len(b); i++ {
		for _, mask := range []byte{0x01, 0x80, 0xff} {
			c := bytes.Clone(b)
			c[i] ^= mask
			m, err := decodeNoPanic(t, c)
			require.Nil(t, m, "byte %d ^ %#x", i, mask)
			switch {
			case i < len(magic):
				require.ErrorIs(t, err, ErrNotModel, "byte %d ^ %#x", i, mask)
			case i < len(magic)+4:
				require.ErrorIs(t, err, ErrVersion, "byte %d ^ %#x", i, mask)
			case i < headerLen:
				// A longer body length reads as truncated, a shorter one
				// leaves bytes after the checksum.
				require.True(t, errors.Is(err, ErrTruncated) || errors.Is(err, ErrCorrupt), "byte %d ^ %#x: %v", i, mask, err)
			case i < bodyEnd:
				require.ErrorIs(t, err, ErrCorrupt, "byte %d ^ %#x", i, mask)
				require.Contains(t, err.Error(), "checksum")
			default:
				require.ErrorIs(t, err, ErrCorrupt, "byte %d ^ %#x", i, mask)
			}
		}
	}
}

func TestDecodeDamage(t *testing.T) {
	good := smallModelBytes(t)
	m, err := smallModel()
	require.NoError(t, err)
	goodGob := gobOf(t, fileOf(m))
	// Body with a valid checksum around a modified modelFile.
	withFile := func(edit func(mf *modelFile)) []byte {
		mf := fileOf(m)
		mf.Stage1 = *cloneLinear(&mf.Stage1)
		if mf.Stage2 != nil {
			mf.Stage2 = cloneLinear(mf.Stage2)
		}
		if mf.Chain != nil {
			c := *mf.Chain
			mf.Chain = &c
		}
		edit(&mf)
		return frame(FormatVersion, gzipped(t, gobOf(t, mf)))
	}
	withVersion := func(v uint32) []byte {
		c := bytes.Clone(good)
		binary.LittleEndian.PutUint32(c[len(magic):], v)
		return c
	}
	tests := []struct {
		name string
		file []byte
		want error
	}{
		{"one trailing byte", append(bytes.Clone(good), 0), ErrCorrupt},
		{"a second copy appended", append(bytes.Clone(good), good...), ErrCorrupt},
		{"version 0", withVersion(0), ErrVersion},
		{"version 3", withVersion(FormatVersionConv + 1), ErrVersion},
		{"version max", withVersion(math.MaxUint32), ErrVersion},
		{"header only", good[:headerLen], ErrTruncated},
		{"checksum missing", good[:len(good)-4], ErrTruncated},
		{"empty body", frame(FormatVersion, nil), ErrCorrupt},
		{"body not gzip", frame(FormatVersion, []byte("this is not gzip at all, but the checksum is right")), ErrCorrupt},
		{"gzip of garbage", frame(FormatVersion, gzipped(t, []byte("garbage, not gob"))), ErrCorrupt},
		{"gzip of nothing", frame(FormatVersion, gzipped(t, nil)), ErrCorrupt},
		{"gob of another type", frame(FormatVersion, gzipped(t, gobOf(t, map[string]int{"a": 1}))), ErrCorrupt},
		{"gob cut in half", frame(FormatVersion, gzipped(t, goodGob[:len(goodGob)/2])), ErrCorrupt},
		{"gzip cut short", frame(FormatVersion, gzipped(t, goodGob)[:100]), ErrCorrupt},
		{"one label", withFile(func(mf *modelFile) { mf.Labels = mf.Labels[:1] }), ErrCorrupt},
		{"stage 1 weights short", withFile(func(mf *modelFile) { mf.Stage1.W = mf.Stage1.W[:len(mf.Stage1.W)-1] }), ErrCorrupt},
		{"stage 1 bias short", withFile(func(mf *modelFile) { mf.Stage1.B = mf.Stage1.B[:1] }), ErrCorrupt},
		{"stage 1 dimension", withFile(func(mf *modelFile) { mf.Stage1.Dim++ }), ErrCorrupt},
		{"stage 1 labels", withFile(func(mf *modelFile) { mf.Stage1.LabelNames = append(mf.Stage1.LabelNames, "x") }), ErrCorrupt},
		{"stage 2 dimension", withFile(func(mf *modelFile) { mf.Stage2.Dim-- }), ErrCorrupt},
		{"stage 2 weights", withFile(func(mf *modelFile) { mf.Stage2.W = nil }), ErrCorrupt},
		{"chain size", withFile(func(mf *modelFile) { mf.Chain.K = 3 }), ErrCorrupt},
		{"chain transitions", withFile(func(mf *modelFile) { mf.Chain.Trans = mf.Chain.Trans[:3] }), ErrCorrupt},
		{"unknown decoding", withFile(func(mf *modelFile) { mf.Decode = "beam" }), ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := decodeNoPanic(t, tt.file)
			assert.Nil(t, m)
			assert.ErrorIs(t, err, tt.want)
		})
	}
	t.Run("unchanged file decodes", func(t *testing.T) {
		_, err := decodeNoPanic(t, withFile(func(*modelFile) {}))
		assert.NoError(t, err)
	})
}

// A body length near 2⁶⁴ wraps around in n+4.
func TestDecodeHugeBodyLength(t *testing.T) {
	for _, n := range []uint64{math.MaxUint64, math.MaxUint64 - 3} {
		b := append([]byte(magic), binary.LittleEndian.AppendUint32(nil, FormatVersion)...)
		b = binary.LittleEndian.AppendUint64(b, n)
		b = append(b, "0123456789"...)
		_, err := decodeNoPanic(t, b)
		assert.True(t, errors.Is(err, ErrTruncated) || errors.Is(err, ErrCorrupt), "length %#x: %v", n, err)
	}
}

// A checksum-valid file whose pipeline state does not hold together is
// damage like any other and must say so with a sentinel.
func TestDecodeBadPipelineState(t *testing.T) {
	m, err := smallModel()
	require.NoError(t, err)
	inconsistent := fileOf(m)
	inconsistent.Pipeline.Names = inconsistent.Pipeline.Names[:len(inconsistent.Pipeline.Names)-1]
	_, err = decodeNoPanic(t, frame(FormatVersion, gzipped(t, gobOf(t, inconsistent))))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrCorrupt)

	otherLexicon := fileOf(m)
	otherLexicon.Pipeline.Lexicon = "lexicon-from-the-future"
	_, err = decodeNoPanic(t, frame(FormatVersion, gzipped(t, gobOf(t, otherLexicon))))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrVersion) || errors.Is(err, ErrCorrupt), "%v", err)
}

// cloneLinear copies a Linear's slices, so that a test may damage the copy.
func cloneLinear(m *Linear) *Linear {
	c := *m
	c.LabelNames = append([]string(nil), m.LabelNames...)
	c.W = append([]float32(nil), m.W...)
	c.B = append([]float64(nil), m.B...)
	return &c
}
