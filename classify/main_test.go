package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/models"
	"github.com/stancekit/stancekit/newsmodel"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/classify")

const (
	articlePath = "../testdata/classify/article.txt"
	goldenPath  = "../testdata/classify/article.golden.jsonl"
	goldPath    = "../testdata/classify/gold.jsonl"
)

// classifyCmd runs the command as main would, with stdin as standard input.
func classifyCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestGolden(t *testing.T) {
	code, out, stderr := classifyCmd(t, "", "-quiet", articlePath)
	require.Equal(t, 0, code, stderr)
	if *update {
		require.NoError(t, os.WriteFile(goldenPath, []byte(out), 0o644))
	}
	want, err := os.ReadFile(goldenPath)
	require.NoError(t, err, "run go test ./classify -run TestGolden -update to create it")
	assertSameOutput(t, string(want), out, "output differs from %s (rerun with -update if the change is meant)", goldenPath)

	input, err := os.ReadFile(articlePath)
	require.NoError(t, err)
	m, err := newsmodel.Load()
	require.NoError(t, err)
	checkRecords(t, string(input), articlePath, m, out)
}

// checkRecords checks the JSONL record schema on the output for one article
// read from a file called id.
func checkRecords(t *testing.T, input, id string, m *models.Model, out string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 12, "the article has 12 sentences")
	lastPara := 0
	for i, line := range lines {
		var raw map[string]json.RawMessage
		require.NoError(t, json.Unmarshal([]byte(line), &raw), "line %d", i+1)
		var keys []string
		for k := range raw {
			keys = append(keys, k)
		}
		want := []string{"article", "sentence", "para", "start", "end", "text", "label", "scores"}
		if _, ok := raw["attribution"]; ok {
			want = append(want, "attribution")
		}
		assert.ElementsMatch(t, want, keys, "line %d", i+1)

		var rec struct {
			Article    string
			Sentence   int
			Para       int
			Start, End int
			Text       string
			Label      string
			Scores     map[string]float64
		}
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		assert.Equal(t, id, rec.Article)
		assert.Equal(t, i, rec.Sentence)
		assert.GreaterOrEqual(t, rec.Para, lastPara, "paragraphs do not go back")
		lastPara = rec.Para
		require.True(t, 0 <= rec.Start && rec.Start < rec.End && rec.End <= len(input), "line %d: bad span [%d,%d)", i+1, rec.Start, rec.End)
		assert.Equal(t, input[rec.Start:rec.End], rec.Text, "line %d: text == input[start:end]", i+1)

		require.Len(t, rec.Scores, len(m.Labels), "line %d", i+1)
		sum, best := 0.0, ""
		for _, l := range m.Labels {
			p, ok := rec.Scores[l]
			require.True(t, ok, "line %d: no score for %q", i+1, l)
			assert.True(t, p >= 0 && p <= 1, "line %d: score %g", i+1, p)
			sum += p
			if best == "" || p > rec.Scores[best] {
				best = l
			}
		}
		// Six significant digits per score: the sum is 1 within 4 × 5e-7.
		assert.InDelta(t, 1, sum, 1e-5, "line %d: scores sum", i+1)
		if m.Decode == models.DecodePosterior {
			assert.Equal(t, best, rec.Label, "line %d: posterior decoding labels the most probable", i+1)
		}
	}
	assert.Equal(t, 3, lastPara, "four paragraphs")
}

func TestFormatCSV(t *testing.T) {
	code, out, stderr := classifyCmd(t, "", "-quiet", "-format", "csv", articlePath, filepath.Join(t.TempDir(), "missing.txt"))
	require.Equal(t, 1, code, stderr)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err, "every row has the header's fields")
	require.Len(t, rows, 1+12+1)
	assert.Equal(t, []string{"article", "sentence", "para", "start", "end", "label", "p_appeal", "p_fact", "p_opinion", "p_quote",
		"speaker", "speaker_start", "speaker_end", "mention", "mention_start", "mention_end", "cue", "cue_start", "cue_end", "text"}, rows[0])
	assert.Equal(t, articlePath, rows[1][0])
	assert.Equal(t, "error", rows[13][5])
	assert.Contains(t, rows[13][19], "missing.txt: ")
}

