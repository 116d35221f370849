package corpus

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Reader yields articles one at a time. Next returns io.EOF at the end, a
// *RecordError for a bad record (call Next again to go on), or another error
// that ends the stream.
type Reader interface {
	Next() (*Article, error)
}

// ReaderOptions configure how input is read. The zero value reads any format
// detected from the file name, the JSONL text field "text", and records up
// to DefaultMaxRecord bytes.
type ReaderOptions struct {
	Format    Format
	TextField string // JSONL field holding raw article text; default "text"
	MaxRecord int    // bytes; default DefaultMaxRecord
}

func (o ReaderOptions) withDefaults() ReaderOptions {
	if o.TextField == "" {
		o.TextField = "text"
	}
	if o.MaxRecord <= 0 {
		o.MaxRecord = DefaultMaxRecord
	}
	return o
}

// NewReader reads a stream named name (used in errors and as the id of a raw
// text article). With FormatAuto the format comes from the name or, failing
// that, from the first non-space byte.
func NewReader(r io.Reader, name string, opts ReaderOptions) Reader {
	opts = opts.withDefaults()
	f := opts.Format
	if f == FormatAuto {
		f = FormatOf(name)
	}
	if f == FormatAuto {
		br := bufio.NewReader(r)
		f = sniff(br)
		r = br
	}
	switch f {
	case FormatJSONL:
		return &jsonlReader{name: name, lines: newLineReader(r, opts.MaxRecord), textField: opts.TextField}
	case FormatTSV:
		return &sentenceLineReader{name: name, lines: newLineReader(r, opts.MaxRecord)}
	case FormatFastText:
		return &sentenceLineReader{name: name, lines: newLineReader(r, opts.MaxRecord), fastText: true}
	default:
		return &textReader{name: name, r: r, max: opts.MaxRecord}
	}
}

func sniff(br *bufio.Reader) Format {
	b, _ := br.Peek(512)
	s := strings.TrimLeft(strings.TrimPrefix(string(b), "\uFEFF"), " \t\r\n")
	switch {
	case strings.HasPrefix(s, "{"):
		return FormatJSONL
	case strings.HasPrefix(s, fastTextPrefix):
		return FormatFastText
	}
	return FormatText
}

// Open reads the inputs in order: files, directories (walked recursively in
// sorted order; symbolic links are reported, not followed; files whose name
// gives no format are skipped) and "-" for standard input. A file that cannot
// be opened is reported as a *RecordError and the others are still read.
// Close releases the file being read.
func Open(paths []string, opts ReaderOptions) *MultiReader {
	m := &MultiReader{opts: opts.withDefaults()}
	for _, p := range paths {
		m.pending = append(m.pending, input{path: p})
	}
	return m
}

// MultiReader reads several inputs in turn; see Open.
type MultiReader struct {
	pending []input
	opts    ReaderOptions
	cur     Reader
	closer  io.Closer
}

// Next implements Reader.
func (m *MultiReader) Next() (*Article, error) {
	for {
		if m.cur != nil {
			a, err := m.cur.Next()
			if !errors.Is(err, io.EOF) {
				return a, err
			}
			m.closeCurrent()
		}
		if len(m.pending) == 0 {
			return nil, io.EOF
		}
		in := m.pending[0]
		m.pending = m.pending[1:]
		if in.err != nil {
			return nil, in.err
		}
		if err := m.openPath(in.path); err != nil {
			return nil, err
		}
	}
}

// Close closes the input being read.
func (m *MultiReader) Close() error {
	m.pending = nil
	return m.closeCurrent()
}

func (m *MultiReader) closeCurrent() error {
	m.cur = nil
	if m.closer == nil {
		return nil
	}
	err := m.closer.Close()
	m.closer = nil
	return err
}

func (m *MultiReader) openPath(p string) error {
	if p == "-" {
		m.cur = NewReader(os.Stdin, "-", m.opts)
		return nil
	}
	fi, err := os.Lstat(p)
	if err != nil {
		return &RecordError{File: p, ID: p, Err: err}
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		// A symlink named on the command line is followed; one met inside a
		// directory is not (see walk).
		if fi, err = os.Stat(p); err != nil {
			return &RecordError{File: p, ID: p, Err: err}
		}
	}
	if fi.IsDir() {
		m.pending = append(walk(p), m.pending...)
		return nil
	}
	f, err := os.Open(p)
	if err != nil {
		return &RecordError{File: p, ID: p, Err: err}
	}
	var r io.Reader = f
	m.closer = f
	if strings.HasSuffix(strings.ToLower(p), ".gz") {
		gz, err := gzip.NewReader(bufio.NewReader(f))
		if err != nil {
			f.Close()
			m.closer = nil
			return &RecordError{File: p, ID: p, Err: fmt.Errorf("gzip: %w", err)}
		}
		r = gz
		m.closer = multiCloser{gz, f}
	}
	opts := m.opts
	m.cur = NewReader(r, p, opts)
	return nil
}

type multiCloser []io.Closer

func (mc multiCloser) Close() error {
	var errs []error
	for _, c := range mc {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// input is a path still to read, or an error to report in its place.
type input struct {
	path string
	err  error
}

// walk lists the readable files below dir in sorted order. Symbolic links
// are not followed, so a link loop cannot trap the walk; each link met, and
// each directory that cannot be read, becomes a *RecordError in the list.
func walk(dir string) []input {
	var files []input
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, input{path: p, err: &RecordError{File: p, ID: p, Err: err}})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			files = append(files, input{path: p, err: &RecordError{File: p, ID: p, Err: ErrSymlink}})
			return nil
		}
		if !d.IsDir() && FormatOf(name) != FormatAuto {
			files = append(files, input{path: p})
		}
		return nil
	})
	if err != nil {
		files = append(files, input{path: dir, err: &RecordError{File: dir, ID: dir, Err: err}})
	}
	return files
}
