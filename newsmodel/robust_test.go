package newsmodel_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/newsmodel"
)

// Scraped pages rarely separate paragraphs with blank lines: each paragraph,
// button label and link sits on a line of its own. Classifying the test
// split rendered that way, from raw text through the segmenter, must give
// the same sentences and nearly the same scores as the gold layout.
func TestRawTextLayouts(t *testing.T) {
	m, err := newsmodel.Load()
	require.NoError(t, err)
	index := map[string]int{}
	for i, l := range m.Labels {
		index[l] = i
	}
	gold := readSplit(t, "test")
	layouts := map[string]string{"blank lines": "\n\n", "single newlines": "\n", "CRLF": "\r\n"}
	scores := map[string]float64{}
	for name, sep := range layouts {
		ws := m.NewWorkspace()
		var items []eval.Item
		for _, g := range gold {
			var paras []string
			var cur []string
			for i, s := range g.Sentences {
				if i > 0 && s.Para != g.Sentences[i-1].Para {
					paras = append(paras, strings.Join(cur, " "))
					cur = nil
				}
				cur = append(cur, s.Text)
			}
			paras = append(paras, strings.Join(cur, " "))
			a := &corpus.Article{ID: g.ID, Text: strings.Join(paras, sep)}
			preds := ws.Predict(a)
			require.Len(t, a.Sentences, len(g.Sentences), "%s: %s: segmentation differs from the gold", name, g.ID)
			for i, p := range preds {
				require.Equal(t, g.Sentences[i].Text, a.Sentences[i].Text, "%s: %s sentence %d", name, g.ID, i)
				items = append(items, eval.Item{Article: g.ID, Sentence: i, Gold: index[g.Sentences[i].Label], Pred: p.Label})
			}
		}
		scores[name] = eval.Evaluate(m.Labels, items, eval.Options{}).Macro.F1
	}
	t.Logf("macro-F1 by layout: %v", scores)
	for name, f := range scores {
		assert.InDelta(t, scores["blank lines"], f, 0.01, "layout %q", name)
	}
}