func TestFormatSummary(t *testing.T) {
	code, out, stderr := classifyCmd(t, "", "-quiet", "-format", "summary", articlePath)
	require.Equal(t, 0, code, stderr)
	var rec struct {
		Article   string
		Sentences int
		Counts    map[string]int
		Shares    map[string]float64
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rec))
	assert.Equal(t, 12, rec.Sentences)
	total := 0
	for _, n := range rec.Counts {
		total += n
	}
	assert.Equal(t, 12, total)
}

func TestStdin(t *testing.T) {
	code, out, stderr := classifyCmd(t, "The bridge opened on Monday. Sign up for our newsletter.", "-quiet")
	require.Equal(t, 0, code, stderr)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	assert.Contains(t, lines[0], `"article":"-"`)
	assert.Contains(t, lines[1], `"start":29,"end":56`)
}

// Bad inputs give error records in their place; the good ones are still
// classified, and the exit status says that something failed.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	bad := filepath.Join(dir, "bad.jsonl")
	require.NoError(t, os.WriteFile(bad, []byte(`{"id": "ok-1", "text": "The bridge opened on Monday."}
{"id": "broken", "text": 
{"id": "ok-2", "text": "Rain is expected tomorrow."}
`), 0o644))
	notGzip := filepath.Join(dir, "plain.txt.gz")
	require.NoError(t, os.WriteFile(notGzip, []byte("Plain text, not gzip."), 0o644))
	unreadable := filepath.Join(dir, "locked.txt")
	require.NoError(t, os.WriteFile(unreadable, []byte("Secret text."), 0o000))

	code, out, stderr := classifyCmd(t, "", "-workers", "2", missing, bad, articlePath, notGzip, unreadable)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "errors")

	type rec struct {
		Article, Error, File, Text string
		Line                       int
	}
	var recs []rec
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r rec
		require.NoError(t, json.Unmarshal([]byte(line), &r), line)
		recs = append(recs, r)
	}
	require.GreaterOrEqual(t, len(recs), 4+12+1)
	assert.Equal(t, rec{Article: missing, File: missing, Error: "no such file or directory"}, recs[0])
	assert.Equal(t, "ok-1", recs[1].Article)
	assert.Equal(t, bad, recs[2].File)
	assert.Equal(t, 2, recs[2].Line)
	assert.Contains(t, recs[2].Error, "malformed JSON")
	assert.Equal(t, bad+":2", recs[2].Article, "a bad record without an id is named by its place")
	assert.Equal(t, "ok-2", recs[3].Article)
	for _, r := range recs[4:16] {
		assert.Equal(t, articlePath, r.Article)
		assert.Empty(t, r.Error)
	}
	assert.Equal(t, notGzip, recs[16].Article)
	assert.Equal(t, notGzip, recs[16].File)
	assert.Contains(t, recs[16].Error, "gzip: invalid header")
	if os.Geteuid() != 0 { // root reads any file
		require.Len(t, recs, 18)
		assert.Equal(t, unreadable, recs[17].Article)
		assert.Contains(t, recs[17].Error, "permission denied")
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-no-such-flag"}, "flag provided but not defined: -no-such-flag"},
		{[]string{"-workers", "many"}, `invalid value "many"`},
		{[]string{"-format", "xml", articlePath}, `unknown output format "xml"`},
		{[]string{"-input-format", "pdf", articlePath}, `unknown format "pdf"`},
		{[]string{"-resume", articlePath}, "-resume needs -o FILE"},
		{[]string{"-compare", "b.stkm", articlePath}, "-compare needs -eval"},
		{[]string{"-eval", goldPath, articlePath}, "-eval takes no inputs"},
		{[]string{"-eval", goldPath, "-report", "pdf", "-bootstrap", "0"}, `-report "pdf"`},
		// Flags that would be ignored are usage errors (issue 13, item 10).
		{[]string{"-report", "html", articlePath}, "-report needs -eval GOLD"},
		{[]string{"-bootstrap", "10", articlePath}, "-bootstrap needs -eval GOLD"},
		{[]string{"-errors", "5", articlePath}, "-errors needs -eval GOLD"},
		{[]string{"-explain", "3", "-format", "tsv", articlePath}, "-explain needs -format jsonl"},
		{[]string{"-explain", "-1", articlePath}, "-explain -1: want N ≥ 0"},
		{[]string{"-eval", goldPath, "-format", "csv"}, "-format does not apply to -eval"},
		{[]string{"-eval", goldPath, "-explain", "2"}, "-explain does not apply to -eval"},
		{[]string{"-eval", goldPath, "-compare", goldPath, "-report", "html"}, "-compare writes text or markdown, not -report html"},
		{[]string{"-eval", goldPath, "-compare", goldPath, "-errors", "5"}, "-errors does not apply to -compare"},
	}
	for _, tt := range tests {
		code, out, stderr := classifyCmd(t, "", tt.args...)
		assert.Equal(t, 2, code, "%v: %s", tt.args, stderr)
		assert.Contains(t, stderr, tt.want, "%v", tt.args)
		assert.Empty(t, out, "%v", tt.args)
	}

	code, _, stderr := classifyCmd(t, "", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, stderr, "usage: classify")
	assert.Contains(t, stderr, "-format")
}

