package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/batch"
	"github.com/stancekit/stancekit/corpus"
)

// The service's records are the batch command's, byte for byte, for the
// same article sent each way the API takes it.
func TestRecordsEqualCLI(t *testing.T) {
	s, _ := newServer(t, Options{})
	h := s.Handler()
	const path = "../testdata/news/examples/ferry-fares.txt"
	text, err := os.ReadFile(path)
	require.NoError(t, err)
	line, err := json.Marshal(map[string]string{"id": "ferry", "text": string(text)})
	require.NoError(t, err)
	pretty, err := json.MarshalIndent(map[string]string{"id": "ferry", "text": string(text)}, "", "  ")
	require.NoError(t, err)

	for _, c := range []struct {
		name, target, ctype string
		body                []byte
		want                []byte
	}{
		{"text", "/v1/classify?id=" + path, "text/plain", text,
			cliRecords(t, text, path, corpus.FormatText, batch.JSONL{}, 0)},
		{"text explain", "/v1/classify?explain=5&id=" + path, "text/plain", text,
			cliRecords(t, text, path, corpus.FormatText, batch.JSONL{}, 5)},
		{"text summary", "/v1/classify?format=summary&id=" + path, "text/plain", text,
			cliRecords(t, text, path, corpus.FormatText, batch.Summary{}, 0)},
		{"text on stdin", "/v1/classify", "text/plain", text,
			cliRecords(t, text, "-", corpus.FormatText, batch.JSONL{}, 0)},
		{"json", "/v1/classify?explain=2", "application/json", line,
			cliRecords(t, line, "-", corpus.FormatJSONL, batch.JSONL{}, 2)},
		{"pretty json", "/v1/classify", "application/json", pretty,
			cliRecords(t, line, "-", corpus.FormatJSONL, batch.JSONL{}, 0)},
		{"ndjson", "/v1/classify", "application/x-ndjson", append(line, '\n'),
			cliRecords(t, line, "-", corpus.FormatJSONL, batch.JSONL{}, 0)},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(h, "POST", c.target, c.ctype, c.body)
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			require.NotEmpty(t, c.want)
			assert.Equal(t, string(c.want), w.Body.String())
		})
	}
}

// An NDJSON body's records come back in input order, with error records
// in place of the bad lines (malformed JSON, invalid UTF-8, a missing
// field), exactly as the CLI writes them for the same stream.
func TestNDJSONOrder(t *testing.T) {
	s, _ := newServer(t, Options{Workers: 4})
	f, err := os.Open("../testdata/news/test.jsonl")
	require.NoError(t, err)
	defer f.Close()
	r := corpus.NewReader(f, "test.jsonl", corpus.ReaderOptions{})
	var body bytes.Buffer
	var ids []string
	for i := 0; i < 12; i++ {
		a, err := r.Next()
		require.NoError(t, err)
		id := fmt.Sprintf("n%02d", i)
		b, err := json.Marshal(map[string]string{"id": id, "text": a.Text})
		require.NoError(t, err)
		body.Write(b)
		body.WriteByte('\n')
		ids = append(ids, id)
		switch i {
		case 3:
			body.WriteString("{\"id\": \"broken\", \"text\": \n") // line 5
			ids = append(ids, "-:5")
		case 6:
			body.WriteString("{\"id\": \"latin\", \"text\": \"caf\xe9\"}\n") // line 9
			ids = append(ids, "-:9")
		case 9:
			body.WriteString("{\"id\": \"nofield\"}\n") // line 13
			ids = append(ids, "nofield")
		}
	}
	w := do(s.Handler(), "POST", "/v1/classify", "application/x-ndjson", body.Bytes())
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, string(cliRecords(t, body.Bytes(), "-", corpus.FormatJSONL, batch.JSONL{}, 0)), w.Body.String())

	var got []string
	errLines := map[string]int{}
	for _, l := range lines(w.Body.String()) {
		var rec struct {
			Article, Error string
			Line           int
		}
		require.NoError(t, json.Unmarshal([]byte(l), &rec))
		if len(got) == 0 || got[len(got)-1] != rec.Article {
			got = append(got, rec.Article)
		}
		if rec.Error != "" {
			errLines[rec.Article] = rec.Line
		}
	}
	assert.Equal(t, ids, got)
	assert.Equal(t, map[string]int{"-:5": 5, "-:9": 9, "nofield": 13}, errLines)
}

// SIGTERM's path: once Serve's context is done it stops accepting, and
// every request already admitted, running or queued, gets its whole answer.
func TestGracefulShutdown(t *testing.T) {
	s, logs := newServer(t, Options{Workers: 1})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	url := "http://" + ln.Addr().String() + "/v1/classify"

	// Long enough that the later requests are still queued at the cancel.
	text := strings.Repeat(harbour+"\n\n", 150)
	want := cliRecords(t, []byte(text), "-", corpus.FormatText, batch.JSONL{}, 0)
	const n = 6
	var wg sync.WaitGroup
	bodies := make([]string, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			resp, err := http.Post(url, "text/plain", strings.NewReader(text))
			if err != nil {
				errs[i] = err
				return
			}
			defer resp.Body.Close()
			var b bytes.Buffer
			_, errs[i] = b.ReadFrom(resp.Body)
			if resp.StatusCode != http.StatusOK {
				errs[i] = fmt.Errorf("status %d: %s", resp.StatusCode, b.String())
			}
			bodies[i] = b.String()
		})
	}
	require.Eventually(t, func() bool { return s.limit.admitted() == n }, 10*time.Second, time.Millisecond, "all requests admitted")
	cancel()
	wg.Wait()
	require.NoError(t, <-served)
	for i := range n {
		require.NoError(t, errs[i], "request %d", i)
		assert.Equal(t, string(want), bodies[i], "request %d got its whole answer", i)
	}
	assert.Contains(t, logs.String(), "shutting down")
	_, err = http.Post(url, "text/plain", strings.NewReader(harbour))
	assert.Error(t, err, "no longer accepting")
}
