package features

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota
	Number
	Punct
	Quote // a quotation mark, straight or curly, double or single
	URL
	Email
	Handle  // @name
	Hashtag // #tag
	Symbol  // emoji, currency and other symbols
)

// Token is text[Start:End] of the tokenized string.
type Token struct {
	Start, End int
	Kind       TokenKind
}

// Tokens yields the tokens of text in order. Words keep inner apostrophes
// and hyphens ("don't", "mother-in-law", "O’Brien"); numbers keep inner
// separators ("3.5", "1,200", "10:30"); every other non-space rune is a token
// of its own.
func Tokens(text string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		i := 0
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isSpace(r) {
				i += n
				continue
			}
			var t Token
			switch {
			case unicode.IsLetter(r):
				t = scanWord(text, i)
			case unicode.IsDigit(r):
				t = Token{Start: i, End: scanNumber(text, i), Kind: Number}
			case r == '"' || r == '\'' || r == '“' || r == '”' || r == '‘' || r == '’' || r == '«' || r == '»':
				t = Token{Start: i, End: i + n, Kind: Quote}
			case (r == '@' || r == '#') && i+n < len(text) && isWordRune(text, i+n):
				j := i + n
				for j < len(text) && isWordRune(text, j) {
					_, m := utf8.DecodeRuneInString(text[j:])
					j += m
				}
				k := Handle
				if r == '#' {
					k = Hashtag
				}
				t = Token{Start: i, End: j, Kind: k}
			case unicode.IsPunct(r):
				t = Token{Start: i, End: i + n, Kind: Punct}
			default:
				t = Token{Start: i, End: i + n, Kind: Symbol}
			}
			if !yield(t) {
				return
			}
			i = t.End
		}
	}
}

func isWordRune(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

func scanWord(text string, i int) Token {
	start := i
	// URL or e-mail?
	if end, ok := scanURL(text, i); ok {
		return Token{Start: start, End: end, Kind: URL}
	}
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += n
			continue
		}
		// inner apostrophe or hyphen followed by a letter
		if (r == '\'' || r == '’' || r == '-') && i+n < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[i+n:])
			if unicode.IsLetter(r2) {
				i += n
				continue
			}
		}
		if r == '@' && i+n < len(text) && isWordRune(text, i+n) {
			end := scanNonSpace(text, i)
			return Token{Start: start, End: trimTrailingPunct(text, start, end), Kind: Email}
		}
		break
	}
	return Token{Start: start, End: i, Kind: Word}
}

func scanURL(text string, i int) (int, bool) {
	rest := text[i:]
	for _, p := range []string{"https://", "http://", "www."} {
		if len(rest) >= len(p) && equalFoldASCII(rest[:len(p)], p) {
			end := scanNonSpace(text, i)
			return trimTrailingPunct(text, i, end), true
		}
	}
	return 0, false
}

func equalFoldASCII(a, b string) bool {
	for k := 0; k < len(a); k++ {
		c := a[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != b[k] {
			return false
		}
	}
	return true
}

func scanNonSpace(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isSpace(r) {
			break
		}
		i += n
	}
	return i
}

// trimTrailingPunct drops sentence punctuation and closing quotes from the
// end of a URL or address.
func trimTrailingPunct(text string, start, end int) int {
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if r == '.' || r == ',' || r == ';' || r == ':' || r == '!' || r == '?' || r == ')' || r == '"' || r == '\'' || r == '”' || r == '’' {
			end -= n
			continue
		}
		break
	}
	return end
}

func scanNumber(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c >= '0' && c <= '9' {
			i++
			continue
		}
		if (c == '.' || c == ',' || c == ':') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	return i
}

// AppendNorm appends the normalized form of a token to dst: lower-cased
// (Unicode-aware), curly apostrophes and quotes folded to straight ones.
func AppendNorm(dst []byte, tok string) []byte {
	for _, r := range tok {
		switch r {
		case '’', '‘', '`', '´':
			r = '\''
		case '“', '”', '«', '»':
			r = '"'
		default:
			if r < utf8.RuneSelf {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				dst = append(dst, byte(r))
				continue
			}
			r = unicode.ToLower(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}
