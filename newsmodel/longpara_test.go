package newsmodel_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/newsmodel"
)

// longParagraph returns about n bytes of ordinary news sentences with no
// line break: a scraped page that lost its paragraph markup. blankEvery > 0
// puts a blank line after every blankEvery sentences instead.
func longParagraph(rng *rand.Rand, n, blankEvery int) string {
	words := strings.Fields("the council met on tuesday and voted to raise fares by ten percent while the mayor said it was fair to riders")
	var b strings.Builder
	for s := 1; b.Len() < n; s++ {
		w := strings.ToUpper(words[rng.IntN(len(words))][:1]) + words[rng.IntN(len(words))][1:]
		b.WriteString(w)
		for i := 0; i < 11; i++ {
			b.WriteByte(' ')
			b.WriteString(words[rng.IntN(len(words))])
		}
		b.WriteByte('.')
		if blankEvery > 0 && s%blankEvery == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkLongParagraph classifies one paragraph of growing size with the
// embedded model (segmentation, features, both stages, sequence layer).
// Issue 13 item 1: the time per byte must not grow with the paragraph.
func BenchmarkLongParagraph(b *testing.B) {
	m, err := newsmodel.Load()
	require.NoError(b, err)
	for _, n := range []int{62_500, 250_000, 1_000_000, 2_000_000} {
		text := longParagraph(rand.New(rand.NewPCG(13, 1)), n, 0)
		b.Run(fmt.Sprintf("bytes=%d", n), func(b *testing.B) {
			ws := m.NewWorkspace()
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			sents := 0
			for b.Loop() {
				a := &corpus.Article{ID: "long", Text: text}
				sents += len(ws.Predict(a))
			}
			b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}
