package batch

import (
	"bytes"
	"context"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
)

// interruptBound is how soon after cancellation Run must return in these
// tests: the grace they set plus slack for a loaded machine. Before issue
// 13's fix Run never returned in either case.
const interruptBound = 3 * time.Second

// runInterrupted runs r with opts, cancels the context once the first
// article is written, and returns what Run wrote and how long it took to
// return after the cancellation.
// runInterrupted cancels the run once the first article is written and,
// when inFlight is not nil, once it is closed (an article is being worked
// on), so that what is in flight at the cancellation does not depend on
// the scheduler.
func runInterrupted(t *testing.T, r corpus.Reader, enc Encoder, opts Options, inFlight <-chan struct{}) (string, Stats, error, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first := make(chan struct{})
	opts.Progress = func(st Stats) {
		if st.Articles == 1 {
			close(first)
		}
	}
	var out bytes.Buffer
	type ret struct {
		st  Stats
		err error
	}
	rc := make(chan ret, 1)
	go func() {
		st, err := Run(ctx, r, loadNews(t), enc, &out, opts)
		rc <- ret{st, err}
	}()
	select {
	case <-first:
	case <-time.After(time.Minute):
		t.Fatal("the first article was never written")
	}
	if inFlight != nil {
		select {
		case <-inFlight:
		case <-time.After(time.Minute):
			t.Fatal("the slow article was never started")
		}
	}
	cancel()
	start := time.Now()
	select {
	case x := <-rc:
		return out.String(), x.st, x.err, time.Since(start)
	case <-time.After(time.Minute):
		t.Fatal("Run did not return after cancellation")
	}
	panic("unreachable")
}

// A read that blocks (a pipe whose writer neither writes nor closes, as
// `(echo …; sleep 30) | classify`) must not hold up cancellation; the
// article already read is written.
func TestRunCancelWhileReadBlocks(t *testing.T) {
	defer checkNoGoroutineLeak(t)()
	pr, pw := io.Pipe()
	defer pw.Close() // after the check's deadline starts: ends the blocked Next
	go pw.Write([]byte(`{"id": "a", "text": "The council met."}` + "\n"))
	r := corpus.NewReader(pr, "stdin.jsonl", corpus.ReaderOptions{})
	out, st, err, took := runInterrupted(t, r, JSONL{}, Options{Workers: 2, Grace: 100 * time.Millisecond}, nil)
	require.ErrorIs(t, err, context.Canceled)
	assert.Less(t, took, interruptBound)
	assert.Equal(t, []string{"a"}, articleRuns(parseJSONL(t, out)))
	assert.Equal(t, 1, st.Articles)
	pw.Close()
}

// slowEncoder stands for an article that takes long to classify: encoding
// the article with id slow blocks until release is closed.
type slowEncoder struct {
	JSONL
	release chan struct{}
	entered chan struct{} // closed when the slow article is being encoded
}

func (e slowEncoder) Article(dst []byte, a *corpus.Article, m *models.Model, preds []models.Prediction, expl [][]models.NamedContribution) []byte {
	if a.ID == "slow" {
		close(e.entered)
		<-e.release
	}
	return e.JSONL.Article(dst, a, m, preds, expl)
}

// An article still being worked on when the grace period ends is abandoned:
// Run returns with what is done, in order, and the slow article and those
// after it are not written (a resumed run classifies them).
func TestRunAbandonsSlowArticle(t *testing.T) {
	defer checkNoGoroutineLeak(t)()
	enc := slowEncoder{release: make(chan struct{}), entered: make(chan struct{})}
	defer close(enc.release)
	r := &sliceReader{items: []any{
		&corpus.Article{ID: "fast", Text: "The mayor opened the bridge."},
		&corpus.Article{ID: "slow", Text: "Traffic was light."},
		&corpus.Article{ID: "after", Text: "Rain is expected."},
	}}
	out, st, err, took := runInterrupted(t, r, enc, Options{Workers: 2, Grace: 100 * time.Millisecond}, enc.entered)
	require.ErrorIs(t, err, context.Canceled)
	assert.Less(t, took, interruptBound)
	assert.GreaterOrEqual(t, took, 100*time.Millisecond, "the grace period is given to the article in flight")
	assert.Equal(t, []string{"fast"}, articleRuns(parseJSONL(t, out)))
	assert.Equal(t, 1, st.Articles)
}

// Within the grace period the articles in flight are finished and written.
func TestRunFinishesInFlightWithinGrace(t *testing.T) {
	defer checkNoGoroutineLeak(t)()
	enc := slowEncoder{release: make(chan struct{}), entered: make(chan struct{})}
	r := &sliceReader{items: []any{
		&corpus.Article{ID: "fast", Text: "The mayor opened the bridge."},
		&corpus.Article{ID: "slow", Text: "Traffic was light."},
	}}
	go func() {
		time.Sleep(50 * time.Millisecond)
		close(enc.release)
	}()
	out, _, err, _ := runInterrupted(t, r, enc, Options{Workers: 2, Grace: time.Minute}, enc.entered)
	// The whole input may have been read before the cancellation (then
	// nothing was cut short) or not; either way both articles are written.
	if err != nil {
		require.ErrorIs(t, err, context.Canceled)
	}
	assert.Equal(t, []string{"fast", "slow"}, articleRuns(parseJSONL(t, out)))
}
