package features

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features/vectors"
)

// Pipeline turns the sentences of an article into vectors in one index
// space: the families its Config enables, dense ones first (own cues,
// neighbours' cues, paragraph and window means, position, word vectors),
// then the n-gram block. A Pipeline is fitted once (Fit learns the
// vocabulary and idf) and then read-only: share it between goroutines, each
// with its own Extractor.
type Pipeline struct {
	cfg      Config
	lex      *Lexicons
	state    State
	families []Family
	offsets  []uint32 // offsets[f] is family f's first index; offsets[len] the dimension
	ngrams   *ngramBlock
	vecs     *wordVectors
	source   *vectors.Table // the full vector table, until fitted
}

// State is what a fitted Pipeline needs to be rebuilt: saved in model files.
type State struct {
	Config  Config
	Lexicon string
	Keys    []uint64  // vocabulary n-gram keys, sorted (empty in bucket mode)
	Names   []string  // the n-gram each key stands for, for explanations
	IDF     []float32 // per vocabulary entry or bucket (TFIDF only)

	Vectors       *vectors.Table // the word vectors the model keeps (pruned)
	VectorWeights []float32      // SIF weight per row of Vectors
}

// NewPipeline returns an unfitted pipeline. With vectors on it loads the
// table the configuration names (LoadVectors).
func NewPipeline(cfg Config) (*Pipeline, error) {
	var src *vectors.Table
	if cfg.Vectors != "" {
		t, err := LoadVectors(cfg.Vectors)
		if err != nil {
			return nil, err
		}
		src = t
	}
	return NewPipelineWithVectors(cfg, src)
}

// NewPipelineWithVectors is NewPipeline with the vector table already
// loaded (cross-validation loads it once for every fold). src is only read.
func NewPipelineWithVectors(cfg Config, src *vectors.Table) (*Pipeline, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Vectors != "" && src == nil {
		return nil, fmt.Errorf("features: vectors %q: no table given", cfg.Vectors)
	}
	lex, err := LoadLexicons()
	if err != nil {
		return nil, err
	}
	p := &Pipeline{cfg: cfg, lex: lex, state: State{Config: cfg, Lexicon: LexiconVersion}, source: src}
	p.build()
	return p, nil
}

// FromState rebuilds a fitted pipeline.
func FromState(s State) (*Pipeline, error) {
	if s.Lexicon != LexiconVersion {
		return nil, fmt.Errorf("features: model uses lexicons %q, this build has %q: retrain the model", s.Lexicon, LexiconVersion)
	}
	if err := s.Config.Validate(); err != nil {
		return nil, err
	}
	if (s.Config.Vectors != "") != (s.Vectors != nil) {
		return nil, fmt.Errorf("features: vectors configured %q but the state has %v", s.Config.Vectors, s.Vectors != nil)
	}
	if s.Vectors != nil {
		if err := s.Vectors.Validate(); err != nil {
			return nil, err
		}
		if len(s.VectorWeights) != s.Vectors.Len() {
			return nil, fmt.Errorf("features: %d vector weights for %d vectors", len(s.VectorWeights), s.Vectors.Len())
		}
	}
	p, err := NewPipelineWithVectors(s.Config, s.Vectors)
	if err != nil {
		return nil, err
	}
	want := len(s.Keys)
	if s.Config.Buckets > 0 {
		want = s.Config.Buckets
	}
	if len(s.Names) != len(s.Keys) || (s.Config.Weighting == TFIDF && len(s.IDF) != want) {
		return nil, fmt.Errorf("features: inconsistent pipeline state (%d keys, %d names, %d idf)", len(s.Keys), len(s.Names), len(s.IDF))
	}
	p.state = s
	p.build()
	return p, nil
}

