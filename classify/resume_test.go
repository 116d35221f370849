package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// resumeInput writes a JSONL input of news articles with the cases that
// make resuming hard: a bad record (its error record must not be written
// twice), an id that CSV quotes, a sentence with a line break (a CSV record
// over two lines).
func resumeInput(t *testing.T, dir string) string {
	t.Helper()
	f, err := os.Open("../testdata/news/dev.jsonl")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var lines []string
	for len(lines) < 6 && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	require.NoError(t, sc.Err())
	tricky := func(id string, sentences ...string) string {
		type s struct {
			Text string `json:"text"`
			Para int    `json:"para"`
		}
		var ss []s
		for i, t := range sentences {
			ss = append(ss, s{t, i / 2})
		}
		b, err := json.Marshal(map[string]any{"id": id, "sentences": ss})
		require.NoError(t, err)
		return string(b)
	}
	all := []string{
		lines[0],
		tricky(`quoted "id", with comma`, "The vote was 5-2.", `"It is done," she said.`, "Sign up now."),
		`{"id": "broken", "text": }`,
		lines[1],
		tricky("two-lines", "The council met\non Tuesday.", "It adjourned at noon."),
		lines[2], lines[3], lines[4], lines[5],
	}
	path := filepath.Join(dir, "in.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(all, "\n")+"\n"), 0o644))
	return path
}

// An interrupted run (simulated by cutting a finished output anywhere)
// resumed with -resume gives exactly the output of an uninterrupted run.
func TestResume(t *testing.T) {
	dir := t.TempDir()
	input := resumeInput(t, dir)
	for _, format := range []string{"jsonl", "csv", "tsv"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			fullPath := filepath.Join(dir, "full."+format)
			code, _, stderr := classifyCmd(t, "", "-quiet", "-workers", "2", "-format", format, "-o", fullPath, input)
			require.Equal(t, 1, code, "the bad record fails: %s", stderr)
			full, err := os.ReadFile(fullPath)
			require.NoError(t, err)
			require.Contains(t, string(full), "broken")

			n := len(full)
			cuts := []int{0, 1, n / 5, 2 * n / 5, 4 * n / 5, n - 1, n}
			// And right after the error record, at a line end.
			if i := strings.Index(string(full), "in.jsonl:3"); i >= 0 {
				cuts = append(cuts, i+strings.IndexByte(string(full[i:]), '\n')+1)
			}
			for _, cut := range cuts {
				out := filepath.Join(dir, fmt.Sprintf("cut%d.%s", cut, format))
				require.NoError(t, os.WriteFile(out, full[:cut], 0o644))
				code, _, stderr := classifyCmd(t, "", "-quiet", "-workers", "2", "-format", format, "-resume", "-o", out, input)
				assert.Contains(t, []int{0, 1}, code, stderr)
				got, err := os.ReadFile(out)
				require.NoError(t, err)
				assertSameOutput(t, string(full), string(got), "resumed after %d of %d bytes", cut, n)
			}

			// Resuming an output that does not exist yet is a plain run.
			out := filepath.Join(dir, "new."+format)
			code, _, stderr = classifyCmd(t, "", "-quiet", "-format", format, "-resume", "-o", out, input)
			assert.Equal(t, 1, code, stderr)
			got, err := os.ReadFile(out)
			require.NoError(t, err)
			assertSameOutput(t, string(full), string(got), "resumed without an output")
		})
	}
}

func TestGzipOutput(t *testing.T) {
	dir := t.TempDir()
	input := resumeInput(t, dir)
	plain := filepath.Join(dir, "out.jsonl")
	code, _, stderr := classifyCmd(t, "", "-quiet", "-o", plain, input)
	require.Equal(t, 1, code, stderr)
	gz := filepath.Join(dir, "out.jsonl.gz")
	code, out, stderr := classifyCmd(t, "", "-quiet", "-o", gz, input)
	require.Equal(t, 1, code, stderr)
	assert.Empty(t, out, "output goes to the file, not stdout")

	f, err := os.Open(gz)
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	got, err := io.ReadAll(zr)
	require.NoError(t, err, "the gzip stream is complete")
	want, err := os.ReadFile(plain)
	require.NoError(t, err)
	assertSameOutput(t, string(want), string(got), "gunzipped output")

	// A compressed output cannot be resumed; it is left as it was.
	before, err := os.ReadFile(gz)
	require.NoError(t, err)
	code, _, stderr = classifyCmd(t, "", "-quiet", "-resume", "-o", gz, input)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "needs an uncompressed output file")
	after, err := os.ReadFile(gz)
	require.NoError(t, err)
	assert.Equal(t, before, after)
}

// assertSameOutput compares two outputs and reports the first line that
// differs, not pages of records.
func assertSameOutput(t *testing.T, want, got string, msgAndArgs ...any) bool {
	t.Helper()
	if want == got {
		return true
	}
	w, g := strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	line := func(ls []string) string {
		if i < len(ls) {
			return ls[i]
		}
		return "(end of output)"
	}
	return assert.Fail(t, fmt.Sprintf("outputs differ at line %d (%d and %d lines)\nwant: %q\n got: %q", i+1, len(w), len(g), line(w), line(g)), msgAndArgs...)
}
