package attribution

import (
	"slices"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"strings"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/features/token"
)

// Attribution is the source of one quote sentence. Offsets are byte offsets
// into the article's raw text, so Speaker == text[SpeakerStart:SpeakerEnd];
// an absent part is "" with offsets -1.
type Attribution struct {
	Speaker                  string
	SpeakerStart, SpeakerEnd int
	Mention                  string
	MentionStart, MentionEnd int
	Cue                      string
	CueStart, CueEnd         int
}

// None is the attribution with every part absent.
func None() Attribution {
	return Attribution{SpeakerStart: -1, SpeakerEnd: -1, MentionStart: -1, MentionEnd: -1, CueStart: -1, CueEnd: -1}
}

// tok is one token of the article, with article offsets.
type tok struct {
	start, end int
	norm       string // lower case (see low)
	flags      uint32 // word classes of norm, once fKnown is set (see has)
	kind       token.Kind
	upper      bool // first rune upper case
	inQuote    bool // inside quotation marks
}

// Attributor holds the buffers of one goroutine. Not safe for concurrent
// use; the zero value is not ready: use New.
type Attributor struct {
	lex     map[string]uint32
	text    string
	lower   []byte // the article's text with ASCII letters lower-cased
	toks    []tok
	tb      []token.Token // one sentence's tokens
	bounds  []int         // toks[bounds[i]:bounds[i+1]] are sentence i's
	openEnd []bool        // a quotation is still open at the end of sentence i
	names   []name
	sents   []sentInfo
	// nameWords counts the words of the article's names (see weakName);
	// wordsCounted says whether it is this article's.
	nameWords    map[string]int32
	wordsCounted bool
}

// New returns an Attributor.
func New() *Attributor { return &Attributor{lex: wordClasses()} }

// Sentence returns the attribution of sentence i of a, an article already
// segmented; quote reports which sentences are labelled quote (the
// neighbours matter: a continuation takes its speaker from them).
func (at *Attributor) Sentence(a *corpus.Article, quote func(int) bool, i int) Attribution {
	return at.Article(a, quote, nil)[i]
}

// Article returns one Attribution per sentence of a, appended to dst[:0]:
// None for the sentences that are not quotes. It tokenizes the article; a
// caller that has its features.Analysis passes it to Analysed instead.
func (at *Attributor) Article(a *corpus.Article, quote func(int) bool, dst []Attribution) []Attribution {
	return at.attributeArticle(a, nil, quote, dst)
}

// Analysed is Article on the tokens of an article's features.Analysis (the
// models' Workspace has one after Predict), so as not to tokenize twice.
func (at *Attributor) Analysed(x *features.Analysis, quote func(int) bool, dst []Attribution) []Attribution {
	return at.attributeArticle(x.Article(), x, quote, dst)
}

func (at *Attributor) attributeArticle(a *corpus.Article, x *features.Analysis, quote func(int) bool, dst []Attribution) []Attribution {
	n := len(a.Sentences)
	dst = slices.Grow(dst[:0], n)
	last := -1
	for i := 0; i < n; i++ {
		dst = append(dst, None())
		if quote(i) {
			last = i
		}
	}
	if last < 0 {
		return dst
	}
	// Nothing after the sentence that follows the last quote matters.
	n = min(n, last+2)
	if x != nil && (x.Article() != a || x.Len() != len(a.Sentences)) {
		x = nil
	}
	at.analyse(a, x, n)
	at.sents = slices.Grow(at.sents[:0], n)
	for i := range n {
		var si sentInfo
		si.quote = quote(i)
		if si.quote {
			at.attribute(i, &si)
		}
		at.sents = append(at.sents, si)
	}
	at.interview()
	at.resolve()
	for i := range at.sents {
		si := &at.sents[i]
		if !si.quote {
			continue
		}
		d := &dst[i]
		if si.mention.ok() {
			d.MentionStart, d.MentionEnd = at.toks[si.mention.lo].start, at.toks[si.mention.hi-1].end
			d.Mention = a.Text[d.MentionStart:d.MentionEnd]
		}
		if si.cue.ok() {
			d.CueStart, d.CueEnd = at.toks[si.cue.lo].start, at.toks[si.cue.hi-1].end
			d.Cue = a.Text[d.CueStart:d.CueEnd]
		}
		if sp := si.speaker; sp.ok() {
			d.SpeakerStart, d.SpeakerEnd = at.toks[sp.lo].start, at.toks[sp.hi-1].end
			d.Speaker = a.Text[d.SpeakerStart:d.SpeakerEnd]
		}
	}
	return dst
}

// span is a half-open range of token indices; lo == hi is empty.
type span struct{ lo, hi int }

func (s span) ok() bool { return s.hi > s.lo }

