package features

import (
	"fmt"

	"github.com/stancekit/stancekit/features/token"
)

// neighbourCues is the cue vectors of the sentences up to span before and
// after, each followed by a "none" flag that is set where the article has
// no sentence at that offset.
type neighbourCues struct{ span int }

func (f neighbourCues) Name() string { return "context" }
func (f neighbourCues) Dim() int     { return 2 * f.span * (NumCues + 1) }

func (f neighbourCues) FeatureName(j int) string {
	block := NumCues + 1
	d := j/block - f.span
	if d >= 0 {
		d++
	}
	name := "none"
	if c := j % block; c < NumCues {
		name = CueNames[c]
	}
	return fmt.Sprintf("ctx%+d:%s", d, name)
}

func (f neighbourCues) Append(x *Analysis, i int, off uint32, v *Vector) {
	n := x.Len()
	for d := -f.span; d <= f.span; d++ {
		if d == 0 {
			continue
		}
		if j := i + d; j < 0 || j >= n {
			v.Add(off+NumCues, 1)
		} else {
			appendDense(v, off, x.Cues(j))
		}
		off += NumCues + 1
	}
}

// contextWords is a key source of the n-gram block: the unigrams of the
// previous and the next sentence, each in a namespace of its own, so that
// "next sentence has 'subscribe'" is a feature.
type contextWords struct{}

func (contextWords) keys(x *Analysis, i int, dst []uint64, nm *namer) []uint64 {
	if i > 0 {
		dst = contextWordKeys(dst, nsPrev, "prev:", x.Tokens(i-1), nm)
	}
	if i+1 < x.Len() {
		dst = contextWordKeys(dst, nsNext, "next:", x.Tokens(i+1), nm)
	}
	return dst
}

func contextWordKeys(dst []uint64, ns uint64, prefix string, toks []Analysed, nm *namer) []uint64 {
	for k := range toks {
		if t := toks[k]; t.Kind != token.Word && t.Kind != token.Quote {
			continue
		}
		key := combine(ns, toks[k].Hash)
		dst = append(dst, key)
		nm.record(key, prefix, toks[k:k+1])
	}
	return dst
}
