package models

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/stancekit/stancekit/corpus"
)

func countSentences(as []*corpus.Article) int {
	n := 0
	for _, a := range as {
		n += len(a.Sentences)
	}
	return n
}

// BenchmarkTrain trains the default pipeline (stacking, calibration,
// sequence layer) on the first n articles of testdata/news/train.jsonl.
// One iteration takes seconds: run with -benchtime 1x.
func BenchmarkTrain(b *testing.B) {
	all := readArticles(b, "../testdata/news/train.jsonl", 0)
	for _, model := range Trainers {
		for _, n := range []int{20, 60, len(all)} {
			data := all[:n]
			sents := countSentences(data)
			b.Run(fmt.Sprintf("model=%s/articles=%d", model, n), func(b *testing.B) {
				o := DefaultOptions()
				o.Model = model
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Train(data, o); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
			})
		}
	}
}

// BenchmarkPredict labels testdata/news/dev.jsonl with a model of each
// trainer, with and without the stacking stage (both with the sequence
// layer), trained on the first 60 training articles.
func BenchmarkPredict(b *testing.B) {
	train := readArticles(b, "../testdata/news/train.jsonl", 60)
	dev := readArticles(b, "../testdata/news/dev.jsonl", 0)
	sents := countSentences(dev)
	for _, model := range Trainers {
		for _, stack := range []bool{false, true} {
			b.Run(fmt.Sprintf("model=%s/stack=%v", model, stack), func(b *testing.B) {
				o := DefaultOptions()
				o.Model, o.Stack, o.MaxIter = model, stack, 50
				m, err := Train(train, o)
				if err != nil {
					b.Fatal(err)
				}
				ws := m.NewWorkspace()
				for _, a := range dev { // warm the workspace's buffers
					ws.Predict(a)
				}
				runtime.GC() // training's garbage would be collected on the clock
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					for _, a := range dev {
						ws.Predict(a)
					}
				}
				b.StopTimer()
				runtime.ReadMemStats(&after)
				n := float64(sents) * float64(b.N)
				b.ReportMetric(n/b.Elapsed().Seconds(), "sentences/s")
				b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, "allocs/sentence")
			})
		}
	}
}
