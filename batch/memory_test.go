package batch

import (
	"context"
	"io"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
)

// generated is a JSONL stream of n articles made on the fly (appendArticle),
// so that the input is never in memory as a whole, as a large file is not.
type generated struct {
	texts []string
	n, i  int
	buf   []byte
}

func (g *generated) Read(p []byte) (int, error) {
	for len(g.buf) == 0 {
		if g.i == g.n {
			return 0, io.EOF
		}
		g.buf = appendArticle(g.buf[:0], g.texts, g.i)
		g.i++
	}
	k := copy(p, g.buf)
	g.buf = g.buf[k:]
	return k, nil
}

// raceEnabled reports a -race build, where the test runs on fewer articles
// to stay within its time.
func raceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// peakHeap classifies n generated articles with a writer that discards and
// returns the highest HeapInuse seen while Run ran (sampled every
// millisecond and at every 32nd article written).
func peakHeap(t *testing.T, m *models.Model, texts []string, n int) uint64 {
	t.Helper()
	runtime.GC()
	var mu sync.Mutex
	var peak uint64
	sample := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		mu.Lock()
		peak = max(peak, ms.HeapInuse)
		mu.Unlock()
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				sample()
			}
		}
	})
	r := corpus.NewReader(&generated{texts: texts, n: n}, "generated.jsonl", corpus.ReaderOptions{})
	opts := Options{
		Workers: runtime.GOMAXPROCS(0),
		Progress: func(st Stats) {
			if st.Articles%32 == 0 {
				sample()
			}
		},
	}
	st, err := Run(context.Background(), r, m, JSONL{}, io.Discard, opts)
	close(done)
	wg.Wait()
	require.NoError(t, err)
	require.Equal(t, n, st.Articles)
	require.Zero(t, st.Errors)
	return peak
}

// TestRunMemoryBounded checks that Run streams: classifying four times as
// many articles must not need much more heap. A run that kept every
// article, or every output, would need about four times as much above the
// fixed part (the model, the workers' buffers); the bound allows twice the
// smaller run's peak plus slack for the garbage collector's timing.
func TestRunMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("classifies 5,000 articles")
	}
	small, large := 1000, 4000
	if raceEnabled() {
		small, large = 100, 400
	}
	texts := newsTexts(t)
	m := loadNews(t)
	peakSmall := peakHeap(t, m, texts, small)
	peakLarge := peakHeap(t, m, texts, large)
	t.Logf("peak HeapInuse: %.1f MB for %d articles, %.1f MB for %d", float64(peakSmall)/1e6, small, float64(peakLarge)/1e6, large)
	const slack = 4 << 20
	assert.Less(t, peakLarge, 2*peakSmall+slack, "peak heap grows with the number of articles")
}
