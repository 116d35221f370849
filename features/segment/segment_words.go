package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/features/token"
)

// The word before a full stop: a plain word or number, a list number, an
// abbreviation of some class, a dotted acronym or an initial; and how each
// ends (or does not end) a sentence before what follows.

// wordClass is what a full stop follows.
type wordClass uint8

const (
	wordPlain      wordClass = iota // any other word, a number
	wordEnumerator                  // "1." or "a." or "IV." opening a list item
	wordAbbrev                      // see AbbrevClass
)

// periodEnds judges a full stop at text[i] followed by white space and the
// start described by nx (not lower case), nl telling whether a line break
// came between.
func (sc *segScanner) periodEnds(start, i int, nx nextInfo, nl bool) bool {
	wc, class, word := sc.classifyBefore(start, i)
	switch {
	case wc == wordPlain:
		return true
	case wc == wordEnumerator, nx.dash && !nl:
		return false // after an abbreviation a dash goes on: "Acme Inc. — the ..."
	}
	switch class {
	case AbbrevTitle:
		return nx.kind == nextUpper && nx.opener
	case AbbrevPrefix:
		return false
	case AbbrevNumber:
		// "Art. IV" goes on, but "No. I don't" is two sentences.
		roman := nx.roman && !(len(word) == 2 && word[0]|0x20 == 'n' && word[1]|0x20 == 'o')
		return nx.kind != nextDigit && !(nx.kind == nextUpper && roman)
	case AbbrevStrong:
		return nx.kind != nextDigit && !nx.suffix
	case AbbrevAMPM:
		switch nx.kind {
		case nextDigit:
			return false
		case nextUpper:
			return !nx.timeWord
		case nextOpenUpper:
			return true
		}
		return nl
	}
	// AbbrevWeak: acronyms, initials, Jr.
	switch nx.kind {
	case nextUpper:
		return nx.opener || nl
	case nextOpenUpper:
		return true
	case nextDigit:
		return false
	}
	return nl
}

// maxWordBack bounds how far back the word before a full stop is read, so
// that a long run of letters and dots cannot make segmentation quadratic.
const maxWordBack = 48

// classifyBefore classifies the word that ends at the full stop text[i].
func (sc *segScanner) classifyBefore(start, i int) (wordClass, AbbrevClass, string) {
	text := sc.text
	w := i
	digits, letters := 0, 0
scan:
	for w > start && i-w < maxWordBack {
		r, size := utf8.DecodeLastRuneInString(text[start:w])
		switch {
		case r == '.':
		case '0' <= r && r <= '9', r >= utf8.RuneSelf && unicode.IsDigit(r):
			digits++
		case r < utf8.RuneSelf && isASCIIAlnum(byte(r)), r >= utf8.RuneSelf && isLetterMark(r):
			letters++
		default:
			break scan
		}
		w -= size
	}
	for w < i && text[w] == '.' {
		w++
	}
	word := text[w:i]
	if word == "" {
		return wordPlain, NotAbbrev, word
	}
	atStart := sc.onlyMarkers(start, w)
	if digits > 0 {
		if letters == 0 && len(word) <= 3 && atStart {
			return wordEnumerator, NotAbbrev, word // "1. Introduction"
		}
		return wordPlain, NotAbbrev, word
	}
	first, fsize := utf8.DecodeRuneInString(word)
	if fsize == len(word) { // one letter
		if atStart {
			return wordEnumerator, NotAbbrev, word // "a. The first option"
		}
		if unicode.IsUpper(first) {
			// An initial follows a name or another initial ("George W.
			// Bush", "J. R. R. Tolkien"); after a lower-case word it is a
			// letter that may end a sentence ("from A to H."), unless
			// another initial follows ("by J. K. Rowling").
			if !sc.prevWordLower(start, w) || sc.initialAt(i+1) || sc.prevWordRole(start, w) {
				return wordAbbrev, AbbrevWeak, word
			}
			return wordPlain, NotAbbrev, word
		}
	}
	var buf [token.MaxLexWord]byte
	if key, ok := token.LowerKey(&buf, word); ok {
		if c := sc.seg.abbrev[string(key)]; c != NotAbbrev {
			if c == AbbrevTitle && !unicode.IsUpper(first) {
				return wordPlain, NotAbbrev, word // "a sales rep."
			}
			switch string(key) {
			case "co":
				if c == AbbrevStrong && sc.prevWordLower(start, w) {
					c = AbbrevTitle // Irish "in Co. Kerry", not "Smith & Co."
				}
			case "st":
				if c == AbbrevTitle && sc.prevWordCap(start, w) {
					c = AbbrevStrong // "215 Main St.", not "at St. Mary's"
				}
			}
			if c == AbbrevAMPM && !sc.prevIsNumber(start, w) {
				c = AbbrevWeak // "secretary P.M. Haris": initials, not a time
			}
			return wordAbbrev, c, word
		}
	}
	if token.IsDottedAcronym(word) {
		return wordAbbrev, AbbrevWeak, word // U.S, U.K, N.Y
	}
	if atStart && isRoman(word) {
		return wordEnumerator, NotAbbrev, word
	}
	return wordPlain, NotAbbrev, word
}

