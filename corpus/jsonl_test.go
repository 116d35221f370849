package corpus

import (
	"strings"
	"testing"
)

// Expected articles in this file are worked by hand: paragraphs joined by
// "\n\n", the sentences of a paragraph by " ", offsets in bytes.
func TestJSONLReader(t *testing.T) {
	const name = "in.jsonl"
	art := func(line int, a Article) *Article {
		a.File, a.Line = name, line
		return &a
	}
	raw := func(line int, id, text string) *Article {
		return art(line, Article{ID: id, Text: text})
	}
	tests := []struct {
		name string
		in   string
		opts ReaderOptions
		want []step
	}{
		{
			name: "labelled article, two paragraphs, multi-byte text",
			in:   `{"id":"a1","source":"wire","sentences":[{"text":"Rain fell.","label":"fact","para":0},{"text":"It was cold.","label":"fact","para":0},{"text":"Café shut.","label":"opinion","para":1}]}` + "\n",
			// "Rain fell." [0,10) " " "It was cold." [11,23) "\n\n"
			// "Café shut." [25,36): é is two bytes.
			want: []step{ok(art(1, Article{
				ID: "a1", Source: "wire",
				Text:  "Rain fell. It was cold.\n\nCafé shut.",
				Paras: []Span{{0, 23}, {25, 36}},
				Sentences: []Sentence{
					sent("Rain fell.", "fact", 0, 0, 10),
					sent("It was cold.", "fact", 0, 11, 23),
					sent("Café shut.", "opinion", 1, 25, 36),
				},
			}))},
		},
		{
			name: "para gaps renumbered densely",
			in:   `{"id":"g","sentences":[{"text":"A.","para":0},{"text":"B.","para":3},{"text":"C.","para":3},{"text":"D.","para":7}]}`,
			// "A." [0,2) "\n\n" "B." [4,6) " " "C." [7,9) "\n\n" "D." [11,13)
			want: []step{ok(art(1, Article{
				ID: "g", Text: "A.\n\nB. C.\n\nD.",
				Paras: []Span{{0, 2}, {4, 9}, {11, 13}},
				Sentences: []Sentence{
					sent("A.", "", 0, 0, 2), sent("B.", "", 1, 4, 6),
					sent("C.", "", 1, 7, 9), sent("D.", "", 2, 11, 13),
				},
			}))},
		},
		{
			name: "missing para continues the previous one; first para 1 becomes 0",
			in:   `{"id":"p","sentences":[{"text":"A.","para":1},{"text":"B."},{"text":"C.","para":2}]}`,
			// "A." [0,2) " " "B." [3,5) "\n\n" "C." [7,9)
			want: []step{ok(art(1, Article{
				ID: "p", Text: "A. B.\n\nC.",
				Paras:     []Span{{0, 5}, {7, 9}},
				Sentences: []Sentence{sent("A.", "", 0, 0, 2), sent("B.", "", 0, 3, 5), sent("C.", "", 1, 7, 9)},
			}))},
		},
		{
			name: "sentence text and label trimmed",
			in:   `{"id":"t","sentences":[{"text":"  A.\n","label":" fact "},{"text":"\tB. ","label":"quote"}]}`,
			// "A." [0,2) " " "B." [3,5)
			want: []step{ok(art(1, Article{
				ID: "t", Text: "A. B.",
				Paras:     []Span{{0, 5}},
				Sentences: []Sentence{sent("A.", "fact", 0, 0, 2), sent("B.", "quote", 0, 3, 5)},
			}))},
		},
		{
			name: "ids as numbers, null and empty ids default to file:line",
			in: `{"id":42,"text":"A."}` + "\n" +
				`{"id":1.5e3,"text":"B."}` + "\n" +
				`{"id":-7,"text":"C."}` + "\n" +
				`{"text":"D."}` + "\n" +
				`{"id":null,"text":"E."}` + "\n" +
				`{"id":"","text":"F."}` + "\n",
			want: []step{
				ok(raw(1, "42", "A.")), ok(raw(2, "1.5e3", "B.")), ok(raw(3, "-7", "C.")),
				ok(raw(4, "in.jsonl:4", "D.")), ok(raw(5, "in.jsonl:5", "E.")), ok(raw(6, "in.jsonl:6", "F.")),
			},
		},
		{
			name: "ids that are neither string nor number",
			in:   `{"id":true,"text":"A."}` + "\n" + `{"id":["x"],"text":"B."}` + "\n" + `{"id":"ok","text":"C."}` + "\n",
			want: []step{
				bad(wantErr{line: 1, msg: `field "id": want a string or number, got true`}),
				bad(wantErr{line: 2, msg: `field "id": want a string or number, got ["x"]`}),
				ok(raw(3, "ok", "C.")),
			},
		},
		{
			name: "extra string fields kept, others dropped, source apart",
			in:   `{"id":"f","source":"wire","genre":"sport","outlet":"Daily","year":2020,"tags":["x"],"paywall":false,"text":"Body."}`,
			want: []step{ok(art(1, Article{
				ID: "f", Source: "wire", Text: "Body.",
				Fields: map[string]string{"genre": "sport", "outlet": "Daily"},
			}))},
		},
		{
			name: "raw text kept as is, not trimmed",
			in:   `{"id":"r","text":"  Line one.\n\nLine two.\n"}`,
			want: []step{ok(raw(1, "r", "  Line one.\n\nLine two.\n"))},
		},
		{
			name: "sentences win over text; null sentences fall back to text",
			in:   `{"id":"b","sentences":[{"text":"S."}],"text":"ignored"}` + "\n" + `{"id":"n","sentences":null,"text":"T."}` + "\n",
			want: []step{
				ok(art(1, Article{ID: "b", Text: "S.", Paras: []Span{{0, 2}}, Sentences: []Sentence{sent("S.", "", 0, 0, 2)}})),
				ok(raw(2, "n", "T.")),
			},
		},
		{
			name: "another text field",
			in:   `{"id":"x","body":"Body text.","text":"other"}`,
			opts: ReaderOptions{TextField: "body"},
			want: []step{ok(art(1, Article{ID: "x", Text: "Body text.", Fields: map[string]string{"text": "other"}}))},
		},
		{
			name: "bad sentences",
			in: `{"id":"e1","sentences":[{"text":"A."},{"text":"  ","label":"fact"}]}` + "\n" +
				`{"id":"e2","sentences":[{"label":"fact"}]}` + "\n" +
				`{"id":"e3","sentences":[]}` + "\n" +
				`{"id":"e4","sentences":"A. B."}` + "\n" +
				`{"id":"e5","sentences":[{"text":"A.","para":2},{"text":"B.","para":1}]}` + "\n" +
				`{"id":"e6","sentences":[{"text":"A.","para":-1}]}` + "\n" +
				`{"id":"e7","sentences":[{"text":"A.","para":1.5}]}` + "\n" +
				`{"id":"e8","sentences":[{"text":"A.\u0000B."}]}` + "\n" +
				`{"id":"e9","sentences":[null]}` + "\n",
			want: []step{
				bad(wantErr{line: 1, id: "e1", msg: "sentence 1: empty text"}),
				bad(wantErr{line: 2, id: "e2", msg: `sentence 0: missing field "text"`}),
				bad(wantErr{line: 3, id: "e3", is: ErrEmpty, msg: `field "sentences"`}),
				bad(wantErr{line: 4, id: "e4", msg: `field "sentences"`}),
				bad(wantErr{line: 5, id: "e5", msg: "sentence 1: para 1 after para 2 (paragraph numbers must not decrease)"}),
				bad(wantErr{line: 6, id: "e6", msg: "sentence 0: negative para -1"}),
				bad(wantErr{line: 7, id: "e7", msg: `field "sentences"`}),
				bad(wantErr{line: 8, id: "e8", is: ErrNUL, msg: "sentence 0"}),
				bad(wantErr{line: 9, id: "e9", msg: `sentence 0: missing field "text"`}),
			},
		},
		{
			name: "bad text field",
			in: `{"id":"m","source":"wire"}` + "\n" +
				`{"id":"s","text":12}` + "\n" +
				`{"id":"w","text":" \n "}` + "\n" +
				`{"id":"z","text":"a\u0000b"}` + "\n",
			want: []step{
				bad(wantErr{line: 1, id: "m", msg: `missing field: want "sentences" or "text"`}),
				bad(wantErr{line: 2, id: "s", msg: `field "text": want a string`}),
				bad(wantErr{line: 3, id: "w", is: ErrEmpty, msg: `field "text"`}),
				bad(wantErr{line: 4, id: "z", is: ErrNUL, msg: `field "text"`}),
			},
		},
		{
			name: "missing other text field",
			in:   `{"id":"x","text":"A."}`,
			opts: ReaderOptions{TextField: "body"},
			want: []step{bad(wantErr{line: 1, id: "x", msg: `missing field: want "sentences" or "body"`})},
		},
		{
			name: "malformed JSON and lines that are not objects",
			in:   `{"id":"a","text":` + "\n" + `[1,2]` + "\n" + `null` + "\n" + `"text"` + "\n" + `{"id":"a","text":"A."} trailing` + "\n" + `{"text":"ok"}`,
			want: []step{
				bad(wantErr{line: 1, msg: "malformed JSON: unexpected end of JSON input"}),
				bad(wantErr{line: 2, msg: "malformed JSON: want an object per line, got [1,2]"}),
				bad(wantErr{line: 3, msg: "want an object per line, got null"}),
				bad(wantErr{line: 4, msg: `want an object per line, got "text"`}),
				bad(wantErr{line: 5, msg: "malformed JSON: invalid character 't' after top-level value"}),
				ok(raw(6, "in.jsonl:6", "ok")),
			},
		},
		{
			name: "invalid UTF-8 names the byte offset",
			// `{"text":"caf` is 12 bytes, so the bad byte is at offset 12.
			in: `{"text":"caf` + "\xff" + `"}` + "\n" + `{"text":"é` + "\xc3" + `"}` + "\n",
			want: []step{
				bad(wantErr{line: 1, is: ErrInvalidUTF8, msg: "invalid UTF-8 at byte 12"}),
				// `{"text":"é` is 11 bytes: a truncated sequence at 11.
				bad(wantErr{line: 2, is: ErrInvalidUTF8, msg: "invalid UTF-8 at byte 11"}),
			},
		},
		{
			name: "NUL byte names the byte offset",
			// `{"text":"a` is 10 bytes.
			in: `{"text":"a` + "\x00" + `"}` + "\n" + `{"text":"b"}`,
			want: []step{
				bad(wantErr{line: 1, is: ErrNUL, msg: "NUL byte (binary data?) at byte 10"}),
				ok(raw(2, "in.jsonl:2", "b")),
			},
		},
		{
			name: "blank lines skipped but counted",
			in:   "\n  \t\n" + `{"text":"A."}` + "\n\n\r\n" + `{"text":"B."}` + "\n\n",
			want: []step{ok(raw(3, "in.jsonl:3", "A.")), ok(raw(6, "in.jsonl:6", "B."))},
		},
		{
			name: "CRLF line endings",
			in:   `{"id":"a","text":"A."}` + "\r\n" + `{"id":"b","sentences":[{"text":"B."}]}` + "\r\n",
			want: []step{
				ok(raw(1, "a", "A.")),
				ok(art(2, Article{ID: "b", Text: "B.", Paras: []Span{{0, 2}}, Sentences: []Sentence{sent("B.", "", 0, 0, 2)}})),
			},
		},
		{
			name: "BOM on the first line",
			in:   "\uFEFF" + `{"id":"a","text":"A."}` + "\n" + `{"id":"b","text":"B."}`,
			want: []step{ok(raw(1, "a", "A.")), ok(raw(2, "b", "B."))},
		},
		{
			name: "BOM counted in the offset of a bad byte",
			// 3 bytes of BOM + 12 of `{"text":"caf`.
			in:   "\uFEFF" + `{"text":"caf` + "\xff" + `"}`,
			want: []step{bad(wantErr{line: 1, is: ErrInvalidUTF8, msg: "at byte 15"})},
		},
		{
			name: "BOM after the first line is text, and invalid JSON",
			in:   `{"text":"A."}` + "\n\uFEFF" + `{"text":"B."}`,
			want: []step{ok(raw(1, "in.jsonl:1", "A.")), bad(wantErr{line: 2, msg: "malformed JSON"})},
		},
		{
			name: "over-long line reported, next line read",
			// Line 2 is 26 bytes, under the limit of 30.
			in:   `{"id":"long","text":"` + strings.Repeat("x", 40) + `"}` + "\n" + `{"id":"s","text":"Short."}` + "\n",
			opts: ReaderOptions{MaxRecord: 30},
			want: []step{
				bad(wantErr{line: 1, is: ErrTooLarge, msg: "record larger than the limit (30 bytes)"}),
				ok(raw(2, "s", "Short.")),
			},
		},
		{
			name: "over-long last line without newline",
			in:   `{"id":"s","text":"Short."}` + "\n" + `{"id":"long","text":"` + strings.Repeat("x", 40) + `"}`,
			opts: ReaderOptions{MaxRecord: 30},
			want: []step{ok(raw(1, "s", "Short.")), bad(wantErr{line: 2, is: ErrTooLarge})},
		},
		{name: "empty file", in: ""},
		{name: "only blank lines", in: "\n\n  \r\n\t\n"},
		{name: "only a BOM", in: "\uFEFF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSteps(t, NewReader(strings.NewReader(tt.in), name, tt.opts), tt.want)
		})
	}
}

