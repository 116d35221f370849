package main

import (
	"bytes"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/stancekit/stancekit/batch"
)

// The bar counts the reader's bytes (the unit of its total), not the
// classified text's, and shows articles, articles/s and an ETA.
func TestProgressCountsInputBytes(t *testing.T) {
	var out bytes.Buffer
	var read atomic.Int64
	pr := newBar(&out, 4_000_000, read.Load, time.Millisecond)
	read.Store(2_000_000)
	// Text bytes differ from input bytes (a .gz is smaller than its text):
	// the bar must not take them.
	pr.update(batch.Stats{Articles: 10, Bytes: 7_900_000})
	assert.Equal(t, int64(2_000_000), pr.bar.Current())
	time.Sleep(20 * time.Millisecond)
	read.Store(4_000_000)
	pr.finish(batch.Stats{Articles: 20, Bytes: 15_800_000})
	s := out.String()
	t.Log(s)
	assert.Contains(t, s, "4.0 MB / 4.0 MB")
	assert.NotContains(t, s, "7.9 MB")
	assert.Contains(t, s, "20 articles")
	assert.Contains(t, s, "articles/s")
	assert.Contains(t, s, "ETA")
	assert.False(t, strings.Contains(s, "15.8"), "text bytes are not shown")
}

func TestNoBarWhenNotATerminal(t *testing.T) {
	var out bytes.Buffer
	pr := newProgress(&out, false, 100, func() int64 { return 0 })
	pr.update(batch.Stats{Articles: 1})
	pr.finish(batch.Stats{Articles: 1})
	assert.Empty(t, out.String())
}
