package corpus

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBuildText(t *testing.T) {
	tests := []struct {
		name string
		in   []Sentence
		want Article
	}{
		{name: "no sentences", in: nil, want: Article{Text: ""}},
		{
			name: "one paragraph",
			in:   []Sentence{{Text: "A."}, {Text: "Bé."}},
			// "A." [0,2) " " "Bé." [3,7): é is two bytes. Worked by hand.
			want: Article{Text: "A. Bé.", Paras: []Span{{0, 7}}, Sentences: []Sentence{sent("A.", "", 0, 0, 2), sent("Bé.", "", 0, 3, 7)}},
		},
		{
			name: "paragraph numbers renumbered densely, decreasing starts a new one",
			in:   []Sentence{{Text: "A.", Para: 2}, {Text: "B.", Para: 5}, {Text: "C.", Para: 1}, {Text: "D.", Para: 1}},
			// "A." [0,2) "\n\n" "B." [4,6) "\n\n" "C." [8,10) " " "D." [11,13)
			want: Article{
				Text:      "A.\n\nB.\n\nC. D.",
				Paras:     []Span{{0, 2}, {4, 6}, {8, 13}},
				Sentences: []Sentence{sent("A.", "", 0, 0, 2), sent("B.", "", 1, 4, 6), sent("C.", "", 2, 8, 10), sent("D.", "", 2, 11, 13)},
			},
		},
		{
			name: "empty sentence text keeps its place",
			in:   []Sentence{{Text: "A."}, {Text: ""}, {Text: "C.", Para: 1}},
			// "A." [0,2) " " "" [3,3) "\n\n" "C." [5,7)
			want: Article{Text: "A. \n\nC.", Paras: []Span{{0, 3}, {5, 7}}, Sentences: []Sentence{sent("A.", "", 0, 0, 2), sent("", "", 0, 3, 3), sent("C.", "", 1, 5, 7)}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{Sentences: tt.in, Paras: []Span{{9, 9}, {9, 9}, {9, 9}, {9, 9}}}
			a.BuildText()
			assert.Equal(t, tt.want.Text, a.Text)
			if len(tt.want.Paras) == 0 {
				assert.Empty(t, a.Paras)
			} else {
				assert.Equal(t, tt.want.Paras, a.Paras)
			}
			assert.Equal(t, tt.want.Sentences, a.Sentences)
			// Building again changes nothing.
			again := *a
			again.Sentences = append([]Sentence(nil), a.Sentences...)
			again.Paras = nil
			again.BuildText()
			assert.Equal(t, a.Text, again.Text)
			assert.Equal(t, a.Sentences, again.Sentences)
		})
	}
}

func TestLabelledAndField(t *testing.T) {
	a := &Article{ID: "a", Source: "wire", Fields: map[string]string{"genre": "sport"}}
	assert.False(t, a.Labelled(), "no sentences")
	a.Sentences = []Sentence{{Text: "A.", Label: "fact"}, {Text: "B."}}
	assert.False(t, a.Labelled(), "one unlabelled")
	a.Sentences[1].Label = "quote"
	assert.True(t, a.Labelled())
	assert.Equal(t, "a", a.Field("id"))
	assert.Equal(t, "wire", a.Field("source"))
	assert.Equal(t, "sport", a.Field("genre"))
	assert.Equal(t, "", a.Field("missing"))
	assert.Equal(t, "", (&Article{}).Field("genre"), "nil Fields")
}

func TestRecordError(t *testing.T) {
	e := &RecordError{File: "a.jsonl", Line: 3, ID: "x", Err: ErrEmpty}
	assert.Equal(t, "corpus: a.jsonl:3: empty input", e.Error())
	assert.ErrorIs(t, e, ErrEmpty)
	assert.True(t, IsRecordError(e))
	e.Line = 0
	assert.Equal(t, "corpus: a.jsonl: empty input", e.Error())
	assert.False(t, IsRecordError(ErrEmpty))
	assert.False(t, IsRecordError(nil))
	assert.NotPanics(t, func() { _ = (&RecordError{File: "f"}).Error() })
}

func TestTruncate(t *testing.T) {
	assert.Equal(t, "abc", truncate("abc", 3))
	assert.Equal(t, "ab…", truncate("abc", 2))
	assert.Equal(t, "a…", truncate("aé", 2), "a UTF-8 sequence is not cut")
}
