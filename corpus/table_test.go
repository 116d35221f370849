package corpus

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readAllSteps reads src as name and returns the articles and the messages
// of the record errors, in order.
func readAllSteps(t *testing.T, src, name string, opts ReaderOptions) ([]*Article, []string) {
	t.Helper()
	steps, end := drain(t, NewReader(strings.NewReader(src), name, opts), 1000)
	require.ErrorIs(t, end, io.EOF)
	var arts []*Article
	var errs []string
	for _, s := range steps {
		if s.art != nil {
			arts = append(arts, s.art)
		} else {
			errs = append(errs, s.err.msg)
		}
	}
	return arts, errs
}

func TestCSVArticles(t *testing.T) {
	// Quoting as RFC 4180 has it (worked by hand): commas, a doubled quote
	// and a line break inside quoted cells; CRLF endings; a BOM.
	in := "\uFEFFid,Text,source,outlet\r\n" +
		`a1,"Rates rose, again.",The Courier,local` + "\r\n" +
		`a2,"""We will rebuild,"" the mayor said.` + "\r\n\r\n" + `Work starts Monday.",,wire` + "\r\n" +
		"\r\n" +
		",Untitled.,,\r\n"
	for wname, wrap := range wrappers {
		r := NewReader(wrap(strings.NewReader(in)), "in.csv", ReaderOptions{})
		steps, end := drain(t, r, 10)
		require.ErrorIs(t, end, io.EOF, wname)
		require.Len(t, steps, 3, wname)
		a := steps[0].art
		require.NotNil(t, a, wname)
		assert.Equal(t, "a1", a.ID)
		assert.Equal(t, "Rates rose, again.", a.Text)
		assert.Equal(t, "The Courier", a.Source)
		assert.Equal(t, map[string]string{"outlet": "local"}, a.Fields)
		assert.Equal(t, 2, a.Line)
		a = steps[1].art
		require.NotNil(t, a, wname)
		assert.Equal(t, "a2", a.ID)
		assert.Equal(t, "\"We will rebuild,\" the mayor said.\n\nWork starts Monday.", a.Text)
		assert.Equal(t, 3, a.Line)
		a = steps[2].art
		require.NotNil(t, a, wname)
		assert.Equal(t, "in.csv:7", a.ID, "an empty id is FILE:LINE")
		assert.Equal(t, 7, a.Line)
	}
}

func TestCSVNamedColumns(t *testing.T) {
	in := "doc,headline,body\nx9,Ferries,Fares rise.\n"
	arts, errs := readAllSteps(t, in, "in.csv", ReaderOptions{IDField: "doc", TextField: "body"})
	require.Empty(t, errs)
	require.Len(t, arts, 1)
	assert.Equal(t, "x9", arts[0].ID)
	assert.Equal(t, "Fares rise.", arts[0].Text)
	assert.Equal(t, map[string]string{"headline": "Ferries"}, arts[0].Fields)

	// No id column: ids from the line.
	arts, errs = readAllSteps(t, "text\nOne.\nTwo.\n", "t.csv", ReaderOptions{})
	require.Empty(t, errs)
	require.Len(t, arts, 2)
	assert.Equal(t, []string{"t.csv:2", "t.csv:3"}, []string{arts[0].ID, arts[1].ID})
}

func TestCSVBadRows(t *testing.T) {
	in := "id,text\n" +
		"a,One.\n" +
		"b,Two.,extra\n" + // a cell too many
		"c,Th\"ree.\n" + // a bare quote
		"d,\n" + // empty text
		"e,F\xffour.\n" + // invalid UTF-8
		"f,Five.\n"
	arts, errs := readAllSteps(t, in, "in.csv", ReaderOptions{})
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []string{"a", "f"}, ids, "bad rows are skipped, the rest read")
	require.Len(t, errs, 4)
	assert.Contains(t, errs[0], "in.csv:3: 3 cells where the header row has 2 columns")
	assert.Contains(t, errs[1], "in.csv:4: CSV: bare \" in non-quoted-field")
	assert.Contains(t, errs[2], `in.csv:5: column "text": empty input`)
	assert.Contains(t, errs[3], `in.csv:6: column "text": invalid UTF-8`)
}

