package eval

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	update  = flag.Bool("update", false, "rewrite the golden files in testdata/eval")
	htmlOut = flag.String("html", "", "also write the sample HTML report to this file (to look at in a browser)")
)

const goldenDir = "../testdata/eval"

// sampleReport is a report with every part: intervals, calibration, groups,
// errors and a learning curve.
func sampleReport() *Report {
	items := synthItems(21, 12)
	r := Evaluate(testLabels, items, Options{Bootstrap: 200, Seed: 1, Errors: 3, Beta: 0.5})
	r.Title = "stancekit: sample evaluation"
	r.Curve = NewLearningCurve("macro_f1")
	r.Curve.Add(100, 0.41, 0.45, 0.43)
	r.Curve.Add(200, 0.52, 0.55, 0.50)
	r.Curve.Add(400, 0.60, 0.63, 0.61)
	r.Curve.Add(800, 0.66, 0.67, 0.69)
	return r
}

// sampleCV is a 3-fold cross-validation report on article folds.
func sampleCV() *Report {
	items := synthItems(22, 15)
	assign, err := Folds(unitsOf(items), 3, seeded(5))
	if err != nil {
		panic(err)
	}
	folds := make([]Fold, 3)
	for i, f := range assign {
		folds[f].Index = f
		folds[f].Items = append(folds[f].Items, items[i])
	}
	for i := range folds {
		for j := range folds[i].Items {
			folds[i].Items[j].Group = ""
		}
	}
	return CrossValidation(testLabels, folds, Options{})
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./eval -update to create the golden files")
	if filepath.Ext(name) == ".json" {
		// Numbers may differ in the last bits where a platform fuses
		// multiply-adds; compare them with a tolerance.
		var w, g any
		require.NoError(t, json.Unmarshal(want, &w))
		require.NoError(t, json.Unmarshal(got, &g))
		jsonClose(t, w, g, name)
		return
	}
	assert.Equal(t, string(want), string(got), "%s differs; run go test ./eval -update after checking the change", name)
}

func jsonClose(t *testing.T, want, got any, path string) {
	t.Helper()
	switch w := want.(type) {
	case float64:
		g, ok := got.(float64)
		require.True(t, ok, "%s: want a number, got %v", path, got)
		assert.InDelta(t, w, g, 1e-12, path)
	case []any:
		g, ok := got.([]any)
		require.True(t, ok && len(g) == len(w), "%s: want %d elements, got %v", path, len(w), got)
		for i := range w {
			jsonClose(t, w[i], g[i], fmt.Sprintf("%s[%d]", path, i))
		}
	case map[string]any:
		g, ok := got.(map[string]any)
		require.True(t, ok, "%s: want an object, got %v", path, got)
		assert.ElementsMatch(t, keys(w), keys(g), path)
		for k := range w {
			if _, ok := g[k]; ok {
				jsonClose(t, w[k], g[k], path+"."+k)
			}
		}
	default:
		assert.Equal(t, want, got, path)
	}
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    *Report
	}{{"sample", sampleReport()}, {"cv", sampleCV()}} {
		t.Run(tc.name, func(t *testing.T) {
			for _, f := range []struct {
				ext   string
				write func(*Report, *bytes.Buffer) error
			}{
				{".txt", func(r *Report, b *bytes.Buffer) error { return r.WriteText(b) }},
				{".md", func(r *Report, b *bytes.Buffer) error { return r.WriteMarkdown(b) }},
				{".json", func(r *Report, b *bytes.Buffer) error { return r.WriteJSON(b) }},
			} {
				var b bytes.Buffer
				require.NoError(t, f.write(tc.r, &b))
				golden(t, tc.name+f.ext, b.Bytes())
			}
		})
	}
}