func TestEval(t *testing.T) {
	code, out, stderr := classifyCmd(t, "", "-eval", goldPath, "-report", "json", "-bootstrap", "0")
	require.Equal(t, 0, code, stderr)
	var rep struct {
		N        *int
		Accuracy *float64
		Macro    *struct{ Precision, Recall, F1 *float64 }
		Weighted *struct{ Precision, Recall, F1 *float64 }
		Labels   []string
		Classes  map[string]struct{ Support *int }
		// Rows gold, columns predicted.
		Confusion [][]int
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep), out)
	require.NotNil(t, rep.N)
	require.NotNil(t, rep.Accuracy)
	require.NotNil(t, rep.Macro)
	require.NotNil(t, rep.Weighted)
	for _, avg := range []*struct{ Precision, Recall, F1 *float64 }{rep.Macro, rep.Weighted} {
		require.NotNil(t, avg.Precision)
		require.NotNil(t, avg.Recall)
		require.NotNil(t, avg.F1)
		assert.True(t, *avg.F1 >= 0 && *avg.F1 <= 1)
	}

	// The gold file has 3 articles with 6 + 6 + 5 sentences: 5 fact,
	// 5 quote, 3 opinion, 4 appeal (counted by hand).
	assert.Equal(t, 17, *rep.N)
	assert.Equal(t, []string{"appeal", "fact", "opinion", "quote"}, rep.Labels)
	support := map[string]int{}
	for l, c := range rep.Classes {
		require.NotNil(t, c.Support, l)
		support[l] = *c.Support
	}
	assert.Equal(t, map[string]int{"appeal": 4, "fact": 5, "opinion": 3, "quote": 5}, support)
	require.Len(t, rep.Confusion, 4)
	total, diag := 0, 0
	for i, row := range rep.Confusion {
		require.Len(t, row, 4)
		rowSum := 0
		for j, n := range row {
			rowSum += n
			if i == j {
				diag += n
			}
		}
		assert.Equal(t, support[rep.Labels[i]], rowSum, "confusion row %s sums to its support", rep.Labels[i])
		total += rowSum
	}
	assert.Equal(t, 17, total)
	assert.InDelta(t, float64(diag)/17, *rep.Accuracy, 1e-12)
	assert.False(t, math.IsNaN(*rep.Macro.F1))

	// The other report formats, and -o.
	for _, format := range []string{"text", "markdown", "html"} {
		code, out, stderr := classifyCmd(t, "", "-eval", goldPath, "-report", format, "-bootstrap", "0")
		assert.Equal(t, 0, code, "%s: %s", format, stderr)
		assert.NotEmpty(t, out, format)
	}
	path := filepath.Join(t.TempDir(), "report.json")
	code, out, stderr = classifyCmd(t, "", "-eval", goldPath, "-report", "json", "-bootstrap", "0", "-o", path)
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, out)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"confusion"`)

	// A usage error leaves no empty report behind.
	bad := filepath.Join(t.TempDir(), "bad.pdf")
	code, _, _ = classifyCmd(t, "", "-eval", goldPath, "-report", "pdf", "-bootstrap", "0", "-o", bad)
	assert.Equal(t, 2, code)
	assert.NoFileExists(t, bad)
}

// -compare runs the paired comparison of two models on the gold data; a
// model against itself differs in nothing.
func TestEvalCompare(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.stkm")
	require.NoError(t, os.WriteFile(path, newsmodel.Bytes(), 0o644))
	code, out, stderr := classifyCmd(t, "", "-eval", goldPath, "-compare", path, "-bootstrap", "0")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "McNemar (17 sentences): 0 right only by A, 0 only by B")
}

func TestEvalBadGold(t *testing.T) {
	dir := t.TempDir()
	unlabelled := filepath.Join(dir, "unlabelled.jsonl")
	require.NoError(t, os.WriteFile(unlabelled, []byte(`{"id": "u", "sentences": [{"text": "One.", "label": "fact"}, {"text": "Two."}]}`+"\n"), 0o644))
	code, out, stderr := classifyCmd(t, "", "-eval", unlabelled, "-bootstrap", "0")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, unlabelled+":1 (u): gold articles need a label on every sentence")

	broken := filepath.Join(dir, "broken.jsonl")
	require.NoError(t, os.WriteFile(broken, []byte("{\n"), 0o644))
	code, out, stderr = classifyCmd(t, "", "-eval", broken, "-bootstrap", "0")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, broken+":1: malformed JSON")

	unknown := filepath.Join(dir, "unknown.jsonl")
	require.NoError(t, os.WriteFile(unknown, []byte(`{"id": "k", "sentences": [{"text": "One.", "label": "satire"}]}`+"\n"), 0o644))
	code, _, stderr = classifyCmd(t, "", "-eval", unknown, "-bootstrap", "0")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, `"satire"`)
}

// The cases: a CSV or a TSV of articles with an id/text header is
// read as articles, not as raw text or label<TAB>text.
func TestTableInput(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "arts.csv")
	require.NoError(t, os.WriteFile(csvPath, []byte("id,text\nk1,\"The bridge opened on Monday, a year late.\"\n"), 0o644))
	tsvPath := filepath.Join(dir, "arts.tsv")
	require.NoError(t, os.WriteFile(tsvPath, []byte("id\ttext\nk1\tThe bridge opened on Monday, a year late.\n"), 0o644))
	for _, args := range [][]string{{csvPath}, {tsvPath}, {"-input-format", "csv"}, {}} {
		stdin := ""
		if len(args) != 1 { // standard input, named or sniffed
			stdin = "id,text\nk1,\"The bridge opened on Monday, a year late.\"\n"
		}
		code, out, stderr := classifyCmd(t, stdin, append([]string{"-quiet"}, args...)...)
		require.Equal(t, 0, code, "%v: %s", args, stderr)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		require.Len(t, lines, 1, "%v: one sentence, no header sentence", args)
		var r struct{ Article, Text, Label string }
		require.NoError(t, json.Unmarshal([]byte(lines[0]), &r))
		assert.Equal(t, "k1", r.Article, "%v", args)
		assert.Equal(t, "The bridge opened on Monday, a year late.", r.Text, "%v", args)
	}

	// Named columns.
	other := filepath.Join(dir, "other.csv")
	require.NoError(t, os.WriteFile(other, []byte("doc,body\nd7,Rain is expected tomorrow.\n"), 0o644))
	code, out, stderr := classifyCmd(t, "", "-quiet", "-id-field", "doc", "-text-field", "body", other)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, `"article":"d7"`)

	// Without them, one error that says what to do, and exit 1.
	code, out, _ = classifyCmd(t, "", "-quiet", other)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, `has no column \"text\"; name the text column with -text-field`)
	assert.Equal(t, 1, strings.Count(out, "\n"), "one error record: %s", out)

	// The deprecated name still works, and says so.
	code, _, stderr = classifyCmd(t, "", "-quiet", "-field", "body", "-id-field", "doc", other)
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "-field is deprecated; use -text-field")
}

