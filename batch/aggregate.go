package batch

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
)

// DateFields are the article fields Month looks in, in this order; the
// first that is present and not empty is the article's date.
var DateFields = []string{"date", "published", "published_at", "publish_date", "pubdate", "datetime", "timestamp"}

// AllMonths is the Month of the group that counts all of a value's
// articles, dated or not.
const AllMonths = "all"

// dateLayouts are the layouts Month parses besides an ISO 8601 prefix.
var dateLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC850, "January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006"}

// Month returns the month of an article's date as "YYYY-MM": from the
// first of DateFields it has, written as ISO 8601 or RFC 3339 (only the
// "YYYY-MM" or "YYYY/MM" prefix is read) or in one of a few English
// layouts ("Mon, 02 Jan 2006 15:04:05 MST", "January 2, 2006", "2 Jan
// 2006"). It returns "" when the article has no date it can read.
func Month(a *corpus.Article) string {
	for _, f := range DateFields {
		v := strings.TrimSpace(a.Field(f))
		if v == "" {
			continue
		}
		if len(v) >= 7 && isDigits(v[:4]) && (v[4] == '-' || v[4] == '/') && isDigits(v[5:7]) && v[5:7] >= "01" && v[5:7] <= "12" {
			return v[:4] + "-" + v[5:7]
		}
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, v); err == nil {
				return t.Format("2006-01")
			}
		}
		return ""
	}
	return ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Tally counts labelled articles: the numbers a group of the aggregate
// table is made of. Counts has one entry per model label.
type Tally struct {
	Articles     int
	Sentences    int
	Counts       []int
	AppealBlocks int // runs of consecutive "appeal" sentences, as Summary's appeal_spans
}

// NewTally is the tally of one classified article.
func NewTally(a *corpus.Article, m *models.Model, preds []models.Prediction) Tally {
	t := Tally{Articles: 1, Sentences: len(preds), Counts: make([]int, len(m.Labels))}
	for _, p := range preds {
		t.Counts[p.Label]++
	}
	t.AppealBlocks = len(AppealSpans(a, m, preds))
	return t
}

// Merge adds o to t.
func (t *Tally) Merge(o Tally) {
	t.Articles += o.Articles
	t.Sentences += o.Sentences
	if len(t.Counts) < len(o.Counts) {
		t.Counts = append(t.Counts, make([]int, len(o.Counts)-len(t.Counts))...)
	}
	for i, n := range o.Counts {
		t.Counts[i] += n
	}
	t.AppealBlocks += o.AppealBlocks
}

// GroupKey names one group of the aggregate table: a value of the grouping
// field and a month ("YYYY-MM", or AllMonths).
type GroupKey struct {
	Value, Month string
}

// GroupKeys returns the groups an article counts in: its value of field
// (empty when it has none) for all months, and for its month when it has
// a date (see Month).
func GroupKeys(a *corpus.Article, field string) []GroupKey {
	v := a.Field(field)
	keys := []GroupKey{{v, AllMonths}}
	if mo := Month(a); mo != "" {
		keys = append(keys, GroupKey{v, mo})
	}
	return keys
}

// Aggregate is the table of labelled articles per value of an article field
// and per month: articles, sentences, the share of each label among the
// sentences, and appeal blocks per article. Error records are not in it.
type Aggregate struct {
	Field  string
	Labels []string
	Groups map[GroupKey]Tally
}

// NewAggregate returns an empty table grouping by field.
func NewAggregate(field string, labels []string) *Aggregate {
	return &Aggregate{Field: field, Labels: labels, Groups: map[GroupKey]Tally{}}
}

// Add counts one classified article in its groups.
func (g *Aggregate) Add(a *corpus.Article, m *models.Model, preds []models.Prediction) {
	t := NewTally(a, m, preds)
	for _, k := range GroupKeys(a, g.Field) {
		g.AddTally(k, t)
	}
}

// AddTally merges a tally into a group.
func (g *Aggregate) AddTally(k GroupKey, t Tally) {
	cur := g.Groups[k]
	if cur.Counts == nil {
		cur.Counts = make([]int, len(g.Labels))
	}
	cur.Merge(t)
	g.Groups[k] = cur
}

// Keys returns the groups in order: by value, then AllMonths before the
// months in time order.
func (g *Aggregate) Keys() []GroupKey {
	keys := make([]GroupKey, 0, len(g.Groups))
	for k := range g.Groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b GroupKey) int {
		if c := strings.Compare(a.Value, b.Value); c != 0 {
			return c
		}
		if (a.Month == AllMonths) != (b.Month == AllMonths) {
			if a.Month == AllMonths {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Month, b.Month)
	})
	return keys
}

