package eval

import (
	"cmp"
	"slices"

	"gonum.org/v1/plot/plotter"
)

// CurvePoint is a metric measured after training on TrainSize items: its
// mean and sample standard deviation over Runs runs (folds, seeds).
type CurvePoint struct {
	TrainSize int     `json:"train_size"`
	Mean      float64 `json:"mean"`
	Std       float64 `json:"std"`
	Runs      int     `json:"runs"`
}

// LearningCurve is a metric as a function of the training set size. It is a
// plotter.XYer (train size, mean) and a plotter.YErrorer (± std), so that
// gonum/plot can draw it directly; Plot draws it with error bars.
type LearningCurve struct {
	Metric string       `json:"metric"` // e.g. "macro_f1"
	Points []CurvePoint `json:"points"` // by increasing TrainSize
}

var (
	_ plotter.XYer     = (*LearningCurve)(nil)
	_ plotter.YErrorer = (*LearningCurve)(nil)
)

// NewLearningCurve returns an empty curve of metric.
func NewLearningCurve(metric string) *LearningCurve {
	return &LearningCurve{Metric: metric}
}

// Add records the scores of the runs trained on trainSize items and keeps
// the points sorted by size; adding a size again replaces its point.
func (c *LearningCurve) Add(trainSize int, scores ...float64) {
	clean := make([]float64, len(scores))
	for i, s := range scores {
		clean[i] = finite(s)
	}
	m, s := meanStd(clean)
	p := CurvePoint{TrainSize: trainSize, Mean: m, Std: s, Runs: len(scores)}
	i, found := slices.BinarySearchFunc(c.Points, trainSize, func(p CurvePoint, n int) int { return cmp.Compare(p.TrainSize, n) })
	if found {
		c.Points[i] = p
		return
	}
	c.Points = slices.Insert(c.Points, i, p)
}

// Len implements plotter.XYer.
func (c *LearningCurve) Len() int { return len(c.Points) }

// XY implements plotter.XYer: the train size and the mean.
func (c *LearningCurve) XY(i int) (x, y float64) {
	return float64(c.Points[i].TrainSize), c.Points[i].Mean
}

// YError implements plotter.YErrorer: one standard deviation each way.
func (c *LearningCurve) YError(i int) (lo, hi float64) {
	return c.Points[i].Std, c.Points[i].Std
}
