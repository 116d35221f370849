package vectors

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkAddTo measures the pooling inner loop: dequantize a row and add
// it, weighted, to an accumulator (once per word of every sentence).
func BenchmarkAddTo(b *testing.B) {
	for _, dim := range []int{50, 100, 300} {
		b.Run(fmt.Sprintf("dim=%d", dim), func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 2))
			const rows = 1000
			words := make([]string, rows)
			vecs := make([][]float32, rows)
			for i := range words {
				words[i] = fmt.Sprint("w", i)
				vecs[i] = make([]float32, dim)
				for j := range vecs[i] {
					vecs[i][j] = float32(r.NormFloat64())
				}
			}
			t, err := Quantize(words, vecs, dim)
			if err != nil {
				b.Fatal(err)
			}
			dst := make([]float32, dim)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				t.AddTo(dst, i%rows, 0.5)
				i++
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(dim), "ns/component")
		})
	}
}
