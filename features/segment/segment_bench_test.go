package segment

import (
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features/token"
)

// benchMixBytes is the least amount of text a benchmark pass reads: large
// enough that per-article costs and per-byte costs both show.
const benchMixBytes = 1 << 20

// benchTexts returns a realistic mix of article texts and their total size:
// the labelled news corpus when it is there, otherwise the sample articles
// in testdata/segment/bench, whose paragraphs are reshuffled (fixed seed)
// into more articles until the mix holds benchMixBytes.
func benchTexts(tb testing.TB) ([]string, int64) {
	tb.Helper()
	var texts []string
	if paths, _ := filepath.Glob(*segCorpus); len(paths) > 0 {
		r := corpus.Open(paths, corpus.ReaderOptions{})
		defer r.Close()
		for {
			a, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(tb, err)
			texts = append(texts, a.Text)
		}
	}
	var paras []string
	if len(texts) == 0 {
		paths, err := filepath.Glob("../../testdata/segment/bench/*.txt")
		require.NoError(tb, err)
		require.NotEmpty(tb, paths, "no sample articles for the benchmark")
		for _, p := range paths {
			b, err := os.ReadFile(p)
			require.NoError(tb, err)
			texts = append(texts, string(b))
			paras = append(paras, strings.Split(string(b), "\n\n")...)
		}
	} else {
		for _, t := range texts {
			paras = append(paras, strings.Split(t, corpus.ParaSep)...)
		}
	}
	rng := rand.New(rand.NewPCG(2024, 5))
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	for size < benchMixBytes {
		k := 4 + rng.IntN(12)
		var b strings.Builder
		for range k {
			if b.Len() > 0 {
				b.WriteString(corpus.ParaSep)
			}
			b.WriteString(paras[rng.IntN(len(paras))])
		}
		texts = append(texts, b.String())
		size += b.Len()
	}
	rng.Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
	return texts, int64(size)
}

// cpuMeter reports MB per CPU second beside the wall-clock MB/s: run with
// -cpu 1, the process's CPU time is the benchmark's.
type cpuMeter struct{ start time.Duration }

func startCPU(b *testing.B) cpuMeter {
	b.Helper()
	return cpuMeter{start: cpuTime()}
}

func (m cpuMeter) report(b *testing.B, bytes int64) {
	b.Helper()
	if d := cpuTime() - m.start; d > 0 && m.start > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/d.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkSegment reports segmentation speed in MB/s and sentences/s on
// one core; allocs/op is for the whole mix, so 0 means no allocation per
// sentence or per article.
func BenchmarkSegment(b *testing.B) {
	texts, size := benchTexts(b)
	seg := New()
	b.Run("api=Sentences", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		m := startCPU(b)
		n := 0
		for b.Loop() {
			for _, text := range texts {
				for range seg.Sentences(text) {
					n++
				}
			}
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
		m.report(b, size)
	})
	b.Run("api=AppendSentences", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		m := startCPU(b)
		var buf []Bound
		for b.Loop() {
			for _, text := range texts {
				buf = seg.AppendSentences(buf[:0], text)
			}
		}
		m.report(b, size)
	})
}

// BenchmarkTokenize reports tokenization speed, with and without
// normalizing every token into a reused buffer.
func BenchmarkTokenize(b *testing.B) {
	texts, size := benchTexts(b)
	b.Run("norm=false", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		m := startCPU(b)
		n := 0
		for b.Loop() {
			for _, text := range texts {
				for range token.Tokens(text) {
					n++
				}
			}
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
		m.report(b, size)
	})
	b.Run("norm=true", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		m := startCPU(b)
		var buf []byte
		for b.Loop() {
			for _, text := range texts {
				for t := range token.Tokens(text) {
					buf = token.AppendNorm(buf[:0], text[t.Start:t.End])
				}
			}
		}
		m.report(b, size)
	})
}
