package features

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestContextWords(t *testing.T) {
	a := article([]string{"Fire crews", "Subscribe now"}, []string{"Rain"})
	p := fittedPipeline(t, Config{WordNgrams: 1, ContextWords: true, Weighting: Binary, MinCount: 1, NoNormalize: true}, a)
	assert.Equal(t, map[string]float32{"fire": 1, "crews": 1, "next:subscribe": 1, "next:now": 1}, named(p, a, 0))
	assert.Equal(t, map[string]float32{"subscribe": 1, "now": 1, "prev:fire": 1, "prev:crews": 1, "next:rain": 1}, named(p, a, 1),
		"neighbours across a paragraph break count")
	assert.Equal(t, map[string]float32{"rain": 1, "prev:subscribe": 1, "prev:now": 1}, named(p, a, 2))
}

func TestNeighbourCues(t *testing.T) {
	f := neighbourCues{span: 1}
	assert.Equal(t, 2*(NumCues+1), f.Dim())
	assert.Equal(t, "ctx-1:len", f.FeatureName(0))
	assert.Equal(t, "ctx-1:none", f.FeatureName(NumCues))
	assert.Equal(t, "ctx+1:len", f.FeatureName(NumCues+1))

	a := article([]string{"Subscribe now", "The council met on Monday."})
	p := fittedPipeline(t, Config{Cues: true, Context: 1}, a)
	first := named(p, a, 0)
	assert.Equal(t, float32(1), first["ctx-1:none"], "no sentence before the first")
	assert.Equal(t, float32(1), first["ctx+1:date"], "the next sentence names a day")
	assert.Equal(t, float32(1), first["cue:imperative"])
	second := named(p, a, 1)
	assert.Equal(t, float32(1), second["ctx-1:imperative"])
	assert.Equal(t, float32(1), second["ctx+1:none"])
}
