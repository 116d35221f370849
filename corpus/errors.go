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
	return fmt.Sprintf("%s%v", where(e.File, e.Line), e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

func where(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("corpus: %s:%d: ", file, line)
	}
	return fmt.Sprintf("corpus: %s: ", file)
}

// Sentinel errors that callers may test with errors.Is.
var (
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrNUL         = errors.New("NUL byte (binary data?)")
	ErrEmpty       = errors.New("empty input")
	ErrTooLarge    = errors.New("record larger than the limit")
	ErrSymlink     = errors.New("symbolic link not followed")
	// ErrFormat: the input does not look like the format it is read as.
	ErrFormat = errors.New("wrong input format")
)

// formatError is the error of an input that does not look like format f;
// why says what was seen. It names the format tried and how to choose
// another, since the reader cannot know which one was meant.
func formatError(f Format, why string) error {
	return fmt.Errorf("%w: read as %s, but %s; choose the format with -input-format (%s)", ErrFormat, f, why, FormatNames)
}

// IsRecordError reports whether err is a *RecordError, after which reading
// can go on.
func IsRecordError(err error) bool {
	var re *RecordError
	return errors.As(err, &re)
}

// streamError is a read error that ends the stream of one input (a disk
// error, a truncated .gz). A reader of one stream returns it as is, which
// ends that stream; MultiReader turns it into a *RecordError and goes on
// with its next input, so one bad file does not lose the others.
type streamError struct {
	file string
	line int
	err  error
}

func (e *streamError) Error() string { return fmt.Sprintf("%s%v", where(e.file, e.line), e.err) }
func (e *streamError) Unwrap() error { return e.err }
