package golearn

import (
	"fmt"
	"math"
	"sync"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/models"
)

// Classifier is a fitted forest or k-NN model. Scores is safe for
// concurrent use.
type Classifier struct {
	kind   string
	opts   Options // with defaults filled in
	seed   uint64
	labels []string
	index  map[string]int // label → position in labels
	schema *schema
	forest *forest
	knn    *neighbours
	bufs   sync.Pool // of *buffers
}

var _ models.Classifier = (*Classifier)(nil)

// buffers are one Scores call's scratch space, reused between calls.
type buffers struct {
	x    []float64 // the dense row
	rows *rows     // forest only
}

// Fit trains a classifier of the given kind (Forest or KNN) on the first
// opts.Columns columns of d. The same data, options and seed give the same
// classifier, whatever opts.Workers.
func Fit(d *models.Dataset, kind string, opts Options, seed uint64) (*Classifier, error) {
	o := opts.withDefaults()
	if err := o.validate(kind); err != nil {
		return nil, err
	}
	if err := checkDataset(d, o.Columns); err != nil {
		return nil, err
	}
	c := &Classifier{
		kind: kind, opts: o, seed: seed,
		labels: append([]string(nil), d.Labels...),
		index:  make(map[string]int, len(d.Labels)),
		schema: newSchema(o.Columns, d.Labels),
	}
	for i, l := range c.labels {
		c.index[l] = i
	}
	var err error
	switch kind {
	case Forest:
		c.forest, err = fitForest(denseRows(d, o.Columns), d.Y, c.schema, o, seed)
	case KNN:
		if o.K > d.Len() {
			return nil, fmt.Errorf("golearn: k = %d neighbours but only %d training rows", o.K, d.Len())
		}
		c.knn, err = fitKNN(denseRows(d, o.Columns), d.Y, o)
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Labels implements models.Classifier.
func (c *Classifier) Labels() []string { return c.labels }

// Kind returns Forest or KNN.
func (c *Classifier) Kind() string { return c.kind }

// Options returns the options of Fit with their defaults filled in: with
// Seed, what a refit needs to reproduce the classifier.
func (c *Classifier) Options() Options { return c.opts }

// Seed returns the seed of Fit (unused by k-NN, which draws nothing).
func (c *Classifier) Seed() uint64 { return c.seed }

// Scores implements models.Classifier: out[k] is the log of the smoothed
// share of votes for Labels()[k], (votes + s) / (total + K s) with s =
// Options().Smoothing, so no score is −Inf. A forest's votes are its trees'
// leaf class fractions; k-NN's are one per neighbour. Entries of v past
// Options().Columns are ignored.
func (c *Classifier) Scores(v features.Vector, out []float64) {
	if len(out) != len(c.labels) {
		panic(fmt.Sprintf("golearn: Scores: out has %d entries for %d labels", len(out), len(c.labels)))
	}
	clear(out)
	b := c.buffers()
	densify(&v, b.x)
	if c.forest != nil {
		c.forest.votes(b.x, b.rows, c.index, out)
	} else {
		c.knn.votes(b.x, out)
	}
	c.bufs.Put(b)
	s := c.opts.Smoothing
	total := float64(len(out)) * s
	for _, x := range out {
		total += x
	}
	norm := math.Log(total)
	for k := range out {
		out[k] = math.Log(out[k]+s) - norm
	}
}

func (c *Classifier) buffers() *buffers {
	if b, ok := c.bufs.Get().(*buffers); ok {
		return b
	}
	b := &buffers{x: make([]float64, c.opts.Columns)}
	if c.forest != nil {
		b.rows = c.forest.newRows(c.schema)
	}
	return b
}

// String names the classifier with the options that shaped it.
func (c *Classifier) String() string {
	o := c.opts
	if c.kind == Forest {
		return fmt.Sprintf("golearn forest (columns=%d trees=%d features=%d smoothing=%g seed=%d) over %v",
			o.Columns, o.Trees, o.Features, o.Smoothing, c.seed, c.labels)
	}
	return fmt.Sprintf("golearn knn (columns=%d k=%d distance=%s smoothing=%g) over %v",
		o.Columns, o.K, o.Distance, o.Smoothing, c.labels)
}
