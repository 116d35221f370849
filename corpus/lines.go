package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// DefaultMaxRecord is the default limit on one record (a JSONL line or a
// whole text file): far above any real article, low enough that a runaway
// input cannot exhaust memory.
const DefaultMaxRecord = 256 << 20

// lineReader yields the lines of a stream without their line ending, with
// 1-based line numbers. A line longer than max is skipped up to its end and
// reported as ErrTooLarge; the next call goes on after it.
type lineReader struct {
	r    *bufio.Reader
	max  int
	line int
	buf  []byte
}

func newLineReader(r io.Reader, max int) *lineReader {
	if max <= 0 {
		max = DefaultMaxRecord
	}
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next line (valid until the following call), io.EOF at the
// end, errTooLarge for an oversized line, or a read error.
func (l *lineReader) next() ([]byte, error) {
	l.buf = l.buf[:0]
	l.line++
	tooLarge := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if !tooLarge {
			if len(l.buf)+len(chunk) > l.max+1 {
				tooLarge = true
				l.buf = l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		switch {
		case err == nil:
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(l.buf) == 0 && !tooLarge {
				return nil, io.EOF
			}
		default:
			return nil, err
		}
		break
	}
	if tooLarge {
		return nil, ErrTooLarge
	}
	line := bytes.TrimSuffix(l.buf, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if l.line == 1 {
		line = bytes.TrimPrefix(line, []byte("\uFEFF"))
	}
	return line, nil
}

// checkText reports invalid UTF-8 and NUL bytes with the offset of the first
// bad byte.
func checkText(b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return &byteError{ErrNUL, i}
	}
	if i := invalidUTF8(b); i >= 0 {
		return &byteError{ErrInvalidUTF8, i}
	}
	return nil
}

type byteError struct {
	err error
	off int
}

func (e *byteError) Error() string { return e.err.Error() + " at byte " + itoa(e.off) }
func (e *byteError) Unwrap() error { return e.err }
