package golearn

import (
	"github.com/sjwhitworth/golearn/kdtree"
	"github.com/sjwhitworth/golearn/metrics/pairwise"
)

// neighbours is k-NN as golearn's knn.KNNClassifier does it with
// Algorithm "kdtree": a golearn k-d tree over the training rows, searched
// with a golearn pairwise distance. Unlike KNNClassifier.Predict, which
// returns only the majority label (ties broken by map order) and prints
// progress to stdout, it hands back the neighbours so that their labels
// become probabilities.
type neighbours struct {
	tree *kdtree.Tree
	dist pairwise.PairwiseDistanceFunc
	y    []int
	k    int
}

func fitKNN(x [][]float64, y []int, o Options) (*neighbours, error) {
	t := kdtree.New()
	if err := t.Build(x); err != nil {
		return nil, err
	}
	return &neighbours{tree: t, dist: distance(o.Distance), y: append([]int(nil), y...), k: o.K}, nil
}

func distance(name string) pairwise.PairwiseDistanceFunc {
	if name == "manhattan" {
		return pairwise.NewManhattan()
	}
	return pairwise.NewEuclidean()
}

// search returns the training rows of the k nearest neighbours of x,
// nearest first, and their distances.
func (nb *neighbours) search(x []float64, k int) ([]int, []float64) {
	rows, dists, err := nb.tree.Search(k, nb.dist, x)
	if err != nil {
		panic("golearn: " + err.Error()) // k and len(x) were checked by Fit and Scores
	}
	return rows, dists
}

// votes adds one vote per neighbour to acc (indexed by label).
func (nb *neighbours) votes(x []float64, acc []float64) {
	rows, _ := nb.search(x, nb.k)
	for _, r := range rows {
		acc[nb.y[r]]++
	}
}
