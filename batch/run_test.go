package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
	"github.com/stancekit/stancekit/newsmodel"
)

func TestRunKeepsInputOrder(t *testing.T) {
	input, ids := newsStream(t, 60)
	want, st1, err := runOn(t, context.Background(), input, "news.jsonl", JSONL{}, Options{Workers: 1})
	require.NoError(t, err)
	require.Equal(t, ids, articleRuns(parseJSONL(t, want)), "workers=1 must list every article once, in input order")
	require.Equal(t, 60, st1.Articles)
	require.Zero(t, st1.Errors)

	for _, workers := range []int{2, 8} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			got, st, err := runOn(t, context.Background(), input, "news.jsonl", JSONL{}, Options{Workers: workers})
			require.NoError(t, err)
			assert.Equal(t, want, got, "output differs from workers=1")
			assert.Equal(t, st1, st)
		})
	}
}

// mixedStream is a JSONL stream with bad records among good ones; line
// numbers are those of the stream.
const mixedStream = `{"id": "good-1", "text": "The council met on Monday. It approved the budget."}
{"id": "broken", "text": "no closing brace"
{"id": "good-2", "text": "Rain is expected tomorrow."}
{"id": "latin1", "text": "caf` + "\xe9" + `"}
{"id": "notext", "title": "A headline only"}
{"id": "nul", "text": "binary` + "\x00" + `data"}
{"id": "escaped-nul", "text": "binary\u0000data"}

{"id": "empty", "text": "   "}
{"id": "good-3", "sentences": [{"text": "Sign up for our newsletter.", "para": 0}, {"text": "It is free.", "para": 0}]}
not json at all
{"text": "An article without an id. It gets one from its place."}
`

func TestRunBadRecords(t *testing.T) {
	type want struct {
		id    string
		line  int
		error string // substring of the error; "" for a result
	}
	wants := []want{
		{"good-1", 1, ""},
		{"mixed.jsonl:2", 2, "malformed JSON"},
		{"good-2", 3, ""},
		{"mixed.jsonl:4", 4, "invalid UTF-8"},
		{"notext", 5, `missing field`},
		{"mixed.jsonl:6", 6, "NUL byte"},
		{"escaped-nul", 7, "NUL byte"},
		{"empty", 9, "empty input"},
		{"good-3", 10, ""},
		{"mixed.jsonl:11", 11, "malformed JSON"},
		{"mixed.jsonl:12", 12, ""},
	}
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			// One byte per Read: record boundaries fall anywhere in the buffer.
			r := corpus.NewReader(iotest.OneByteReader(strings.NewReader(mixedStream)), "mixed.jsonl", corpus.ReaderOptions{})
			var out bytes.Buffer
			st, err := Run(context.Background(), r, loadNews(t), JSONL{}, &out, Options{Workers: workers})
			require.NoError(t, err, "bad records must not stop the run")
			recs := parseJSONL(t, out.String())

			var ids []string
			for _, w := range wants {
				ids = append(ids, w.id)
			}
			require.Equal(t, ids, articleRuns(recs), "every record, good or bad, appears once in input order")

			byID := map[string][]record{}
			for _, r := range recs {
				byID[*r.Article] = append(byID[*r.Article], r)
			}
			sentences, textBytes := 0, 0
			for _, w := range wants {
				rs := byID[w.id]
				if w.error == "" {
					for i, r := range rs {
						assert.Empty(t, r.Error, "%s", w.id)
						assert.Equal(t, i, r.Sentence, "%s", w.id)
						assert.NotEmpty(t, r.Label, "%s", w.id)
					}
					sentences += len(rs)
					continue
				}
				require.Len(t, rs, 1, "%s: one error record", w.id)
				assert.Contains(t, rs[0].Error, w.error, "%s", w.id)
				assert.Equal(t, "mixed.jsonl", rs[0].File, "%s: error names the file", w.id)
				assert.Equal(t, w.line, rs[0].Line, "%s: error names the line", w.id)
			}
			for _, text := range []string{
				"The council met on Monday. It approved the budget.",
				"Rain is expected tomorrow.",
				"Sign up for our newsletter. It is free.", // rebuilt from the sentences
				"An article without an id. It gets one from its place.",
			} {
				textBytes += len(text)
			}
			assert.Equal(t, Stats{Articles: len(wants), Sentences: sentences, Errors: 7, Bytes: int64(textBytes)}, st)
		})
	}
}

// TestRunExactlyOnce checks, on a stream of good and bad records with many
// workers, that each input record gives exactly one contiguous block.
func TestRunExactlyOnce(t *testing.T) {
	good, ids := newsStream(t, 40)
	lines := strings.SplitAfter(string(good), "\n")
	var input strings.Builder
	var want []string
	for i, id := range ids {
		input.WriteString(lines[i])
		want = append(want, id)
		if i%5 == 2 {
			input.WriteString(`{"id": "bad-` + id + `", "text": ""}` + "\n")
			want = append(want, "bad-"+id)
		}
	}
	out, st, err := runOn(t, context.Background(), []byte(input.String()), "s.jsonl", JSONL{}, Options{Workers: 8})
	require.NoError(t, err)
	recs := parseJSONL(t, out)
	assert.Equal(t, want, articleRuns(recs))
	assert.Equal(t, len(want), st.Articles)
	assert.Equal(t, len(want)-len(ids), st.Errors)
	assert.Equal(t, len(recs)-st.Errors, st.Sentences)
}

