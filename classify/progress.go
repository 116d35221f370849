package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/stancekit/stancekit/batch"
)

// progress draws a bar on stderr when it is a terminal; otherwise it is
// silent. The bar counts input bytes read as stored on disk (compressed
// bytes for .gz) against the inputs' stored size, so both sides are one
// unit, and shows articles, articles/s and the ETA from bytes/s.
type progress struct {
	p        *mpb.Progress
	bar      *mpb.Bar
	read     func() int64 // input bytes read so far
	articles atomic.Int64
	started  time.Time
}

func newProgress(stderr io.Writer, quiet bool, total int64, read func() int64) *progress {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !isTerminal(f) || read == nil {
		return &progress{}
	}
	return newBar(stderr, total, read, 200*time.Millisecond)
}

// newBar draws on w whatever it is (newProgress decides whether to).
func newBar(w io.Writer, total int64, read func() int64, refresh time.Duration) *progress {
	pr := &progress{read: read, started: time.Now()}
	pr.p = mpb.New(mpb.WithOutput(w), mpb.WithRefreshRate(refresh), mpb.WithAutoRefresh())
	eta := decor.Any(func(decor.Statistics) string { return "" })
	if total > 0 {
		eta = decor.AverageETA(decor.ET_STYLE_GO)
	}
	pr.bar = pr.p.New(total, mpb.BarStyle(),
		mpb.PrependDecorators(decor.Name("classify "), decor.Counters(decor.SizeB1000(0), "% .1f / % .1f")),
		mpb.AppendDecorators(
			decor.Any(func(decor.Statistics) string { return pr.rate() }),
			decor.Name(" ETA "), eta,
		),
	)
	return pr
}

// rate is the articles done and their rate since the start.
func (pr *progress) rate() string {
	n := pr.articles.Load()
	secs := time.Since(pr.started).Seconds()
	if secs <= 0 {
		return fmt.Sprintf("%d articles", n)
	}
	return fmt.Sprintf("%d articles, %.0f articles/s", n, float64(n)/secs)
}

func (pr *progress) update(st batch.Stats) {
	if pr.bar == nil {
		return
	}
	pr.articles.Store(int64(st.Articles))
	pr.bar.SetCurrent(pr.read())
}

func (pr *progress) finish(st batch.Stats) {
	if pr.bar == nil {
		return
	}
	pr.update(st)
	pr.bar.SetTotal(-1, true)
	pr.p.Wait()
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// countingReader counts the bytes read through it (standard input, whose
// size is unknown: the bar then shows bytes and rates, no ETA).
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}
