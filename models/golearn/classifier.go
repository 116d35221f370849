package golearn

import (
	"fmt"
	"math"
	"sync"

	"github.com/sjwhitworth/golearn/base"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/models"
)

// Classifier is a fitted forest or k-NN model. Scores is safe for
// concurrent use.
type Classifier struct {
	Kind    string
	Options Options // with defaults filled in
	Seed    uint64

	labels []string
	index  map[string]int // label → position in labels
	schema *schema
	forest *forest
	knn    *neighbours
	rows   sync.Pool // of *rowGrid, one-row prediction grids (forest)
	xs     sync.Pool // of *[]float64, dense rows (knn)
}

var _ models.Classifier = (*Classifier)(nil)

// rowGrid is a one-row DenseInstances in the training schema, reused
// between Scores calls.
type rowGrid struct {
	g     *base.DenseInstances
	specs []base.AttributeSpec
	x     []float64
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
		Kind: kind, Options: o, Seed: seed,
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
		c.forest, err = fitForest(c.schema.trainingGrid(d), c.schema, o, seed)
	case KNN:
		if o.K > d.Len() {
			return nil, fmt.Errorf("golearn: k = %d neighbours but only %d training rows", o.K, d.Len())
		}
		c.knn, err = fitKNN(d, o.Columns, o)
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Labels implements models.Classifier.
func (c *Classifier) Labels() []string { return c.labels }

// Scores implements models.Classifier: out[k] is the log of the smoothed
// share of votes for Labels()[k], (votes + s) / (total + K s) with s =
// Options.Smoothing, so no score is −Inf. A forest's votes are its trees'
// leaf class fractions; k-NN's are one per neighbour. Entries of v past
// Options.Columns are ignored.
func (c *Classifier) Scores(v features.Vector, out []float64) {
	if len(out) != len(c.labels) {
		panic(fmt.Sprintf("golearn: Scores: out has %d entries for %d labels", len(out), len(c.labels)))
	}
	clear(out)
	var total float64
	switch {
	case c.forest != nil:
		r := c.rowGrid()
		densify(&v, r.x)
		for j, spec := range r.specs {
			r.g.Set(spec, 0, base.PackFloatToBytes(r.x[j]))
		}
		c.forest.votes(r.g, c.index, out)
		c.rows.Put(r)
		total = float64(len(c.forest.trees))
	case c.knn != nil:
		x := c.dense()
		densify(&v, *x)
		c.knn.votes(*x, out)
		c.xs.Put(x)
		total = float64(c.knn.k)
	}
	s := c.Options.Smoothing
	norm := math.Log(total + float64(len(out))*s)
	for k := range out {
		out[k] = math.Log(out[k]+s) - norm
	}
}

func (c *Classifier) rowGrid() *rowGrid {
	if r, ok := c.rows.Get().(*rowGrid); ok {
		return r
	}
	g, specs, _ := c.schema.grid(1)
	return &rowGrid{g: g, specs: specs, x: make([]float64, len(specs))}
}

func (c *Classifier) dense() *[]float64 {
	if x, ok := c.xs.Get().(*[]float64); ok {
		return x
	}
	x := make([]float64, c.Options.Columns)
	return &x
}

func (c *Classifier) String() string {
	return fmt.Sprintf("golearn %s (%s, seed=%d) over %v", c.Kind, c.Options, c.Seed, c.labels)
}
