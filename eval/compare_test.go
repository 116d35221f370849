package eval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// McNemar p-values from SciPy 1.10.1: scipy.stats.binomtest(min(b, c), b+c,
// 0.5).pvalue below 25 discordant items, else chi2.sf((max(0, |b−c|−1))²/(b+c),
// 1), as printed by testdata/eval/scipy_reference.py.
func TestMcNemarTest(t *testing.T) {
	for _, tc := range []struct {
		onlyA, onlyB int
		exact        bool
		stat, p      float64
	}{
		{0, 0, true, 0, 1}, // worked by hand: no discordant item
		{0, 1, true, 0, 1},
		{2, 8, true, 0, 0.109375},
		{1, 12, true, 0, 0.00341796875},
		{5, 5, true, 0, 1},
		{0, 24, true, 0, 1.19209289550781e-07},
		{10, 25, false, 5.6, 0.0179604775260788},
		{40, 20, false, 6.01666666666667, 0.0141713882540123},
		{13, 12, false, 0, 1},
		{100, 150, false, 9.604, 0.00194153978504042},
	} {
		t.Run(fmt.Sprintf("%d/%d", tc.onlyA, tc.onlyB), func(t *testing.T) {
			m := McNemarTest(tc.onlyA, tc.onlyB)
			assert.Equal(t, tc.exact, m.Exact)
			assert.InDelta(t, tc.stat, m.Statistic, 1e-12)
			assert.InEpsilon(t, tc.p, m.P, 1e-9)
			// The test is symmetric in the two systems.
			assert.InEpsilon(t, m.P, McNemarTest(tc.onlyB, tc.onlyA).P, 1e-12)
		})
	}
}

// twin returns a copy of items with predictions set by pred.
func twin(items []Item, pred func(i int, it Item) int) []Item {
	out := make([]Item, len(items))
	for i, it := range items {
		it.Pred = pred(i, it)
		it.Probs = nil
		out[i] = it
	}
	return out
}

func TestCompareIdentical(t *testing.T) {
	items := synthItems(5, 30)
	c := Compare(testLabels, items, items, 500, seeded(1))
	assert.Equal(t, len(items), c.N)
	assert.Equal(t, 30, c.Articles)
	for _, d := range []Difference{c.Accuracy, c.MacroF1} {
		assert.Equal(t, 0.0, d.Diff)
		assert.Equal(t, Interval{}, d.CI)
		assert.Equal(t, 1.0, d.P)
	}
	assert.Equal(t, McNemar{Exact: true, P: 1}, c.McNemar)
}

func TestCompareAlwaysBetter(t *testing.T) {
	// B fixes one wrong sentence of every article and breaks nothing, so
	// every bootstrap sample has B − A > 0 and p = 2/(B+1).
	items := synthItems(6, 40)
	fixed := map[string]bool{}
	a := twin(items, func(_ int, it Item) int {
		if !fixed[it.Article] {
			fixed[it.Article] = true
			return (it.Gold + 1) % len(testLabels)
		}
		return it.Pred
	})
	b := twin(items, func(i int, it Item) int {
		if a[i].Pred != it.Gold && (i == 0 || items[i-1].Article != it.Article) {
			return it.Gold
		}
		return a[i].Pred
	})
	const n = 999
	c := Compare(testLabels, a, b, n, seeded(2))
	assert.Greater(t, c.Accuracy.Diff, 0.0)
	assert.Greater(t, c.Accuracy.CI.Lo, 0.0)
	assert.InDelta(t, 2.0/(n+1), c.Accuracy.P, 1e-15)
	assert.Equal(t, 0, c.McNemar.OnlyA)
	assert.Equal(t, 40, c.McNemar.OnlyB)
	assert.False(t, c.McNemar.Exact)
	assert.Less(t, c.McNemar.P, 1e-6)
	// The same comparison the other way round mirrors the interval.
	r := Compare(testLabels, b, a, n, seeded(2))
	assert.InDelta(t, -c.Accuracy.CI.Hi, r.Accuracy.CI.Lo, 1e-12)
	assert.InDelta(t, -c.Accuracy.CI.Lo, r.Accuracy.CI.Hi, 1e-12)
	assert.InDelta(t, 2.0/(n+1), r.Accuracy.P, 1e-15)
}