// A record of exactly MaxRecord bytes is read whatever its line ending; one
// byte more is not.
func TestMaxRecordBoundary(t *testing.T) {
	// `{"text":"` (9) + 19 x + `"}` (2) = 30 bytes, worked by hand.
	line30 := `{"text":"` + strings.Repeat("x", 19) + `"}`
	line31 := `{"text":"` + strings.Repeat("x", 20) + `"}`
	for _, end := range []string{"", "\n", "\r\n"} {
		for _, lead := range []string{"", "\uFEFF"} {
			t.Run(strings.NewReplacer("\r", `\r`, "\n", `\n`, "\uFEFF", "BOM").Replace("lead="+lead+",end="+end), func(t *testing.T) {
				want30 := []step{ok(&Article{ID: "in.jsonl:1", Text: strings.Repeat("x", 19), File: "in.jsonl", Line: 1})}
				checkSteps(t, NewReader(strings.NewReader(lead+line30+end), "in.jsonl", ReaderOptions{MaxRecord: 30}), want30)
				want31 := []step{bad(wantErr{line: 1, is: ErrTooLarge})}
				checkSteps(t, NewReader(strings.NewReader(lead+line31+end), "in.jsonl", ReaderOptions{MaxRecord: 30}), want31)
			})
		}
	}
}

