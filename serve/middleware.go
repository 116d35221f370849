package serve

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"
)

// recorder keeps the status and size of an answer for the log line and
// the metrics.
type recorder struct {
	http.ResponseWriter
	code  int
	bytes int64
	// set by the classify handler for the log line
	articles, sentences, errors int
}

func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (Flush).
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// wrap adds to h, answering route: a log line per request, the request
// metrics, and recovery from a panic (500 and a log line with the stack;
// the server goes on).
func (s *Server) wrap(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		s.metrics.inFlight.Inc()
		defer func() {
			p := recover()
			if p == http.ErrAbortHandler {
				panic(p) // the server's own signal to drop the connection
			}
			if p != nil {
				s.log.Error("panic", "route", route, "method", r.Method, "path", r.URL.Path,
					"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				if rec.code == 0 {
					writeError(rec, http.StatusInternalServerError, "internal error", 0)
					p = nil // answered
				} else {
					rec.code = http.StatusInternalServerError // for the log and metrics
				}
			}
			if rec.code == 0 {
				rec.code = http.StatusOK
			}
			d := time.Since(start)
			s.metrics.inFlight.Dec()
			s.metrics.observe(route, rec.code, d)
			attrs := []slog.Attr{
				slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("route", route),
				slog.Int("status", rec.code), slog.Int64("bytes", rec.bytes),
				slog.Float64("ms", float64(d.Microseconds())/1000), slog.String("remote", r.RemoteAddr),
			}
			if route == routeClassify {
				attrs = append(attrs, slog.Int("articles", rec.articles), slog.Int("sentences", rec.sentences), slog.Int("errors", rec.errors))
			}
			level := slog.LevelInfo
			if rec.code >= 500 {
				level = slog.LevelError
			}
			s.log.LogAttrs(r.Context(), level, "request", attrs...)
			if p != nil {
				// Part of a 200 is out: drop the connection, so that the
				// client sees a failure and not a short answer.
				panic(http.ErrAbortHandler)
			}
		}()
		h.ServeHTTP(rec, r)
	})
}
