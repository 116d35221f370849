package corpus

import (
	"strings"
	"testing"
)

func TestTextReader(t *testing.T) {
	const name = "in.txt"
	whole := func(text string) step { return ok(&Article{ID: name, Text: text, File: name}) }
	tests := []struct {
		name string
		in   string
		opts ReaderOptions
		want []step
	}{
		{
			name: "paragraphs kept as they are",
			in:   "Title\n\nFirst para. Two sentences.\n\nSecond para.\n",
			want: []step{whole("Title\n\nFirst para. Two sentences.\n\nSecond para.\n")},
		},
		{name: "CRLF kept", in: "A.\r\n\r\nB.\r\n", want: []step{whole("A.\r\n\r\nB.\r\n")}},
		{name: "BOM dropped", in: "\uFEFFA.", want: []step{whole("A.")}},
		{name: "empty file", in: "", want: []step{bad(wantErr{id: name, is: ErrEmpty, msg: "corpus: in.txt: empty input"})}},
		{name: "white space only", in: "\uFEFF \n\t\r\n", want: []step{bad(wantErr{id: name, is: ErrEmpty})}},
		{
			name: "invalid UTF-8 names line and byte",
			// "A.\n\nB" is 5 bytes, on line 3.
			in:   "A.\n\nB\xffC.\n",
			want: []step{bad(wantErr{line: 3, id: name, is: ErrInvalidUTF8, msg: "corpus: in.txt:3: invalid UTF-8 at byte 5"})},
		},
		{
			name: "byte offset counts the BOM",
			in:   "\uFEFFA.\nB\x00",
			want: []step{bad(wantErr{line: 2, id: name, is: ErrNUL, msg: "in.txt:2: NUL byte (binary data?) at byte 7"})},
		},
		{
			name: "larger than MaxRecord",
			in:   strings.Repeat("x", 11),
			opts: ReaderOptions{MaxRecord: 10},
			// Issue 13: the error names the file and line where the article starts.
			want: []step{bad(wantErr{id: name, line: 1, is: ErrTooLarge, msg: "in.txt:1: record larger than the limit (10 bytes)"})},
		},
		{name: "exactly MaxRecord", in: strings.Repeat("x", 10), opts: ReaderOptions{MaxRecord: 10}, want: []step{whole(strings.Repeat("x", 10))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSteps(t, NewReader(strings.NewReader(tt.in), name, tt.opts), tt.want)
		})
	}
}

func TestTextFixture(t *testing.T) {
	const file = fixtures + "/article.txt"
	r := Open([]string{file}, ReaderOptions{})
	defer r.Close()
	checkSteps(t, r, []step{ok(&Article{
		ID: file, File: file,
		Text: "Storm hits coast\n\nA storm hit the coast on Sunday. Power was cut.\n\n\"We lost everything,\" a resident said.\n",
	})})
}