// analyse tokenizes the first n sentences of the article (or takes the
// tokens of x) and sets each token's quotation state.
func (at *Attributor) analyse(a *corpus.Article, x *features.Analysis, n int) {
	at.text = a.Text
	if x == nil {
		at.lower = append(at.lower[:0], a.Text...)
		for i, c := range at.lower {
			if 'A' <= c && c <= 'Z' {
				at.lower[i] = c + 'a' - 'A'
			}
		}
	}
	// Sized once: a long article's tokens are not copied through ever
	// larger slices (issue 13's memory bound covers attribution too).
	want := len(a.Text)/5 + n
	if x != nil {
		want = n
		for i := range n {
			want += len(x.Tokens(i))
		}
	}
	if cap(at.toks) < want {
		at.toks = make([]tok, 0, want)
	}
	at.toks = at.toks[:0]
	if cap(at.bounds) < n+1 {
		at.bounds = make([]int, 0, n+1)
		at.openEnd = make([]bool, 0, n)
	}
	at.bounds = append(at.bounds[:0], 0)
	at.openEnd = at.openEnd[:0]
	tb := at.tb[:0]
	defer func() { at.tb = tb[:0] }()
	open := neither // the kind of the open quotation's marks (double or single), if any
	for i, s := range a.Sentences[:n] {
		if i > 0 && s.Para != a.Sentences[i-1].Para {
			open = neither
		}
		if x != nil {
			tb = tokensOf(tb[:0], s.Text, x.Tokens(i))
		} else {
			tb = token.AppendTokens(tb[:0], s.Text)
		}
		first := len(at.toks)
		for ti, t := range tb {
			r, _ := utf8.DecodeRuneInString(s.Text[t.Start:])
			tk := tok{start: s.Start + t.Start, end: s.Start + t.End, kind: t.Kind, upper: unicode.IsUpper(r)}
			if x != nil {
				tk.norm = x.Tokens(i)[ti].Norm
			} else {
				b := at.lower[tk.start:tk.end]
				tk.norm = unsafe.String(unsafe.SliceData(b), len(b))
			}
			if t.Kind == token.Quote {
				tk.inQuote = true
				kind, rl := quoteRole(s.Text, t.Start, t.End)
				switch {
				case rl == opens && open == neither:
					open = kind
				case rl == opens && open == kind && isStraight(r):
					open = neither // a straight mark taken for an opener closes
				case (rl == closes || rl == apostrophe) && open == kind:
					open = neither
				case rl == closes && open == neither && kind == double:
					// A quotation opened before this sentence (or the state
					// was lost): what came before was quoted.
					for j := first; j < len(at.toks); j++ {
						at.toks[j].inQuote = true
					}
				default:
					tk.inQuote = open != neither // nested, or an apostrophe
				}
			} else {
				tk.inQuote = open != neither
			}
			at.toks = append(at.toks, tk)
		}
		at.bounds = append(at.bounds, len(at.toks))
		at.openEnd = append(at.openEnd, open != neither)
	}
	at.collectNames(n)
}

// tokensOf recovers the offsets of an Analysis's tokens in the sentence
// text. The Analysis slices each token's Raw from the sentence's Text, so
// the offset is the distance between the two; a token that is not such a
// slice is looked for after the previous one (tokens are in order, only
// white space between them).
func tokensOf(dst []token.Token, text string, toks []features.Analysed) []token.Token {
	base := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	pos := 0
	for _, t := range toks {
		start := int(uintptr(unsafe.Pointer(unsafe.StringData(t.Raw))) - base)
		if start < pos || start+len(t.Raw) > len(text) || text[start:start+len(t.Raw)] != t.Raw {
			i := strings.Index(text[pos:], t.Raw)
			if i < 0 {
				break // not this sentence's tokens: stop short rather than guess
			}
			start = pos + i
		}
		pos = start + len(t.Raw)
		dst = append(dst, token.Token{Start: start, End: pos, Kind: t.Kind})
	}
	return dst
}

type role uint8

const (
	neither role = iota
	opens
	closes
	double // the kind of a mark
	single
	apostrophe // a single mark after a letter: closes an open single quotation, else an apostrophe
)

func isStraight(r rune) bool { return r == '"' || r == '\'' }

// quoteRole tells the kind of the quotation mark text[start:end] (double
// or single) and whether it opens or closes a quotation: curly marks say
// so, a straight mark opens after space or at the start and closes
// elsewhere. A single mark right after a letter closes an open single
// quotation ('digital arrest') and is otherwise an apostrophe ("readers'").
func quoteRole(text string, start, end int) (kind, r role) {
	c, _ := utf8.DecodeRuneInString(text[start:end])
	prev := ' '
	if start > 0 {
		prev, _ = utf8.DecodeLastRuneInString(text[:start])
	}
	afterSpace := token.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–'
	switch c {
	case '“', '„', '«', '「', '『':
		return double, opens
	case '”', '»', '」', '』':
		return double, closes
	case '‘', '‚', '‹':
		return single, opens
	case '’', '›', '\'':
		if afterSpace && c != '›' {
			return single, opens
		}
		if unicode.IsLetter(prev) || unicode.IsDigit(prev) {
			return single, apostrophe
		}
		return single, closes
	case '"':
		if afterSpace {
			return double, opens
		}
		return double, closes
	}
	return neither, neither
}

// low is the lower-cased form of token i; valid until the next article.
func (at *Attributor) low(i int) string { return at.toks[i].norm }

// has reports whether token i is in one of the word classes of flags. The
// classes are looked up on first use: most tokens of an article are never
// asked about, and the lookup was most of the cost.
func (at *Attributor) has(i int, flags uint32) bool {
	t := &at.toks[i]
	if t.flags&fKnown == 0 {
		t.flags = at.lex[t.norm] | fKnown
	}
	return t.flags&flags != 0
}

// sentOf returns the sentence of token i.
func (at *Attributor) sentOf(i int) int {
	lo, hi := 0, len(at.bounds)-1
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if at.bounds[mid] <= i {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}
