package main

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/stancekit/stancekit/models"
	"github.com/stancekit/stancekit/newsmodel"
)

// models are loaded once per worker process, whatever the number of DoFn
// instances the runner makes: the embedded model is a few MB and decoding
// it takes a fraction of a second, too much to repeat per bundle.
var (
	modelsMu sync.Mutex
	loaded   = map[string]*models.Model{}
)

// loadModel returns the model at path, read through Beam's file systems
// (a local path, gs://…), or the embedded news model when path is empty.
func loadModel(ctx context.Context, path string) (*models.Model, error) {
	modelsMu.Lock()
	defer modelsMu.Unlock()
	if m, ok := loaded[path]; ok {
		return m, nil
	}
	var m *models.Model
	var err error
	if path == "" {
		m, err = newsmodel.Load()
	} else {
		var b []byte
		if b, err = readFile(ctx, path); err == nil {
			m, err = models.Decode(b)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("model %q: %w", path, err)
	}
	loaded[path] = m
	return m, nil
}

func readFile(ctx context.Context, path string) ([]byte, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, path)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}
