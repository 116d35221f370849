package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// Reader yields articles one at a time. Next returns io.EOF at the end, a
// *RecordError for a bad record (call Next again to go on), or another error
// that ends the stream.
type Reader interface {
	Next() (*Article, error)
}

var (
	_ Reader = (*MultiReader)(nil)
	_ Reader = (*jsonlReader)(nil)
	_ Reader = (*sentenceLineReader)(nil)
	_ Reader = (*textReader)(nil)
)

// ReaderOptions configure how input is read. The zero value reads any format
// detected from the file name, the JSONL text field "text", and records up
// to DefaultMaxRecord bytes.
type ReaderOptions struct {
	Format    Format
	TextField string // JSONL field or CSV/TSV column holding raw article text; default "text"
	IDField   string // CSV/TSV column holding the article id; default "id"
	MaxRecord int    // bytes; default DefaultMaxRecord
}

func (o ReaderOptions) withDefaults() ReaderOptions {
	if o.TextField == "" {
		o.TextField = "text"
	}
	if o.IDField == "" {
		o.IDField = "id"
	}
	if o.MaxRecord <= 0 {
		o.MaxRecord = DefaultMaxRecord
	}
	return o
}

// NewReader reads a stream named name (used in errors and as the id of a raw
// text article). With FormatAuto the format comes from the name or, failing
// that, from the first non-space bytes: '{' means JSONL, "__label__"
// fastText, a header line naming the text column a CSV (commas) or TSV
// (tabs) table, anything else raw text.
func NewReader(r io.Reader, name string, opts ReaderOptions) Reader {
	return newReader(r, name, opts, 1)
}

// newReader is NewReader for a stream whose first line is line number
// firstLine of its file (a line range of it, see ReadLines).
func newReader(r io.Reader, name string, opts ReaderOptions, firstLine int) Reader {
	opts = opts.withDefaults()
	f := opts.Format
	if f == FormatAuto {
		f = FormatOf(name)
	}
	if f == FormatAuto {
		br := bufio.NewReaderSize(r, sniffSize)
		var err error
		f, err = sniff(br, opts.TextField)
		r = br
		if err != nil {
			// Peek forgets a read error once it has returned it: keep it
			// behind the bytes already buffered, so that it still ends the
			// stream where it happened.
			r = io.MultiReader(io.LimitReader(br, int64(br.Buffered())), errReader{err})
		}
	}
	lines := func() *lineReader {
		l := newLineReader(r, opts.MaxRecord)
		l.line = firstLine - 1
		return l
	}
	switch f {
	case FormatJSONL:
		// A range after the first does not hold the file's first line,
		// whose check (is this JSONL at all?) belongs to the first range.
		return &jsonlReader{name: name, lines: lines(), textField: opts.TextField, started: firstLine > 1}
	case FormatTSV:
		return &sentenceLineReader{name: name, lines: lines(), opts: opts}
	case FormatCSV:
		return newCSVReader(r, name, opts)
	case FormatFastText:
		return &sentenceLineReader{name: name, lines: lines(), fastText: true}
	default:
		return &textReader{name: name, r: r, max: opts.MaxRecord, textField: opts.TextField}
	}
}

// sniffSize is the most sniff looks at (leading white space beyond it means
// raw text); it matches the line reader's buffer, which then reuses it.
const sniffSize = 64 << 10

// sniff guesses the format of a stream from its first non-space bytes, a
// BOM skipped. It peeks no further than it must, so that a pipe is not held
// up until a whole buffer has arrived, and looks at each byte once. A read
// error other than io.EOF is returned.
func sniff(br *bufio.Reader, textField string) (Format, error) {
	n := 1
	off := 0 // leading bytes known to be a BOM or white space
	for {
		b, err := br.Peek(n)
		final := err != nil
		switch {
		case off > 0:
		case bytes.HasPrefix(b, []byte(bom)):
			off = len(bom)
		case !final && bytes.HasPrefix([]byte(bom), b):
			n = max(len(b)+1, br.Buffered()) // perhaps the start of a BOM
			continue
		}
		for off < len(b) && isSniffSpace(b[off]) {
			off++
		}
		if f, ok := sniffBytes(b[off:], final, textField); ok || final {
			if errors.Is(err, io.EOF) || errors.Is(err, bufio.ErrBufferFull) {
				err = nil
			}
			return f, err
		}
		n = max(len(b)+1, br.Buffered())
	}
}

func isSniffSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// sniffBytes decides the format from the first non-space bytes of a stream,
// or reports that it needs more; final says there are no more. A stream
// that could open with a header row is decided once its first line is in
// (raw text is read to its end anyway, so waiting costs nothing).
func sniffBytes(b []byte, final bool, textField string) (Format, bool) {
	switch {
	case len(b) == 0:
		return FormatText, final
	case b[0] == '{':
		return FormatJSONL, true
	case bytes.HasPrefix(b, []byte(fastTextPrefix)):
		return FormatFastText, true
	case !final && bytes.HasPrefix([]byte(fastTextPrefix), b):
		return FormatAuto, false
	case !startsName(b[0]):
		return FormatText, true
	}
	end := bytes.IndexByte(b, '\n')
	if end < 0 {
		if !final && len(b) < maxHeader {
			return FormatAuto, false
		}
		end = len(b)
	}
	line := string(bytes.TrimSuffix(b[:end], []byte{'\r'}))
	switch {
	case isHeader(line, ',', textField):
		return FormatCSV, true
	case isHeader(line, '\t', textField):
		return FormatTSV, true
	}
	return FormatText, true
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// Open reads the inputs in order: files, directories (walked recursively in
// sorted order; hidden files are skipped; symbolic links inside are
// reported, not followed; files whose name gives no format are skipped) and
// "-" for standard input. A symbolic link named in paths is followed. An
// input that cannot be opened, or whose reading fails part way (a truncated
// .gz), is reported as a *RecordError and the others are still read.
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
	read    atomic.Int64 // bytes read from the inputs, as stored
}

// InputBytes returns the bytes read so far from the inputs as they are
// stored (compressed bytes for .gz), the unit of InputSize: a progress
// bar counts the same thing on both sides. Safe to call from another
// goroutine while Next runs.
func (m *MultiReader) InputBytes() int64 { return m.read.Load() }

// countingReader adds what it reads to n.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}

// InputSize is the stored size of what Open(paths) reads: named files and
// the files of named directories that Open would read (the same walk), in
// bytes. Standard input and files that cannot be examined count 0.
func InputSize(paths []string) int64 {
	var n int64
	size := func(p string) {
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			n += fi.Size()
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		switch {
		case p == "-" || err != nil:
		case fi.IsDir():
			for _, in := range walk(p) {
				if in.err == nil {
					size(in.path)
				}
			}
		default:
			size(p)
		}
	}
	return n
}

// Next implements Reader.
func (m *MultiReader) Next() (*Article, error) {
	for {
		if m.cur != nil {
			a, err := m.cur.Next()
			var se *streamError
			switch {
			case errors.As(err, &se):
				m.closeCurrent()
				return nil, &RecordError{File: se.file, Line: se.line, ID: se.file, Err: se.err}
			case !errors.Is(err, io.EOF):
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
		m.cur = NewReader(countingReader{os.Stdin, &m.read}, "-", m.opts)
		return nil
	}
	fi, err := os.Lstat(p)
	if err != nil {
		return &RecordError{File: p, ID: p, Err: pathError(err)}
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		// A symlink named on the command line is followed; one met inside a
		// directory is not (see walk).
		if fi, err = os.Stat(p); err != nil {
			return &RecordError{File: p, ID: p, Err: pathError(err)}
		}
	}
	if fi.IsDir() {
		m.pending = append(walk(p), m.pending...)
		return nil
	}
	f, err := os.Open(p)
	if err != nil {
		return &RecordError{File: p, ID: p, Err: pathError(err)}
	}
	return m.openStream(countingReader{f, &m.read}, f, p)
}

// openStream makes the stream r of the file named p the current input,
// decompressed when the name ends in .gz; c is closed with it (it may be
// nil).
func (m *MultiReader) openStream(r io.Reader, c io.Closer, p string) error {
	m.closer = c
	if strings.HasSuffix(strings.ToLower(p), ".gz") {
		gz, err := gzip.NewReader(bufio.NewReader(r))
		if err != nil {
			m.closeCurrent()
			switch {
			case errors.Is(err, io.EOF):
				err = fmt.Errorf("gzip: %w", ErrEmpty)
			case !strings.HasPrefix(err.Error(), "gzip: "):
				err = fmt.Errorf("gzip: %w", err)
			}
			return &RecordError{File: p, ID: p, Err: err}
		}
		r = gz
		if c != nil {
			m.closer = multiCloser{gz, c}
		} else {
			m.closer = gz
		}
	}
	m.cur = NewReader(r, p, m.opts)
	return nil
}

// pathError drops the system call and the path from a *fs.PathError
// ("lstat a.txt: no such file or directory"): the RecordError names the
// file, and the call is not the user's business. errors.Is still sees
// fs.ErrNotExist and the like through the errno.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
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

// walk lists the files below dir in sorted order. Symbolic links are not
// followed, so a link loop cannot trap the walk; each link met, each
// directory that cannot be read and each special file (a FIFO would block)
// becomes a *RecordError in the list. dir itself may be a link: the caller
// has resolved it.
func walk(dir string) []input {
	var files []input
	entries, err := os.ReadDir(dir)
	if err != nil {
		// ReadDir returns the entries it read before the error: keep them.
		files = append(files, input{path: dir, err: &RecordError{File: dir, ID: dir, Err: err}})
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		switch t := e.Type(); {
		case t&fs.ModeSymlink != 0:
			files = append(files, input{path: p, err: &RecordError{File: p, ID: p, Err: ErrSymlink}})
		case t.IsDir():
			files = append(files, walk(p)...)
		case FormatOf(name) == FormatAuto:
		case !t.IsRegular():
			files = append(files, input{path: p, err: &RecordError{File: p, ID: p, Err: fmt.Errorf("not a regular file (%v)", t)}})
		default:
			files = append(files, input{path: p})
		}
	}
	return files
}
