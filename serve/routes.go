package serve

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/stancekit/stancekit/models"
)

// Route names, as the metrics and logs label requests.
const (
	routePage     = "/"
	routeStatic   = "/static/"
	routeHealth   = "/healthz"
	routeModel    = "/v1/model"
	routeClassify = "/v1/classify"
	routeMetrics  = "/metrics"
	routeOther    = "other"
)

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	// Patterns without a method, so that a wrong method gets a JSON 405
	// with Allow like every other error here, not the mux's plain text.
	handle := func(pattern, route string, h http.HandlerFunc, methods ...string) {
		mux.Handle(pattern, s.wrap(route, allow(h, methods...)))
	}
	handle("/{$}", routePage, s.page, http.MethodGet, http.MethodHead)
	handle("/static/", routeStatic, s.static, http.MethodGet, http.MethodHead)
	handle("/healthz", routeHealth, health, http.MethodGet, http.MethodHead)
	handle("/v1/model", routeModel, s.model, http.MethodGet, http.MethodHead)
	handle("/v1/classify", routeClassify, s.classify, http.MethodPost)
	handle("/metrics", routeMetrics, s.metrics.handler().ServeHTTP, http.MethodGet, http.MethodHead)
	mux.Handle("/", s.wrap(routeOther, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such route: "+r.URL.Path, 0)
	})))
	return mux
}

// allow answers 405 with an Allow header to a method not in methods.
func allow(h http.HandlerFunc, methods ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for _, m := range methods {
			if r.Method == m {
				h(w, r)
				return
			}
		}
		w.Header().Set("Allow", strings.Join(methods, ", "))
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; use "+strings.Join(methods, " or "), 0)
	}
}

// errorBody is every error answer: {"error": "…"} with "line" when the
// error is at a place in the body.
type errorBody struct {
	Error string `json:"error"`
	Line  int    `json:"line,omitempty"`
}

func writeError(w http.ResponseWriter, code int, msg string, line int) {
	b, _ := json.Marshal(errorBody{Error: msg, Line: line})
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(len(b)+1))
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

func health(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("ok\n"))
}

func (s *Server) model(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(s.info)
}

// modelInfo is the /v1/model answer: what a client needs to read the
// records (labels) and to know which model wrote them.
func modelInfo(m *models.Model, opts Options) []byte {
	cfg := m.Pipeline.Config()
	info := struct {
		Name          string              `json:"name,omitempty"`
		SHA256        string              `json:"sha256,omitempty"`
		FormatVersion int                 `json:"format_version"`
		Labels        []string            `json:"labels"`
		Features      any                 `json:"features"`
		Options       models.Options      `json:"options"`
		OptionsText   string              `json:"options_text"`
		Decode        string              `json:"decode,omitempty"`
		Conv          *models.ConvOptions `json:"conv,omitempty"` // the vector member's options, nil without one
		Trained       models.TrainInfo    `json:"trained"`
		Limits        map[string]any      `json:"limits"`
		Formats       map[string]string   `json:"formats"`
	}{
		Name: opts.ModelName, SHA256: opts.ModelSHA256,
		FormatVersion: m.FileVersion(),
		Labels:        m.Labels,
		Features: map[string]any{
			"dim": m.Pipeline.Dim(), "weighting": cfg.Weighting.String(), "config": cfg,
		},
		Options: m.Options, OptionsText: m.TrainingOptions().String(),
		Decode: m.Decode, Trained: m.Trained,
		Conv: func() *models.ConvOptions {
			if m.Conv == nil {
				return nil
			}
			return &m.Conv.Options
		}(),
		Limits: map[string]any{
			"max_body": opts.MaxBody, "max_explain": opts.MaxExplain,
			"workers": opts.Workers, "queue": opts.Queue,
		},
		Formats: map[string]string{
			"application/json":     "one article: {\"id\": …, \"text\": …} or {\"id\": …, \"sentences\": […]}",
			"application/x-ndjson": "many articles, one JSON object a line",
			"text/plain":           "one raw article (id from ?id=)",
		},
	}
	b, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		panic("serve: model info: " + err.Error()) // only plain fields: a bug
	}
	return append(b, '\n')
}
