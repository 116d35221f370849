package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzRead reads data as the named stream and asserts what holds for any
// input: no panic, only *RecordError or io.EOF as errors, each within the
// input's lines and in order, and every article consistent (sentences are
// slices of the text at their offsets). It returns the articles.
func fuzzRead(t *testing.T, data []byte, name string, maxRecord int, oneByte bool) []*Article {
	lines := bytes.Count(data, []byte{'\n'}) + 1
	var src io.Reader = bytes.NewReader(data)
	if oneByte {
		src = iotest.OneByteReader(src)
	}
	r := NewReader(src, name, ReaderOptions{MaxRecord: maxRecord})
	var arts []*Article
	lastLine := 0
	for i := 0; ; i++ {
		require.LessOrEqual(t, i, lines, "more results than lines")
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			require.Nil(t, a)
			break
		}
		line := 0
		if err != nil {
			var re *RecordError
			require.ErrorAs(t, err, &re, "not a record error: %v", err)
			require.Nil(t, a)
			require.Equal(t, name, re.File)
			require.True(t, utf8.ValidString(err.Error()), "error message not UTF-8: %q", err)
			line = re.Line
		} else {
			require.NotNil(t, a)
			require.Equal(t, name, a.File)
			checkInvariants(t, a)
			arts = append(arts, a)
			line = a.Line
		}
		require.True(t, 0 <= line && line <= lines, "line %d of %d", line, lines)
		if line > 0 {
			require.Greater(t, line, lastLine, "lines out of order")
			lastLine = line
		}
	}
	_, err := r.Next()
	require.ErrorIs(t, err, io.EOF, "the end is sticky")
	return arts
}

// fuzzMax maps a fuzzed byte to a MaxRecord: small limits to cross, or 0
// for the default.
func fuzzMax(b uint8) int {
	if b < 128 {
		return 0
	}
	return int(b - 120)
}

var jsonlSeeds = []string{
	`{"id":"a1","source":"wire","sentences":[{"text":"Rain fell.","label":"fact","para":0},{"text":"Café shut.","label":"opinion","para":2}]}`,
	`{"id":42,"genre":"sport","text":"Body.\n\nMore."}` + "\n" + `{"text":"B."}`,
	`{"id":1.5e3,"text":"x"}` + "\r\n\r\n" + `{"id":null,"text":"y"}`,
	"\uFEFF" + `{"text":"BOM"}` + "\n\uFEFF{}",
	`{"sentences":[{"text":"A.","para":2},{"text":"B.","para":1}]}`,
	`{"sentences":[{"text":"A.","para":-1}]}`,
	`{"sentences":[{"text":"  "}]}` + "\n" + `{"sentences":[]}` + "\n" + `{"sentences":null}`,
	`{"sentences":[{"TEXT":"upper","Para":1},{"text":"x\u0000"}]}`,
	`{"text":"caf` + "\xff" + `"}` + "\n" + `{"text":"a` + "\x00" + `"}`,
	`{"id":"a","text":` + "\n" + `[1,2]` + "\nnull\n\"s\"\n" + `{"id":{"x":1},"text":"t"}`,
	`{"text":"\u2028\ud800 <&>"}`,
	`{"sentences":[{"text":"a\n\nb"},{"text":"\t c \u00a0","label":"\u00a0"}]}`,
	`{"":"empty key","source":7,"text":"s"}`,
	strings.Repeat(" ", 200) + "\n" + `{"text":"` + strings.Repeat("long ", 60) + `"}`,
}

func FuzzJSONL(f *testing.F) {
	for i, s := range jsonlSeeds {
		f.Add([]byte(s), uint8(i*37), i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, data []byte, max uint8, oneByte bool) {
		arts := fuzzRead(t, data, "f.jsonl", fuzzMax(max), oneByte)
		// What was read is written and read back unchanged.
		var buf bytes.Buffer
		w := NewJSONLWriter(&buf)
		for _, a := range arts {
			require.NotEmpty(t, strings.TrimSpace(a.Text))
			require.NoError(t, w.Write(a))
		}
		require.NoError(t, w.Flush())
		back := fuzzRead(t, buf.Bytes(), "back.jsonl", 0, false)
		require.Len(t, back, len(arts), "round trip lost articles:\n%s", buf.String())
		for i, a := range arts {
			b := back[i]
			assert.Equal(t, a.ID, b.ID)
			assert.Equal(t, a.Source, b.Source)
			assert.Equal(t, a.Text, b.Text)
			assert.Equal(t, a.Paras, b.Paras)
			assert.Equal(t, a.Sentences, b.Sentences)
			assert.Equal(t, a.Fields, b.Fields)
		}
	})
}

