package models

import (
	"fmt"
	"math"
	"runtime"
	"strings"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/features/vectors"
)

// Trainer names, as the -model flag takes them.
const (
	LogReg = "logreg"
	SVM    = "svm"
	MNB    = "mnb"
	CNB    = "cnb"
	NBSVM  = "nbsvm"
)

// Trainers lists the trainer names.
var Trainers = []string{LogReg, SVM, MNB, CNB, NBSVM}

// Options are every training option, with documented defaults
// (DefaultOptions); they are saved with the model so that a result can be
// reproduced.
type Options struct {
	Model      string          // trainer: logreg, svm, mnb, cnb or nbsvm
	C          float64         // inverse L2 strength for logreg, svm, nbsvm (scikit-learn's C)
	Alpha      float64         // additive smoothing for mnb, cnb, nbsvm
	Beta       float64         // nbsvm interpolation toward the mean weight (Wang & Manning's β)
	Balanced   bool            // weight classes inversely to their frequency
	MaxIter    int             // L-BFGS iterations
	Tol        float64         // L-BFGS gradient threshold (infinity norm)
	Stack      bool            // second stage over neighbours' out-of-fold scores
	StackFolds int             // folds for the out-of-fold scores
	Sequence   bool            // Viterbi decoding with learned label transitions
	SeqWeight  float64         // weight of the transition scores against the sentence scores
	Calibrate  bool            // fit a temperature on out-of-fold scores
	Features   features.Config // feature families
	Seed       uint64          // for fold assignment
	Workers    int             // goroutines; does not change the result

	// vectorTable is the word-vector table Features.Vectors names, loaded
	// once by the caller for many trainings (cross-validation); not saved.
	vectorTable *vectors.Table

	// conv is the vector member (WithConv, DefaultConv). Unexported, so
	// that gob leaves it out of the saved options: a model without it keeps
	// its bytes; a member's own options are saved with it (ConvMember).
	conv ConvOptions
}

// WithConv returns o with the ordered-vector member on (c.Filters > 0),
// its zero fields set to the ConvOptions defaults, or off (c.Filters 0).
func (o Options) WithConv(c ConvOptions) Options {
	if c.Filters > 0 {
		c = c.withDefaults()
	}
	o.conv = c
	return o
}

// Conv returns the ordered-vector member's options (Filters 0: off).
func (o Options) Conv() ConvOptions { return o.conv }

// WithVectorTable returns o with the vector table that o.Features.Vectors
// names already loaded, so that training does not load it again.
func (o Options) WithVectorTable(t *vectors.Table) Options {
	o.vectorTable = t
	return o
}

// DefaultOptions are the options of the default news model: the linear
// SVM over n-grams, cues and pooled vectors, stacked, with the width-1
// vector member (DefaultConv) read by the stacking stage. Without
// stacking or vectors, drop the member with WithConv(ConvOptions{}).
func DefaultOptions() Options {
	return Options{
		Model: SVM, C: 0.5, Alpha: 0.1, Beta: 0.25, MaxIter: 100, Tol: 1e-5,
		Stack: true, StackFolds: 4, Sequence: true, SeqWeight: -1, Calibrate: true,
		Features: features.DefaultConfig(), Seed: 1, Workers: runtime.NumCPU(),
	}.WithConv(DefaultConv())
}

// SentenceConv is the vector member for sentence-per-line data, which has
// no stacking stage for the width-1 member to join (BENCHMARKS.md 9b):
// 64 filters over windows of 3 words, averaged into the linear model's
// log-probabilities with a weight chosen out of fold. Without neighbours
// word order is worth more: it adds 0.9 points of macro-F1 on the news
// sentences read alone and 0.17 on SUBJ, where width 1 adds nothing.
func SentenceConv() ConvOptions {
	return ConvOptions{Filters: 64, Width: 3, Epochs: 5, Dropout: 0.25, Mix: ConvMixAverage, Seed: 1}.withDefaults()
}

// DefaultConv is the default model's vector member (BENCHMARKS.md 9b):
// 16 filters over single words, max-pooled, trained for 5 epochs with
// dropout 0.25, its out-of-fold probabilities read by the stacking stage.
// Windows of one word keep the cross-validated gain of wider ones at a
// fraction of the cost, since a word's filter responses are computed once.
func DefaultConv() ConvOptions {
	return ConvOptions{Filters: 16, Width: 1, Epochs: 5, Dropout: 0.25, Mix: ConvMixStack, Seed: 1}.withDefaults()
}

// Validate reports options that cannot work.
func (o Options) Validate() error {
	known := false
	for _, t := range Trainers {
		known = known || o.Model == t
	}
	switch {
	case !known:
		return fmt.Errorf("models: unknown model %q (want %s)", o.Model, strings.Join(Trainers, ", "))
	case !(o.C > 0) || math.IsInf(o.C, 0): // also rejects NaN
		return fmt.Errorf("models: C must be positive, got %g", o.C)
	case !(o.Alpha > 0) || math.IsInf(o.Alpha, 0):
		return fmt.Errorf("models: alpha must be positive, got %g", o.Alpha)
	case !(o.Beta >= 0 && o.Beta <= 1):
		return fmt.Errorf("models: beta must be in [0, 1], got %g", o.Beta)
	case math.IsNaN(o.SeqWeight):
		return fmt.Errorf("models: sequence weight is NaN")
	case o.MaxIter <= 0:
		return fmt.Errorf("models: max iterations must be positive, got %d", o.MaxIter)
	case o.Features.Vectors != "" && (o.Model == MNB || o.Model == CNB):
		return fmt.Errorf("models: word vectors need svm, logreg or nbsvm; %s needs non-negative features", o.Model)
	case (o.Stack || o.Calibrate) && o.StackFolds < 2:
		return fmt.Errorf("models: stacking and calibration need at least 2 folds, got %d", o.StackFolds)
	}
	if err := o.Features.Validate(); err != nil {
		return err
	}
	return o.checkConv()
}

// classWeights returns 1 per class, or n / (k n_c) when Balanced (as
// scikit-learn's class_weight="balanced").
func (o Options) classWeights(d *Dataset) []float64 {
	k := len(d.Labels)
	w := make([]float64, k)
	counts := d.classCounts()
	for c := range w {
		w[c] = 1
		if o.Balanced && counts[c] > 0 {
			w[c] = float64(d.Len()) / float64(k*counts[c])
		}
	}
	return w
}

func (o Options) String() string {
	s := fmt.Sprintf("model=%s C=%g alpha=%g beta=%g balanced=%v maxiter=%d tol=%g stack=%v/%d sequence=%v/%g calibrate=%v seed=%d features={%s}",
		o.Model, o.C, o.Alpha, o.Beta, o.Balanced, o.MaxIter, o.Tol, o.Stack, o.StackFolds, o.Sequence, o.SeqWeight, o.Calibrate, o.Seed, o.Features)
	if c := o.conv; c.Filters > 0 {
		s += fmt.Sprintf(" conv={filters=%d width=%d epochs=%d batch=%d rate=%g l2=%g dropout=%g mix=%s seed=%d}",
			c.Filters, c.Width, c.Epochs, c.Batch, c.Rate, c.L2, c.Dropout, c.Mix, c.Seed)
	}
	return s
}
