package main

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/stancekit/stancekit/batch"
	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*chunk)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*batch.Tally)(nil)).Elem())
	register.DoFn3x1[context.Context, fileio.FileMetadata, func(chunk), error](&planFn{})
	register.Emitter1[chunk]()
	register.DoFn5x1[context.Context, chunk, func(int, []byte), func([]byte), func(string, batch.Tally), error](&classifyFn{})
	register.Emitter1[[]byte]()
	register.Emitter2[int, []byte]()
	register.Emitter2[string, batch.Tally]()
}

// chunk is one unit of reading: a line range of a JSONL file, or a whole
// file (other formats, .gz, small files).
type chunk struct {
	Path       string
	Whole      bool
	Start, End int64
	FirstLine  int
}

// planFn cuts each matched file into chunks. A splittable file larger than
// SplitSize is read once here, to find line boundaries and count lines, so
// that each range knows its first line number: error records and the ids
// of records without one ("file:line") are then those classify gives.
type planFn struct {
	SplitSize int64
	Format    string
}

func (fn *planFn) ProcessElement(ctx context.Context, md fileio.FileMetadata, emit func(chunk)) error {
	f, err := corpus.ParseFormat(fn.Format)
	if err != nil {
		return err
	}
	if !corpus.Splittable(md.Path, f) || md.Size <= fn.SplitSize {
		emit(chunk{Path: md.Path, Whole: true})
		return nil
	}
	rc, err := openFile(ctx, md.Path)
	if err != nil {
		// The reader reports it as an error record for the file.
		emit(chunk{Path: md.Path, Whole: true})
		return nil
	}
	defer rc.Close()
	ranges, err := corpus.SplitLines(rc, fn.SplitSize)
	if err != nil {
		return fmt.Errorf("plan %s: %w", md.Path, err) // a transient read error: the runner retries
	}
	if len(ranges) > 0 && refused(ctx, md.Path, ranges[0], fn.Format) {
		// Not JSONL after all: read whole, it is one error record, as classify gives.
		emit(chunk{Path: md.Path, Whole: true})
		return nil
	}
	for _, r := range ranges {
		emit(chunk{Path: md.Path, Start: r.Start, End: r.End, FirstLine: r.FirstLine})
	}
	return nil
}

// refused reports whether the reader refuses the file at its first range
// (its first line is not a JSON object: corpus.ErrFormat).
func refused(ctx context.Context, path string, r corpus.LineRange, format string) bool {
	f, _ := corpus.ParseFormat(format)
	rc, err := openRange(ctx, path, r.Start, r.End-r.Start)
	if err != nil {
		return false
	}
	defer rc.Close()
	mr := corpus.ReadLines(rc, path, r.FirstLine, corpus.ReaderOptions{Format: f})
	defer mr.Close()
	_, err = mr.Next()
	return errors.Is(err, corpus.ErrFormat)
}

// openFile opens a file through Beam's file systems.
func openFile(ctx context.Context, path string) (io.ReadCloser, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	rc, err := fs.OpenRead(ctx, path)
	if err != nil {
		fs.Close()
		return nil, err
	}
	return closers{rc, fs}, nil
}

type closers struct {
	io.ReadCloser
	fs io.Closer
}

func (c closers) Close() error {
	err := c.ReadCloser.Close()
	if ferr := c.fs.Close(); err == nil {
		err = ferr
	}
	return err
}

// classifyFn reads a chunk with the core readers and classifies its
// articles: sentence records (keyed by output shard) to the first output,
// error records to the second, one tally per aggregate group to the third.
// Reading and classifying in one step keeps article text out of the
// shuffle.
type classifyFn struct {
	Model     string // path; "" is the embedded model
	Field     string // JSONL text field
	Format    string
	Group     string // article field of the aggregate table
	Shards    int
	m         *models.Model
	ws        *models.Workspace
	articles  beam.Counter
	errors    beam.Counter
	sentences beam.Counter
}

func (fn *classifyFn) Setup(ctx context.Context) error {
	m, err := loadModel(ctx, fn.Model)
	if err != nil {
		return err
	}
	fn.m, fn.ws = m, m.NewWorkspace()
	fn.articles = beam.NewCounter("stancekit", "articles")
	fn.errors = beam.NewCounter("stancekit", "errors")
	fn.sentences = beam.NewCounter("stancekit", "sentences")
	return nil
}

func (fn *classifyFn) ProcessElement(ctx context.Context, c chunk, records func(int, []byte), errs func([]byte), tallies func(string, batch.Tally)) error {
	format, err := corpus.ParseFormat(fn.Format)
	if err != nil {
		return err
	}
	opts := corpus.ReaderOptions{Format: format, TextField: fn.Field}
	enc := batch.JSONL{}
	fail := func(err error) {
		errs(batch.EncodeRecordError(enc, err))
		fn.errors.Inc(ctx, 1)
		fn.articles.Inc(ctx, 1)
	}
	var r *corpus.MultiReader
	if c.Whole {
		rc, err := openFile(ctx, c.Path)
		if err != nil {
			fail(&corpus.RecordError{File: c.Path, ID: c.Path, Err: err})
			return nil
		}
		r = corpus.ReadStream(rc, rc, c.Path, opts)
	} else {
		// The planner opened this file: a failure now is transient, and
		// failing the bundle makes the runner retry it.
		rc, err := openRange(ctx, c.Path, c.Start, c.End-c.Start)
		if err != nil {
			return err
		}
		defer rc.Close()
		r = corpus.ReadLines(rc, c.Path, c.FirstLine, opts)
	}
	defer r.Close()
	for {
		a, err := r.Next()
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case corpus.IsRecordError(err):
			fail(err)
			continue
		case err != nil:
			return err
		}
		res := batch.Classify(fn.ws, fn.m, enc, a, 0, nil)
		fn.articles.Inc(ctx, 1)
		if res.Err {
			errs(res.Out)
			fn.errors.Inc(ctx, 1)
			continue
		}
		fn.sentences.Inc(ctx, int64(len(res.Preds)))
		records(shardOf(a.ID, fn.Shards), res.Out)
		t := batch.NewTally(a, fn.m, res.Preds)
		for _, k := range batch.GroupKeys(a, fn.Group) {
			tallies(groupKey(k), t)
		}
	}
}

// skip moves r to offset off: by seeking when the file system's reader
// can (local files), else by reading and discarding, as Beam's own textio
// does.
func skip(r io.Reader, off int64) error {
	if off == 0 {
		return nil
	}
	if c, ok := r.(closers); ok {
		r = c.ReadCloser
	}
	if s, ok := r.(io.Seeker); ok {
		_, err := s.Seek(off, io.SeekStart)
		return err
	}
	_, err := io.CopyN(io.Discard, r, off)
	return err
}

// shardOf spreads articles over the output files by a hash of their id,
// so that all records of an article land in one file, together.
func shardOf(id string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(shards))
}
