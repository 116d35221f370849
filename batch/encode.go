package batch

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/stancekit/stancekit/attribution"
	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
)

// Output formats.
const (
	FormatJSONL   = "jsonl"
	FormatCSV     = "csv"
	FormatTSV     = "tsv"
	FormatSummary = "summary"
)

// NewEncoder returns the encoder for a format name.
func NewEncoder(format string) (Encoder, error) {
	switch strings.ToLower(format) {
	case FormatJSONL, "":
		return JSONL{}, nil
	case FormatCSV:
		return Delimited{Sep: ',', Attribution: true}, nil
	case FormatTSV:
		return Delimited{Sep: '\t', Attribution: true}, nil
	case FormatSummary:
		return Summary{}, nil
	}
	return nil, fmt.Errorf("batch: unknown output format %q (want jsonl, csv, tsv or summary)", format)
}

// JSONL writes one record per sentence:
//
//	{"article": ID, "sentence": I, "para": P, "start": B, "end": B, "text": "…", "label": "quote", "scores": {"appeal": 0.01, …},
//	 "attribution": {"speaker": S, "speaker_start": B, "speaker_end": B, "mention": M, "mention_start": B, "mention_end": B, "cue": C, "cue_start": B, "cue_end": B}}
//
// "attribution" is on the records whose prediction has one (label quote,
// attribution on); absent parts are "" at -1.
// and {"article": ID, "error": "…"} (with "file" and "line" when known) for
// an article that failed. Scores are in the model's label order. With
// MinConfidence set, a sentence whose label has a lower probability also
// has "uncertain": true (the label is kept, for a reviewer to check).
type JSONL struct {
	MinConfidence float64
}

// uncertain reports whether p's label falls below the confidence floor.
func uncertain(p models.Prediction, floor float64) bool {
	return floor > 0 && p.Probs[p.Label] < floor
}

// WithMinConfidence returns e set to mark sentences whose label has a
// probability below floor (see JSONL, Delimited and Summary).
func WithMinConfidence(e Encoder, floor float64) Encoder {
	switch x := e.(type) {
	case JSONL:
		x.MinConfidence = floor
		return x
	case Delimited:
		x.MinConfidence = floor
		return x
	case Summary:
		x.MinConfidence = floor
		return x
	}
	return e
}

// Article implements Encoder.
func (j JSONL) Article(dst []byte, a *corpus.Article, m *models.Model, preds []models.Prediction, expl [][]models.NamedContribution) []byte {
	if len(preds) > 64 {
		// A record is the text plus about 150 bytes, the id and the
		// scores: grown once, a long article's output is not copied
		// through doubling buffers (issue 13).
		per := 150 + len(a.ID)
		for _, l := range m.Labels {
			per += len(l) + 14
		}
		dst = slices.Grow(dst, len(a.Text)+len(preds)*per)
	}
	for i, p := range preds {
		s := a.Sentences[i]
		dst = append(dst, `{"article":`...)
		dst = appendJSONString(dst, a.ID)
		dst = append(dst, `,"sentence":`...)
		dst = strconv.AppendInt(dst, int64(i), 10)
		dst = append(dst, `,"para":`...)
		dst = strconv.AppendInt(dst, int64(s.Para), 10)
		dst = append(dst, `,"start":`...)
		dst = strconv.AppendInt(dst, int64(s.Start), 10)
		dst = append(dst, `,"end":`...)
		dst = strconv.AppendInt(dst, int64(s.End), 10)
		dst = append(dst, `,"text":`...)
		dst = appendJSONString(dst, s.Text)
		dst = append(dst, `,"label":`...)
		dst = appendJSONString(dst, m.Labels[p.Label])
		if s.Label != "" {
			dst = append(dst, `,"gold":`...)
			dst = appendJSONString(dst, s.Label)
		}
		dst = append(dst, `,"scores":{`...)
		for c, pr := range p.Probs {
			if c > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(dst, m.Labels[c])
			dst = append(dst, ':')
			dst = appendScore(dst, pr)
		}
		dst = append(dst, '}')
		if p.Attribution != nil {
			dst = appendAttribution(dst, p.Attribution)
		}
		if uncertain(p, j.MinConfidence) {
			dst = append(dst, `,"uncertain":true`...)
		}
		if expl != nil {
			dst = append(dst, `,"explain":`...)
			dst = appendReasons(dst, expl[i])
		}
		dst = append(dst, "}\n"...)
	}
	return dst
}

