package token

import (
	"unicode"
	"unicode/utf8"
)

// Character classes and a lower-casing key shared by the tokenizer and the
// segmenter (which imports this package).

// IsSpace reports white space between sentences and tokens. The byte-order
// mark and the zero-width space are invisible and separate nothing else, so
// they count as space: a BOM at the start of a file must not become a
// sentence of its own.
func IsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || ('\t' <= r && r <= '\r')
	}
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B'
}

// IsQuoteMark reports quotation marks, opening or closing.
func IsQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '“', '‘', '«', '»', '‹', '›', '„', '‚', '「', '」', '『', '』':
		return true
	}
	return false
}

// IsDottedAcronym reports single letters joined by full stops: "U.S", "a.m".
func IsDottedAcronym(w string) bool {
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

// MaxLexWord bounds the words looked up, so that lookups lower-case into a
// fixed buffer on the stack instead of allocating.
const MaxLexWord = 24

// LowerKey lower-cases an ASCII word into buf for a map lookup; ok is false
// for words that are too long or not ASCII, which no list holds.
func LowerKey(buf *[MaxLexWord]byte, w string) ([]byte, bool) {
	if len(w) > MaxLexWord {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)], true
}
