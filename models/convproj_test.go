package models

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A width-1 member predicts from its per-word cache the bits the network
// computes window by window, when trained and when decoded, and workspaces
// in several goroutines fill the shared cache safely (run with -race).
func TestWordProjectionSameBits(t *testing.T) {
	data := readArticles(t, "../testdata/news/train.jsonl", 12)
	for _, tc := range []struct {
		mix     string
		filters int // 16 takes the fixed-size path
	}{{ConvMixAverage, 8}, {ConvMixStack, 8}, {ConvMixStack, 16}} {
		t.Run(fmt.Sprintf("%s/%d", tc.mix, tc.filters), func(t *testing.T) {
			o := fullOptions(LogReg)
			o = o.WithConv(ConvOptions{Filters: tc.filters, Width: 1, Epochs: 2, Mix: tc.mix, Seed: 5})
			m, err := Train(data, o)
			require.NoError(t, err)
			require.NotNil(t, m.Conv.proj, "Train sets the cache of a width-1 member")

			slow := *m
			conv := *m.Conv
			conv.proj = nil
			slow.Conv = &conv
			want := predictAll(&slow, data)
			requireSameBits(t, want, predictAll(m, data))

			back, err := Decode(modelBytes(t, m))
			require.NoError(t, err)
			require.NotNil(t, back.Conv.proj, "Decode sets the cache of a width-1 member")
			for _, g := range predictConcurrently(back, data, 4) {
				requireSameBits(t, want, g)
			}
		})
	}
}

// Wider windows have no per-word cache: a window's response depends on
// its neighbours.
func TestWordProjectionOnlyWidthOne(t *testing.T) {
	n := &ConvNet{Dim: 4, Width: 3, Filters: 2, K: 2}
	assert.Nil(t, newWordProjection(n, nil))
	n.Width = 1
	assert.Nil(t, newWordProjection(n, nil), "no table, no cache")
}
