package features

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A Q&A: paragraphs 0 and 2 are questions, 1 and 3 answers; 2 of 4
// paragraphs end in "?", so qa_article is min(1, 4·2/4) = 1.
func TestDialogue(t *testing.T) {
	a := article(
		[]string{"Why a lighthouse?"},
		[]string{"My grandfather kept one.", "He never talked about it."},
		[]string{"Ledger: You wrote it in a caravan.", "How did that come about?"},
		[]string{"Mulcahy: It was the only place I could afford."},
	)
	p := fittedPipeline(t, Config{Cues: true, Dialogue: true}, a)
	s1 := named(p, a, 1)
	assert.Equal(t, float32(1), s1["qa:prev_para_question"])
	assert.Equal(t, float32(1), s1["qa:answer"])
	assert.Zero(t, s1["qa:next_para_question"], "paragraph 2 starts with a statement")
	assert.Equal(t, float32(1), s1["qa:qa_article"])
	s3 := named(p, a, 3) // "Ledger: You wrote it in a caravan."
	assert.Equal(t, float32(1), s3["qa:speaker_prefix"])
	assert.Zero(t, s3["qa:answer"], "paragraph 1 ends in a statement")
	s5 := named(p, a, 5) // "Mulcahy: It was the only place…"
	assert.Equal(t, float32(1), s5["qa:speaker_prefix"])
	assert.Equal(t, float32(1), s5["qa:answer"])
	assert.Equal(t, float32(1), named(p, a, 0)["qa:qa_article"])
	assert.Zero(t, named(p, a, 0)["qa:answer"], "a question is no answer")

	b := article([]string{"The council met.", "It voted."}, []string{"Was it right?"}, []string{"Rain fell."}, []string{"Roads closed."}, []string{"Schools shut."})
	q := fittedPipeline(t, Config{Cues: true, Dialogue: true}, b)
	assert.InDelta(t, 0.8, named(q, b, 0)["qa:qa_article"], 1e-6, "1 of 5 paragraphs, times 4")
	assert.Equal(t, float32(1), named(q, b, 0)["qa:next_para_question"])
}
