package features

import (
	"slices"
	"sort"
)

// Vector is a sparse vector: Index sorted ascending without duplicates once
// Sort has run, Value aligned with it. Reuse a Vector with Reset so that
// extraction does not allocate in steady state.
type Vector struct {
	Index []uint32
	Value []float32
}

// Reset empties v, keeping its storage.
func (v *Vector) Reset() {
	v.Index = v.Index[:0]
	v.Value = v.Value[:0]
}

// Add appends x at index i; call Sort before use if indexes may be out of
// order or repeated.
func (v *Vector) Add(i uint32, x float32) {
	v.Index = append(v.Index, i)
	v.Value = append(v.Value, x)
}

// Len returns the number of stored entries.
func (v *Vector) Len() int { return len(v.Index) }

// Sort orders the entries by index and sums repeated indexes; entries that
// sum to zero are dropped.
func (v *Vector) Sort() {
	if !slices.IsSorted(v.Index) { // the plain check: most vectors are sorted

		sort.Sort(byIndex{v})
	}
	w := 0
	for r := 0; r < len(v.Index); r++ {
		if w > 0 && v.Index[w-1] == v.Index[r] {
			v.Value[w-1] += v.Value[r]
			continue
		}
		v.Index[w], v.Value[w] = v.Index[r], v.Value[r]
		w++
	}
	v.Index, v.Value = v.Index[:w], v.Value[:w]
	w = 0
	for r := range v.Index {
		if v.Value[r] != 0 {
			v.Index[w], v.Value[w] = v.Index[r], v.Value[r]
			w++
		}
	}
	v.Index, v.Value = v.Index[:w], v.Value[:w]
}

// CopyFrom makes v a copy of u, reusing v's storage.
func (v *Vector) CopyFrom(u *Vector) {
	v.Index = append(v.Index[:0], u.Index...)
	v.Value = append(v.Value[:0], u.Value...)
}

type byIndex struct{ v *Vector }

func (b byIndex) Len() int           { return len(b.v.Index) }
func (b byIndex) Less(i, j int) bool { return b.v.Index[i] < b.v.Index[j] }
func (b byIndex) Swap(i, j int) {
	b.v.Index[i], b.v.Index[j] = b.v.Index[j], b.v.Index[i]
	b.v.Value[i], b.v.Value[j] = b.v.Value[j], b.v.Value[i]
}
