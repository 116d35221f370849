package models

import (
	"sync"

	"github.com/stancekit/stancekit/features"
)

// stagePairs holds, for a stacked model, the weights of both stages for
// each stage-1 feature side by side (2k floats a feature): scoring a
// sentence reads each of its n-gram rows once, one cache miss where two
// separate matrices cost two. Built on first use and kept for the stages
// it was built from.
type stagePairs struct {
	mu     sync.Mutex
	s1, s2 *Linear
	w      []float32
}

// pairs returns the interleaved weights of m's two stages (nil when m is
// not stacked): shared through m.stagePairs when Decode or Train set it,
// else built for the caller (a model assembled by hand).
func (m *Model) pairs() []float32 {
	p, a, b := m.stagePairs, m.Stage1, m.Stage2
	if a == nil || b == nil {
		return nil
	}
	if p == nil {
		return interleave(a, b)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.s1 != a || p.s2 != b {
		p.s1, p.s2, p.w = a, b, interleave(a, b)
	}
	return p.w
}

// interleave lays out, for each stage-1 feature, a's k weights then b's.
// Stage 2 reads every stage-1 feature, so b.Dim ≥ a.Dim (Decode checks it).
func interleave(a, b *Linear) []float32 {
	k := len(a.LabelNames)
	w := make([]float32, 0, 2*k*a.Dim)
	for j := range a.Dim {
		w = append(w, a.W[j*k:j*k+k]...)
		w = append(w, b.W[j*k:j*k+k]...)
	}
	return w
}

// rawPaired is a.Raw(v, outA) and b.Raw(v, outB) in one pass over v and
// the interleaved weights w of m.pairs: the stacked stage scores the
// stage-1 features again, and reading each feature's row once saves a copy
// of v, a second walk and a cache miss (same bits as two Raw calls). a and
// b have the same labels.
func rawPaired(a, b *Linear, w []float32, v features.Vector, outA, outB []float64) {
	k := len(a.LabelNames)
	if k == 4 {
		rawPaired4(a, b, w, v, outA, outB)
		return
	}
	copy(outA, a.B)
	copy(outB, b.B)
	outA, outB = outA[:k], outB[:k]
	for j, idx := range v.Index {
		x := float64(v.Value[j])
		i := int(idx)
		if i < a.Dim {
			row := w[2*k*i : 2*k*i+2*k]
			for c := range outA {
				outA[c] += float64(row[c]) * x
			}
			for c := range outB {
				outB[c] += float64(row[k+c]) * x
			}
		} else if i < b.Dim {
			row := b.W[i*k : i*k+k]
			for c, wc := range row {
				outB[c] += float64(wc) * x
			}
		}
	}
}

// rawPaired4 is rawPaired for four labels (the news model) with the eight
// sums in registers instead of memory: the same additions in the same
// order, so the same bits.
func rawPaired4(a, b *Linear, w []float32, v features.Vector, outA, outB []float64) {
	a0, a1, a2, a3 := a.B[0], a.B[1], a.B[2], a.B[3]
	b0, b1, b2, b3 := b.B[0], b.B[1], b.B[2], b.B[3]
	vals := v.Value[:len(v.Index)]
	for j, idx := range v.Index {
		x := float64(vals[j])
		i := int(idx)
		if i < a.Dim {
			row := w[8*i : 8*i+8 : 8*i+8]
			a0 += float64(row[0]) * x
			a1 += float64(row[1]) * x
			a2 += float64(row[2]) * x
			a3 += float64(row[3]) * x
			b0 += float64(row[4]) * x
			b1 += float64(row[5]) * x
			b2 += float64(row[6]) * x
			b3 += float64(row[7]) * x
		} else if i < b.Dim {
			row := b.W[4*i : 4*i+4 : 4*i+4]
			b0 += float64(row[0]) * x
			b1 += float64(row[1]) * x
			b2 += float64(row[2]) * x
			b3 += float64(row[3]) * x
		}
	}
	outA[0], outA[1], outA[2], outA[3] = a0, a1, a2, a3
	outB[0], outB[1], outB[2], outB[3] = b0, b1, b2, b3
}
