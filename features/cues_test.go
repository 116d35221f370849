package features

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Cue vectors of hand-picked sentences: which cues fire is read off the
// sentence (the lexicons are in lexicon/*.txt).
func TestCues(t *testing.T) {
	for _, tc := range []struct {
		text string
		on   []string
		off  []string
	}{
		{"The bridge opened in 1998.", []string{"year", "number"}, []string{"quote_any", "fragment"}},
		{"It cost 2500 rupees.", []string{"number", "money"}, []string{"year"}},
		{`"We will rebuild," the mayor said.`, []string{"quote_any", "quote_start", "reporting_verb", "quote_then_verb"}, []string{"fragment", "year"}},
		{"Subscribe for $4.99 a month", []string{"imperative", "money", "price", "fragment"}, []string{"quote_any"}},
		{"Why would anyone vote for this?", []string{"question"}, []string{"fragment"}},
	} {
		a := article([]string{tc.text})
		p := fittedPipeline(t, Config{Cues: true}, a)
		got := named(p, a, 0)
		for _, c := range tc.on {
			assert.NotZero(t, got["cue:"+c], "%q: %s", tc.text, c)
		}
		for _, c := range tc.off {
			assert.Zero(t, got["cue:"+c], "%q: %s", tc.text, c)
		}
	}
}
