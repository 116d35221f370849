package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/stancekit/stancekit/batch"
	"github.com/stancekit/stancekit/corpus"
)

// bodyKind is what a classify request's Content-Type says its body is.
type bodyKind int

const (
	oneJSON  bodyKind = iota // one article as a JSON object
	manyJSON                 // NDJSON: one article a line
	oneText                  // one raw article
)

// streamName names a request body in error records and in the ids of
// articles that have none, as the CLI names standard input.
const streamName = "-"

// statusClientClosed is logged when the client went away before its
// answer (nginx's convention); nothing is sent.
const statusClientClosed = 499

func parseContentType(h string) (bodyKind, error) {
	if h == "" {
		return 0, errors.New("missing Content-Type: send application/json, application/x-ndjson or text/plain")
	}
	mt, params, err := mime.ParseMediaType(h)
	if err != nil {
		return 0, fmt.Errorf("Content-Type %q: %v", h, err)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "us-ascii") {
		return 0, fmt.Errorf("charset %q: only utf-8 is read", cs)
	}
	switch mt {
	case "application/json":
		return oneJSON, nil
	case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines":
		return manyJSON, nil
	case "text/plain":
		return oneText, nil
	}
	return 0, fmt.Errorf("Content-Type %q: want application/json (one article), application/x-ndjson (one a line) or text/plain (raw text)", mt)
}

// classify answers POST /v1/classify: the CLI's records for the articles
// in the body, as NDJSON in input order.
func (s *Server) classify(w http.ResponseWriter, r *http.Request) {
	rec, _ := w.(*recorder)
	if rec == nil {
		rec = &recorder{ResponseWriter: w}
	}
	kind, err := parseContentType(r.Header.Get("Content-Type"))
	if err != nil {
		writeError(w, http.StatusUnsupportedMediaType, err.Error(), 0)
		return
	}
	enc, explain, err := s.query(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), 0)
		return
	}
	if s.limit.enter() != nil {
		s.busy(w)
		return
	}
	defer s.limit.leave()

	if r.ContentLength > s.opts.MaxBody {
		writeError(w, http.StatusRequestEntityTooLarge, s.tooLarge(), 0)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBody))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		writeError(w, http.StatusRequestEntityTooLarge, s.tooLarge(), 0)
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, "reading the body: "+err.Error(), 0)
		return
	case len(bytes.TrimSpace(body)) == 0:
		writeError(w, http.StatusBadRequest, "empty body", 0)
		return
	}
	var in corpus.Reader
	switch kind {
	case manyJSON:
		// Bad lines become error records in place, as in the CLI.
		in = corpus.NewReader(bytes.NewReader(body), streamName, corpus.ReaderOptions{Format: corpus.FormatJSONL, MaxRecord: int(s.opts.MaxBody)})
	default:
		a, line, err := s.one(kind, body, r.URL.Query().Get("id"))
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error(), line)
			return
		}
		in = &oneReader{a: a}
	}

	s.metrics.waiting.Inc()
	err = s.limit.acquire(r.Context(), s.opts.QueueTimeout)
	s.metrics.waiting.Dec()
	switch {
	case errors.Is(err, errBusy):
		s.busy(w)
		return
	case err != nil:
		rec.code = statusClientClosed
		return
	}
	defer s.limit.release()

	w.Header().Set("Content-Type", "application/x-ndjson")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	bw := bufio.NewWriterSize(w, 32<<10)
	// One worker a request: the server's concurrency is bounded by the
	// limiter, not by each batch.
	st, err := batch.Run(r.Context(), in, s.m, enc, bw, batch.Options{Workers: 1, Explain: explain})
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	s.metrics.articles.Add(float64(st.Articles))
	s.metrics.errors.Add(float64(st.Errors))
	s.metrics.sentences.Add(float64(st.Sentences))
	s.metrics.bytes.Add(float64(st.Bytes))
	rec.articles, rec.sentences, rec.errors = st.Articles, st.Sentences, st.Errors
	if err != nil && !errors.Is(err, context.Canceled) {
		s.log.Warn("classify: answer cut short", "err", err)
	}
}

// query reads explain=N and format=jsonl|summary.
func (s *Server) query(r *http.Request) (batch.Encoder, int, error) {
	q := r.URL.Query()
	explain := 0
	if v := q.Get("explain"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > s.opts.MaxExplain {
			return nil, 0, fmt.Errorf("explain=%q: want a number of features from 0 to %d", v, s.opts.MaxExplain)
		}
		explain = n
	}
	switch f := q.Get("format"); strings.ToLower(f) {
	case "", batch.FormatJSONL:
		return batch.JSONL{}, explain, nil
	case batch.FormatSummary:
		return batch.Summary{}, explain, nil
	default:
		return nil, 0, fmt.Errorf("format=%q: want jsonl or summary", f)
	}
}

func (s *Server) busy(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	writeError(w, http.StatusServiceUnavailable, "busy: every worker and queue place is taken; retry later", 0)
}

func (s *Server) tooLarge() string {
	return fmt.Sprintf("body larger than the limit of %d bytes (-max-body)", s.opts.MaxBody)
}

// one reads the article of a JSON or plain-text body with the corpus
// readers the CLI uses, or returns the error and, for an error at a place
// in the body, its 1-based line.
func (s *Server) one(kind bodyKind, body []byte, id string) (*corpus.Article, int, error) {
	body = bytes.TrimPrefix(body, []byte("\uFEFF"))
	if !utf8.Valid(body) {
		off := firstInvalid(body)
		return nil, lineAt(body, off), fmt.Errorf("%w at byte %d", corpus.ErrInvalidUTF8, off)
	}
	name := streamName
	if id != "" && kind == oneText {
		name = id // a raw text's id is its stream's name
	}
	var src []byte
	format := corpus.FormatText
	if kind == oneJSON {
		line, err := compactOne(body)
		if err != nil {
			var se *json.SyntaxError
			switch {
			case errors.As(err, &se):
				return nil, lineAt(body, int(se.Offset)-1), fmt.Errorf("malformed JSON: %v", err)
			case errors.Is(err, io.ErrUnexpectedEOF):
				return nil, lineAt(body, len(body)), errors.New("malformed JSON: the body ends inside the value")
			}
			return nil, 0, err
		}
		src, format = line, corpus.FormatJSONL
	} else {
		src = body
	}
	a, err := corpus.NewReader(bytes.NewReader(src), name, corpus.ReaderOptions{Format: format, MaxRecord: int(s.opts.MaxBody)}).Next()
	if err != nil {
		var re *corpus.RecordError
		if errors.As(err, &re) {
			line := re.Line
			if kind == oneJSON {
				line = 0 // the compacted line 1 is not a line of the body
			}
			return nil, line, re.Err
		}
		return nil, 0, err
	}
	return a, 0, nil
}

// compactOne checks that body is one JSON value and returns it on one
// line, as a JSONL reader takes it (a pretty-printed object is fine).
func compactOne(body []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("more than one JSON value: send application/x-ndjson for many articles")
	}
	var out bytes.Buffer
	if err := json.Compact(&out, raw); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// lineAt is the 1-based line of byte offset off.
func lineAt(b []byte, off int) int {
	off = max(0, min(off, len(b)))
	return 1 + bytes.Count(b[:off], []byte{'\n'})
}

// oneReader yields one article already read.
type oneReader struct {
	a    *corpus.Article
	done bool
}

func (o *oneReader) Next() (*corpus.Article, error) {
	if o.done {
		return nil, io.EOF
	}
	o.done = true
	return o.a, nil
}
