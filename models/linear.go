package models

import (
	"math"
	"sort"

	"github.com/stancekit/stancekit/features"
)

// Classifier scores one feature vector: out[k] is the log-probability of
// Labels()[k]. out must have len(Labels()) entries.
type Classifier interface {
	Labels() []string
	Scores(v features.Vector, out []float64)
}

// Linear is the prediction form of every model in this package: raw scores
// s = W x + b, reported as log softmax(s / Temperature).
type Linear struct {
	Kind        string // the trainer: logreg, svm, mnb, cnb, nbsvm
	LabelNames  []string
	Dim         int
	W           []float32 // feature-major: W[j*K+c] is feature j's weight for label c
	B           []float64
	Temperature float64
}

var _ Classifier = (*Linear)(nil)

// Labels implements Classifier.
func (m *Linear) Labels() []string { return m.LabelNames }

// Raw writes the raw scores W x + b into out; features past Dim are ignored.
func (m *Linear) Raw(v features.Vector, out []float64) {
	copy(out, m.B)
	m.addRaw(v, out)
}

// addRaw adds W x to out, in the order of v's entries (so that scores built
// in several steps are the same bits as one Raw).
func (m *Linear) addRaw(v features.Vector, out []float64) {
	k := len(m.LabelNames)
	for j, idx := range v.Index {
		if int(idx) >= m.Dim {
			continue
		}
		x := float64(v.Value[j])
		w := m.W[int(idx)*k : int(idx)*k+k]
		for c, wc := range w {
			out[c] += float64(wc) * x
		}
	}
}

// Scores implements Classifier.
func (m *Linear) Scores(v features.Vector, out []float64) {
	m.Raw(v, out)
	m.finish(out)
}

// finish turns raw scores into calibrated log-probabilities in place.
func (m *Linear) finish(out []float64) {
	t := m.Temperature
	if t <= 0 {
		t = 1
	}
	for c := range out {
		out[c] /= t
	}
	logSoftmax(out)
}

// argmax returns the index of the largest entry (the first on ties).
func argmax(x []float64) int {
	best := 0
	for i, v := range x {
		if v > x[best] {
			best = i
		}
	}
	return best
}

// logSoftmax turns scores into log-probabilities in place.
func logSoftmax(s []float64) {
	mx := math.Inf(-1)
	for _, x := range s {
		mx = math.Max(mx, x)
	}
	var sum float64
	for _, x := range s {
		sum += math.Exp(x - mx)
	}
	lse := mx + math.Log(sum)
	for i := range s {
		s[i] -= lse
	}
}

// Contribution is one feature's push toward a label, for explanations.
type Contribution struct {
	Feature int
	Weight  float64 // w[label][feature] × x[feature], relative to the mean over labels
}

// Explain returns the n features of v that pushed hardest toward label c
// against the other labels, largest first.
func (m *Linear) Explain(v features.Vector, c, n int) []Contribution {
	k := len(m.LabelNames)
	var out []Contribution
	for j, idx := range v.Index {
		if int(idx) >= m.Dim {
			continue
		}
		x := float64(v.Value[j])
		var mean float64
		for l := 0; l < k; l++ {
			mean += float64(m.W[int(idx)*k+l])
		}
		mean /= float64(k)
		w := (float64(m.W[int(idx)*k+c]) - mean) * x / m.temp()
		if w > 0 {
			out = append(out, Contribution{Feature: int(idx), Weight: w})
		}
	}
	sortContributions(out)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func (m *Linear) temp() float64 {
	if m.Temperature <= 0 {
		return 1
	}
	return m.Temperature
}

func sortContributions(c []Contribution) {
	sort.Slice(c, func(i, j int) bool {
		if c[i].Weight != c[j].Weight {
			return c[i].Weight > c[j].Weight
		}
		return c[i].Feature < c[j].Feature
	})
}
