package models

import (
	"sync"
	"sync/atomic"

	"github.com/stancekit/stancekit/features/vectors"
)

// wordProjection caches, for a network with windows of one word, each
// vector row's filter responses W·x (Filters floats a row). With width 1
// a window is one word, so the convolution of a sentence is the maximum
// over its words of their rows in this table: prediction then reads
// Filters floats a word instead of doing Filters·Dim multiply-adds. A row
// is computed on its first use and shared by every workspace of the
// model, so a run pays only for the words it meets, once.
type wordProjection struct {
	net  *ConvNet
	t    *vectors.Table
	mu   sync.Mutex    // held while a row is written
	done []atomic.Bool // row r of z is written
	z    []float32     // rows × Filters
}

// newWordProjection returns an empty cache for n over t, or nil when n's
// windows are wider than one word.
func newWordProjection(n *ConvNet, t *vectors.Table) *wordProjection {
	if n.Width != 1 || t == nil {
		return nil
	}
	rows := t.Len()
	return &wordProjection{net: n, t: t, done: make([]atomic.Bool, rows), z: make([]float32, rows*n.Filters)}
}

// row returns the filter responses of vector row r; buf is a Dim-long
// scratch buffer. The values are dot32 over the row as convInput lays it
// out, so they are the bits forward computes.
func (p *wordProjection) row(r int, buf []float32) []float32 {
	n := p.net
	z := p.z[r*n.Filters : (r+1)*n.Filters]
	if p.done[r].Load() {
		return z
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.done[r].Load() {
		clear(buf)
		p.t.AddTo(buf, r, 1)
		for f := range z {
			z[f] = dot32(n.W[f*n.Dim:(f+1)*n.Dim], buf)
		}
		p.done[r].Store(true)
	}
	return z
}

// forward is ConvNet.forward for a width-1 network over a sentence's
// vector rows, from the cached responses: the same bits. The zero rows
// that frame the sentence respond 0, so every maximum starts at 0.
func (p *wordProjection) forward(rows []int32, a *convActs, buf []float32) {
	n := p.net
	a.size(n.Filters, n.K)
	h := a.h
	clear(h)
	nf := n.Filters
	if nf == 16 {
		p.max16((*[16]float32)(h), rows, buf)
		rows = nil // done
	}
	for _, r := range rows {
		z := p.z[int(r)*nf : int(r)*nf+nf]
		if !p.done[r].Load() {
			z = p.row(int(r), buf)
		}
		z = z[:len(h)]
		for f, v := range z {
			if v > h[f] {
				h[f] = v
			}
		}
	}
	for f := range h {
		h[f] = max(0, h[f]+n.B[f])
	}
	n.output(a)
}

// max16 is forward's maximum for the default member's 16 filters, over
// fixed-size arrays (no bounds checks; the same comparisons in the same
// order, so the same bits).
func (p *wordProjection) max16(h *[16]float32, rows []int32, buf []float32) {
	for _, r := range rows {
		var z *[16]float32
		if p.done[r].Load() {
			z = (*[16]float32)(p.z[int(r)*16:])
		} else {
			z = (*[16]float32)(p.row(int(r), buf))
		}
		for f := range h {
			if z[f] > h[f] {
				h[f] = z[f]
			}
		}
	}
}