func TestEvalMissingGold(t *testing.T) {
	code, _, stderr := classifyCmd(t, "", "-eval", filepath.Join(t.TempDir(), "none.jsonl"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "none.jsonl: no such file or directory")
	assert.NotContains(t, stderr, "bad records")
}

// -min-confidence marks, and only marks, the sentences whose label has a
// lower probability; the label itself is kept.
func TestMinConfidence(t *testing.T) {
	code, plain, stderr := classifyCmd(t, "", "-quiet", articlePath)
	require.Equal(t, 0, code, stderr)
	code, out, stderr := classifyCmd(t, "", "-quiet", "-min-confidence", "0.999", articlePath)
	require.Equal(t, 0, code, stderr)
	marked := 0
	outLines := strings.Split(strings.TrimSpace(out), "\n")
	plainLines := strings.Split(strings.TrimSpace(plain), "\n")
	require.Len(t, outLines, len(plainLines))
	for i, line := range outLines {
		var r struct {
			Label     string
			Scores    map[string]float64
			Uncertain bool
		}
		require.NoError(t, json.Unmarshal([]byte(line), &r))
		assert.Equal(t, r.Scores[r.Label] < 0.999, r.Uncertain, line)
		if r.Uncertain {
			marked++
			assert.Equal(t, strings.TrimSuffix(plainLines[i], "}")+`,"uncertain":true}`, line, "only the flag is added")
		} else {
			assert.Equal(t, plainLines[i], line)
		}
	}
	assert.Positive(t, marked)
	assert.Less(t, marked, len(outLines))

	code, out, stderr = classifyCmd(t, "", "-quiet", "-min-confidence", "0.999", "-format", "csv", articlePath)
	require.Equal(t, 0, code, stderr)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, "uncertain", rows[0][6])
	assert.Equal(t, marked, strings.Count(out, ",true,"))

	code, out, stderr = classifyCmd(t, "", "-eval", goldPath, "-bootstrap", "0", "-min-confidence", "0.9", "-report", "json")
	require.Equal(t, 0, code, stderr)
	var rep struct {
		Coverage struct {
			Floor, Coverage, Accuracy float64
			Curve                     []struct{ Coverage float64 } `json:"risk_coverage"`
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, 0.9, rep.Coverage.Floor)
	assert.Positive(t, rep.Coverage.Coverage)
	assert.NotEmpty(t, rep.Coverage.Curve)

	code, _, stderr = classifyCmd(t, "", "-min-confidence", "1.5", articlePath)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "-min-confidence 1.5: want a probability in [0, 1]")
}

