package features

import (
	"unicode"
	"unicode/utf8"
)

// segScanner walks a text once, sentence by sentence, without allocating.
type segScanner struct {
	seg  *Segmenter
	text string
	pos  int // where the search for the next sentence starts
	para int // paragraph of the last sentence, -1 before the first
}

// next returns the next sentence, or false at the end of the text.
func (sc *segScanner) next() (Bound, bool) {
	start, brk := sc.skipSpace(sc.pos)
	if start >= len(sc.text) {
		sc.pos = start
		return Bound{}, false
	}
	if sc.para < 0 || brk {
		sc.para++
	}
	end := sc.sentenceEnd(start)
	sc.pos = end
	return Bound{Para: sc.para, Start: start, End: sc.trimRight(start, end)}, true
}

// skipSpace skips white space from i; brk reports a paragraph break in it:
// two line terminators (a blank line) or a paragraph separator.
func (sc *segScanner) skipSpace(i int) (int, bool) {
	k, lines := sc.skipSpaceLines(i)
	return k, lines >= 2
}

// skipSpaceLines skips white space from i and counts the line terminators
// in it ("\r\n" once, U+2029 twice).
func (sc *segScanner) skipSpaceLines(i int) (int, int) {
	text := sc.text
	lines := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ', '\t':
				i++
			case '\n', '\v', '\f':
				lines++
				i++
			case '\r':
				lines++
				i++
				if i < len(text) && text[i] == '\n' {
					i++
				}
			default:
				return i, lines
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == paraSepRune:
			lines += 2
		case isLineTerm(r):
			lines++
		case !isSpace(r):
			return i, lines
		}
		i += size
	}
	return i, lines
}

func (sc *segScanner) trimRight(start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(sc.text[start:end])
		if !isSpace(r) {
			break
		}
		end -= size
	}
	return end
}

// sentenceEnd returns where the sentence that starts at text[start] (not
// space) ends; trailing space may follow before the returned offset.
func (sc *segScanner) sentenceEnd(start int) int {
	text := sc.text
	n := len(text)
	settled := -1 // a terminal ending here was judged not to end the sentence
	for i := start; i < n; {
		c := text[i]
		if !segByte[c] {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if r == paraSepRune {
			return i
		}
		if isLineTerm(r) {
			if sc.paraBreakAfter(i) || sc.lineEnds(start, i, settled) {
				return i
			}
			i += lineTermLen(text, i)
			continue
		}
		kind := terminal(r)
		if kind == termNone {
			if (r == '—' || r == '–') && i+size < n {
				if q, _ := utf8.DecodeRuneInString(text[i+size:]); isCloser(q) && isQuoteMark(q) {
					kind = termDash
				}
			}
			if kind == termNone {
				i += size
				continue
			}
		}
		end, ok := sc.judge(start, i, size, kind)
		if ok {
			return end
		}
		settled = end
		i = end
	}
	return n
}

// paraBreakAfter reports whether the line terminator at text[i] is followed
// by a blank line (or the end of the text).
func (sc *segScanner) paraBreakAfter(i int) bool {
	text := sc.text
	for j := i + lineTermLen(text, i); j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == paraSepRune || isLineTerm(r) {
			return true
		}
		if !isHSpace(r) {
			return false
		}
		j += size
	}
	return true
}

// lineEnds decides whether a line break at text[i], inside a paragraph,
// ends the sentence that started at start. A line that ends in final
// punctuation was judged at that punctuation (settled). A line without it
// is a sentence of its own (a list item, a button label, a salutation)
// unless the next line continues it: this line ends in a hyphen, a dash
// or a word that cannot end a sentence ("the"), or the next line starts in
// lower case after a comma or a long (hard-wrapped) line.
func (sc *segScanner) lineEnds(start, i, settled int) bool {
	text := sc.text
	e := i
	for e > start {
		r, size := utf8.DecodeLastRuneInString(text[start:e])
		if !isHSpace(r) {
			break
		}
		e -= size
	}
	if e == settled {
		return false
	}
	k := i + lineTermLen(text, i)
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		if !isHSpace(r) {
			break
		}
		k += size
	}
	if k >= len(text) || sc.bulletAt(k) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[k:])
	lower := unicode.IsLower(next)
	last, _ := utf8.DecodeLastRuneInString(text[start:e])
	switch last {
	case '-', '‐', '–', '—', '/', '&':
		return false
	case ',', ';':
		if lower {
			return false
		}
	}
	if lower && sc.longLine(start, e) {
		return false
	}
	w := e
	for w > start && e-w < maxLexWord {
		r, size := utf8.DecodeLastRuneInString(text[start:w])
		if !unicode.IsLetter(r) {
			break
		}
		w -= size
	}
	if w < e {
		if r, _ := utf8.DecodeRuneInString(text[w:]); unicode.IsLower(r) && sc.seg.lex.has(sc.seg.lex.continuation, text[w:e]) {
			return false
		}
	}
	return true
}

// wrapMin is the length from which a line that goes on in lower case on
// the next line is taken for hard-wrapped text rather than a list item:
// wrapped lines fill most of a 60 to 80 column width, "apples" does not.
const wrapMin = 40

// longLine reports whether the line that ends at text[e] (starting after
// the last line break, or at start) is at least wrapMin bytes long.
func (sc *segScanner) longLine(start, e int) bool {
	for b := e - 1; b >= start; b-- {
		if c := sc.text[b]; c == '\n' || c == '\r' {
			return e-b-1 >= wrapMin
		}
		if e-b > wrapMin {
			return true
		}
	}
	return e-start >= wrapMin
}

