package batch

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
)

func TestMonth(t *testing.T) {
	cases := []struct {
		fields map[string]string
		want   string
	}{
		{nil, ""},
		{map[string]string{"date": "2024-03-17"}, "2024-03"},
		{map[string]string{"date": "2024/11/02"}, "2024-11"},
		{map[string]string{"published_at": "2023-12-31T23:59:00Z"}, "2023-12"},
		{map[string]string{"pubdate": "Tue, 05 Mar 2024 10:00:00 +0000"}, "2024-03"},
		{map[string]string{"published": "March 5, 2024"}, "2024-03"},
		{map[string]string{"date": "5 Mar 2024"}, "2024-03"},
		{map[string]string{"date": "2024-13-01"}, ""},                       // no month 13
		{map[string]string{"date": "yesterday"}, ""},                        // unreadable: undated
		{map[string]string{"date": " ", "published": "2022-01"}, "2022-01"}, // empty: the next field
		{map[string]string{"date": "2021-06-01", "published": "2022-01"}, "2021-06"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Month(&corpus.Article{Fields: c.fields}), "%v", c.fields)
	}
}

func TestAggregateByHand(t *testing.T) {
	m := &models.Model{Labels: []string{"appeal", "fact", "opinion", "quote"}}
	art := func(source, date string, n int) *corpus.Article {
		a := &corpus.Article{Source: source, Fields: map[string]string{"date": date}}
		for i := range n {
			a.Sentences = append(a.Sentences, corpus.Sentence{Start: 10 * i, End: 10*i + 9})
		}
		return a
	}
	pred := func(labels ...int) []models.Prediction {
		var ps []models.Prediction
		for _, l := range labels {
			ps = append(ps, models.Prediction{Label: l})
		}
		return ps
	}
	g := NewAggregate("source", m.Labels)
	// wire, March: appeal appeal fact appeal → 2 blocks.
	g.Add(art("wire", "2024-03-02", 4), m, pred(0, 0, 1, 0))
	// wire, April: fact quote → no block.
	g.Add(art("wire", "2024-04-09", 2), m, pred(1, 3))
	// blog, undated: opinion appeal → 1 block.
	g.Add(art("blog", "", 2), m, pred(2, 0))

	assert.Equal(t, []GroupKey{{"blog", "all"}, {"wire", "all"}, {"wire", "2024-03"}, {"wire", "2024-04"}}, g.Keys())
	assert.Equal(t, Tally{Articles: 2, Sentences: 6, Counts: []int{3, 2, 0, 1}, AppealBlocks: 2}, g.Groups[GroupKey{"wire", "all"}])

	var js, csv bytes.Buffer
	require.NoError(t, g.WriteJSONL(&js))
	require.NoError(t, g.WriteCSV(&csv))
	// Worked by hand: wire/all has 3 appeal sentences of 6 and 2 blocks in 2 articles.
	lines := strings.Split(strings.TrimSpace(js.String()), "\n")
	require.Len(t, lines, 4)
	assert.Equal(t, `{"field":"source","value":"wire","month":"all","articles":2,"sentences":6,"counts":{"appeal":3,"fact":2,"opinion":0,"quote":1},"shares":{"appeal":0.5,"fact":0.333333,"opinion":0,"quote":0.166667},"appeal_blocks":2,"appeal_blocks_per_article":1}`, lines[1])
	assert.Equal(t, "field,value,month,articles,sentences,n_appeal,n_fact,n_opinion,n_quote,share_appeal,share_fact,share_opinion,share_quote,appeal_blocks,appeal_blocks_per_article\n"+
		"source,blog,all,1,2,1,0,1,0,0.5,0,0.5,0,1,1\n"+
		"source,wire,all,2,6,3,2,0,1,0.5,0.333333,0,0.166667,2,1\n"+
		"source,wire,2024-03,1,4,3,1,0,0,0.75,0.25,0,0,2,2\n"+
		"source,wire,2024-04,1,2,0,1,0,1,0,0.5,0,0.5,0,0\n", csv.String())
}

// Classify and EncodeRecordError write what Run writes, record for record.
func TestClassifyEqualsRun(t *testing.T) {
	m := loadNews(t)
	want, _, err := runOn(t, context.Background(), []byte(mixedStream), "mixed.jsonl", JSONL{}, Options{Workers: 1})
	require.NoError(t, err)
	r := corpus.NewReader(strings.NewReader(mixedStream), "mixed.jsonl", corpus.ReaderOptions{})
	ws := m.NewWorkspace()
	var got bytes.Buffer
	for {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			require.True(t, corpus.IsRecordError(err))
			got.Write(EncodeRecordError(JSONL{}, err))
			continue
		}
		got.Write(Classify(ws, m, JSONL{}, a, 0, nil).Out)
	}
	assert.Equal(t, want, got.String())
}
