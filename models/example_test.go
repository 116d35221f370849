package models_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
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

// trainingCorpus is a toy corpus: reported facts and direct quotes.
func trainingCorpus() []*corpus.Article {
	return []*corpus.Article{
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
		article("a4",
			"fact", "The school board met on Monday.",
			"quote", `"Our teachers deserve better," the union leader said.`,
			"fact", "The board will vote next month."),
	}
}

// smallOptions train a sentence classifier alone, fast enough for a toy
// corpus; DefaultOptions add stacking, calibration and a sequence layer.
func smallOptions() models.Options {
	o := models.DefaultOptions()
	o.Stack, o.Calibrate, o.Sequence = false, false, false
	o.Features.MinCount = 1
	o.Workers = 1
	return o.WithConv(models.ConvOptions{}) // the vector member needs stacking
}

func ExampleTrain() {
	m, err := models.Train(trainingCorpus(), smallOptions())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("labels:", m.Labels)

	// A new article as raw text: Predict segments it first.
	a := &corpus.Article{ID: "new", Text: `The council met on Monday. "We are ready," the mayor said.`}
	for i, p := range m.NewWorkspace().Predict(a) {
		fmt.Printf("%s\t%s\n", m.Labels[p.Label], a.Sentences[i].Text)
	}
	// Output:
	// labels: [fact quote]
	// fact	The council met on Monday.
	// quote	"We are ready," the mayor said.
}

func ExampleModel_Save() {
	m, err := models.Train(trainingCorpus(), smallOptions())
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "stancekit-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "news.model")
	if err := m.Save(path); err != nil {
		log.Fatal(err)
	}
	loaded, err := models.Load(path)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(loaded.Labels, loaded.Options.Model, loaded.Trained.Articles, loaded.Trained.Sentences)
	// Output:
	// [fact quote] svm 4 12
}

func ExampleDecode() {
	m, err := models.Train(trainingCorpus(), smallOptions())
	if err != nil {
		log.Fatal(err)
	}
	var file bytes.Buffer
	if _, err := m.WriteTo(&file); err != nil {
		log.Fatal(err)
	}
	b := file.Bytes()

	if _, err := models.Decode(b); err == nil {
		fmt.Println("whole file: ok")
	}
	// Damage is reported with a sentinel error, never a panic.
	_, err = models.Decode(b[:len(b)/2])
	fmt.Println("half a file, truncated:", errors.Is(err, models.ErrTruncated))
	_, err = models.Decode([]byte(`{"not": "a model"}`))
	fmt.Println("JSON, not a model:", errors.Is(err, models.ErrNotModel))
	b[len(b)/2] ^= 1
	_, err = models.Decode(b)
	fmt.Println("one bit flipped, corrupt:", errors.Is(err, models.ErrCorrupt))
	// Output:
	// whole file: ok
	// half a file, truncated: true
	// JSON, not a model: true
	// one bit flipped, corrupt: true
}

func ExampleWorkspace_Explain() {
	m, err := models.Train(trainingCorpus(), smallOptions())
	if err != nil {
		log.Fatal(err)
	}
	ws := m.NewWorkspace()
	a := &corpus.Article{ID: "new", Text: `"We are ready," the mayor said.`}
	p := ws.Predict(a)[0]
	fmt.Println(m.Labels[p.Label])
	// The features that pushed hardest toward that label, largest first.
	for _, c := range ws.Explain(a, 0, p.Label, 3) {
		fmt.Println(c.Name)
	}
	// Output:
	// quote
	// cue:quote_any
	// cue:quote_start
	// cue:reporting_verb
}

func ExampleWorkspace_Reasons() {
	m, err := models.Train(trainingCorpus(), smallOptions())
	if err != nil {
		log.Fatal(err)
	}
	ws := m.NewWorkspace()
	a := &corpus.Article{ID: "new", Text: `"We are ready," the mayor said.`}
	p := ws.Predict(a)[0]
	fmt.Println(m.Labels[p.Label])
	// What pushed hardest toward that label, in words, largest first.
	for _, r := range ws.Reasons(a, 0, p.Label, 3) {
		fmt.Println(r.Why)
	}
	// Output:
	// quote
	// quotation marks
	// a quotation mark at its start
	// a reporting verb (said, told, added…)
}
