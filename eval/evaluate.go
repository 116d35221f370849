package eval

import (
	"fmt"
	"math/rand/v2"
)

// Item is one evaluated sentence.
type Item struct {
	Article  string    // article id: the unit resampled by the bootstrap and grouped in CV
	Sentence int       // index of the sentence in its article
	Text     string    // the sentence, shown in error analysis
	Gold     int       // index into labels
	Pred     int       // index into labels
	Probs    []float64 // model probability per label (sums to 1); nil when the model has none
	Group    string    // optional breakdown key (e.g. the article's source)

	// GoldAttribution is set on gold quote sentences annotated with their
	// speaker, mention and cue; PredAttribution on those the model
	// labelled quote. Evaluate scores them when some item has the first.
	GoldAttribution, PredAttribution *AttributionParts
	// GoldLabelAttribution is what the attribution rules give a gold quote
	// sentence when every sentence of its article carries its gold label
	// (so no quote is missed and the neighbours are the gold ones): scored
	// beside PredAttribution, it separates the rules' errors from the
	// classifier's. Nil when the caller did not compute it.
	GoldLabelAttribution *AttributionParts
}

// DefaultBootstrap is the number of bootstrap samples the commands draw
// for 95% intervals unless told otherwise (Efron and Tibshirani 1993,
// ch. 13: about 1000 for percentile intervals).
const DefaultBootstrap = 1000

// Options control what Evaluate computes beyond the metrics. The zero value
// computes metrics, calibration (when items have Probs) and the per-group
// breakdown (when items have a Group), and no bootstrap and no error list.
type Options struct {
	// Beta is the β of the F-beta scores; 0 means 1.
	Beta float64
	// Bootstrap is the number of bootstrap samples for the 95% intervals of
	// accuracy and macro-F1; 0 computes no interval. DefaultBootstrap is
	// what the commands use.
	Bootstrap int
	// Seed seeds the bootstrap through NewRand.
	Seed uint64
	// Errors is the number of misclassified sentences listed, most
	// confident first; 0 lists none and a negative number lists all.
	Errors int
	// Bins is the number of equal-width calibration bins; 0 means 10.
	Bins int
	// MinConfidence is the confidence floor of a review workflow (as
	// classify -min-confidence): Report.Coverage says what share of the
	// sentences reach it and how accurate they are. 0: no floor.
	MinConfidence float64
}

func (o Options) bins() int {
	if o.Bins <= 0 {
		return 10
	}
	return o.Bins
}

func (o Options) rng() *rand.Rand { return NewRand(o.Seed) }

// NewRand returns the generator that the package makes from a seed,
// rand.New(rand.NewPCG(seed, seed)), so that callers that pass a *rand.Rand
// (Folds, Compare) get the same draws from the same seed everywhere.
func NewRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed)) }

// Report is the evaluation of one system on one data set. Metrics holds the
// pooled scores; the other parts are nil or empty when not computed.
type Report struct {
	Title     string // heading of the HTML report; "" gives "Evaluation report"
	About     []Fact // set by the caller: what made the report (model, options, command line)
	Labels    []string
	Metrics              // scores of all items pooled
	Confusion *Confusion // rows gold, columns predicted

	CI          *CI             // bootstrap intervals, when Options.Bootstrap > 0
	Calibration *Calibration    // when some items have Probs
	Coverage    *Coverage       // when some items have Probs
	Groups      Groups          // per Item.Group, when some items have a Group
	Errors      []Misclassified // the first Options.Errors errors

	Folds        []FoldScore   // cross-validation only: one score per fold
	FoldsSummary *FoldsSummary // cross-validation only: mean and std per metric

	Curve *LearningCurve // set by the caller to render a learning curve

	Attribution *AttributionScores // when some items have a GoldAttribution
}

// Fact is one line of a report's provenance, such as {"model", "embedded
// default"} or {"command", "classify -eval test.jsonl"}.
type Fact struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Evaluate scores items against labels, which fix the order of every table.
// It panics when an item's Gold or Pred is not an index into labels or its
// Probs is neither nil nor of len(labels).
func Evaluate(labels []string, items []Item, opts Options) *Report {
	checkItems(labels, items)
	conf := confusionOf(labels, items)
	r := &Report{
		Labels:    append([]string(nil), labels...),
		Metrics:   conf.Metrics(opts.Beta),
		Confusion: conf,
	}
	if opts.Bootstrap > 0 {
		r.CI = bootstrapCI(labels, items, opts.Bootstrap, opts.rng())
	}
	r.Calibration = calibrate(items, opts.bins())
	r.Coverage = coverageOf(items, opts.MinConfidence)
	r.Groups = groupMetrics(labels, items, opts.Beta)
	r.Errors = misclassified(labels, items, opts.Errors)
	r.Attribution = attributionScores(items)
	return r
}

func confusionOf(labels []string, items []Item) *Confusion {
	c := NewConfusion(labels)
	for _, it := range items {
		c.Add(it.Gold, it.Pred)
	}
	return c
}

func checkItems(labels []string, items []Item) {
	k := len(labels)
	for i, it := range items {
		if it.Gold < 0 || it.Gold >= k || it.Pred < 0 || it.Pred >= k {
			panic(fmt.Sprintf("eval: item %d (%s:%d): label index out of range: gold %d, pred %d, %d labels",
				i, it.Article, it.Sentence, it.Gold, it.Pred, k))
		}
		if it.Probs != nil && len(it.Probs) != k {
			panic(fmt.Sprintf("eval: item %d (%s:%d): %d probabilities for %d labels",
				i, it.Article, it.Sentence, len(it.Probs), k))
		}
	}
}
