//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain lets a test run this binary as the classify command (see
// classifyProcess): a signal must reach a real process.
func TestMain(m *testing.M) {
	if os.Getenv("STANCEKIT_RUN_CLASSIFY") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// classifyProcess starts the command in a child process.
func classifyProcess(t *testing.T, stdin *os.File, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "STANCEKIT_RUN_CLASSIFY=1")
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	return cmd, &stderr
}

// waitExit waits for cmd and returns its exit code, failing the test if it
// takes longer than limit (the reproduction kills it 5 s after the
// signal).
func waitExit(t *testing.T, cmd *exec.Cmd, limit time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		require.NoError(t, err)
		return 0
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		t.Fatalf("classify did not exit within %s of the signal", limit)
	}
	return -1
}

// settle is how long the child gets to load the model, install its
// signal handler and classify the one article it was given before it is
// signalled (generous: the machine may be shared; the race detector slows
// the child several-fold).
func settle() time.Duration {
	if raceEnabled {
		return 15 * time.Second
	}
	return 3 * time.Second
}

// Issue 13 item 2: `(echo '{"id":"a",…}'; sleep 30) | timeout -s INT 3
// classify -o out.jsonl` was killed with out.jsonl empty. The read that
// blocks must not hold up the signal; the article read is written.
func TestSignalWhileStdinBlocks(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			pr, pw, err := os.Pipe()
			require.NoError(t, err)
			defer pw.Close()
			out := filepath.Join(t.TempDir(), "out.jsonl")
			cmd, stderr := classifyProcess(t, pr, "-quiet", "-o", out)
			pr.Close()
			_, err = pw.WriteString(`{"id":"a","text":"The council met."}` + "\n")
			require.NoError(t, err)
			time.Sleep(settle())
			require.NoError(t, cmd.Process.Signal(sig))
			code := waitExit(t, cmd, 5*time.Second)
			assert.Equal(t, exitInterrupted, code, "stderr: %s", stderr)
			b, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.Contains(t, string(b), `"article":"a"`)
		})
	}
}

// The same with a FIFO named on the command line: opening it blocks until
// a writer comes, which never does.
func TestSignalWhileFIFOOpenBlocks(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "in.jsonl")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	out := filepath.Join(dir, "out.jsonl")
	cmd, stderr := classifyProcess(t, nil, "-quiet", "-o", out, fifo)
	time.Sleep(settle())
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	code := waitExit(t, cmd, 5*time.Second)
	assert.Equal(t, exitInterrupted, code, "stderr: %s", stderr)
}
