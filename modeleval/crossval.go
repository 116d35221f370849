package modeleval

import (
	"fmt"
	"math/rand/v2"
	"sort"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/models"
)

// CVOptions configure CrossValidate.
type CVOptions struct {
	Folds   int    // K
	Repeats int    // R; 0 means 1
	Seed    uint64 // fold assignment: the same seed gives the same folds everywhere
	Group   string // article field for the per-group breakdown
	Eval    eval.Options
	// Observe, when set, is called after each fold with its number and the
	// fold's evaluation (for progress).
	Observe func(repeat, fold int, r *eval.Report)
}

// LabelsOf returns the sorted set of gold labels.
func LabelsOf(articles []*corpus.Article) []string {
	seen := map[string]bool{}
	for _, a := range articles {
		for _, s := range a.Sentences {
			seen[s.Label] = true
		}
	}
	labels := make([]string, 0, len(seen))
	for l := range seen {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	return labels
}

// CrossValidate runs stratified K-fold cross-validation grouped by article
// (an article's sentences are all on one side of every fold; one-sentence
// articles, as in sentence-per-line data, make it plain stratified K-fold),
// repeated R times, and returns the pooled report with per-fold scores.
func CrossValidate(articles []*corpus.Article, opts models.Options, cv CVOptions) (*eval.Report, error) {
	labels := LabelsOf(articles)
	repeats := max(1, cv.Repeats)
	// One unit per sentence, grouped by article position (ids may repeat
	// across files).
	var units []eval.Unit
	var owner []int
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	for ai, a := range articles {
		for _, s := range a.Sentences {
			units = append(units, eval.Unit{Group: fmt.Sprint(ai), Label: index[s.Label]})
			owner = append(owner, ai)
		}
	}
	rng := rand.New(rand.NewPCG(cv.Seed, cv.Seed))
	var folds []eval.Fold
	for r := 0; r < repeats; r++ {
		assign, err := eval.Folds(units, cv.Folds, rng)
		if err != nil {
			return nil, fmt.Errorf("modeleval: %w", err)
		}
		articleFold := make([]int, len(articles))
		for u, f := range assign {
			articleFold[owner[u]] = f
		}
		for f := 0; f < cv.Folds; f++ {
			var train, test []*corpus.Article
			for ai, a := range articles {
				if articleFold[ai] == f {
					test = append(test, a)
				} else {
					train = append(train, a)
				}
			}
			m, err := models.TrainWithLabels(train, labels, opts)
			if err != nil {
				return nil, fmt.Errorf("modeleval: repeat %d fold %d: %w", r, f, err)
			}
			items, err := EvalItems(m, test, cv.Group, opts.Workers)
			if err != nil {
				return nil, err
			}
			folds = append(folds, eval.Fold{Repeat: r, Index: f, Items: items})
			if cv.Observe != nil {
				cv.Observe(r, f, eval.Evaluate(labels, items, eval.Options{}))
			}
		}
	}
	return eval.EvaluateFolds(labels, folds, cv.Eval), nil
}

// LearningCurve trains on growing, seeded random subsets of the training
// articles (fractions of them, each repeated runs times) and scores macro-F1
// on the test articles.
func LearningCurve(train, test []*corpus.Article, opts models.Options, fractions []float64, runs int, seed uint64) (*eval.LearningCurve, error) {
	labels := LabelsOf(append(append([]*corpus.Article(nil), train...), test...))
	curve := eval.NewLearningCurve("macro-F1")
	rng := rand.New(rand.NewPCG(seed, seed))
	for _, f := range fractions {
		n := max(2, int(f*float64(len(train))+0.5))
		n = min(n, len(train))
		var scores []float64
		size := 0
		for r := 0; r < max(1, runs); r++ {
			perm := rng.Perm(len(train))
			sub := make([]*corpus.Article, n)
			for i := range sub {
				sub[i] = train[perm[i]]
			}
			m, err := models.TrainWithLabels(sub, labels, opts)
			if err != nil {
				return nil, fmt.Errorf("modeleval: learning curve at %d articles: %w", n, err)
			}
			items, err := EvalItems(m, test, "", opts.Workers)
			if err != nil {
				return nil, err
			}
			scores = append(scores, eval.Evaluate(labels, items, eval.Options{}).Macro.F1)
			size = 0
			for _, a := range sub {
				size += len(a.Sentences)
			}
		}
		curve.Add(size, scores...)
	}
	return curve, nil
}
