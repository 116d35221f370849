package vectors

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func cosine(a, b []float32) float64 {
	var ab, aa, bb float64
	for i := range a {
		ab += float64(a[i]) * float64(b[i])
		aa += float64(a[i]) * float64(a[i])
		bb += float64(b[i]) * float64(b[i])
	}
	return ab / math.Sqrt(aa*bb)
}

// Rounding to a step of maxAbs/127 moves each component by at most half a
// step, so for Gaussian vectors of dimension 100 the cosine stays above
// 0.9999 (the generator measured min 0.99990 on GloVe's 100k rows).
func TestQuantizeCosine(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var words []string
	var vecs [][]float32
	for i := 0; i < 500; i++ {
		v := make([]float32, 100)
		for j := range v {
			v[j] = float32(rng.NormFloat64())
		}
		words = append(words, "w"+string(rune('a'+i%26))+strings.Repeat("x", i/26))
		vecs = append(vecs, v)
	}
	tb, err := Quantize(words, vecs, 100)
	require.NoError(t, err)
	for i, v := range vecs {
		assert.Greater(t, cosine(v, tb.Vector(i)), 0.9999, words[i])
	}
}

// Worked by hand: max |x| = 2.54, so the scale is 0.02 and the components
// are round(x / 0.02).
func TestQuantizeByHand(t *testing.T) {
	tb, err := Quantize([]string{"a", "b", "a"}, [][]float32{{2.54, -1, 0.011}, {0, 0, 0}, {9, 9, 9}}, 3)
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b"}, tb.Words, "the first occurrence of a word wins")
	assert.InDelta(t, 0.02, tb.Scale[0], 1e-7)
	assert.Equal(t, []int8{127, -50, 1}, []int8{int8(tb.Data[0]), int8(tb.Data[1]), int8(tb.Data[2])})
	assert.Equal(t, float32(0), tb.Scale[1])
	assert.Equal(t, 1, tb.Lookup("b"))
	assert.Equal(t, -1, tb.Lookup("c"))
	dst := []float32{1, 1, 1}
	tb.AddTo(dst, 0, 0.5)
	assert.InDeltaSlice(t, []float32{1 + 1.27, 1 - 0.5, 1.01}, dst, 1e-6)
	_, err = Quantize([]string{"a"}, [][]float32{{1, 2}}, 3)
	assert.Error(t, err)
}

func TestPrune(t *testing.T) {
	tb, err := Quantize([]string{"a", "b", "c"}, [][]float32{{1, 0}, {0, 1}, {1, 1}}, 2)
	require.NoError(t, err)
	p := tb.Prune(func(i int, w string) bool { return w != "b" })
	assert.Equal(t, []string{"a", "c"}, p.Words)
	assert.Equal(t, tb.Vector(2), p.Vector(1))
	assert.Equal(t, 1, p.Lookup("c"))
	assert.NoError(t, p.Validate())
}

func TestEncodeDecode(t *testing.T) {
	tb, err := Quantize([]string{"the", "naïve", "said"}, [][]float32{{1, -2, 3}, {0.5, 0.25, -0.125}, {0, 0, 1}}, 3)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, tb.Encode(&b))
	got, err := Decode(b.Bytes())
	require.NoError(t, err)
	assert.Equal(t, tb.Words, got.Words)
	assert.Equal(t, tb.Scale, got.Scale)
	assert.Equal(t, tb.Data, got.Data)
	assert.Equal(t, 2, got.Lookup("said"))

	file := b.Bytes()
	for n := 0; n < len(file); n++ {
		_, err := Decode(file[:n])
		assert.Error(t, err, "truncated to %d bytes", n)
	}
	bad := append([]byte(nil), file...)
	bad[len(bad)-6] ^= 1
	_, err = Decode(bad)
	assert.ErrorIs(t, err, ErrCorrupt)
	_, err = Decode([]byte("GloVe is not this"))
	assert.ErrorIs(t, err, ErrNotTable)
}

