package features

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/stancekit/stancekit/corpus"
)

// Pipeline turns the sentences of an article into vectors in one index
// space: first the dense blocks (own cues, neighbours' cues, paragraph and
// window means, position), then the n-gram block. A Pipeline is fitted once
// (Fit learns the vocabulary and idf) and then read-only: share it between
// goroutines, each with its own Extractor.
type Pipeline struct {
	cfg   Config
	lex   *Lexicons
	state State
	index keyTable // n-gram key → position in state.Keys (vocabulary mode)
	dense int
}

// State is what a fitted Pipeline needs to be rebuilt: saved in model files.
type State struct {
	Config  Config
	Lexicon string
	Keys    []uint64  // vocabulary n-gram keys, sorted (empty in bucket mode)
	Names   []string  // the n-gram each key stands for, for explanations
	IDF     []float32 // per vocabulary entry or bucket (TFIDF only)
}

// NewPipeline returns an unfitted pipeline.
func NewPipeline(cfg Config) (*Pipeline, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	lex, err := LoadLexicons()
	if err != nil {
		return nil, err
	}
	p := &Pipeline{cfg: cfg, lex: lex, state: State{Config: cfg, Lexicon: LexiconVersion}}
	p.dense = p.denseDim()
	return p, nil
}

// FromState rebuilds a fitted pipeline.
func FromState(s State) (*Pipeline, error) {
	if s.Lexicon != LexiconVersion {
		return nil, fmt.Errorf("features: model uses lexicons %q, this build has %q: retrain the model", s.Lexicon, LexiconVersion)
	}
	p, err := NewPipeline(s.Config)
	if err != nil {
		return nil, err
	}
	if len(s.Names) != len(s.Keys) || (s.Config.Weighting == TFIDF && len(s.IDF) != p.ngramDim(len(s.Keys))) {
		return nil, fmt.Errorf("features: inconsistent pipeline state (%d keys, %d names, %d idf)", len(s.Keys), len(s.Names), len(s.IDF))
	}
	p.state = s
	p.buildIndex()
	return p, nil
}

// State returns the fitted state for saving.
func (p *Pipeline) State() State { return p.state }

// Config returns the pipeline's configuration.
func (p *Pipeline) Config() Config { return p.cfg }

// Dim is the dimension of the vectors the pipeline produces.
func (p *Pipeline) Dim() int { return p.dense + p.ngramDim(len(p.state.Keys)) }

func (p *Pipeline) ngramDim(vocab int) int {
	if p.cfg.Buckets > 0 {
		return p.cfg.Buckets
	}
	return vocab
}

const numPosition = 10

var positionNames = [numPosition]string{
	"first_in_para", "last_in_para", "first_para", "last_para", "rel_position",
	"near_end", "log_from_end", "para_single", "near_start", "window_fragments",
}

func (p *Pipeline) denseDim() int {
	d := 0
	if p.cfg.Cues {
		d += NumCues
		d += 2 * p.cfg.Context * (NumCues + 1)
		if p.cfg.Position {
			d += 2*NumCues + numPosition
		}
	}
	return d
}

func (p *Pipeline) buildIndex() {
	p.index = newKeyTable(p.state.Keys)
}

// FeatureName names feature i, for explanations.
func (p *Pipeline) FeatureName(i int) string {
	if i >= p.dense {
		j := i - p.dense
		if p.cfg.Buckets > 0 {
			return "bucket#" + strconv.Itoa(j)
		}
		if j < len(p.state.Names) {
			return p.state.Names[j]
		}
		return "?" + strconv.Itoa(i)
	}
	if i < NumCues {
		return "cue:" + CueNames[i]
	}
	i -= NumCues
	block := NumCues + 1
	if i < 2*p.cfg.Context*block {
		d := i / block
		off := d - p.cfg.Context
		if off >= 0 {
			off++
		}
		name := "none"
		if c := i % block; c < NumCues {
			name = CueNames[c]
		}
		return fmt.Sprintf("ctx%+d:%s", off, name)
	}
	i -= 2 * p.cfg.Context * block
	if i < NumCues {
		return "para:" + CueNames[i]
	}
	i -= NumCues
	if i < NumCues {
		return "window:" + CueNames[i]
	}
	return "pos:" + positionNames[i-NumCues]
}

