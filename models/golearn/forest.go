package golearn

import (
	"fmt"
	"math/rand/v2"
	"sync"

	"github.com/sjwhitworth/golearn/base"
	"github.com/sjwhitworth/golearn/trees"
)

// forest is golearn's random forest recipe (ensemble.RandomForest on
// meta.BaggedModel): every tree is a golearn ID3 tree without pruning,
// grown on a bootstrap sample of the rows and a random subset of the
// attributes, drawn once per tree. The draws come from a seeded generator
// instead of math/rand's global one, which golearn uses from concurrent
// goroutines and which cannot be seeded since Go 1.24.
type forest struct {
	trees []*trees.ID3DecisionTree
}

// sample is one tree's draw: bootstrap rows and attribute indexes.
type sample struct {
	rows  map[int]int // view row → training row, as base.NewInstancesViewFromRows takes it
	attrs []int
}

func drawSamples(n, cols, ntrees, nfeat int, rng *rand.Rand) []sample {
	out := make([]sample, ntrees)
	for t := range out {
		rows := make(map[int]int, n)
		for i := range n {
			rows[i] = rng.IntN(n)
		}
		out[t] = sample{rows: rows, attrs: rng.Perm(cols)[:nfeat]}
	}
	return out
}

func fitForest(train *base.DenseInstances, s *schema, o Options, seed uint64) (*forest, error) {
	_, n := train.Size()
	samples := drawSamples(n, len(s.attrs), o.Trees, o.Features, rand.New(rand.NewPCG(seed, 0x676f6c6561726e)))
	f := &forest{trees: make([]*trees.ID3DecisionTree, o.Trees)}
	errs := make([]error, o.Trees)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(o.Workers, o.Trees) {
		wg.Go(func() {
			for t := range next {
				f.trees[t], errs[t] = fitTree(train, s, samples[t])
			}
		})
	}
	for t := range samples {
		next <- t
	}
	close(next)
	wg.Wait()
	for t, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("golearn: tree %d: %w", t, err)
		}
	}
	return f, nil
}

func fitTree(train *base.DenseInstances, s *schema, smp sample) (*trees.ID3DecisionTree, error) {
	attrs := make([]base.Attribute, 0, len(smp.attrs)+1)
	for _, j := range smp.attrs {
		attrs = append(attrs, s.attrs[j])
	}
	attrs = append(attrs, s.class)
	view := base.NewInstancesViewFromAttrs(base.NewInstancesViewFromRows(train, smp.rows), attrs)
	tree := trees.NewID3DecisionTree(0) // 0: no pruning split, as ensemble.RandomForest
	if err := tree.Fit(view); err != nil {
		return nil, err
	}
	return tree, nil
}

// votes adds each tree's leaf class fractions for the one row of g to acc
// (indexed by label), so that acc sums to the number of trees.
func (f *forest) votes(g *base.DenseInstances, index map[string]int, acc []float64) {
	for _, t := range f.trees {
		dist, err := t.PredictProba(g)
		if err != nil {
			panic("golearn: " + err.Error()) // PredictProba has no error path
		}
		for _, p := range dist {
			acc[index[p.ClassValue]] += p.Probability
		}
	}
}
