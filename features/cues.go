package features

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/stancekit/stancekit/features/token"
)

// Cue features: a small dense vector per sentence, one entry per named cue,
// each in [0, 1]. CueNames lists them in index order.
const (
	cueLen = iota
	cueShort
	cueFragment
	cueQuoteAny
	cueQuoteStart
	cueQuoteEnd
	cueQuoteOpens
	cueQuoteCloses
	cueQuoteFrac
	cueReporting
	cueQuoteThenVerb
	cueSpeaker
	cuePronounVerb
	cueAttribution
	cuePron1s
	cuePron1p
	cuePron2
	cuePron3
	cueNewsroomWe
	cueImperative
	cueModal
	cueHedge
	cueIntensifier
	cueEvaluative
	cueNumber
	cueYear
	cueMoney
	cuePercent
	cueDate
	cueQuestion
	cueExclaim
	cueColonEnd
	cueEllipsis
	cuePublisher
	cueAppealPhrase
	cueURL
	cueHandle
	cuePrice
	cueTitleCase
	cueDash
	cueNoVerbLike
	numCues
)

// CueNames names the cue features in index order.
var CueNames = [numCues]string{
	"len", "short", "fragment", "quote_any", "quote_start", "quote_end", "quote_opens",
	"quote_closes", "quote_frac", "reporting_verb", "quote_then_verb", "speaker",
	"pronoun_verb", "attribution", "pron_1s", "pron_1p", "pron_2", "pron_3",
	"newsroom_we", "imperative", "modal", "hedge", "intensifier", "evaluative",
	"number", "year", "money", "percent", "date", "question", "exclaim", "colon_end",
	"ellipsis", "publisher", "appeal_phrase", "url", "handle", "price", "title_case",
	"dash", "no_verb_like",
}

// NumCues is the length of a cue vector.
const NumCues = numCues

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "yesterday": true, "today": true, "tomorrow": true,
}

var moneyWords = map[string]bool{
	"million": true, "billion": true, "trillion": true, "crore": true, "lakh": true,
	"dollars": true, "pounds": true, "euros": true, "rupees": true, "m": true, "bn": true, "k": true,
}

// cues fills dst (length NumCues) with the cue features of one sentence:
// the shape of its text, then one scan over its tokens, then what the scan
// found.
func (lx *Lexicons) cues(text string, toks []Analysed, dst []float32) {
	for i := range dst {
		dst[i] = 0
	}
	shapeCues(text, len(toks), dst)
	sc := cueScan{lx: lx, toks: toks, dst: dst, firstQuote: -1, lastQuote: -1}
	for i := range toks {
		sc.token(i)
	}
	sc.finish()
}

// shapeCues sets the cues read off the text and its length: fragment
// (no final punctuation), question, exclamation, colon at the end,
// ellipsis, dash.
func shapeCues(text string, n int, dst []float32) {
	dst[cueLen] = float32(math.Min(1, math.Log1p(float64(n))/4))
	if n <= 4 {
		dst[cueShort] = 1
	}
	trimmed := strings.TrimRight(text, " \t\r\n")
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(trimmed, "\"'”’)]"))
	switch last {
	case '.', '!', '?', '…', ';':
	case ':':
		dst[cueColonEnd] = 1
	default:
		dst[cueFragment] = 1
	}
	if last == '?' {
		dst[cueQuestion] = 1
	}
	if last == '!' {
		dst[cueExclaim] = 1
	}
	if strings.HasSuffix(trimmed, "...") || strings.HasSuffix(trimmed, "…") {
		dst[cueEllipsis] = 1
	}
	// Not ContainsAny: with a non-ASCII set it looks up every rune of the
	// text in the set, where Contains scans for a byte with SIMD.
	if strings.Contains(text, "—") || strings.Contains(text, "–") || strings.Contains(text, " - ") {
		dst[cueDash] = 1
	}
}

