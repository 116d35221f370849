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
	cols  [][]int // the columns each tree was grown on
}

// sample is one tree's draw: bootstrap rows and attribute indexes.
type sample struct {
	rows  []int // training rows, with repeats
	attrs []int // columns
}

func drawSamples(n, cols, ntrees, nfeat int, rng *rand.Rand) []sample {
	out := make([]sample, ntrees)
	for t := range out {
		rows := make([]int, n)
		for i := range rows {
			rows[i] = rng.IntN(n)
		}
		out[t] = sample{rows: rows, attrs: rng.Perm(cols)[:nfeat]}
	}
	return out
}

func fitForest(x [][]float64, y []int, s *schema, o Options, seed uint64) (*forest, error) {
	const stream = 0x676f6c6561726e // "golearn": this package's PCG stream
	samples := drawSamples(len(x), len(s.attrs), o.Trees, o.Features, rand.New(rand.NewPCG(seed, stream)))
	f := &forest{trees: make([]*trees.ID3DecisionTree, o.Trees), cols: make([][]int, o.Trees)}
	errs := make([]error, o.Trees)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(o.Workers, o.Trees) {
		wg.Go(func() {
			for t := range next {
				f.trees[t], errs[t] = fitTree(x, y, s, samples[t])
			}
		})
	}
	for t := range samples {
		next <- t
	}
	close(next)
	wg.Wait()
	for t := range samples {
		f.cols[t] = samples[t].attrs
	}
	for t, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("golearn: tree %d: %w", t, err)
		}
	}
	return f, nil
}

// fitTree grows one tree on its own copy of its sample: golearn's views of
// a shared grid would serialize the trees on the grid's lock and add a
// layer of indirection to every read.
func fitTree(x [][]float64, y []int, s *schema, smp sample) (*trees.ID3DecisionTree, error) {
	g, specs, cs := s.grid(smp.attrs, len(smp.rows))
	for i, r := range smp.rows {
		for k, j := range smp.attrs {
			g.Set(specs[k], i, base.PackFloatToBytes(x[r][j]))
		}
		g.Set(cs, i, base.PackU64ToBytes(uint64(y[r])))
	}
	// No pruning split, as ensemble.RandomForest.
	tree := trees.NewID3DecisionTreeFromRule(0, infoGain{labels: len(s.class.GetValues())})
	if err := tree.Fit(g); err != nil {
		return nil, err
	}
	return tree, nil
}

// rows are one-row prediction grids, one per tree over that tree's
// columns: golearn's PredictProba resolves every attribute of the grid by
// a linear search, so a grid of all columns would cost columns² per tree.
type rows struct {
	grids []*base.DenseInstances
	specs [][]base.AttributeSpec
}

func (f *forest) newRows(s *schema) *rows {
	r := &rows{grids: make([]*base.DenseInstances, len(f.trees)), specs: make([][]base.AttributeSpec, len(f.trees))}
	for t, cols := range f.cols {
		r.grids[t], r.specs[t], _ = s.grid(cols, 1)
	}
	return r
}

// votes adds each tree's leaf class fractions for the row x to acc
// (indexed by label), so that acc sums to the number of trees.
func (f *forest) votes(x []float64, r *rows, index map[string]int, acc []float64) {
	for t, tree := range f.trees {
		g := r.grids[t]
		for k, j := range f.cols[t] {
			g.Set(r.specs[t][k], 0, base.PackFloatToBytes(x[j]))
		}
		dist, err := tree.PredictProba(g)
		if err != nil {
			panic("golearn: " + err.Error()) // PredictProba has no error path
		}
		for _, p := range dist {
			acc[index[p.ClassValue]] += p.Probability
		}
	}
}
