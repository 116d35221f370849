package features

import (
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features/token"
)

// Analysed is one token of a sentence as the families see it.
type Analysed struct {
	Norm  string // normalized form (lower case, straight quotes; digits of numbers shaped to 0)
	Raw   string // the token as written
	Kind  token.Kind
	Upper bool   // first rune upper case in the original
	Hash  uint64 // FNV-1a of Norm, computed once for every family that needs it
}

// Analysis is an article prepared once for every family: each sentence's
// tokens, its cue vector (when cues are on) and its paragraph's range. The
// Extractor that made it reuses its storage for the next article.
type Analysis struct {
	article *corpus.Article
	toks    []Analysed
	bounds  []int // toks[bounds[i]:bounds[i+1]] belong to sentence i
	cues    []float32
	paraLo  []int // first sentence of sentence i's paragraph
	paraHi  []int // last sentence of sentence i's paragraph

	// blockMeans' cache: the cue sum of paragraph meanLo..meanHi.
	meanLo, meanHi int
	paraMean       [NumCues]float32

	qaShare float32 // see questionShare

	paraSums int // paragraph cue sums computed (a test checks one per paragraph)
}

// Article is the analysed article.
func (x *Analysis) Article() *corpus.Article { return x.article }

// Len is the number of sentences.
func (x *Analysis) Len() int { return len(x.bounds) - 1 }

// Tokens returns the tokens of sentence i.
func (x *Analysis) Tokens(i int) []Analysed { return x.toks[x.bounds[i]:x.bounds[i+1]] }

// Cues returns the cue vector of sentence i (nil when cues are off).
func (x *Analysis) Cues(i int) []float32 {
	if len(x.cues) == 0 {
		return nil
	}
	return x.cues[i*NumCues : (i+1)*NumCues]
}

// Para returns the first and last sentence of sentence i's paragraph.
func (x *Analysis) Para(i int) (lo, hi int) { return x.paraLo[i], x.paraHi[i] }

// analyse tokenizes and normalizes every sentence of a, finds paragraph
// ranges (one pass, so that a long paragraph costs linear time), and with
// lex computes the cue vectors.
func (x *Analysis) analyse(a *corpus.Article, lex *Lexicons) {
	x.article = a
	x.toks = x.toks[:0]
	x.bounds = append(x.bounds[:0], 0)
	// Arenas for the normalized token strings, which point into them and
	// stay valid for the whole article (appends within capacity never move
	// one; a fresh one is made when it is full). One arena of twice the text
	// for an ordinary article; chunks of arenaChunk for a long one, so that
	// it costs about its normalized size, not twice its text.
	chunk := min(2*len(a.Text)+16, arenaChunk)
	arena := make([]byte, 0, chunk)
	if want := len(a.Text)/5 + len(a.Sentences); len(a.Text) > arenaChunk && cap(x.toks) < want {
		// News text has about one token per 5 bytes. Sized once, a long
		// article's tokens are not copied through ever larger slices.
		x.toks = make([]Analysed, 0, want)
	}
	for _, s := range a.Sentences {
		for t := range token.Tokens(s.Text) {
			raw := s.Text[t.Start:t.End]
			if len(arena)+4*len(raw) > cap(arena) {
				arena = make([]byte, 0, max(4*len(raw), chunk))
			}
			start := len(arena)
			if t.Kind == token.Number {
				arena = appendNumberShape(arena, raw)
			} else {
				arena = token.AppendNorm(arena, raw)
			}
			b := arena[start:]
			r, _ := utf8.DecodeRuneInString(raw)
			norm := unsafe.String(unsafe.SliceData(b), len(b))
			x.toks = append(x.toks, Analysed{Norm: norm, Raw: raw, Kind: t.Kind, Upper: unicode.IsUpper(r), Hash: hashString(fnvOffset, norm)})
		}
		x.bounds = append(x.bounds, len(x.toks))
	}
	n := len(a.Sentences)
	x.paraLo = growInts(x.paraLo, n)
	x.paraHi = growInts(x.paraHi, n)
	for i := 0; i < n; {
		j := i
		for j+1 < n && a.Sentences[j+1].Para == a.Sentences[i].Para {
			j++
		}
		for k := i; k <= j; k++ {
			x.paraLo[k], x.paraHi[k] = i, j
		}
		i = j + 1
	}
	x.meanLo, x.meanHi = -1, -1
	x.cues = x.cues[:0]
	if lex != nil {
		if cap(x.cues) < n*NumCues {
			x.cues = make([]float32, n*NumCues)
		}
		x.cues = x.cues[:n*NumCues]
		for i, s := range a.Sentences {
			lex.cues(s.Text, x.Tokens(i), x.cues[i*NumCues:(i+1)*NumCues])
		}
		x.qaShare = questionShare(x)
	}
}

// arenaChunk is the largest token arena allocated at once.
const arenaChunk = 1 << 20

// keepTokens is the most tokens an Analysis keeps for reuse between
// articles (about 100 kB of text); a longer article's are released.
const keepTokens = 1 << 14

// release drops the storage of a long article once its vectors are built,
// so that the collector has it before the model's later stages allocate.
func (x *Analysis) release() {
	if len(x.toks) > keepTokens {
		x.toks, x.bounds, x.cues, x.paraLo, x.paraHi = nil, nil, nil, nil, nil
		x.article = nil
	}
}

func growInts(b []int, n int) []int {
	if cap(b) < n {
		return make([]int, n)
	}
	return b[:n]
}

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
