package corpus

import (
	"strconv"
	"unicode/utf8"
)

// invalidUTF8 returns the offset of the first invalid UTF-8 sequence in b,
// or -1 when b is valid.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

func itoa(i int) string { return strconv.Itoa(i) }
