package token

import (
	"unicode"
	"unicode/utf8"
)

// AppendNorm appends the normalized form of a token to dst: lower-cased
// (Unicode-aware, rune by rune), apostrophes and single quotes (’ ‘ ʼ ` ´ ′)
// folded to ', double quotes (“ ” „ « » ″) to ", and the ellipsis … to
// "...". Features then see "Don’t" and "don't", "…" and "..." as one. The
// original text is left alone; invalid UTF-8 is copied as it is.
func AppendNorm(dst []byte, tok string) []byte {
	for i := 0; i < len(tok); {
		c := tok[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(tok[i:])
		switch r {
		case '’', '‘', 'ʼ', '´', '′', '‛', '‚':
			dst = append(dst, '\'')
		case '“', '”', '„', '«', '»', '″', '‟':
			dst = append(dst, '"')
		case '…':
			dst = append(dst, "..."...)
		case utf8.RuneError:
			dst = append(dst, tok[i:i+size]...)
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += size
	}
	return dst
}
