package models

import (
	"fmt"

	"github.com/stancekit/stancekit/features"
)

// Dataset is a labelled set of sparse rows in compressed sparse row form:
// row i holds Index[Ptr[i]:Ptr[i+1]] and Value[Ptr[i]:Ptr[i+1]].
type Dataset struct {
	Dim    int
	Labels []string
	Ptr    []int
	Index  []uint32
	Value  []float32
	Y      []int
}

// NewDataset returns an empty dataset of the given dimension and labels.
func NewDataset(dim int, labels []string) *Dataset {
	return &Dataset{Dim: dim, Labels: labels, Ptr: []int{0}}
}

// Append adds one row.
func (d *Dataset) Append(v *features.Vector, y int) {
	d.Index = append(d.Index, v.Index...)
	d.Value = append(d.Value, v.Value...)
	d.Ptr = append(d.Ptr, len(d.Index))
	d.Y = append(d.Y, y)
}

// Len is the number of rows.
func (d *Dataset) Len() int { return len(d.Y) }

// Row returns row i as a Vector sharing the dataset's storage.
func (d *Dataset) Row(i int) features.Vector {
	return features.Vector{Index: d.Index[d.Ptr[i]:d.Ptr[i+1]], Value: d.Value[d.Ptr[i]:d.Ptr[i+1]]}
}

// Subset returns the rows at the given positions, in that order.
func (d *Dataset) Subset(rows []int) *Dataset {
	s := NewDataset(d.Dim, d.Labels)
	for _, i := range rows {
		v := d.Row(i)
		s.Append(&v, d.Y[i])
	}
	return s
}

func (d *Dataset) check() error {
	if d.Len() == 0 {
		return fmt.Errorf("models: empty training set")
	}
	if len(d.Labels) < 2 {
		return fmt.Errorf("models: need at least two labels, have %v", d.Labels)
	}
	for i, y := range d.Y {
		if y < 0 || y >= len(d.Labels) {
			return fmt.Errorf("models: row %d: label index %d out of range", i, y)
		}
	}
	return nil
}

// classCounts returns the number of rows per label.
func (d *Dataset) classCounts() []int {
	c := make([]int, len(d.Labels))
	for _, y := range d.Y {
		c[y]++
	}
	return c
}
