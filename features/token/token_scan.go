package token

import (
	"unicode"
	"unicode/utf8"
)

// ASCII classes for the tokenizer's fast paths.
const (
	tcSpace uint8 = iota
	tcLetter
	tcDigit
	tcPunct
	tcSymbol
)

var tokASCII = func() (t [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c == ' ' || '\t' <= c && c <= '\r':
			t[c] = tcSpace
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = tcLetter
		case '0' <= c && c <= '9':
			t[c] = tcDigit
		case unicode.IsPunct(rune(c)):
			t[c] = tcPunct
		default:
			t[c] = tcSymbol // $ + < = > ^ | ~ ` and control characters
		}
	}
	return t
}()

// nextToken returns the first token at or after text[i].
func nextToken(text string, i int) (Token, bool) {
	n := len(text)
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if tokASCII[c] != tcSpace {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !IsSpace(r) {
			break
		}
		i += size
	}
	if i >= n {
		return Token{}, false
	}
	t := scanToken(text, i)
	// Combining marks and variation selectors stay with what they modify.
	for t.End < n && text[t.End] >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(text[t.End:])
		if !isMark(r) {
			break
		}
		t.End += size
	}
	return t, true
}

func isMark(r rune) bool {
	return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Mc, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func scanToken(text string, i int) Token {
	c := text[i]
	if c < utf8.RuneSelf {
		switch tokASCII[c] {
		case tcLetter:
			return scanWord(text, i)
		case tcDigit:
			return scanNumber(text, i)
		}
		switch c {
		case '\'':
			return scanApostrophe(text, i, 1)
		case '"', '`':
			return Token{Start: i, End: i + 1, Kind: Quote}
		case '@', '#':
			if t, ok := scanTag(text, i); ok {
				return t
			}
		case '.':
			if i+1 < len(text) && isASCIIDigit(text[i+1]) && !prevIsAlnum(text, i) {
				return scanNumber(text, i) // ".5"
			}
		}
		if c == '.' || c == '-' || c == '!' || c == '?' || c == '=' || c == '*' || c == '_' {
			j := i + 1
			for j < len(text) && text[j] == c {
				j++
			}
			k := Punct
			if tokASCII[c] == tcSymbol {
				k = Symbol
			}
			return Token{Start: i, End: j, Kind: k}
		}
		if tokASCII[c] == tcSymbol {
			return Token{Start: i, End: i + 1, Kind: Symbol}
		}
		return Token{Start: i, End: i + 1, Kind: Punct}
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	switch {
	case r == 'ʼ' || r == '’':
		return scanApostrophe(text, i, size)
	case unicode.IsLetter(r):
		return scanWord(text, i)
	case unicode.IsDigit(r):
		return scanNumber(text, i)
	case IsQuoteMark(r) || r == '‛' || r == '‟' || r == '´':
		return Token{Start: i, End: i + size, Kind: Quote}
	case r == utf8.RuneError && size == 1:
		return Token{Start: i, End: i + 1, Kind: Symbol}
	case unicode.IsPunct(r):
		return Token{Start: i, End: i + size, Kind: Punct}
	}
	return scanSymbol(text, i)
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

func prevIsAlnum(text string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// scanApostrophe handles an apostrophe (of size bytes) that does not sit
// inside a word: a clitic after a word ("'s", "'ll"), else a quote mark.
func scanApostrophe(text string, i, size int) Token {
	if prevIsAlnum(text, i) {
		if n := cliticLen(text, i+size); n > 0 {
			return Token{Start: i, End: i + size + n, Kind: Word}
		}
	}
	return Token{Start: i, End: i + size, Kind: Quote}
}

// cliticLen returns the length of the clitic letters (s, re, ve, ll, d, m)
// at text[j] when a word boundary follows them, else 0.
func cliticLen(text string, j int) int {
	n := 0
	for j+n < len(text) && n < 3 && isASCIILetter(text[j+n]) {
		n++
	}
	if n == 0 || n == 3 || j+n < len(text) && isWordContinuation(text, j+n) {
		return 0
	}
	var b [2]byte
	for k := 0; k < n; k++ {
		b[k] = text[j+k] | 0x20
	}
	switch string(b[:n]) {
	case "s", "re", "ve", "ll", "d", "m":
		return n
	}
	return 0
}

func isASCIILetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }

// isWordContinuation reports a letter, digit or mark at text[j].
func isWordContinuation(text string, j int) bool {
	c := text[j]
	if c < utf8.RuneSelf {
		return tokASCII[c] == tcLetter || tokASCII[c] == tcDigit
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || isMark(r)
}

// ntLen returns the length of "n't" (or "n’t") at text[j] when a word
// boundary follows, else 0.
func ntLen(text string, j int) int {
	if j >= len(text) || text[j]|0x20 != 'n' {
		return 0
	}
	r, size := utf8.DecodeRuneInString(text[j+1:])
	if !isApostrophe(r) {
		return 0
	}
	k := j + 1 + size
	if k >= len(text) || text[k]|0x20 != 't' || k+1 < len(text) && isWordContinuation(text, k+1) {
		return 0
	}
	return k + 1 - j
}

// scanWord scans a word starting with a letter at text[i].
func scanWord(text string, i int) Token {
	n := len(text)
	start := i
	if prevIsAlnum(text, i) {
		// "n't" after "do", "ca", "wo": the word before stopped for it.
		if m := ntLen(text, i); m > 0 {
			return Token{Start: i, End: i + m, Kind: Word}
		}
	}
	if end, ok := scanURLPrefix(text, i); ok {
		return Token{Start: i, End: end, Kind: URL}
	}
	dots := false
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			switch tokASCII[c] {
			case tcLetter, tcDigit:
				i++
				continue
			}
			switch c {
			case '\'':
				next, ok := wordApostrophe(text, start, i, 1)
				if !ok {
					return Token{Start: start, End: next, Kind: Word}
				}
				i = next
				continue
			case '-', '_':
				if i+1 < n && isWordContinuation(text, i+1) {
					i++
					continue
				}
			case '.':
				// Inner dots of "U.S", "e.g", "Amazon.com", "v1.2".
				if i+1 < n && (isASCIILetter(text[i+1]) || isASCIIDigit(text[i+1]) && isASCIIDigit(text[i-1])) {
					dots = true
					i++
					continue
				}
			case '@':
				if i+1 < n && isWordContinuation(text, i+1) {
					return scanEmail(text, start, i)
				}
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isApostrophe(r) {
			next, ok := wordApostrophe(text, start, i, size)
			if !ok {
				return Token{Start: start, End: next, Kind: Word}
			}
			i = next
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || isMark(r) {
			i += size
			continue
		}
		// Hyphens, soft hyphens and joiners inside a word.
		if (r == '‐' || r == '‑' || r == '\u00AD' || r == '\u200C' || r == '\u200D') && i+size < n && isWordContinuation(text, i+size) {
			i += size
			continue
		}
		break
	}
	if dots {
		w := text[start:i]
		if IsDottedAcronym(w) && i < n && text[i] == '.' {
			return Token{Start: start, End: i + 1, Kind: Word} // "U.S."
		}
		if isDomain(w) {
			end := i
			if i < n && text[i] == '/' {
				end = trimTrailingPunct(text, start, scanNonSpace(text, i))
			}
			return Token{Start: start, End: end, Kind: URL}
		}
	}
	return Token{Start: start, End: i, Kind: Word}
}

// wordApostrophe decides about an apostrophe of size bytes at text[i]
// inside the word that began at start: the word goes on at next (ok), or
// ends at next, before the apostrophe or before the "n" of "n't".
func wordApostrophe(text string, start, i, size int) (next int, ok bool) {
	j := i + size
	if j >= len(text) || !isWordContinuation(text, j) {
		return i, false // "readers'": the quote is a token of its own
	}
	if cliticLen(text, j) > 0 {
		return i, false // "she'll": the clitic is a token of its own
	}
	if i-start >= 2 && text[i-1]|0x20 == 'n' && ntLen(text, i-1) > 0 {
		return i - 1, false // "do" then "n't"
	}
	return j, true // "O'Brien", "rock'n'roll"
}

// scanNumber scans a number at text[i] (a digit, or "." before one).
func scanNumber(text string, i int) Token {
	n := len(text)
	start := i
	kind := Number
	if text[i] == '.' {
		i++
	}
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIIDigit(c):
				i++
				continue
			case tokASCII[c] == tcLetter:
				i++ // "1990s", "5pm", "1st", "1.2m"
				continue
			case c == '.' || c == ',' || c == ':' || c == '/':
				if i+1 < n && isASCIIDigit(text[i+1]) {
					i++
					continue
				}
			case c == '-':
				if i+1 < n && isWordContinuation(text, i+1) {
					if !isASCIIDigit(text[i+1]) {
						kind = Word // "5-year-old"
					}
					i++
					continue
				}
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsDigit(r) || unicode.IsLetter(r) || isMark(r) {
			i += size
			continue
		}
		break
	}
	return Token{Start: start, End: i, Kind: kind}
}

// scanSymbol scans a symbol with what joins it into one emoji: variation
// selectors, skin tones, zero-width joiners and the next pictograph, tag
// characters, a keycap, or the second half of a flag.
func scanSymbol(text string, i int) Token {
	r, size := utf8.DecodeRuneInString(text[i:])
	j := i + size
	if isRegionalIndicator(r) {
		if r2, s2 := utf8.DecodeRuneInString(text[j:]); isRegionalIndicator(r2) {
			j += s2
		}
		return Token{Start: i, End: j, Kind: Symbol}
	}
	for j < len(text) {
		r2, s2 := utf8.DecodeRuneInString(text[j:])
		switch {
		case r2 == '\uFE0F' || r2 == '\uFE0E' || r2 == '\u20E3' || (r2 >= 0x1F3FB && r2 <= 0x1F3FF) || (r2 >= 0xE0020 && r2 <= 0xE007F) || isMark(r2):
			j += s2
		case r2 == '\u200D':
			r3, s3 := utf8.DecodeRuneInString(text[j+s2:])
			if j+s2 >= len(text) || !(unicode.Is(unicode.So, r3) || unicode.Is(unicode.Sk, r3)) {
				return Token{Start: i, End: j, Kind: Symbol}
			}
			j += s2 + s3
		default:
			return Token{Start: i, End: j, Kind: Symbol}
		}
	}
	return Token{Start: i, End: j, Kind: Symbol}
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }
