package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/batch"
	"github.com/stancekit/stancekit/corpus"
)

func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

// testCorpus writes a small corpus to dir and returns the glob that
// matches it: 14 articles of testdata/news/test.jsonl, some dated, with a
// malformed line, a record without an id, one with invalid UTF-8 and one
// without text among them; the same JSONL gzipped; a raw .txt article and
// an empty one.
func testCorpus(t *testing.T, dir string) string {
	t.Helper()
	f, err := os.Open("../testdata/news/test.jsonl")
	require.NoError(t, err)
	defer f.Close()
	var jsonl bytes.Buffer
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for i := 0; i < 14 && sc.Scan(); i++ {
		line := sc.Text()
		if i%3 == 0 { // dated, in two months
			line = strings.Replace(line, `{"id": `, fmt.Sprintf(`{"date": "2024-0%d-15T08:00:00Z", "id": `, 1+i%2), 1)
		}
		jsonl.WriteString(line + "\n")
		switch i {
		case 3:
			jsonl.WriteString(`{"id": "broken", "text": "no closing brace"` + "\n")
		case 6:
			jsonl.WriteString(`{"source": "No Id Gazette", "text": "The council met on Monday. It approved the budget."}` + "\n")
		case 9:
			jsonl.WriteString(`{"id": "latin1", "text": "caf` + "\xe9" + `"}` + "\n\n")
		case 12:
			jsonl.WriteString(`{"id": "notext", "title": "A headline only"}` + "\n")
		}
	}
	require.NoError(t, sc.Err())
	write := func(name string, b []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
	}
	write("articles.jsonl", jsonl.Bytes())
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	// Other ids, so that the gzipped copy's articles are articles of their own.
	_, err = zw.Write(bytes.ReplaceAll(jsonl.Bytes(), []byte(`"id": "`), []byte(`"id": "gz-`)))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	write("copy.jsonl.gz", gz.Bytes())
	txt, err := os.ReadFile("../testdata/news/examples/ferry-fares.txt")
	require.NoError(t, err)
	write("ferry-fares.txt", txt)
	write("empty.txt", []byte("  \n"))
	return filepath.Join(dir, "*")
}

// runBatch classifies the files as the classify command does, in-process.
func runBatch(t *testing.T, glob string, enc batch.Encoder) []string {
	t.Helper()
	files, err := filepath.Glob(glob)
	require.NoError(t, err)
	m, err := loadModel(context.Background(), "")
	require.NoError(t, err)
	r := corpus.Open(files, corpus.ReaderOptions{})
	defer r.Close()
	var out bytes.Buffer
	_, err = batch.Run(context.Background(), r, m, enc, &out, batch.Options{Workers: 2})
	require.NoError(t, err)
	return lines(out.Bytes())
}

func lines(b []byte) []string {
	var ls []string
	for l := range strings.SplitSeq(string(b), "\n") {
		if l != "" {
			ls = append(ls, l)
		}
	}
	return ls
}

func readLines(t *testing.T, glob string) []string {
	t.Helper()
	files, err := filepath.Glob(glob)
	require.NoError(t, err)
	var ls []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		ls = append(ls, lines(b)...)
	}
	return ls
}

func isError(t *testing.T, line string) bool {
	var rec map[string]any
	require.NoError(t, json.Unmarshal([]byte(line), &rec), line)
	_, ok := rec["error"]
	return ok
}

func TestPipelineMatchesClassify(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	glob := testCorpus(t, in)
	m, err := loadModel(context.Background(), "")
	require.NoError(t, err)
	prefix := filepath.Join(out, "run")
	c := config{
		Input: glob, Output: prefix, Labels: m.Labels, Group: "source", Field: "text", Format: "auto",
		Shards: 3,
		// Small ranges: articles.jsonl (about 45 kB) is read in several.
		SplitSize: 8 << 10,
	}
	require.NoError(t, c.check())
	f, err := os.Open(filepath.Join(in, "articles.jsonl"))
	require.NoError(t, err)
	ranges, err := corpus.SplitLines(f, c.SplitSize)
	f.Close()
	require.NoError(t, err)
	require.Greater(t, len(ranges), 3, "the test must read a file in several line ranges")
	p, s := beam.NewPipelineWithRoot()
	build(s, c)
	start := time.Now()
	require.NoError(t, ptest.Run(p))
	t.Logf("prism: %s", time.Since(start))

	// Every output file is there, empty ones included.
	for i := range 3 {
		assert.FileExists(t, shardName(prefix, i, 3))
	}
	assert.FileExists(t, shardName(prefix+"-errors", 0, 1))

	// classify's records, split into sentences and errors, equal the
	// pipeline's byte for byte (order aside: shards are unordered).
	var wantSents, wantErrs []string
	for _, l := range runBatch(t, glob, batch.JSONL{}) {
		if isError(t, l) {
			wantErrs = append(wantErrs, l)
		} else {
			wantSents = append(wantSents, l)
		}
	}
	gotSents := readLines(t, prefix+"-0000?-of-00003.jsonl")
	gotErrs := readLines(t, prefix+"-errors-*.jsonl")
	slices.Sort(wantSents)
	slices.Sort(gotSents)
	slices.Sort(wantErrs)
	slices.Sort(gotErrs)
	require.NotEmpty(t, wantSents)
	assert.Equal(t, wantSents, gotSents, "sentence records differ from classify's")
	// 3 bad JSONL records (the blank line is skipped, as classify skips
	// it), each in the file and its gzipped copy, and the empty .txt.
	require.Len(t, wantErrs, 7)
	assert.Equal(t, wantErrs, gotErrs, "error records differ from classify's")
	for _, e := range []string{`articles.jsonl:5","error":"malformed JSON`, `"article":"notext"`, `empty.txt","error":"empty input"`} {
		assert.True(t, slices.ContainsFunc(gotErrs, func(l string) bool { return strings.Contains(l, e) }), "no error record with %s", e)
	}

	// Nothing lost, nothing twice: every article read is in exactly one
	// output, labelled or as an error.
	ids := map[string]int{}
	for _, l := range gotErrs {
		var rec struct{ Article string }
		require.NoError(t, json.Unmarshal([]byte(l), &rec))
		ids[rec.Article]++
	}
	seen := map[string]bool{}
	for _, l := range gotSents {
		var rec struct{ Article string }
		require.NoError(t, json.Unmarshal([]byte(l), &rec))
		if !seen[rec.Article] {
			seen[rec.Article] = true
			ids[rec.Article]++
		}
	}
	files, _ := filepath.Glob(glob)
	r := corpus.Open(files, corpus.ReaderOptions{})
	defer r.Close()
	read := 0
	for {
		a, err := r.Next()
		if err != nil && !corpus.IsRecordError(err) {
			break
		}
		read++
		id := ""
		if a != nil {
			id = a.ID
		} else {
			id = strings.TrimPrefix(string(batch.EncodeRecordError(batch.JSONL{}, err)), `{"article":`)
			require.NoError(t, json.Unmarshal([]byte(id[:strings.Index(id, `,"error"`)]), &id))
		}
		assert.Equal(t, 1, ids[id], "article %s", id)
	}
	assert.Len(t, ids, read)

	checkAggregates(t, glob, prefix, m.Labels)
}