// -explain speaks of words, cues and neighbours, not of model internals.
func TestExplainInWords(t *testing.T) {
	code, out, stderr := classifyCmd(t, "", "-quiet", "-explain", "4", articlePath)
	require.Equal(t, 0, code, stderr)
	type reason struct {
		Feature, Why string
		Weight       float64
		Because      []reason
	}
	context := 0
	var check func(rs []reason)
	check = func(rs []reason) {
		for _, r := range rs {
			assert.NotEmpty(t, r.Why, "%s has no words", r.Feature)
			assert.NotContains(t, r.Why, "stack", r.Feature)
			assert.NotContains(t, r.Why, "p(", r.Feature)
			assert.Positive(t, r.Weight)
			if strings.Contains(r.Why, "sentence") || strings.Contains(r.Why, "paragraph") {
				context++
			}
			check(r.Because)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct{ Explain []reason }
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		require.NotEmpty(t, rec.Explain)
		check(rec.Explain)
	}
	assert.Positive(t, context, "some reason names the context")
}

// The evaluation report names the model and the command that made it.
func TestEvalReportNamesTheModel(t *testing.T) {
	code, out, stderr := classifyCmd(t, "", "-eval", goldPath, "-bootstrap", "0", "-report", "html")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "embedded default (newsmodel/news.stkm)")
	assert.Contains(t, out, "corpus SHA-256")
	assert.Contains(t, out, "classify -eval "+goldPath+" -bootstrap 0 -report html")
}

// Issue 13 item 3: an article over the size limit (-max-record, default
// corpus.DefaultMaxRecord) is an error record naming its file and line,
// and the run goes on.
func TestOversizeArticle(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	require.NoError(t, os.WriteFile(big, []byte(strings.Repeat("The council met. ", 20)), 0o644))
	jsonl := filepath.Join(dir, "mixed.jsonl")
	require.NoError(t, os.WriteFile(jsonl, []byte(`{"id": "small", "text": "Rain fell."}`+"\n"+
		`{"id": "large", "text": "`+strings.Repeat("Rain fell. ", 20)+`"}`+"\n"), 0o644))
	code, out, stderr := classifyCmd(t, "", "-quiet", "-max-record", "200", big, jsonl)
	assert.Equal(t, 1, code, stderr)
	type rec struct {
		Article, Error, File string
		Line                 int
	}
	var errs []rec
	articles := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r rec
		require.NoError(t, json.Unmarshal([]byte(line), &r), line)
		articles[r.Article] = true
		if r.Error != "" {
			errs = append(errs, r)
		}
	}
	require.Len(t, errs, 2)
	assert.Equal(t, rec{Article: big, File: big, Line: 1, Error: "record larger than the limit (200 bytes)"}, errs[0])
	assert.Equal(t, jsonl, errs[1].File)
	assert.Equal(t, 2, errs[1].Line)
	assert.Contains(t, errs[1].Error, "record larger than the limit (200 bytes)")
	assert.True(t, articles["small"], "the run goes on after an oversize record")

	code, _, stderr = classifyCmd(t, "", "-max-record", "0", big)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "-max-record 0")
}

