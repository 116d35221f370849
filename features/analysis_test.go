package features

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/stancekit/stancekit/features/token"
)

func TestAnalysisParagraphsAndTokens(t *testing.T) {
	a := article([]string{"One.", "Two."}, []string{"Three."}, []string{"Four.", "Five.", "“Six,” she said in 2019."})
	var x Analysis
	x.analyse(a, nil)
	assert.Equal(t, 6, x.Len())
	for i, want := range [][2]int{{0, 1}, {0, 1}, {2, 2}, {3, 5}, {3, 5}, {3, 5}} {
		lo, hi := x.Para(i)
		assert.Equal(t, want, [2]int{lo, hi}, "sentence %d", i)
	}
	toks := x.Tokens(5)
	var norms, raws []string
	for _, tk := range toks {
		norms = append(norms, tk.Norm)
		raws = append(raws, tk.Raw)
	}
	assert.Equal(t, []string{`"`, "six", ",", `"`, "she", "said", "in", "0000", "."}, norms)
	assert.Equal(t, "2019", raws[7], "the raw form keeps the digits")
	assert.Equal(t, token.Number, toks[7].Kind)
	assert.True(t, toks[1].Upper)
	assert.Nil(t, x.Cues(0), "no cues without a lexicon")
}
