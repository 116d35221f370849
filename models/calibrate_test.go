package models

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// With every row scored (0, s), the negative log-likelihood is minimized
// where sigmoid(s/T) equals the share of label 1 (worked out by hand:
// d/dT of −Σ log softmax = 0 there), so T = s / logit(share).
func TestFitTemperatureByHand(t *testing.T) {
	tests := []struct {
		name  string
		s     float64
		gold  []int
		wantT float64
	}{
		// Share 3/4: logit = ln 3, T = 2 / ln 3 = 1.8205.
		{"overconfident scores are softened", 2, []int{1, 1, 1, 0}, 2 / math.Log(3)},
		// Share 3/4 with s = ln 3: already calibrated.
		{"calibrated scores are kept", math.Log(3), []int{1, 0, 1, 1}, 1},
		// Share 9/10: logit = ln 9, T = 0.5 / ln 9 = 0.2276.
		{"underconfident scores are sharpened", 0.5, []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 0}, 0.5 / math.Log(9)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := make([]float64, 0, 2*len(tt.gold))
			for range tt.gold {
				raw = append(raw, 0, tt.s)
			}
			got := fitTemperature(raw, tt.gold, 2)
			assert.InDelta(t, tt.wantT, got, 1e-3*tt.wantT)
		})
	}
}

func TestFitTemperatureEdges(t *testing.T) {
	assert.Equal(t, 1.0, fitTemperature(nil, nil, 3), "no rows: identity")
	// Every row right with a margin: sharper is always better, so T goes
	// to the lower clamp e⁻⁵ (or near it) but stays positive and finite.
	got := fitTemperature([]float64{0, 1, 1, 0, 0, 1}, []int{1, 0, 1}, 2)
	assert.Greater(t, got, 0.0)
	assert.Less(t, got, 0.1)
	assert.GreaterOrEqual(t, got, math.Exp(-5))
}