func TestCompareTwoArticles(t *testing.T) {
	// Worked by hand: article x has one sentence only A gets right, article
	// y one only B gets right. A sample of two articles is xx (B − A = −1),
	// yy (+1) or mixed (0), with probabilities ¼, ¼, ½: the 95% interval is
	// [−1, 1] and p is 1.
	gold := []Item{{Article: "x", Gold: 0}, {Article: "y", Gold: 0}}
	a := twin(gold, func(i int, _ Item) int { return i })     // x right, y wrong
	b := twin(gold, func(i int, _ Item) int { return 1 - i }) // x wrong, y right
	c := Compare([]string{"p", "q"}, a, b, 4000, seeded(3))
	assert.Equal(t, 0.0, c.Accuracy.Diff)
	assert.Equal(t, Interval{-1, 1}, c.Accuracy.CI)
	assert.Equal(t, 1.0, c.Accuracy.P)
}

func TestCompareNoBootstrap(t *testing.T) {
	items := synthItems(7, 5)
	b := twin(items, func(_ int, it Item) int { return it.Gold })
	c := Compare(testLabels, items, b, 0, nil)
	assert.Equal(t, 0, c.Samples)
	assert.Equal(t, Interval{c.Accuracy.Diff, c.Accuracy.Diff}, c.Accuracy.CI)
	assert.Equal(t, 1.0, c.Accuracy.P)
	assert.InDelta(t, 1.0, c.Accuracy.B, 1e-15)
}

func TestCompareDeterministic(t *testing.T) {
	items := synthItems(8, 25)
	b := twin(items, func(i int, it Item) int {
		if i%3 == 0 {
			return it.Gold
		}
		return it.Pred
	})
	assert.Equal(t, Compare(testLabels, items, b, 300, seeded(9)), Compare(testLabels, items, b, 300, seeded(9)))
}

func TestComparePanics(t *testing.T) {
	items := synthItems(9, 3)
	assert.PanicsWithValue(t, fmt.Sprintf("eval: Compare: %d items against %d", len(items), len(items)-1),
		func() { Compare(testLabels, items, items[1:], 10, seeded(1)) })
	other := twin(items, func(_ int, it Item) int { return it.Pred })
	other[2].Gold = (other[2].Gold + 1) % 4
	assert.Panics(t, func() { Compare(testLabels, items, other, 10, seeded(1)) })
}

func TestBootstrapCI(t *testing.T) {
	t.Run("identical articles", func(t *testing.T) {
		// Worked by hand: every article has the same confusion counts,
		// so every sample scores the same and the interval is the point.
		var items []Item
		for a := range 10 {
			id := fmt.Sprint(a)
			items = append(items,
				Item{Article: id, Sentence: 0, Gold: 0, Pred: 0},
				Item{Article: id, Sentence: 1, Gold: 1, Pred: 1},
				Item{Article: id, Sentence: 2, Gold: 1, Pred: 1},
				Item{Article: id, Sentence: 3, Gold: 1, Pred: 0})
		}
		r := Evaluate([]string{"p", "q"}, items, Options{Bootstrap: 200, Seed: 1})
		require.NotNil(t, r.CI)
		assert.Equal(t, 10, r.CI.Articles)
		assert.Equal(t, 200, r.CI.Samples)
		assert.InDelta(t, 0.75, r.CI.Accuracy.Lo, 1e-12)
		assert.InDelta(t, 0.75, r.CI.Accuracy.Hi, 1e-12)
		assert.InDelta(t, r.Macro.F1, r.CI.MacroF1.Lo, 1e-12)
		assert.InDelta(t, r.Macro.F1, r.CI.MacroF1.Hi, 1e-12)
	})
	t.Run("articles are the unit", func(t *testing.T) {
		// 20 articles of 10 sentences, each article all right or all
		// wrong. Resampling articles sees 20 units (SE ≈ √(¼/20) ≈ 0.11),
		// resampling sentences 200 (SE ≈ 0.035): the article interval is
		// about three times wider.
		var byArticle, bySentence []Item
		for a := range 20 {
			for s := range 10 {
				it := Item{Article: fmt.Sprint(a), Sentence: s, Gold: 0, Pred: a % 2}
				byArticle = append(byArticle, it)
				it.Article = ""
				bySentence = append(bySentence, it)
			}
		}
		wa := Evaluate([]string{"p", "q"}, byArticle, Options{Bootstrap: 2000, Seed: 4}).CI
		ws := Evaluate([]string{"p", "q"}, bySentence, Options{Bootstrap: 2000, Seed: 4}).CI
		assert.Equal(t, 20, wa.Articles)
		assert.Equal(t, 200, ws.Articles)
		ratio := (wa.Accuracy.Hi - wa.Accuracy.Lo) / (ws.Accuracy.Hi - ws.Accuracy.Lo)
		assert.InDelta(t, 3.2, ratio, 0.6)
		assert.InDelta(t, 0.5, (wa.Accuracy.Lo+wa.Accuracy.Hi)/2, 0.03)
	})
	t.Run("empty", func(t *testing.T) {
		r := Evaluate(testLabels, nil, Options{Bootstrap: 100})
		assert.Equal(t, &CI{Level: Level, Samples: 100}, r.CI)
	})
}

