package eval

import (
	"math/rand/v2"
	"strconv"
)

// Level is the coverage of every interval the package reports.
const Level = 0.95

// Interval is a two-sided confidence interval.
type Interval struct {
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
}

// CI holds percentile bootstrap intervals over articles.
type CI struct {
	Level    float64  `json:"level"`
	Samples  int      `json:"samples"`
	Articles int      `json:"articles"` // resampled units
	Accuracy Interval `json:"accuracy"`
	MacroF1  Interval `json:"macro_f1"`
	// ClassF1 is each label's F1 interval, in the report's label order,
	// from the same samples.
	ClassF1 []Interval `json:"class_f1,omitempty"`
}

// cell is one non-zero confusion cell of an article.
type cell struct{ gold, pred, n int }

// groupKey is the key that groups item or unit i by its article: items of
// one named article share it, an item with no article is a group of its
// own. Bootstrap resampling and fold assignment group the same way.
func groupKey(name string, i int) string {
	if name == "" {
		return "\x01" + strconv.Itoa(i)
	}
	return "\x00" + name
}

// units splits items into articles, in order of first appearance; an item
// with no Article is a unit of its own.
func units(items []Item) [][]int {
	index := map[string]int{}
	var us [][]int
	for i, it := range items {
		key := groupKey(it.Article, i)
		u, ok := index[key]
		if !ok {
			u = len(us)
			index[key] = u
			us = append(us, nil)
		}
		us[u] = append(us[u], i)
	}
	return us
}

// cellsOf returns, per unit, the non-zero confusion cells of pred against gold.
func cellsOf(k int, items []Item, us [][]int, pred func(Item) int) [][]cell {
	out := make([][]cell, len(us))
	counts := make([]int, k*k)
	for u, idx := range us {
		for _, i := range idx {
			counts[items[i].Gold*k+pred(items[i])]++
		}
		for j, n := range counts {
			if n > 0 {
				out[u] = append(out[u], cell{j / k, j % k, n})
				counts[j] = 0
			}
		}
	}
	return out
}

// resampler draws bootstrap samples of units and scores them.
type resampler struct {
	k      int
	counts [][]int
}

func newResampler(k int) *resampler {
	r := &resampler{k: k, counts: make([][]int, k)}
	for i := range r.counts {
		r.counts[i] = make([]int, k)
	}
	return r
}

// score returns accuracy and macro-F1 of the units drawn (draw[j] is the
// unit index of the j-th draw).
func (r *resampler) score(cells [][]cell, draw []int) (acc, f1 float64) {
	for _, row := range r.counts {
		clear(row)
	}
	var n, correct int
	for _, u := range draw {
		for _, c := range cells[u] {
			r.counts[c.gold][c.pred] += c.n
			n += c.n
			if c.gold == c.pred {
				correct += c.n
			}
		}
	}
	return div(float64(correct), float64(n)), macroF1(r.counts)
}

func drawUnits(rng *rand.Rand, draw []int) {
	for j := range draw {
		draw[j] = rng.IntN(len(draw))
	}
}

// bootstrapCI resamples articles with replacement n times.
func bootstrapCI(labels []string, items []Item, n int, rng *rand.Rand) *CI {
	us := units(items)
	ci := &CI{Level: Level, Samples: n, Articles: len(us)}
	if len(us) == 0 {
		return ci
	}
	cells := cellsOf(len(labels), items, us, func(it Item) int { return it.Pred })
	r := newResampler(len(labels))
	k := len(labels)
	accs, f1s := make([]float64, n), make([]float64, n)
	classF1 := make([][]float64, k)
	for c := range classF1 {
		classF1[c] = make([]float64, n)
	}
	draw := make([]int, len(us))
	for s := range n {
		drawUnits(rng, draw)
		accs[s], f1s[s] = r.score(cells, draw)
		for c := range k {
			classF1[c][s] = classF1Of(r.counts, c)
		}
	}
	ci.Accuracy = percentileInterval(accs, Level)
	ci.MacroF1 = percentileInterval(f1s, Level)
	ci.ClassF1 = make([]Interval, k)
	for c := range k {
		ci.ClassF1[c] = percentileInterval(classF1[c], Level)
	}
	return ci
}
