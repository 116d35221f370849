package models

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

// qaArticle builds an article from paragraphs given as sentences joined
// by " | ".
func qaArticle(paras ...string) *corpus.Article {
	a := &corpus.Article{ID: "qa"}
	for p, text := range paras {
		for _, s := range strings.Split(text, " | ") {
			a.Sentences = append(a.Sentences, corpus.Sentence{Text: s, Para: p})
		}
	}
	a.BuildText()
	return a
}

// marks lists the sentences qaAnswers marks, as indexes.
func marks(a *corpus.Article) []int {
	var out []int
	for i, m := range qaAnswers(a, nil) {
		if m {
			out = append(out, i)
		}
	}
	return out
}

// Each case's expected sentences are worked by hand from the rules in
// qa.go's comment.
func TestQAAnswers(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  []int
	}{
		{
			name: "tags: the interviewer's tag opens the questions, the answers are the rest",
			paras: []string{
				"Adjoa Boateng scored 23 goals this season. | She spoke to us before her flight.", // 0, 1
				"KM: Twenty-three goals. | Did you expect a season like that?",                    // 2, 3
				"Boateng: Honestly, no. | I tore a muscle in pre-season.",                         // 4, 5
				"KM: How did football start for you?",                                             // 6
				"I used to carry food to the miners at the lorry park.",                           // 7
				"KM: Your mother was not keen at first?",                                          // 8
				"Boateng: She wanted me to be a nurse.",                                           // 9
			},
			want: []int{4, 5, 7, 9},
		},
		{
			name: "no tags: questions end paragraphs or run on into the answer",
			paras: []string{
				"Marla Quintanilla has directed four films.",                                               // 0
				"The Dry Season was shot in 23 days. | Was that a choice? | Both, and I'm not pretending.", // 1, 2, 3: the answer runs on after the question
				"We had the money for 23 days and not one more.",                                           // 4: "we" continues it
				"Your lead had never acted. | How did you find him?",                                       // 5, 6: the interviewer's
				"He was fixing the air conditioning in my office.",                                         // 7
				"Where did the story come from?",                                                           // 8
				"My grandmother's kitchen table, basically.",                                               // 9
				"The festival runs until Sunday.",                                                          // 10: no first person, ends the answer
			},
			want: []int{3, 4, 7, 9},
		},
		{
			name: "an explainer's questions, answered in the writer's voice, are no Q&A",
			paras: []string{
				"What happens next?", "The council votes in May.",
				"Who pays?", "Ratepayers, through a levy of 2 per cent.",
				"Can residents object?", "Yes, until 30 April.",
			},
			want: nil,
		},
		{
			name: "a profile's quoted speech ends an answer",
			paras: []string{
				"Why Kilkee?", "Because my grandmother's cottage was empty.",
				"What about the menu?", "I cook whatever is landed.",
				"And staff?", "I pay above the award.",
				`"She is the best boss I have had," said her sous-chef.`,
			},
			want: []int{1, 3, 5},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, marks(qaArticle(tt.paras...)))
		})
	}
}

func TestSpeakerTag(t *testing.T) {
	for s, want := range map[string]string{
		"Q: What is lake snow?":                    "Q",
		"Vasundhara Iyer: The concerts are free.":  "Vasundhara Iyer",
		"7:18 p.m.: Polls have closed.":            "",
		"READ MORE: Clearing explained":            "",
		"the mayor said: no.":                      "",
		"Bautista-Lacson: It is a small sum.":      "Bautista-Lacson",
		"One Two Three Four: too many words here.": "",
	} {
		assert.Equal(t, want, speakerTag(s), s)
	}
}

// Relabelled answers get qaConfidence for quote, the other labels keep
// their proportions; appeal and quote are left alone.
func TestRelabelAnswers(t *testing.T) {
	a := qaArticle(
		"Why Kilkee?", "Because my grandmother's cottage was empty.",
		"What about the menu?", "I cook whatever is landed.",
		"And staff?", "I pay above the award. | Sign up for our newsletter.",
	)
	labels := []string{"appeal", "fact", "opinion", "quote"}
	w := &Workspace{quote: 3, appeal: 0}
	probs := [][]float64{
		{0, .8, .2, 0}, {0, .6, .3, .1}, {0, .9, .1, 0}, {.1, .2, .6, .1}, {0, .9, .1, 0}, {.1, .5, .2, .2}, {.9, .05, .05, 0},
	}
	for _, p := range probs {
		best := 0
		for c := range p {
			if p[c] > p[best] {
				best = c
			}
		}
		w.preds = append(w.preds, Prediction{Label: best, Probs: append([]float64(nil), p...)})
	}
	w.relabelAnswers(a)
	got := make([]string, len(w.preds))
	for i, p := range w.preds {
		got[i] = labels[p.Label]
	}
	require.Equal(t, []string{"fact", "quote", "fact", "quote", "fact", "quote", "appeal"}, got)
	// Sentence 1: fact .6, opinion .3, quote .1 -> quote .9; the rest (.9 of
	// the mass before) shares .1: fact .6/.9*.1, opinion .3/.9*.1.
	assert.InDeltaSlice(t, []float64{0, .6 / .9 * .1, .3 / .9 * .1, .9}, w.preds[1].Probs, 1e-12)
	assert.InDeltaSlice(t, []float64{.9, .05, .05, 0}, w.preds[6].Probs, 1e-12, "appeal untouched")
}
