package golearn

import (
	"testing"

	"github.com/sjwhitworth/golearn/base"
	"github.com/sjwhitworth/golearn/trees"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tinyGrid puts rows (columns of x, then the label index) in a grid of the
// schema.
func tinyGrid(s *schema, x [][]float64, y []int) *base.DenseInstances {
	g, specs, cs := s.grid(nil, len(x))
	for i, row := range x {
		for j, spec := range specs {
			g.Set(spec, i, base.PackFloatToBytes(row[j]))
		}
		g.Set(cs, i, base.PackU64ToBytes(uint64(y[i])))
	}
	return g
}

func TestInfoGainAgreesWithGolearn(t *testing.T) {
	// No two attributes tie. Worked by hand, in bits of label entropy left
	// after the best threshold of each: x0 0.49 (at 0.25), x1 0.41 (at 0.5),
	// x2 0.61 (at 5.5).
	s := newSchema(3, []string{"a", "b"})
	g := tinyGrid(s, [][]float64{
		{0.1, 0, 3}, {0.9, 0, 1}, {0.2, 0, 5}, {0.4, 1, 2},
		{0.8, 1, 4}, {0.3, 1, 6}, {0.7, 1, 7}, {0.6, 0, 8},
	}, []int{0, 0, 0, 1, 1, 1, 1, 1})
	want := new(trees.InformationGainRuleGenerator).GenerateSplitRule(g)
	got := infoGain{labels: 2}.GenerateSplitRule(g)
	require.NotNil(t, want.SplitAttr)
	require.NotNil(t, got.SplitAttr)
	assert.Equal(t, "x1", want.SplitAttr.GetName())
	assert.Equal(t, want.SplitAttr.GetName(), got.SplitAttr.GetName())
	assert.Equal(t, want.SplitVal, got.SplitVal)
	assert.Equal(t, 0.5, got.SplitVal)
}

func TestInfoGainTiesGoToTheFirstColumn(t *testing.T) {
	// x0, x1 and x2 are the same column, so their gains tie exactly; golearn
	// lists candidates through a map and picks any of them.
	s := newSchema(3, []string{"a", "b"})
	g := tinyGrid(s, [][]float64{{0, 0, 0}, {0, 0, 0}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}}, []int{0, 0, 1, 1, 0})
	for range 20 {
		r := infoGain{labels: 2}.GenerateSplitRule(g)
		require.NotNil(t, r.SplitAttr)
		require.Equal(t, "x0", r.SplitAttr.GetName())
		require.Equal(t, 0.5, r.SplitVal)
	}
}

func TestInfoGainNoSplit(t *testing.T) {
	// Constant columns split nothing: golearn's rule then has no attribute,
	// and InferID3Tree makes the node a leaf.
	s := newSchema(2, []string{"a", "b"})
	g := tinyGrid(s, [][]float64{{1, 2}, {1, 2}, {1, 2}}, []int{0, 1, 1})
	r := infoGain{labels: 2}.GenerateSplitRule(g)
	assert.Nil(t, r.SplitAttr)
	assert.Nil(t, new(trees.InformationGainRuleGenerator).GenerateSplitRule(g).SplitAttr)
}
