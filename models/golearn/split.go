package golearn

import (
	"math"
	"sort"

	"github.com/sjwhitworth/golearn/base"
	"github.com/sjwhitworth/golearn/trees"
)

// infoGain is golearn's trees.InformationGainRuleGenerator for numeric
// attributes, made deterministic. golearn lists the candidate attributes
// through a map (base.AttributeDifferenceReferences), so ties between
// attributes of equal gain, common with binary cues, go a different way
// from run to run: refitting one tree on the same rows gave a different
// tree 13 times in 19. It also sums the parent's entropy over a map. Here
// candidates come in column order, and since the parent's entropy is the
// same for every candidate, the attribute of highest gain is taken as the
// one of lowest split entropy. Split points, the entropy formula and the tie
// rules (first candidate wins; a split that empties a side is NaN and never
// wins) are golearn's.
type infoGain struct {
	labels int
}

var _ trees.RuleGenerator = infoGain{}

// splitRef is one row's value of the attribute under test and its label.
type splitRef struct {
	val   float64
	label int
}

// GenerateSplitRule implements trees.RuleGenerator.
func (r infoGain) GenerateSplitRule(f base.FixedDataGrid) *trees.DecisionTreeRule {
	classAttrs := f.AllClassAttributes()
	classSpec, err := f.GetAttribute(classAttrs[0])
	if err != nil {
		panic("golearn: " + err.Error())
	}
	_, n := f.Size()
	refs := make([]splitRef, n)
	f.MapOverRows([]base.AttributeSpec{classSpec}, func(v [][]byte, row int) (bool, error) {
		refs[row].label = int(base.UnpackBytesToU64(v[0]))
		return true, nil
	})
	labels := make([]int, n)
	for i, ref := range refs {
		labels[i] = ref.label
	}
	best := &trees.DecisionTreeRule{SplitVal: math.Inf(1)}
	bestEntropy := math.Inf(1)
	dist := [2][]int{make([]int, r.labels), make([]int, r.labels)}
	for _, a := range f.AllAttributes() {
		if a.Equals(classAttrs[0]) {
			continue
		}
		spec, err := f.GetAttribute(a)
		if err != nil {
			panic("golearn: " + err.Error())
		}
		f.MapOverRows([]base.AttributeSpec{spec}, func(v [][]byte, row int) (bool, error) {
			refs[row] = splitRef{val: base.UnpackBytesToFloat(v[0]), label: labels[row]}
			return true, nil
		})
		e, val := bestThreshold(refs, dist)
		if e < bestEntropy {
			bestEntropy, best.SplitAttr, best.SplitVal = e, a, val
		}
	}
	return best
}

// bestThreshold returns the lowest split entropy over the midpoints between
// consecutive distinct values of refs (which it sorts), and its midpoint;
// +Inf when no midpoint splits the rows. It walks the midpoints as golearn's
// getNumericAttributeEntropy does, so that both pick the same threshold.
func bestThreshold(refs []splitRef, dist [2][]int) (float64, float64) {
	sort.Slice(refs, func(i, j int) bool { return refs[i].val < refs[j].val })
	clear(dist[0])
	clear(dist[1])
	for _, x := range refs {
		dist[1][x.label]++
	}
	minEntropy, minVal := math.Inf(1), math.Inf(1)
	prevVal := math.NaN()
	prev := 0
	for i := 0; i < len(refs)-1; {
		val := (refs[i].val + refs[i+1].val) / 2
		if val == prevVal {
			i++
			continue
		}
		for ; prev < len(refs) && refs[prev].val < val; prev++ {
			dist[0][refs[prev].label]++
			dist[1][refs[prev].label]--
			i++
		}
		prevVal = val
		if e := splitEntropy(dist); e < minEntropy {
			minEntropy, minVal = e, val
		}
	}
	return minEntropy, minVal
}

// splitEntropy is golearn's getSplitEntropyFast: the entropy of the labels
// given the side, in bits; NaN when a side is empty, as golearn's.
func splitEntropy(dist [2][]int) float64 {
	count := 0
	for _, side := range dist {
		for _, c := range side {
			count += c
		}
	}
	n := float64(count)
	var e float64
	for _, side := range dist {
		total := 0
		for _, c := range side {
			total += c
		}
		for _, c := range side {
			if c != 0 {
				e -= float64(c) / n * math.Log(float64(c)/n) / math.Ln2
			}
		}
		e += float64(total) / n * math.Log(float64(total)/n) / math.Ln2
	}
	return e
}
