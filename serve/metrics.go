package serve

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics live in a registry of their own, not the library's global one,
// so that two servers in one process (as in tests) do not collide.
type metrics struct {
	reg       *prometheus.Registry
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	inFlight  prometheus.Gauge
	waiting   prometheus.Gauge
	articles  prometheus.Counter
	errors    prometheus.Counter
	sentences prometheus.Counter
	bytes     prometheus.Counter
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "stancekit_http_requests_total",
			Help: "HTTP requests answered, by route and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "stancekit_http_request_duration_seconds",
			Help: "Time from the request's arrival to the end of its answer, by route.",
			// A typical article takes about a millisecond; a full 8 MB
			// NDJSON body about a second on one core.
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "stancekit_http_requests_in_flight",
			Help: "Requests being answered now.",
		}),
		waiting: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "stancekit_classify_queue_waiting",
			Help: "Classify requests waiting for a worker.",
		}),
		articles: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "stancekit_articles_classified_total",
			Help: "Articles classified (error records included).",
		}),
		errors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "stancekit_article_errors_total",
			Help: "Error records written in place of an article.",
		}),
		sentences: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "stancekit_sentences_classified_total",
			Help: "Sentences labelled.",
		}),
		bytes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "stancekit_text_bytes_classified_total",
			Help: "Bytes of raw article text classified.",
		}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.inFlight, m.waiting, m.articles, m.errors, m.sentences, m.bytes,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) observe(route string, code int, d time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(code)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
