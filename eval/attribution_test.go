package eval

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func span(text string, start int) TextSpan {
	if text == "" {
		return TextSpan{Start: -1, End: -1}
	}
	return TextSpan{Text: text, Start: start, End: start + len(text)}
}

// attributionItems: four annotated gold quotes (one missed by the model)
// and one sentence without annotation.
func attributionItems() []Item {
	return []Item{
		{Article: "a", Sentence: 0,
			GoldAttribution: &AttributionParts{"Ann Lee", span("she", 10), span("said", 14)},
			PredAttribution: &AttributionParts{"ann  lee", span("she", 10), span("said", 14)}},
		{Article: "a", Sentence: 1,
			GoldAttribution: &AttributionParts{"The Kremlin", span("the Kremlin", 0), span("said", 12)},
			PredAttribution: &AttributionParts{"Kremlin", span("Kremlin", 4), span("", 0)}},
		{Article: "a", Sentence: 2,
			GoldAttribution: &AttributionParts{"Gloria Patchett", span("", 0), span("", 0)},
			PredAttribution: &AttributionParts{"Patchett", span("I", 0), span("", 0)}},
		{Article: "b", Sentence: 0, Gold: 1, Pred: 0, // a quote labelled something else: missed
			GoldAttribution: &AttributionParts{"Bill Haddon", span("he", 5), span("said", 8)}},
		{Article: "b", Sentence: 1, PredAttribution: &AttributionParts{"X", span("X", 0), span("said", 2)}},
	}
}

// Expected values worked by hand from attributionItems:
//   - speaker exact: items 1 and 2 ("the Kremlin" = "Kremlin") of 4 = 0.5;
//     head word: items 1, 2, 3 ("Patchett") of 4 = 0.75;
//   - mention: gold spans 3 (items 1, 2, 4), predicted 3 (items 1, 2, 3);
//     exact 1 → P = R = F1 = 1/3; overlap 2 (item 2's "Kremlin" inside
//     "the Kremlin") → 2/3;
//   - cue: gold 3, predicted 1 (item 1), matched 1: P 1, R 1/3, F1 0.5.
//
// The unannotated last item counts nowhere.
func TestAttributionScores(t *testing.T) {
	s := attributionScores(attributionItems())
	require.NotNil(t, s)
	assert.Equal(t, 4, s.Quotes)
	assert.Equal(t, 3, s.Predicted)
	assert.InDelta(t, 0.5, s.SpeakerExact, 1e-12)
	assert.InDelta(t, 0.75, s.SpeakerHead, 1e-12)
	third := 1.0 / 3
	assert.Equal(t, roundPRF(SpanScores{Gold: 3, Predicted: 3,
		Exact:   PRF{Matched: 1, Precision: third, Recall: third, F1: third},
		Overlap: PRF{Matched: 2, Precision: 2 * third, Recall: 2 * third, F1: 2 * third}}), roundPRF(s.Mention))
	assert.Equal(t, roundPRF(SpanScores{Gold: 3, Predicted: 1,
		Exact:   PRF{Matched: 1, Precision: 1, Recall: third, F1: 0.5},
		Overlap: PRF{Matched: 1, Precision: 1, Recall: third, F1: 0.5}}), roundPRF(s.Cue))

	assert.Nil(t, attributionScores([]Item{{Article: "x"}}), "no annotation, no section")
}

// roundPRF rounds to 12 digits, so that 2·p·r/(p+r) and 1/3 compare.
func roundPRF(s SpanScores) SpanScores {
	r := func(x float64) float64 { return float64(int64(x*1e12+0.5)) / 1e12 }
	for _, p := range []*PRF{&s.Exact, &s.Overlap} {
		p.Precision, p.Recall, p.F1 = r(p.Precision), r(p.Recall), r(p.F1)
	}
	return s
}

func TestNormalizeSpeaker(t *testing.T) {
	for in, want := range map[string]string{
		"The Kremlin": "kremlin", "  the   CDC ": "cdc", "Thea Lund": "thea lund", "Police.": "police", "": "",
	} {
		assert.Equal(t, want, NormalizeSpeaker(in), in)
	}
}

// The attribution section is in every report format and round-trips
// through JSON under "attribution".
func TestAttributionInReports(t *testing.T) {
	labels := []string{"fact", "quote"}
	items := attributionItems()
	for i := range items {
		items[i].Gold, items[i].Pred = 1, 1
	}
	items[3].Pred = 0
	r := Evaluate(labels, items, Options{})
	require.NotNil(t, r.Attribution)
	for name, write := range map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return r.WriteText(b) },
		"markdown": func(b *bytes.Buffer) error { return r.WriteMarkdown(b) },
		"html":     func(b *bytes.Buffer) error { return r.WriteHTML(b) },
	} {
		var b bytes.Buffer
		require.NoError(t, write(&b), name)
		assert.Contains(t, b.String(), "Attribution", name)
		assert.Contains(t, b.String(), "head word", name)
		assert.Contains(t, b.String(), "0.7500", name)
	}
	var b bytes.Buffer
	require.NoError(t, r.WriteJSON(&b))
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b.Bytes(), &raw))
	require.Contains(t, raw, "attribution")
	var back Report
	require.NoError(t, json.Unmarshal(b.Bytes(), &back))
	assert.Equal(t, r.Attribution, back.Attribution)
}

