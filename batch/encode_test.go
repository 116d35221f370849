package batch

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/attribution"
	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/models"
)

// The encoders see the model only through its labels, so a fixed article
// with fixed predictions gives output that can be worked out by hand.
var (
	tinyModel = &models.Model{Labels: []string{"appeal", "fact", "opinion", "quote"}}

	// Sentences at bytes [0,10) [11,32) and, after the blank line, [34,48) [49,60).
	tinyText    = "Rain fell. She said \"wet,\tcold\".\n\nSubscribe now. Join today."
	tinyArticle = &corpus.Article{
		ID:   `a,1 "x"`,
		Text: tinyText,
		Sentences: []corpus.Sentence{
			{Text: "Rain fell.", Para: 0, Start: 0, End: 10, Label: "fact"},
			{Text: "She said \"wet,\tcold\".", Para: 0, Start: 11, End: 32},
			{Text: "Subscribe now.", Para: 1, Start: 34, End: 48},
			{Text: "Join today.", Para: 1, Start: 49, End: 60},
		},
	}
	tinyPreds = []models.Prediction{
		{Label: 1, Probs: []float64{0.01, 0.9, 0.05, 0.04}},
		{Label: 3, Probs: []float64{0, 0.125, 0.25, 0.625}, Attribution: &tinyAttribution},
		{Label: 0, Probs: []float64{0.97, 0.01, 0.01999999, 1.5e-7}},
		{Label: 0, Probs: []float64{0.5, 0.25, 0.125, 0.125}},
	}
)

// tinyAttribution of sentence 1: "She" [11,14), "said" [15,19), speaker
// not known.
var tinyAttribution = attribution.Attribution{Speaker: "", SpeakerStart: -1, SpeakerEnd: -1,
	Mention: "She", MentionStart: 11, MentionEnd: 14, Cue: "said", CueStart: 15, CueEnd: 19}

func TestTinyArticleOffsets(t *testing.T) {
	for _, s := range tinyArticle.Sentences {
		require.Equal(t, s.Text, tinyText[s.Start:s.End])
	}
	a := tinyAttribution
	require.Equal(t, a.Mention, tinyText[a.MentionStart:a.MentionEnd])
	require.Equal(t, a.Cue, tinyText[a.CueStart:a.CueEnd])
}

// Expected outputs below are worked by hand from tinyArticle and tinyPreds:
// scores have 6 significant digits ('g' format), the article id needs CSV
// quoting, and TSV turns the tab inside sentence 1 into a space.
func TestEncoders(t *testing.T) {
	tests := []struct {
		format string
		want   string
	}{
		{FormatJSONL, `{"article":"a,1 \"x\"","sentence":0,"para":0,"start":0,"end":10,"text":"Rain fell.","label":"fact","gold":"fact","scores":{"appeal":0.01,"fact":0.9,"opinion":0.05,"quote":0.04}}
{"article":"a,1 \"x\"","sentence":1,"para":0,"start":11,"end":32,"text":"She said \"wet,\tcold\".","label":"quote","scores":{"appeal":0,"fact":0.125,"opinion":0.25,"quote":0.625},"attribution":{"speaker":"","speaker_start":-1,"speaker_end":-1,"mention":"She","mention_start":11,"mention_end":14,"cue":"said","cue_start":15,"cue_end":19}}
{"article":"a,1 \"x\"","sentence":2,"para":1,"start":34,"end":48,"text":"Subscribe now.","label":"appeal","scores":{"appeal":0.97,"fact":0.01,"opinion":0.02,"quote":1.5e-07}}
{"article":"a,1 \"x\"","sentence":3,"para":1,"start":49,"end":60,"text":"Join today.","label":"appeal","scores":{"appeal":0.5,"fact":0.25,"opinion":0.125,"quote":0.125}}
`},
		{FormatCSV, `"a,1 ""x""",0,0,0,10,fact,0.01,0.9,0.05,0.04,,,,,,,,,,Rain fell.
"a,1 ""x""",1,0,11,32,quote,0,0.125,0.25,0.625,,-1,-1,She,11,14,said,15,19,"She said ""wet,` + "\t" + `cold""."
"a,1 ""x""",2,1,34,48,appeal,0.97,0.01,0.02,1.5e-07,,,,,,,,,,Subscribe now.
"a,1 ""x""",3,1,49,60,appeal,0.5,0.25,0.125,0.125,,,,,,,,,,Join today.
`},
		{FormatTSV, `a,1 "x"	0	0	0	10	fact	0.01	0.9	0.05	0.04										Rain fell.
a,1 "x"	1	0	11	32	quote	0	0.125	0.25	0.625		-1	-1	She	11	14	said	15	19	She said "wet, cold".
a,1 "x"	2	1	34	48	appeal	0.97	0.01	0.02	1.5e-07										Subscribe now.
a,1 "x"	3	1	49	60	appeal	0.5	0.25	0.125	0.125										Join today.
`},
		// Two appeal sentences in a row are one span: bytes 34 to 60.
		{FormatSummary, `{"article":"a,1 \"x\"","sentences":4,"counts":{"appeal":2,"fact":1,"opinion":0,"quote":1},"shares":{"appeal":0.5,"fact":0.25,"opinion":0,"quote":0.25},"appeal_spans":[[34,60]],"sources":[],"unattributed_quotes":1}
`},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			enc, err := NewEncoder(tt.format)
			require.NoError(t, err)
			prefix := "kept|"
			got := enc.Article([]byte(prefix), tinyArticle, tinyModel, tinyPreds, nil)
			require.True(t, strings.HasPrefix(string(got), prefix), "Article must append to dst")
			assert.Equal(t, tt.want, string(got[len(prefix):]))
		})
	}
}