// WriteJSONL writes one record per group:
//
//	{"field": "source", "value": "…", "month": "all", "articles": 12, "sentences": 310,
//	 "counts": {"appeal": 40, …}, "shares": {"appeal": 0.129032, …},
//	 "appeal_blocks": 19, "appeal_blocks_per_article": 1.58333}
func (g *Aggregate) WriteJSONL(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var b []byte
	for _, k := range g.Keys() {
		t := g.Groups[k]
		b = append(b[:0], `{"field":`...)
		b = appendJSONString(b, g.Field)
		b = append(b, `,"value":`...)
		b = appendJSONString(b, k.Value)
		b = append(b, `,"month":`...)
		b = appendJSONString(b, k.Month)
		b = append(b, `,"articles":`...)
		b = strconv.AppendInt(b, int64(t.Articles), 10)
		b = append(b, `,"sentences":`...)
		b = strconv.AppendInt(b, int64(t.Sentences), 10)
		for _, part := range []string{"counts", "shares"} {
			b = append(b, `,"`+part+`":{`...)
			for c, l := range g.Labels {
				if c > 0 {
					b = append(b, ',')
				}
				b = appendJSONString(b, l)
				b = append(b, ':')
				if part == "counts" {
					b = strconv.AppendInt(b, int64(t.count(c)), 10)
				} else {
					b = appendScore(b, t.share(c))
				}
			}
			b = append(b, '}')
		}
		b = append(b, `,"appeal_blocks":`...)
		b = strconv.AppendInt(b, int64(t.AppealBlocks), 10)
		b = append(b, `,"appeal_blocks_per_article":`...)
		b = appendScore(b, t.blocksPerArticle())
		b = append(b, "}\n"...)
		bw.Write(b)
	}
	return bw.Flush()
}

// WriteCSV writes the table as CSV under the header
// field, value, month, articles, sentences, n_<label>…, share_<label>…,
// appeal_blocks, appeal_blocks_per_article.
func (g *Aggregate) WriteCSV(w io.Writer) error {
	d := Delimited{Sep: ','}
	bw := bufio.NewWriter(w)
	cols := []string{"field", "value", "month", "articles", "sentences"}
	for _, l := range g.Labels {
		cols = append(cols, "n_"+l)
	}
	for _, l := range g.Labels {
		cols = append(cols, "share_"+l)
	}
	cols = append(cols, "appeal_blocks", "appeal_blocks_per_article")
	var b []byte
	for i, c := range cols {
		if i > 0 {
			b = append(b, ',')
		}
		b = d.field(b, c)
	}
	bw.Write(append(b, '\n'))
	for _, k := range g.Keys() {
		t := g.Groups[k]
		b = d.field(b[:0], g.Field)
		b = append(b, ',')
		b = d.field(b, k.Value)
		b = append(b, ',')
		b = d.field(b, k.Month)
		for _, n := range []int{t.Articles, t.Sentences} {
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(n), 10)
		}
		for c := range g.Labels {
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(t.count(c)), 10)
		}
		for c := range g.Labels {
			b = append(b, ',')
			b = appendScore(b, t.share(c))
		}
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(t.AppealBlocks), 10)
		b = append(b, ',')
		b = appendScore(b, t.blocksPerArticle())
		bw.Write(append(b, '\n'))
	}
	return bw.Flush()
}

func (t Tally) count(c int) int {
	if c < len(t.Counts) {
		return t.Counts[c]
	}
	return 0
}

// share is the fraction of the group's sentences with label c (0 for a
// group without sentences, which a table of labelled articles never has).
func (t Tally) share(c int) float64 {
	if t.Sentences == 0 {
		return 0
	}
	return float64(t.count(c)) / float64(t.Sentences)
}

func (t Tally) blocksPerArticle() float64 {
	if t.Articles == 0 {
		return 0
	}
	return float64(t.AppealBlocks) / float64(t.Articles)
}

// AppealSpans returns the byte ranges of the runs of consecutive sentences
// labelled "appeal" (publisher blocks), or none when the model has no such
// label.
func AppealSpans(a *corpus.Article, m *models.Model, preds []models.Prediction) []corpus.Span {
	appeal := slices.Index(m.Labels, "appeal")
	if appeal < 0 {
		return nil
	}
	var spans []corpus.Span
	for i := 0; i < len(preds); i++ {
		if preds[i].Label != appeal {
			continue
		}
		j := i
		for j+1 < len(preds) && preds[j+1].Label == appeal {
			j++
		}
		spans = append(spans, corpus.Span{Start: a.Sentences[i].Start, End: a.Sentences[j].End})
		i = j
	}
	return spans
}
