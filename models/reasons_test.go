package models

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/stancekit/stancekit/features"
)

func TestDescribe(t *testing.T) {
	for _, tt := range []struct {
		name string
		x    float64
		want string
	}{
		{"stack+1:p(appeal)", 0.981, "the next sentence is appeal, p 0.98"},
		{"stack-1:p(quote)", 0.5, "the previous sentence is quote, p 0.50"},
		{"stack+2:p(fact)", 0.25, "the sentence after next is fact, p 0.25"},
		{"stack-2:none", 1, "there is no sentence before the previous"},
		{"stack+0:p(opinion)", 0.7, "on its own it reads as opinion, p 0.70"},
		{"stack-para:p(fact)", 0.83, "its paragraph reads as fact, mean p 0.83"},
		{"stack-window:p(quote)", 0.4, "the sentences around it (3 each side) read as quote, mean p 0.40"},
		{"stack-article:p(appeal)", 0.1, "the article reads as appeal, mean p 0.10"},
		{"conv-stack+0:p(fact)", 0.9, "by the meanings of its words (word vectors), on its own it reads as fact, p 0.90"},
		{"conv-stack-1:p(quote)", 0.25, "by the meanings of its words (word vectors), the previous sentence is quote, p 0.25"},
		{"cue:reporting_verb", 1, "a reporting verb (said, told, added…)"},
		{"ctx-1:publisher", 1, "the previous sentence has a publisher word (subscribe, newsletter, donate…)"},
		{"ctx+1:none", 1, "there is no next sentence"},
		{"para:quote_any", 1, "its paragraph has quotation marks"},
		{"window:imperative", 1, "the sentences around it have an imperative (subscribe, sign up…)"},
		{"pos:first_in_para", 1, "its place: first in para"},
		{"said", 1, `the word "said"`},
		{"the mayor", 1, `the words "the mayor"`},
		{"char:<ab", 1, `the letters "ab"`},
		{"bucket#17", 1, "a word n-gram (hashed, bucket#17)"},
	} {
		assert.Equal(t, tt.want, describe(tt.name, tt.x), tt.name)
	}
}

// Every cue has words: a cue added to features must be worded here.
func TestEveryCueHasWords(t *testing.T) {
	for _, c := range features.CueNames {
		_, ok := cuePhrases[c]
		assert.True(t, ok, "cue %q has no phrase in cuePhrases", c)
	}
}
