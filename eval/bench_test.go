package eval

import (
	"fmt"
	"testing"
)

func BenchmarkEvaluate(b *testing.B) {
	for _, articles := range []int{100, 1000} {
		items := synthItems(1, articles)
		b.Run(fmt.Sprintf("sentences=%d/bootstrap=1000", len(items)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Evaluate(testLabels, items, Options{Bootstrap: 1000, Errors: 20})
			}
			b.ReportMetric(float64(len(items))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}

func BenchmarkFolds(b *testing.B) {
	for _, articles := range []int{100, 1000} {
		us := unitsOf(synthItems(1, articles))
		b.Run(fmt.Sprintf("sentences=%d/k=10", len(us)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Folds(us, 10, seeded(1)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(us))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}

func BenchmarkCompare(b *testing.B) {
	items := synthItems(1, 1000)
	other := twin(items, func(i int, it Item) int {
		if i%7 == 0 {
			return it.Gold
		}
		return it.Pred
	})
	b.ReportAllocs()
	for b.Loop() {
		Compare(testLabels, items, other, 1000, seeded(1))
	}
}
