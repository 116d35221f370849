package golearn

import (
	"testing"
	"time"

	"github.com/stancekit/stancekit/features"
)

func TestExplore(t *testing.T) {
	train, dev := readNews(t, "train", 1000), readNews(t, "dev", 1000)
	for _, cfg := range []features.Config{{Cues: true}, {Cues: true, Context: 1, Position: true}} {
		cols, _ := DenseDim(cfg)
		tr, te := datasets(t, cfg, train, dev)
		for _, o := range []Options{
			{Columns: cols, Trees: 25, Workers: 8}, {Columns: cols, Trees: 50, Workers: 8}, {Columns: cols, Trees: 50, Features: 7, Workers: 8},
		} {
			t0 := time.Now()
			c, err := Fit(tr, Forest, o, 1)
			if err != nil {
				t.Fatal(err)
			}
			t1 := time.Now()
			acc := accuracy(c, te)
			t.Logf("cols=%d forest %s: train %v pred %v acc %.3f", cols, c.Options, t1.Sub(t0), time.Since(t1), acc)
		}
		for _, k := range []int{5, 15, 31} {
			t0 := time.Now()
			c, err := Fit(tr, KNN, Options{Columns: cols, K: k}, 1)
			if err != nil {
				t.Fatal(err)
			}
			t1 := time.Now()
			acc := accuracy(c, te)
			t.Logf("cols=%d knn k=%d: train %v pred %v acc %.3f", cols, k, t1.Sub(t0), time.Since(t1), acc)
		}
	}
}
