package serve

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const harbour = "The harbour bridge reopened on Monday after a two-year repair.\n\n\"We finished on budget,\" the city engineer said.\n\nIt is a disgrace that the repairs took so long.\n\nSign up for our newsletter to get the news every morning."

// TestStatuses sends every kind of request the issue names and checks the
// status, the content type and, for errors, the JSON answer and its line.
func TestStatuses(t *testing.T) {
	s, _ := newServer(t, Options{Workers: 2, MaxBody: 4096})
	h := s.Handler()
	big := strings.Repeat("The council met on Tuesday. ", 200) // 5,600 bytes
	cases := []struct {
		name, method, target, ctype, body string
		code                              int
		wantType                          string // prefix of Content-Type
		wantErr                           string // substring of "error"
		wantLine                          int
		allow                             string
	}{
		{name: "health", method: "GET", target: "/healthz", code: 200, wantType: "text/plain"},
		{name: "model", method: "GET", target: "/v1/model", code: 200, wantType: "application/json"},
		{name: "metrics", method: "GET", target: "/metrics", code: 200, wantType: "text/plain"},
		{name: "page", method: "GET", target: "/", code: 200, wantType: "text/html"},
		{name: "script", method: "GET", target: "/static/app.js", code: 200, wantType: "text/javascript"},
		{name: "static listing", method: "GET", target: "/static/", code: 404, wantType: "application/json", wantErr: "no such file"},
		{name: "unknown route", method: "GET", target: "/v2/nothing", code: 404, wantType: "application/json", wantErr: "no such route"},
		{name: "text", method: "POST", target: "/v1/classify", ctype: "text/plain; charset=utf-8", body: harbour, code: 200, wantType: "application/x-ndjson"},
		{name: "json", method: "POST", target: "/v1/classify", ctype: "application/json", body: `{"id": "h", "text": "The bridge reopened."}`, code: 200, wantType: "application/x-ndjson"},
		{name: "json sentences", method: "POST", target: "/v1/classify", ctype: "application/json", body: `{"id": "h", "sentences": [{"text": "The bridge reopened."}, {"text": "Subscribe now.", "para": 1}]}`, code: 200, wantType: "application/x-ndjson"},
		{name: "ndjson", method: "POST", target: "/v1/classify", ctype: "application/x-ndjson", body: `{"id": "h", "text": "The bridge reopened."}` + "\n{bad\n", code: 200, wantType: "application/x-ndjson"},
		{name: "summary", method: "POST", target: "/v1/classify?format=summary", ctype: "text/plain", body: harbour, code: 200, wantType: "application/x-ndjson"},
		{name: "explain", method: "POST", target: "/v1/classify?explain=3", ctype: "text/plain", body: harbour, code: 200, wantType: "application/x-ndjson"},
		{name: "malformed json", method: "POST", target: "/v1/classify", ctype: "application/json", body: "{\n  \"id\": \"h\",\n  \"text\": oops\n}", code: 400, wantErr: "malformed JSON", wantLine: 3},
		{name: "truncated json", method: "POST", target: "/v1/classify", ctype: "application/json", body: "{\n\"id\": \"h\",\n\"text\": \"x", code: 400, wantErr: "malformed JSON", wantLine: 3},
		{name: "json invalid utf-8", method: "POST", target: "/v1/classify", ctype: "application/json", body: "{\"id\": \"h\",\n\"text\": \"caf\xe9\"}", code: 400, wantErr: "invalid UTF-8", wantLine: 2},
		{name: "text invalid utf-8", method: "POST", target: "/v1/classify", ctype: "text/plain", body: "Fine line.\n\nBad \xff line.", code: 400, wantErr: "invalid UTF-8", wantLine: 3},
		{name: "text NUL", method: "POST", target: "/v1/classify", ctype: "text/plain", body: "One.\nTwo\x00.", code: 400, wantErr: "NUL", wantLine: 2},
		{name: "json no text", method: "POST", target: "/v1/classify", ctype: "application/json", body: `{"id": "h"}`, code: 400, wantErr: "missing field"},
		{name: "json two values", method: "POST", target: "/v1/classify", ctype: "application/json", body: `{"id": "a", "text": "A."} {"id": "b", "text": "B."}`, code: 400, wantErr: "more than one JSON value"},
		{name: "json array", method: "POST", target: "/v1/classify", ctype: "application/json", body: `["A."]`, code: 400, wantErr: "not a JSON object"},
		{name: "empty body", method: "POST", target: "/v1/classify", ctype: "text/plain", body: " \n", code: 400, wantErr: "empty body"},
		{name: "bad explain", method: "POST", target: "/v1/classify?explain=lots", ctype: "text/plain", body: harbour, code: 400, wantErr: "explain"},
		{name: "explain too big", method: "POST", target: "/v1/classify?explain=1000", ctype: "text/plain", body: harbour, code: 400, wantErr: "explain"},
		{name: "bad format", method: "POST", target: "/v1/classify?format=csv", ctype: "text/plain", body: harbour, code: 400, wantErr: "format"},
		{name: "too large", method: "POST", target: "/v1/classify", ctype: "text/plain", body: big, code: 413, wantErr: "4096 bytes"},
		{name: "wrong method classify", method: "GET", target: "/v1/classify", code: 405, wantErr: "not allowed", allow: "POST"},
		{name: "wrong method health", method: "DELETE", target: "/healthz", code: 405, wantErr: "not allowed", allow: "GET, HEAD"},
		{name: "wrong method metrics", method: "POST", target: "/metrics", ctype: "text/plain", body: "x", code: 405, allow: "GET, HEAD"},
		{name: "form", method: "POST", target: "/v1/classify", ctype: "application/x-www-form-urlencoded", body: "text=hello", code: 415, wantErr: "want application/json"},
		{name: "no content type", method: "POST", target: "/v1/classify", body: harbour, code: 415, wantErr: "missing Content-Type"},
		{name: "latin-1", method: "POST", target: "/v1/classify", ctype: "text/plain; charset=iso-8859-1", body: harbour, code: 415, wantErr: "charset"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var body []byte
			if c.body != "" {
				body = []byte(c.body)
			}
			w := do(h, c.method, c.target, c.ctype, body)
			require.Equal(t, c.code, w.Code, w.Body.String())
			if c.wantType == "" && c.code >= 400 {
				c.wantType = "application/json"
			}
			assert.True(t, strings.HasPrefix(w.Header().Get("Content-Type"), c.wantType), "Content-Type %q", w.Header().Get("Content-Type"))
			if c.allow != "" {
				assert.Equal(t, c.allow, w.Header().Get("Allow"))
			}
			if c.code >= 400 {
				var e errorBody
				require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e), w.Body.String())
				assert.Contains(t, e.Error, c.wantErr)
				assert.Equal(t, c.wantLine, e.Line)
			}
		})
	}
}

