package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// jsonlReader reads one article per line of JSON Lines.
type jsonlReader struct {
	name      string
	lines     *lineReader
	textField string
	started   bool // a non-blank line has been read
	done      bool // refused: not JSONL
}

type jsonSentence struct {
	Text    *string `json:"text"`
	Label   string  `json:"label"`
	Para    *int    `json:"para"`
	Speaker *string `json:"speaker"`
	Mention *string `json:"mention"`
	Cue     *string `json:"cue"`
}

func (r *jsonlReader) Next() (*Article, error) {
	if r.done {
		return nil, io.EOF
	}
	for {
		line, err := r.lines.next()
		switch {
		case errors.Is(err, io.EOF):
			return nil, io.EOF
		case errors.Is(err, ErrTooLarge):
			return nil, &RecordError{File: r.name, Line: r.lines.line, Err: r.lines.tooLarge()}
		case err != nil:
			return nil, &streamError{r.name, r.lines.line, err}
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var a *Article
		err = checkText(line, r.lines.lead)
		if err == nil && !r.started {
			r.started = true
			// One error for the file, not one a line, when it is not JSONL.
			if t := bytes.TrimSpace(line); t[0] != '{' {
				r.done = true
				return nil, &RecordError{File: r.name, Line: r.lines.line, ID: r.name, Err: formatError(FormatJSONL,
					fmt.Sprintf("its first line is not a JSON object (%s)", truncate(string(t), 40)))}
			}
		}
		if err == nil {
			a, err = parseJSONArticle(line, r.textField)
		}
		if err != nil {
			re := &RecordError{File: r.name, Line: r.lines.line, Err: err}
			if a != nil {
				re.ID = a.ID
			}
			return nil, re
		}
		if a.ID == "" {
			a.ID = fmt.Sprintf("%s:%d", r.name, r.lines.line)
		}
		a.File, a.Line = r.name, r.lines.line
		return a, nil
	}
}

// parseJSONArticle decodes one JSONL record, already checked for valid
// UTF-8 without NUL bytes. On error it may still return an article holding
// the id, so that the error can name it.
func parseJSONArticle(line []byte, textField string) (*Article, error) {
	if t := bytes.TrimSpace(line); len(t) == 0 || t[0] != '{' {
		return nil, fmt.Errorf("malformed JSON: want an object per line, got %s", truncate(string(t), 40))
	}
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	a := &Article{}
	if raw, ok := rec["id"]; ok {
		id, err := scalarString(raw)
		if err != nil {
			return nil, fmt.Errorf("field \"id\": %w", err)
		}
		a.ID = id
	}
	for k, raw := range rec {
		switch k {
		case "id", "sentences", textField:
			continue
		}
		var s string
		if decodeString(raw, &s) != nil {
			continue // only string fields are kept
		}
		if k == "source" {
			a.Source = s
			continue
		}
		if a.Fields == nil {
			a.Fields = make(map[string]string)
		}
		a.Fields[k] = s
	}
	rawSents, hasSents := rec["sentences"]
	rawText, hasText := rec[textField]
	switch {
	case hasSents && string(rawSents) != "null":
		var sents []jsonSentence
		if err := json.Unmarshal(rawSents, &sents); err != nil {
			return a, fmt.Errorf("field \"sentences\": %w", err)
		}
		if len(sents) == 0 {
			return a, fmt.Errorf("field \"sentences\": %w", ErrEmpty)
		}
		a.Sentences = make([]Sentence, len(sents))
		para := 0
		for i, s := range sents {
			if s.Text == nil {
				return a, fmt.Errorf("sentence %d: missing field \"text\"", i)
			}
			t := strings.TrimSpace(*s.Text)
			if t == "" {
				return a, fmt.Errorf("sentence %d: empty text", i)
			}
			// JSON can spell a NUL as \u0000, past checkText.
			if strings.IndexByte(t, 0) >= 0 {
				return a, fmt.Errorf("sentence %d: %w", i, ErrNUL)
			}
			if s.Para != nil {
				switch {
				case *s.Para < 0:
					return a, fmt.Errorf("sentence %d: negative para %d", i, *s.Para)
				case *s.Para < para:
					return a, fmt.Errorf("sentence %d: para %d after para %d (paragraph numbers must not decrease)", i, *s.Para, para)
				}
				para = *s.Para
			}
			a.Sentences[i] = Sentence{Text: t, Para: para, Label: strings.TrimSpace(s.Label)}
			if err := setAttribution(&a.Sentences[i], s); err != nil {
				return a, fmt.Errorf("sentence %d: %w", i, err)
			}
		}
		a.BuildText()
	case hasText:
		var t string
		if err := decodeString(rawText, &t); err != nil {
			return a, fmt.Errorf("field %q: want a string: %w", textField, err)
		}
		if strings.TrimSpace(t) == "" {
			return a, fmt.Errorf("field %q: %w", textField, ErrEmpty)
		}
		if strings.IndexByte(t, 0) >= 0 {
			return a, fmt.Errorf("field %q: %w", textField, ErrNUL)
		}
		a.Text = t
	default:
		return a, fmt.Errorf("missing field: want \"sentences\" or %q", textField)
	}
	return a, nil
}

// setAttribution copies the optional attribution fields of a sentence
// record. Mention and cue must occur in the sentence's text: a span that
// cannot be found there is an annotation error better caught on reading.
func setAttribution(dst *Sentence, s jsonSentence) error {
	get := func(p *string) string {
		if p == nil {
			return ""
		}
		dst.Attributed = true
		return strings.TrimSpace(*p)
	}
	dst.Speaker, dst.Mention, dst.Cue = get(s.Speaker), get(s.Mention), get(s.Cue)
	for _, f := range []struct{ name, v string }{{"mention", dst.Mention}, {"cue", dst.Cue}} {
		if f.v != "" && !strings.Contains(dst.Text, f.v) {
			return fmt.Errorf("field %q: %q is not in the sentence's text", f.name, truncate(f.v, 40))
		}
	}
	return nil
}

// decodeString is json.Unmarshal(raw, dst) for a string value, without a
// second scan of the common case: raw comes from a record that has been
// validated, so a quoted value with no escape and valid UTF-8 is its own
// text (an article's text is most of a line; decoding it again was a tenth
// of reading).
func decodeString(raw json.RawMessage, dst *string) error {
	if n := len(raw); n >= 2 && raw[0] == '"' && raw[n-1] == '"' {
		body := raw[1 : n-1]
		if plainJSON(body) && utf8.Valid(body) {
			*dst = string(body)
			return nil
		}
	}
	return json.Unmarshal(raw, dst)
}

// plainJSON reports a string body with no escape, quote or control byte
// (below 0x20, which a JSON string cannot hold raw).
func plainJSON(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c == '\\' || c == '"' {
			return false
		}
	}
	return true
}

// scalarString accepts a JSON string or number as an id.
func scalarString(raw json.RawMessage) (string, error) {
	var s string
	if err := decodeString(raw, &s); err == nil {
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("want a string or number, got %s", truncate(string(raw), 40))
}

// truncate shortens s to at most n bytes plus an ellipsis, never cutting a
// UTF-8 sequence in two.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
