package eval

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// Coverage is selective classification: what share of the sentences a
// confidence floor keeps, and how accurate the model is on them (Geifman
// and El-Yaniv 2017, "Selective classification for deep neural networks",
// NeurIPS: coverage and selective risk). Confidence is the probability of
// the predicted label (the largest one, unless a sequence layer decoded
// otherwise), as classify -min-confidence reads it; items without
// probabilities are left out.
type Coverage struct {
	N        int     `json:"n"`        // items with probabilities
	Floor    float64 `json:"floor"`    // Options.MinConfidence; 0 keeps everything
	Covered  int     `json:"covered"`  // items whose confidence is at least Floor
	Coverage float64 `json:"coverage"` // Covered / N
	Accuracy float64 `json:"accuracy"` // on the covered items; 0 when there are none
	// Curve is the risk–coverage curve: the accuracy of the most confident
	// share of the items, at 5% steps of coverage.
	Curve []CoveragePoint `json:"risk_coverage"`
}

// CoveragePoint is one point of the risk–coverage curve: keeping the
// Covered most confident items (those of confidence ≥ Confidence) gives
// Accuracy.
type CoveragePoint struct {
	Coverage   float64 `json:"coverage"`
	Covered    int     `json:"covered"`
	Confidence float64 `json:"confidence"`
	Accuracy   float64 `json:"accuracy"`
}

// coverageSteps is the number of points of the curve.
const coverageSteps = 20

func coverageOf(items []Item, floor float64) *Coverage {
	type scored struct {
		conf    float64
		correct bool
	}
	var s []scored
	for _, it := range items {
		if it.Probs == nil {
			continue
		}
		s = append(s, scored{it.Probs[it.Pred], it.Gold == it.Pred})
	}
	if len(s) == 0 {
		return nil
	}
	// Most confident first; ties keep input order, so the curve does not
	// depend on the sort.
	slices.SortStableFunc(s, func(a, b scored) int { return cmp.Compare(b.conf, a.conf) })
	c := &Coverage{N: len(s), Floor: floor}
	correct := make([]int, len(s)+1) // correct[k]: correct among the k most confident
	for i, x := range s {
		correct[i+1] = correct[i]
		if x.correct {
			correct[i+1]++
		}
		if x.conf >= floor {
			c.Covered = i + 1
		}
	}
	c.Coverage = float64(c.Covered) / float64(c.N)
	if c.Covered > 0 {
		c.Accuracy = float64(correct[c.Covered]) / float64(c.Covered)
	}
	for step := 1; step <= coverageSteps; step++ {
		k := int(math.Ceil(float64(step) * float64(c.N) / coverageSteps))
		if k == 0 || len(c.Curve) > 0 && c.Curve[len(c.Curve)-1].Covered == k {
			continue
		}
		c.Curve = append(c.Curve, CoveragePoint{
			Coverage: float64(k) / float64(c.N), Covered: k,
			Confidence: s[k-1].conf, Accuracy: float64(correct[k]) / float64(k),
		})
	}
	return c
}

func (r *Report) coverageTable() table {
	c := r.Coverage
	t := table{ID: "coverage", Title: "Coverage and accuracy by confidence",
		Head: []string{"coverage", "sentences", "confidence ≥", "accuracy", "errors"}}
	t.Note = fmt.Sprintf("The most confident share of the %d sentences with probabilities, and the accuracy on it (risk–coverage curve).", c.N)
	if c.Floor > 0 {
		t.Note += fmt.Sprintf(" Confidence floor %s: coverage %s (%d sentences), accuracy %s above it.",
			f4(c.Floor), f4(c.Coverage), c.Covered, f4(c.Accuracy))
	}
	for i, p := range c.Curve {
		if int(math.Round(p.Coverage*coverageSteps))%2 == 1 && i != len(c.Curve)-1 {
			continue // every 10% in the table; the plot has every point
		}
		wrong := p.Covered - int(math.Round(p.Accuracy*float64(p.Covered)))
		t.Rows = append(t.Rows, []string{fmt.Sprintf("%.0f%%", 100*p.Coverage), itoa(p.Covered), f4(p.Confidence), f4(p.Accuracy), itoa(wrong)})
	}
	return t
}

// Plot draws the risk–coverage curve, with the floor's point marked.
func (c *Coverage) Plot() (*plot.Plot, error) {
	p := newPlot()
	p.Title.Text = "Risk–coverage"
	p.X.Label.Text = "coverage (most confident share kept)"
	p.Y.Label.Text = "accuracy on the kept sentences"
	p.Add(horizontalGrid())
	xys := make(plotter.XYs, len(c.Curve))
	lo := 1.0
	for i, pt := range c.Curve {
		xys[i] = plotter.XY{X: pt.Coverage, Y: pt.Accuracy}
		lo = min(lo, pt.Accuracy)
	}
	line, points, err := plotter.NewLinePoints(xys)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	line.Color, points.Color = colSky, colSky
	p.Add(line, points)
	p.Legend.Add("accuracy", line, points)
	if c.Floor > 0 && c.Covered > 0 {
		floor, err := plotter.NewScatter(plotter.XYs{{X: c.Coverage, Y: c.Accuracy}})
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		floor.Color = colGap
		floor.Radius *= 2
		p.Add(floor)
		p.Legend.Add(fmt.Sprintf("floor %.2f", c.Floor), floor)
	}
	p.X.Min, p.X.Max = 0, 1
	p.Y.Min, p.Y.Max = math.Max(0, math.Floor(lo*20)/20-0.05), 1
	p.Legend.Top, p.Legend.Left = false, true
	return p, nil
}
