package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/features/token"
)

// Character classes shared by the segmenter and the tokenizer.

// isLineTerm reports a line terminator other than the paragraph separator.
// "\r\n" is one terminator; see lineTermLen.
func isLineTerm(r rune) bool {
	return r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == '\u0085' || r == '\u2028'
}

const paraSepRune = '\u2029' // PARAGRAPH SEPARATOR ends a paragraph by itself

// isHSpace reports space that does not end a line.
func isHSpace(r rune) bool { return token.IsSpace(r) && !isLineTerm(r) && r != paraSepRune }

// lineTermLen returns the length of the line terminator at text[i], or 0.
func lineTermLen(text string, i int) int {
	switch c := text[i]; c {
	case '\n', '\v', '\f':
		return 1
	case '\r':
		if i+1 < len(text) && text[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2, 0xE2:
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\u0085' || r == '\u2028' {
			return n
		}
	}
	return 0
}

// termKind classifies sentence-final punctuation.
type termKind uint8

const (
	termNone     termKind = iota
	termPeriod            // . (may be an abbreviation, a decimal point, an initial)
	termEllipsis          // … or ... or . . .
	termQuestion          // ? ! and their combinations
	termCJK               // 。！？: ends a sentence without a following space
	termDash              // — or – right before a closing quote: speech broken off
)

// terminal classifies r as sentence-final punctuation.
func terminal(r rune) termKind {
	switch r {
	case '.':
		return termPeriod
	case '…':
		return termEllipsis
	case '?', '!', '‽', '‼', '⁇', '⁈', '⁉', '؟':
		return termQuestion
	case '。', '｡', '！', '？', '．':
		return termCJK
	case '।', '॥', '۔':
		// Devanagari danda and the Urdu full stop are followed by a space
		// like a Latin full stop, but never mark abbreviations.
		return termQuestion
	}
	return termNone
}

// segByte marks the bytes at which the sentence scanner must look closer:
// ASCII terminators and line ends, and the lead bytes of the multi-byte
// terminators and line ends above. Everything else is skipped in a tight
// loop, which is what makes segmentation fast.
var segByte = func() (t [256]bool) {
	for _, c := range []byte(".!?\n\r\v\f") {
		t[c] = true
	}
	for _, r := range []rune{'…', '‽', '‼', '⁇', '⁈', '⁉', '؟', '。', '｡', '！', '？', '．', '।', '॥', '۔', '\u0085', '\u2028', '\u2029', '—', '–'} {
		var b [4]byte
		utf8.EncodeRune(b[:], r)
		t[b[0]] = true
	}
	return t
}()

// isCloser reports punctuation that may follow a sentence's final stop and
// still belong to it: closing quotes and brackets.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '}', '»', '›', '」', '』', '）':
		return true
	}
	return false
}

// isOpener reports punctuation that may open a sentence before its first
// word: opening quotes and brackets, and the Spanish inverted marks.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '„', '‚', '(', '[', '{', '«', '‹', '¿', '¡', '「', '『', '（':
		return true
	}
	return false
}

// isEmojiLike reports pictographs and the joiners and modifiers that build
// emoji sequences. Currency signs are not included: "$4" starts a sentence.
func isEmojiLike(r rune) bool {
	if r < 0x80 {
		return false
	}
	return unicode.Is(unicode.So, r) || r == '\u200D' || r == '\uFE0F' || r == '\uFE0E' ||
		(r >= 0x1F3FB && r <= 0x1F3FF) || (r >= 0xE0020 && r <= 0xE007F) || r == '\u20E3'
}

// isLetterMark reports letters and combining marks.
func isLetterMark(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Me, r)
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }
