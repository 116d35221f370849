package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testLabels = []string{"appeal", "fact", "opinion", "quote"}

func confusionFrom(labels []string, gold, pred []int) *Confusion {
	c := NewConfusion(labels)
	for i := range gold {
		c.Add(gold[i], pred[i])
	}
	return c
}

// metricCase holds expected scores. Unless said otherwise the numbers are
// scikit-learn 1.2.1 (numpy 1.24.2, Debian bookworm) on the same predictions:
// confusion_matrix, precision_recall_fscore_support(zero_division=0),
// fbeta_score, cohen_kappa_score, matthews_corrcoef, as printed by
// testdata/eval/sklearn_reference.py.
type metricCase struct {
	name       string
	gold, pred []int
	confusion  [][]int
	precision  []float64
	recall     []float64
	f1         []float64
	f05, f2    []float64 // per-class F-beta for β = 0.5 and 2
	support    []int
	micro      [4]float64 // P, R, F1, F0.5
	macro      [4]float64
	weighted   [4]float64
	accuracy   float64
	kappa, mcc float64
}

var metricCases = []metricCase{
	{
		name:      "mixed",
		gold:      []int{1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 0, 0, 1, 2, 3, 1, 1},
		pred:      []int{1, 1, 2, 1, 3, 1, 2, 1, 2, 3, 3, 1, 3, 2, 0, 1, 2, 3, 1, 2},
		confusion: [][]int{{1, 0, 1, 0}, {0, 6, 2, 1}, {0, 1, 3, 0}, {0, 1, 0, 4}},
		precision: []float64{1.0, 0.75, 0.5, 0.8},
		recall:    []float64{0.5, 0.666666666666667, 0.75, 0.8},
		f1:        []float64{0.666666666666667, 0.705882352941177, 0.6, 0.8},
		f05:       []float64{0.833333333333333, 0.731707317073171, 0.535714285714286, 0.8},
		f2:        []float64{0.555555555555556, 0.681818181818182, 0.681818181818182, 0.8},
		support:   []int{2, 9, 4, 5},
		micro:     [4]float64{0.7, 0.7, 0.7, 0.7},
		macro:     [4]float64{0.7625, 0.679166666666667, 0.693137254901961, 0.725188734030197},
		weighted:  [4]float64{0.7375, 0.7, 0.704313725490196, 0.719744483159117},
		accuracy:  0.7,
		kappa:     0.566787003610108,
		mcc:       0.572992700729927,
	},
	{
		// appeal is never predicted (precision 0/0 = 0); quote never occurs
		// in gold (recall 0/0 = 0) but still counts in the macro average.
		name:      "never predicted, absent from gold",
		gold:      []int{0, 0, 1, 1, 1, 2, 2, 1, 2, 1},
		pred:      []int{1, 2, 1, 1, 3, 2, 2, 1, 3, 2},
		confusion: [][]int{{0, 1, 1, 0}, {0, 3, 1, 1}, {0, 0, 2, 1}, {0, 0, 0, 0}},
		precision: []float64{0.0, 0.75, 0.5, 0.0},
		recall:    []float64{0.0, 0.6, 0.666666666666667, 0.0},
		f1:        []float64{0.0, 0.666666666666667, 0.571428571428572, 0.0},
		f05:       []float64{0.0, 0.714285714285714, 0.526315789473684, 0.0},
		f2:        []float64{0.0, 0.625, 0.625, 0.0},
		support:   []int{2, 5, 3, 0},
		micro:     [4]float64{0.5, 0.5, 0.5, 0.5},
		macro:     [4]float64{0.3125, 0.316666666666667, 0.30952380952381, 0.31015037593985},
		weighted:  [4]float64{0.525, 0.5, 0.504761904761905, 0.515037593984962},
		accuracy:  0.5,
		kappa:     0.264705882352941,
		mcc:       0.285750285750429,
	},
	{
		name:      "one gold class",
		gold:      []int{1, 1, 1, 1, 1, 1},
		pred:      []int{1, 1, 2, 1, 0, 1},
		confusion: [][]int{{0, 0, 0, 0}, {1, 4, 1, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}},
		precision: []float64{0.0, 1.0, 0.0, 0.0},
		recall:    []float64{0.0, 0.666666666666667, 0.0, 0.0},
		f1:        []float64{0.0, 0.8, 0.0, 0.0},
		f05:       []float64{0.0, 0.909090909090909, 0.0, 0.0},
		f2:        []float64{0.0, 0.714285714285714, 0.0, 0.0},
		support:   []int{0, 6, 0, 0},
		micro:     [4]float64{0.666666666666667, 0.666666666666667, 0.666666666666667, 0.666666666666667},
		macro:     [4]float64{0.25, 0.166666666666667, 0.2, 0.227272727272727},
		weighted:  [4]float64{1.0, 0.666666666666667, 0.8, 0.909090909090909},
		accuracy:  0.666666666666667,
		kappa:     0.0,
		mcc:       0.0,
	},
	{
		// Worked by hand: gold and predictions agree and use one label.
		// Kappa is (1−1)/(1−1) = 0/0 = 0 here (scikit-learn returns NaN);
		// MCC has no variance and is 0 (as scikit-learn).
		name:      "one label in gold and predictions",
		gold:      []int{1, 1, 1},
		pred:      []int{1, 1, 1},
		confusion: [][]int{{0, 0, 0, 0}, {0, 3, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}},
		precision: []float64{0, 1, 0, 0},
		recall:    []float64{0, 1, 0, 0},
		f1:        []float64{0, 1, 0, 0},
		f05:       []float64{0, 1, 0, 0},
		f2:        []float64{0, 1, 0, 0},
		support:   []int{0, 3, 0, 0},
		micro:     [4]float64{1, 1, 1, 1},
		macro:     [4]float64{0.25, 0.25, 0.25, 0.25},
		weighted:  [4]float64{1, 1, 1, 1},
		accuracy:  1,
	},
	{
		// Worked by hand: no items; every ratio is 0/0 = 0.
		name:      "empty",
		confusion: [][]int{{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}},
		precision: []float64{0, 0, 0, 0},
		recall:    []float64{0, 0, 0, 0},
		f1:        []float64{0, 0, 0, 0},
		f05:       []float64{0, 0, 0, 0},
		f2:        []float64{0, 0, 0, 0},
		support:   []int{0, 0, 0, 0},
	},
}

