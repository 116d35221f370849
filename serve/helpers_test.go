package serve

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/batch"
	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
	"github.com/stancekit/stancekit/newsmodel"
)

// newsModel is the embedded model, decoded once per test binary and shared
// read-only, as the server's requests share it.
var newsModel = sync.OnceValues(newsmodel.Load)

func loadNews(t testing.TB) *models.Model {
	t.Helper()
	m, err := newsModel()
	require.NoError(t, err)
	return m
}

// syncBuffer is a log sink that handlers write to concurrently.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newServer returns a server on the news model that logs JSON to the
// returned buffer.
func newServer(t testing.TB, opts Options) (*Server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	}
	return New(loadNews(t), opts), logs
}

// do sends one request to h in process.
func do(h http.Handler, method, target, ctype string, body []byte) *httptest.ResponseRecorder {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// cliRecords is what the batch command writes for a stream in the given
// format, the reference the service's answers must equal byte for byte.
func cliRecords(t testing.TB, in []byte, name string, format corpus.Format, enc batch.Encoder, explain int) []byte {
	t.Helper()
	var out bytes.Buffer
	r := corpus.NewReader(bytes.NewReader(in), name, corpus.ReaderOptions{Format: format})
	_, err := batch.Run(context.Background(), r, loadNews(t), enc, &out, batch.Options{Workers: 2, Explain: explain})
	require.NoError(t, err)
	return out.Bytes()
}

func lines(s string) []string { return strings.Split(strings.TrimSuffix(s, "\n"), "\n") }