// Quote records carry an attribution, whose offsets slice the article's
// text; -attribution=false leaves it out.
func TestAttributionOutput(t *testing.T) {
	raw, err := os.ReadFile(articlePath)
	require.NoError(t, err)
	code, out, stderr := classifyCmd(t, "", "-quiet", articlePath)
	require.Equal(t, 0, code, stderr)
	quotes := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct {
			Label       string
			Attribution *struct {
				Speaker                  string
				SpeakerStart, SpeakerEnd int `json:"-"`
				Mention, Cue             string
				MS                       int `json:"mention_start"`
				ME                       int `json:"mention_end"`
				SS                       int `json:"speaker_start"`
				SE                       int `json:"speaker_end"`
			}
		}
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		if rec.Label != "quote" {
			assert.Nil(t, rec.Attribution, line)
			continue
		}
		quotes++
		require.NotNil(t, rec.Attribution, line)
		if a := rec.Attribution; a.Speaker != "" {
			assert.Equal(t, a.Speaker, string(raw[a.SS:a.SE]))
		}
		if a := rec.Attribution; a.Mention != "" {
			assert.Equal(t, a.Mention, string(raw[a.MS:a.ME]))
		}
	}
	require.Positive(t, quotes, "the example article has quotes")
	code, out, stderr = classifyCmd(t, "", "-quiet", "-attribution=false", articlePath)
	require.Equal(t, 0, code, stderr)
	assert.NotContains(t, out, `"attribution"`)
}

// -eval on a gold file with attribution fields reports them under
// "attribution" (figures as in BENCHMARKS.md); -attribution=false drops
// the section.
func TestEvalAttribution(t *testing.T) {
	const gold = "../testdata/attribution/gold.jsonl"
	code, out, stderr := classifyCmd(t, "", "-eval", gold, "-report", "json", "-bootstrap", "0")
	require.Equal(t, 0, code, stderr)
	var rep struct {
		Attribution *struct {
			Quotes       int     `json:"quotes"`
			SpeakerHead  float64 `json:"speaker_head"`
			SpeakerExact float64 `json:"speaker_exact"`
			Cue          struct {
				Exact struct{ F1 float64 } `json:"exact"`
			} `json:"cue"`
			GoldLabels *struct {
				Quotes      int     `json:"quotes"`
				Predicted   int     `json:"predicted"`
				SpeakerHead float64 `json:"speaker_head"`
			} `json:"gold_labels"`
		} `json:"attribution"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	require.NotNil(t, rep.Attribution)
	assert.Equal(t, 23, rep.Attribution.Quotes)
	// A floor, not the figure: the rules may improve, not regress.
	assert.GreaterOrEqual(t, rep.Attribution.SpeakerHead, 0.8)
	assert.GreaterOrEqual(t, rep.Attribution.Cue.Exact.F1, 0.95)
	// Given the gold labels every gold quote is attributed, and the rules
	// do at least as well as with the model's labels.
	require.NotNil(t, rep.Attribution.GoldLabels)
	assert.Equal(t, 23, rep.Attribution.GoldLabels.Quotes)
	assert.Equal(t, 23, rep.Attribution.GoldLabels.Predicted)
	assert.GreaterOrEqual(t, rep.Attribution.GoldLabels.SpeakerHead, rep.Attribution.SpeakerHead)

	code, out, stderr = classifyCmd(t, "", "-eval", gold, "-report", "json", "-bootstrap", "0", "-attribution=false")
	require.Equal(t, 0, code, stderr)
	assert.NotContains(t, out, `"attribution"`)
}

// Flags may follow the inputs, as users type them; after "--" every
// argument is an input, even one that starts with "-".
func TestFlagsAfterInputs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jsonl")
	code, stdout, stderr := classifyCmd(t, "", articlePath, "-o", out, "-quiet")
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stdout)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, 12, strings.Count(string(got), "\n"), "the article's 12 sentences went to -o")

	code, stdout, stderr = classifyCmd(t, "", "-quiet", "--", "-no-such-file")
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, stdout, `"file":"-no-such-file"`, "after -- a dash name is an input")

	code, _, stderr = classifyCmd(t, "", articlePath, "-eval", goldPath)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "-eval takes no inputs")
}
