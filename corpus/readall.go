package corpus

import (
	"errors"
	"io"
)

// ReadAll reads every article of the inputs (as Open does) into memory.
// Bad records are collected, not fatal: the caller decides whether to go
// on without them. The error is one that ended reading early.
func ReadAll(paths []string, opts ReaderOptions) ([]*Article, []error, error) {
	r := Open(paths, opts)
	defer r.Close()
	var arts []*Article
	var bad []error
	for {
		a, err := r.Next()
		switch {
		case errors.Is(err, io.EOF):
			return arts, bad, nil
		case IsRecordError(err):
			bad = append(bad, err)
		case err != nil:
			return arts, bad, err
		default:
			arts = append(arts, a)
		}
	}
}