func TestRunCancel(t *testing.T) {
	input, ids := newsStream(t, 60)
	full, _, err := runOn(t, context.Background(), input, "news.jsonl", JSONL{}, Options{Workers: 1})
	require.NoError(t, err)

	for _, workers := range []int{1, 2, 8} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			defer checkNoGoroutineLeak(t)()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			const after = 3
			opts := Options{Workers: workers, Progress: func(st Stats) {
				if st.Articles == after {
					cancel()
				}
			}}
			out, st, err := runOn(t, ctx, input, "news.jsonl", JSONL{}, opts)
			require.ErrorIs(t, err, context.Canceled)

			// What was written is the start of the full output, whole
			// articles only, and Stats count exactly that.
			assert.True(t, strings.HasPrefix(full, out), "output is not a prefix of the full output")
			written := articleRuns(parseJSONL(t, out))
			assert.Equal(t, ids[:len(written)], written)
			assert.Equal(t, len(written), st.Articles)
			assert.GreaterOrEqual(t, st.Articles, after)
			// At most 2×workers articles are in flight when the reader stops.
			assert.LessOrEqual(t, st.Articles, after+2*workers+1)
			if len(written) < len(ids) {
				next := `{"article":"` + ids[len(written)] + `"`
				assert.True(t, strings.HasPrefix(full[len(out):], next), "the cut falls between two articles")
			}
		})
	}
}

func TestRunCancelledBeforeStart(t *testing.T) {
	defer checkNoGoroutineLeak(t)()
	input, _ := newsStream(t, 10)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out, st, err := runOn(t, ctx, input, "news.jsonl", JSONL{}, Options{Workers: 2})
	require.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, out)
	assert.Zero(t, st.Articles)
}

// A cancellation that comes after the whole input was read interrupts
// nothing: the run is complete and says so.
func TestRunCancelAfterLastArticle(t *testing.T) {
	input, ids := newsStream(t, 5)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := Options{Workers: 2, Progress: func(st Stats) {
		if st.Articles == len(ids) {
			cancel()
		}
	}}
	out, st, err := runOn(t, ctx, input, "news.jsonl", JSONL{}, opts)
	require.NoError(t, err)
	assert.Equal(t, ids, articleRuns(parseJSONL(t, out)))
	assert.Equal(t, len(ids), st.Articles)
}

func TestRunSkip(t *testing.T) {
	input, ids := newsStream(t, 12)
	full, stFull, err := runOn(t, context.Background(), input, "news.jsonl", JSONL{}, Options{Workers: 1})
	require.NoError(t, err)

	skip := map[string]bool{"a00": true, "a03": true, "a11": true}
	// Bad records are skipped by the id their error record carries.
	input = append(input, `{"id": "bad", "text": ""}`+"\n"+`{"id": "bad-2", "text": ""}`+"\n"+"{\n"...)
	skip["bad"] = true
	skip["news.jsonl:15"] = true
	out, st, err := runOn(t, context.Background(), input, "news.jsonl", JSONL{}, Options{Workers: 4, Skip: func(id string) bool { return skip[id] }})
	require.NoError(t, err)

	var want []string
	var wantOut strings.Builder
	for _, line := range strings.SplitAfter(full, "\n") {
		if line != "" && !skip[*parseJSONL(t, line)[0].Article] {
			wantOut.WriteString(line)
		}
	}
	for _, id := range ids {
		if !skip[id] {
			want = append(want, id)
		}
	}
	want = append(want, "bad-2")
	recs := parseJSONL(t, out)
	assert.Equal(t, want, articleRuns(recs))
	assert.True(t, strings.HasPrefix(out, wantOut.String()), "the articles not skipped are classified as in a full run")
	assert.Equal(t, 5, st.Skipped)
	assert.Equal(t, len(want), st.Articles)
	assert.Equal(t, 1, st.Errors)
	assert.Less(t, st.Sentences, stFull.Sentences)
}

// sliceReader yields fixed articles and errors, then io.EOF; it counts the
// calls to Next.
type sliceReader struct {
	items []any // *corpus.Article or error
	calls atomic.Int64
}

func (r *sliceReader) Next() (*corpus.Article, error) {
	i := int(r.calls.Add(1)) - 1
	if i >= len(r.items) {
		return nil, io.EOF
	}
	switch x := r.items[i].(type) {
	case *corpus.Article:
		return x, nil
	case error:
		return nil, x
	}
	panic("sliceReader: bad item")
}

func textArticles(n int) []any {
	var items []any
	for i := range n {
		items = append(items, &corpus.Article{ID: fmt.Sprintf("t%03d", i), Text: "The mayor opened the bridge on Monday. Traffic was light."})
	}
	return items
}

