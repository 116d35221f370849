package corpus

import (
	"bufio"
	"encoding/json"
	"io"
	"sort"
)

// JSONLWriter writes articles in the interchange format, one a line.
type JSONLWriter struct {
	w *bufio.Writer
}

// NewJSONLWriter returns a writer to w; call Flush when done.
func NewJSONLWriter(w io.Writer) *JSONLWriter { return &JSONLWriter{w: bufio.NewWriter(w)} }

type jsonOutSentence struct {
	Text  string `json:"text"`
	Label string `json:"label,omitempty"`
	Para  int    `json:"para"`
}

// Write writes one article: its id, source, other fields, and sentences.
// An article without sentences is written with its raw "text".
func (w *JSONLWriter) Write(a *Article) error {
	rec := make(map[string]any, 4+len(a.Fields))
	keys := make([]string, 0, len(a.Fields))
	for k := range a.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		rec[k] = a.Fields[k]
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
		}
		rec["sentences"] = ss
	}
	b, err := json.Marshal(rec) // map keys are sorted: stable output
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.w.Write(b)
	return err
}

// Flush writes any buffered data.
func (w *JSONLWriter) Flush() error { return w.w.Flush() }