// Percentiles from numpy 1.24.2: np.percentile(xs, q) (linear), as printed
// by testdata/eval/scipy_reference.py.
func TestQuantile(t *testing.T) {
	xs := []float64{0.3, 0.1, 0.7, 0.5, 0.9, 0.2, 0.4}
	iv := percentileInterval(xs, 0.95) // sorts xs
	assert.InDelta(t, 0.115, iv.Lo, 1e-12)
	assert.InDelta(t, 0.87, iv.Hi, 1e-12)
	for _, tc := range []struct{ q, want float64 }{{0, 0.1}, {0.25, 0.25}, {0.5, 0.4}, {1, 0.9}} {
		assert.InDelta(t, tc.want, quantile(xs, tc.q), 1e-12, "q=%g", tc.q)
	}
	assert.Equal(t, 0.0, quantile(nil, 0.5))
}

func TestMeanStd(t *testing.T) {
	// Worked by hand: mean 5, sample variance 32/7.
	m, s := meanStd([]float64{2, 4, 4, 4, 5, 5, 7, 9})
	assert.InDelta(t, 5.0, m, 1e-15)
	assert.InDelta(t, 2.138089935299395, s, 1e-12)
	m, s = meanStd([]float64{3})
	assert.Equal(t, [2]float64{3, 0}, [2]float64{m, s})
	m, s = meanStd(nil)
	assert.Equal(t, [2]float64{0, 0}, [2]float64{m, s})
}

// The case of TestCompareTwoArticles. Worked by hand for macro-F1: a sample
// xx gives A both right (F1 of p 1, of q 0: macro .5) and B both wrong
// (macro 0), so B − A = −.5; yy gives +.5: the interval is [−.5, .5].
func TestComparisonWriters(t *testing.T) {
	gold := []Item{{Article: "x", Gold: 0}, {Article: "y", Gold: 0}}
	a := twin(gold, func(i int, _ Item) int { return i })
	b := twin(gold, func(i int, _ Item) int { return 1 - i })
	c := Compare([]string{"p", "q"}, a, b, 4000, seeded(3))
	var md strings.Builder
	require.NoError(t, c.WriteMarkdown(&md))
	assert.Equal(t, `### Comparison (B − A)

Paired bootstrap, 4000 samples of 2 articles. McNemar (2 sentences): 1 right only by A, 1 only by B, exact binomial, p = 1.0000.

| metric | A | B | B − A | 95% CI | p |
| --- | ---: | ---: | ---: | ---: | ---: |
| accuracy | 0.5000 | 0.5000 | 0.0000 | [-1.0000, 1.0000] | 1.0000 |
| macro F1 | 0.3333 | 0.3333 | 0.0000 | [-0.5000, 0.5000] | 1.0000 |
`, md.String())
	c = Compare([]string{"p", "q"}, a, b, 0, nil)
	c.McNemar = McNemarTest(10, 25)
	var txt strings.Builder
	require.NoError(t, c.WriteText(&txt))
	assert.Contains(t, txt.String(), "χ² 5.6000, p = 0.0180")
}
