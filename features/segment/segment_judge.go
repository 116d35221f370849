package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/features/token"
)

// The decision at a terminal mark: does this full stop, question mark,
// ellipsis or broken-off dash end the sentence? It looks at the marks and
// closing quotes that follow, at the word before (an abbreviation of some
// class, an initial, a number, a list number) and at what comes next (a
// lower-case word, a capital, a sentence opener, a number, a speech tag).

// judge decides whether the terminal mark of the given kind at text[i]
// (size bytes) ends the sentence that started at start. It returns the end
// of the mark with the punctuation and closing quotes that go with it: the
// end of the sentence when ok, otherwise where scanning resumes (> i).
func (sc *segScanner) judge(start, i, size int, kind termKind) (int, bool) {
	text := sc.text
	n := len(text)
	j := i + size
	if kind == termPeriod {
		switch {
		case j < n && text[j] == '.': // "..."
			for j < n && text[j] == '.' {
				j++
			}
			kind = termEllipsis
		case j+1 < n && text[j] == ' ' && text[j+1] == '.' && (j+2 >= n || !isASCIIAlnum(text[j+2])): // ". . ."
			for j+1 < n && text[j] == ' ' && text[j+1] == '.' && (j+2 >= n || !isASCIIAlnum(text[j+2])) {
				j += 2
			}
			kind = termEllipsis
		}
	}
	// More marks ("?!", "!!", "?..."), then closing quotes and brackets,
	// which may hold further marks ("(Really?)." or '?")').
	quoted := false
	for j < n {
		r, sz := utf8.DecodeRuneInString(text[j:])
		if t := terminal(r); t != termNone {
			if t == termQuestion || t == termCJK || kind == termPeriod || kind == termDash {
				kind = t
			}
			j += sz
			continue
		}
		if r == '[' {
			if m := footnoteLen(text, j); m > 0 {
				j += m // "revised.[1] It is"
				continue
			}
		}
		if isCloser(r) {
			if (r == '"' || r == '\'') && !sc.closesAt(j+sz) {
				break // an opening quote or an apostrophe
			}
			quoted = true
			j += sz
			continue
		}
		break
	}
	if kind == termDash && !quoted {
		return j, false
	}
	if j >= n {
		return j, true
	}
	if r, _ := utf8.DecodeRuneInString(text[j:]); !token.IsSpace(r) {
		// "3.5", "U.S.-led", "example.com": no space, no sentence end;
		// except after an ideographic full stop, which takes no space
		// (but "「行きます。」と" goes on), and where scraped text lost the
		// space: "The vote passed.The mayor left."
		if kind == termCJK {
			return j, !quoted
		}
		return j, sc.missingSpace(start, i, j, kind)
	}
	k, lines := sc.skipSpaceLines(j)
	if lines >= 2 || k >= n {
		return j, true
	}
	nl := lines > 0
	// Emoji after the final mark belong to the sentence: "We won! 🎉"; on
	// a line of their own they are a line of their own (a star rating).
	if r, _ := utf8.DecodeRuneInString(text[k:]); isEmojiLike(r) && !nl {
		m, last := k, k
		for m < n {
			r, sz := utf8.DecodeRuneInString(text[m:])
			if isEmojiLike(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
				m += sz
				last = m
				continue
			}
			if !isHSpace(r) {
				break
			}
			m += sz
		}
		if r, _ := utf8.DecodeRuneInString(text[m:]); m >= n || isLineTerm(r) || r == paraSepRune {
			// The line or paragraph ends with them: their end decides.
			return j, false
		}
		j, k = last, m
	}
	nx := sc.nextInfo(k)
	switch kind {
	case termCJK:
		return j, nx.kind != nextLower
	case termQuestion, termEllipsis, termDash:
		switch {
		case nx.kind == nextLower:
			return j, false
		case kind == termEllipsis && nx.kind != nextUpper && nx.kind != nextOpenUpper:
			return j, false // "... 5 people" goes on
		case quoted && nx.kind == nextUpper && sc.speechTag(k):
			return j, false // "'Why now?' Ms Gould asked."
		}
		return j, true
	}
	// A full stop.
	if nx.kind == nextLower {
		return j, false
	}
	if quoted {
		return j, true // '."' or '.)' before a capital
	}
	return j, sc.periodEnds(start, i, nx, nl)
}

// missingSpace reports a sentence end with no space after it: the mark at
// text[i] (ending at j) comes after a lower-case word of two letters or
// more, not part of a domain, a path or an abbreviation, and before a
// capitalized word ("The", not "NET").
func (sc *segScanner) missingSpace(start, i, j int, kind termKind) bool {
	text := sc.text
	r, size := utf8.DecodeRuneInString(text[j:])
	if !unicode.IsUpper(r) || j+size >= len(text) {
		return false
	}
	if r2, _ := utf8.DecodeRuneInString(text[j+size:]); !unicode.IsLower(r2) {
		return false
	}
	if kind != termPeriod && kind != termQuestion {
		return false
	}
	w := i
	for w > start && i-w < maxWordBack {
		r, size := utf8.DecodeLastRuneInString(text[start:w])
		if !unicode.IsLower(r) {
			if !token.IsSpace(r) {
				return false // "U.S.Army", "example.com.Au", "5.The"
			}
			break
		}
		w -= size
	}
	if i-w < 2 {
		return false
	}
	if kind == termQuestion {
		return true
	}
	var buf [token.MaxLexWord]byte
	key, ok := token.LowerKey(&buf, text[w:i])
	return !ok || sc.seg.abbrev[string(key)] == NotAbbrev
}