// goldLabelItems are attributionItems with the attribution the rules give
// on the gold labels: the same as the model's on the three quotes it
// labelled quote, and the gold one on item 3, the quote it missed.
func goldLabelItems() []Item {
	items := attributionItems()
	for i := range items {
		if items[i].GoldAttribution != nil {
			items[i].GoldLabelAttribution = items[i].PredAttribution
		}
	}
	items[3].GoldLabelAttribution = &AttributionParts{"Bill Haddon", span("he", 5), span("said", 8)}
	return items
}

// Worked by hand from goldLabelItems: the figures with the gold labels
// differ from TestAttributionScores's by item 3 alone.
//   - speaker exact: items 1, 2, 4 of 4 = 0.75 (was 0.5); head word 4 of 4;
//   - mention: gold 3, predicted 4 (item 4 now has one), exact 2 (items 1
//     and 4): P 1/2, R 2/3, F1 4/7; overlap 3: P 3/4, R 1, F1 6/7;
//   - cue: gold 3, predicted 2 (items 1 and 4), matched 2: P 1, R 2/3,
//     F1 0.8.
//
// The model's figures are those of TestAttributionScores, unchanged.
func TestAttributionGivenGoldLabels(t *testing.T) {
	s := attributionScores(goldLabelItems())
	require.NotNil(t, s)
	assert.Equal(t, 3, s.Predicted, "the model's figures are untouched")
	assert.InDelta(t, 0.5, s.SpeakerExact, 1e-12)
	g := s.GoldLabels
	require.NotNil(t, g)
	assert.Nil(t, g.GoldLabels)
	assert.Equal(t, 4, g.Quotes)
	assert.Equal(t, 4, g.Predicted)
	assert.InDelta(t, 0.75, g.SpeakerExact, 1e-12)
	assert.InDelta(t, 1, g.SpeakerHead, 1e-12)
	assert.Equal(t, roundPRF(SpanScores{Gold: 3, Predicted: 4,
		Exact:   PRF{Matched: 2, Precision: 0.5, Recall: 2.0 / 3, F1: 4.0 / 7},
		Overlap: PRF{Matched: 3, Precision: 0.75, Recall: 1, F1: 6.0 / 7}}), roundPRF(g.Mention))
	assert.Equal(t, roundPRF(SpanScores{Gold: 3, Predicted: 2,
		Exact:   PRF{Matched: 2, Precision: 1, Recall: 2.0 / 3, F1: 0.8},
		Overlap: PRF{Matched: 2, Precision: 1, Recall: 2.0 / 3, F1: 0.8}}), roundPRF(g.Cue))

	assert.Nil(t, attributionScores(attributionItems()).GoldLabels, "not computed, not reported")
}

// Every report format has the section given the gold labels after the
// model's, and JSON round-trips it under attribution.gold_labels; a report
// without it is as before.
func TestAttributionGivenGoldLabelsInReports(t *testing.T) {
	labels := []string{"fact", "quote"}
	withGold, without := goldLabelItems(), attributionItems()
	for _, items := range [][]Item{withGold, without} {
		for i := range items {
			items[i].Gold, items[i].Pred = 1, 1
		}
		items[3].Pred = 0
	}
	r, plain := Evaluate(labels, withGold, Options{}), Evaluate(labels, without, Options{})
	for name, write := range map[string]func(*Report, *bytes.Buffer) error{
		"text":     func(r *Report, b *bytes.Buffer) error { return r.WriteText(b) },
		"markdown": func(r *Report, b *bytes.Buffer) error { return r.WriteMarkdown(b) },
		"html":     func(r *Report, b *bytes.Buffer) error { return r.WriteHTML(b) },
	} {
		var b, p bytes.Buffer
		require.NoError(t, write(r, &b), name)
		require.NoError(t, write(plain, &p), name)
		out := b.String()
		model, given := strings.Index(out, "Attribution"), strings.Index(out, "Attribution given the gold labels")
		require.GreaterOrEqual(t, model, 0, name)
		require.Greater(t, given, model, name)
		assert.Contains(t, out[given:], "0.5714", name) // mention exact F1, 4/7
		assert.NotContains(t, out[:given], "0.5714", name)
		assert.NotContains(t, p.String(), "given the gold labels", name)
		assert.Equal(t, p.String()[:model], out[:model], name+": what comes before is unchanged")
	}
	var b bytes.Buffer
	require.NoError(t, r.WriteJSON(&b))
	var raw struct {
		Attribution map[string]json.RawMessage `json:"attribution"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &raw))
	require.Contains(t, raw.Attribution, "gold_labels")
	var back Report
	require.NoError(t, json.Unmarshal(b.Bytes(), &back))
	assert.Equal(t, r.Attribution, back.Attribution)
}