// A body without Content-Length that runs past the limit is cut at the
// limit and answered 413.
func TestTooLargeChunked(t *testing.T) {
	s, _ := newServer(t, Options{MaxBody: 1024})
	req := httptest.NewRequest("POST", "/v1/classify", strings.NewReader(strings.Repeat("Words. ", 500)))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/x-ndjson")
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, req)
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code, w.Body.String())
}

// Beyond Workers+Queue admitted requests, and after QueueTimeout waiting
// for a worker, the answer is 503 with Retry-After.
func TestBusy(t *testing.T) {
	t.Run("queue full", func(t *testing.T) {
		s, _ := newServer(t, Options{Workers: 1, Queue: 64})
		for range 1 + 64 {
			require.NoError(t, s.limit.enter())
		}
		w := do(s.Handler(), "POST", "/v1/classify", "text/plain", []byte(harbour))
		assert.Equal(t, http.StatusServiceUnavailable, w.Code)
		assert.Equal(t, "1", w.Header().Get("Retry-After"))
		assert.Contains(t, w.Body.String(), "busy")
		s.limit.leave()
		w = do(s.Handler(), "POST", "/v1/classify", "text/plain", []byte(harbour))
		assert.Equal(t, http.StatusOK, w.Code, "a place freed up")
	})
	t.Run("queue timeout", func(t *testing.T) {
		s, _ := newServer(t, Options{Workers: 1, QueueTimeout: 20 * time.Millisecond})
		require.NoError(t, s.limit.acquire(context.Background(), time.Second)) // the only worker is busy
		w := do(s.Handler(), "POST", "/v1/classify", "text/plain", []byte(harbour))
		assert.Equal(t, http.StatusServiceUnavailable, w.Code)
		assert.Equal(t, "1", w.Header().Get("Retry-After"))
		s.limit.release()
		assert.Equal(t, 0, s.limit.admitted(), "the request gave its place back")
	})
}

