package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
)

// Options configure Run.
type Options struct {
	Workers int // goroutines classifying; 0 means all cores
	Explain int // features listed per sentence (0: none)
	// Skip leaves out the articles, and bad records, whose output would
	// carry this id (as Resume returns them); nil skips none. It is called
	// from the goroutine that reads, never concurrently.
	Skip func(id string) bool
	// Progress is called on Run's goroutine after each article is written;
	// it may be nil.
	Progress func(Stats)
}

// Stats counts what a run did.
type Stats struct {
	Articles  int   // articles written (results or errors)
	Sentences int   // sentences labelled
	Errors    int   // error records written
	Skipped   int   // articles skipped by Options.Skip
	Bytes     int64 // raw text bytes classified
}

// Encoder writes one article's results, or one error record, as bytes
// appended to dst. Encoders run on the worker goroutines, so they must not
// share mutable state.
type Encoder interface {
	Article(dst []byte, a *corpus.Article, m *models.Model, preds []models.Prediction, explain [][]models.NamedContribution) []byte
	Error(dst []byte, id, file string, line int, err error) []byte
}

type job struct {
	seq     int
	article *corpus.Article
	err     error // a record error to report in this place
}

type result struct {
	seq       int
	out       []byte
	sentences int
	bytes     int64
	isErr     bool
}

// Run reads every article from r, classifies it with m and writes the
// encoded results to w in input order. Record errors (bad input) become
// error records and the run goes on; an error record carries the bad
// record's id or, when it has none, its place as "file:line". Run returns
// the first error that stops the stream (a failed read or write), or ctx's
// error when it is cancelled before the end of the input, after writing
// every article read until then. Stats.Errors > 0 means some input failed.
func Run(ctx context.Context, r corpus.Reader, m *models.Model, enc Encoder, w io.Writer, opts Options) (Stats, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	parent := ctx
	// A failed write cancels the run: the rest of the input would be read
	// and classified for nothing.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, workers)
	results := make(chan result, workers)
	// At most 2×workers articles are in flight (read, not yet written):
	// memory is bounded by workers × the largest article.
	slots := make(chan struct{}, 2*workers)

	var st Stats
	var skipped atomic.Int64
	var bufs bufPool
	var readErr error
	eof := false // the whole input was read
	go func() {
		defer close(jobs)
		seq := 0
		for {
			if ctx.Err() != nil {
				return
			}
			a, err := r.Next()
			if errors.Is(err, io.EOF) {
				eof = true
				return
			}
			if err != nil && !corpus.IsRecordError(err) {
				readErr = err
				return
			}
			if opts.Skip != nil && opts.Skip(jobID(a, err)) {
				skipped.Add(1)
				continue
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			jobs <- job{seq: seq, article: a, err: err}
			seq++
		}
	}()

	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ws := m.NewWorkspace()
			for j := range jobs {
				results <- process(j, ws, m, enc, opts.Explain, &bufs)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Write in input order, holding early results until their turn.
	pending := map[int]result{}
	next := 0
	var writeErr error
	for res := range results {
		pending[res.seq] = res
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if writeErr != nil {
				continue // drain what is in flight; it is not written
			}
			_, err := w.Write(p.out)
			bufs.put(p.out)
			if err != nil {
				writeErr = fmt.Errorf("batch: write: %w", err)
				cancel()
				continue
			}
			st.Articles++
			st.Sentences += p.sentences
			st.Bytes += p.bytes
			if p.isErr {
				st.Errors++
			}
			st.Skipped = int(skipped.Load())
			if opts.Progress != nil {
				opts.Progress(st)
			}
		}
	}
	st.Skipped = int(skipped.Load())
	switch {
	case writeErr != nil:
		return st, writeErr
	case readErr != nil:
		return st, readErr
	case eof:
		// Cancelled after the last article was read: nothing was cut short.
		return st, nil
	}
	return st, parent.Err()
}

// bufPool recycles the output buffers of written articles within one run
// (io.Writer must not retain them): JSONL output is several times the
// text, and growing a fresh buffer for each article was most of the bytes
// allocated.
type bufPool struct{ p sync.Pool }

func (bp *bufPool) get() []byte {
	if b, ok := bp.p.Get().(*[]byte); ok {
		return (*b)[:0]
	}
	return nil
}

func (bp *bufPool) put(b []byte) {
	if cap(b) > 0 && cap(b) <= 4<<20 {
		bp.p.Put(&b)
	}
}

// jobID is the id of an article, or of the error record that stands for a
// bad one: the id the record had, else its place (as readers name an
// article without an id), so that Skip can match it when a run is resumed.
func jobID(a *corpus.Article, err error) string {
	if err == nil {
		return a.ID
	}
	var re *corpus.RecordError
	errors.As(err, &re)
	switch {
	case re.ID != "":
		return re.ID
	case re.Line > 0:
		return re.File + ":" + strconv.Itoa(re.Line)
	}
	return re.File
}

func process(j job, ws *models.Workspace, m *models.Model, enc Encoder, explain int, bufs *bufPool) result {
	if j.err != nil {
		return result{seq: j.seq, out: EncodeRecordError(enc, j.err), isErr: true}
	}
	c := Classify(ws, m, enc, j.article, explain, bufs.get())
	res := result{seq: j.seq, out: c.Out, isErr: c.Err, sentences: len(c.Preds)}
	if !c.Err {
		res.bytes = int64(len(j.article.Text))
	}
	return res
}

// EncodeRecordError encodes a reader's *corpus.RecordError as Run writes it
// in the bad record's place: with the record's id or, when it has none, its
// place as "file:line".
func EncodeRecordError(enc Encoder, err error) []byte {
	var re *corpus.RecordError
	if !errors.As(err, &re) {
		re = &corpus.RecordError{Err: err}
		err = re
	}
	return enc.Error(nil, jobID(nil, err), re.File, re.Line, re.Err)
}

// Classified is what Classify made of one article.
type Classified struct {
	Out   []byte              // the encoded records
	Preds []models.Prediction // one per sentence; nil when Err
	Err   bool                // Out is an error record
}

// Classify labels one article and encodes it as Run does, appending to
// dst: an article without sentences, or one whose classification panics,
// becomes an error record. ws must be m's and used by one goroutine.
func Classify(ws *models.Workspace, m *models.Model, enc Encoder, a *corpus.Article, explain int, dst []byte) (c Classified) {
	defer func() {
		// A bug must not lose the article or the run: report it in place.
		if p := recover(); p != nil {
			c = Classified{Out: enc.Error(nil, a.ID, a.File, a.Line, fmt.Errorf("internal error classifying article: %v", p)), Err: true}
		}
	}()
	preds := ws.Predict(a)
	if len(preds) == 0 {
		return Classified{Out: enc.Error(nil, a.ID, a.File, a.Line, errors.New("no sentences found in the text")), Err: true}
	}
	var expl [][]models.NamedContribution
	if explain > 0 {
		expl = make([][]models.NamedContribution, len(preds))
		for i, p := range preds {
			expl[i] = ws.Explain(a, i, p.Label, explain)
		}
	}
	return Classified{Out: enc.Article(dst, a, m, preds, expl), Preds: preds}
}
