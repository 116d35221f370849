package main

import (
	"io"
	"os"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/stancekit/stancekit/batch"
)

// progress draws a bar on stderr when it is a terminal (articles, MB, rate,
// ETA against the input size when known); otherwise it is silent.
type progress struct {
	p       *mpb.Progress
	bar     *mpb.Bar
	last    int64
	started time.Time
}

func newProgress(stderr io.Writer, quiet bool, total int64) *progress {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !isTerminal(f) {
		return &progress{}
	}
	p := mpb.New(mpb.WithOutput(stderr), mpb.WithRefreshRate(200*time.Millisecond))
	bar := p.New(total, mpb.BarStyle(),
		mpb.PrependDecorators(decor.Name("classify "), decor.Counters(decor.SizeB1000(0), "% .1f / % .1f")),
		mpb.AppendDecorators(decor.AverageSpeed(decor.SizeB1000(0), "% .1f"), decor.Name(" "), decor.AverageETA(decor.ET_STYLE_GO)),
	)
	return &progress{p: p, bar: bar, started: time.Now()}
}

func (pr *progress) update(st batch.Stats) {
	if pr.bar == nil {
		return
	}
	pr.bar.IncrInt64(st.Bytes - pr.last)
	pr.last = st.Bytes
}

func (pr *progress) finish(st batch.Stats) {
	if pr.bar == nil {
		return
	}
	pr.bar.SetTotal(-1, true)
	pr.p.Wait()
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
