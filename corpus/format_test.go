package corpus

import (
	"bufio"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{
		"": FormatAuto, "auto": FormatAuto, "JSONL": FormatJSONL, "json": FormatJSONL, "ndjson": FormatJSONL,
		"tsv": FormatTSV, "fasttext": FormatFastText, "ft": FormatFastText, "text": FormatText, "TXT": FormatText,
		"csv": FormatCSV, "CSV": FormatCSV,
	} {
		got, err := ParseFormat(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := ParseFormat("xml")
	assert.ErrorContains(t, err, `corpus: unknown format "xml" (want auto, jsonl, csv, tsv, fasttext or text)`)
}

func TestFormatString(t *testing.T) {
	for f, want := range map[Format]string{FormatAuto: "auto", FormatJSONL: "jsonl", FormatTSV: "tsv", FormatFastText: "fasttext", FormatText: "text", FormatCSV: "csv", Format(9): "Format(9)"} {
		assert.Equal(t, want, f.String())
		if f != Format(9) {
			back, err := ParseFormat(want)
			require.NoError(t, err)
			assert.Equal(t, f, back, "ParseFormat(String()) round trip")
		}
	}
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]Format{
		"a.jsonl": FormatJSONL, "a.ndjson": FormatJSONL, "A.JSON": FormatJSONL, "dir/a.jsonl.gz": FormatJSONL,
		"a.tsv": FormatTSV, "a.TSV.GZ": FormatTSV, "a.ft": FormatFastText, "a.fasttext": FormatFastText,
		"a.txt": FormatText, "a.text.gz": FormatText,
		"-": FormatAuto, "<stdin>": FormatAuto, "README": FormatAuto, "a.gz": FormatAuto, "a.csv": FormatCSV, "a.CSV.gz": FormatCSV, "a.xls": FormatAuto, "x.jsonl.bak": FormatAuto,
	} {
		assert.Equal(t, want, FormatOf(name), name)
	}
}

// A stream whose name does not tell its format is sniffed: '{' is JSONL,
// "__label__" fastText, anything else raw text (TSV cannot be told from
// text, so it needs a name or -format).
func TestSniffByContent(t *testing.T) {
	jsonArt := func(name string) *Article { return &Article{ID: name + ":1", Text: "A.", File: name, Line: 1} }
	for _, name := range []string{"-", "<stdin>", "stdin", "input", "data.gz"} {
		t.Run(name, func(t *testing.T) {
			for _, tt := range []struct {
				in   string
				want []step
			}{
				{`{"text":"A."}`, []step{ok(jsonArt(name))}},
				{"\uFEFF" + `{"text":"A."}`, []step{ok(jsonArt(name))}},
				{"__label__fact A.", []step{ok(oneSentence(name, 1, "fact", "A."))}},
				{"\uFEFF\n__label__fact A.", []step{ok(oneSentence(name, 2, "fact", "A."))}},
				{"__label", []step{ok(&Article{ID: name, Text: "__label", File: name})}},
				{"fact\tA.", []step{ok(&Article{ID: name, Text: "fact\tA.", File: name})}},
				{"Plain text.", []step{ok(&Article{ID: name, Text: "Plain text.", File: name})}},
				{"", []step{bad(wantErr{id: name, is: ErrEmpty})}},
			} {
				checkSteps(t, NewReader(strings.NewReader(tt.in), name, ReaderOptions{}), tt.want)
			}
			// A JSONL line after more white space than one buffer.
			in := strings.Repeat("\n", 70000) + `{"text":"A."}`
			checkSteps(t, NewReader(strings.NewReader(in), name, ReaderOptions{}), []step{ok(&Article{ID: name, Text: in, File: name})})
			in = strings.Repeat("\n", 1000) + `{"text":"A."}`
			checkSteps(t, NewReader(strings.NewReader(in), name, ReaderOptions{}), []step{ok(&Article{ID: name + ":1001", Text: "A.", File: name, Line: 1001})})
		})
	}
}

func TestExplicitFormatWinsOverName(t *testing.T) {
	r := NewReader(strings.NewReader("fact\tA.\n"), "in.txt", ReaderOptions{Format: FormatTSV})
	checkSteps(t, r, []step{ok(oneSentence("in.txt", 1, "fact", "A."))})
	r = NewReader(strings.NewReader(`{"text":"A."}`), "in.txt", ReaderOptions{Format: FormatText})
	checkSteps(t, r, []step{ok(&Article{ID: "in.txt", Text: `{"text":"A."}`, File: "in.txt"})})
}

func TestSniffBytes(t *testing.T) {
	const undecided = Format(-1)
	for _, tt := range []struct {
		in    string
		final bool
		want  Format
	}{
		{"", false, undecided},
		{"", true, FormatText},
		{"{", false, FormatJSONL},
		{"[", false, FormatText},
		{"\uFEFF{", false, FormatText}, // a BOM is sniff's business, at the start only
		{"_", false, undecided},
		{"__label_", false, undecided},
		{"__label_", true, FormatText},
		{"__label__", false, FormatFastText},
		// A line that opens with a letter may be a header row: decided at
		// its end.
		{"__labelX", false, undecided},
		{"__labelX\n", false, FormatText},
		{"x", false, undecided},
		{"x", true, FormatText},
		{"x\n", false, FormatText},
		{"7 people, 2 dogs\n", false, FormatText},
		{"id,text", false, undecided},
		{"id,text", true, FormatCSV},
		{"id,text\r\n", false, FormatCSV},
		{`"id","Text",outlet` + "\n", false, FormatCSV},
		{"id\ttext\n", false, FormatTSV},
		{"id,body\n", false, FormatText}, // no text column
		{"Once upon a time, there was a text.\n", false, FormatText},
		{strings.Repeat("a", maxHeader), false, FormatText},
	} {
		f, done := sniffBytes([]byte(tt.in), tt.final, "text")
		if tt.want == undecided {
			assert.False(t, done, "%q final=%v: decided %v", tt.in, tt.final, f)
			continue
		}
		assert.True(t, done, "%q final=%v undecided", tt.in, tt.final)
		assert.Equal(t, tt.want, f, "%q final=%v", tt.in, tt.final)
	}
}

func TestSniff(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Format
	}{
		{"", FormatText},
		{" \r\n\t", FormatText},
		{" {", FormatJSONL},
		{"\uFEFF", FormatText},
		{"\uFEFF{", FormatJSONL},
		{"\uFEFF\n\t{", FormatJSONL},
		{"\xef\xbb", FormatText},
		{"\xef\xbb{", FormatText},
		{" \uFEFF{", FormatText},
		{"\uFEFF\uFEFF{", FormatText},
		{"\uFEFF__label__x y", FormatFastText},
		{"__label", FormatText},
		{strings.Repeat(" ", sniffSize-1) + "{", FormatJSONL},
		{strings.Repeat(" ", sniffSize) + "{", FormatText},
	} {
		for wname, wrap := range wrappers {
			f, err := sniff(bufio.NewReaderSize(wrap(strings.NewReader(tt.in)), sniffSize), "text")
			require.NoError(t, err)
			assert.Equal(t, tt.want, f, "%.20q through %s", tt.in, wname)
		}
	}
}