func TestHTML(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, sampleReport().WriteHTML(&b))
	page := b.String()
	assert.True(t, strings.HasPrefix(page, "<!DOCTYPE html>"))
	assert.Equal(t, 5, strings.Count(page, "<svg"), "confusion, classes, reliability, risk–coverage, learning curve")
	for _, want := range []string{"Confusion matrix", "Per class", "Calibration", "Per group", "Learning curve", "Errors (3 of"} {
		assert.Contains(t, page, want)
	}
	assert.NotContains(t, page, "<?xml", "SVG is inlined without its prelude")
	assert.NotContains(t, page, "NaN")
	for _, ext := range []string{"src=\"http", "href=\"http", "@import"} {
		assert.NotContains(t, page, ext, "self-contained")
	}
	if *htmlOut != "" {
		require.NoError(t, os.WriteFile(*htmlOut, b.Bytes(), 0o644))
		var cv bytes.Buffer
		require.NoError(t, sampleCV().WriteHTML(&cv))
		require.NoError(t, os.WriteFile(strings.TrimSuffix(*htmlOut, ".html")+"-cv.html", cv.Bytes(), 0o644))
	}
}

func TestHTMLEscapes(t *testing.T) {
	items := []Item{{Article: "<a>", Text: `<script>alert("x")</script>`, Gold: 0, Pred: 1}}
	r := Evaluate([]string{"<b>", "q&a"}, items, Options{Errors: 1})
	var b bytes.Buffer
	require.NoError(t, r.WriteHTML(&b))
	assert.NotContains(t, b.String(), "<script>")
	assert.NotContains(t, b.String(), "<b><b></b>")
	assert.Contains(t, b.String(), "<b>&lt;b&gt;</b>")
	assert.Contains(t, b.String(), "&lt;script&gt;")
}

