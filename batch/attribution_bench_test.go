package batch

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/stancekit/stancekit/corpus"
)

// BenchmarkClassifyAttribution is BenchmarkClassify's n=1000, one worker,
// with the attribution of quote sentences on and off: its cost in the
// classify command. Run with -cpu 1.
func BenchmarkClassifyAttribution(b *testing.B) {
	texts := newsTexts(b)
	m := loadNews(b)
	input, textBytes := articleStream(texts, 1000)
	for _, on := range []bool{false, true} {
		name := "attribution=off"
		if on {
			name = "attribution=on"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(textBytes)
			var st Stats
			for b.Loop() {
				r := corpus.NewReader(bytes.NewReader(input), "bench.jsonl", corpus.ReaderOptions{})
				var err error
				st, err = Run(context.Background(), r, m, JSONL{}, io.Discard, Options{Workers: 1, NoAttribution: !on})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(st.Sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}
