package corpus

import "strings"

// Span is a half-open byte range [Start, End) of an article's Text.
type Span struct {
	Start, End int
}

// Sentence is one sentence of an article. Start and End are byte offsets into
// the article's Text, so Text == article.Text[Start:End]. Label is empty when
// the sentence is not labelled.
type Sentence struct {
	Text       string
	Para       int
	Start, End int
	Label      string
	// Attribution gold of a quote sentence (optional fields "speaker",
	// "mention", "cue" of the interchange format): Mention and Cue are
	// substrings of Text (their first occurrence is meant), Speaker the
	// source as named most fully in the article. "" means absent.
	// Attributed reports that the record had at least one of the fields, so
	// that an annotated "" (no mention) differs from no annotation.
	Speaker, Mention, Cue string
	Attributed            bool
}

// Article is one news article. Paras and Sentences are empty until the
// article is segmented, unless the input already had sentences.
type Article struct {
	ID     string
	Source string
	Text   string
	Paras  []Span
	// Sentences in text order; their Para indexes Paras.
	Sentences []Sentence
	// Fields holds the other string fields of a JSONL record (genre, outlet…),
	// for per-group breakdowns.
	Fields map[string]string
	// File and Line say where the article came from (Line is 0 for a whole file).
	File string
	Line int
}

// Labelled reports whether every sentence of the article has a label and
// there is at least one sentence.
func (a *Article) Labelled() bool {
	if len(a.Sentences) == 0 {
		return false
	}
	for _, s := range a.Sentences {
		if s.Label == "" {
			return false
		}
	}
	return true
}

// Field returns a named field: "id", "source", or one of Fields.
func (a *Article) Field(name string) string {
	switch name {
	case "id":
		return a.ID
	case "source":
		return a.Source
	}
	return a.Fields[name]
}

// ParaSep and SentSep join paragraphs and sentences when an article's raw text
// is rebuilt from its sentences, as the annotation guide prescribes.
const (
	ParaSep = "\n\n"
	SentSep = " "
)

// BuildText sets a.Text, the sentences' offsets and a.Paras from the
// sentences' Text and Para fields: paragraphs joined by ParaSep, the
// sentences of a paragraph by SentSep. Para numbers must not decrease; a new
// number starts a new paragraph.
func (a *Article) BuildText() {
	var b strings.Builder
	a.Paras = a.Paras[:0]
	for i := range a.Sentences {
		s := &a.Sentences[i]
		switch {
		case i == 0:
		case s.Para != a.Sentences[i-1].Para:
			a.Paras[len(a.Paras)-1].End = b.Len()
			b.WriteString(ParaSep)
		default:
			b.WriteString(SentSep)
		}
		if i == 0 || s.Para != a.Sentences[i-1].Para {
			a.Paras = append(a.Paras, Span{Start: b.Len()})
		}
		s.Start = b.Len()
		b.WriteString(s.Text)
		s.End = b.Len()
	}
	if len(a.Paras) > 0 {
		a.Paras[len(a.Paras)-1].End = b.Len()
	}
	a.Text = b.String()
	// Re-slice sentence texts from a.Text so they share its memory.
	for i := range a.Sentences {
		s := &a.Sentences[i]
		s.Text = a.Text[s.Start:s.End]
	}
	// Renumber paragraphs densely so Para indexes Paras.
	p := -1
	prev := 0
	for i := range a.Sentences {
		if i == 0 || a.Sentences[i].Para != prev {
			p++
		}
		prev = a.Sentences[i].Para
		a.Sentences[i].Para = p
	}
}
