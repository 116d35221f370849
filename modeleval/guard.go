package modeleval

import (
	"bytes"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/models"
)

// TB is the part of testing.TB that RequireFloors uses (*testing.T and
// *testing.B satisfy it).
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Floors are the lowest scores a model may have on a gold corpus before a
// regression test fails. Zero floors are not checked.
type Floors struct {
	MacroF1 float64
	Recall  map[string]float64 // per label
	F1      map[string]float64 // per label
}

// RequireFloors evaluates m on the gold articles and fails t, with the
// per-class table, when macro-F1 or a label's recall or F1 is below its
// floor. It returns the report for further checks.
func RequireFloors(t TB, m *models.Model, gold []*corpus.Article, f Floors) *eval.Report {
	t.Helper()
	items, err := EvalItems(m, gold, "", 0)
	if err != nil {
		t.Fatalf("modeleval: %v", err)
	}
	rep := eval.Evaluate(m.Labels, items, eval.Options{})
	var fails []string
	if rep.Macro.F1 < f.MacroF1 {
		fails = append(fails, fmt.Sprintf("macro-F1 %.4f < floor %.4f", rep.Macro.F1, f.MacroF1))
	}
	check := func(kind string, floors map[string]float64, get func(eval.ClassMetrics) float64) {
		labels := make([]string, 0, len(floors))
		for l := range floors {
			labels = append(labels, l)
		}
		sort.Strings(labels)
		for _, l := range labels {
			c, ok := rep.Classes.Class(l)
			if !ok {
				fails = append(fails, fmt.Sprintf("label %q has a %s floor but is not among the model's labels %v", l, kind, m.Labels))
				continue
			}
			if v := get(c); v < floors[l] {
				fails = append(fails, fmt.Sprintf("%s %s %.4f < floor %.4f", l, kind, v, floors[l]))
			}
		}
	}
	check("recall", f.Recall, func(c eval.ClassMetrics) float64 { return c.Recall })
	check("F1", f.F1, func(c eval.ClassMetrics) float64 { return c.F1 })
	if len(fails) > 0 {
		var b bytes.Buffer
		rep.WriteText(&b)
		t.Errorf("modeleval: below the floors:\n  %s\n\n%s", joinLines(fails), b.String())
	}
	return rep
}

func joinLines(s []string) string {
	var b bytes.Buffer
	for i, x := range s {
		if i > 0 {
			b.WriteString("\n  ")
		}
		b.WriteString(x)
	}
	return b.String()
}

// ReportBenchmark classifies the gold articles b.N times on one goroutine
// and reports sentences/s, MB/s and the macro-F1 through b.ReportMetric, so
// that benchstat can compare two models' speed and score side by side.
func ReportBenchmark(b *testing.B, m *models.Model, gold []*corpus.Article) {
	b.Helper()
	var sentences, bytes int
	for _, a := range gold {
		sentences += len(a.Sentences)
		bytes += len(a.Text)
	}
	items, err := EvalItems(m, gold, "", 1)
	if err != nil {
		b.Fatalf("modeleval: %v", err)
	}
	f1 := eval.Evaluate(m.Labels, items, eval.Options{}).Macro.F1
	ws := m.NewWorkspace()
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		for _, a := range gold {
			ws.Predict(a)
		}
	}
	el := time.Since(start).Seconds()
	b.ReportMetric(float64(sentences*b.N)/el, "sentences/s")
	b.ReportMetric(f1, "macro-F1")
}
