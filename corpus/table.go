package corpus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// A table of articles is CSV (RFC 4180, encoding/csv) or TSV (tab-separated,
// no quoting) whose first row names the columns: one article a row, its raw
// text in the text column (ReaderOptions.TextField), its id in the id
// column (IDField; when there is none the id is FILE:LINE), "source" as
// Article.Source and every other column in Article.Fields. Column names are
// matched without regard to case.

// maxHeader is the longest first line that can be a header row; sniffing
// waits for no more than this before deciding.
const maxHeader = 4096

// startsName reports whether c can open a header row: a column name, or a
// quoted one.
func startsName(c byte) bool {
	return c == '"' || c == '_' || 'a' <= c|0x20 && c|0x20 <= 'z'
}

// isName reports whether s looks like a column name rather than data: short,
// starting with a letter or '_', then letters, digits, '_', '-', '.' or
// spaces.
func isName(s string) bool {
	if s == "" || len(s) > 64 || !startsName(s[0]) || s[0] == '"' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c|0x20 && c|0x20 <= 'z', '0' <= c && c <= '9', c == '_', c == '-', c == '.', c == ' ':
		default:
			return false
		}
	}
	return true
}

// headerCells splits a line on sep into trimmed cells (CSV quotes around a
// cell removed), a leading BOM dropped.
func headerCells(line string, sep byte) []string {
	line = strings.TrimPrefix(line, bom)
	cells := strings.Split(line, string(sep))
	for i, c := range cells {
		c = strings.TrimSpace(c)
		if sep == ',' && len(c) >= 2 && c[0] == '"' && c[len(c)-1] == '"' {
			c = c[1 : len(c)-1]
		}
		cells[i] = c
	}
	return cells
}

// isHeader reports whether line is a header row of at least two column
// names separated by sep, one of them textField.
func isHeader(line string, sep byte, textField string) bool {
	cells := headerCells(line, sep)
	if len(cells) < 2 {
		return false
	}
	hasText := false
	for _, c := range cells {
		if !isName(c) {
			return false
		}
		hasText = hasText || strings.EqualFold(c, textField)
	}
	return hasText
}

// columns locates the named columns of a header row.
type columns struct {
	names            []string
	id, text, source int // -1 when absent
}

func findColumns(header []string, f Format, opts ReaderOptions) (columns, error) {
	header = append([]string(nil), header...) // the CSV reader reuses its slice
	c := columns{names: header, id: -1, text: -1, source: -1}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if i == 0 {
			h = strings.TrimPrefix(h, bom)
		}
		header[i] = h
		switch {
		case strings.EqualFold(h, opts.TextField) && c.text < 0:
			c.text = i
		case strings.EqualFold(h, opts.IDField) && c.id < 0:
			c.id = i
		case strings.EqualFold(h, "source") && c.source < 0:
			c.source = i
		}
	}
	if c.text < 0 {
		shown := strings.ToValidUTF8(strings.Join(header, ", "), "\uFFFD")
		if len(header) == 1 {
			sep := "commas"
			if f == FormatTSV {
				sep = "tabs"
			}
			return c, formatError(f, fmt.Sprintf("its first line %q has no %s: a table needs a header row naming its columns, one of them %q", truncate(shown, 60), sep, opts.TextField))
		}
		return c, formatError(f, fmt.Sprintf("its header row (%s) has no column %q; name the text column with -text-field", truncate(shown, 80), opts.TextField))
	}
	return c, nil
}

// tableReader reads a table of articles from rows: row returns the cells
// of the next row and its line number, io.EOF at the end, a *rowError for
// a bad row (reading goes on) or another error, which ends the stream.
type tableReader struct {
	name   string
	format Format
	opts   ReaderOptions
	row    func() ([]string, int, error)
	cols   *columns
	err    error
}

// rowError is a bad row, after which the table can be read on unless the
// row could not be delimited (fatal).
type rowError struct {
	line  int
	err   error
	fatal bool
}

func (e *rowError) Error() string { return e.err.Error() }