// The fixture mixes good and bad records; each line is accounted for.
func TestJSONLFixture(t *testing.T) {
	r := Open([]string{fixtures + "/mixed.jsonl"}, ReaderOptions{})
	defer r.Close()
	const file = fixtures + "/mixed.jsonl"
	// "Three." [0,6) "\n\n" "Four." [8,13), worked by hand.
	checkSteps(t, r, []step{
		ok(&Article{ID: "ok1", Text: "One.", Paras: []Span{{0, 4}}, Sentences: []Sentence{sent("One.", "fact", 0, 0, 4)}, File: file, Line: 1}),
		bad(wantErr{line: 2, msg: "malformed JSON"}),
		ok(&Article{ID: "ok2", Text: "Two.", File: file, Line: 3}),
		bad(wantErr{line: 5, id: "no-body", msg: "missing field"}),
		bad(wantErr{line: 6, id: "bad-para", msg: "para 1 after para 2"}),
		bad(wantErr{line: 7, msg: "want an object per line"}),
		ok(&Article{ID: "ok3", Text: "Three.\n\nFour.", Paras: []Span{{0, 6}, {8, 13}},
			Sentences: []Sentence{sent("Three.", "quote", 0, 0, 6), sent("Four.", "fact", 1, 8, 13)}, File: file, Line: 8}),
		bad(wantErr{line: 9, msg: `field "id"`}),
		ok(&Article{ID: file + ":10", Text: "Six.", File: file, Line: 10}),
	})
}
