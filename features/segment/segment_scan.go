package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/features/token"
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
// any line terminator between two sentences. A blank line always ends a
// paragraph; a single line break that falls where a sentence ends does too,
// because scraped pages put each paragraph, button label and link on a line
// of its own with no blank line between (hard-wrapped text, whose breaks
// fall mid-sentence, keeps its paragraphs).
func (sc *segScanner) skipSpace(i int) (int, bool) {
	k, lines := sc.skipSpaceLines(i)
	return k, lines >= 1
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
		case !token.IsSpace(r):
			return i, lines
		}
		i += size
	}
	return i, lines
}

func (sc *segScanner) trimRight(start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(sc.text[start:end])
		if !token.IsSpace(r) {
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
				if q, _ := utf8.DecodeRuneInString(text[i+size:]); isCloser(q) && token.IsQuoteMark(q) {
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
	if !lower && (isPromptLine(text[sc.lineStart(start, e):e]) || isPromptLine(text[k:])) {
		// "Read more: …" links are a line each: a title that ends in "for"
		// does not run on into the next link.
		return true
	}
	w := e
	for w > start && e-w < token.MaxLexWord {
		r, size := utf8.DecodeLastRuneInString(text[start:w])
		if !unicode.IsLetter(r) {
			break
		}
		w -= size
	}
	if w < e {
		word := text[w:e]
		if sc.seg.lex.has(sc.seg.lex.labelEnd, word) && !sc.longLine(start, e) {
			return true // a short label: "Log in", "Before you scroll on"
		}
		if r, _ := utf8.DecodeRuneInString(word); unicode.IsLower(r) && sc.seg.lex.has(sc.seg.lex.continuation, word) {
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

// promptPrefixes open publisher link lines on news pages.
var promptPrefixes = []string{"read more", "also read", "read also", "related", "see also", "more from", "recommended", "most read", "watch:", "listen:", "advertisement"}

// isPromptLine reports whether s starts with a publisher link prompt.
func isPromptLine(s string) bool {
	for _, p := range promptPrefixes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// lineStart returns where the line holding text[e-1] starts, not before
// start.
func (sc *segScanner) lineStart(start, e int) int {
	for j := e; j > start; j-- {
		if c := sc.text[j-1]; c == '\n' || c == '\r' {
			return j
		}
	}
	return start
}
