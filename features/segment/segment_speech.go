package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/features/token"
)

// Speech tags: a question or exclamation inside quotes does not end the
// sentence when a tag such as "Ms Gould asked." follows it.

// speechTag reports whether a speech tag starts at text[k]: up to four
// words (a name, a title, a pronoun) and a verb of saying, then the end of
// the clause, a name or a listener: "Ms Gould asked.", "He told reporters."
func (sc *segScanner) speechTag(k int) bool {
	text := sc.text
	lx := sc.seg.lex
	m := k
	for w := 0; w < 5 && m < len(text); w++ {
		e := m
		for e < len(text) && e-m <= token.MaxLexWord {
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
	for x < len(text) && x-m <= token.MaxLexWord && 'a' <= text[x] && text[x] <= 'z' {
		x++
	}
	lx := sc.seg.lex
	return x > m && lx.has(lx.speechObject, text[m:x]) && (x >= len(text) || text[x] == '.' || text[x] == ',' || text[x] == ' ')
}
