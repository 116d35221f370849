package features

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// The hashed lexicon index must find exactly the words of the string index:
// every lexicon word, and nothing for words outside it.
func TestLexiconLookupByHash(t *testing.T) {
	lx, err := LoadLexicons()
	require.NoError(t, err)
	look := func(w string) *wordInfo { return lx.lookup(&Analysed{Norm: w, Hash: hashString(fnvOffset, w)}) }
	require.NotEmpty(t, lx.words)
	for r, w := range lx.words {
		require.Same(t, lx.infos[r], look(w), "word %q", w)
	}
	for _, c := range []struct {
		set  map[string]bool
		flag uint16
	}{{lx.Reporting, lexReporting}, {lx.Publisher, lexPublisher}, {lx.Modals, lexModal}, {lx.Hedges, lexHedge}, {lx.Evaluative, lexEvaluative}} {
		for w := range c.set {
			require.NotNil(t, look(w), "word %q", w)
			require.NotZero(t, look(w).flags&c.flag, "word %q", w)
		}
	}
	for w, p := range lx.Person {
		require.Equal(t, p, look(w).person, "word %q", w)
	}
	for _, w := range []string{"", "zzyzx", "said said", "Said"} {
		assert.Nil(t, lx.lookup(&Analysed{Norm: w, Hash: hashString(fnvOffset, w)}), "word %q", w)
	}
	// A token whose hash collides with a lexicon word but whose text differs
	// is not that word.
	assert.Nil(t, lx.lookup(&Analysed{Norm: "notsaid", Hash: hashString(fnvOffset, "said")}))
}
