package newsmodel_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The default model's corpus is checked on every run: schema, labels,
// paragraph numbering, duplicates, split hygiene and label shares, as the
// data card (testdata/news/README.md) promises.

var newsLabels = map[string]bool{"fact": true, "quote": true, "opinion": true, "appeal": true}

type rawArticle struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Outlet    string `json:"outlet"`
	Genre     string `json:"genre"`
	Country   string `json:"country"`
	Appeals   string `json:"appeals"`
	Sentences []struct {
		Text  string `json:"text"`
		Label string `json:"label"`
		Para  *int   `json:"para"`
		// Attribution gold, optional, on quote sentences only.
		Speaker *string `json:"speaker"`
		Mention *string `json:"mention"`
		Cue     *string `json:"cue"`
	} `json:"sentences"`
}

func readRaw(t *testing.T, name string) []rawArticle {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "news", name+".jsonl"))
	require.NoError(t, err)
	defer f.Close()
	var out []rawArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		var a rawArticle
		require.NoError(t, dec.Decode(&a), "%s.jsonl:%d", name, line)
		out = append(out, a)
	}
	require.NoError(t, sc.Err())
	return out
}

// corpusFiles are the files of testdata/news: the three splits and
// fresh.jsonl, a held-out batch written after the default model was fixed
// (data card), used for no training or tuning.
var corpusFiles = []string{"train", "dev", "test", "fresh"}

func TestCorpusSchemaAndLabels(t *testing.T) {
	for _, split := range corpusFiles {
		for _, a := range readRaw(t, split) {
			where := split + ":" + a.ID
			assert.NotEmpty(t, a.ID, where)
			for _, f := range []string{a.Source, a.Outlet, a.Genre, a.Country, a.Appeals} {
				assert.NotEmpty(t, f, "%s: metadata field", where)
			}
			require.NotEmpty(t, a.Sentences, where)
			prev := 0
			seen := map[string]bool{}
			for i, s := range a.Sentences {
				assert.True(t, newsLabels[s.Label], "%s sentence %d: label %q", where, i, s.Label)
				require.NotNil(t, s.Para, "%s sentence %d: para", where, i)
				if i == 0 {
					assert.Equal(t, 0, *s.Para, "%s: paragraphs are numbered from 0", where)
				} else {
					d := *s.Para - prev
					assert.True(t, d == 0 || d == 1, "%s sentence %d: para %d after %d", where, i, *s.Para, prev)
				}
				prev = *s.Para
				assert.Equal(t, strings.TrimSpace(s.Text), s.Text, "%s sentence %d: surrounding space", where, i)
				assert.NotEmpty(t, s.Text, "%s sentence %d", where, i)
				assert.False(t, strings.ContainsAny(s.Text, "\n\t"), "%s sentence %d: line break or tab", where, i)
				assert.False(t, seen[s.Text], "%s sentence %d repeated in the article", where, i)
				seen[s.Text] = true
				if s.Speaker != nil || s.Mention != nil || s.Cue != nil {
					assert.Equal(t, "quote", s.Label, "%s sentence %d: attribution fields on a non-quote", where, i)
				}
				for _, span := range []*string{s.Mention, s.Cue} {
					if span != nil {
						assert.Contains(t, s.Text, *span, "%s sentence %d: mention or cue not in the text", where, i)
					}
				}
			}
		}
	}
}

// No two articles share a sentence of five words or more (short button
// labels such as "Subscribe" recur across publishers, as in real pages).
func TestCorpusNoSharedSentences(t *testing.T) {
	owner := map[string]string{}
	for _, split := range corpusFiles {
		for _, a := range readRaw(t, split) {
			for _, s := range a.Sentences {
				key := strings.ToLower(s.Text)
				if len(strings.Fields(key)) < 5 {
					continue
				}
				if o, ok := owner[key]; ok && o != a.ID {
					t.Errorf("%q is in %s and %s", s.Text, o, a.ID)
				}
				owner[key] = a.ID
			}
		}
	}
}

// Split hygiene: no id in two files, no near-duplicate article across
// files (Jaccard similarity of word 4-gram shingles under 0.3), and the
// 70/15/15 shares within a few points.
func TestCorpusSplit(t *testing.T) {
	where := map[string]string{}
	shingles := map[string]map[string]bool{}
	count := map[string]int{}
	total := 0
	for _, split := range []string{"train", "dev", "test"} {
		for _, a := range readRaw(t, split) {
			if w, ok := where[a.ID]; ok {
				t.Errorf("article %s is in %s and %s", a.ID, w, split)
			}
			where[a.ID] = split
			count[split]++
			total++
			var words []string
			for _, s := range a.Sentences {
				words = append(words, strings.Fields(strings.ToLower(s.Text))...)
			}
			sh := map[string]bool{}
			for i := 0; i+4 <= len(words); i++ {
				sh[strings.Join(words[i:i+4], " ")] = true
			}
			shingles[a.ID] = sh
		}
	}
	ids := make([]string, 0, len(shingles))
	for id := range shingles {
		ids = append(ids, id)
	}
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			if where[a] == where[b] {
				continue
			}
			if j := jaccard(shingles[a], shingles[b]); j >= 0.3 {
				t.Errorf("articles %s (%s) and %s (%s) are near-duplicates: Jaccard %.2f", a, where[a], b, where[b], j)
			}
		}
	}
	share := func(s string) float64 { return float64(count[s]) / float64(total) }
	assert.InDelta(t, 0.70, share("train"), 0.04)
	assert.InDelta(t, 0.15, share("dev"), 0.03)
	assert.InDelta(t, 0.15, share("test"), 0.03)
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// Size and label shares promised by the data card: at least 650 articles,
// 16,000 sentences, and every label at least 12% of sentences.
func TestCorpusSizeAndShares(t *testing.T) {
	articles, sentences := 0, 0
	labels := map[string]int{}
	for _, split := range []string{"train", "dev", "test"} {
		for _, a := range readRaw(t, split) {
			articles++
			for _, s := range a.Sentences {
				sentences++
				labels[s.Label]++
			}
		}
	}
	assert.GreaterOrEqual(t, articles, 650)
	assert.GreaterOrEqual(t, sentences, 16000)
	for l := range newsLabels {
		assert.GreaterOrEqual(t, float64(labels[l])/float64(sentences), 0.12, "share of %s", l)
	}
	t.Logf("%d articles, %d sentences, labels %v", articles, sentences, labels)
}
