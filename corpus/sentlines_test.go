package corpus

import (
	"strings"
	"testing"
)

// oneSentence is the article a sentence-per-line reader makes of a line:
// the sentence is the whole text, one paragraph. Worked by hand.
func oneSentence(file string, line int, label, text string) *Article {
	return &Article{
		ID:        file + ":" + itoa(line),
		Text:      text,
		Paras:     []Span{{0, len(text)}},
		Sentences: []Sentence{sent(text, label, 0, 0, len(text))},
		File:      file,
		Line:      line,
	}
}

func TestTSVReader(t *testing.T) {
	const name = "in.tsv"
	one := func(line int, label, text string) step { return ok(oneSentence(name, line, label, text)) }
	tests := []struct {
		name string
		in   string
		opts ReaderOptions
		want []step
	}{
		{
			name: "labelled lines",
			in:   "fact\tRain fell.\nquote\t\"Go,\" she said.\n",
			want: []step{one(1, "fact", "Rain fell."), one(2, "quote", `"Go," she said.`)},
		},
		{
			name: "label and text trimmed, later tabs kept in the text",
			in:   " fact \t Rain\tfell. \n",
			want: []step{one(1, "fact", "Rain\tfell.")},
		},
		{
			name: "multi-byte text",
			in:   "opinion\tThe café was better before.",
			want: []step{one(1, "opinion", "The café was better before.")},
		},
		{
			name: "no tab, empty label, empty text",
			in:   "fact Rain fell.\n\tNo label.\nfact\t  \nfact\tOK.\n",
			want: []step{
				bad(wantErr{line: 1, msg: "no TAB: want label<TAB>text"}),
				bad(wantErr{line: 2, msg: "empty label"}),
				bad(wantErr{line: 3, msg: "empty text"}),
				one(4, "fact", "OK."),
			},
		},
		{
			name: "blank lines skipped, CRLF, BOM",
			in:   "\uFEFFfact\tA.\r\n\r\n   \r\nquote\tB.\r\n",
			want: []step{one(1, "fact", "A."), one(4, "quote", "B.")},
		},
		{
			name: "invalid UTF-8 and NUL name the byte offset",
			// "fact\tab" is 7 bytes; with a BOM, 10.
			in: "\uFEFFfact\tab\xfe\nfact\tab\x00\nfact\tab\x80\n",
			want: []step{
				bad(wantErr{line: 1, is: ErrInvalidUTF8, msg: "invalid UTF-8 at byte 10"}),
				bad(wantErr{line: 2, is: ErrNUL, msg: "at byte 7"}),
				bad(wantErr{line: 3, is: ErrInvalidUTF8, msg: "at byte 7"}),
			},
		},
		{
			name: "over-long line",
			in:   "fact\t" + strings.Repeat("x", 20) + "\nfact\tshort\n",
			opts: ReaderOptions{MaxRecord: 16},
			want: []step{
				bad(wantErr{line: 1, is: ErrTooLarge, msg: "record larger than the limit (16 bytes)"}),
				one(2, "fact", "short"),
			},
		},
		{name: "empty file", in: ""},
		{name: "only blank lines", in: "\n \n\t\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSteps(t, NewReader(strings.NewReader(tt.in), name, tt.opts), tt.want)
		})
	}
}

func TestFastTextReader(t *testing.T) {
	const name = "in.ft"
	one := func(line int, label, text string) step { return ok(oneSentence(name, line, label, text)) }
	tests := []struct {
		name string
		in   string
		want []step
	}{
		{
			name: "labelled lines",
			in:   "__label__fact Rain fell.\n__label__quote \"Go,\" she said.\n",
			want: []step{one(1, "fact", "Rain fell."), one(2, "quote", `"Go," she said.`)},
		},
		{
			name: "label followed by a tab or several spaces",
			in:   "__label__fact\tRain fell.\n__label__opinion   Too   late.  \n",
			want: []step{one(1, "fact", "Rain fell."), one(2, "opinion", "Too   late.")},
		},
		{
			name: "unlabelled lines are unlabelled sentences",
			in:   "Rain fell.\n  label__x is not a label.\n",
			want: []step{one(1, "", "Rain fell."), one(2, "", "label__x is not a label.")},
		},
		{
			name: "two labels, empty label, label without text",
			in:   "__label__fact __label__quote Both.\n__label__ Nothing.\n__label__fact\n__label__fact \t \n__label__quote Fine.\n",
			want: []step{
				bad(wantErr{line: 1, msg: "more than one label (multi-label data is not supported)"}),
				bad(wantErr{line: 2, msg: "empty label after __label__"}),
				bad(wantErr{line: 3, msg: "empty text"}),
				bad(wantErr{line: 4, msg: "empty text"}),
				one(5, "quote", "Fine."),
			},
		},
		{
			name: "blank lines, CRLF, BOM",
			in:   "\uFEFF__label__fact A.\r\n\r\n__label__quote B.",
			want: []step{one(1, "fact", "A."), one(3, "quote", "B.")},
		},
		{
			name: "invalid UTF-8",
			// "__label__fact " is 14 bytes.
			in:   "__label__fact \xc0\xafx\n",
			want: []step{bad(wantErr{line: 1, is: ErrInvalidUTF8, msg: "at byte 14"})},
		},
		{name: "empty file", in: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSteps(t, NewReader(strings.NewReader(tt.in), name, ReaderOptions{}), tt.want)
		})
	}
}

func TestSentenceFixtures(t *testing.T) {
	const tsv, ft = fixtures + "/sentences.tsv", fixtures + "/sentences.ft"
	r := Open([]string{tsv, ft}, ReaderOptions{})
	defer r.Close()
	checkSteps(t, r, []step{
		ok(oneSentence(tsv, 1, "fact", "The council met on Monday.")),
		ok(oneSentence(tsv, 2, "quote", `"We will rebuild," the mayor said.`)),
		ok(oneSentence(tsv, 4, "opinion", "The plan is likely to fail.")),
		ok(oneSentence(ft, 1, "fact", "The council met on Monday.")),
		ok(oneSentence(ft, 2, "quote", `"We will rebuild," the mayor said.`)),
		ok(oneSentence(ft, 3, "", "The plan is likely to fail.")),
	})
}
