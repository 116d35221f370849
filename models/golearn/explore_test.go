package golearn

import (
	"testing"
	"time"

	"github.com/stancekit/stancekit/features"
)

func TestExplore(t *testing.T) {
	train := readNews(t, "train", 1000)
	cfg := features.Config{Cues: true}
	tr, _ := datasets(t, cfg, train, train[:1])
	for _, n := range []int{1000, 2000, 4449} {
		rows := make([]int, n)
		for i := range rows {
			rows[i] = i
		}
		sub := tr.Subset(rows)
		for _, f := range []int{6, 20} {
			t0 := time.Now()
			_, err := Fit(sub, Forest, Options{Trees: 1, Features: f}, 1)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("n=%d features=%d: one tree %v", n, f, time.Since(t0))
		}
	}
}
