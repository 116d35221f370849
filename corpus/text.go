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
}

func (r *textReader) Next() (*Article, error) {
	if r.done {
		return nil, io.EOF
	}
	r.done = true
	b, err := io.ReadAll(io.LimitReader(r.r, int64(r.max)+1))
	if err != nil {
		return nil, fmt.Errorf("corpus: %s: %w", r.name, err)
	}
	if len(b) > r.max {
		return nil, &RecordError{File: r.name, ID: r.name, Err: fmt.Errorf("%w (%d bytes)", ErrTooLarge, r.max)}
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &RecordError{File: r.name, ID: r.name, Err: ErrEmpty}
	}
	if err := checkText(b); err != nil {
		var be *byteError
		line := 0
		if errors.As(err, &be) {
			line = 1 + bytes.Count(b[:be.off], []byte{'\n'})
		}
		return nil, &RecordError{File: r.name, Line: line, ID: r.name, Err: err}
	}
	return &Article{ID: r.name, Text: string(b), File: r.name}, nil
}
