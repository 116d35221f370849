package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// textReader reads a whole stream as one raw-text article.
type textReader struct {
	name string
	r    io.Reader
	max  int
	done bool
	err  error // a read error, returned again by every later call
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
	return &Article{ID: r.name, Text: string(b), File: r.name}, nil
}
