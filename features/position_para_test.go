package features

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

// Issue 13 item 1: the paragraph cue mean re-summed the paragraph for every
// sentence, O(n²) in one long paragraph. Each paragraph is now summed once
// per article; the vectors are the same bits as when a sentence sums its
// own paragraph (checked against a fresh analysis whose cache is emptied
// before every sentence).
func TestParagraphCuesSummedOncePerParagraph(t *testing.T) {
	texts := []string{"We must act now.", "She said it was fine.", "Fares rose 10% on Tuesday.", "Donate today!"}
	for _, tt := range []struct {
		name  string
		sizes []int
	}{
		{"one long paragraph", []int{3000}},
		{"many short ones", []int{1, 3, 3, 1, 7, 2}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{ID: "paras"}
			for p, n := range tt.sizes {
				for i := range n {
					a.Sentences = append(a.Sentences, corpus.Sentence{Text: texts[(p+i)%len(texts)], Para: p})
				}
			}
			a.BuildText()
			p, err := NewPipeline(Config{Cues: true, Context: 1, Position: true, WordNgrams: 1})
			require.NoError(t, err)
			p.Fit([]*corpus.Article{a})
			var x Analysis
			x.analyse(a, p.lex)
			var v Vector
			for i := range a.Sentences {
				v.Reset()
				blockMeans{}.Append(&x, i, 0, &v)
			}
			assert.Equal(t, len(tt.sizes), x.paraSums)
			vecs := p.NewExtractor().Article(a, nil)
			fresh := p.NewExtractor()
			fresh.x.analyse(a, p.lex)
			for _, i := range []int{0, len(vecs) / 2, len(vecs) - 1} {
				fresh.x.meanLo, fresh.x.meanHi = -1, -1
				var w Vector
				fresh.sentence(i, &w)
				assert.Equal(t, w, vecs[i], "sentence %d", i)
			}
		})
	}
}