// chunkReader yields its chunks one Read at a time and fails the test if
// read past them: sniffing must not wait for more than it needs (on a pipe,
// more may never come until the reader acts).
type chunkReader struct {
	t      *testing.T
	chunks []string
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.chunks) == 0 {
		c.t.Error("read past the bytes that decide the format")
		return 0, nil
	}
	n := copy(p, c.chunks[0])
	c.chunks[0] = c.chunks[0][n:]
	if c.chunks[0] == "" {
		c.chunks = c.chunks[1:]
	}
	return n, nil
}

func TestSniffReadsNoMoreThanNeeded(t *testing.T) {
	for _, tt := range []struct {
		chunks []string
		want   Format
	}{
		{[]string{"{"}, FormatJSONL},
		{[]string{"\xef", "\xbb\xbf", " \n", "{"}, FormatJSONL},
		{[]string{"__la", "bel", "__"}, FormatFastText},
		{[]string{"\n", "Once upon a time.", "\n"}, FormatText},
		{[]string{"(Once)"}, FormatText},
		{[]string{"id,te", "xt\n"}, FormatCSV},
	} {
		f, err := sniff(bufio.NewReaderSize(&chunkReader{t: t, chunks: tt.chunks}, sniffSize), "text")
		require.NoError(t, err)
		assert.Equal(t, tt.want, f, "%q", tt.chunks)
	}
}

// Sniffing past leading white space that trickles in a byte at a time looks
// at each byte once (it took 13 s when each Peek trimmed from the start).
func TestSniffLinear(t *testing.T) {
	in := strings.Repeat(" ", 60000) + "\n" + `{"text":"A."}`
	start := time.Now()
	r := NewReader(iotest.OneByteReader(strings.NewReader(in)), "-", ReaderOptions{})
	a, err := r.Next()
	require.NoError(t, err)
	assert.Equal(t, "A.", a.Text)
	assert.Less(t, time.Since(start), 5*time.Second)
}
