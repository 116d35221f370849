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
	"time"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
)

// Options configure Run.
type Options struct {
	Workers int // goroutines classifying; 0 means all cores
	Explain int // features listed per sentence (0: none)
	// NoAttribution leaves out the speaker, mention and cue of quote
	// sentences (computed by default).
	NoAttribution bool
	// Skip leaves out the articles, and bad records, whose output would
	// carry this id (as Resume returns them); nil skips none. It is called
	// from the goroutine that reads, never concurrently.
	Skip func(id string) bool
	// SkipFirst leaves out the first SkipFirst input records (articles and
	// bad records), as ResumeAt or a Checkpoint counts them: resuming by
	// position, so that no later article is lost for reusing an id.
	SkipFirst int
	// Progress is called on Run's goroutine after each article is written;
	// it may be nil.
	Progress func(Stats)
	// Grace is how long Run, once ctx is cancelled, keeps writing the
	// articles already read before it returns; 0 means DefaultGrace.
	// Articles still being classified then are abandoned (not written).
	Grace time.Duration
}

// DefaultGrace is the default Options.Grace: long enough to finish the
// articles in flight in an ordinary run, short enough that an interrupt is
// obeyed at once when one huge article is being classified.
const DefaultGrace = 2 * time.Second

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
//
// Cancellation is obeyed even while r.Next blocks (a pipe or FIFO with no
// data) or an article takes long to classify: Run stops reading, writes
// the articles that finish within Options.Grace, and returns. A Next call
// still blocked then is left to return in its own time on a goroutine that
// only exits afterwards; r must not be used again (nor closed) until it
// returns, so a command should exit rather than close r.
func Run(ctx context.Context, r corpus.Reader, m *models.Model, enc Encoder, w io.Writer, opts Options) (Stats, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if err := ctx.Err(); err != nil {
		return Stats{}, err // cancelled before the start: read nothing
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
	// readErr and eof are set by the dispatching goroutine before it closes
	// jobs; they are read only after results is closed.
	var readErr error
	eof := false // the whole input was read
	// done is closed when Run returns, so that goroutines still reading or
	// classifying an abandoned article do not block on their channels.
	done := make(chan struct{})
	defer close(done)
	// r.Next runs on a goroutine of its own, so that a read that blocks
	// (a pipe with no data) cannot hold up cancellation: the dispatcher
	// waits for either the next record or ctx.
	type read struct {
		a   *corpus.Article
		err error
	}
	reads := make(chan read)
	go func() {
		for {
			a, err := r.Next()
			select {
			case reads <- read{a, err}:
			case <-done:
				return
			}
			if err != nil && !corpus.IsRecordError(err) {
				return // io.EOF or a failed stream: the end
			}
			if ctx.Err() != nil {
				return
			}
		}
	}()
	go func() {
		defer close(jobs)
		seq := 0
		pos := 0 // input records read
		for {
			var rd read
			select {
			case rd = <-reads:
			case <-ctx.Done():
				return
			}
			a, err := rd.a, rd.err
			if errors.Is(err, io.EOF) {
				eof = true
				return
			}
			if ctx.Err() != nil {
				return // select picks at random when both are ready
			}
			if err != nil && !corpus.IsRecordError(err) {
				readErr = err
				return
			}
			if pos++; pos <= opts.SkipFirst || (opts.Skip != nil && opts.Skip(jobID(a, err))) {
				skipped.Add(1)
				continue
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			if ctx.Err() != nil {
				return
			}
			select {
			case jobs <- job{seq: seq, article: a, err: err}:
			case <-done:
				return
			}
			seq++
		}
	}()

	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ws := m.NewWorkspace()
			ws.SetAttribution(!opts.NoAttribution)
			for j := range jobs {
				res := process(j, ws, m, enc, opts.Explain, &bufs)
				if j.article != nil && len(j.article.Sentences) > bigArticle {
					// Its predictions are encoded: a fresh workspace drops
					// them, rather than keeping a long article's buffers
					// for the rest of the run.
					ws = m.NewWorkspace()
				}
				select {
				case results <- res:
				case <-done:
					return
				}
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
	grace := opts.Grace
	if grace <= 0 {
		grace = DefaultGrace
	}
	var deadline <-chan time.Time // set once ctx is cancelled
	cancelled := parent.Done()
	abandoned := false
loop:
	for {
		var res result
		var ok bool
		select {
		case res, ok = <-results:
		case <-cancelled:
			cancelled = nil
			deadline = time.After(grace)
			cancel() // stop reading
			continue
		case <-deadline:
			abandoned = true
			break loop
		}
		if !ok {
			break loop
		}
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
	if abandoned {
		if writeErr != nil {
			return st, writeErr
		}
		return st, parent.Err()
	}
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

// bigArticle is the number of sentences beyond which a worker starts a new
// workspace after the article (see models.Workspace.Release).
const bigArticle = 1 << 12

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
			expl[i] = ws.Reasons(a, i, p.Label, explain)
		}
	}
	ws.Release() // a long article's vectors are not needed beside its output
	return Classified{Out: enc.Article(dst, a, m, preds, expl), Preds: preds}
}
