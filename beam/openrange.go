package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"cloud.google.com/go/storage"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/util/gcsx"
)

// Beam's Go file systems read from the start of a file only. Reaching line
// range k of a large file on Cloud Storage by reading and discarding what
// comes before would read the file about k times over in all; a ranged
// read fetches only the range. One client per worker process.
var (
	gcsOnce   sync.Once
	gcsClient *storage.Client
	gcsErr    error
)

type rangeReader struct {
	io.Reader
	io.Closer
}

// openRange opens length bytes of a file from offset start: a ranged read
// on gs://, a seek on local files, else a read that discards the bytes
// before start.
func openRange(ctx context.Context, path string, start, length int64) (io.ReadCloser, error) {
	if strings.HasPrefix(path, "gs://") {
		gcsOnce.Do(func() {
			// Not the bundle's ctx: the client outlives the bundle.
			gcsClient, gcsErr = gcsx.NewClient(context.Background(), storage.ScopeReadOnly)
		})
		if gcsErr == nil {
			bucket, object, err := gcsx.ParseObject(path)
			if err != nil {
				return nil, err
			}
			return gcsClient.Bucket(bucket).Object(object).NewRangeReader(ctx, start, length)
		}
	}
	rc, err := openFile(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := skip(rc, start); err != nil {
		rc.Close()
		return nil, fmt.Errorf("%s: seek to %d: %w", path, start, err)
	}
	return rangeReader{io.LimitReader(rc, length), rc}, nil
}
