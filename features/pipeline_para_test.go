package features

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

// Issue 13 item 1: the paragraph cue mean (Config.Position) re-summed the
// paragraph for every sentence, O(n²) in one long paragraph. Each paragraph
// is now summed once per article; the vectors are the same bits as when
// every sentence sums its own paragraph (checked against a fresh extractor
// per sentence, whose cache starts empty).
func TestParagraphCuesSummedOncePerParagraph(t *testing.T) {
	tests := []struct {
		name  string
		sizes []int
	}{
		{"one long paragraph", []int{3000}},
		{"many short ones", []int{1, 3, 3, 1, 7, 2}},
	}
	texts := []string{"We must act now.", "She said it was fine.", "Fares rose 10% on Tuesday.", "Donate today!"}
	for _, tt := range tests {
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
			e := p.NewExtractor()
			vecs := e.Article(a, nil)
			assert.Equal(t, len(tt.sizes), e.paraSums)
			fresh := p.NewExtractor()
			fresh.analyse(a)
			for _, i := range []int{0, len(vecs) / 2, len(vecs) - 1} {
				fresh.paraLo, fresh.paraHi = 0, -1
				var v Vector
				fresh.sentence(i, &v)
				assert.Equal(t, v, vecs[i], "sentence %d", i)
			}
		})
	}
}