// Fit learns the vocabulary (vocabulary mode) and idf weights from training
// articles, which must be segmented. Fitting twice starts afresh.
func (p *Pipeline) Fit(articles []*corpus.Article) {
	df := map[uint64]int{}
	names := map[uint64]string{}
	var bucketDF []int
	if p.cfg.Buckets > 0 {
		bucketDF = make([]int, p.cfg.Buckets)
	}
	e := p.NewExtractor()
	e.names = names
	seen := map[uint64]bool{}
	nSent := 0
	for _, a := range articles {
		e.analyse(a)
		for i := range a.Sentences {
			nSent++
			e.keys = e.keys[:0]
			e.ngramKeys(i)
			clear(seen)
			for _, k := range e.keys {
				if seen[k] {
					continue
				}
				seen[k] = true
				if bucketDF != nil {
					bucketDF[k%uint64(p.cfg.Buckets)]++
				} else {
					df[k]++
				}
			}
		}
	}
	s := State{Config: p.cfg, Lexicon: LexiconVersion}
	if bucketDF == nil {
		minCount := max(1, p.cfg.MinCount)
		for k, n := range df {
			if n >= minCount {
				s.Keys = append(s.Keys, k)
			}
		}
		sort.Slice(s.Keys, func(i, j int) bool { return s.Keys[i] < s.Keys[j] })
		s.Names = make([]string, len(s.Keys))
		for i, k := range s.Keys {
			s.Names[i] = names[k]
		}
	}
	if p.cfg.Weighting == TFIDF {
		// Smooth idf as scikit-learn: ln((1+n)/(1+df)) + 1.
		idf := func(d int) float32 { return float32(math.Log(float64(1+nSent)/float64(1+d)) + 1) }
		if bucketDF != nil {
			s.IDF = make([]float32, len(bucketDF))
			for i, d := range bucketDF {
				s.IDF[i] = idf(d)
			}
		} else {
			s.IDF = make([]float32, len(s.Keys))
			for i, k := range s.Keys {
				s.IDF[i] = idf(df[k])
			}
		}
	}
	p.state = s
	p.buildIndex()
}

// Extractor computes vectors with reusable buffers. It is not safe for
// concurrent use: give each goroutine its own.
type Extractor struct {
	p       *Pipeline
	toks    []token
	bounds  []int // toks[bounds[i]:bounds[i+1]] belong to sentence i
	cues    []float32
	keys    []uint64
	counts  map[uint32]float32
	idxs    []uint32
	names   map[uint64]string // set while fitting, to record n-gram names
	nameBuf []byte
	article *corpus.Article

	// Cue sums of the paragraph paraLo..paraHi (paraHi < paraLo: none),
	// computed once per paragraph so a long one stays linear (issue 13).
	paraLo, paraHi int
	paraSum        [NumCues]float32
	paraSums       int // paragraph sums computed (a test checks one per paragraph)

	scratch Vector // one sentence's vector while it is built
}

// NewExtractor returns an extractor over the pipeline.
func (p *Pipeline) NewExtractor() *Extractor {
	return &Extractor{p: p, counts: map[uint32]float32{}}
}

// Article fills out with one vector per sentence of a (which must be
// segmented) and returns it, reusing out's storage.
func (e *Extractor) Article(a *corpus.Article, out []Vector) []Vector {
	e.analyse(a)
	n := len(a.Sentences)
	if cap(out) < n {
		out = append(out[:cap(out)], make([]Vector, n-cap(out))...)
	}
	out = out[:n]
	for i := range out {
		// Built in scratch space, stored at its size: growing each of a
		// long article's vectors in place allocated twice what it keeps.
		e.sentence(i, &e.scratch)
		out[i].CopyFrom(&e.scratch)
	}
	if len(e.toks) > keepTokens {
		// A long article's tokens, their strings and its cue vectors are
		// dead once its vectors are built: let the collector have them
		// before the model's later stages allocate (issue 13).
		e.toks, e.bounds, e.cues = nil, nil, nil
	}
	e.article = nil
	return out
}