func (r *tableReader) Next() (*Article, error) {
	if r.err != nil {
		return nil, r.err
	}
	for {
		cells, line, err := r.row()
		var re *rowError
		switch {
		case errors.Is(err, io.EOF):
			r.err = io.EOF
			return nil, io.EOF
		case errors.As(err, &re):
			if re.fatal {
				r.err = io.EOF
			}
			return nil, &RecordError{File: r.name, Line: re.line, Err: re.err}
		case err != nil:
			r.err = &streamError{file: r.name, line: line, err: err}
			return nil, r.err
		}
		if r.cols == nil {
			cols, err := findColumns(cells, r.format, r.opts)
			if err != nil {
				// One error for the whole input, which is not a table.
				r.err = io.EOF
				return nil, &RecordError{File: r.name, Line: line, ID: r.name, Err: err}
			}
			r.cols = &cols
			continue
		}
		if len(cells) == 1 && strings.TrimSpace(cells[0]) == "" {
			continue // a blank line
		}
		return r.article(cells, line)
	}
}

func (r *tableReader) article(cells []string, line int) (*Article, error) {
	c := r.cols
	a := &Article{File: r.name, Line: line}
	if c.id >= 0 && c.id < len(cells) {
		a.ID = strings.TrimSpace(cells[c.id])
	}
	bad := func(err error) error { return &RecordError{File: r.name, Line: line, ID: a.ID, Err: err} }
	if len(cells) != len(c.names) {
		return nil, bad(fmt.Errorf("%d cells where the header row has %d columns", len(cells), len(c.names)))
	}
	for i, v := range cells {
		if err := checkText([]byte(v), 0); err != nil {
			return nil, bad(fmt.Errorf("column %q: %w", c.names[i], err))
		}
		switch i {
		case c.id, c.text:
		case c.source:
			a.Source = v
		default:
			if a.Fields == nil {
				a.Fields = make(map[string]string, len(cells)-2)
			}
			a.Fields[c.names[i]] = v
		}
	}
	a.Text = cells[c.text]
	if strings.TrimSpace(a.Text) == "" {
		return nil, bad(fmt.Errorf("column %q: %w", c.names[c.text], ErrEmpty))
	}
	if a.ID == "" {
		a.ID = fmt.Sprintf("%s:%d", r.name, line)
	}
	return a, nil
}

// newCSVReader reads a CSV table. encoding/csv keeps no limit on a record,
// so the stream under it is cut MaxRecord bytes (and a buffer) past the
// start of the record being read: a runaway quoted field ends the input
// with ErrTooLarge instead of exhausting memory.
func newCSVReader(r io.Reader, name string, opts ReaderOptions) *tableReader {
	lim := &recordLimit{r: r, max: int64(opts.MaxRecord) + 64<<10}
	cr := csv.NewReader(lim)
	cr.FieldsPerRecord = -1 // checked against the header, with a clearer message
	cr.ReuseRecord = true
	lastLine := 0 // the last line of the last record read
	return &tableReader{name: name, format: FormatCSV, opts: opts, row: func() ([]string, int, error) {
		lim.start = cr.InputOffset()
		cells, err := cr.Read()
		line := 0
		if err == nil && len(cells) > 0 {
			line, _ = cr.FieldPos(0)
		}
		var pe *csv.ParseError
		switch {
		case errors.Is(err, ErrTooLarge):
			line = lastLine + 1
			return nil, line, &rowError{line, fmt.Errorf("%w (%d bytes); the rest of the input is not read", ErrTooLarge, opts.MaxRecord), true}
		case errors.As(err, &pe):
			lastLine = pe.Line
			return nil, pe.StartLine, &rowError{pe.StartLine, fmt.Errorf("CSV: %w (line %d, column %d)", pe.Err, pe.Line, pe.Column), false}
		}
		if err == nil {
			lastLine = line
			for _, c := range cells {
				lastLine += strings.Count(c, "\n")
			}
		}
		return cells, line, err
	}}
}

// recordLimit fails a read that goes more than max bytes past start.
type recordLimit struct {
	r         io.Reader
	read, max int64
	start     int64
}

func (l *recordLimit) Read(p []byte) (int, error) {
	if l.read-l.start > l.max {
		return 0, ErrTooLarge
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

// newTSVTable reads a tab-separated table of articles from lines whose
// header row has already been read.
func newTSVTable(name string, lines *lineReader, header []string, opts ReaderOptions) (*tableReader, error) {
	t := &tableReader{name: name, format: FormatTSV, opts: opts}
	cols, err := findColumns(header, FormatTSV, opts)
	if err != nil {
		return nil, err
	}
	t.cols = &cols
	t.row = func() ([]string, int, error) {
		line, err := lines.next()
		switch {
		case errors.Is(err, ErrTooLarge):
			return nil, lines.line, &rowError{lines.line, lines.tooLarge(), false}
		case err != nil:
			return nil, lines.line, err
		}
		return strings.Split(string(line), "\t"), lines.line, nil
	}
	return t, nil
}
