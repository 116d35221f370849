package models

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Each case is worked by hand from the rules in subheading.go's comment:
// the middle line is relabelled fact only when everything says it is a
// subheading. Labels: 0 appeal, 1 fact, 2 opinion, 3 quote.
func TestRelabelSubheadings(t *testing.T) {
	body := "The council voted on Tuesday to close the pool. | Repairs will take six months."
	after := "Residents can swim at the Eastgate centre. | Buses run every 20 minutes."
	tests := []struct {
		name   string
		middle string
		around int // label of the body paragraphs
		want   int
	}{
		{"a neutral subheading between body paragraphs", "Where to swim instead", 1, 1},
		{"a colon: READ MORE and its kind", "READ MORE: Pool to close for repairs", 1, 0},
		{"an advertisement marker", "Story continues below advertisement", 1, 0},
		{"a line with a full stop is a sentence, not a heading", "Where to swim instead.", 1, 0},
		{"a neighbour labelled appeal: a furniture block", "Where to swim instead", 0, 0},
		{"too long for a heading", "Where to swim instead while the pool on Harbour Road is closed for repairs", 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := qaArticle(body, tt.middle, after)
			w := &Workspace{quote: 3, appeal: 0, fact: 1} // no extractor: the cue checks are skipped
			for i := range a.Sentences {
				l := tt.around
				if i == 2 {
					l = 0 // the model took the line for furniture
				}
				probs := []float64{.1, .1, .1, .1}
				probs[l] = .7
				w.preds = append(w.preds, Prediction{Label: l, Probs: probs})
			}
			w.relabelSubheadings(a)
			assert.Equal(t, tt.want, w.preds[2].Label)
			if tt.want == 1 {
				// fact .1 -> .8; the rest (.9 before) shares .2: appeal .7/.9*.2.
				assert.InDeltaSlice(t, []float64{.7 / .9 * .2, .8, .1 / .9 * .2, .1 / .9 * .2}, w.preds[2].Probs, 1e-12)
			}
		})
	}
}