// cueScan is the state of one pass over a sentence's tokens.
type cueScan struct {
	lx                    *Lexicons
	toks                  []Analysed
	dst                   []float32
	quotes, inside        int
	inQuote               bool
	firstQuote, lastQuote int
	capWords, words       int
	verbLike              bool
	attribution, appeal   bool
}

func (sc *cueScan) token(i int) {
	toks, dst, n := sc.toks, sc.dst, len(sc.toks)
	t := toks[i]
	info := sc.lx.lookup(&t)
	if info == nil {
		info = &noWord
	}
	sc.attribution = sc.attribution || matchAt(toks[i:], info.attrib)
	sc.appeal = sc.appeal || matchAt(toks[i:], info.appeal)
	switch t.Kind {
	case token.Quote:
		if t.Norm == "'" && i > 0 && toks[i-1].Kind == token.Word && strings.HasSuffix(toks[i-1].Norm, "s") && (i+1 == n || toks[i+1].Kind == token.Word) {
			return // a trailing possessive apostrophe: students' union
		}
		sc.quotes++
		sc.inQuote = !sc.inQuote
		if sc.firstQuote < 0 {
			sc.firstQuote = i
		}
		sc.lastQuote = i
	case token.URL, token.Email:
		dst[cueURL] = 1
	case token.Handle, token.Hashtag:
		dst[cueHandle] = 1
	case token.Number:
		dst[cueNumber] = 1
		// The raw form: the normalized one has its digits shaped to 0.
		if len(t.Raw) == 4 && (strings.HasPrefix(t.Raw, "19") || strings.HasPrefix(t.Raw, "20")) {
			dst[cueYear] = 1
		}
	case token.Symbol:
		if t.Norm == "$" || t.Norm == "£" || t.Norm == "€" || t.Norm == "₹" {
			dst[cueMoney] = 1
			if i+1 < n && toks[i+1].Kind == token.Number {
				dst[cuePrice] = 1
			}
		}
	case token.Punct:
		if t.Norm == "%" {
			dst[cuePercent] = 1
		}
	case token.Word:
		sc.word(i, info)
	}
}

// word sets the cues of word i: lexicon classes, reporting verbs with
// their speakers, pronoun persons.
func (sc *cueScan) word(i int, info *wordInfo) {
	lx, toks, dst, n := sc.lx, sc.toks, sc.dst, len(sc.toks)
	t := toks[i]
	sc.words++
	if t.Upper {
		sc.capWords++
	}
	w := t.Norm
	if sc.inQuote {
		sc.inside++
	}
	if info.flags&lexMoney != 0 && i > 0 && toks[i-1].Kind == token.Number {
		dst[cueMoney] = 1
	}
	if w == "percent" || w == "per" && i+1 < n && toks[i+1].Norm == "cent" {
		dst[cuePercent] = 1
	}
	if info.flags&lexMonth != 0 {
		dst[cueDate] = 1
	}
	if info.flags&lexReporting != 0 {
		sc.reporting(i)
	}
	switch info.person {
	case 1:
		dst[cuePron1s] = 1
	case 2:
		dst[cuePron1p] = 1
		if lx.nearPublisher(toks, i, 3) {
			dst[cueNewsroomWe] = 1
		}
	case 3:
		dst[cuePron2] = 1
	case 4:
		dst[cuePron3] = 1
	}
	if info.flags&lexModal != 0 {
		dst[cueModal] = 1
		sc.verbLike = true
	}
	if info.flags&lexHedge != 0 {
		dst[cueHedge] = 1
	}
	if info.flags&lexIntensifier != 0 {
		dst[cueIntensifier] = 1
	}
	if info.flags&lexEvaluative != 0 {
		dst[cueEvaluative] = min(1, dst[cueEvaluative]+0.5)
	}
	if info.flags&lexPublisher != 0 {
		dst[cuePublisher] = min(1, dst[cuePublisher]+0.34)
	}
	if isVerbLike(w) {
		sc.verbLike = true
	}
}

