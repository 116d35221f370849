package golearn

import (
	"fmt"
	"strconv"

	"github.com/sjwhitworth/golearn/base"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/models"
)

// schema is the golearn layout shared by the training grid and every
// prediction grid: one FloatAttribute per dense column, then a categorical
// class attribute whose values are the labels in order, so that a label's
// system value is its index.
type schema struct {
	attrs []base.Attribute // dense columns, in order
	class *base.CategoricalAttribute
}

func newSchema(cols int, labels []string) *schema {
	s := &schema{attrs: make([]base.Attribute, cols), class: base.NewCategoricalAttribute()}
	for j := range s.attrs {
		s.attrs[j] = base.NewFloatAttribute("x" + strconv.Itoa(j))
	}
	s.class.SetName("label")
	for _, l := range labels {
		s.class.GetSysValFromString(l)
	}
	return s
}

// grid allocates DenseInstances of n rows over the columns cols (all
// columns when nil) and the class, and returns it with the column specs
// (in the order of cols) and the class spec.
func (s *schema) grid(cols []int, n int) (*base.DenseInstances, []base.AttributeSpec, base.AttributeSpec) {
	if cols == nil {
		cols = make([]int, len(s.attrs))
		for j := range cols {
			cols[j] = j
		}
	}
	g := base.NewDenseInstances()
	specs := make([]base.AttributeSpec, len(cols))
	for i, j := range cols {
		specs[i] = g.AddAttribute(s.attrs[j])
	}
	cs := g.AddAttribute(s.class)
	if err := g.AddClassAttribute(s.class); err != nil {
		panic("golearn: " + err.Error()) // the attribute was just added
	}
	if err := g.Extend(n); err != nil {
		panic("golearn: " + err.Error())
	}
	return g, specs, cs
}

// denseRows returns the first cols columns of every row of d. golearn
// reads dense rows only, so this costs n × cols × 8 bytes whatever the
// sparsity of d.
func denseRows(d *models.Dataset, cols int) [][]float64 {
	x := make([][]float64, d.Len())
	for i := range x {
		v := d.Row(i)
		x[i] = make([]float64, cols)
		densify(&v, x[i])
	}
	return x
}

// densify writes the entries of v below len(x) into x, zeros elsewhere;
// later entries (the n-gram block) are ignored.
func densify(v *features.Vector, x []float64) {
	clear(x)
	for k, idx := range v.Index {
		if int(idx) < len(x) {
			x[idx] += float64(v.Value[k])
		}
	}
}

// checkDataset reports a dataset that cannot be trained on.
func checkDataset(d *models.Dataset, cols int) error {
	switch {
	case d == nil || d.Len() == 0:
		return fmt.Errorf("golearn: empty training set")
	case len(d.Labels) < 2:
		return fmt.Errorf("golearn: need at least two labels, have %v", d.Labels)
	case cols > d.Dim:
		return fmt.Errorf("golearn: %d columns asked for, rows have %d", cols, d.Dim)
	}
	seen := make(map[string]bool, len(d.Labels))
	for _, l := range d.Labels {
		if seen[l] {
			return fmt.Errorf("golearn: label %q appears twice in %v", l, d.Labels)
		}
		seen[l] = true
	}
	for i, y := range d.Y {
		if y < 0 || y >= len(d.Labels) {
			return fmt.Errorf("golearn: row %d: label index %d out of range", i, y)
		}
	}
	return nil
}
