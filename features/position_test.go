package features

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Sentences 0-2 share a paragraph: "short" is 1 for the two short ones and
// 0 for the long one, so the paragraph mean of short is 2/3; the window of
// ±3 around sentence 3 covers all four sentences (mean 3/4).
func TestBlockMeansAndPosition(t *testing.T) {
	a := article(
		[]string{"Sign up", "Read more", "The council approved the budget after a long debate on Monday night."},
		[]string{"Donate"},
	)
	p := fittedPipeline(t, Config{Cues: true, Position: true}, a)
	s0 := named(p, a, 0)
	assert.InDelta(t, 2.0/3, s0["para:short"], 1e-6)
	assert.InDelta(t, 3.0/4, s0["window:short"], 1e-6, "the window 0..3 is the whole article")
	s3 := named(p, a, 3)
	assert.InDelta(t, 1, s3["para:short"], 1e-6)
	assert.InDelta(t, 3.0/4, s3["window:short"], 1e-6)
	assert.Equal(t, float32(1), s0["pos:first_in_para"])
	assert.Equal(t, float32(1), s0["pos:first_para"])
	assert.Equal(t, float32(1), s3["pos:para_single"])
	assert.Equal(t, float32(1), s3["pos:last_para"])
	assert.InDelta(t, 1.0, s3["pos:rel_position"], 1e-6)
	// fragments near sentence 3 (window ±2: sentences 1..3): "Read more", "Donate".
	assert.InDelta(t, 2.0/5, s3["pos:window_fragments"], 1e-6)
}
