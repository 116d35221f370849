package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

// newsTexts returns the raw texts of every article of testdata/news (train,
// dev and test), rebuilt from their sentences as the annotation guide joins
// them (paragraphs by "\n\n", sentences by " "), in an order shuffled with
// a fixed seed so that any prefix is a mix of outlets and genres.
func newsTexts(tb testing.TB) []string {
	tb.Helper()
	paths := []string{"../testdata/news/train.jsonl", "../testdata/news/dev.jsonl", "../testdata/news/test.jsonl"}
	r := corpus.Open(paths, corpus.ReaderOptions{})
	defer r.Close()
	var texts []string
	for {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(tb, err)
		texts = append(texts, a.Text)
	}
	require.NotEmpty(tb, texts, "no articles in testdata/news")
	rng := rand.New(rand.NewPCG(8, 2024))
	rng.Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
	return texts
}

// appendArticle appends article i of a generated stream as a JSONL record
// with only an id and the raw text, so that Run segments it; texts are
// reused cyclically and the ids are distinct.
func appendArticle(dst []byte, texts []string, i int) []byte {
	dst = fmt.Appendf(dst, `{"id":"b%06d","text":`, i)
	dst = appendJSONString(dst, texts[i%len(texts)])
	return append(dst, "}\n"...)
}

// articleStream returns n generated articles as JSONL and the size of their
// texts.
func articleStream(texts []string, n int) ([]byte, int64) {
	var b []byte
	var size int64
	for i := range n {
		b = appendArticle(b, texts, i)
		size += int64(len(texts[i%len(texts)]))
	}
	return b, size
}

// BenchmarkClassify measures what the classify command does per article:
// read a JSONL record, segment the raw text, extract features, run the
// embedded news model (stacking and sequence layer included) and encode
// JSONL, over 10, 100 and 1000 articles of the news mix, with one worker
// and with one per core (GOMAXPROCS, which -cpu sets). MB/s counts
// article text; sentences/s/core divides by the cores the workers can use;
// run with -cpu 1 for the strictly single-core figure (with more cores the
// reading and writing goroutines run beside the worker). Give -cpu one value
// per run: with a list, the testing package may run the first pass of a
// benchmark that has sub-benchmarks at another GOMAXPROCS than its name
// says (seen with Go 1.26: -cpu 2,1 ran it at 1); the workers metric shows
// what ran.
func BenchmarkClassify(b *testing.B) {
	texts := newsTexts(b)
	m := loadNews(b)
	for _, n := range []int{10, 100, 1000} {
		input, textBytes := articleStream(texts, n)
		for _, all := range []bool{false, true} {
			name := fmt.Sprintf("n=%d/workers=1", n)
			if all {
				name = fmt.Sprintf("n=%d/workers=all", n)
			}
			b.Run(name, func(b *testing.B) {
				workers := 1
				if all {
					workers = runtime.GOMAXPROCS(0)
				}
				b.ReportAllocs()
				b.SetBytes(textBytes)
				var st Stats
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				for b.Loop() {
					r := corpus.NewReader(bytes.NewReader(input), "bench.jsonl", corpus.ReaderOptions{})
					var err error
					st, err = Run(context.Background(), r, m, JSONL{}, io.Discard, Options{Workers: workers})
					if err != nil {
						b.Fatal(err)
					}
				}
				runtime.ReadMemStats(&after)
				if st.Articles != n || st.Errors != 0 {
					b.Fatalf("classified %d articles with %d errors, want %d without errors", st.Articles, st.Errors, n)
				}
				sentences := float64(st.Sentences) * float64(b.N)
				perSec := sentences / b.Elapsed().Seconds()
				b.ReportMetric(perSec, "sentences/s")
				b.ReportMetric(perSec/float64(min(workers, runtime.GOMAXPROCS(0))), "sentences/s/core")
				b.ReportMetric(float64(after.Mallocs-before.Mallocs)/sentences, "allocs/sentence")
				b.ReportMetric(float64(workers), "workers")
			})
		}
	}
}