func TestDelimitedHeader(t *testing.T) {
	assert.Equal(t, "article,sentence,para,start,end,label,p_appeal,p_fact,p_opinion,p_quote,text\n",
		string(Delimited{Sep: ','}.Header(tinyModel.Labels)))
	assert.Equal(t, "article\tsentence\tpara\tstart\tend\tlabel\tp_appeal\tp_fact\tp_opinion\tp_quote\ttext\n",
		string(Delimited{Sep: '\t'}.Header(tinyModel.Labels)))
	assert.Equal(t, "article,sentence,para,start,end,label,p_appeal,p_fact,p_opinion,p_quote,"+
		"speaker,speaker_start,speaker_end,mention,mention_start,mention_end,cue,cue_start,cue_end,text\n",
		string(Delimited{Sep: ',', Attribution: true}.Header(tinyModel.Labels)))
}

// The CSV output must parse as RFC 4180 (every row with the header's
// fields, which encoding/csv enforces) and give back the fields.
func TestCSVRoundTrip(t *testing.T) {
	d := Delimited{Sep: ',', Scores: len(tinyModel.Labels)}
	out := d.Header(tinyModel.Labels)
	out = d.Article(out, tinyArticle, tinyModel, tinyPreds, nil)
	out = d.Error(out, "line\nbreak", "in.jsonl", 3, errors.New(`bad "quote", here`))
	rows, err := csv.NewReader(strings.NewReader(string(out))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 6)
	for i, s := range tinyArticle.Sentences {
		assert.Equal(t, tinyArticle.ID, rows[i+1][0])
		assert.Equal(t, s.Text, rows[i+1][10])
	}
	assert.Equal(t, []string{"line\nbreak", "-1", "-1", "-1", "-1", "error", "", "", "", "", `in.jsonl:3: bad "quote", here`}, rows[5])
}

