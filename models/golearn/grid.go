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

// grid allocates DenseInstances of n rows in the schema and returns them
// with the column and class specs.
func (s *schema) grid(n int) (*base.DenseInstances, []base.AttributeSpec, base.AttributeSpec) {
	g := base.NewDenseInstances()
	specs := make([]base.AttributeSpec, len(s.attrs))
	for j, a := range s.attrs {
		specs[j] = g.AddAttribute(a)
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

// trainingGrid copies the first cols columns of every row of d into a
// DenseInstances: golearn's grids are dense, so this costs n × cols × 8
// bytes whatever the sparsity of d.
func (s *schema) trainingGrid(d *models.Dataset) *base.DenseInstances {
	g, specs, cs := s.grid(d.Len())
	x := make([]float64, len(s.attrs))
	for i := 0; i < d.Len(); i++ {
		v := d.Row(i)
		densify(&v, x)
		for j, spec := range specs {
			g.Set(spec, i, base.PackFloatToBytes(x[j]))
		}
		g.Set(cs, i, base.PackU64ToBytes(uint64(d.Y[i])))
	}
	return g
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
	for i, y := range d.Y {
		if y < 0 || y >= len(d.Labels) {
			return fmt.Errorf("golearn: row %d: label index %d out of range", i, y)
		}
	}
	return nil
}