func TestMetrics(t *testing.T) {
	const tol = 1e-12
	for _, tc := range metricCases {
		t.Run(tc.name, func(t *testing.T) {
			c := confusionFrom(testLabels, tc.gold, tc.pred)
			require.Equal(t, tc.confusion, c.Counts)
			m := c.Metrics(0.5)
			m2 := c.Metrics(2)
			assert.Equal(t, len(tc.gold), m.N)
			assert.Equal(t, 0.5, m.Beta)
			require.Len(t, m.Classes, len(testLabels))
			for i, cm := range m.Classes {
				assert.Equal(t, testLabels[i], cm.Label)
				assert.InDelta(t, tc.precision[i], cm.Precision, tol, "precision %s", cm.Label)
				assert.InDelta(t, tc.recall[i], cm.Recall, tol, "recall %s", cm.Label)
				assert.InDelta(t, tc.f1[i], cm.F1, tol, "f1 %s", cm.Label)
				assert.InDelta(t, tc.f05[i], cm.FBeta, tol, "f0.5 %s", cm.Label)
				assert.InDelta(t, tc.f2[i], m2.Classes[i].FBeta, tol, "f2 %s", cm.Label)
				assert.Equal(t, tc.support[i], cm.Support, "support %s", cm.Label)
			}
			for _, avg := range []struct {
				name string
				want [4]float64
				got  Average
			}{{"micro", tc.micro, m.Micro}, {"macro", tc.macro, m.Macro}, {"weighted", tc.weighted, m.Weighted}} {
				got := [4]float64{avg.got.Precision, avg.got.Recall, avg.got.F1, avg.got.FBeta}
				assert.InDeltaSlice(t, avg.want[:], got[:], tol, avg.name)
			}
			assert.InDelta(t, tc.accuracy, m.Accuracy, tol, "accuracy")
			assert.InDelta(t, tc.kappa, m.Kappa, tol, "kappa")
			assert.InDelta(t, tc.mcc, m.MCC, tol, "mcc")
		})
	}
}

// TestMacroF1Fast checks the allocation-free macro-F1 of the bootstrap
// against Metrics.
func TestMacroF1Fast(t *testing.T) {
	for _, tc := range metricCases {
		c := confusionFrom(testLabels, tc.gold, tc.pred)
		assert.InDelta(t, c.Metrics(1).Macro.F1, macroF1(c.Counts), 1e-12, tc.name)
	}
}

func TestClassLookup(t *testing.T) {
	m := confusionFrom(testLabels, metricCases[0].gold, metricCases[0].pred).Metrics(1)
	q, ok := m.Classes.Class("quote")
	assert.True(t, ok)
	assert.Equal(t, 5, q.Support)
	_, ok = m.Classes.Class("satire")
	assert.False(t, ok)
}

func TestBetaDefault(t *testing.T) {
	c := confusionFrom(testLabels, metricCases[0].gold, metricCases[0].pred)
	m := c.Metrics(0)
	assert.Equal(t, 1.0, m.Beta)
	for _, cm := range m.Classes {
		assert.InDelta(t, cm.F1, cm.FBeta, 1e-15)
	}
}

// Worked by hand: MCC of a binary matrix [[5,1],[2,4]] is the phi
// coefficient (5·4 − 1·2)/√(6·6·7·5) = 18/√1260.
func TestMCCBinary(t *testing.T) {
	c := NewConfusion([]string{"no", "yes"})
	c.AddN(0, 0, 5)
	c.AddN(0, 1, 1)
	c.AddN(1, 0, 2)
	c.AddN(1, 1, 4)
	assert.InDelta(t, 0.507092552837110, c.MCC(), 1e-12)
	// kappa: p_o = 9/12, p_e = (6·7 + 6·5)/144 = 0.5, κ = 0.25/0.5.
	assert.InDelta(t, 0.5, c.Kappa(), 1e-12)
}

func TestConfusionAddPanics(t *testing.T) {
	c := NewConfusion(testLabels)
	assert.PanicsWithValue(t, "eval: label index out of range: gold 4, pred 0, 4 labels", func() { c.Add(4, 0) })
	assert.Panics(t, func() { c.Add(0, -1) })
}

func TestConfusionMerge(t *testing.T) {
	a := confusionFrom(testLabels, []int{0, 1}, []int{0, 2})
	b := confusionFrom(testLabels, []int{1, 3}, []int{2, 3})
	a.Merge(b)
	assert.Equal(t, 2, a.Counts[1][2])
	assert.Equal(t, 4, a.N())
	assert.Panics(t, func() { a.Merge(NewConfusion([]string{"x"})) })
}

func TestNoLabels(t *testing.T) {
	m := NewConfusion(nil).Metrics(1)
	assert.Equal(t, Metrics{Beta: 1, Classes: Classes{}}, m)
}