func TestEncoderErrors(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		format     string
		file       string
		line       int
		want       string
		wantNoFile string
	}{
		{FormatJSONL, "in.jsonl", 7, `{"article":"x","error":"boom","file":"in.jsonl","line":7}` + "\n", `{"article":"x","error":"boom"}` + "\n"},
		{FormatSummary, "in.jsonl", 7, `{"article":"x","error":"boom","file":"in.jsonl","line":7}` + "\n", `{"article":"x","error":"boom"}` + "\n"},
		// NewEncoder's CSV and TSV have the nine attribution columns, empty.
		{FormatCSV, "in.jsonl", 7, "x,-1,-1,-1,-1,error,,,,,,,,,,in.jsonl:7: boom\n", "x,-1,-1,-1,-1,error,,,,,,,,,,boom\n"},
		{FormatTSV, "in.jsonl", 7, "x\t-1\t-1\t-1\t-1\terror\t\t\t\t\t\t\t\t\t\tin.jsonl:7: boom\n", "x\t-1\t-1\t-1\t-1\terror\t\t\t\t\t\t\t\t\t\tboom\n"},
		// A whole file that failed has no line number to give.
		{FormatJSONL, "dir/a.txt", 0, `{"article":"x","error":"boom","file":"dir/a.txt"}` + "\n", ""},
		{FormatCSV, "dir/a.txt", 0, "x,-1,-1,-1,-1,error,,,,,,,,,,dir/a.txt: boom\n", ""},
		{FormatTSV, "dir/a.txt", 0, "x\t-1\t-1\t-1\t-1\terror\t\t\t\t\t\t\t\t\t\tdir/a.txt: boom\n", ""},
	}
	// With the model's labels known, error rows have empty score columns.
	assert.Equal(t, "x,-1,-1,-1,-1,error,,,in.jsonl:7: boom\n", string(Delimited{Sep: ',', Scores: 2}.Error(nil, "x", "in.jsonl", 7, boom)))
	assert.Equal(t, "x\t-1\t-1\t-1\t-1\terror\t\t\tboom\n", string(Delimited{Sep: '\t', Scores: 2}.Error(nil, "x", "", 0, boom)))
	for _, tt := range tests {
		enc, err := NewEncoder(tt.format)
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(enc.Error(nil, "x", tt.file, tt.line, boom)), "%s %s:%d", tt.format, tt.file, tt.line)
		if tt.wantNoFile != "" {
			assert.Equal(t, tt.wantNoFile, string(enc.Error(nil, "x", "", 0, boom)), "%s without a file", tt.format)
		}
	}
}

func TestJSONLExplain(t *testing.T) {
	a := &corpus.Article{ID: "e", Text: "Rain fell.", Sentences: []corpus.Sentence{{Text: "Rain fell.", End: 10}}}
	preds := []models.Prediction{{Label: 1, Probs: []float64{0.25, 0.5, 0.125, 0.125}}}
	expl := [][]models.NamedContribution{{{Name: `word:"rain"`, Weight: 1.5}, {Name: "cue:past", Weight: 0.25}}}
	got := JSONL{}.Article(nil, a, tinyModel, preds, expl)
	assert.Equal(t, `{"article":"e","sentence":0,"para":0,"start":0,"end":10,"text":"Rain fell.","label":"fact","scores":{"appeal":0.25,"fact":0.5,"opinion":0.125,"quote":0.125},"explain":[{"feature":"word:\"rain\"","weight":1.5},{"feature":"cue:past","weight":0.25}]}`+"\n", string(got))
}

// Reasons in words, with the stage-1 breakdown nested.
func TestJSONLExplainInWords(t *testing.T) {
	a := &corpus.Article{ID: "e", Text: "Rain fell.", Sentences: []corpus.Sentence{{Text: "Rain fell.", End: 10}}}
	preds := []models.Prediction{{Label: 1, Probs: []float64{0.25, 0.5, 0.125, 0.125}}}
	expl := [][]models.NamedContribution{{
		{Name: "stack+1:p(fact)", Weight: 2, Why: "the next sentence is fact, p 0.90"},
		{Name: "stack+0:p(fact)", Weight: 1, Why: "on its own it reads as fact, p 0.50",
			Because: []models.NamedContribution{{Name: "rain", Weight: 0.5, Why: `the word "rain"`}}},
	}}
	got := JSONL{}.Article(nil, a, tinyModel, preds, expl)
	assert.Contains(t, string(got), `"explain":[{"feature":"stack+1:p(fact)","weight":2,"why":"the next sentence is fact, p 0.90"},`+
		`{"feature":"stack+0:p(fact)","weight":1,"why":"on its own it reads as fact, p 0.50","because":[{"feature":"rain","weight":0.5,"why":"the word \"rain\""}]}]}`)
}