// keepTokens is the most tokens an Extractor keeps for reuse between
// articles (about 100 kB of text).
const keepTokens = 1 << 14

// analyse tokenizes and normalizes every sentence and computes the cue
// vectors.
func (e *Extractor) analyse(a *corpus.Article) {
	e.article = a
	e.paraLo, e.paraHi = 0, -1
	e.toks = e.toks[:0]
	e.bounds = append(e.bounds[:0], 0)
	// Arenas for the normalized token strings, which point into them and
	// stay valid for the whole article (appends within capacity never move
	// one; a fresh one is made when it is full). One arena of twice the
	// text for an ordinary article; chunks of arenaChunk for a long one, so
	// that it costs about its normalized size, not twice its text (issue 13).
	chunk := min(2*len(a.Text)+16, arenaChunk)
	arena := make([]byte, 0, chunk)
	if want := len(a.Text)/5 + len(a.Sentences); len(a.Text) > arenaChunk && cap(e.toks) < want {
		// News text has about one token per 5 bytes. Sized once, a long
		// article's tokens are not copied through ever larger slices,
		// which allocated five times their final size (issue 13).
		e.toks = make([]token, 0, want)
	}
	for _, s := range a.Sentences {
		for t := range Tokens(s.Text) {
			raw := s.Text[t.Start:t.End]
			if len(arena)+4*len(raw) > cap(arena) {
				arena = make([]byte, 0, max(4*len(raw), chunk))
			}
			start := len(arena)
			if t.Kind == Number {
				arena = appendNumberShape(arena, raw)
			} else {
				arena = AppendNorm(arena, raw)
			}
			b := arena[start:]
			r, _ := utf8.DecodeRuneInString(raw)
			e.toks = append(e.toks, token{norm: unsafe.String(unsafe.SliceData(b), len(b)), kind: t.Kind, upper: unicode.IsUpper(r)})
		}
		e.bounds = append(e.bounds, len(e.toks))
	}
	if e.p.cfg.Cues {
		n := len(a.Sentences)
		if cap(e.cues) < n*NumCues {
			e.cues = make([]float32, n*NumCues)
		}
		e.cues = e.cues[:n*NumCues]
		for i, s := range a.Sentences {
			e.p.lex.cues(s.Text, e.toks[e.bounds[i]:e.bounds[i+1]], e.cues[i*NumCues:(i+1)*NumCues])
		}
	}
}

// arenaChunk is the largest token arena allocated at once.
const arenaChunk = 1 << 20

// appendNumberShape maps digits to 0 and keeps separators, so "$4.99" and
// "$5.49" share a feature; long numbers are capped.
func appendNumberShape(dst []byte, s string) []byte {
	for i := 0; i < len(s) && i < 8; i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			c = '0'
		}
		dst = append(dst, c)
	}
	return dst
}

func (e *Extractor) sentToks(i int) []token { return e.toks[e.bounds[i]:e.bounds[i+1]] }

// Namespaces of n-gram keys.
const (
	nsWord uint64 = 0xcbf29ce484222325
	nsChar uint64 = 0x9e3779b97f4a7c15
	nsPrev uint64 = 0x6a09e667f3bcc908
	nsNext uint64 = 0xbb67ae8584caa73b
)

