package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/stancekit/stancekit/models"
	"github.com/stancekit/stancekit/newsmodel"
	"github.com/stancekit/stancekit/serve"
)

// serveHTTP runs the service until SIGINT or SIGTERM, then finishes the
// requests in flight and returns 0.
func serveHTTP(m *models.Model, f flags, stderr io.Writer) (int, error) {
	if f.maxBody <= 0 {
		return 2, usageError{fmt.Errorf("-max-body %d: want a positive number of bytes", f.maxBody)}
	}
	name, sum, err := modelID(f.model)
	if err != nil {
		return 1, err
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	s := serve.New(m, serve.Options{
		Workers: f.workers, MaxBody: f.maxBody, Logger: log,
		ModelName: name, ModelSHA256: sum,
	})
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := s.ListenAndServe(ctx, f.serve); err != nil {
		return 1, err
	}
	log.Info("stopped")
	return 0, nil
}

// modelID names the model file and hashes it, for /v1/model.
func modelID(path string) (string, string, error) {
	b, name := newsmodel.Bytes(), "embedded news model"
	if path != "" {
		var err error
		if b, err = os.ReadFile(path); err != nil {
			return "", "", err
		}
		name = path
	}
	sum := sha256.Sum256(b)
	return name, hex.EncodeToString(sum[:]), nil
}
