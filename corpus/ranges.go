package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The functions in this file let a distributed runner read one file in
// parts: SplitLines cuts a file of lines into byte ranges that start and end
// at line boundaries and knows each range's first line number, so that
// ReadLines, reading one range, yields the same articles, ids, lines and
// errors as Open reading the whole file.

// LineRange is a byte range [Start, End) of a file that starts at the
// beginning of line FirstLine (1-based) and ends after a line ending or at
// the end of the file.
type LineRange struct {
	Start, End int64
	FirstLine  int
}

// Splittable reports whether a file can be read in line ranges: its format,
// forced or from the name, is JSONL (one record a line, each read alone)
// and it is not compressed. TSV and fastText are not: how their lines are
// read depends on the file's first lines (a header row, a label column);
// nor is CSV, whose quoted fields span lines.
func Splittable(name string, format Format) bool {
	if strings.HasSuffix(strings.ToLower(name), ".gz") {
		return false
	}
	if format == FormatAuto {
		format = FormatOf(name)
	}
	switch format {
	case FormatJSONL:
		return true
	}
	return false
}

// SplitLines reads a stream of lines and cuts it into ranges of about
// target bytes: each range ends at the first line ending at or after
// target bytes from its start, so a line is never cut and a line longer
// than target is a range of its own. An empty stream has no ranges. It
// reads the stream once, in bounded memory.
func SplitLines(r io.Reader, target int64) ([]LineRange, error) {
	return splitLines(r, target, 1<<20)
}

// splitLines is SplitLines with a buffer of bufSize bytes (tests make it
// small so that ranges end across buffer boundaries).
func splitLines(r io.Reader, target int64, bufSize int) ([]LineRange, error) {
	if target <= 0 {
		panic("corpus: SplitLines: target must be positive")
	}
	buf := make([]byte, bufSize)
	var (
		out   []LineRange
		off   int64 // offset of buf[0] in the stream
		lines int   // line endings before buf[i]
		cur   = LineRange{FirstLine: 1}
	)
	for {
		n, err := io.ReadFull(r, buf)
		b := buf[:n]
		for i := 0; i < n; {
			// The range ends with the first '\n' at offset ≥ Start+target-1.
			cut := max(cur.Start+target-1-off, int64(i))
			if cut >= int64(n) {
				lines += bytes.Count(b[i:], []byte{'\n'})
				break
			}
			lines += bytes.Count(b[i:cut], []byte{'\n'})
			j := bytes.IndexByte(b[cut:], '\n')
			if j < 0 {
				break // no line ending in this buffer: the range goes on
			}
			lines++
			end := cut + int64(j) + 1
			cur.End = off + end
			out = append(out, cur)
			cur = LineRange{Start: cur.End, FirstLine: lines + 1}
			i = int(end)
		}
		off += int64(n)
		switch {
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			if off > cur.Start {
				cur.End = off
				out = append(out, cur)
			}
			return out, nil
		case err != nil:
			return out, fmt.Errorf("corpus: split: %w", err)
		}
	}
}

// ReadLines reads one line range of the file named name: r holds the
// range's bytes and nothing more (an io.LimitReader over the file from
// Start), and firstLine is the range's LineRange.FirstLine. Articles, ids,
// line numbers and errors are those Open gives for the same lines of the
// whole file, with one exception: the check that the file's first line is
// a JSON object, after which Open refuses a file that is not JSONL with
// one error, is only made in the range that starts at line 1. A caller
// that finds ErrFormat there should read the file whole instead. The
// format is opts.Format or, with FormatAuto, the one the name implies; it
// must be splittable (see Splittable).
func ReadLines(r io.Reader, name string, firstLine int, opts ReaderOptions) *MultiReader {
	m := &MultiReader{opts: opts.withDefaults()}
	f := m.opts.Format
	if f == FormatAuto {
		f = FormatOf(name)
	}
	if !Splittable(name, f) {
		m.pending = []input{{err: &RecordError{File: name, ID: name, Err: fmt.Errorf("format %v cannot be read in line ranges", f)}}}
		return m
	}
	o := m.opts
	o.Format = f
	m.cur = newReader(r, name, o, firstLine)
	return m
}

// ReadStream reads one file from a stream opened by the caller (from any
// file system) as Open reads a path: decompressed when the name ends in
// .gz, the format from opts or the name, a failed read reported as a
// *RecordError for the file. c, which may be nil, is closed by Close or at
// the end of the stream.
func ReadStream(r io.Reader, c io.Closer, name string, opts ReaderOptions) *MultiReader {
	m := &MultiReader{opts: opts.withDefaults()}
	if err := m.openStream(r, c, name); err != nil {
		m.pending = []input{{err: err}}
	}
	return m
}
