//go:build unix

package corpus

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A FIFO met in a walk would block the reader until someone writes to it:
// it is reported instead. (Named on the command line, as with <(zcat x),
// it is read.)
func TestOpenSkipsSpecialFiles(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"a.txt": "A.", "c.txt": "C."})
	require.NoError(t, syscall.Mkfifo(filepath.Join(root, "b.jsonl"), 0o644))
	require.NoError(t, syscall.Mkfifo(filepath.Join(root, "b-unknown"), 0o644))
	// Were the walk to open the FIFO, it would hang: a writer that comes and
	// goes unblocks it, so that the test fails instead.
	unblock := time.AfterFunc(5*time.Second, func() {
		if f, err := os.OpenFile(filepath.Join(root, "b.jsonl"), os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	r := Open([]string{root}, ReaderOptions{})
	defer r.Close()
	got := summary(t, r, root)
	unblock.Stop()
	require.Len(t, got, 3)
	assert.Equal(t, "a.txt:0 A.", got[0])
	assert.Contains(t, got[1], "ERR corpus: b.jsonl: not a regular file")
	assert.Equal(t, "c.txt:0 C.", got[2])

	// Named, it is read.
	p := filepath.Join(root, "b.jsonl")
	go func() {
		f, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(`{"text":"From a pipe."}` + "\n")
		f.Close()
	}()
	r = Open([]string{p}, ReaderOptions{})
	defer r.Close()
	assert.Equal(t, []string{"b.jsonl:1 From a pipe."}, summary(t, r, root))
}
