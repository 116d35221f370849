package batch

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var jsonStringCases = []struct {
	name, in, want string // want: worked by hand from RFC 8259 §7
}{
	{"empty", "", `""`},
	{"plain", "Rain fell.", `"Rain fell."`},
	{"quotes and backslash", `she said "no" \ twice`, `"she said \"no\" \\ twice"`},
	{"short escapes", "a\nb\rc\td", `"a\nb\rc\td"`},
	{"other controls", "\x00\x01\x08\x0c\x1b\x1f", `"\u0000\u0001\u0008\u000c\u001b\u001f"`},
	{"DEL is not a control", "\x7f", "\"\x7f\""},
	{"HTML is left alone", "<a href='x'>&</a>", `"<a href='x'>&</a>"`},
	{"multibyte", "café – 東京 🎉", `"café – 東京 🎉"`},
	{"line and paragraph separators", "a\u2028b\u2029c", `"a\u2028b\u2029c"`},
	{"U+2027 and U+202A pass", "\u2027\u202a", "\"\u2027\u202a\""},
	{"invalid byte", "caf\xe9!", `"caf\ufffd!"`},
	{"truncated rune", "ok\xe2\x82", `"ok\ufffd\ufffd"`},
	{"lone continuation", "\x80\xbf", `"\ufffd\ufffd"`},
	{"surrogate half", "\xed\xa0\x80", `"\ufffd\ufffd\ufffd"`},
	{"overlong", "\xc0\xaf", `"\ufffd\ufffd"`},
	{"literal U+FFFD", "\ufffd", "\"\ufffd\""},
	{"escape at the end", `end\`, `"end\\"`},
}

func TestAppendJSONString(t *testing.T) {
	for _, tt := range jsonStringCases {
		t.Run(tt.name, func(t *testing.T) {
			got := appendJSONString([]byte("x"), tt.in)
			require.Equal(t, "x", string(got[:1]), "dst is kept")
			got = got[1:]
			assert.Equal(t, tt.want, string(got))
			checkJSONString(t, tt.in, got)
		})
	}
}

// checkJSONString checks enc, the encoding of s, against encoding/json:
// valid JSON that decodes to what json.Marshal(s) decodes to (encoding/json
// also turns each invalid byte into U+FFFD), and to s itself when s is
// valid UTF-8. Bytes may differ: encoding/json escapes <, >, & and uses \b
// and \f.
func checkJSONString(t *testing.T, s string, enc []byte) {
	t.Helper()
	require.True(t, json.Valid(enc), "not valid JSON: %q", enc)
	var got string
	require.NoError(t, json.Unmarshal(enc, &got))
	ref, err := json.Marshal(s)
	require.NoError(t, err)
	var want string
	require.NoError(t, json.Unmarshal(ref, &want))
	assert.Equal(t, want, got, "decodes differently from json.Marshal")
	if utf8.ValidString(s) {
		assert.Equal(t, s, got, "valid UTF-8 must round-trip")
	}
	// U+2028 and U+2029 end lines in JavaScript: never raw in the output.
	assert.False(t, strings.ContainsAny(string(enc), "\u2028\u2029"), "raw line separator in %q", enc)
}

func FuzzAppendJSONString(f *testing.F) {
	for _, tt := range jsonStringCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkJSONString(t, s, appendJSONString(nil, s))
	})
}

func BenchmarkAppendJSONString(b *testing.B) {
	s := strings.Repeat(`The mayor said "the bridge will open in 2026" – and we believe her. `, 20)
	buf := make([]byte, 0, 4*len(s))
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		buf = appendJSONString(buf[:0], s)
	}
}
