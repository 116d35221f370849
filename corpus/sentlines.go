package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// sentenceLineReader reads sentence-per-line corpora (label<TAB>text or
// fastText's __label__X text); each line becomes a one-sentence article.
type sentenceLineReader struct {
	name     string
	lines    *lineReader
	fastText bool
}

const fastTextPrefix = "__label__"

func (r *sentenceLineReader) Next() (*Article, error) {
	for {
		line, err := r.lines.next()
		switch {
		case errors.Is(err, io.EOF):
			return nil, io.EOF
		case errors.Is(err, ErrTooLarge):
			return nil, r.bad(r.lines.tooLarge())
		case err != nil:
			return nil, &streamError{r.name, r.lines.line, err}
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if err := checkText(line, r.lines.lead); err != nil {
			return nil, r.bad(err)
		}
		var label, text string
		if r.fastText {
			label, text, err = parseFastTextLine(string(line))
		} else {
			label, text, err = parseTSVLine(string(line))
		}
		if err != nil {
			return nil, r.bad(err)
		}
		a := &Article{
			ID:        fmt.Sprintf("%s:%d", r.name, r.lines.line),
			Sentences: []Sentence{{Text: text, Label: label}},
			File:      r.name,
			Line:      r.lines.line,
		}
		a.BuildText()
		return a, nil
	}
}

func (r *sentenceLineReader) bad(err error) error {
	return &RecordError{File: r.name, Line: r.lines.line, Err: err}
}

func parseTSVLine(line string) (label, text string, err error) {
	label, text, ok := strings.Cut(line, "\t")
	if !ok {
		return "", "", errors.New("no TAB: want label<TAB>text")
	}
	label, text = strings.TrimSpace(label), strings.TrimSpace(text)
	if label == "" {
		return "", "", errors.New("empty label")
	}
	if text == "" {
		return "", "", errors.New("empty text")
	}
	return label, text, nil
}

// fastTextSpace are the bytes fastText splits words on (besides newlines,
// which end the line here): a label may be followed by a tab.
const fastTextSpace = " \t\v\f\r"

// parseFastTextLine parses "__label__X text". A line without a label is an
// unlabelled sentence; more than one label is an error (multi-label data is
// not supported).
func parseFastTextLine(line string) (label, text string, err error) {
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, fastTextPrefix) {
		label, text = line, ""
		if i := strings.IndexAny(line, fastTextSpace); i >= 0 {
			label, text = line[:i], line[i+1:]
		}
		label = strings.TrimPrefix(label, fastTextPrefix)
		text = strings.TrimSpace(text)
		if label == "" {
			return "", "", errors.New("empty label after __label__")
		}
		if strings.HasPrefix(text, fastTextPrefix) {
			return "", "", errors.New("more than one label (multi-label data is not supported)")
		}
	} else {
		text = line
	}
	if text == "" {
		return "", "", errors.New("empty text")
	}
	return label, text, nil
}
