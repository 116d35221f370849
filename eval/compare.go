package eval

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// Difference compares one metric of two systems on the same items.
type Difference struct {
	A    float64  `json:"a"`
	B    float64  `json:"b"`
	Diff float64  `json:"diff"` // B − A
	CI   Interval `json:"ci"`   // paired bootstrap interval of B − A
	P    float64  `json:"p"`    // two-sided bootstrap p-value for B − A = 0
}

// McNemar is McNemar's test on the items exactly one system gets right.
type McNemar struct {
	OnlyA     int     `json:"only_a"`    // A right, B wrong
	OnlyB     int     `json:"only_b"`    // B right, A wrong
	Exact     bool    `json:"exact"`     // exact binomial test (fewer than 25 discordant items)
	Statistic float64 `json:"statistic"` // chi-square with continuity correction; 0 when exact
	P         float64 `json:"p"`         // two-sided
}

// Comparison compares system B with system A.
type Comparison struct {
	N        int        `json:"n"`
	Articles int        `json:"articles"`
	Samples  int        `json:"samples"`
	Level    float64    `json:"level"`
	Accuracy Difference `json:"accuracy"`
	MacroF1  Difference `json:"macro_f1"`
	McNemar  McNemar    `json:"mcnemar"`
}

// exactLimit is the number of discordant items from which McNemar's test
// uses the chi-square approximation.
const exactLimit = 25

// McNemarTest tests whether two systems that disagree on onlyA + onlyB
// items are equally often right there: an exact two-sided binomial test
// (p = min(1, 2·P[X ≤ min]) for X ~ Bin(onlyA+onlyB, ½)) below 25 discordant
// items, else χ² = (max(0, |onlyA − onlyB| − 1))² / (onlyA + onlyB) with one
// degree of freedom. No discordant item gives p = 1.
func McNemarTest(onlyA, onlyB int) McNemar {
	m := McNemar{OnlyA: onlyA, OnlyB: onlyB, P: 1}
	n := onlyA + onlyB
	switch {
	case n == 0:
		m.Exact = true
	case n < exactLimit:
		m.Exact = true
		m.P = math.Min(1, 2*distuv.Binomial{N: float64(n), P: 0.5}.CDF(float64(min(onlyA, onlyB))))
	default:
		d := math.Max(0, math.Abs(float64(onlyA-onlyB))-1)
		m.Statistic = d * d / float64(n)
		m.P = distuv.ChiSquared{K: 1}.Survival(m.Statistic)
	}
	return m
}

// Compare compares system b with system a on the same items: a[i] and b[i]
// must be the same sentence (Article, Sentence, Gold), else Compare panics.
// Differences are B − A, with paired bootstrap intervals and p-values from
// n samples of whole articles drawn with rng (n ≤ 0: no bootstrap, the
// interval is the point and p is 1), and McNemar's test on the sentences.
func Compare(labels []string, a, b []Item, n int, rng *rand.Rand) Comparison {
	if len(a) != len(b) {
		panic(fmt.Sprintf("eval: Compare: %d items against %d", len(a), len(b)))
	}
	checkItems(labels, a)
	checkItems(labels, b)
	var onlyA, onlyB int
	for i := range a {
		if a[i].Article != b[i].Article || a[i].Sentence != b[i].Sentence || a[i].Gold != b[i].Gold {
			panic(fmt.Sprintf("eval: Compare: item %d differs: %s:%d gold %d against %s:%d gold %d",
				i, a[i].Article, a[i].Sentence, a[i].Gold, b[i].Article, b[i].Sentence, b[i].Gold))
		}
		ra, rb := a[i].Pred == a[i].Gold, b[i].Pred == b[i].Gold
		switch {
		case ra && !rb:
			onlyA++
		case rb && !ra:
			onlyB++
		}
	}
	ma, mb := confusionOf(labels, a).Metrics(1), confusionOf(labels, b).Metrics(1)
	us := units(a)
	c := Comparison{
		N: len(a), Articles: len(us), Level: Level,
		Accuracy: Difference{A: ma.Accuracy, B: mb.Accuracy, Diff: mb.Accuracy - ma.Accuracy},
		MacroF1:  Difference{A: ma.Macro.F1, B: mb.Macro.F1, Diff: mb.Macro.F1 - ma.Macro.F1},
		McNemar:  McNemarTest(onlyA, onlyB),
	}
	if n <= 0 || len(us) == 0 {
		for _, d := range []*Difference{&c.Accuracy, &c.MacroF1} {
			d.CI, d.P = Interval{d.Diff, d.Diff}, 1
		}
		return c
	}
	c.Samples = n
	k := len(labels)
	cellsA := cellsOf(k, a, us, func(it Item) int { return it.Pred })
	cellsB := cellsOf(k, b, us, func(it Item) int { return it.Pred })
	ra, rb := newResampler(k), newResampler(k)
	dAcc, dF1 := make([]float64, n), make([]float64, n)
	draw := make([]int, len(us))
	for s := range n {
		drawUnits(rng, draw)
		accA, f1A := ra.score(cellsA, draw)
		accB, f1B := rb.score(cellsB, draw)
		dAcc[s], dF1[s] = accB-accA, f1B-f1A
	}
	c.Accuracy.P, c.Accuracy.CI = pairedP(dAcc), percentileInterval(dAcc, Level)
	c.MacroF1.P, c.MacroF1.CI = pairedP(dF1), percentileInterval(dF1, Level)
	return c
}

// pairedP is the two-sided bootstrap p-value for a zero difference:
// 2·min(#{d ≤ 0}+1, #{d ≥ 0}+1)/(B+1), capped at 1. Differences within
// 1e-12 of 0 count as 0, so that rounding cannot split ties.
func pairedP(ds []float64) float64 {
	const eps = 1e-12
	var le, ge int
	for _, d := range ds {
		if d <= eps {
			le++
		}
		if d >= -eps {
			ge++
		}
	}
	b := float64(len(ds))
	return math.Min(1, 2*float64(min(le, ge)+1)/(b+1))
}

func (c Comparison) table() table {
	t := table{ID: "comparison", Title: "Comparison (B − A)", Left: 1,
		Head: []string{"metric", "A", "B", "B − A", fmt.Sprintf("%g%% CI", 100*c.Level), "p"}}
	if c.Samples > 0 {
		t.Note = fmt.Sprintf("Paired bootstrap, %d samples of %d articles. ", c.Samples, c.Articles)
	}
	m := c.McNemar
	test := "exact binomial"
	if !m.Exact {
		test = "χ² " + f4(m.Statistic)
	}
	t.Note += fmt.Sprintf("McNemar (%d sentences): %d right only by A, %d only by B, %s, p = %s.",
		c.N, m.OnlyA, m.OnlyB, test, f4(m.P))
	for _, d := range []struct {
		name string
		d    Difference
	}{{"accuracy", c.Accuracy}, {"macro F1", c.MacroF1}} {
		ci, p := "", ""
		if c.Samples > 0 {
			ci, p = interval(d.d.CI), f4(d.d.P)
		}
		t.Rows = append(t.Rows, []string{d.name, f4(d.d.A), f4(d.d.B), f4(d.d.Diff), ci, p})
	}
	return t
}

// WriteText writes the comparison as an aligned plain-text table.
func (c Comparison) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	c.table().writeText(bw)
	return bw.Flush()
}

// WriteMarkdown writes the comparison as a Markdown table.
func (c Comparison) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	c.table().writeMarkdown(bw)
	return bw.Flush()
}
