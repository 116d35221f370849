package batch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/stancekit/stancekit/corpus"
)

// BenchmarkRun classifies 60 news articles (raw text, segmented on the
// way) to JSONL with 1, 2 and 4 workers.
func BenchmarkRun(b *testing.B) {
	input, _ := newsStream(b, 60)
	m := loadNews(b)
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(input)))
			var st Stats
			for b.Loop() {
				r := corpus.NewReader(bytes.NewReader(input), "news.jsonl", corpus.ReaderOptions{})
				var err error
				st, err = Run(context.Background(), r, m, JSONL{}, io.Discard, Options{Workers: workers})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(st.Sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}
