package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lockedBuffer is stderr written by the server while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// classify -serve answers with the records the command writes for the same
// file, logs JSON lines to stderr, and exits 0 on SIGTERM.
func TestServe(t *testing.T) {
	const path = "../testdata/news/examples/ferry-fares.txt"
	var cli bytes.Buffer
	require.Equal(t, 0, run([]string{"-quiet", path}, nil, &cli, io.Discard))

	stderr := &lockedBuffer{}
	code := make(chan int, 1)
	go func() { code <- run([]string{"-serve", "127.0.0.1:0", "-workers", "2"}, nil, io.Discard, stderr) }()
	var addr string
	require.Eventually(t, func() bool {
		for _, l := range strings.Split(stderr.String(), "\n") {
			var rec struct{ Msg, Addr string }
			if json.Unmarshal([]byte(l), &rec) == nil && rec.Msg == "listening" {
				addr = rec.Addr
				return true
			}
		}
		return false
	}, 10*time.Second, 5*time.Millisecond, "the server logs its address")

	text, err := os.ReadFile(path)
	require.NoError(t, err)
	resp, err := http.Post("http://"+addr+"/v1/classify?id="+path, "text/plain", bytes.NewReader(text))
	require.NoError(t, err)
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, cli.String(), string(got))

	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGTERM))
	select {
	case c := <-code:
		assert.Equal(t, 0, c, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("no exit after SIGTERM")
	}
	assert.Contains(t, stderr.String(), `"msg":"request"`)
	assert.Contains(t, stderr.String(), `"msg":"stopped"`)
}

func TestServeUsage(t *testing.T) {
	var stderr bytes.Buffer
	assert.Equal(t, 2, run([]string{"-serve", "127.0.0.1:0", "some.txt"}, nil, io.Discard, &stderr))
	assert.Contains(t, stderr.String(), "-serve takes no inputs")
	stderr.Reset()
	assert.Equal(t, 2, run([]string{"-serve", "127.0.0.1:0", "-explain", "3", "-eval", "gold.jsonl"}, nil, io.Discard, &stderr))
	assert.Contains(t, stderr.String(), "-explain", "a usage error either way: -eval with -serve or -explain with -eval")
	stderr.Reset()
	assert.Equal(t, 2, run([]string{"-serve", "127.0.0.1:0", "-max-body", "0"}, nil, io.Discard, &stderr))
	assert.Contains(t, stderr.String(), "-max-body")
}
