package features

import (
	"math"
	"slices"
	"sort"
	"strconv"
)

// Namespaces of n-gram keys.
const (
	nsWord uint64 = 0xcbf29ce484222325
	nsChar uint64 = 0x9e3779b97f4a7c15
	nsPrev uint64 = 0x6a09e667f3bcc908
	nsNext uint64 = 0xbb67ae8584caa73b
)

// keySource appends the hashed n-gram keys of sentence i to dst; with a
// namer (while fitting) it records what each key stands for.
type keySource interface {
	keys(x *Analysis, i int, dst []uint64, nm *namer) []uint64
}

// wordNgrams is the word 1..n-grams of the sentence.
type wordNgrams struct{ n int }

func (f wordNgrams) keys(x *Analysis, i int, dst []uint64, nm *namer) []uint64 {
	toks := x.Tokens(i)
	for j := range toks {
		h := nsWord
		for n := 1; n <= f.n && j+n <= len(toks); n++ {
			h = combine(h, toks[j+n-1].Hash)
			k := h + uint64(n)
			dst = append(dst, k)
			nm.record(k, "", toks[j:j+n])
		}
	}
	return dst
}

// namer records the text of each n-gram key while fitting.
type namer struct {
	names map[uint64]string
	buf   []byte
}

func (nm *namer) record(k uint64, prefix string, toks []Analysed) {
	if nm == nil {
		return
	}
	if _, ok := nm.names[k]; ok {
		return
	}
	b := append(nm.buf[:0], prefix...)
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.Norm...)
	}
	nm.buf = b
	nm.names[k] = string(b)
}

func (nm *namer) recordString(k uint64, name func() string) {
	if _, ok := nm.names[k]; !ok {
		nm.names[k] = name()
	}
}

// ngramBlock is the sparse family: the keys of its sources (word n-grams,
// character n-grams, neighbours' words) mapped to a learned vocabulary or
// hashed into buckets, weighted, and L2-normalized as one block.
type ngramBlock struct {
	cfg     Config
	sources []keySource
	state   *State // Keys, Names, IDF
	index   keyTable

	// while fitting
	df       map[uint64]int
	bucketDF []int
	nm       *namer
	seen     map[uint64]bool
	keyBuf   []uint64
}

func newNgramBlock(cfg Config, s *State) *ngramBlock {
	b := &ngramBlock{cfg: cfg, state: s}
	if cfg.WordNgrams > 0 {
		b.sources = append(b.sources, wordNgrams{cfg.WordNgrams})
	}
	if cfg.CharMin > 0 {
		b.sources = append(b.sources, charNgrams{cfg.CharMin, cfg.CharMax})
	}
	if cfg.ContextWords {
		b.sources = append(b.sources, contextWords{})
	}
	b.index = newKeyTable(s.Keys)
	return b
}

func (b *ngramBlock) Name() string { return "ngrams" }

func (b *ngramBlock) Dim() int {
	if b.cfg.Buckets > 0 {
		return b.cfg.Buckets
	}
	return len(b.state.Keys)
}

func (b *ngramBlock) FeatureName(j int) string {
	if b.cfg.Buckets > 0 {
		return "bucket#" + strconv.Itoa(j)
	}
	if j < len(b.state.Names) {
		return b.state.Names[j]
	}
	return "?" + strconv.Itoa(j)
}

func (b *ngramBlock) keys(x *Analysis, i int, dst []uint64, nm *namer) []uint64 {
	for _, s := range b.sources {
		dst = s.keys(x, i, dst, nm)
	}
	return dst
}

func (b *ngramBlock) lookup(k uint64) (uint32, bool) {
	if b.cfg.Buckets > 0 {
		return uint32(k % uint64(b.cfg.Buckets)), true
	}
	return b.index.get(k)
}

// ngramScratch is one Extractor's buffers for the block.
type ngramScratch struct {
	keys []uint64
	idxs []uint32
}