func TestRunStopsOnReadError(t *testing.T) {
	defer checkNoGoroutineLeak(t)()
	readErr := errors.New("disk on fire")
	items := append(textArticles(5), readErr)
	items = append(items, textArticles(5)...)
	r := &sliceReader{items: items}
	var out bytes.Buffer
	st, err := Run(context.Background(), r, loadNews(t), JSONL{}, &out, Options{Workers: 2})
	require.ErrorIs(t, err, readErr)
	assert.Equal(t, 5, st.Articles, "the articles read before the error are written")
	assert.Len(t, articleRuns(parseJSONL(t, out.String())), 5)
}

// failAfter accepts n writes, then fails.
type failAfter struct {
	n   int
	err error
}

func (w *failAfter) Write(p []byte) (int, error) {
	if w.n == 0 {
		return 0, w.err
	}
	w.n--
	return len(p), nil
}

// A failed write (disk full, closed pipe) ends the run: the rest of the
// input is not read and classified for nothing.
func TestRunStopsOnWriteError(t *testing.T) {
	defer checkNoGoroutineLeak(t)()
	r := &sliceReader{items: textArticles(500)}
	werr := errors.New("no space left on device")
	const workers = 2
	st, err := Run(context.Background(), r, loadNews(t), JSONL{}, &failAfter{n: 3, err: werr}, Options{Workers: workers})
	require.ErrorIs(t, err, werr)
	assert.Less(t, int(r.calls.Load()), 50, "the reader went on after the write failed")
	assert.Less(t, st.Articles, 50)
}

// panicky is an encoder that fails on one article, as a bug would.
type panicky struct {
	JSONL
	id string
}

func (p panicky) Article(dst []byte, a *corpus.Article, m *models.Model, preds []models.Prediction, expl [][]models.NamedContribution) []byte {
	if a.ID == p.id {
		panic("index out of range")
	}
	return p.JSONL.Article(dst, a, m, preds, expl)
}

func TestRunRecoversFromPanic(t *testing.T) {
	r := &sliceReader{items: textArticles(6)}
	var out bytes.Buffer
	st, err := Run(context.Background(), r, loadNews(t), panicky{id: "t002"}, &out, Options{Workers: 3})
	require.NoError(t, err)
	recs := parseJSONL(t, out.String())
	assert.Equal(t, []string{"t000", "t001", "t002", "t003", "t004", "t005"}, articleRuns(recs))
	for _, r := range recs {
		if *r.Article == "t002" {
			assert.Contains(t, r.Error, "internal error classifying article: index out of range")
		}
	}
	assert.Equal(t, 1, st.Errors)
	assert.Equal(t, 10, st.Sentences)
}

func TestRunNoSentences(t *testing.T) {
	// Readers refuse blank text; a Reader of one's own may not.
	r := &sliceReader{items: []any{&corpus.Article{ID: "blank", Text: " \n\n\t", File: "x.txt", Line: 3}}}
	var out bytes.Buffer
	st, err := Run(context.Background(), r, loadNews(t), JSONL{}, &out, Options{Workers: 1})
	require.NoError(t, err)
	assert.Equal(t, Stats{Articles: 1, Errors: 1}, st)
	assert.Equal(t, `{"article":"blank","error":"no sentences found in the text","file":"x.txt","line":3}`+"\n", out.String())
}

func TestRunExplain(t *testing.T) {
	r := &sliceReader{items: textArticles(2)}
	var out bytes.Buffer
	_, err := Run(context.Background(), r, loadNews(t), JSONL{}, &out, Options{Workers: 2, Explain: 3})
	require.NoError(t, err)
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var rec struct {
			Explain []struct {
				Feature string  `json:"feature"`
				Weight  float64 `json:"weight"`
			} `json:"explain"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		require.NotEmpty(t, rec.Explain, line)
		assert.LessOrEqual(t, len(rec.Explain), 3)
		for _, e := range rec.Explain {
			assert.NotEmpty(t, e.Feature)
		}
	}
}

// Workers share the model; the first articles that need segmenting must not
// race to build its segmenter (a fresh model, not the shared one).
func TestRunFreshModelRaw(t *testing.T) {
	m, err := newsmodel.Load()
	require.NoError(t, err)
	r := &sliceReader{items: textArticles(8)}
	var out bytes.Buffer
	st, err := Run(context.Background(), r, m, JSONL{}, &out, Options{Workers: 4})
	require.NoError(t, err)
	assert.Equal(t, 16, st.Sentences)
}

// SkipFirst skips by position: the output is the full run's without its
// first records, whatever their ids.
func TestRunSkipFirst(t *testing.T) {
	input, ids := newsStream(t, 8)
	full, _, err := runOn(t, context.Background(), input, "news.jsonl", JSONL{}, Options{Workers: 1})
	require.NoError(t, err)
	out, st, err := runOn(t, context.Background(), input, "news.jsonl", JSONL{}, Options{Workers: 2, SkipFirst: 3})
	require.NoError(t, err)
	assert.Equal(t, ids[3:], articleRuns(parseJSONL(t, out)))
	assert.True(t, strings.HasSuffix(full, out))
	assert.Equal(t, 3, st.Skipped)
}