// footnoteLen returns the length of a footnote mark such as "[1]" or
// "[a]" at text[j], or 0.
func footnoteLen(text string, j int) int {
	k := j + 1
	for k < len(text) && k-j <= 3 && isASCIIAlnum(text[k]) {
		k++
	}
	if k == j+1 || k >= len(text) || text[k] != ']' {
		return 0
	}
	return k + 1 - j
}

// closesAt reports whether a straight quote ending at p closes: it is
// followed by space, the end, or more closing punctuation.
func (sc *segScanner) closesAt(p int) bool {
	if p >= len(sc.text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(sc.text[p:])
	return token.IsSpace(r) || isCloser(r) || terminal(r) != termNone || r == ',' || r == ';' || r == ':'
}

type nextKind uint8

const (
	nextOther     nextKind = iota // a symbol, a dash, a bullet
	nextLower                     // a lower-case word
	nextUpper                     // a capitalized word, or a letter of a script without case
	nextDigit                     // a number, or a currency sign before one
	nextOpenUpper                 // an opening quote or bracket before a capital or a number
)

// nextInfo describes what follows a candidate sentence end.
type nextInfo struct {
	kind     nextKind
	opener   bool // a word that commonly opens a sentence ("The", "It")
	timeWord bool // a word that may follow "p.m." ("Tuesday", "GMT")
	roman    bool // a Roman numeral ("Art. IV")
	suffix   bool // a company suffix with its full stop ("Co. Ltd.")
	dash     bool // a dash: "11:15 p.m. — A spokesperson said ..."
}

func (sc *segScanner) nextInfo(k int) nextInfo {
	text := sc.text
	r, size := utf8.DecodeRuneInString(text[k:])
	switch {
	case isOpener(r):
		m := k + size
		for m < len(text) {
			r2, sz := utf8.DecodeRuneInString(text[m:])
			if !isOpener(r2) {
				break
			}
			m += sz
		}
		r2, _ := utf8.DecodeRuneInString(text[m:])
		switch {
		case unicode.IsLower(r2):
			return nextInfo{kind: nextLower}
		case unicode.IsLetter(r2) || unicode.IsDigit(r2):
			return nextInfo{kind: nextOpenUpper}
		}
		return nextInfo{kind: nextOther}
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		e := k
		for e < len(text) && e-k <= token.MaxLexWord {
			r2, sz := utf8.DecodeRuneInString(text[e:])
			if !isLetterMark(r2) {
				break
			}
			e += sz
		}
		w := text[k:e]
		dotted := e < len(text) && text[e] == '.'
		lx := sc.seg.lex
		nx := nextInfo{kind: nextUpper}
		// "A." and "J." are initials, not openers; "Mr." opens.
		nx.opener = lx.has(lx.opener, w) && (!dotted || sc.seg.Abbreviation(w) == AbbrevTitle)
		nx.timeWord = lx.has(lx.timeWord, w)
		nx.roman = isRoman(w)
		nx.suffix = dotted && sc.seg.Abbreviation(w) == AbbrevStrong
		return nx
	case unicode.IsLower(r) && isLinkStart(text[k:]):
		// A link after a full stop starts a line of its own on scraped
		// pages: "… walked home.\npic.twitter.com/…".
		return nextInfo{kind: nextUpper}
	case unicode.IsLower(r):
		// "iPhone", "eBay": a capital later in the word makes it a name.
		for e := k + size; e < len(text) && e-k <= token.MaxLexWord; {
			r2, sz := utf8.DecodeRuneInString(text[e:])
			if unicode.IsUpper(r2) {
				return nextInfo{kind: nextUpper}
			}
			if !isLetterMark(r2) {
				break
			}
			e += sz
		}
		return nextInfo{kind: nextLower}
	case unicode.IsDigit(r):
		return nextInfo{kind: nextDigit}
	case unicode.Is(unicode.Sc, r):
		if r2, _ := utf8.DecodeRuneInString(text[k+size:]); unicode.IsDigit(r2) {
			return nextInfo{kind: nextDigit}
		}
	case unicode.IsLetter(r):
		return nextInfo{kind: nextUpper}
	case r == '—' || r == '–' || r == '-':
		return nextInfo{kind: nextOther, dash: true}
	}
	return nextInfo{kind: nextOther}
}

// isLinkStart reports text that opens with a web address.
func isLinkStart(s string) bool {
	for _, p := range []string{"http://", "https://", "www.", "pic.twitter.com/", "t.co/"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func isRoman(w string) bool {
	if w == "" || len(w) > 7 {
		return false
	}
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'I', 'V', 'X', 'L', 'C', 'D', 'M':
		default:
			return false
		}
	}
	return true
}