// A panic in a handler is a 500 with a JSON body and a log line with the
// stack, and the server goes on answering.
func TestPanic(t *testing.T) {
	s, logs := newServer(t, Options{})
	h := s.wrap("boom", http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("kaboom") }))
	w := do(h, "GET", "/boom", "", nil)
	assert.Equal(t, http.StatusInternalServerError, w.Code)
	assert.JSONEq(t, `{"error": "internal error"}`, w.Body.String())
	assert.Contains(t, logs.String(), `"msg":"panic"`)
	assert.Contains(t, logs.String(), "kaboom")
	assert.Contains(t, logs.String(), "status_test.go", "the stack is logged")
	assert.Equal(t, http.StatusOK, do(s.Handler(), "GET", "/healthz", "", nil).Code)

	// Once part of a 200 is out, the connection is dropped instead.
	h = s.wrap("late", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("partial"))
		panic("late kaboom")
	}))
	assert.PanicsWithValue(t, http.ErrAbortHandler, func() { do(h, "GET", "/late", "", nil) })
	assert.Contains(t, logs.String(), "late kaboom")
}

// Each request is one JSON log line with its route, status and counts.
func TestRequestLog(t *testing.T) {
	s, logs := newServer(t, Options{})
	do(s.Handler(), "POST", "/v1/classify", "text/plain", []byte(harbour))
	do(s.Handler(), "GET", "/v1/classify", "", nil)
	ls := lines(logs.String())
	require.Len(t, ls, 2)
	var rec struct {
		Msg, Method, Path, Route string
		Status, Articles         int
		Sentences                int
		MS                       *float64 `json:"ms"`
	}
	require.NoError(t, json.Unmarshal([]byte(ls[0]), &rec))
	assert.Equal(t, "request", rec.Msg)
	assert.Equal(t, "/v1/classify", rec.Route)
	assert.Equal(t, 200, rec.Status)
	assert.Equal(t, 1, rec.Articles)
	assert.Equal(t, 4, rec.Sentences)
	assert.NotNil(t, rec.MS)
	require.NoError(t, json.Unmarshal([]byte(ls[1]), &rec))
	assert.Equal(t, 405, rec.Status)
}

// /metrics counts requests by route and status, the articles and sentences
// classified, and has the latency histogram and the in-flight gauge.
func TestMetrics(t *testing.T) {
	s, _ := newServer(t, Options{})
	h := s.Handler()
	do(h, "POST", "/v1/classify", "text/plain", []byte(harbour))
	do(h, "POST", "/v1/classify", "application/x-ndjson", []byte(`{"id":"a","text":"One. Two."}`+"\n{bad\n"))
	do(h, "POST", "/v1/classify", "text/csv", []byte("x"))
	w := do(h, "GET", "/metrics", "", nil)
	require.Equal(t, 200, w.Code)
	m := w.Body.String()
	for _, want := range []string{
		`stancekit_http_requests_total{code="200",route="/v1/classify"} 2`,
		`stancekit_http_requests_total{code="415",route="/v1/classify"} 1`,
		`stancekit_articles_classified_total 3`,
		`stancekit_article_errors_total 1`,
		`stancekit_sentences_classified_total 6`,
		`stancekit_http_request_duration_seconds_bucket{route="/v1/classify",le="+Inf"} 3`,
		`stancekit_http_requests_in_flight 1`, // the /metrics request itself
		`stancekit_classify_queue_waiting 0`,
		`go_goroutines`,
	} {
		assert.Contains(t, m, want)
	}
}

func TestModelInfo(t *testing.T) {
	s, _ := newServer(t, Options{ModelName: "news", ModelSHA256: "abc"})
	w := do(s.Handler(), "GET", "/v1/model", "", nil)
	var info struct {
		Name          string
		SHA256        string
		FormatVersion int `json:"format_version"`
		Labels        []string
		Features      struct{ Dim int }
		Options       struct{ Model string }
		Trained       struct{ Articles, Sentences int }
		Conv          *struct{ Filters, Width int }
	}
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &info))
	assert.Equal(t, []string{"appeal", "fact", "opinion", "quote"}, info.Labels)
	assert.Equal(t, 2, info.FormatVersion, "the default model has the vector member")
	require.NotNil(t, info.Conv)
	assert.Equal(t, 16, info.Conv.Filters)
	assert.Equal(t, 1, info.Conv.Width)
	assert.Equal(t, "svm", info.Options.Model)
	assert.Positive(t, info.Features.Dim)
	assert.Equal(t, 497, info.Trained.Articles, "testdata/news/train.jsonl")
	assert.Equal(t, "news", info.Name)
}
