package serve

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/stancekit/stancekit/models"
)

// Defaults of Options.
const (
	DefaultMaxBody         = 8 << 20
	DefaultQueue           = 64
	DefaultMaxExplain      = 50
	DefaultQueueTimeout    = 30 * time.Second
	DefaultReadTimeout     = 30 * time.Second
	DefaultWriteTimeout    = 90 * time.Second
	DefaultIdleTimeout     = 120 * time.Second
	DefaultShutdownTimeout = 60 * time.Second
)

// Options configure a Server. The zero value serves with the defaults.
type Options struct {
	Workers    int   // requests classifying at once; 0: all cores
	Queue      int   // requests waiting for a worker beyond those; 0: DefaultQueue
	MaxBody    int64 // request body limit in bytes; 0: DefaultMaxBody
	MaxExplain int   // largest explain=N accepted; 0: DefaultMaxExplain
	// QueueTimeout is how long a request may wait for a worker before it
	// gets 503; it must be shorter than WriteTimeout, or the client would
	// see a cut connection instead.
	QueueTimeout time.Duration
	ReadTimeout  time.Duration // whole request, body included
	WriteTimeout time.Duration // from the end of the request headers to the end of the answer
	IdleTimeout  time.Duration // keep-alive connections
	// ShutdownTimeout bounds how long Serve waits for requests in flight
	// once its context is done.
	ShutdownTimeout time.Duration
	Logger          *slog.Logger // request logs; nil: discarded
	// ModelName and ModelSHA256 describe the model file in /v1/model.
	ModelName, ModelSHA256 string
}

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.Queue <= 0 {
		o.Queue = DefaultQueue
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxExplain <= 0 {
		o.MaxExplain = DefaultMaxExplain
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.QueueTimeout, DefaultQueueTimeout)
	def(&o.ReadTimeout, DefaultReadTimeout)
	def(&o.WriteTimeout, DefaultWriteTimeout)
	def(&o.IdleTimeout, DefaultIdleTimeout)
	def(&o.ShutdownTimeout, DefaultShutdownTimeout)
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return o
}

// Server answers the service's routes for one model. It is safe for
// concurrent use.
type Server struct {
	m       *models.Model
	opts    Options
	log     *slog.Logger
	limit   *limiter
	metrics *metrics
	handler http.Handler
	info    []byte // the /v1/model answer
}

// New returns a server for model m.
func New(m *models.Model, opts Options) *Server {
	opts = opts.withDefaults()
	s := &Server{
		m:       m,
		opts:    opts,
		log:     opts.Logger,
		limit:   newLimiter(opts.Workers, opts.Queue),
		metrics: newMetrics(),
	}
	s.info = modelInfo(m, opts)
	s.handler = s.routes()
	return s
}

// Handler returns the server's routes, with logging, metrics and panic
// recovery around each.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve accepts connections on ln until ctx is done, then stops accepting,
// waits for the requests in flight (at most ShutdownTimeout) and returns
// nil, or the error that stopped it.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: min(s.opts.ReadTimeout, 10*time.Second),
		ReadTimeout:       s.opts.ReadTimeout,
		WriteTimeout:      s.opts.WriteTimeout,
		IdleTimeout:       s.opts.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "in_flight", s.limit.admitted())
	sctx, cancel := context.WithTimeout(context.Background(), s.opts.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// ListenAndServe listens on addr (host:port) and calls Serve.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s.log.Info("listening", "addr", ln.Addr().String(), "workers", s.opts.Workers, "queue", s.opts.Queue, "max_body", s.opts.MaxBody)
	return s.Serve(ctx, ln)
}