func (b *ngramBlock) Append(x *Analysis, i int, off uint32, v *Vector) {
	var s ngramScratch
	b.appendWith(&s, x, i, off, v)
}

// appendWith adds the block to v (which must hold only indexes below off)
// and normalizes it.
func (b *ngramBlock) appendWith(s *ngramScratch, x *Analysis, i int, off uint32, v *Vector) {
	s.keys = b.keys(x, i, s.keys[:0], nil)
	// Count each index by sorting them: a run of equal indexes is one
	// feature, and the block comes out sorted.
	s.idxs = s.idxs[:0]
	for _, k := range s.keys {
		if idx, ok := b.lookup(k); ok {
			s.idxs = append(s.idxs, idx)
		}
	}
	slices.Sort(s.idxs)
	for r := 0; r < len(s.idxs); {
		idx := s.idxs[r]
		q := r + 1
		for q < len(s.idxs) && s.idxs[q] == idx {
			q++
		}
		c := float32(q - r)
		r = q
		var y float32
		switch b.cfg.Weighting {
		case Binary:
			y = 1
		case TF:
			y = c
		case LogTF:
			y = 1 + float32(math.Log(float64(c)))
		case TFIDF:
			y = (1 + float32(math.Log(float64(c)))) * b.state.IDF[idx]
		}
		v.Add(off+idx, y)
	}
	v.Sort()
	start := sort.Search(len(v.Index), func(j int) bool { return v.Index[j] >= off })
	var norm float64
	for _, y := range v.Value[start:] {
		norm += float64(y) * float64(y)
	}
	if norm > 0 && !b.cfg.NoNormalize {
		inv := float32(1 / math.Sqrt(norm))
		for j := start; j < len(v.Value); j++ {
			v.Value[j] *= inv
		}
	}
}

func (b *ngramBlock) observe(x *Analysis, i int) {
	if b.seen == nil {
		b.seen = map[uint64]bool{}
		b.df = map[uint64]int{}
		b.nm = &namer{names: map[uint64]string{}}
		if b.cfg.Buckets > 0 {
			b.bucketDF = make([]int, b.cfg.Buckets)
		}
	}
	b.keyBuf = b.keys(x, i, b.keyBuf[:0], b.nm)
	clear(b.seen)
	for _, k := range b.keyBuf {
		if b.seen[k] {
			continue
		}
		b.seen[k] = true
		if b.bucketDF != nil {
			b.bucketDF[k%uint64(b.cfg.Buckets)]++
		} else {
			b.df[k]++
		}
	}
}

func (b *ngramBlock) finish(nSent int, s *State) {
	s.Keys, s.Names, s.IDF = nil, nil, nil
	if b.bucketDF == nil {
		minCount := max(1, b.cfg.MinCount)
		for k, n := range b.df {
			if n >= minCount {
				s.Keys = append(s.Keys, k)
			}
		}
		sort.Slice(s.Keys, func(i, j int) bool { return s.Keys[i] < s.Keys[j] })
		s.Names = make([]string, len(s.Keys))
		for i, k := range s.Keys {
			s.Names[i] = b.nm.names[k]
		}
	}
	if b.cfg.Weighting == TFIDF {
		// Smooth idf as scikit-learn: ln((1+n)/(1+df)) + 1.
		idf := func(d int) float32 { return float32(math.Log(float64(1+nSent)/float64(1+d)) + 1) }
		if b.bucketDF != nil {
			s.IDF = make([]float32, len(b.bucketDF))
			for i, d := range b.bucketDF {
				s.IDF[i] = idf(d)
			}
		} else {
			s.IDF = make([]float32, len(s.Keys))
			for i, k := range s.Keys {
				s.IDF[i] = idf(b.df[k])
			}
		}
	}
	b.df, b.bucketDF, b.nm, b.seen = nil, nil, nil, nil
	b.state = s
	b.index = newKeyTable(s.Keys)
}
