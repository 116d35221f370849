package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// URLs, e-mail addresses, @handles and #hashtags: single tokens, without
// the sentence punctuation that follows them.

var tlds = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "io": true, "co": true,
	"uk": true, "us": true, "au": true, "in": true, "ca": true, "nz": true, "ie": true,
	"za": true, "de": true, "fr": true, "info": true, "biz": true, "news": true, "tv": true,
	"me": true, "ly": true, "app": true, "dev": true, "ai": true, "int": true, "eu": true,
}

// isDomain reports a dotted word whose last part is a common top-level
// domain: "Amazon.com", "stancekit.org".
func isDomain(w string) bool {
	k := strings.LastIndexByte(w, '.')
	if k < 1 || k == len(w)-1 || len(w)-k-1 > 4 {
		return false
	}
	var buf [MaxLexWord]byte
	key, ok := LowerKey(&buf, w[k+1:])
	return ok && tlds[string(key)]
}

// scanURLPrefix recognizes a URL by its scheme or "www.".
func scanURLPrefix(text string, i int) (int, bool) {
	if c := text[i] | 0x20; c != 'h' && c != 'w' {
		return 0, false // most words: no need to compare prefixes
	}
	rest := text[i:]
	for _, p := range [...]string{"https://", "http://", "www."} {
		if len(rest) > len(p) && strings.EqualFold(rest[:len(p)], p) {
			end := trimTrailingPunct(text, i, scanNonSpace(text, i))
			return end, end > i+len(p)
		}
	}
	return 0, false
}

func scanNonSpace(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if tokASCII[c] == tcSpace {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// trimTrailingPunct drops sentence punctuation and closing quotes and
// brackets from the end of a URL or address; a closing bracket stays when
// the URL opened one ("…/Go_(language)").
func trimTrailingPunct(text string, start, end int) int {
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		switch r {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '”', '’', '»', '…':
			end -= n
			continue
		case ')', ']':
			open := '('
			if r == ']' {
				open = '['
			}
			if strings.Count(text[start:end], string(open)) < strings.Count(text[start:end], string(r)) {
				end -= n
				continue
			}
		}
		break
	}
	return end
}

// scanEmail scans an address whose "@" is at text[at].
func scanEmail(text string, start, at int) Token {
	j := at + 1
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf && (tokASCII[c] == tcLetter || tokASCII[c] == tcDigit || c == '-' || c == '.' || c == '_') {
			j++
			continue
		}
		if c >= utf8.RuneSelf {
			if r, size := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				j += size
				continue
			}
		}
		break
	}
	for j > at+1 && (text[j-1] == '.' || text[j-1] == '-') {
		j--
	}
	return Token{Start: start, End: j, Kind: Email}
}

// scanTag scans "@name" or "#tag"; a hashtag needs a letter ("#1" is not
// one).
func scanTag(text string, i int) (Token, bool) {
	j := i + 1
	letter := false
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if tokASCII[c] == tcLetter || tokASCII[c] == tcDigit || c == '_' {
				letter = letter || tokASCII[c] == tcLetter
				j++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !isMark(r) {
			break
		}
		letter = letter || unicode.IsLetter(r)
		j += size
	}
	if j == i+1 || text[i] == '#' && !letter {
		return Token{}, false
	}
	if text[i] == '@' && prevIsAlnum(text, i) {
		return Token{}, false // part of an address that did not scan as one
	}
	k := Handle
	if text[i] == '#' {
		k = Hashtag
	}
	return Token{Start: i, End: j, Kind: k}, true
}