// TestJSONContract pins the field names other tools rely on.
func TestJSONContract(t *testing.T) {
	for _, r := range []*Report{sampleReport(), sampleCV()} {
		var b bytes.Buffer
		require.NoError(t, r.WriteJSON(&b))
		var m map[string]any
		require.NoError(t, json.Unmarshal(b.Bytes(), &m))
		for _, k := range []string{"n", "accuracy", "macro", "weighted", "labels", "classes", "confusion"} {
			assert.Contains(t, m, k)
		}
		for _, avg := range []string{"macro", "weighted"} {
			assert.ElementsMatch(t, []string{"precision", "recall", "f1", "fbeta"}, keys(m[avg].(map[string]any)))
		}
		assert.Equal(t, []any{"appeal", "fact", "opinion", "quote"}, m["labels"])
		classes := m["classes"].(map[string]any)
		for _, l := range testLabels {
			c := classes[l].(map[string]any)
			for _, k := range []string{"precision", "recall", "f1", "support"} {
				assert.Contains(t, c, k)
			}
		}
		// Class keys in label order in the text itself.
		last := -1
		for _, l := range testLabels {
			i := strings.Index(b.String(), `"`+l+`": {`)
			assert.Greater(t, i, last, l)
			last = i
		}
		conf := m["confusion"].([]any)
		require.Len(t, conf, 4)
		assert.InDelta(t, float64(r.Confusion.Counts[1][2]), conf[1].([]any)[2], 0, "rows gold, columns predicted")
	}
	var b bytes.Buffer
	require.NoError(t, sampleCV().WriteJSON(&b))
	var cv struct {
		Folds []map[string]any `json:"folds"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &cv))
	require.Len(t, cv.Folds, 3)
	assert.Contains(t, cv.Folds[0], "accuracy")
	assert.Contains(t, cv.Folds[0], "macro_f1")
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func TestJSONRoundTrip(t *testing.T) {
	for _, r := range []*Report{sampleReport(), sampleCV(), Evaluate(testLabels, nil, Options{})} {
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back Report
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, r, &back)
	}
	var bad Report
	assert.Error(t, json.Unmarshal([]byte(`{"labels":["a"],"confusion":[]}`), &bad))
	assert.Error(t, json.Unmarshal([]byte(`{"labels":["a"],"confusion":[[1,2]]}`), &bad))
	assert.Error(t, json.Unmarshal([]byte(`{"classes":[1]}`), &bad))
}

// TestEmpty: no items, or no labels at all, still give complete reports
// with no NaN in any format.
func TestEmpty(t *testing.T) {
	for _, r := range []*Report{
		Evaluate(testLabels, nil, Options{Bootstrap: 10, Errors: -1}),
		Evaluate(nil, nil, Options{}),
		CrossValidation(testLabels, []Fold{{}, {}}, Options{}),
	} {
		var out bytes.Buffer
		require.NoError(t, r.WriteJSON(&out))
		require.NoError(t, r.WriteText(&out))
		require.NoError(t, r.WriteMarkdown(&out))
		require.NoError(t, r.WriteHTML(&out))
		assert.NotContains(t, out.String(), "NaN")
		assert.NotContains(t, out.String(), "Inf")
		assert.NotContains(t, out.String(), "null")
	}
}

// TestNoNaN walks every number of the JSON of many small random reports.
func TestNoNaN(t *testing.T) {
	rng := seeded(99)
	for trial := range 200 {
		n := rng.IntN(6)
		k := 1 + rng.IntN(3)
		var items []Item
		for i := range n {
			it := Item{Article: string(rune('a' + rng.IntN(3))), Sentence: i, Gold: rng.IntN(k), Pred: rng.IntN(k)}
			if rng.IntN(2) == 0 {
				it.Probs = make([]float64, k)
				it.Probs[it.Pred] = 1
			}
			items = append(items, it)
		}
		r := Evaluate(testLabels[:k], items, Options{Bootstrap: 5, Seed: uint64(trial), Errors: -1})
		b, err := json.Marshal(r) // fails on NaN or Inf
		require.NoError(t, err, "trial %d", trial)
		var v any
		require.NoError(t, json.Unmarshal(b, &v))
		walkNumbers(t, v)
	}
}

func walkNumbers(t *testing.T, v any) {
	switch v := v.(type) {
	case float64:
		require.False(t, math.IsNaN(v) || math.IsInf(v, 0))
		require.True(t, v >= -1 && v <= 1e9, "%v", v)
	case []any:
		for _, e := range v {
			walkNumbers(t, e)
		}
	case map[string]any:
		for _, e := range v {
			walkNumbers(t, e)
		}
	}
}

func TestEvaluatePanics(t *testing.T) {
	assert.PanicsWithValue(t, "eval: item 0 (a:3): label index out of range: gold 4, pred 0, 4 labels",
		func() { Evaluate(testLabels, []Item{{Article: "a", Sentence: 3, Gold: 4}}, Options{}) })
	assert.PanicsWithValue(t, "eval: item 0 (a:0): 2 probabilities for 4 labels",
		func() { Evaluate(testLabels, []Item{{Article: "a", Probs: []float64{0.5, 0.5}}}, Options{}) })
}

// The HTML report says what made it, draws the F1 intervals as error bars
// and the bins' counts, and uses one typeface for the page and the plots.
func TestHTMLProvenanceAndPlots(t *testing.T) {
	r := sampleReport()
	r.About = []Fact{{"model", "embedded default"}, {"command", "classify -eval <gold>.jsonl"}}
	var b bytes.Buffer
	require.NoError(t, r.WriteHTML(&b))
	page := b.String()
	assert.Contains(t, page, `<section id="about">`)
	assert.Contains(t, page, "<td class=\"l\">embedded default</td>")
	assert.Contains(t, page, "classify -eval &lt;gold&gt;.jsonl", "escaped")
	assert.Contains(t, page, "F1 95% CI")
	assert.Contains(t, page, `<section id="confusion-rows">`)
	fonts := regexp.MustCompile(`font-family:([^;"]+)`).FindAllStringSubmatch(page, -1)
	require.NotEmpty(t, fonts)
	for _, f := range fonts {
		assert.Equal(t, "Liberation Sans", f[1])
	}
	assert.Contains(t, page, `font: 15px/1.45 "Liberation Sans"`)

	var j bytes.Buffer
	require.NoError(t, r.WriteJSON(&j))
	var back Report
	require.NoError(t, json.Unmarshal(j.Bytes(), &back))
	assert.Equal(t, r.About, back.About)
	require.Len(t, back.CI.ClassF1, len(testLabels))
	for i, iv := range back.CI.ClassF1 {
		assert.LessOrEqual(t, iv.Lo, iv.Hi, i)
	}
}
