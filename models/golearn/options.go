package golearn

import (
	"fmt"
	"math"
	"runtime"

	"github.com/stancekit/stancekit/features"
)

// Kinds of classifier, as Fit takes them.
const (
	Forest = "forest" // bagged golearn ID3 trees over random attribute subsets
	KNN    = "knn"    // k nearest neighbours found with golearn's k-d tree
)

// Kinds lists the kinds Fit accepts.
var Kinds = []string{Forest, KNN}

// Options are every option of Fit, with documented defaults
// (DefaultOptions). Zero values take the default.
type Options struct {
	Columns   int     // leading dense columns of each row to use (see DenseDim); 0: features.NumCues
	Trees     int     // forest: number of trees (golearn's ForestSize); 0: 30
	Features  int     // forest: attributes drawn for each tree (golearn's Features); 0: Columns/2
	K         int     // knn: neighbours; 0: 15
	Distance  string  // knn: euclidean or manhattan (golearn's metrics/pairwise); "": euclidean
	Smoothing float64 // pseudo-votes added to every label before normalizing; 0: 0.5
	Workers   int     // goroutines fitting trees; does not change the result; 0: GOMAXPROCS
}

// DefaultOptions returns the defaults that Fit fills in for zero fields.
func DefaultOptions() Options {
	return Options{}.withDefaults()
}

func (o Options) withDefaults() Options {
	if o.Columns == 0 {
		o.Columns = features.NumCues
	}
	if o.Trees == 0 {
		o.Trees = 30
	}
	if o.Features == 0 {
		o.Features = max(1, o.Columns/2)
	}
	if o.K == 0 {
		o.K = 15
	}
	if o.Distance == "" {
		o.Distance = "euclidean"
	}
	if o.Smoothing == 0 {
		o.Smoothing = 0.5
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// validate checks options that have had their defaults filled in.
func (o Options) validate(kind string) error {
	switch {
	case kind != Forest && kind != KNN:
		return fmt.Errorf("golearn: unknown kind %q (want %s or %s)", kind, Forest, KNN)
	case o.Columns < 0:
		return fmt.Errorf("golearn: negative column count %d", o.Columns)
	case o.Trees < 0:
		return fmt.Errorf("golearn: negative tree count %d", o.Trees)
	case o.Features < 0 || o.Features > o.Columns:
		return fmt.Errorf("golearn: %d features per tree out of range 1..%d", o.Features, o.Columns)
	case o.K < 0:
		return fmt.Errorf("golearn: negative neighbour count %d", o.K)
	case o.Distance != "euclidean" && o.Distance != "manhattan":
		// golearn's cosine distance is 0/0 = NaN for an all-zero cue vector,
		// which breaks the k-d tree's ordering: not offered.
		return fmt.Errorf("golearn: unknown distance %q (want euclidean or manhattan)", o.Distance)
	case !(o.Smoothing > 0) || math.IsInf(o.Smoothing, 0):
		return fmt.Errorf("golearn: smoothing must be positive, got %g", o.Smoothing)
	}
	return nil
}

func (o Options) String() string {
	return fmt.Sprintf("columns=%d trees=%d features=%d k=%d distance=%s smoothing=%g",
		o.Columns, o.Trees, o.Features, o.K, o.Distance, o.Smoothing)
}

// DenseDim is the number of leading dense columns that a pipeline built
// from cfg puts before its n-gram block: the cue vector, the neighbours'
// cues and, with Position, the position block. Use it as Options.Columns to
// train on all of them.
func DenseDim(cfg features.Config) (int, error) {
	cfg.WordNgrams, cfg.CharMin, cfg.CharMax, cfg.Buckets, cfg.ContextWords = 0, 0, 0, 0, false
	if !cfg.Cues {
		return 0, fmt.Errorf("golearn: the feature configuration has no cues, so no dense columns")
	}
	p, err := features.NewPipeline(cfg)
	if err != nil {
		return 0, err
	}
	return p.Dim(), nil
}
