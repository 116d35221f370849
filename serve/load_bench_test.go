package serve

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time this process has used. On a shared machine it
// measures the cost of a request better than the wall clock does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLoad posts a typical article (testdata/news/examples/
// ferry-fares.txt: 17 sentences, 2.4 kB) as text/plain from 1, 8, 32 and
// 128 concurrent clients over loopback TCP, b.N requests in all, to a
// server with one worker per GOMAXPROCS (-cpu 1 for one core). It reports
// requests/s, p50 and p99 latency, 503s (expected only beyond the queue:
// more clients than workers+64) and other errors. A run with errors, or
// with any 503 at 32 clients or fewer, fails.
//
//	go test -run '^$' -bench Load -benchtime 4000x -cpu 1 ./serve
func BenchmarkLoad(b *testing.B) {
	text, err := os.ReadFile("../testdata/news/examples/ferry-fares.txt")
	if err != nil {
		b.Fatal(err)
	}
	m := loadNews(b)
	for _, clients := range []int{1, 8, 32, 128} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
			s := New(m, Options{Workers: runtime.GOMAXPROCS(0)})
			ts := httptest.NewServer(s.Handler())
			defer ts.Close()
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
			defer client.CloseIdleConnections()
			url := ts.URL + "/v1/classify"

			var next, busy, failed atomic.Int64
			lat := make([][]time.Duration, clients)
			var wg sync.WaitGroup
			b.ReportAllocs()
			b.ResetTimer()
			start, cpu0 := time.Now(), cpuTime()
			for c := range clients {
				wg.Go(func() {
					for next.Add(1) <= int64(b.N) {
						t0 := time.Now()
						resp, err := client.Post(url, "text/plain", bytes.NewReader(text))
						if err != nil {
							failed.Add(1)
							continue
						}
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						switch resp.StatusCode {
						case http.StatusOK:
							lat[c] = append(lat[c], time.Since(t0))
						case http.StatusServiceUnavailable:
							busy.Add(1)
						default:
							failed.Add(1)
						}
					}
				})
			}
			wg.Wait()
			elapsed, cpu := time.Since(start), cpuTime()-cpu0
			b.StopTimer()

			all := slices.Concat(lat...)
			slices.Sort(all)
			q := func(p float64) float64 {
				if len(all) == 0 {
					return 0
				}
				return float64(all[min(len(all)-1, int(p*float64(len(all))))].Microseconds()) / 1000
			}
			b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
			b.ReportMetric(q(0.50), "p50-ms")
			b.ReportMetric(q(0.99), "p99-ms")
			// server and clients: they share the process
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/req")
			b.ReportMetric(float64(busy.Load()), "503s")
			b.ReportMetric(float64(failed.Load()), "errors")
			if failed.Load() > 0 || (clients <= 32 && busy.Load() > 0) {
				b.Errorf("%d clients: %d errors, %d 503s", clients, failed.Load(), busy.Load())
			}
		})
	}
}

// BenchmarkHandler is the classify handler alone, in process (no network):
// the cost of one request for the typical article.
func BenchmarkHandler(b *testing.B) {
	text, err := os.ReadFile("../testdata/news/examples/ferry-fares.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := New(loadNews(b), Options{Workers: 1})
	h := s.Handler()
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	cpu0 := cpuTime()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/v1/classify", bytes.NewReader(text))
		req.Header.Set("Content-Type", "text/plain")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatal(w.Code, w.Body.String())
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/req")
	b.ReportMetric(float64(b.N)/cpu.Seconds(), "req/cpu-s")
}