// checkAggregates recomputes the table from classify's -format summary
// records joined with the articles' fields, and compares.
func checkAggregates(t *testing.T, glob, prefix string, labels []string) {
	t.Helper()
	type row struct {
		Field, Value, Month    string
		Articles, Sentences    int
		Counts                 map[string]int
		Shares                 map[string]float64
		AppealBlocks           int     `json:"appeal_blocks"`
		AppealBlocksPerArticle float64 `json:"appeal_blocks_per_article"`
	}
	fields := map[string][2]string{} // id → source, month
	files, _ := filepath.Glob(glob)
	r := corpus.Open(files, corpus.ReaderOptions{})
	defer r.Close()
	for {
		a, err := r.Next()
		if err != nil && !corpus.IsRecordError(err) {
			break
		}
		if a != nil {
			month := ""
			if d := a.Field("date"); len(d) >= 7 {
				month = d[:7] // the test's dates are RFC 3339
			}
			fields[a.ID] = [2]string{a.Source, month}
		}
	}
	want := map[[2]string]*row{}
	add := func(k [2]string, sum map[string]any) {
		rw := want[k]
		if rw == nil {
			rw = &row{Field: "source", Value: k[0], Month: k[1], Counts: map[string]int{}}
			want[k] = rw
		}
		rw.Articles++
		rw.Sentences += int(sum["sentences"].(float64))
		for l, n := range sum["counts"].(map[string]any) {
			rw.Counts[l] += int(n.(float64))
		}
		rw.AppealBlocks += len(sum["appeal_spans"].([]any))
	}
	for _, l := range runBatch(t, glob, batch.Summary{}) {
		var sum map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &sum))
		if _, bad := sum["error"]; bad {
			continue
		}
		f, ok := fields[sum["article"].(string)]
		require.True(t, ok, "summary of an unknown article %v", sum["article"])
		add([2]string{f[0], "all"}, sum)
		if f[1] != "" {
			add([2]string{f[0], f[1]}, sum)
		}
	}

	got := map[[2]string]row{}
	for _, l := range readLines(t, prefix+"-aggregates.jsonl") {
		var rw row
		require.NoError(t, json.Unmarshal([]byte(l), &rw))
		got[[2]string{rw.Value, rw.Month}] = rw
	}
	require.Len(t, got, len(want))
	require.Contains(t, got, [2]string{"No Id Gazette", "all"})
	months := 0
	for k, w := range want {
		g, ok := got[k]
		require.True(t, ok, "no aggregate row for %v", k)
		assert.Equal(t, w.Articles, g.Articles, "%v articles", k)
		assert.Equal(t, w.Sentences, g.Sentences, "%v sentences", k)
		assert.Equal(t, w.AppealBlocks, g.AppealBlocks, "%v appeal blocks", k)
		assert.InDelta(t, float64(w.AppealBlocks)/float64(w.Articles), g.AppealBlocksPerArticle, 1e-5, "%v", k)
		for _, l := range labels {
			assert.Equal(t, w.Counts[l], g.Counts[l], "%v count of %s", k, l)
			assert.InDelta(t, float64(w.Counts[l])/float64(w.Sentences), g.Shares[l], 1e-5, "%v share of %s", k, l)
		}
		if k[1] != "all" {
			months++
		}
	}
	assert.Positive(t, months, "the dated articles make month rows")
	csv := readLines(t, prefix+"-aggregates.csv")
	assert.Len(t, csv, len(want)+1, "a header and one CSV row per group")
}

func TestConfigCheck(t *testing.T) {
	ok := config{Input: "a/*", Output: "out", Shards: 1, SplitSize: 1, Format: "auto"}
	require.NoError(t, ok.check())
	for _, c := range []config{
		{Output: "out", Shards: 1, SplitSize: 1},
		{Input: "a", Shards: 1, SplitSize: 1},
		{Input: "a", Output: "o", SplitSize: 1},
		{Input: "a", Output: "o", Shards: 1, SplitSize: 1, Format: "xml"},
	} {
		assert.Error(t, c.check(), "%+v", c)
	}
}