// initialAt reports whether, after the white space at text[p:], comes a
// capital letter and a full stop: another initial.
func (sc *segScanner) initialAt(p int) bool {
	text := sc.text
	for p < len(text) && (text[p] == ' ' || text[p] == '\t') {
		p++
	}
	if p >= len(text) {
		return false
	}
	r, size := utf8.DecodeRuneInString(text[p:])
	return unicode.IsUpper(r) && p+size < len(text) && text[p+size] == '.'
}

// onlyMarkers reports whether text[start:w] holds nothing but list markers,
// opening brackets and quotes: the word at w opens the sentence.
func (sc *segScanner) onlyMarkers(start, w int) bool {
	for _, r := range sc.text[start:w] {
		switch {
		case isOpener(r), isHSpace(r):
		case r == '-' || r == '*' || r == '•' || r == '·' || r == '–' || r == '—':
		default:
			return false
		}
	}
	return true
}

// prevWord returns the bounds [b, e) of the run of letters that ends
// before text[w], past white space; b == e when there is none.
func (sc *segScanner) prevWord(start, w int) (b, e int) {
	text := sc.text
	e = w
	for e > start {
		r, size := utf8.DecodeLastRuneInString(text[start:e])
		if !token.IsSpace(r) {
			break
		}
		e -= size
	}
	b = e
	for b > start {
		r, size := utf8.DecodeLastRuneInString(text[start:b])
		if !unicode.IsLetter(r) {
			break
		}
		b -= size
	}
	return b, e
}

// prevWordLower reports whether the word before text[w] starts in lower
// case, or nothing comes before it in the sentence.
func (sc *segScanner) prevWordLower(start, w int) bool {
	b, e := sc.prevWord(start, w)
	if b == e {
		return e == start
	}
	r, _ := utf8.DecodeRuneInString(sc.text[b:])
	return unicode.IsLower(r)
}

// prevWordRole reports whether the word before text[w] is a role noun that
// comes before a name ("district collector V. Anitha", "coach R. Singh"):
// then a single capital letter is an initial, not a sentence's last word.
func (sc *segScanner) prevWordRole(start, w int) bool {
	b, e := sc.prevWord(start, w)
	return b < e && sc.seg.lex.has(sc.seg.lex.role, sc.text[b:e])
}

// prevWordCap reports whether the word before text[w] is capitalized.
func (sc *segScanner) prevWordCap(start, w int) bool {
	text := sc.text
	e := w
	for e > start {
		r, size := utf8.DecodeLastRuneInString(text[start:e])
		if !token.IsSpace(r) {
			break
		}
		e -= size
	}
	b := e
	for b > start {
		r, size := utf8.DecodeLastRuneInString(text[start:b])
		if !unicode.IsLetter(r) {
			break
		}
		b -= size
	}
	r, _ := utf8.DecodeRuneInString(text[b:e])
	return b < e && unicode.IsUpper(r)
}

// prevIsNumber reports whether a number (a time: "7", "10:30") comes
// right before text[w], with or without a space.
func (sc *segScanner) prevIsNumber(start, w int) bool {
	e := w
	for e > start && (sc.text[e-1] == ' ' || sc.text[e-1] == '\t') {
		e--
	}
	return e > start && isASCIIDigit(sc.text[e-1])
}
