package batch

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
)

// csvArticle is Delimited.Article for CSV written with encoding/csv: the
// alternative to quoting by hand that BenchmarkCSVQuoting measures.
func csvArticle(dst []byte, a *corpus.Article, m *models.Model, preds []models.Prediction) []byte {
	buf := bytes.NewBuffer(dst)
	w := csv.NewWriter(buf)
	rec := make([]string, 0, 7+len(m.Labels))
	for i, p := range preds {
		s := a.Sentences[i]
		rec = append(rec[:0], a.ID, strconv.Itoa(i), strconv.Itoa(s.Para), strconv.Itoa(s.Start), strconv.Itoa(s.End), m.Labels[p.Label])
		for _, pr := range p.Probs {
			rec = append(rec, strconv.FormatFloat(pr, 'g', 6, 64))
		}
		rec = append(rec, s.Text)
		_ = w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

// benchArticle is an article of n sentences, some with commas and quotes.
func benchArticle(n int) (*corpus.Article, []models.Prediction) {
	a := &corpus.Article{ID: "bench-1"}
	var preds []models.Prediction
	off := 0
	for i := range n {
		text := fmt.Sprintf("Sentence %d of the article, in which the mayor said \"no\".", i)
		if i%3 == 0 {
			text = fmt.Sprintf("Plain sentence number %d without any quoting needed.", i)
		}
		a.Sentences = append(a.Sentences, corpus.Sentence{Text: text, Para: i / 4, Start: off, End: off + len(text)})
		off += len(text) + 1
		preds = append(preds, models.Prediction{Label: i % 4, Probs: []float64{0.1, 0.2, 0.3, 0.4}})
	}
	return a, preds
}

// The two ways write the same bytes for ordinary sentences.
func TestCSVQuotingMatchesEncodingCSV(t *testing.T) {
	a, preds := benchArticle(40)
	a.Sentences[1].Text = "Line\nbreak, \"quoted\", and a trailing comma,"
	byHand := Delimited{Sep: ','}.Article(nil, a, tinyModel, preds, nil)
	require.Equal(t, string(csvArticle(nil, a, tinyModel, preds)), string(byHand))
	rows, err := csv.NewReader(bytes.NewReader(byHand)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 40)
	require.Equal(t, a.Sentences[1].Text, rows[1][len(rows[1])-1])
	require.False(t, strings.Contains(string(byHand), "\r"))
}

// BenchmarkCSVQuoting compares Delimited's quoting by hand with
// encoding/csv on the same rows (see the comment on Delimited.field).
func BenchmarkCSVQuoting(b *testing.B) {
	a, preds := benchArticle(40)
	b.Run("by-hand", func(b *testing.B) {
		b.ReportAllocs()
		var dst []byte
		for b.Loop() {
			dst = Delimited{Sep: ','}.Article(dst[:0], a, tinyModel, preds, nil)
		}
		b.ReportMetric(float64(b.N*len(preds))/b.Elapsed().Seconds(), "sentences/s")
	})
	b.Run("encoding-csv", func(b *testing.B) {
		b.ReportAllocs()
		var dst []byte
		for b.Loop() {
			dst = csvArticle(dst[:0], a, tinyModel, preds)
		}
		b.ReportMetric(float64(b.N*len(preds))/b.Elapsed().Seconds(), "sentences/s")
	})
}
