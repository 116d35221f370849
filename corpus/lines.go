package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
)

// DefaultMaxRecord is the default limit on one record (a JSONL line or a
// whole text file): about 5,000 times a long news article, low enough that
// a machine with 2 cores and 24 GB survives every worker classifying one
// at the limit. Classifying an article peaks at about 21 times its size in
// resident memory (BENCHMARKS.md, "Faults fixed"): 2 workers × 64 MB × 21
// ≈ 2.7 GB, plus the 2 articles read ahead; even at the 57-70 times
// measured before issue 13's fix it is under 10 GB. (It was 256 MB: 18 GB
// then.) A larger record is an error record naming its file and line.
const DefaultMaxRecord = 64 << 20

const bom = "\uFEFF"

// lineReader yields the lines of a stream without their line ending, with
// 1-based line numbers. A line whose content (line ending not counted) is
// longer than max is skipped up to its end and reported as ErrTooLarge; the
// next call goes on after it. A read error is sticky: a stream that failed
// mid-line cannot be resynchronised, so every later call returns it again.
type lineReader struct {
	r    *bufio.Reader
	max  int
	line int
	buf  []byte
	lead int // bytes trimmed from the start of the current line (a BOM)
	err  error
}

func newLineReader(r io.Reader, max int) *lineReader {
	if max <= 0 {
		max = DefaultMaxRecord
	}
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next line (valid until the following call), io.EOF at the
// end, ErrTooLarge for an oversized line, or a read error.
func (l *lineReader) next() ([]byte, error) {
	if l.err != nil {
		return nil, l.err
	}
	l.buf = l.buf[:0]
	l.lead = 0
	l.line++
	over := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if !over {
			// Room for a "\r\n" ending (and a BOM on line 1): the limit is
			// on the content, checked once the line is trimmed.
			if len(l.buf)+len(chunk) > l.max+len(bom)+2 {
				over = true
				l.buf = l.buf[:0]
			} else {
				if len(l.buf)+len(chunk) > cap(l.buf) {
					// Doubling: append grows a large slice by a quarter, which
					// copies a long line through five times its size.
					l.buf = slices.Grow(l.buf, max(len(chunk), cap(l.buf)))
				}
				l.buf = append(l.buf, chunk...)
			}
		}
		switch {
		case err == nil:
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(l.buf) == 0 && !over {
				l.err = io.EOF
				return nil, io.EOF
			}
		default:
			l.err = err
			return nil, err
		}
		break
	}
	line := bytes.TrimSuffix(l.buf, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if l.line == 1 && bytes.HasPrefix(line, []byte(bom)) {
		line = line[len(bom):]
		l.lead = len(bom)
	}
	if over || len(line) > l.max {
		return nil, ErrTooLarge
	}
	return line, nil
}

// tooLarge is the error for a line over the limit.
func (l *lineReader) tooLarge() error {
	return fmt.Errorf("%w (%d bytes)", ErrTooLarge, l.max)
}

// checkText reports invalid UTF-8 and NUL bytes with the offset of the first
// bad byte; base is added to it, so that the offset counts from the start of
// the line or file as it is on disk (a stripped BOM included).
func checkText(b []byte, base int) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return &byteError{ErrNUL, base + i}
	}
	if i := invalidUTF8(b); i >= 0 {
		return &byteError{ErrInvalidUTF8, base + i}
	}
	return nil
}

type byteError struct {
	err error
	off int
}

func (e *byteError) Error() string { return e.err.Error() + " at byte " + itoa(e.off) }
func (e *byteError) Unwrap() error { return e.err }