// reporting sets the cues of a reporting verb at i: "…," she said /
// "…," said the mayor / the mayor said.
func (sc *cueScan) reporting(i int) {
	lx, toks, dst, n := sc.lx, sc.toks, sc.dst, len(sc.toks)
	dst[cueReporting] = 1
	sc.verbLike = true
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if toks[k].Kind == token.Quote {
			dst[cueQuoteThenVerb] = 1
			break
		}
	}
	if i > 0 {
		p := toks[i-1]
		if p.Kind == token.Word && lx.Person[p.Norm] == 4 {
			dst[cuePronounVerb] = 1
		}
		if p.Kind == token.Word && p.Upper && i-1 > 0 {
			dst[cueSpeaker] = 1
		}
	}
	if i+1 < n && toks[i+1].Kind == token.Word && toks[i+1].Upper {
		dst[cueSpeaker] = 1
	}
}

// finish sets the cues that need the whole sentence: quotation shape,
// imperative opening, phrases, title case, no verb.
func (sc *cueScan) finish() {
	toks, dst, n := sc.toks, sc.dst, len(sc.toks)
	if sc.quotes > 0 {
		dst[cueQuoteAny] = 1
		dst[cueQuoteFrac] = float32(sc.inside) / float32(max(1, sc.words))
		if sc.firstQuote == 0 {
			dst[cueQuoteStart] = 1
		}
		if sc.lastQuote >= n-3 {
			dst[cueQuoteEnd] = 1
		}
		if sc.quotes%2 == 1 {
			if sc.firstQuote == 0 {
				dst[cueQuoteOpens] = 1 // opens and runs on into the next sentence
			} else {
				dst[cueQuoteCloses] = 1 // closes a quote opened earlier
			}
		}
	}
	if n > 0 && toks[0].Kind == token.Word && sc.lx.Imperatives[toks[0].Norm] {
		dst[cueImperative] = 1
	}
	if sc.attribution {
		dst[cueAttribution] = 1
	}
	if sc.appeal {
		dst[cueAppealPhrase] = 1
	}
	if sc.words > 0 && sc.capWords*2 > sc.words && sc.words <= 8 {
		dst[cueTitleCase] = 1
	}
	if !sc.verbLike {
		dst[cueNoVerbLike] = 1
	}
}

// isVerbLike is a cheap guess at a finite verb: common auxiliaries and
// past-tense forms. It only feeds the no_verb_like cue that marks fragments
// such as plan names and button labels.
func isVerbLike(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would", "can":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}

func (lx *Lexicons) nearPublisher(toks []Analysed, i, span int) bool {
	for k := max(0, i-span); k < min(len(toks), i+span+1); k++ {
		if k != i && toks[k].Kind == token.Word && lx.Publisher[toks[k].Norm] {
			return true
		}
	}
	return false
}

var noWord wordInfo

// matchAt reports whether toks starts with one of the phrases.
func matchAt(toks []Analysed, ps [][]string) bool {
next:
	for _, p := range ps {
		if len(p) > len(toks) {
			continue
		}
		for k := 1; k < len(p); k++ {
			if toks[k].Norm != p[k] {
				continue next
			}
		}
		return true
	}
	return false
}

// matchAny reports whether any phrase occurs as a run of tokens.
func matchAny(toks []Analysed, ph phrases) bool {
	for i, t := range toks {
	next:
		for _, p := range ph[t.Norm] {
			if i+len(p) > len(toks) {
				continue
			}
			for k := 1; k < len(p); k++ {
				if toks[i+k].Norm != p[k] {
					continue next
				}
			}
			return true
		}
	}
	return false
}

// cueFamily is the sentence's own cue vector (computed once per article in
// the Analysis).
type cueFamily struct{}

func (cueFamily) Name() string             { return "cues" }
func (cueFamily) Dim() int                 { return NumCues }
func (cueFamily) FeatureName(j int) string { return "cue:" + CueNames[j] }
func (cueFamily) Append(x *Analysis, i int, off uint32, v *Vector) {
	appendDense(v, off, x.Cues(i))
}
