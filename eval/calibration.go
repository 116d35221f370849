package eval

import "math"

// Calibration compares the model's confidence (its largest probability)
// with how often it is right.
type Calibration struct {
	N     int     `json:"n"`     // items with probabilities
	ECE   float64 `json:"ece"`   // expected calibration error: Σ_b (n_b/N)·|acc_b − conf_b|
	MCE   float64 `json:"mce"`   // maximum calibration error over non-empty bins
	Brier float64 `json:"brier"` // mean Σ_k (p_k − [k = gold])², in [0, 2]
	Bins  []Bin   `json:"bins"`  // reliability diagram
}

// Bin is one confidence bin [Lo, Hi); the last bin includes 1.
type Bin struct {
	Lo         float64 `json:"lo"`
	Hi         float64 `json:"hi"`
	Count      int     `json:"count"`
	Confidence float64 `json:"confidence"` // mean confidence, 0 when empty
	Accuracy   float64 `json:"accuracy"`   // fraction correct, 0 when empty
}

// confidence returns the largest finite probability, clamped to [0, 1].
func confidence(probs []float64) float64 {
	best := 0.0
	for _, p := range probs {
		if !math.IsNaN(p) && p > best {
			best = p
		}
	}
	return math.Min(best, 1)
}

// calibrate returns nil when no item has probabilities.
func calibrate(items []Item, nbins int) *Calibration {
	c := &Calibration{Bins: make([]Bin, nbins)}
	correct := make([]int, nbins)
	sumConf := make([]float64, nbins)
	for _, it := range items {
		if it.Probs == nil {
			continue
		}
		c.N++
		conf := confidence(it.Probs)
		b := min(int(conf*float64(nbins)), nbins-1)
		c.Bins[b].Count++
		sumConf[b] += conf
		if it.Pred == it.Gold {
			correct[b]++
		}
		for k, p := range it.Probs {
			y := 0.0
			if k == it.Gold {
				y = 1
			}
			c.Brier += (finite(p) - y) * (finite(p) - y)
		}
	}
	if c.N == 0 {
		return nil
	}
	c.Brier /= float64(c.N)
	for b := range c.Bins {
		bin := &c.Bins[b]
		bin.Lo, bin.Hi = float64(b)/float64(nbins), float64(b+1)/float64(nbins)
		bin.Confidence = div(sumConf[b], float64(bin.Count))
		bin.Accuracy = div(float64(correct[b]), float64(bin.Count))
		if bin.Count > 0 {
			gap := math.Abs(bin.Accuracy - bin.Confidence)
			c.ECE += float64(bin.Count) / float64(c.N) * gap
			c.MCE = math.Max(c.MCE, gap)
		}
	}
	return c
}