func FuzzTSV(f *testing.F) {
	for i, s := range []string{
		"fact\tRain fell.\nquote\t\"Go,\" she said.\n",
		" fact \t Rain\tfell. \r\n\r\n\tno label\nfact\t \nno tab\n",
		"\uFEFFfact\tab\xfe\nfact\tab\x00\n",
		"opinion\tThe café\u00a0was better.",
		"\t\n \t \n" + strings.Repeat("x", 300) + "\tlong\n",
	} {
		f.Add([]byte(s), uint8(i*50), i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, data []byte, max uint8, oneByte bool) {
		for _, a := range fuzzRead(t, data, "f.tsv", fuzzMax(max), oneByte) {
			if len(a.Sentences) == 0 {
				// A row of a table of articles (the first line was a
				// header naming a text column).
				require.NotEmpty(t, strings.TrimSpace(a.Text))
				continue
			}
			require.Len(t, a.Sentences, 1)
			s := a.Sentences[0]
			require.Equal(t, a.Text, s.Text)
			require.NotEmpty(t, s.Label)
			require.NotContains(t, s.Label, "\t")
			// The line the sentence would be written as reads back the same.
			label, text, err := parseTSVLine(s.Label + "\t" + s.Text)
			require.NoError(t, err)
			require.Equal(t, [2]string{s.Label, s.Text}, [2]string{label, text})
		}
	})
}

func FuzzFastText(f *testing.F) {
	for i, s := range []string{
		"__label__fact Rain fell.\n__label__quote \"Go,\" she said.\n",
		"__label__fact\tTab.\n__label__opinion   Too   late.  \r\n",
		"Unlabelled.\n__label__a __label__b x\n__label__ x\n__label__fact\n",
		"\uFEFF__label__fact \xc0\xaf\n__label__x\u00a0y z\n\u00a0__label__q r",
		"__label__\v\f x\n__label__fact \x00",
	} {
		f.Add([]byte(s), uint8(i*50), i%2 == 1)
	}
	f.Fuzz(func(t *testing.T, data []byte, max uint8, oneByte bool) {
		for _, a := range fuzzRead(t, data, "f.ft", fuzzMax(max), oneByte) {
			require.Len(t, a.Sentences, 1)
			s := a.Sentences[0]
			require.Equal(t, a.Text, s.Text)
			require.NotContains(t, s.Text, "\n")
			require.False(t, strings.ContainsAny(s.Label, fastTextSpace), "label %q holds a space", s.Label)
			line := s.Text
			if s.Label != "" {
				line = fastTextPrefix + s.Label + " " + s.Text
			}
			label, text, err := parseFastTextLine(line)
			require.NoError(t, err)
			require.Equal(t, [2]string{s.Label, s.Text}, [2]string{label, text})
		}
	})
}

func FuzzText(f *testing.F) {
	for i, s := range []string{
		"Title\n\nFirst para. Two sentences.\n\nSecond para.\n",
		"\uFEFFA.\r\n\r\nB.",
		"", " \n\t", "A.\n\nB\xffC.", "\uFEFFA.\nB\x00",
		`{"text":"sniffed as JSONL"}`, "__label__fact sniffed as fastText",
		"\xef\xbb", "__label", strings.Repeat("x", 300),
	} {
		f.Add([]byte(s), uint8(i*25), i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, data []byte, max uint8, oneByte bool) {
		arts := fuzzRead(t, data, "f.txt", fuzzMax(max), oneByte)
		require.LessOrEqual(t, len(arts), 1)
		if len(arts) == 1 {
			a := arts[0]
			assert.Equal(t, string(bytes.TrimPrefix(data, []byte(bom))), a.Text, "the text is the input, less a BOM")
			assert.Equal(t, "f.txt", a.ID)
			assert.Empty(t, a.Sentences)
		}
		// The same bytes with no telling name go through sniffing.
		fuzzRead(t, data, "-", fuzzMax(max), oneByte)
	})
}

// decodeString must agree with encoding/json on every input: the same
// string, or an error in both.
func FuzzDecodeString(f *testing.F) {
	for _, s := range []string{`"plain"`, `"a\"b"`, `"tab\there"`, "\"raw\ttab\"", `"é ☃"`, "\"\xff\"", `""`, `"`, `1`, `"\u2028"`, "\"a\x7f\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var got, want string
		gotErr := decodeString(raw, &got)
		wantErr := json.Unmarshal(raw, &want)
		require.Equal(t, wantErr == nil, gotErr == nil, "error for %q: %v vs %v", raw, gotErr, wantErr)
		require.Equal(t, want, got)
	})
}