// bulletAt reports a list marker at text[k]: a bullet sign, or a number or
// letter followed by "." or ")", then a space.
func (sc *segScanner) bulletAt(k int) bool {
	text := sc.text
	r, size := utf8.DecodeRuneInString(text[k:])
	switch r {
	case '-', '*', '+', '•', '·', '◦', '▪', '▫', '‣', '⁃', '–', '—', '►', '▶', '■', '□', '✓', '✔', '→':
		return sc.hspaceAt(k + size)
	}
	j := k
	if r == '(' {
		j++
	}
	d := j
	for d < len(text) && d-j < 3 && isASCIIAlnum(text[d]) {
		d++
	}
	if d == j || d >= len(text) {
		return false
	}
	if text[d] == ')' || (text[d] == '.' && r != '(') {
		// "a." needs care: it is also an initial; only digits take a full stop.
		if text[d] == '.' && !isASCIIDigits(text[j:d]) {
			return false
		}
		return sc.hspaceAt(d + 1)
	}
	return false
}

func (sc *segScanner) hspaceAt(k int) bool {
	if k >= len(sc.text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(sc.text[k:])
	return isHSpace(r)
}

func isASCIIAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

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
	if r, _ := utf8.DecodeRuneInString(text[j:]); !isSpace(r) {
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
	// Emoji after the final mark belong to the sentence: "We won! 🎉".
	if r, _ := utf8.DecodeRuneInString(text[k:]); isEmojiLike(r) {
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
			if !isSpace(r) {
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
	var buf [maxLexWord]byte
	key, ok := lowerKey(&buf, text[w:i])
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
	return isSpace(r) || isCloser(r) || terminal(r) != termNone || r == ',' || r == ';' || r == ':'
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
		for e < len(text) && e-k <= maxLexWord {
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
	case unicode.IsLower(r):
		// "iPhone", "eBay": a capital later in the word makes it a name.
		for e := k + size; e < len(text) && e-k <= maxLexWord; {
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
	for w > start && i-w < maxWordBack {
		r, size := utf8.DecodeLastRuneInString(text[start:w])
		switch {
		case r == '.':
		case '0' <= r && r <= '9':
			digits++
		case r < utf8.RuneSelf:
			if !isASCIIAlnum(byte(r)) {
				goto done
			}
			letters++
		case isLetterMark(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		default:
			goto done
		}
		w -= size
	}
done:
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
			if !sc.prevWordLower(start, w) || sc.initialAt(i+1) {
				return wordAbbrev, AbbrevWeak, word
			}
			return wordPlain, NotAbbrev, word
		}
	}
	var buf [maxLexWord]byte
	if key, ok := lowerKey(&buf, word); ok {
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
	if isDottedAcronym(word) {
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

// isDottedAcronym reports single letters joined by full stops: "U.S", "a.m".
func isDottedAcronym(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i%2 == 1 {
			if c != '.' {
				return false
			}
		} else if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return len(w)%2 == 1
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

// prevWordLower reports whether the word before text[w] starts in lower
// case, or nothing comes before it in the sentence.
func (sc *segScanner) prevWordLower(start, w int) bool {
	text := sc.text
	e := w
	for e > start {
		r, size := utf8.DecodeLastRuneInString(text[start:e])
		if !isSpace(r) {
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
	if b == e {
		return e == start
	}
	r, _ := utf8.DecodeRuneInString(text[b:])
	return unicode.IsLower(r)
}

// prevWordCap reports whether the word before text[w] is capitalized.
func (sc *segScanner) prevWordCap(start, w int) bool {
	text := sc.text
	e := w
	for e > start {
		r, size := utf8.DecodeLastRuneInString(text[start:e])
		if !isSpace(r) {
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

// speechTag reports whether a speech tag starts at text[k]: up to four
// words (a name, a title, a pronoun) and a verb of saying, then the end of
// the clause, a name or a listener: "Ms Gould asked.", "He told reporters."
func (sc *segScanner) speechTag(k int) bool {
	text := sc.text
	lx := sc.seg.lex
	m := k
	for w := 0; w < 5 && m < len(text); w++ {
		e := m
		for e < len(text) && e-m <= maxLexWord {
			r, sz := utf8.DecodeRuneInString(text[e:])
			if !isLetterMark(r) && !(e > m && (r == '\'' || r == '’' || r == '-')) {
				break
			}
			e += sz
		}
		if e == m {
			return false
		}
		word := text[m:e]
		if lx.has(lx.speechVerb, word) {
			return sc.tagTail(e)
		}
		if e < len(text) && text[e] == '.' && sc.seg.Abbreviation(word) == AbbrevTitle {
			e++
		}
		if e >= len(text) || text[e] != ' ' {
			return false
		}
		m = e + 1
	}
	return false
}

// tagTail reports whether a speech tag may end after its verb at text[e].
func (sc *segScanner) tagTail(e int) bool {
	text := sc.text
	if e >= len(text) {
		return true
	}
	switch text[e] {
	case '.', ',', ';', '!', '?', ':':
		return true
	case ' ':
	default:
		return false
	}
	m := e + 1
	r, _ := utf8.DecodeRuneInString(text[m:])
	if unicode.IsUpper(r) {
		return true // "asked Smith", "said Ms Gould"
	}
	x := m
	for x < len(text) && x-m <= maxLexWord && 'a' <= text[x] && text[x] <= 'z' {
		x++
	}
	lx := sc.seg.lex
	return x > m && lx.has(lx.speechObject, text[m:x]) && (x >= len(text) || text[x] == '.' || text[x] == ',' || text[x] == ' ')
}
