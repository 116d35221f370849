package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/models"
	"github.com/stancekit/stancekit/newsmodel"
)

// --model is read through Beam's file systems (a local path here), once
// per process; a file that is not a model is an error, not a panic.
func TestLoadModelFromFileSystem(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "news.stkm")
	require.NoError(t, os.WriteFile(path, newsmodel.Bytes(), 0o644))
	m, err := loadModel(context.Background(), path)
	require.NoError(t, err)
	want, err := newsmodel.Load()
	require.NoError(t, err)
	assert.Equal(t, want.Labels, m.Labels)
	again, err := loadModel(context.Background(), path)
	require.NoError(t, err)
	assert.Same(t, m, again, "a model is loaded once per process")

	bad := filepath.Join(dir, "bad.stkm")
	require.NoError(t, os.WriteFile(bad, []byte("not a model"), 0o644))
	_, err = loadModel(context.Background(), bad)
	assert.ErrorIs(t, err, models.ErrNotModel)
	_, err = loadModel(context.Background(), filepath.Join(dir, "missing.stkm"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}
