package corpus

import (
	"errors"
	"fmt"
)

// RecordError reports one bad record (an article, a line); the reader that
// returned it can go on with the next record.
type RecordError struct {
	File string
	Line int    // 1-based; 0 when the record is a whole file
	ID   string // the article's id when it is known
	Err  error
}

func (e *RecordError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("corpus: %s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("corpus: %s: %v", e.File, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// Sentinel errors that callers may test with errors.Is.
var (
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrNUL         = errors.New("NUL byte (binary data?)")
	ErrEmpty       = errors.New("empty input")
	ErrTooLarge    = errors.New("record larger than the limit")
	ErrSymlink     = errors.New("symbolic link not followed")
)

// IsRecordError reports whether err is a *RecordError, after which reading
// can go on.
func IsRecordError(err error) bool {
	var re *RecordError
	return errors.As(err, &re)
}
