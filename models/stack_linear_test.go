package models

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
)

// paragraphArticle makes an article whose paragraphs have the given
// numbers of sentences.
func paragraphArticle(sizes ...int) *corpus.Article {
	a := &corpus.Article{ID: "paras"}
	for p, n := range sizes {
		for range n {
			a.Sentences = append(a.Sentences, corpus.Sentence{Text: "A.", Para: p})
		}
	}
	a.BuildText()
	return a
}

func randomLogp(rng *rand.Rand, n, k int) []float64 {
	logp := make([]float64, n*k)
	for i := range logp {
		logp[i] = math.Log(rng.Float64())
	}
	return logp
}

// Issue 13 item 1: one paragraph of n sentences cost O(n²) because every
// sentence re-summed its paragraph. The structure now: each paragraph is
// summed once per article, whatever its length.
func TestStackParagraphSummedOncePerParagraph(t *testing.T) {
	tests := []struct {
		name  string
		sizes []int
	}{
		{"one long paragraph", []int{5000}},
		{"many short ones", []int{1, 3, 3, 1, 7, 2}},
		{"long between short", []int{1, 2000, 1}},
	}
	const k = 4
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := paragraphArticle(tt.sizes...)
			n := len(a.Sentences)
			logp := randomLogp(rand.New(rand.NewPCG(1, 13)), n, k)
			var s stackProbs
			s.set(logp, n, k)
			var v, dst features.Vector
			for i := range n {
				s.vector(&dst, &v, 10, a, i, k)
			}
			assert.Equal(t, len(tt.sizes), s.paraSums)
		})
	}
}

// The cached paragraph mean gives the same bits as summing the paragraph
// for each sentence (the pre-fix code, kept here as the reference), in
// sentence order and in the random order Explain may ask for.
func TestStackParagraphCacheSameBits(t *testing.T) {
	const k = 3
	rng := rand.New(rand.NewPCG(2, 13))
	a := paragraphArticle(4, 1, 9, 2, 30)
	n := len(a.Sentences)
	logp := randomLogp(rng, n, k)
	var s stackProbs
	s.set(logp, n, k)
	const dim = 7
	paraOff := uint32(dim + len(stackOffsets)*(k+1))
	order := append(rng.Perm(n), rng.Perm(n)...)
	var v, dst features.Vector
	for _, i := range order {
		s.vector(&dst, &v, dim, a, i, k)
		lo, hi := i, i
		for lo > 0 && a.Sentences[lo-1].Para == a.Sentences[i].Para {
			lo--
		}
		for hi+1 < n && a.Sentences[hi+1].Para == a.Sentences[i].Para {
			hi++
		}
		got := map[uint32]float32{}
		for j, idx := range dst.Index {
			got[idx] = dst.Value[j]
		}
		inv := 1 / float64(hi-lo+1)
		for c := range k {
			var sum float64
			for j := lo; j <= hi; j++ {
				sum += math.Exp(logp[j*k+c])
			}
			require.Equal(t, float32(sum*inv), got[paraOff+uint32(c)], "sentence %d label %d", i, c)
		}
	}
}