func TestCSVRecordLimit(t *testing.T) {
	in := "id,text\na,\"" + strings.Repeat("x", 200<<10) // a quote that never closes
	arts, errs := readAllSteps(t, in, "in.csv", ReaderOptions{MaxRecord: 1 << 10})
	assert.Empty(t, arts)
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0], "in.csv:2: record larger than the limit (1024 bytes)")
}

// Each reader refuses input that does not look like its format, with one
// error that names the format it tried and the flag that chooses another.
func TestReadersRefuseTheWrongFormat(t *testing.T) {
	ids := "w1-001\tThe council met.\n"
	for i := 2; i <= 9; i++ {
		ids += "w1-00" + string(rune('0'+i)) + "\tIt voted.\n"
	}
	for _, tt := range []struct {
		name, in string
		opts     ReaderOptions
		msg      string
	}{
		{"arts.csv", "x,y\n1,2\n", ReaderOptions{}, `read as csv, but its header row (x, y) has no column "text"; name the text column with -text-field`},
		{"arts.csv", "The council met on Monday.\nIt voted.\n", ReaderOptions{}, `read as csv, but its first line "The council met on Monday." has no commas`},
		{"ids.tsv", ids, ReaderOptions{}, "read as tsv, but its first column is not a label set (8 different values on the first 8 lines: ids?)"},
		{"swapped.tsv", strings.Repeat("x", 80) + "\tfact\n", ReaderOptions{}, "read as tsv, but the first column of line 1 holds 80 bytes, not a label"},
		{"arts.txt", "id,text\n1,The council met.\n", ReaderOptions{}, `read as text, but its first line "id,text" is the header row of a CSV table (-input-format csv)`},
		{"arts.txt", "id\ttext\n1\tThe council met.\n", ReaderOptions{}, `read as text, but its first line "id\ttext" is the header row of a TSV table`},
		{"header-only.txt", "id,text\n", ReaderOptions{}, `read as text, but its first line "id,text" is the header row of a CSV table`},
		{"arts.txt", strings.Repeat("1,The council met,", 400), ReaderOptions{}, "read as text, but it is one line of 7200 bytes with 800 commas"},
		{"arts.jsonl", "id,text\n1,The council met.\n2,It voted.\n", ReaderOptions{}, "read as jsonl, but its first line is not a JSON object (id,text)"},
		{"tsv.ft", "fact\tThe council met.\nquote\t\"No,\" she said.\n", ReaderOptions{}, "read as fasttext, but none of its first 2 lines has a __label__ prefix and each holds a tab"},
		{"arts.data", "id,text\n1,A.\n", ReaderOptions{Format: FormatJSONL}, "read as jsonl"},
	} {
		arts, errs := readAllSteps(t, tt.in, tt.name, tt.opts)
		assert.Empty(t, arts, tt.name)
		if assert.Len(t, errs, 1, "%s: one error for the input, not one a line", tt.name) {
			assert.Contains(t, errs[0], tt.msg, tt.name)
			assert.Contains(t, errs[0], "choose the format with -input-format (auto, jsonl, csv, tsv, fasttext or text)", tt.name)
		}
		_, err := NewReader(strings.NewReader(tt.in), tt.name, tt.opts).Next()
		assert.ErrorIs(t, err, ErrFormat, tt.name)
	}
}

