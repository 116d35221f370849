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
	opts     ReaderOptions

	table   *tableReader // a TSV whose header row names its columns
	started bool         // the first line has been looked at
	checked bool         // the first lines' labels have been looked at
	queue   []lookedAhead
	done    bool // refused: not this format
}

type lookedAhead struct {
	a   *Article
	err error
}

const fastTextPrefix = "__label__"

// labelSample is how many lines the label column is judged on before the
// first is returned.
const labelSample = 8

// maxLabel is the longest label a label column holds.
const maxLabel = 64

func (r *sentenceLineReader) Next() (*Article, error) {
	if r.done {
		return nil, io.EOF
	}
	if !r.checked {
		r.checked = true
		if err := r.lookAhead(); err != nil {
			// One error for the whole input, which is not in this format.
			r.done, r.queue = true, nil
			return nil, err
		}
	}
	if len(r.queue) > 0 {
		q := r.queue[0]
		r.queue = r.queue[1:]
		return q.a, q.err
	}
	if r.table != nil {
		return r.table.Next()
	}
	return r.next()
}

// lookAhead reads the first lines and refuses the input when their first
// column does not look like labels: a long value, or a different value on
// every line (ids, most likely). A table with a header row is let through.
func (r *sentenceLineReader) lookAhead() error {
	var labels []string
	for len(r.queue) < labelSample {
		a, err := r.next()
		if r.table != nil {
			break
		}
		r.queue = append(r.queue, lookedAhead{a, err})
		if err != nil {
			break
		}
		labels = append(labels, a.Sentences[0].Label)
	}
	if r.fastText {
		return r.checkFastText(labels)
	}
	distinct := make(map[string]bool)
	for i, l := range labels {
		if len(l) > maxLabel {
			return &RecordError{File: r.name, Line: r.queue[i].a.Line, ID: r.name, Err: formatError(FormatTSV,
				fmt.Sprintf("the first column of line %d holds %d bytes, not a label", r.queue[i].a.Line, len(l)))}
		}
		distinct[l] = true
	}
	if len(labels) == labelSample && len(distinct) == len(labels) {
		return &RecordError{File: r.name, Line: r.queue[0].a.Line, ID: r.name, Err: formatError(FormatTSV,
			fmt.Sprintf("its first column is not a label set (%d different values on the first %d lines: ids?); a table of articles needs a header row naming its columns (e.g. id<TAB>text)", len(distinct), len(labels)))}
	}
	return nil
}

// checkFastText refuses what reads as TSV: no line with a label, and a tab
// in each (fastText takes a tab for a space, so the label would become the
// first word of an unlabelled sentence).
func (r *sentenceLineReader) checkFastText(labels []string) error {
	if len(labels) == 0 {
		return nil
	}
	for i, l := range labels {
		if l != "" || !strings.Contains(r.queue[i].a.Sentences[0].Text, "\t") {
			return nil
		}
	}
	return &RecordError{File: r.name, Line: r.queue[0].a.Line, ID: r.name, Err: formatError(FormatFastText,
		fmt.Sprintf("none of its first %d lines has a %s prefix and each holds a tab (label<TAB>text is -input-format tsv)", len(labels), fastTextPrefix))}
}

// next reads the next sentence line. On the first line it looks for a
// header row: label<TAB>text is skipped, any other header with the text
// column turns the reader into a table of articles.
func (r *sentenceLineReader) next() (*Article, error) {
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
		if !r.started && !r.fastText {
			r.started = true
			if s := string(line); isHeader(s, '\t', r.opts.TextField) {
				cells := headerCells(s, '\t')
				if len(cells) == 2 && strings.EqualFold(cells[0], "label") {
					continue
				}
				t, err := newTSVTable(r.name, r.lines, cells, r.opts)
				if err != nil {
					r.done = true
					return nil, &RecordError{File: r.name, Line: r.lines.line, ID: r.name, Err: err}
				}
				r.table = t
				return nil, nil
			}
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