func TestReadTextFormats(t *testing.T) {
	glove := "the 0.1 0.2 -0.3\nsaid 1 0 0\nThe 5 5 5\n"
	word2vec := "3 3\n" + glove
	gz := func(s string) string {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.String()
	}
	for _, tc := range []struct{ name, in string }{
		{"glove.txt", glove}, {"w2v.txt", word2vec}, {"ft.vec.gz", gz(word2vec)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := ReadText(strings.NewReader(tc.in), tc.name, TextOptions{Lowercase: true})
			require.NoError(t, err)
			assert.Equal(t, 3, tb.Dim)
			assert.Equal(t, []string{"the", "said"}, tb.Words, "lower-cased; the first form wins")
			assert.InDeltaSlice(t, []float32{0.1, 0.2, -0.3}, tb.Vector(0), 0.003/2+1e-6)
		})
	}
	tb, err := ReadText(strings.NewReader(glove), "g", TextOptions{MaxWords: 1})
	require.NoError(t, err)
	assert.Equal(t, 1, tb.Len())
}

func TestReadTextErrorsNameTheLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a 1 2\nb 1\n", "v.txt:2: 1 values, want 2"},
		{"a 1 2\nb 1 x\n", `v.txt:2: "x" is not a number`},
		{"a 1 2\nb \xff 1 2\n", "v.txt:2: invalid UTF-8"},
		{"2 0\n", "v.txt:1: header"},
		{"", "v.txt: no vectors"},
		{"justaword\n", "v.txt:1: 0 values"},
	} {
		_, err := ReadText(strings.NewReader(tc.in), "v.txt", TextOptions{})
		require.Error(t, err, "%q", tc.in)
		assert.Contains(t, err.Error(), tc.want)
	}
}

func TestDefault(t *testing.T) {
	tb, err := Default()
	require.NoError(t, err)
	assert.Equal(t, 100000, tb.Len())
	assert.Equal(t, 100, tb.Dim)
	assert.Equal(t, "the", tb.Words[0], "GloVe lists words by frequency")
	// Neighbours that GloVe is known for: "said" is nearer "told" than "banana".
	said, told, banana := tb.Vector(tb.Lookup("said")), tb.Vector(tb.Lookup("told")), tb.Vector(tb.Lookup("banana"))
	assert.Greater(t, cosine(said, told), cosine(said, banana)+0.3)
}

func FuzzDecode(f *testing.F) {
	tb, _ := Quantize([]string{"a", "bb"}, [][]float32{{1, 2}, {3, -4}}, 2)
	var b bytes.Buffer
	tb.Encode(&b)
	f.Add(b.Bytes())
	f.Add([]byte(fileMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Decode(data)
		if err != nil {
			if !errors.Is(err, ErrNotTable) && !errors.Is(err, ErrTruncated) && !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		if err := got.Validate(); err != nil {
			t.Fatalf("decoded an invalid table: %v", err)
		}
		for i := range got.Words {
			got.Vector(i)
		}
	})
}

func FuzzReadText(f *testing.F) {
	f.Add("the 0.1 0.2\nsaid 1 0\n")
	f.Add("2 2\na 1 1\nb 2 2\n")
	f.Fuzz(func(t *testing.T, in string) {
		tb, err := ReadText(strings.NewReader(in), "f", TextOptions{Lowercase: true})
		if err != nil {
			return
		}
		if err := tb.Validate(); err != nil {
			t.Fatalf("invalid table from %q: %v", in, err)
		}
	})
}

// AddTo works four components a step with a tail: for dimensions that are
// and are not multiples of four it must equal the plain dequantization
// scale × weight × int8, bit for bit (the models' scores depend on it).
func TestAddToMatchesPlainDequantization(t *testing.T) {
	for _, dim := range []int{1, 3, 4, 7, 100} {
		tb := &Table{Dim: dim, Words: []string{"a"}, Scale: []float32{0.0123}}
		for j := range dim {
			tb.Data = append(tb.Data, byte(int8(j*37-128))) // covers -128 and positive values
		}
		got := make([]float32, dim)
		for j := range got {
			got[j] = float32(j) / 3
		}
		want := append([]float32(nil), got...)
		tb.AddTo(got, 0, 0.7)
		s := tb.Scale[0] * 0.7
		for j := range want {
			want[j] += s * float32(int8(tb.Data[j]))
		}
		assert.Equal(t, want, got, "dim %d", dim)
	}
}
