package batch_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/stancekit/stancekit/batch"
	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/newsmodel"
)

// Run classifies a stream of JSONL articles. A bad record (here an empty
// text) becomes an error record in its place, and the run goes on.
func ExampleRun() {
	m, err := newsmodel.Load()
	if err != nil {
		log.Fatal(err)
	}
	input := `{"id": "harbour-1", "text": "The harbour bridge reopened on Monday after a two-year repair.\n\n\"We finished on budget,\" the city engineer said.\n\nIt is a disgrace that the repairs took so long.\n\nSign up for our newsletter to get the news every morning."}
{"id": "harbour-2", "text": ""}
`
	r := corpus.NewReader(strings.NewReader(input), "harbour.jsonl", corpus.ReaderOptions{})
	var out bytes.Buffer
	st, err := batch.Run(context.Background(), r, m, batch.JSONL{}, &out, batch.Options{Workers: 2})
	if err != nil {
		log.Fatal(err)
	}

	// One JSON record per sentence; the scores are left out here.
	dec := json.NewDecoder(&out)
	for dec.More() {
		var rec struct {
			Article, Text, Label, Error string
			Sentence, Start, End, Line  int
		}
		if err := dec.Decode(&rec); err != nil {
			log.Fatal(err)
		}
		if rec.Error != "" {
			fmt.Printf("%s: line %d: %s\n", rec.Article, rec.Line, rec.Error)
			continue
		}
		fmt.Printf("%s #%d [%d:%d] %-7s %s\n", rec.Article, rec.Sentence, rec.Start, rec.End, rec.Label, rec.Text)
	}
	fmt.Printf("%d articles, %d sentences, %d errors\n", st.Articles, st.Sentences, st.Errors)
	// Output:
	// harbour-1 #0 [0:62] fact    The harbour bridge reopened on Monday after a two-year repair.
	// harbour-1 #1 [64:112] quote   "We finished on budget," the city engineer said.
	// harbour-1 #2 [114:161] opinion It is a disgrace that the repairs took so long.
	// harbour-1 #3 [163:220] appeal  Sign up for our newsletter to get the news every morning.
	// harbour-2: line 2: field "text": empty input
	// 2 articles, 4 sentences, 1 errors
}

// Resume prepares the output of an interrupted run: it keeps the articles
// surely complete, drops the last one (its records may be cut short) and
// returns the ids that the next Run should skip.
func ExampleResume() {
	dir, err := os.MkdirTemp("", "resume")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "labels.jsonl")
	interrupted := `{"article":"a1","sentence":0,"label":"fact"}
{"article":"a1","sentence":1,"label":"quote"}
{"article":"a2","sentence":0,"label":"fact"}
{"article":"a2","sent`
	if err := os.WriteFile(path, []byte(interrupted), 0o644); err != nil {
		log.Fatal(err)
	}

	skip, err := batch.Resume(path, batch.FormatJSONL)
	if err != nil {
		log.Fatal(err)
	}
	kept, _ := os.ReadFile(path)
	fmt.Print(string(kept))
	fmt.Println("skip a1:", skip["a1"], "skip a2:", skip["a2"])
	// Then: batch.Run(ctx, r, m, enc, appendTo(path), batch.Options{Skip: func(id string) bool { return skip[id] }})

	// Output:
	// {"article":"a1","sentence":0,"label":"fact"}
	// {"article":"a1","sentence":1,"label":"quote"}
	// skip a1: true skip a2: false
}

// Classify labels one article at a time, as Run does, for callers that
// schedule work themselves (a Beam pipeline); Aggregate tallies the
// results per source and month.
func ExampleClassify() {
	m, err := newsmodel.Load()
	if err != nil {
		log.Fatal(err)
	}
	input := `{"id": "a", "source": "Ledger", "date": "2024-05-02", "text": "The harbour bridge reopened on Monday after a two-year repair.\n\nThe work cost $40 million, the city said.\n\nSign up for our newsletter to get the news every morning."}
{"id": "b", "source": "Ledger", "date": "2024-06-11", "text": "\"We finished on budget,\" the engineer said."}
`
	r := corpus.NewReader(strings.NewReader(input), "in.jsonl", corpus.ReaderOptions{})
	ws := m.NewWorkspace()
	agg := batch.NewAggregate("source", m.Labels)
	for {
		a, err := r.Next()
		if err != nil {
			break // io.EOF here; a real caller encodes record errors with batch.EncodeRecordError
		}
		c := batch.Classify(ws, m, batch.JSONL{}, a, 0, nil)
		if !c.Err {
			agg.Add(a, m, c.Preds)
		}
	}
	if err := agg.WriteCSV(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// field,value,month,articles,sentences,n_appeal,n_fact,n_opinion,n_quote,share_appeal,share_fact,share_opinion,share_quote,appeal_blocks,appeal_blocks_per_article
	// source,Ledger,all,2,4,1,1,0,2,0.25,0.25,0,0.5,1,0.5
	// source,Ledger,2024-05,1,3,1,1,0,1,0.333333,0.333333,0,0.333333,1,1
	// source,Ledger,2024-06,1,1,0,0,0,1,0,0,0,1,0,0
}
