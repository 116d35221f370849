package eval

import "fmt"

// Confusion counts (gold, predicted) pairs: Counts[g][p] is the number of
// items whose gold label is Labels[g] and predicted label Labels[p].
type Confusion struct {
	Labels []string
	Counts [][]int
}

// NewConfusion returns an empty confusion matrix over labels.
func NewConfusion(labels []string) *Confusion {
	c := &Confusion{Labels: append([]string(nil), labels...), Counts: make([][]int, len(labels))}
	for i := range c.Counts {
		c.Counts[i] = make([]int, len(labels))
	}
	return c
}

// Add counts one item. It panics when gold or pred is not a label index.
func (c *Confusion) Add(gold, pred int) {
	c.AddN(gold, pred, 1)
}

// AddN counts n items with the same gold and predicted labels.
func (c *Confusion) AddN(gold, pred, n int) {
	k := len(c.Labels)
	if gold < 0 || gold >= k || pred < 0 || pred >= k {
		panic(fmt.Sprintf("eval: label index out of range: gold %d, pred %d, %d labels", gold, pred, k))
	}
	c.Counts[gold][pred] += n
}

// N returns the number of items counted.
func (c *Confusion) N() int {
	n := 0
	for _, row := range c.Counts {
		for _, v := range row {
			n += v
		}
	}
	return n
}

// Correct returns the number of items whose prediction is the gold label.
func (c *Confusion) Correct() int {
	t := 0
	for i := range c.Counts {
		t += c.Counts[i][i]
	}
	return t
}

// Gold returns the number of items with gold label i (the support of i).
func (c *Confusion) Gold(i int) int {
	s := 0
	for _, v := range c.Counts[i] {
		s += v
	}
	return s
}

// Predicted returns the number of items predicted as label i.
func (c *Confusion) Predicted(i int) int {
	s := 0
	for _, row := range c.Counts {
		s += row[i]
	}
	return s
}

// Accuracy returns the fraction of correct items, 0 for no items.
func (c *Confusion) Accuracy() float64 {
	return div(float64(c.Correct()), float64(c.N()))
}

// Kappa returns Cohen's kappa, (p_o − p_e)/(1 − p_e), taking 0/0 as 0.
func (c *Confusion) Kappa() float64 {
	n := float64(c.N())
	if n == 0 {
		return 0
	}
	var pe float64
	for i := range c.Counts {
		pe += float64(c.Gold(i)) * float64(c.Predicted(i))
	}
	pe /= n * n
	return div(c.Accuracy()-pe, 1-pe)
}

// MCC returns the Matthews correlation coefficient generalised to K classes
// (Gorodkin's R_K), the formula of scikit-learn's matthews_corrcoef; 0 when
// gold or predictions use a single label.
func (c *Confusion) MCC() float64 {
	s := float64(c.N())
	corr := float64(c.Correct())
	var tp, pp, tt float64
	for i := range c.Counts {
		t, p := float64(c.Gold(i)), float64(c.Predicted(i))
		tp += t * p
		pp += p * p
		tt += t * t
	}
	cov := corr*s - tp
	vp := s*s - pp
	vt := s*s - tt
	if vp*vt == 0 {
		return 0
	}
	return clamp(cov/sqrt(vp*vt), -1, 1)
}

// Merge adds the counts of o, which must have the same number of labels.
func (c *Confusion) Merge(o *Confusion) {
	if len(o.Labels) != len(c.Labels) {
		panic(fmt.Sprintf("eval: merging confusion matrices of %d and %d labels", len(c.Labels), len(o.Labels)))
	}
	for i, row := range o.Counts {
		for j, v := range row {
			c.Counts[i][j] += v
		}
	}
}