// ngramKeys appends the n-gram keys of sentence i to e.keys.
func (e *Extractor) ngramKeys(i int) {
	cfg := e.p.cfg
	toks := e.sentToks(i)
	if cfg.WordNgrams > 0 {
		for j := range toks {
			h := nsWord
			for n := 1; n <= cfg.WordNgrams && j+n <= len(toks); n++ {
				h = combine(h, hashString(fnvOffset, toks[j+n-1].norm))
				k := h + uint64(n)
				e.keys = append(e.keys, k)
				e.recordName(k, "", toks[j:j+n])
			}
		}
	}
	if cfg.CharMin > 0 {
		e.charKeys(toks)
	}
	if cfg.ContextWords {
		if i > 0 {
			e.contextWordKeys(nsPrev, "prev:", e.sentToks(i-1))
		}
		if i+1 < len(e.bounds)-1 {
			e.contextWordKeys(nsNext, "next:", e.sentToks(i+1))
		}
	}
}

func (e *Extractor) contextWordKeys(ns uint64, prefix string, toks []token) {
	for _, t := range toks {
		if t.kind != Word && t.kind != Quote {
			continue
		}
		k := combine(ns, hashString(fnvOffset, t.norm))
		e.keys = append(e.keys, k)
		e.recordName(k, prefix, []token{t})
	}
}

// charKeys: character n-grams of each word with boundary marks, as fastText.
func (e *Extractor) charKeys(toks []token) {
	cfg := e.p.cfg
	for _, t := range toks {
		w := t.norm
		// Byte n-grams over "<word>" (ASCII words dominate news text; for
		// other scripts byte n-grams still hash consistently).
		padded := len(w) + 2
		for n := cfg.CharMin; n <= cfg.CharMax; n++ {
			for s := 0; s+n <= padded; s++ {
				h := nsChar
				for k := s; k < s+n; k++ {
					var c byte
					switch {
					case k == 0:
						c = '<'
					case k == padded-1:
						c = '>'
					default:
						c = w[k-1]
					}
					h ^= uint64(c)
					h *= fnvPrime
				}
				key := h + uint64(n)
				e.keys = append(e.keys, key)
				if e.names != nil {
					if _, ok := e.names[key]; !ok {
						e.names[key] = "char:" + string(("<" + w + ">")[s:s+n])
					}
				}
			}
		}
	}
}

func (e *Extractor) recordName(k uint64, prefix string, toks []token) {
	if e.names == nil {
		return
	}
	if _, ok := e.names[k]; ok {
		return
	}
	b := append(e.nameBuf[:0], prefix...)
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.norm...)
	}
	e.nameBuf = b
	e.names[k] = string(b)
}

// sentence builds the vector of sentence i.
func (e *Extractor) sentence(i int, v *Vector) {
	v.Reset()
	p := e.p
	cfg := p.cfg
	n := len(e.article.Sentences)
	off := uint32(0)
	addDense := func(vals []float32) {
		for j, x := range vals {
			if x != 0 {
				v.Add(off+uint32(j), x)
			}
		}
		off += uint32(len(vals))
	}
	if cfg.Cues {
		addDense(e.cueOf(i))
		for d := -cfg.Context; d <= cfg.Context; d++ {
			if d == 0 {
				continue
			}
			j := i + d
			if j < 0 || j >= n {
				v.Add(off+NumCues, 1)
			} else {
				addDense(e.cueOf(j))
				off -= NumCues
			}
			off += NumCues + 1
		}
		if cfg.Position {
			e.meanCues(i, v, &off)
			e.position(i, v, &off)
		}
	}
	// N-gram block.
	e.keys = e.keys[:0]
	e.ngramKeys(i)
	// Count each index by sorting them: a run of equal indexes is one
	// feature, and the vector comes out sorted (the dense block before it
	// already is, in increasing offsets).
	e.idxs = e.idxs[:0]
	for _, k := range e.keys {
		if idx, ok := p.lookup(k); ok {
			e.idxs = append(e.idxs, idx)
		}
	}
	slices.Sort(e.idxs)
	for r := 0; r < len(e.idxs); {
		idx := e.idxs[r]
		q := r + 1
		for q < len(e.idxs) && e.idxs[q] == idx {
			q++
		}
		c := float32(q - r)
		r = q
		var x float32
		switch cfg.Weighting {
		case Binary:
			x = 1
		case TF:
			x = c
		case LogTF:
			x = 1 + float32(math.Log(float64(c)))
		case TFIDF:
			x = (1 + float32(math.Log(float64(c)))) * p.state.IDF[idx]
		}
		v.Add(uint32(p.dense)+idx, x)
	}
	// Sort before normalizing: map order is random and the sum must be
	// computed in one order for the same bytes on every run.
	v.Sort()
	start := sort.Search(len(v.Index), func(j int) bool { return v.Index[j] >= uint32(p.dense) })
	var norm float64
	for _, x := range v.Value[start:] {
		norm += float64(x) * float64(x)
	}
	if norm > 0 && !cfg.NoNormalize {
		inv := float32(1 / math.Sqrt(norm))
		for j := start; j < len(v.Value); j++ {
			v.Value[j] *= inv
		}
	}
}

