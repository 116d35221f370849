package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeFiles creates files below dir; a name ending in .gz is compressed.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		data := []byte(content)
		if strings.HasSuffix(name, ".gz") {
			data = gzipped(t, content)
		}
		require.NoError(t, os.WriteFile(p, data, 0o644))
	}
}

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, err := zw.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return b.Bytes()
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// summary renders what a reader yields, one line a result, with paths
// relative to root: "file:line id text" or "ERR file:line: message".
func summary(t *testing.T, r Reader, root string) []string {
	t.Helper()
	steps, end := drain(t, r, 1000)
	require.ErrorIs(t, end, io.EOF)
	rel := func(p string) string {
		if p == "-" {
			return p
		}
		q, err := filepath.Rel(root, p)
		require.NoError(t, err)
		return filepath.ToSlash(q)
	}
	var out []string
	for _, s := range steps {
		if s.art != nil {
			checkInvariants(t, s.art)
			out = append(out, fmt.Sprintf("%s:%d %s", rel(s.art.File), s.art.Line, s.art.Text))
			continue
		}
		out = append(out, "ERR "+strings.ReplaceAll(s.err.msg, root+string(filepath.Separator), ""))
	}
	return out
}

// tree is a corpus directory with every kind of entry a walk meets.
func tree(t *testing.T) string {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a.tsv":              "fact\tA.\n",
		"b.jsonl":            `{"id":"b","text":"B."}`,
		"c.jsonl.gz":         `{"id":"c","text":"C."}` + "\n" + `{"id":"c2","text":"C2."}` + "\n",
		"d.tsv.gz":           "quote\tD.\n",
		"data.xls":           "x,y\n",
		"notes.md":           "# notes\n",
		"README":             "read me\n",
		"plain.gz":           "no inner extension\n",
		".hidden.jsonl":      `{"text":"hidden"}`,
		".git/x.jsonl":       `{"text":"in a hidden dir"}`,
		"sub/e.txt":          "E.",
		"sub/deeper/f.ft":    "__label__fact F.\n",
		"sub/deeper/.f.ft":   "__label__fact hidden\n",
		"sub2/.keep":         "",
		"z.txt":              "Z.",
		"zz/empty/.gitkeep":  "",
		"zz/only-unknown.md": "",
	})
	symlink(t, root, filepath.Join(root, "loop"))                    // a link to the parent: a loop if followed
	symlink(t, "..", filepath.Join(root, "sub", "up"))               // relative, the same
	symlink(t, "e.txt", filepath.Join(root, "sub", "link-to-e.txt")) // to a file: still not followed
	return root
}

func TestOpenWalksDirectory(t *testing.T) {
	root := tree(t)
	r := Open([]string{root}, ReaderOptions{})
	defer r.Close()
	assert.Equal(t, []string{
		"a.tsv:1 A.",
		"b.jsonl:1 B.",
		"c.jsonl.gz:1 C.",
		"c.jsonl.gz:2 C2.",
		"d.tsv.gz:1 D.",
		"ERR corpus: loop: symbolic link not followed",
		"sub/deeper/f.ft:1 F.",
		"sub/e.txt:0 E.",
		"ERR corpus: sub/link-to-e.txt: symbolic link not followed",
		"ERR corpus: sub/up: symbolic link not followed",
		"z.txt:0 Z.",
	}, summary(t, r, root))

	// The errors for links are ErrSymlink, naming the link.
	r = Open([]string{root}, ReaderOptions{})
	defer r.Close()
	var links []string
	for {
		_, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *RecordError
		if errors.As(err, &re) {
			assert.ErrorIs(t, err, ErrSymlink)
			assert.Equal(t, re.File, re.ID)
			assert.Zero(t, re.Line)
			links = append(links, re.File)
		}
	}
	assert.Equal(t, []string{filepath.Join(root, "loop"), filepath.Join(root, "sub", "link-to-e.txt"), filepath.Join(root, "sub", "up")}, links)
}

