package features

import (
	"fmt"
	"math"
	"strings"

	"github.com/stancekit/stancekit/features/vectors"
)

// Weighting says how n-gram counts become feature values. Every weighting
// ends with L2 normalization of the n-gram block of a sentence.
type Weighting int

// Weightings.
const (
	Binary Weighting = iota // 1 for present
	TF                      // raw count
	LogTF                   // 1 + ln(count)
	TFIDF                   // (1 + ln(count)) × idf, sublinear as scikit-learn's sublinear_tf
)

var weightingNames = []string{"binary", "tf", "log", "tfidf"}

func (w Weighting) String() string {
	if int(w) < len(weightingNames) {
		return weightingNames[w]
	}
	return fmt.Sprintf("Weighting(%d)", int(w))
}

// ParseWeighting parses binary, tf, log or tfidf.
func ParseWeighting(s string) (Weighting, error) {
	for i, n := range weightingNames {
		if strings.EqualFold(s, n) {
			return Weighting(i), nil
		}
	}
	return 0, fmt.Errorf("features: unknown weighting %q (want binary, tf, log or tfidf)", s)
}

// Config chooses the feature families. The zero value is not useful; start
// from DefaultConfig.
type Config struct {
	WordNgrams   int       // longest word n-gram (1 to 3); 0 turns words off
	CharMin      int       // shortest character n-gram; 0 turns them off
	CharMax      int       // longest character n-gram
	Weighting    Weighting // of the n-gram block
	Buckets      int       // > 0: hash n-grams into this many buckets; 0: learn a vocabulary
	MinCount     int       // vocabulary: keep n-grams seen in at least this many sentences
	Cues         bool      // the sentence's own cue vector
	Context      int       // neighbours on each side whose cues are features; 0 for none
	ContextWords bool      // unigrams of the previous and next sentence, as their own namespace
	Position     bool      // position in paragraph and article, paragraph and window cue means
	Dialogue     bool      // Q&A structure: questions before and after, speaker labels (needs Cues)
	NoNormalize  bool      // leave the n-gram block unnormalized (default: L2-normalized)

	// Pretrained word vectors (the vector family): the table's name
	// (vectors.DefaultName or a file path; "" turns them off), how the
	// sentence's word vectors are pooled, how many of the table's most
	// frequent words the model keeps besides those seen in training (0:
	// all), a multiplier of the pooled vectors (0 means 1), and whether the
	// previous and next sentence's SIF-pooled vectors are features too.
	Vectors       string
	VectorPools   Pool
	VectorWords   int
	VectorScale   float32
	VectorContext bool
}

// DefaultConfig is the configuration of the default news model: word
// 1-2-grams (tf-idf), cues, and the SIF-pooled GloVe vectors (chosen by
// leave-one-genre-out evaluation; see BENCHMARKS.md).
func DefaultConfig() Config {
	return Config{
		WordNgrams: 2, Weighting: TFIDF, MinCount: 2, Cues: true,
		Vectors: vectors.DefaultName, VectorPools: PoolSIF,
	}
}

// BagOfWordsConfig is words alone, the baseline of the ablation.
func BagOfWordsConfig() Config {
	return Config{WordNgrams: 2, Weighting: TFIDF, MinCount: 1}
}

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	switch {
	case c.WordNgrams < 0 || c.WordNgrams > 3:
		return fmt.Errorf("features: word n-grams %d out of range 0..3", c.WordNgrams)
	case c.CharMin < 0 || c.CharMax < c.CharMin || c.CharMax > 8:
		return fmt.Errorf("features: char n-grams %d..%d out of range (0 or 1..8)", c.CharMin, c.CharMax)
	case c.Buckets < 0:
		return fmt.Errorf("features: negative bucket count %d", c.Buckets)
	case c.Context < 0 || c.Context > 5:
		return fmt.Errorf("features: context %d out of range 0..5", c.Context)
	case c.Vectors != "" && c.VectorPools == 0 && !c.VectorContext:
		return fmt.Errorf("features: vectors %q with no pooling", c.Vectors)
	case c.VectorWords < 0 || c.VectorScale < 0 || math.IsNaN(float64(c.VectorScale)):
		return fmt.Errorf("features: vector words %d and scale %g must not be negative", c.VectorWords, c.VectorScale)
	case c.WordNgrams == 0 && c.CharMin == 0 && !c.Cues && c.Vectors == "":
		return fmt.Errorf("features: no feature family enabled")
	}
	return nil
}

func (c Config) String() string {
	s := fmt.Sprintf("words=1-%d chars=%d-%d weighting=%s buckets=%d mincount=%d cues=%v context=%d contextwords=%v position=%v normalize=%v",
		c.WordNgrams, c.CharMin, c.CharMax, c.Weighting, c.Buckets, c.MinCount, c.Cues, c.Context, c.ContextWords, c.Position, !c.NoNormalize)
	if c.Dialogue {
		s += " dialogue=true"
	}
	if c.Vectors != "" {
		s += fmt.Sprintf(" vectors=%s pools=%s vectorwords=%d vectorscale=%g vectorcontext=%v", c.Vectors, c.VectorPools, c.VectorWords, c.VectorScale, c.VectorContext)
	}
	return s
}
