package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// textReader reads a whole stream as one raw-text article.
type textReader struct {
	name      string
	r         io.Reader
	max       int
	textField string // the text column a table's header would name
	done      bool
	err       error // a read error, returned again by every later call
}

func (r *textReader) Next() (*Article, error) {
	if r.err != nil {
		return nil, r.err
	}
	if r.done {
		return nil, io.EOF
	}
	r.done = true
	b, err := io.ReadAll(io.LimitReader(r.r, int64(r.max)+1))
	if err != nil {
		r.err = &streamError{file: r.name, err: err}
		return nil, r.err
	}
	if len(b) > r.max {
		return nil, &RecordError{File: r.name, Line: 1, ID: r.name, Err: fmt.Errorf("%w (%d bytes)", ErrTooLarge, r.max)}
	}
	lead := 0
	if bytes.HasPrefix(b, []byte(bom)) {
		b, lead = b[len(bom):], len(bom)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &RecordError{File: r.name, ID: r.name, Err: ErrEmpty}
	}
	if err := checkText(b, lead); err != nil {
		var be *byteError
		line := 0
		if errors.As(err, &be) {
			line = 1 + bytes.Count(b[:be.off-lead], []byte{'\n'})
		}
		return nil, &RecordError{File: r.name, Line: line, ID: r.name, Err: err}
	}
	if why := notText(b, r.textField); why != "" {
		return nil, &RecordError{File: r.name, Line: 1, ID: r.name, Err: formatError(FormatText, why)}
	}
	return &Article{ID: r.name, Text: string(b), File: r.name}, nil
}

// A line this long with a comma every oneCommaIn bytes or more often is a
// table, not prose (news prose has one every 60 to 100 bytes).
const (
	longLine   = 4096
	oneCommaIn = 20
)

// notText says why b does not look like the raw text of an article, or
// returns "": its first line is the header row of a CSV or TSV table, or
// the whole input is one long line dense with commas (a table whose line
// breaks were lost).
func notText(b []byte, textField string) string {
	b = bytes.TrimSpace(b)
	first := b
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		first = b[:i]
	}
	first = bytes.TrimSuffix(first, []byte{'\r'})
	// A header row alone, or followed by a row with as many cells at least
	// (a headline such as "Sports, text" is followed by prose).
	second := bytes.TrimLeft(b[len(first):], "\r\n")
	if i := bytes.IndexByte(second, '\n'); i >= 0 {
		second = second[:i]
	}
	if len(first) <= maxHeader {
		s := string(first)
		for _, sep := range []struct {
			c    byte
			name string
		}{{',', "CSV"}, {'\t', "TSV"}} {
			if isHeader(s, sep.c, textField) && (len(bytes.TrimSpace(second)) == 0 || bytes.Count(second, []byte{sep.c}) >= strings.Count(s, string(sep.c))) {
				return fmt.Sprintf("its first line %q is the header row of a %s table (-input-format %s)", truncate(s, 60), sep.name, strings.ToLower(sep.name))
			}
		}
	}
	if len(first) == len(b) && len(b) >= longLine {
		if commas := bytes.Count(b, []byte{','}); commas*oneCommaIn >= len(b) {
			return fmt.Sprintf("it is one line of %d bytes with %d commas (a CSV table that lost its line breaks?)", len(b), commas)
		}
	}
	return ""
}
