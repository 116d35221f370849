package eval

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
)

// ErrFolds is wrapped by the errors of Folds.
var ErrFolds = errors.New("eval: cannot make folds")

// Unit is one sentence to be assigned to a fold.
type Unit struct {
	Group string // all units of a group go to the same fold (the article id); "" is a group of its own
	Label int    // gold label index, the stratum
}

// Folds assigns each unit a fold in [0, k): stratified K-fold over groups.
// All units of a Group share a fold; folds get about the same share of each
// label and about the same number of units. When every unit is its own
// group this is plain stratified K-fold: label counts of any two folds
// differ by at most one.
//
// Groups are shuffled with rng, then taken rarest label first (groups
// holding a rare label have the fewest good places) and larger groups
// first; each goes to the fold where it least increases Σ_f Σ_l (share of
// label l in fold f − 1/k)², shares being fractions of each label's total so
// that rare labels weigh as much as frequent ones; ties go to the fold with
// fewer units, then the lower index. The same rng state gives the same
// folds.
//
// It returns an error wrapping ErrFolds when k < 2, k exceeds the number of
// groups, or a label is negative.
func Folds(units []Unit, k int, rng *rand.Rand) ([]int, error) {
	if k < 2 {
		return nil, fmt.Errorf("%w: k = %d, need at least 2", ErrFolds, k)
	}
	// Groups in order of first appearance, so that map order plays no part.
	type group struct {
		units  []int
		counts []labelCount // sorted by label, so that sums are reproducible
		rarest int          // total count of the group's rarest label
	}
	index := map[string]int{}
	var groups []*group
	total := map[int]int{}
	for i, u := range units {
		if u.Label < 0 {
			return nil, fmt.Errorf("%w: unit %d has label %d", ErrFolds, i, u.Label)
		}
		key := groupKey(u.Group, i)
		g, ok := index[key]
		if !ok {
			g = len(groups)
			index[key] = g
			groups = append(groups, &group{})
		}
		groups[g].units = append(groups[g].units, i)
		groups[g].counts = addCount(groups[g].counts, u.Label)
		total[u.Label]++
	}
	if k > len(groups) {
		return nil, fmt.Errorf("%w: k = %d but only %d groups", ErrFolds, k, len(groups))
	}
	for _, g := range groups {
		g.rarest = len(units) + 1
		for _, lc := range g.counts {
			g.rarest = min(g.rarest, total[lc.label])
		}
	}
	rng.Shuffle(len(groups), func(i, j int) { groups[i], groups[j] = groups[j], groups[i] })
	slices.SortStableFunc(groups, func(a, b *group) int {
		return cmp.Or(cmp.Compare(a.rarest, b.rarest), cmp.Compare(len(b.units), len(a.units)))
	})

	share := 1 / float64(k)
	foldCounts := make([]map[int]int, k)
	for f := range foldCounts {
		foldCounts[f] = map[int]int{}
	}
	size := make([]int, k)
	folds := make([]int, len(units))
	for _, g := range groups {
		best, bestCost := -1, 0.0
		for f := range k {
			// Change in Σ_l (count_l/total_l − 1/k)² when g joins fold f.
			var cost float64
			for _, lc := range g.counts {
				t := float64(total[lc.label])
				before := float64(foldCounts[f][lc.label])/t - share
				after := float64(foldCounts[f][lc.label]+lc.n)/t - share
				cost += after*after - before*before
			}
			if best < 0 || cost < bestCost || (cost == bestCost && size[f] < size[best]) {
				best, bestCost = f, cost
			}
		}
		for _, lc := range g.counts {
			foldCounts[best][lc.label] += lc.n
		}
		size[best] += len(g.units)
		for _, i := range g.units {
			folds[i] = best
		}
	}
	return folds, nil
}

type labelCount struct{ label, n int }

func addCount(cs []labelCount, label int) []labelCount {
	i, found := slices.BinarySearchFunc(cs, label, func(c labelCount, l int) int { return cmp.Compare(c.label, l) })
	if found {
		cs[i].n++
		return cs
	}
	return slices.Insert(cs, i, labelCount{label, 1})
}
