package corpus

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A file of lines with a BOM, CRLF endings, blank lines, a bad record, a
// record without an id and no final line ending.
const rangeFixture = "\uFEFF" + `{"id": "a", "text": "The council met on Monday."}` + "\r\n" +
	`{"id": "b", "text": "no closing brace"` + "\n" +
	"\n" +
	`{"text": "Rain is expected tomorrow. It will clear by noon."}` + "\n" +
	`{"id": "c", "sentences": [{"text": "Sign up today.", "para": 0}]}` + "\r\n" +
	`{"id": "d", "text": "The last line has no line ending."}`

func TestSplitLinesRanges(t *testing.T) {
	data := []byte(rangeFixture)
	for _, target := range []int64{1, 5, 40, 80, 1000} {
		for _, bufSize := range []int{1, 3, 64, 1 << 20} {
			t.Run(fmt.Sprintf("target=%d/buf=%d", target, bufSize), func(t *testing.T) {
				rs, err := splitLines(iotest.OneByteReader(bytes.NewReader(data)), target, bufSize)
				require.NoError(t, err)
				require.NotEmpty(t, rs)
				var start int64
				for _, r := range rs {
					assert.Equal(t, start, r.Start, "ranges must tile the file")
					assert.Less(t, r.Start, r.End)
					if r.Start > 0 {
						assert.Equal(t, byte('\n'), data[r.Start-1], "a range starts at a line start")
					}
					assert.Equal(t, 1+bytes.Count(data[:r.Start], []byte{'\n'}), r.FirstLine)
					start = r.End
				}
				assert.Equal(t, int64(len(data)), start)
			})
		}
	}
	rs, err := SplitLines(bytes.NewReader(nil), 10)
	require.NoError(t, err)
	assert.Empty(t, rs, "an empty file has no ranges")
}

// readAllSteps reads a MultiReader to its end.
func drainMulti(t *testing.T, m *MultiReader) []step {
	t.Helper()
	defer m.Close()
	steps, end := drain(t, m, 10000)
	require.ErrorIs(t, end, io.EOF)
	return steps
}

func TestReadLinesEqualsOpen(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{"fixture.jsonl": []byte(rangeFixture)}
	for _, name := range []string{"mixed.jsonl", "news.jsonl"} {
		b, err := os.ReadFile(filepath.Join(fixtures, name))
		require.NoError(t, err)
		files[name] = b
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		want := drainMulti(t, Open([]string{p}, ReaderOptions{}))
		require.NotEmpty(t, want)
		for _, target := range []int64{1, 30, 200, 1 << 20} {
			t.Run(fmt.Sprintf("%s/target=%d", name, target), func(t *testing.T) {
				rs, err := SplitLines(bytes.NewReader(data), target)
				require.NoError(t, err)
				var got []step
				for _, r := range rs {
					sec := io.NewSectionReader(bytes.NewReader(data), r.Start, r.End-r.Start)
					got = append(got, drainMulti(t, ReadLines(sec, p, r.FirstLine, ReaderOptions{}))...)
				}
				assert.Equal(t, want, got)
			})
		}
	}
}

func TestReadLinesRefusesText(t *testing.T) {
	steps := drainMulti(t, ReadLines(bytes.NewReader([]byte("Some text.")), "a.txt", 1, ReaderOptions{}))
	require.Len(t, steps, 1)
	require.NotNil(t, steps[0].err)
	assert.Contains(t, steps[0].err.msg, "cannot be read in line ranges")
	assert.False(t, Splittable("a.jsonl.gz", FormatAuto))
	assert.True(t, Splittable("a.data", FormatJSONL))
	assert.False(t, Splittable("a.data", FormatAuto))
	assert.False(t, Splittable("a.tsv", FormatAuto), "a TSV may start with a header")
	assert.False(t, Splittable("a.ft", FormatAuto))
}

func TestReadStreamEqualsOpen(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write([]byte(rangeFixture))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	files := map[string][]byte{
		"a.jsonl":    []byte(rangeFixture),
		"a.jsonl.gz": gz.Bytes(),
		"bad.gz":     []byte("not gzip"),
		"cut.txt.gz": gz.Bytes()[:gz.Len()/2],
		"a.txt":      []byte("A raw article.\n\nIts second paragraph."),
		"empty.txt":  nil,
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			require.NoError(t, os.WriteFile(p, data, 0o644))
			want := drainMulti(t, Open([]string{p}, ReaderOptions{}))
			got := drainMulti(t, ReadStream(bytes.NewReader(data), nil, p, ReaderOptions{}))
			assert.Equal(t, want, got)
		})
	}
}

// A file named .jsonl that is not JSONL: Open refuses it with one error;
// ReadLines reports that error in the first range, for the caller to read
// the file whole.
func TestReadLinesFirstRangeRefusesNonJSONL(t *testing.T) {
	data := []byte("id\ttext\na\tThe council met.\nb\tIt rained.\n")
	steps := drainMulti(t, ReadLines(bytes.NewReader(data), "t.jsonl", 1, ReaderOptions{}))
	require.NotEmpty(t, steps)
	require.NotNil(t, steps[0].err)
	assert.Contains(t, steps[0].err.msg, ErrFormat.Error())
}
