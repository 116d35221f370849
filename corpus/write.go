package corpus

import (
	"bufio"
	"encoding/json"
	"io"
)

// JSONLWriter writes articles in the interchange format, one a line.
type JSONLWriter struct {
	w *bufio.Writer
}

// NewJSONLWriter returns a writer to w; call Flush when done.
func NewJSONLWriter(w io.Writer) *JSONLWriter { return &JSONLWriter{w: bufio.NewWriter(w)} }

type jsonOutSentence struct {
	Text    string  `json:"text"`
	Label   string  `json:"label,omitempty"`
	Para    int     `json:"para"`
	Speaker *string `json:"speaker,omitempty"`
	Mention *string `json:"mention,omitempty"`
	Cue     *string `json:"cue,omitempty"`
}

// Write writes one article: its id, source, other fields, and sentences.
// An article without sentences is written with its raw "text".
func (w *JSONLWriter) Write(a *Article) error {
	rec := make(map[string]any, 4+len(a.Fields))
	for k, v := range a.Fields {
		rec[k] = v
	}
	rec["id"] = a.ID
	if a.Source != "" {
		rec["source"] = a.Source
	}
	if len(a.Sentences) == 0 {
		rec["text"] = a.Text
	} else {
		ss := make([]jsonOutSentence, len(a.Sentences))
		for i, s := range a.Sentences {
			ss[i] = jsonOutSentence{Text: s.Text, Label: s.Label, Para: s.Para}
			if s.Attributed {
				ss[i].Speaker, ss[i].Mention, ss[i].Cue = &s.Speaker, &s.Mention, &s.Cue
			}
		}
		rec["sentences"] = ss
	}
	// Map keys are sorted: stable output. Encode adds the newline; news text
	// is full of & < >, which need no escaping outside HTML.
	enc := json.NewEncoder(w.w)
	enc.SetEscapeHTML(false)
	return enc.Encode(rec)
}

// Flush writes any buffered data.
func (w *JSONLWriter) Flush() error { return w.w.Flush() }