func (p *Pipeline) lookup(k uint64) (uint32, bool) {
	if p.cfg.Buckets > 0 {
		return uint32(k % uint64(p.cfg.Buckets)), true
	}
	return p.index.get(k)
}

func (e *Extractor) cueOf(i int) []float32 { return e.cues[i*NumCues : (i+1)*NumCues] }

// meanCues adds the mean cue vector of sentence i's paragraph and of the
// window of three sentences on each side (block signals: publisher-word
// density, a run of second-person sentences).
func (e *Extractor) meanCues(i int, v *Vector, off *uint32) {
	ss := e.article.Sentences
	if i < e.paraLo || i > e.paraHi {
		para := ss[i].Para
		lo, hi := i, i
		for lo > 0 && ss[lo-1].Para == para {
			lo--
		}
		for hi+1 < len(ss) && ss[hi+1].Para == para {
			hi++
		}
		e.paraLo, e.paraHi = lo, hi
		e.sumCues(lo, hi, &e.paraSum)
		e.paraSums++
	}
	e.addMean(e.paraLo, e.paraHi, &e.paraSum, v, off)
	var mean [NumCues]float32
	e.sumCues(max(0, i-3), min(len(ss)-1, i+3), &mean)
	e.addMean(max(0, i-3), min(len(ss)-1, i+3), &mean, v, off)
}

func (e *Extractor) sumCues(lo, hi int, sum *[NumCues]float32) {
	*sum = [NumCues]float32{}
	for j := lo; j <= hi; j++ {
		for c, x := range e.cueOf(j) {
			sum[c] += x
		}
	}
}

// addMean adds the cue sum of sentences lo..hi divided by their number.
func (e *Extractor) addMean(lo, hi int, mean *[NumCues]float32, v *Vector, off *uint32) {
	inv := 1 / float32(hi-lo+1)
	for c, x := range mean {
		if x != 0 {
			v.Add(*off+uint32(c), x*inv)
		}
	}
	*off += NumCues
}

func (e *Extractor) position(i int, v *Vector, off *uint32) {
	ss := e.article.Sentences
	n := len(ss)
	para := ss[i].Para
	lastPara := ss[n-1].Para
	first := i == 0 || ss[i-1].Para != para
	last := i == n-1 || ss[i+1].Para != para
	var f [numPosition]float32
	set := func(k int, b bool) {
		if b {
			f[k] = 1
		}
	}
	set(0, first)
	set(1, last)
	set(2, para == 0)
	set(3, para == lastPara)
	if n > 1 {
		f[4] = float32(i) / float32(n-1)
	}
	set(5, n-1-i < 3)
	f[6] = float32(math.Min(1, math.Log1p(float64(n-1-i))/4))
	set(7, first && last)
	set(8, i < 3)
	frag := 0
	for j := max(0, i-2); j <= min(n-1, i+2); j++ {
		frag += int(e.cueOf(j)[cueFragment])
	}
	f[9] = float32(frag) / 5
	for k, x := range f {
		if x != 0 {
			v.Add(*off+uint32(k), x)
		}
	}
	*off += numPosition
}