// A link named on the command line is followed, to a directory as to a
// file; links inside are still not.
func TestOpenFollowsNamedSymlink(t *testing.T) {
	root := tree(t)
	r := Open([]string{filepath.Join(root, "loop", "sub"), filepath.Join(root, "sub", "link-to-e.txt")}, ReaderOptions{})
	defer r.Close()
	assert.Equal(t, []string{
		"loop/sub/deeper/f.ft:1 F.",
		"loop/sub/e.txt:0 E.",
		"ERR corpus: loop/sub/link-to-e.txt: symbolic link not followed",
		"ERR corpus: loop/sub/up: symbolic link not followed",
		"sub/link-to-e.txt:0 E.",
	}, summary(t, r, root))
}

func TestOpenMissingPath(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"b.jsonl": `{"id":"b","text":"B."}`})
	missing := filepath.Join(root, "missing.jsonl")
	r := Open([]string{missing, filepath.Join(root, "b.jsonl"), filepath.Join(root, "gone")}, ReaderOptions{})
	defer r.Close()
	_, err := r.Next()
	var re *RecordError
	require.ErrorAs(t, err, &re)
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.Equal(t, missing, re.File)
	assert.Equal(t, missing, re.ID)
	assert.Zero(t, re.Line)
	a, err := r.Next()
	require.NoError(t, err, "the other paths are still read")
	assert.Equal(t, "b", a.ID)
	_, err = r.Next()
	assert.ErrorIs(t, err, fs.ErrNotExist)
	_, err = r.Next()
	assert.ErrorIs(t, err, io.EOF)
}

func TestOpenUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a.jsonl":      `{"text":"A."}`,
		"b.jsonl":      `{"text":"B."}`,
		"c.jsonl":      `{"text":"C."}`,
		"locked/d.txt": "D.",
	})
	require.NoError(t, os.Chmod(filepath.Join(root, "b.jsonl"), 0))
	require.NoError(t, os.Chmod(filepath.Join(root, "locked"), 0))
	t.Cleanup(func() { os.Chmod(filepath.Join(root, "locked"), 0o755) })
	r := Open([]string{root}, ReaderOptions{})
	defer r.Close()
	got := summary(t, r, root)
	require.Len(t, got, 4)
	assert.Equal(t, "a.jsonl:1 A.", got[0])
	assert.Contains(t, got[1], "ERR corpus: b.jsonl: open")
	assert.Contains(t, got[1], "permission denied")
	assert.Equal(t, "c.jsonl:1 C.", got[2])
	assert.Contains(t, got[3], "ERR corpus: locked: open")

	r = Open([]string{filepath.Join(root, "b.jsonl"), filepath.Join(root, "a.jsonl")}, ReaderOptions{})
	defer r.Close()
	_, err := r.Next()
	assert.ErrorIs(t, err, fs.ErrPermission)
	assert.True(t, IsRecordError(err))
	a, err := r.Next()
	require.NoError(t, err)
	assert.Equal(t, "A.", a.Text)
}

// A .gz file that is not gzip, is empty, or breaks part way is a record
// error for that file; the next files are still read.
func TestOpenBadGzip(t *testing.T) {
	root := t.TempDir()
	var lines strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&lines, `{"id":"x%d","text":"Line %d."}`+"\n", i, i)
	}
	whole := gzipped(t, lines.String())
	badSum := bytes.Clone(whole)
	badSum[len(badSum)-8] ^= 0xff // the CRC-32 in the trailer
	require.NotEqual(t, crc32.ChecksumIEEE(whole), crc32.ChecksumIEEE(badSum))
	files := map[string][]byte{
		"a-notgzip.jsonl.gz":   []byte(`{"text":"plain"}`),
		"b-empty.jsonl.gz":     nil,
		"c-truncated.jsonl.gz": whole[:len(whole)/2],
		"d-checksum.jsonl.gz":  badSum,
		"e-ok.txt":             []byte("Still read."),
	}
	for name, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(root, name), data, 0o644))
	}
	r := Open([]string{root}, ReaderOptions{})
	defer r.Close()
	steps, end := drain(t, r, 10000)
	require.ErrorIs(t, end, io.EOF)
	var errs []string
	arts := map[string]int{}
	for _, s := range steps {
		if s.err != nil {
			errs = append(errs, strings.ReplaceAll(s.err.msg, root+string(filepath.Separator), ""))
			continue
		}
		arts[filepath.Base(s.art.File)]++
	}
	require.Len(t, errs, 4, "%q", errs)
	assert.Equal(t, "corpus: a-notgzip.jsonl.gz: gzip: invalid header", errs[0])
	assert.Equal(t, "corpus: b-empty.jsonl.gz: gzip: empty input", errs[1])
	assert.Regexp(t, `^corpus: c-truncated\.jsonl\.gz:\d+: unexpected EOF$`, errs[2])
	assert.Regexp(t, `^corpus: d-checksum\.jsonl\.gz:\d+: gzip: invalid checksum$`, errs[3])
	assert.Greater(t, arts["c-truncated.jsonl.gz"], 100, "lines before the cut are read")
	assert.Greater(t, arts["d-checksum.jsonl.gz"], 1000, "lines before the bad trailer are read")
	assert.Equal(t, 1, arts["e-ok.txt"], "the next file is still read")
}

