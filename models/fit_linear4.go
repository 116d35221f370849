package models

// The four-label case of linearProblem's two passes (fact, opinion,
// quote, appeal: the news task), with each label's sum kept in a
// register. Every sum takes the same terms in the same order as the loops
// for any k, so the fitted weights are the same bits.

// scores4 writes row i's four scores under parameters x into s.
func (p *linearProblem) scores4(x []float64, i int, s []float64) {
	d := p.d
	b := x[4*d.Dim : 4*d.Dim+4]
	s0, s1, s2, s3 := b[0], b[1], b[2], b[3]
	for j := d.Ptr[i]; j < d.Ptr[i+1]; j++ {
		idx, v := int(d.Index[j]), float64(d.Value[j])
		w := x[idx*4 : idx*4+4]
		s0 += w[0] * v
		s1 += w[1] * v
		s2 += w[2] * v
		s3 += w[3] * v
	}
	s[0], s[1], s[2], s[3] = s0, s1, s2, s3
}

// gradient4 adds the rows' terms to grad (already holding λW) and
// writes the biases' gradient, in row order. A row whose four residuals
// are zero (a squared hinge with every margin met) adds nothing and is
// skipped; adding its +0 or −0 terms would not change a sum that is
// not itself a zero.
func (p *linearProblem) gradient4(grad []float64) {
	d := p.d
	var b0, b1, b2, b3 float64
	for i := range d.Len() {
		r := p.raw[i*4 : i*4+4]
		r0, r1, r2, r3 := r[0], r[1], r[2], r[3]
		if r0 == 0 && r1 == 0 && r2 == 0 && r3 == 0 {
			continue
		}
		b0 += p.scale * r0
		b1 += p.scale * r1
		b2 += p.scale * r2
		b3 += p.scale * r3
		for j := d.Ptr[i]; j < d.Ptr[i+1]; j++ {
			idx, v := int(d.Index[j]), p.scale*float64(d.Value[j])
			g := grad[idx*4 : idx*4+4]
			g[0] += r0 * v
			g[1] += r1 * v
			g[2] += r2 * v
			g[3] += r3 * v
		}
	}
	gb := grad[4*d.Dim:]
	gb[0], gb[1], gb[2], gb[3] = b0, b1, b2, b3
}