func TestMinConfidenceEncoders(t *testing.T) {
	a := &corpus.Article{ID: "u", Text: "A. B.", Sentences: []corpus.Sentence{{Text: "A.", End: 2}, {Text: "B.", Start: 3, End: 5}}}
	preds := []models.Prediction{
		{Label: 1, Probs: []float64{0.1, 0.6, 0.2, 0.1}},    // below 0.7
		{Label: 0, Probs: []float64{0.9, 0.05, 0.03, 0.02}}, // above
	}
	enc := WithMinConfidence(JSONL{}, 0.7)
	out := string(enc.Article(nil, a, tinyModel, preds, nil))
	assert.Equal(t, 1, strings.Count(out, `"uncertain":true`))
	assert.Contains(t, strings.Split(out, "\n")[0], `"uncertain":true`)
	d := WithMinConfidence(Delimited{Sep: ','}, 0.7).(Delimited)
	assert.Equal(t, "article,sentence,para,start,end,label,uncertain,p_appeal,p_fact,p_opinion,p_quote,text\n", string(d.Header(tinyModel.Labels)))
	assert.Equal(t, "u,0,0,0,2,fact,true,0.1,0.6,0.2,0.1,A.\nu,1,0,3,5,appeal,false,0.9,0.05,0.03,0.02,B.\n", string(d.Article(nil, a, tinyModel, preds, nil)))
	s := WithMinConfidence(Summary{}, 0.7)
	assert.Contains(t, string(s.Article(nil, a, tinyModel, preds, nil)), `},"uncertain":1,"appeal_spans":[[3,5]],"sources":[],"unattributed_quotes":0}`)
}

func TestSummaryAppealSpans(t *testing.T) {
	a := &corpus.Article{ID: "s", Sentences: []corpus.Sentence{
		{Start: 0, End: 5}, {Start: 6, End: 9}, {Start: 10, End: 20}, {Start: 21, End: 30}, {Start: 31, End: 40},
	}}
	p := func(l int) models.Prediction {
		probs := make([]float64, 4)
		probs[l] = 1
		return models.Prediction{Label: l, Probs: probs}
	}
	// appeal, fact, appeal, appeal, fact: two spans.
	preds := []models.Prediction{p(0), p(1), p(0), p(0), p(1)}
	assert.Equal(t, `{"article":"s","sentences":5,"counts":{"appeal":3,"fact":2,"opinion":0,"quote":0},"shares":{"appeal":0.6,"fact":0.4,"opinion":0,"quote":0},"appeal_spans":[[0,5],[10,30]],"sources":[],"unattributed_quotes":0}`+"\n",
		string(Summary{}.Article(nil, a, tinyModel, preds, nil)))

	// A model without an "appeal" label has no spans.
	noAppeal := &models.Model{Labels: []string{"objective", "subjective"}}
	two := []models.Prediction{{Label: 0, Probs: []float64{1, 0}}, {Label: 0, Probs: []float64{1, 0}}}
	assert.Equal(t, `{"article":"s","sentences":2,"counts":{"objective":2,"subjective":0},"shares":{"objective":1,"subjective":0},"appeal_spans":[]}`+"\n",
		string(Summary{}.Article(nil, &corpus.Article{ID: "s", Sentences: a.Sentences[:2]}, noAppeal, two, nil)))
}

func TestNewEncoder(t *testing.T) {
	for format, want := range map[string]Encoder{
		"": JSONL{}, "jsonl": JSONL{}, "JSONL": JSONL{}, "csv": Delimited{Sep: ',', Attribution: true},
		"tsv": Delimited{Sep: '\t', Attribution: true}, "Summary": Summary{},
	} {
		enc, err := NewEncoder(format)
		require.NoError(t, err, format)
		assert.Equal(t, want, enc, format)
	}
	_, err := NewEncoder("xml")
	assert.ErrorContains(t, err, `unknown output format "xml"`)
}
