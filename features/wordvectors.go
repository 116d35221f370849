package features

import (
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/stancekit/stancekit/features/token"
	"github.com/stancekit/stancekit/features/vectors"
)

// Pools of the vector family (Config.VectorPools, a bit set).
const (
	PoolMean Pool = 1 << iota // mean of the sentence's word vectors
	PoolSIF                   // mean weighted a/(a+p(w)), p from the word's frequency rank (Arora et al. 2017)
	PoolMax                   // component-wise maximum
)

// Pool is a set of pooling methods.
type Pool uint8

var poolNames = []string{"mean", "sif", "max"}

// ParsePools parses a comma-separated list of mean, sif and max.
func ParsePools(s string) (Pool, error) {
	var p Pool
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		found := false
		for i, n := range poolNames {
			if strings.EqualFold(f, n) {
				p |= 1 << i
				found = true
			}
		}
		if !found && f != "" {
			return 0, fmt.Errorf("features: unknown pooling %q (want mean, sif or max)", f)
		}
	}
	return p, nil
}

func (p Pool) String() string {
	var out []string
	for i, n := range poolNames {
		if p&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return strings.Join(out, ",")
}

func (p Pool) count() int {
	n := 0
	for i := range poolNames {
		if p&(1<<i) != 0 {
			n++
		}
	}
	return n
}

// sifA is the smoothing constant of SIF weights (the value Arora et al.
// found best across tasks).
const sifA = 1e-3

// LoadVectors returns the table a configuration names: the built-in one
// for vectors.DefaultName, else the file at that path (compact or text
// format).
func LoadVectors(name string) (*vectors.Table, error) {
	if name == vectors.DefaultName {
		return vectors.Default()
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("features: vectors: %w", err)
	}
	return vectors.Load(b, name, vectors.TextOptions{Lowercase: true})
}

// wordVectors is the family of pooled pretrained word vectors: for each
// pool, the sentence's pooled vector (L2-normalized, times Config.VectorScale),
// and with Config.VectorContext the SIF-pooled vectors of the previous and
// the next sentence. Words are looked up in their normalized form; a word
// with a clitic ("minister's") falls back to its stem.
type wordVectors struct {
	cfg    Config
	table  *vectors.Table // pruned, in the model
	weight []float32      // SIF weight per table row
	source *vectors.Table // while fitting: the full source table
	seen   []bool         // while fitting: source rows seen in training
	index  keyTable       // FNV-1a of a word → its row in table (or in source while fitting)
}

// wordIndex maps the FNV-1a hash of each word of t to its row: one flat
// probe per token instead of a string map lookup (the tokens' hashes are
// computed once per article). Two words of one table sharing a 64-bit hash
// is astronomically unlikely; the later row would win.
func wordIndex(t *vectors.Table) keyTable {
	keys := make([]uint64, t.Len())
	for i, w := range t.Words {
		keys[i] = hashString(fnvOffset, w)
	}
	return newKeyTable(keys)
}

func (f *wordVectors) Name() string { return "vectors" }

func (f *wordVectors) blocks() int {
	n := f.cfg.VectorPools.count()
	if f.cfg.VectorContext {
		n += 2
	}
	return n
}

func (f *wordVectors) dim() int {
	if f.table != nil {
		return f.table.Dim
	}
	return f.source.Dim
}

func (f *wordVectors) Dim() int { return f.blocks() * f.dim() }

func (f *wordVectors) FeatureName(j int) string {
	d := f.dim()
	b, c := j/d, j%d
	var names []string
	for i, n := range poolNames {
		if f.cfg.VectorPools&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	if f.cfg.VectorContext {
		names = append(names, "prev-sif", "next-sif")
	}
	return fmt.Sprintf("vec-%s:%d", names[b], c)
}

// rows appends the rows (in the table f.index is built over) of the words
// of toks.
func (f *wordVectors) rows(toks []Analysed, dst []int32) []int32 {
	for _, tk := range toks {
		if tk.Kind != token.Word {
			continue
		}
		r, ok := f.index.get(tk.Hash)
		if !ok {
			if k := strings.IndexByte(tk.Norm, '\''); k > 0 {
				r, ok = f.index.get(hashString(fnvOffset, tk.Norm[:k]))
			}
		}
		if ok {
			dst = append(dst, int32(r))
		}
	}
	return dst
}

func (f *wordVectors) observe(x *Analysis, i int) {
	if f.seen == nil {
		f.seen = make([]bool, f.source.Len())
	}
	var buf [64]int32
	for _, r := range f.rows(x.Tokens(i), buf[:0]) {
		f.seen[r] = true
	}
}

// finish prunes the source to its first VectorWords rows and every word
// seen in training, and computes the SIF weights from the source ranks
// (p(w) from Zipf's law: 1 / ((rank+1) · H_V)).
func (f *wordVectors) finish(_ int, s *State) {
	src := f.source
	limit := f.cfg.VectorWords
	if limit <= 0 {
		limit = src.Len()
	}
	harmonic := math.Log(float64(src.Len())) + 0.5772
	var weight []float32
	t := src.Prune(func(r int, _ string) bool {
		keep := r < limit || (f.seen != nil && f.seen[r])
		if keep {
			p := 1 / (float64(r+1) * harmonic)
			weight = append(weight, float32(sifA/(sifA+p)))
		}
		return keep
	})
	s.Vectors, s.VectorWeights = t, weight
	f.table, f.weight, f.seen = t, weight, nil
	f.index = wordIndex(t)
}

// poolScratch is one Extractor's pooled vectors of the current article.
type poolScratch struct {
	rows []int32
	sif  []float32 // n × dim, SIF-pooled and normalized (for the context blocks)
	tmp  []float32
}

func (f *wordVectors) Append(x *Analysis, i int, off uint32, v *Vector) {
	var s poolScratch
	f.appendWith(&s, x, i, off, v)
}

func (f *wordVectors) appendWith(s *poolScratch, x *Analysis, i int, off uint32, v *Vector) {
	d := f.dim()
	if cap(s.tmp) < d {
		s.tmp = make([]float32, d)
	}
	tmp := s.tmp[:d]
	scale := f.cfg.VectorScale
	if scale == 0 {
		scale = 1
	}
	for _, p := range []Pool{PoolMean, PoolSIF, PoolMax} {
		if f.cfg.VectorPools&p == 0 {
			continue
		}
		f.pool(p, x.Tokens(i), s, tmp)
		appendScaled(v, off, tmp, scale)
		off += uint32(d)
	}
	if f.cfg.VectorContext {
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < x.Len() {
				f.pool(PoolSIF, x.Tokens(j), s, tmp)
				appendScaled(v, off, tmp, scale)
			}
			off += uint32(d)
		}
	}
}

// pool writes the normalized pooled vector of toks into dst (zero when no
// word has a vector).
func (f *wordVectors) pool(p Pool, toks []Analysed, s *poolScratch, dst []float32) {
	clear(dst)
	s.rows = f.rows(toks, s.rows[:0])
	if len(s.rows) == 0 {
		return
	}
	switch p {
	case PoolMean:
		for _, r := range s.rows {
			f.table.AddTo(dst, int(r), 1)
		}
	case PoolSIF:
		for _, r := range s.rows {
			f.table.AddTo(dst, int(r), f.weight[r])
		}
	case PoolMax:
		for j := range dst {
			dst[j] = float32(math.Inf(-1))
		}
		for _, r := range s.rows {
			f.table.MaxInto(dst, int(r))
		}
	}
	var norm float64
	for _, y := range dst {
		norm += float64(y) * float64(y)
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for j := range dst {
			dst[j] *= inv
		}
	}
}

func appendScaled(v *Vector, off uint32, vals []float32, scale float32) {
	for j, y := range vals {
		if y != 0 {
			v.Add(off+uint32(j), y*scale)
		}
	}
}
