package features

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// "ab ab" has the character 3-grams of "<ab>": "<ab" and "ab>", each twice.
func TestCharNgrams(t *testing.T) {
	a := article([]string{"ab ab", "abc"})
	p := fittedPipeline(t, Config{CharMin: 3, CharMax: 3, Weighting: TF, MinCount: 1, NoNormalize: true}, a)
	assert.Equal(t, map[string]float32{"char:<ab": 2, "char:ab>": 2}, named(p, a, 0))
	// "<abc>": "<ab", "abc", "bc>"
	assert.Equal(t, map[string]float32{"char:<ab": 1, "char:abc": 1, "char:bc>": 1}, named(p, a, 1))
	assert.Equal(t, 4, p.Dim())

	q := fittedPipeline(t, Config{CharMin: 2, CharMax: 3, Weighting: Binary, MinCount: 1, NoNormalize: true}, a)
	// "<ab>": 2-grams "<a", "ab", "b>" and 3-grams "<ab", "ab>".
	assert.Len(t, named(q, a, 0), 5)
}
