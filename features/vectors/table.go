package vectors

import (
	"fmt"
	"math"
	"sync"
)

// Table is a quantized word-vector table. Build one with Quantize, ReadText
// or Decode; it is read-only afterwards and safe for concurrent use.
type Table struct {
	Dim   int
	Words []string  // in source order
	Scale []float32 // per word: component j of word w is Scale[w] × int8(Data[w·Dim+j])
	Data  []byte    // len(Words)·Dim int8 values, stored as their bytes
	once  sync.Once
	index map[string]int32
}

// Quantize builds a table from float vectors (each of length dim). A word
// that is already in the table is skipped: the first occurrence wins, as
// files list the most frequent form first.
func Quantize(words []string, vecs [][]float32, dim int) (*Table, error) {
	if len(words) != len(vecs) {
		return nil, fmt.Errorf("vectors: %d words but %d vectors", len(words), len(vecs))
	}
	t := &Table{Dim: dim}
	seen := make(map[string]bool, len(words))
	for i, w := range words {
		if len(vecs[i]) != dim {
			return nil, fmt.Errorf("vectors: word %q has %d components, want %d", w, len(vecs[i]), dim)
		}
		if seen[w] {
			continue
		}
		seen[w] = true
		t.Words = append(t.Words, w)
		t.Scale = append(t.Scale, quantizeRow(vecs[i], &t.Data))
	}
	return t, nil
}

// quantizeRow appends the int8 components of v to data and returns the scale.
func quantizeRow(v []float32, data *[]byte) float32 {
	var maxAbs float64
	for _, x := range v {
		maxAbs = math.Max(maxAbs, math.Abs(float64(x)))
	}
	scale := float32(maxAbs / 127)
	for _, x := range v {
		var q int8
		if scale > 0 {
			q = int8(math.Round(float64(x) / float64(scale)))
		}
		*data = append(*data, byte(q))
	}
	return scale
}

// Len is the number of words.
func (t *Table) Len() int { return len(t.Words) }

// Lookup returns the row of word, or -1.
func (t *Table) Lookup(word string) int {
	t.once.Do(t.buildIndex)
	if i, ok := t.index[word]; ok {
		return int(i)
	}
	return -1
}

func (t *Table) buildIndex() {
	t.index = make(map[string]int32, len(t.Words))
	for i, w := range t.Words {
		if _, dup := t.index[w]; !dup {
			t.index[w] = int32(i)
		}
	}
}

// AddTo adds weight × the vector of row i to dst (length Dim).
func (t *Table) AddTo(dst []float32, i int, weight float32) {
	s := t.Scale[i] * weight
	row := t.Data[i*t.Dim : (i+1)*t.Dim]
	dst = dst[:len(row)]
	// Four components a step through a table of the 256 int8 values: the
	// int-to-float conversion and the bounds checks dominated this loop,
	// the hottest of the vector family.
	j := 0
	for ; j+4 <= len(row); j += 4 {
		q, d := row[j:j+4:j+4], dst[j:j+4:j+4]
		d[0] += s * int8Float[q[0]]
		d[1] += s * int8Float[q[1]]
		d[2] += s * int8Float[q[2]]
		d[3] += s * int8Float[q[3]]
	}
	for ; j < len(row); j++ {
		dst[j] += s * int8Float[row[j]]
	}
}

// int8Float maps a byte to the float32 value of the int8 it stores.
var int8Float = func() (t [256]float32) {
	for b := range t {
		t[b] = float32(int8(uint8(b)))
	}
	return t
}()

// Vector returns the dequantized vector of row i.
func (t *Table) Vector(i int) []float32 {
	v := make([]float32, t.Dim)
	t.AddTo(v, i, 1)
	return v
}

// Prune returns a table of the rows for which keep is true, in order.
func (t *Table) Prune(keep func(row int, word string) bool) *Table {
	out := &Table{Dim: t.Dim}
	for i, w := range t.Words {
		if !keep(i, w) {
			continue
		}
		out.Words = append(out.Words, w)
		out.Scale = append(out.Scale, t.Scale[i])
		out.Data = append(out.Data, t.Data[i*t.Dim:(i+1)*t.Dim]...)
	}
	return out
}

// Validate reports a table whose parts disagree (a decoded model or file
// with nonsense inside).
func (t *Table) Validate() error {
	switch {
	case t.Dim <= 0 || t.Dim > maxDim:
		return fmt.Errorf("vectors: dimension %d out of range 1..%d", t.Dim, maxDim)
	case len(t.Scale) != len(t.Words):
		return fmt.Errorf("vectors: %d scales for %d words", len(t.Scale), len(t.Words))
	case len(t.Data) != len(t.Words)*t.Dim:
		return fmt.Errorf("vectors: %d components for %d words of dimension %d", len(t.Data), len(t.Words), t.Dim)
	}
	for i, s := range t.Scale {
		if !(s >= 0) || math.IsInf(float64(s), 0) {
			return fmt.Errorf("vectors: word %q has scale %g", t.Words[i], s)
		}
	}
	return nil
}

// maxDim bounds the dimension read from a file, so that a damaged header
// cannot ask for gigabytes.
const maxDim = 4096

// MaxInto sets dst[j] to the larger of dst[j] and component j of row i.
func (t *Table) MaxInto(dst []float32, i int) {
	s := t.Scale[i]
	row := t.Data[i*t.Dim : (i+1)*t.Dim]
	for j, q := range row {
		dst[j] = max(dst[j], s*float32(int8(q)))
	}
}
