package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
	"github.com/stancekit/stancekit/newsmodel"
)

// newsModel is the embedded model, decoded once per test binary: tests
// share it read-only, as the workers of one Run do.
var newsModel = sync.OnceValues(newsmodel.Load)

func loadNews(t testing.TB) *models.Model {
	t.Helper()
	m, err := newsModel()
	require.NoError(t, err)
	return m
}

// newsStream returns n articles of testdata/news/train.jsonl as JSONL with
// raw "text" (so that Run segments them) and ids a00, a01, …; every seventh
// article is its text four times over, so that articles finish out of order
// on several workers.
func newsStream(t testing.TB, n int) ([]byte, []string) {
	t.Helper()
	f, err := os.Open("../testdata/news/train.jsonl")
	require.NoError(t, err)
	defer f.Close()
	r := corpus.NewReader(f, "train.jsonl", corpus.ReaderOptions{})
	var buf bytes.Buffer
	var ids []string
	for len(ids) < n {
		a, err := r.Next()
		require.NoError(t, err, "the news corpus has fewer than %d articles", n)
		text := a.Text
		if len(ids)%7 == 3 {
			text = strings.Repeat(text+"\n\n", 3) + text
		}
		id := fmt.Sprintf("a%02d", len(ids))
		line, err := json.Marshal(map[string]string{"id": id, "text": text})
		require.NoError(t, err)
		buf.Write(line)
		buf.WriteByte('\n')
		ids = append(ids, id)
	}
	return buf.Bytes(), ids
}

// runOn classifies input (read as a stream called name) with the news model.
func runOn(t testing.TB, ctx context.Context, input []byte, name string, enc Encoder, opts Options) (string, Stats, error) {
	t.Helper()
	r := corpus.NewReader(bytes.NewReader(input), name, corpus.ReaderOptions{})
	var out bytes.Buffer
	st, err := Run(ctx, r, loadNews(t), enc, &out, opts)
	return out.String(), st, err
}

// record is the union of the fields of JSONL result and error records.
type record struct {
	Article  *string        `json:"article"`
	Sentence int            `json:"sentence"`
	Para     int            `json:"para"`
	Start    int            `json:"start"`
	End      int            `json:"end"`
	Text     string         `json:"text"`
	Label    string         `json:"label"`
	Scores   map[string]any `json:"scores"`
	Error    string         `json:"error"`
	File     string         `json:"file"`
	Line     int            `json:"line"`
}

// parseJSONL decodes every line of a JSONL output; each must be valid.
func parseJSONL(t testing.TB, out string) []record {
	t.Helper()
	var recs []record
	for i, line := range strings.SplitAfter(out, "\n") {
		if line == "" {
			continue
		}
		require.True(t, strings.HasSuffix(line, "\n"), "line %d is not terminated: %q", i+1, line)
		var rec record
		require.NoError(t, json.Unmarshal([]byte(line), &rec), "line %d: %s", i+1, line)
		require.NotNil(t, rec.Article, "line %d has no article field: %s", i+1, line)
		recs = append(recs, rec)
	}
	return recs
}

// articleRuns returns the article ids of the records in output order with
// consecutive repeats collapsed: the articles as the output lists them.
func articleRuns(recs []record) []string {
	var ids []string
	for i, r := range recs {
		if i == 0 || *r.Article != *recs[i-1].Article {
			ids = append(ids, *r.Article)
		}
	}
	return ids
}

// checkNoGoroutineLeak returns a function that fails the test unless every
// goroutine that Run started has ended. (It looks at stacks rather than
// runtime.NumGoroutine, which counts goroutines the runtime starts lazily.)
func checkNoGoroutineLeak(t *testing.T) func() {
	t.Helper()
	return func() {
		t.Helper()
		var stacks string
		leaked := func() bool {
			buf := make([]byte, 1<<20)
			stacks = string(buf[:runtime.Stack(buf, true)])
			return strings.Contains(stacks, "stancekit/batch.Run.func")
		}
		if !assert.Eventually(t, func() bool { return !leaked() }, 5*time.Second, 5*time.Millisecond, "goroutines of Run still running") {
			t.Logf("%s", stacks)
		}
	}
}