// What the wrong-format checks must let through.
func TestReadersAcceptTheirFormat(t *testing.T) {
	labels := ""
	for i := range 20 {
		labels += []string{"fact", "quote", "opinion", "appeal"}[i%4] + "\tSentence.\n"
	}
	for _, tt := range []struct {
		name, in string
		n        int
	}{
		{"labels.tsv", labels, 20},
		{"few.tsv", "a\tOne.\nb\tTwo.\nc\tThree.\n", 3}, // too few lines to judge
		{"header.tsv", "label\ttext\nfact\tOne.\n", 1},
		{"prose.txt", "The mayor, who spoke first, said the plan, if passed, would cost a lot.\n\nIt did.", 1},
		{"headline.txt", "Sports, text\n\nThe club won on Saturday.", 1}, // names, but no table row after
		{"long.txt", strings.Repeat("The council met, and it voted. ", 300), 1},
		{"obj.jsonl", "\n{\"text\":\"A.\"}\n", 1},
		{"unlabelled.ft", "The council met.\nIt voted.\n", 2},
		{"mixed.ft", "Tab\tinside.\n__label__fact x\n", 2},
	} {
		arts, errs := readAllSteps(t, tt.in, tt.name, ReaderOptions{})
		assert.Empty(t, errs, tt.name)
		assert.Len(t, arts, tt.n, tt.name)
	}
}

// The cases: a TSV of id<TAB>text with a header, and a CSV, are
// articles, whether named or sniffed from standard input.
func TestTablesOfArticles(t *testing.T) {
	for _, tt := range []struct{ name, in string }{
		{"arts.tsv", "id\ttext\nk1\tThe council met. It voted.\nk2\tRates rose.\n"},
		{"arts.csv", "id,text\nk1,The council met. It voted.\nk2,Rates rose.\n"},
		{"-", "id\ttext\nk1\tThe council met. It voted.\nk2\tRates rose.\n"},
		{"-", "id,text\nk1,The council met. It voted.\nk2,Rates rose.\n"},
		{"arts.csv.gz", "id,text\nk1,The council met. It voted.\nk2,Rates rose.\n"},
	} {
		arts, errs := readAllSteps(t, tt.in, tt.name, ReaderOptions{})
		require.Empty(t, errs, tt.name)
		require.Len(t, arts, 2, tt.name)
		assert.Equal(t, "k1", arts[0].ID, tt.name)
		assert.Equal(t, "The council met. It voted.", arts[0].Text, tt.name)
		assert.Empty(t, arts[0].Sentences, "%s: raw text, segmented later", tt.name)
		assert.Equal(t, "k2", arts[1].ID, tt.name)
	}
}

func TestCSVOneByteAtATime(t *testing.T) {
	in := "id,text\n\"a\",\"One, \"\"two\"\".\"\nb,Three.\n"
	r := NewReader(iotest.OneByteReader(strings.NewReader(in)), "in.csv", ReaderOptions{})
	steps, end := drain(t, r, 10)
	require.ErrorIs(t, end, io.EOF)
	require.Len(t, steps, 2)
	assert.Equal(t, `One, "two".`, steps[0].art.Text)
	assert.Equal(t, "Three.", steps[1].art.Text)
}

// FuzzCSV: any bytes read as CSV give articles with an id and non-empty,
// valid text, or record errors in line order, and an end; never a panic or
// a hang.
func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"id,text\na,One.\n",
		"id,text,source\n\"a\",\"x, \"\"y\"\"\nz\",s\n",
		"text\n\"unclosed\n",
		"x,y\n1,2\n",
		"\uFEFFid,text\r\nb,Two.\r\n",
		"id,text\na,\xff\n",
		"id,text\na,b,c\n\"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data), "f.csv", ReaderOptions{MaxRecord: 1 << 10})
		lines := bytes.Count(data, []byte{'\n'}) + 1
		last := 0
		for i := 0; ; i++ {
			require.LessOrEqual(t, i, lines+1, "more results than lines")
			a, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			var re *RecordError
			if err != nil {
				require.ErrorAs(t, err, &re)
				require.True(t, utf8.ValidString(err.Error()), "error message not UTF-8: %q", err)
				require.LessOrEqual(t, re.Line, lines)
				continue
			}
			require.NotEmpty(t, a.ID)
			require.NotEmpty(t, strings.TrimSpace(a.Text))
			require.True(t, utf8.ValidString(a.Text))
			require.GreaterOrEqual(t, a.Line, last)
			last = a.Line
		}
		_, err := r.Next()
		require.ErrorIs(t, err, io.EOF, "the end is sticky")
	})
}
