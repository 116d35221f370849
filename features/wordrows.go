package features

import "github.com/stancekit/stancekit/features/vectors"

// WordRows appends to dst the rows, in VectorTable, of the words of
// sentence i of x that have a vector, in sentence order: the same lookup
// the vector family pools over (normalized form, clitic fallback), for a
// model that reads the vectors in order instead of pooling them. Without
// vectors it returns dst unchanged.
func (p *Pipeline) WordRows(x *Analysis, i int, dst []int32) []int32 {
	if p.vecs == nil {
		return dst
	}
	return p.vecs.rows(x.Tokens(i), dst)
}

// VectorTable returns the word vectors a fitted pipeline keeps (the
// pruned table WordRows indexes), or nil without vectors.
func (p *Pipeline) VectorTable() *vectors.Table { return p.state.Vectors }