func TestOpenStdin(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"stdin":   `{"id":"s1","text":"From stdin."}` + "\n" + `{"id":"s2",` + "\n",
		"b.jsonl": `{"id":"b","text":"B."}`,
	})
	f, err := os.Open(filepath.Join(root, "stdin"))
	require.NoError(t, err)
	defer f.Close()
	old := os.Stdin
	os.Stdin = f
	t.Cleanup(func() { os.Stdin = old })
	r := Open([]string{filepath.Join(root, "b.jsonl"), "-"}, ReaderOptions{})
	assert.Equal(t, []string{
		"b.jsonl:1 B.",
		"-:1 From stdin.",
		"ERR corpus: -:2: malformed JSON: unexpected end of JSON input",
	}, summary(t, r, root))
	require.NoError(t, r.Close())
	_, err = f.Stat()
	assert.NoError(t, err, "stdin is not closed")
}

func TestOpenExplicitFormat(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"x.data": "fact\tA.\n", "y.txt": "quote\tB.\n"})
	r := Open([]string{filepath.Join(root, "x.data"), filepath.Join(root, "y.txt")}, ReaderOptions{Format: FormatTSV})
	defer r.Close()
	assert.Equal(t, []string{"x.data:1 A.", "y.txt:1 B."}, summary(t, r, root))
}

func TestOpenNothing(t *testing.T) {
	r := Open(nil, ReaderOptions{})
	_, err := r.Next()
	assert.ErrorIs(t, err, io.EOF)
	assert.NoError(t, r.Close())
}

func TestMultiReaderClose(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a.jsonl":    `{"text":"A1."}` + "\n" + `{"text":"A2."}`,
		"b.jsonl.gz": `{"text":"B."}`,
	})
	for _, first := range []string{"a.jsonl", "b.jsonl.gz"} {
		r := Open([]string{filepath.Join(root, first), root}, ReaderOptions{})
		a, err := r.Next()
		require.NoError(t, err)
		assert.NotEmpty(t, a.Text)
		require.NoError(t, r.Close())
		_, err = r.Next()
		assert.ErrorIs(t, err, io.EOF, "Next after Close")
		assert.NoError(t, r.Close(), "Close twice")
	}
}

// InputBytes and InputSize count the same unit, bytes as stored (a .gz
// counts compressed), so that a progress bar ends full, not at half time.
func TestInputBytesMatchInputSize(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	for i := range 2000 {
		fmt.Fprintf(zw, "{\"id\":\"g%d\",\"text\":\"The council met on Monday and again on Tuesday.\"}\n", i)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.jsonl.gz"), gz.Bytes(), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "sub"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sub", "b.txt"), []byte("Rain fell."), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sub", "skip.xls"), []byte("not read"), 0o644))
	plain := filepath.Join(t.TempDir(), "c.tsv")
	require.NoError(t, os.WriteFile(plain, []byte("fact\tA.\nquote\tB.\n"), 0o644))

	paths := []string{dir, plain}
	want := int64(gz.Len() + len("Rain fell.") + len("fact\tA.\nquote\tB.\n"))
	assert.Equal(t, want, InputSize(paths), "directories walked as Open walks them; .xls not counted")
	r := Open(paths, ReaderOptions{})
	defer r.Close()
	n := 0
	for {
		_, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		n++
		assert.LessOrEqual(t, r.InputBytes(), want)
	}
	assert.Equal(t, 2003, n)
	assert.Equal(t, want, r.InputBytes(), "everything read, in the unit of InputSize")
}