// appendReasons writes explanations as a JSON array of
// {"feature": "…", "weight": W, "why": "…", "because": […]}: the model's
// name for the feature, its push toward the label, the reason in words, and
// for the sentence's own first-stage verdict, the words and cues behind it.
func appendReasons(dst []byte, rs []models.NamedContribution) []byte {
	dst = append(dst, '[')
	for j, e := range rs {
		if j > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"feature":`...)
		dst = appendJSONString(dst, e.Name)
		dst = append(dst, `,"weight":`...)
		dst = appendScore(dst, e.Weight)
		if e.Why != "" {
			dst = append(dst, `,"why":`...)
			dst = appendJSONString(dst, e.Why)
		}
		if len(e.Because) > 0 {
			dst = append(dst, `,"because":`...)
			dst = appendReasons(dst, e.Because)
		}
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

func appendAttribution(dst []byte, at *attribution.Attribution) []byte {
	dst = append(dst, `,"attribution":{"speaker":`...)
	dst = appendJSONString(dst, at.Speaker)
	dst = append(dst, `,"speaker_start":`...)
	dst = strconv.AppendInt(dst, int64(at.SpeakerStart), 10)
	dst = append(dst, `,"speaker_end":`...)
	dst = strconv.AppendInt(dst, int64(at.SpeakerEnd), 10)
	dst = append(dst, `,"mention":`...)
	dst = appendJSONString(dst, at.Mention)
	dst = append(dst, `,"mention_start":`...)
	dst = strconv.AppendInt(dst, int64(at.MentionStart), 10)
	dst = append(dst, `,"mention_end":`...)
	dst = strconv.AppendInt(dst, int64(at.MentionEnd), 10)
	dst = append(dst, `,"cue":`...)
	dst = appendJSONString(dst, at.Cue)
	dst = append(dst, `,"cue_start":`...)
	dst = strconv.AppendInt(dst, int64(at.CueStart), 10)
	dst = append(dst, `,"cue_end":`...)
	dst = strconv.AppendInt(dst, int64(at.CueEnd), 10)
	return append(dst, '}')
}

// Error implements Encoder.
func (JSONL) Error(dst []byte, id, file string, line int, err error) []byte {
	dst = append(dst, `{"article":`...)
	dst = appendJSONString(dst, id)
	dst = append(dst, `,"error":`...)
	dst = appendJSONString(dst, err.Error())
	if file != "" {
		dst = append(dst, `,"file":`...)
		dst = appendJSONString(dst, file)
	}
	if line > 0 {
		dst = append(dst, `,"line":`...)
		dst = strconv.AppendInt(dst, int64(line), 10)
	}
	return append(dst, "}\n"...)
}

// appendScore writes a probability with 6 significant digits: enough to
// rank and calibrate, a third the size of full precision.
func appendScore(dst []byte, x float64) []byte {
	return strconv.AppendFloat(dst, x, 'g', 6, 64)
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes
// U+FFFD, as encoding/json does.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// Delimited writes CSV (RFC 4180 quoting) or TSV (tabs and newlines in text
// replaced by spaces) under the columns of Header:
// article, sentence, para, start, end, label, [uncertain,] p_<label>…,
// [attribution columns,] text. With MinConfidence set, an "uncertain"
// column (true or false) follows label. The attribution columns (with
// Attribution) are speaker, speaker_start, speaker_end, mention,
// mention_start, mention_end, cue, cue_start, cue_end: filled on quote rows
// (absent parts "" and -1), empty on the others. A failed article is a row
// with label "error", -1 as numbers, empty scores and attribution, and the
// message as text.
type Delimited struct {
	Sep byte
	// Attribution adds the attribution columns; NewEncoder sets it.
	Attribution bool
	// Scores is the number of p_<label> columns (the model's labels), so
	// that error rows have as many fields as the header, as CSV readers
	// demand. NewEncoder leaves it 0: set it before encoding errors.
	Scores        int
	MinConfidence float64
}

// Header returns the header line for a model's labels.
func (d Delimited) Header(labels []string) []byte {
	cols := []string{"article", "sentence", "para", "start", "end", "label"}
	if d.MinConfidence > 0 {
		cols = append(cols, "uncertain")
	}
	for _, l := range labels {
		cols = append(cols, "p_"+l)
	}
	if d.Attribution {
		cols = append(cols, attributionColumns...)
	}
	cols = append(cols, "text")
	var b []byte
	for i, c := range cols {
		if i > 0 {
			b = append(b, d.Sep)
		}
		b = d.field(b, c)
	}
	return append(b, '\n')
}

// Article implements Encoder.
func (d Delimited) Article(dst []byte, a *corpus.Article, m *models.Model, preds []models.Prediction, _ [][]models.NamedContribution) []byte {
	for i, p := range preds {
		s := a.Sentences[i]
		dst = d.field(dst, a.ID)
		for _, n := range []int{i, s.Para, s.Start, s.End} {
			dst = append(dst, d.Sep)
			dst = strconv.AppendInt(dst, int64(n), 10)
		}
		dst = append(dst, d.Sep)
		dst = d.field(dst, m.Labels[p.Label])
		if d.MinConfidence > 0 {
			dst = append(dst, d.Sep)
			dst = strconv.AppendBool(dst, uncertain(p, d.MinConfidence))
		}
		for _, pr := range p.Probs {
			dst = append(dst, d.Sep)
			dst = appendScore(dst, pr)
		}
		if d.Attribution {
			dst = d.attribution(dst, p.Attribution)
		}
		dst = append(dst, d.Sep)
		dst = d.field(dst, s.Text)
		dst = append(dst, '\n')
	}
	return dst
}

// Error implements Encoder.
func (d Delimited) Error(dst []byte, id, file string, line int, err error) []byte {
	dst = d.field(dst, id)
	dst = append(dst, d.Sep, '-', '1', d.Sep, '-', '1', d.Sep, '-', '1', d.Sep, '-', '1', d.Sep)
	dst = d.field(dst, "error")
	if d.MinConfidence > 0 {
		dst = append(dst, d.Sep)
	}
	for range d.Scores {
		dst = append(dst, d.Sep)
	}
	if d.Attribution {
		dst = d.attribution(dst, nil)
	}
	dst = append(dst, d.Sep)
	msg := err.Error()
	switch {
	case file != "" && line > 0:
		msg = file + ":" + strconv.Itoa(line) + ": " + msg
	case file != "":
		msg = file + ": " + msg // a whole file failed: there is no line 0
	}
	dst = d.field(dst, msg)
	return append(dst, '\n')
}

// field appends one cell. CSV quoting is by hand rather than with
// encoding/csv, which writes the same bytes (TestCSVQuotingMatchesEncodingCSV)
// but was 1.5x slower with 9x the allocations in BenchmarkCSVQuoting
// (40 sentences: 13-15 µs and 26 allocs against 20 µs and 240 allocs,
// 2026-12-07, 2 cores): a csv.Writer wants a []string per row, so every
// number becomes a string first, and a Writer cannot be shared by the
// workers that encode in parallel.
var attributionColumns = []string{"speaker", "speaker_start", "speaker_end", "mention", "mention_start", "mention_end", "cue", "cue_start", "cue_end"}

// attribution writes the attribution columns, each after a separator;
// empty cells for nil.
func (d Delimited) attribution(dst []byte, at *attribution.Attribution) []byte {
	if at == nil {
		for range attributionColumns {
			dst = append(dst, d.Sep)
		}
		return dst
	}
	for _, part := range []struct {
		s          string
		start, end int
	}{{at.Speaker, at.SpeakerStart, at.SpeakerEnd}, {at.Mention, at.MentionStart, at.MentionEnd}, {at.Cue, at.CueStart, at.CueEnd}} {
		dst = append(dst, d.Sep)
		dst = d.field(dst, part.s)
		dst = append(dst, d.Sep)
		dst = strconv.AppendInt(dst, int64(part.start), 10)
		dst = append(dst, d.Sep)
		dst = strconv.AppendInt(dst, int64(part.end), 10)
	}
	return dst
}

func (d Delimited) field(dst []byte, s string) []byte {
	if d.Sep == '\t' {
		return append(dst, strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s)...)
	}
	if !strings.ContainsAny(s, ",\"\n\r") {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	dst = append(dst, strings.ReplaceAll(s, `"`, `""`)...)
	return append(dst, '"')
}

// Summary writes one JSON record per article, for archive statistics:
//
//	{"article": ID, "sentences": N, "counts": {"appeal": 3, …}, "shares": {…}, "appeal_spans": [[start, end], …]}
//
// appeal_spans are byte ranges of runs of consecutive sentences labelled
// "appeal" (publisher blocks), when the model has that label. With
// MinConfidence set, "uncertain": N counts the sentences below it. When the
// quotes carry attributions, "sources" lists who is quoted
// (attribution.Sources: most quoted first), and "unattributed_quotes"
// counts quote sentences with no speaker:
//
//	"sources": [{"speaker": "Ana Ruiz", "quotes": 2, "first_mention": "Mayor Ana Ruiz", "first_start": 1, "first_end": 15}, …]
type Summary struct {
	MinConfidence float64
}

// Article implements Encoder.
func (sm Summary) Article(dst []byte, a *corpus.Article, m *models.Model, preds []models.Prediction, _ [][]models.NamedContribution) []byte {
	counts := make([]int, len(m.Labels))
	for _, p := range preds {
		counts[p.Label]++
	}
	dst = append(dst, `{"article":`...)
	dst = appendJSONString(dst, a.ID)
	dst = append(dst, `,"sentences":`...)
	dst = strconv.AppendInt(dst, int64(len(preds)), 10)
	dst = append(dst, `,"counts":{`...)
	for c, n := range counts {
		if c > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, m.Labels[c])
		dst = append(dst, ':')
		dst = strconv.AppendInt(dst, int64(n), 10)
	}
	dst = append(dst, `},"shares":{`...)
	for c, n := range counts {
		if c > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, m.Labels[c])
		dst = append(dst, ':')
		dst = appendScore(dst, float64(n)/float64(len(preds)))
	}
	dst = append(dst, '}')
	if sm.MinConfidence > 0 {
		n := 0
		for _, p := range preds {
			if uncertain(p, sm.MinConfidence) {
				n++
			}
		}
		dst = append(dst, `,"uncertain":`...)
		dst = strconv.AppendInt(dst, int64(n), 10)
	}
	dst = append(dst, `,"appeal_spans":[`...)
	appeal := -1
	for c, l := range m.Labels {
		if l == "appeal" {
			appeal = c
		}
	}
	first := true
	for i := 0; i < len(preds); i++ {
		if preds[i].Label != appeal {
			continue
		}
		j := i
		for j+1 < len(preds) && preds[j+1].Label == appeal {
			j++
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = append(dst, '[')
		dst = strconv.AppendInt(dst, int64(a.Sentences[i].Start), 10)
		dst = append(dst, ',')
		dst = strconv.AppendInt(dst, int64(a.Sentences[j].End), 10)
		dst = append(dst, ']')
		i = j
	}
	dst = append(dst, ']')
	if attrs, ok := quoteAttributions(m, preds); ok {
		dst = appendSources(dst, attrs)
	}
	return append(dst, "}\n"...)
}

// quoteAttributions returns the attribution of every sentence (nil for
// those not labelled quote), and false when a quote has none (attribution
// off) or the model has no quote label.
func quoteAttributions(m *models.Model, preds []models.Prediction) ([]*attribution.Attribution, bool) {
	quote := slices.Index(m.Labels, "quote")
	if quote < 0 {
		return nil, false
	}
	attrs := make([]*attribution.Attribution, len(preds))
	for i, p := range preds {
		if p.Label == quote {
			if p.Attribution == nil {
				return nil, false
			}
			attrs[i] = p.Attribution
		}
	}
	return attrs, true
}

func appendSources(dst []byte, attrs []*attribution.Attribution) []byte {
	sources, unattributed := attribution.Sources(attrs)
	dst = append(dst, `,"sources":[`...)
	for i, s := range sources {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"speaker":`...)
		dst = appendJSONString(dst, s.Speaker)
		dst = append(dst, `,"quotes":`...)
		dst = strconv.AppendInt(dst, int64(s.Quotes), 10)
		dst = append(dst, `,"first_mention":`...)
		dst = appendJSONString(dst, s.First)
		dst = append(dst, `,"first_start":`...)
		dst = strconv.AppendInt(dst, int64(s.FirstStart), 10)
		dst = append(dst, `,"first_end":`...)
		dst = strconv.AppendInt(dst, int64(s.FirstEnd), 10)
		dst = append(dst, '}')
	}
	dst = append(dst, `],"unattributed_quotes":`...)
	return strconv.AppendInt(dst, int64(unattributed), 10)
}

// Error implements Encoder.
func (Summary) Error(dst []byte, id, file string, line int, err error) []byte {
	return JSONL{}.Error(dst, id, file, line, err)
}
