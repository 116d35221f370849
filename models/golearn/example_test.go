package golearn_test

import (
	"fmt"
	"log"
	"math"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/models"
	"github.com/stancekit/stancekit/models/golearn"
)

// article builds a segmented article from (label, text) pairs, one
// paragraph each.
func article(id string, pairs ...string) *corpus.Article {
	a := &corpus.Article{ID: id}
	for i := 0; i+1 < len(pairs); i += 2 {
		a.Sentences = append(a.Sentences, corpus.Sentence{Label: pairs[i], Text: pairs[i+1], Para: i / 2})
	}
	a.BuildText()
	return a
}

// toyData is a toy corpus of reported facts and direct quotes as cue
// vectors, and the extractor that made them.
func toyData(cfg features.Config) (*models.Dataset, *features.Extractor) {
	train := []*corpus.Article{
		article("a1",
			"fact", "The council approved the budget on Tuesday.",
			"quote", `"We had no other choice," the mayor said.`,
			"fact", "The vote was six to three."),
		article("a2",
			"fact", "Rain closed the coastal road for two days.",
			"quote", `"The water came up fast," a resident said.`,
			"fact", "Crews reopened the road on Friday."),
		article("a3",
			"quote", `"This is a good day for the city," she said.`,
			"fact", "The bridge cost 40 million dollars.",
			"quote", `"We will keep building," he said.`),
	}
	pipe, err := features.NewPipeline(cfg)
	if err != nil {
		log.Fatal(err)
	}
	pipe.Fit(train)
	data := models.NewDataset(pipe.Dim(), []string{"fact", "quote"})
	ex := pipe.NewExtractor()
	var vecs []features.Vector
	for _, a := range train {
		vecs = ex.Article(a, vecs)
		for i, s := range a.Sentences {
			y := 0
			if s.Label == "quote" {
				y = 1
			}
			data.Append(&vecs[i], y)
		}
	}
	return data, ex
}

// newArticle is unlabelled text to score.
var newArticle = article("new",
	"", "The council met on Monday.",
	"", `"We are ready," the mayor said.`)

func ExampleFit() {
	// Cue vectors only: golearn's grids are dense, so n-grams stay out.
	data, ex := toyData(features.Config{Cues: true})
	forest, err := golearn.Fit(data, golearn.Forest, golearn.Options{Trees: 15, Features: 10}, 1)
	if err != nil {
		log.Fatal(err)
	}
	logp := make([]float64, len(forest.Labels()))
	for i, v := range ex.Article(newArticle, nil) {
		forest.Scores(v, logp)
		fmt.Printf("P(quote) = %.2f\t%s\n", math.Exp(logp[1]), newArticle.Sentences[i].Text)
	}
	// Output:
	// P(quote) = 0.09	The council met on Monday.
	// P(quote) = 0.80	"We are ready," the mayor said.
}

func ExampleFit_knn() {
	data, ex := toyData(features.Config{Cues: true})
	knn, err := golearn.Fit(data, golearn.KNN, golearn.Options{K: 3}, 0)
	if err != nil {
		log.Fatal(err)
	}
	// Three neighbours and half a pseudo-vote per label: probabilities
	// move in steps of 1/4, from 0.5/4 to 3.5/4.
	logp := make([]float64, len(knn.Labels()))
	for i, v := range ex.Article(newArticle, nil) {
		knn.Scores(v, logp)
		fmt.Printf("P(quote) = %.3f\t%s\n", math.Exp(logp[1]), newArticle.Sentences[i].Text)
	}
	// Output:
	// P(quote) = 0.125	The council met on Monday.
	// P(quote) = 0.875	"We are ready," the mayor said.
}

func ExampleDenseDim() {
	// The default news configuration adds word n-grams to the cues; a
	// golearn model reads only the dense block in front of them.
	cfg := features.DefaultConfig()
	cfg.Context, cfg.Position = 1, true
	cols, err := golearn.DenseDim(cfg)
	if err != nil {
		log.Fatal(err)
	}
	data, _ := toyData(cfg)
	fmt.Println("dense columns:", cols, "of", data.Dim)
	c, err := golearn.Fit(data, golearn.KNN, golearn.Options{Columns: cols, K: 3}, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c)
	// Output:
	// dense columns: 317 of 331
	// golearn knn (columns=317 k=3 distance=euclidean smoothing=0.5) over [fact quote]
}