// build makes the families of the configuration over the current state.
func (p *Pipeline) build() {
	cfg := p.cfg
	p.families = p.families[:0]
	if cfg.Cues {
		p.families = append(p.families, cueFamily{})
		if cfg.Context > 0 {
			p.families = append(p.families, neighbourCues{cfg.Context})
		}
		if cfg.Position {
			p.families = append(p.families, blockMeans{}, position{})
		}
		if cfg.Dialogue {
			p.families = append(p.families, dialogue{})
		}
	}
	p.vecs = nil
	if cfg.Vectors != "" {
		p.vecs = &wordVectors{cfg: cfg, table: p.state.Vectors, weight: p.state.VectorWeights, source: p.source}
		if t := p.vecs.table; t != nil {
			p.vecs.index = wordIndex(t)
		} else {
			p.vecs.index = wordIndex(p.source)
		}
		p.families = append(p.families, p.vecs)
	}
	p.ngrams = newNgramBlock(cfg, &p.state)
	p.families = append(p.families, p.ngrams)
	p.layout()
}

func (p *Pipeline) layout() {
	p.offsets = p.offsets[:0]
	off := uint32(0)
	for _, f := range p.families {
		p.offsets = append(p.offsets, off)
		off += uint32(f.Dim())
	}
	p.offsets = append(p.offsets, off)
}

// State returns the fitted state for saving.
func (p *Pipeline) State() State { return p.state }

// Config returns the pipeline's configuration.
func (p *Pipeline) Config() Config { return p.cfg }

// Families returns the families in index order, with their offsets.
func (p *Pipeline) Families() ([]Family, []uint32) { return p.families, p.offsets[:len(p.families)] }

// Dim is the dimension of the vectors the pipeline produces.
func (p *Pipeline) Dim() int { return int(p.offsets[len(p.families)]) }

// FeatureName names feature i, for explanations.
func (p *Pipeline) FeatureName(i int) string {
	f := sort.Search(len(p.families), func(f int) bool { return p.offsets[f+1] > uint32(i) })
	if i < 0 || f == len(p.families) {
		return "?" + strconv.Itoa(i)
	}
	return p.families[f].FeatureName(i - int(p.offsets[f]))
}

// Fit learns the vocabulary (vocabulary mode) and idf weights from training
// articles, which must be segmented. Fitting twice starts afresh.
func (p *Pipeline) Fit(articles []*corpus.Article) {
	var fs []fitted
	for _, f := range p.families {
		if ft, ok := f.(fitted); ok {
			fs = append(fs, ft)
		}
	}
	var x Analysis
	nSent := 0
	for _, a := range articles {
		x.analyse(a, p.cueLex())
		for i := range a.Sentences {
			nSent++
			for _, f := range fs {
				f.observe(&x, i)
			}
		}
	}
	s := State{Config: p.cfg, Lexicon: LexiconVersion}
	for _, f := range fs {
		f.finish(nSent, &s)
	}
	p.state = s
	p.source = nil
	p.build()
}

func (p *Pipeline) cueLex() *Lexicons {
	if p.cfg.Cues {
		return p.lex
	}
	return nil
}

// Extractor computes vectors with reusable buffers. It is not safe for
// concurrent use: give each goroutine its own.
type Extractor struct {
	p       *Pipeline
	x       Analysis
	ng      ngramScratch
	vs      poolScratch
	scratch Vector // one sentence's vector while it is built
}

// NewExtractor returns an extractor over the pipeline.
func (p *Pipeline) NewExtractor() *Extractor { return &Extractor{p: p} }

// Article fills out with one vector per sentence of a (which must be
// segmented) and returns it, reusing out's storage.
func (e *Extractor) Article(a *corpus.Article, out []Vector) []Vector {
	e.x.analyse(a, e.p.cueLex())
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
	return out
}

// Analysis returns the analysis of the article last passed to Article
// (nil Article() after Release dropped a long one).
func (e *Extractor) Analysis() *Analysis { return &e.x }

// Release drops a long article's tokens, strings and cue vectors, so that
// the collector has them; short articles' buffers are kept for reuse.
func (e *Extractor) Release() { e.x.release() }

// sentence builds the vector of sentence i: each family in turn at its
// offset, so the entries come out sorted.
func (e *Extractor) sentence(i int, v *Vector) {
	v.Reset()
	p := e.p
	for f, fam := range p.families {
		switch fam {
		case Family(p.ngrams):
			p.ngrams.appendWith(&e.ng, &e.x, i, p.offsets[f], v)
			continue
		case Family(p.vecs):
			p.vecs.appendWith(&e.vs, &e.x, i, p.offsets[f], v)
			continue
		}
		fam.Append(&e.x, i, p.offsets[f], v)
	}
}
