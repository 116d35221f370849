package eval

import (
	"strings"
	"unicode"

	"github.com/stancekit/stancekit/attribution"
)

// AttributionParts is the attribution of one quote sentence, gold or
// predicted: the speaker as a string, and the mention and cue as spans of
// the sentence (byte offsets into the sentence's text; Text "" for absent).
type AttributionParts struct {
	Speaker      string
	Mention, Cue TextSpan
}

// TextSpan is Text at [Start, End) of a sentence.
type TextSpan struct {
	Text       string
	Start, End int
}

// AttributionScores score the attribution of gold quote sentences that
// carry an attribution annotation. A gold quote the model did not label
// quote (Item.PredAttribution nil) counts as missed: its speaker is wrong
// and its mention and cue are not found.
type AttributionScores struct {
	Quotes    int `json:"quotes"`    // annotated gold quote sentences
	Predicted int `json:"predicted"` // of which the model labelled quote
	// Speaker accuracy, exact after normalising case, space and a leading
	// "the", and by head word (the last word equal). A gold "" is matched
	// by a predicted "".
	SpeakerExact float64    `json:"speaker_exact"`
	SpeakerHead  float64    `json:"speaker_head"`
	Mention      SpanScores `json:"mention"`
	Cue          SpanScores `json:"cue"`
	// GoldLabels scores the same sentences by Item.GoldLabelAttribution:
	// the rules given the gold labels, so that the gap to the figures
	// above is the classifier's. Nil when no item has one.
	GoldLabels *AttributionScores `json:"gold_labels,omitempty"`
}

// SpanScores compare predicted spans with gold spans of the same sentences,
// exactly (same offsets) and by overlap (at least one byte in common).
type SpanScores struct {
	Gold      int `json:"gold"`      // non-empty gold spans
	Predicted int `json:"predicted"` // non-empty predicted spans on those sentences
	Exact     PRF `json:"exact"`
	Overlap   PRF `json:"overlap"`
}

// PRF is a match count with its precision, recall and F1 (0 when undefined).
type PRF struct {
	Matched   int     `json:"matched"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// attributionScores scores the items with a GoldAttribution, by their
// PredAttribution and, when some has one, by their GoldLabelAttribution;
// nil when none has a GoldAttribution.
func attributionScores(items []Item) *AttributionScores {
	s := scoreAttribution(items, func(it *Item) *AttributionParts { return it.PredAttribution })
	if s == nil {
		return nil
	}
	for i := range items {
		if items[i].GoldAttribution != nil && items[i].GoldLabelAttribution != nil {
			s.GoldLabels = scoreAttribution(items, func(it *Item) *AttributionParts { return it.GoldLabelAttribution })
			break
		}
	}
	return s
}

// scoreAttribution scores the items with a GoldAttribution against the
// attribution pred gives each (nil: the sentence was not attributed).
func scoreAttribution(items []Item, pred func(*Item) *AttributionParts) *AttributionScores {
	var s AttributionScores
	var exact, head int
	var mention, cue spanCounts
	for i := range items {
		g := items[i].GoldAttribution
		if g == nil {
			continue
		}
		s.Quotes++
		p := pred(&items[i])
		if p != nil {
			s.Predicted++
			gs, ps := NormalizeSpeaker(g.Speaker), NormalizeSpeaker(p.Speaker)
			if gs == ps {
				exact++
			}
			if headWord(gs) == headWord(ps) {
				head++
			}
		}
		mention.add(g.Mention, p, func(a *AttributionParts) TextSpan { return a.Mention })
		cue.add(g.Cue, p, func(a *AttributionParts) TextSpan { return a.Cue })
	}
	if s.Quotes == 0 {
		return nil
	}
	s.SpeakerExact = div(float64(exact), float64(s.Quotes))
	s.SpeakerHead = div(float64(head), float64(s.Quotes))
	s.Mention, s.Cue = mention.scores(), cue.scores()
	return &s
}

type spanCounts struct{ gold, pred, exact, overlap int }

func (c *spanCounts) add(g TextSpan, p *AttributionParts, part func(*AttributionParts) TextSpan) {
	if g.Text != "" {
		c.gold++
	}
	if p == nil {
		return
	}
	ps := part(p)
	if ps.Text == "" {
		return
	}
	c.pred++
	if g.Text == "" {
		return
	}
	if ps.Start == g.Start && ps.End == g.End {
		c.exact++
	}
	if ps.Start < g.End && g.Start < ps.End {
		c.overlap++
	}
}

func (c spanCounts) scores() SpanScores {
	prf := func(m int) PRF {
		p, r := div(float64(m), float64(c.pred)), div(float64(m), float64(c.gold))
		return PRF{Matched: m, Precision: p, Recall: r, F1: div(2*p*r, p+r)}
	}
	return SpanScores{Gold: c.gold, Predicted: c.pred, Exact: prf(c.exact), Overlap: prf(c.overlap)}
}

// NormalizeSpeaker is attribution.SourceKey: the form under which two
// speakers are one source ("The Kremlin" and "the Kremlin").
func NormalizeSpeaker(s string) string { return attribution.SourceKey(s) }

// headWord is the last word of a normalised speaker.
func headWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		s = s[i+1:]
	}
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) })
}

// attributionTable is the attribution section of a report.
func (r *Report) attributionTable() table {
	a := r.Attribution
	return attributionRows(a, table{ID: "attribution", Title: "Attribution",
		Note: "Over " + itoa(a.Quotes) + " annotated gold quote sentences, " + itoa(a.Predicted) +
			" labelled quote by the model (a missed quote counts as wrong). Speaker: accuracy, exact after normalising case and a leading \"the\", and by head word. Spans: exact offsets, and overlap."})
}

// attributionGoldTable is the section that follows it when the report has
// the attribution given the gold labels.
func (r *Report) attributionGoldTable() table {
	a := r.Attribution.GoldLabels
	return attributionRows(a, table{ID: "attribution-gold-labels", Title: "Attribution given the gold labels",
		Note: "The same " + itoa(a.Quotes) + " gold quote sentences attributed by the rules with every sentence's gold label instead of the model's: the rules' errors alone (the gap to the table above is the classifier's)."})
}

// attributionRows fills t with the rows of a.
func attributionRows(a *AttributionScores, t table) table {
	t.Head, t.Left = []string{"part", "match", "accuracy / P", "R", "F1", "gold", "predicted", "matched"}, 2
	t.Rows = append(t.Rows,
		[]string{"speaker", "exact", f4(a.SpeakerExact), "", "", itoa(a.Quotes), itoa(a.Predicted), ""},
		[]string{"speaker", "head word", f4(a.SpeakerHead), "", "", itoa(a.Quotes), itoa(a.Predicted), ""})
	for _, p := range []struct {
		name string
		s    SpanScores
	}{{"mention", a.Mention}, {"cue", a.Cue}} {
		for _, m := range []struct {
			name string
			v    PRF
		}{{"exact", p.s.Exact}, {"overlap", p.s.Overlap}} {
			t.Rows = append(t.Rows, []string{p.name, m.name, f4(m.v.Precision), f4(m.v.Recall), f4(m.v.F1),
				itoa(p.s.Gold), itoa(p.s.Predicted), itoa(m.v.Matched)})
		}
	}
	return t
}
