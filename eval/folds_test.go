package eval

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func unitsOf(items []Item) []Unit {
	us := make([]Unit, len(items))
	for i, it := range items {
		us[i] = Unit{Group: it.Article, Label: it.Gold}
	}
	return us
}

func seeded(seed uint64) *rand.Rand { return NewRand(seed) }

func TestFoldsGrouped(t *testing.T) {
	items := synthItems(1, 120)
	us := unitsOf(items)
	for _, k := range []int{2, 5, 10} {
		t.Run(fmt.Sprintf("k=%d", k), func(t *testing.T) {
			folds, err := Folds(us, k, seeded(7))
			require.NoError(t, err)
			require.Len(t, folds, len(us)) // every unit in exactly one fold

			foldOf := map[string]int{}
			size := make([]int, k)
			counts := make([][]int, k)
			for f := range counts {
				counts[f] = make([]int, len(testLabels))
			}
			total := make([]int, len(testLabels))
			for i, f := range folds {
				require.True(t, f >= 0 && f < k, "fold %d out of range", f)
				if prev, ok := foldOf[us[i].Group]; ok {
					require.Equal(t, prev, f, "group %s split across folds", us[i].Group)
				}
				foldOf[us[i].Group] = f
				size[f]++
				counts[f][us[i].Label]++
				total[us[i].Label]++
			}
			// Stratification: each fold holds about 1/k of each label and
			// of the units, within a tenth (sizes) or a fifth (labels; the
			// rarest has about 60 sentences) of 1/k.
			for f := range k {
				assert.InDelta(t, 1/float64(k), float64(size[f])/float64(len(us)), 0.1/float64(k), "fold %d size %d", f, size[f])
				for l, n := range counts[f] {
					assert.InDelta(t, 1/float64(k), float64(n)/float64(total[l]), 0.2/float64(k),
						"fold %d label %s: %d of %d", f, testLabels[l], n, total[l])
				}
			}
		})
	}
}

func TestFoldsPlainStratified(t *testing.T) {
	// Each sentence its own group: label counts of two folds differ by at
	// most one, and so do fold sizes.
	rng := seeded(3)
	var us []Unit
	for i := range 997 {
		us = append(us, Unit{Group: fmt.Sprint(i), Label: drawLabel(rng, []float64{0.03, 0.5, 0.2, 0.27})})
	}
	const k = 5
	folds, err := Folds(us, k, seeded(11))
	require.NoError(t, err)
	counts := make([][]int, k)
	for f := range counts {
		counts[f] = make([]int, 4)
	}
	size := make([]int, k)
	for i, f := range folds {
		counts[f][us[i].Label]++
		size[f]++
	}
	for l := range 4 {
		lo, hi := counts[0][l], counts[0][l]
		for f := range k {
			lo, hi = min(lo, counts[f][l]), max(hi, counts[f][l])
		}
		assert.LessOrEqual(t, hi-lo, 1, "label %d counts %v", l, counts)
	}
	assert.LessOrEqual(t, max(size[0], size[1], size[2], size[3], size[4])-min(size[0], size[1], size[2], size[3], size[4]), 1, "sizes %v", size)
}

func TestFoldsDeterministic(t *testing.T) {
	us := unitsOf(synthItems(2, 60))
	a, err := Folds(us, 5, seeded(42))
	require.NoError(t, err)
	b, err := Folds(us, 5, seeded(42))
	require.NoError(t, err)
	assert.Equal(t, a, b, "same seed, same folds")
	c, err := Folds(us, 5, seeded(43))
	require.NoError(t, err)
	assert.NotEqual(t, a, c, "another seed, other folds")
}

func TestFoldsErrors(t *testing.T) {
	us := []Unit{{"a", 0}, {"a", 1}, {"b", 0}, {"c", 1}}
	for _, tc := range []struct {
		name  string
		units []Unit
		k     int
	}{
		{"k=1", us, 1},
		{"k=0", us, 0},
		{"more folds than groups", us, 4},
		{"no units", nil, 2},
		{"negative label", []Unit{{"a", 0}, {"b", -1}}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Folds(tc.units, tc.k, seeded(1))
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrFolds))
		})
	}
	folds, err := Folds(us, 3, seeded(1))
	require.NoError(t, err)
	_, err = Folds([]Unit{{"", 0}, {"", 1}, {"", 0}}, 3, seeded(1))
	assert.NoError(t, err, "units without a group are groups of their own")
	assert.Equal(t, folds[0], folds[1], "group a stays together")
	assert.ElementsMatch(t, []int{0, 1, 2}, []int{folds[0], folds[2], folds[3]}, "k = number of groups: one group a fold")
}
