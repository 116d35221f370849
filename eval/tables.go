package eval

import (
	"fmt"
	"slices"
	"strconv"
)

// table is one section of a report, rendered alike as text, Markdown and
// HTML so that the three formats cannot drift apart.
type table struct {
	ID    string // HTML anchor
	Title string
	Note  string
	Head  []string
	Rows  [][]string
	Left  int   // leading columns aligned left; the others hold numbers
	Texts []int // further columns aligned left
}

// IsLeft tells whether column j is aligned left (exported for the HTML
// template).
func (t table) IsLeft(j int) bool { return j < t.Left || slices.Contains(t.Texts, j) }

func f4(x float64) string { return strconv.FormatFloat(finite(x), 'f', 4, 64) }
func itoa(n int) string   { return strconv.Itoa(n) }

func interval(iv Interval) string { return "[" + f4(iv.Lo) + ", " + f4(iv.Hi) + "]" }

// tables returns the sections of r in report order, without error analysis.
func (r *Report) tables() []table {
	var ts []table
	if len(r.About) > 0 {
		ts = append(ts, r.aboutTable())
	}
	ts = append(ts, r.summaryTable(), r.classTable(), r.confusionTable())
	if r.Confusion != nil && r.N > 0 {
		ts = append(ts, r.confusionRowsTable())
	}
	if r.FoldsSummary != nil {
		ts = append(ts, r.foldTable())
	}
	if r.Calibration != nil {
		ts = append(ts, r.calibrationTable())
	}
	if r.Coverage != nil {
		ts = append(ts, r.coverageTable())
	}
	if len(r.Groups) > 0 {
		ts = append(ts, r.groupTable())
	}
	if r.Curve != nil && len(r.Curve.Points) > 0 {
		ts = append(ts, r.curveTable())
	}
	if r.Attribution != nil {
		ts = append(ts, r.attributionTable())
		if r.Attribution.GoldLabels != nil {
			ts = append(ts, r.attributionGoldTable())
		}
	}
	return ts
}

func (r *Report) summaryTable() table {
	t := table{ID: "summary", Title: "Summary", Head: []string{"metric", "value"}, Left: 1}
	ci := func(f func(*CI) Interval) string {
		if r.CI == nil {
			return ""
		}
		return interval(f(r.CI))
	}
	if r.CI != nil {
		t.Head = append(t.Head, fmt.Sprintf("%g%% CI", 100*r.CI.Level))
		t.Note = fmt.Sprintf("Percentile bootstrap, %d samples of %d articles.", r.CI.Samples, r.CI.Articles)
	}
	row := func(name, value, iv string) {
		rw := []string{name, value}
		if r.CI != nil {
			rw = append(rw, iv)
		}
		t.Rows = append(t.Rows, rw)
	}
	row("sentences", itoa(r.N), "")
	row("accuracy", f4(r.Accuracy), ci(func(c *CI) Interval { return c.Accuracy }))
	row("macro F1", f4(r.Macro.F1), ci(func(c *CI) Interval { return c.MacroF1 }))
	row("weighted F1", f4(r.Weighted.F1), "")
	row("micro F1", f4(r.Micro.F1), "")
	row("Cohen's kappa", f4(r.Kappa), "")
	row("MCC", f4(r.MCC), "")
	if r.FoldsSummary != nil {
		fs := r.FoldsSummary
		folds := itoa(fs.Folds)
		if fs.Repeats > 1 {
			folds = fmt.Sprintf("%d (%d repeats)", fs.Folds, fs.Repeats)
		}
		row("folds", folds, "")
	}
	return t
}

func (r *Report) classTable() table {
	fb := r.Beta != 0 && r.Beta != 1
	t := table{ID: "classes", Title: "Per class", Head: []string{"label", "precision", "recall", "F1"}, Left: 1}
	if fb {
		t.Head = append(t.Head, fmt.Sprintf("F%g", r.Beta))
	}
	perClassCI := r.CI != nil && len(r.CI.ClassF1) == len(r.Classes)
	if perClassCI {
		t.Head = append(t.Head, fmt.Sprintf("F1 %g%% CI", 100*r.CI.Level))
		t.Note = "F1 intervals: percentile bootstrap over articles (the Summary's samples)."
	}
	t.Head = append(t.Head, "support", "predicted")
	row := func(name string, p, rc, f1, fbv float64, iv string, support, pred int) {
		rw := []string{name, f4(p), f4(rc), f4(f1)}
		if fb {
			rw = append(rw, f4(fbv))
		}
		if perClassCI {
			rw = append(rw, iv)
		}
		t.Rows = append(t.Rows, append(rw, itoa(support), itoa(pred)))
	}
	for i, c := range r.Classes {
		iv := ""
		if perClassCI {
			iv = interval(r.CI.ClassF1[i])
		}
		row(c.Label, c.Precision, c.Recall, c.F1, c.FBeta, iv, c.Support, c.Predicted)
	}
	for _, a := range []struct {
		name string
		avg  Average
	}{{"micro avg", r.Micro}, {"macro avg", r.Macro}, {"weighted avg", r.Weighted}} {
		iv := ""
		if perClassCI && a.name == "macro avg" {
			iv = interval(r.CI.MacroF1)
		}
		row(a.name, a.avg.Precision, a.avg.Recall, a.avg.F1, a.avg.FBeta, iv, r.N, r.N)
	}
	return t
}

func (r *Report) confusionTable() table {
	t := table{ID: "confusion", Title: "Confusion matrix", Note: "Rows are gold labels, columns predicted labels.",
		Head: append(append([]string{"gold \\ pred"}, r.Labels...), "total"), Left: 1}
	if r.Confusion == nil {
		return t
	}
	for i, row := range r.Confusion.Counts {
		rw := []string{r.Labels[i]}
		for _, v := range row {
			rw = append(rw, itoa(v))
		}
		t.Rows = append(t.Rows, append(rw, itoa(r.Confusion.Gold(i))))
	}
	total := []string{"total"}
	for i := range r.Labels {
		total = append(total, itoa(r.Confusion.Predicted(i)))
	}
	t.Rows = append(t.Rows, append(total, itoa(r.Confusion.N())))
	return t
}

// confusionRowsTable is the confusion matrix with each gold row divided
// by its total: the diagonal is each label's recall, the rest where its
// sentences went.
func (r *Report) confusionRowsTable() table {
	t := table{ID: "confusion-rows", Title: "Confusion matrix, row-normalised",
		Note: "Share of each gold label's sentences given each predicted label; the diagonal is recall.",
		Head: append(append([]string{"gold \\ pred"}, r.Labels...), "sentences"), Left: 1}
	for i, row := range r.Confusion.Counts {
		rw := []string{r.Labels[i]}
		g := float64(r.Confusion.Gold(i))
		for _, v := range row {
			rw = append(rw, f4(div(float64(v), g)))
		}
		t.Rows = append(t.Rows, append(rw, itoa(r.Confusion.Gold(i))))
	}
	return t
}

// aboutTable says what made the report: the model and the command.
func (r *Report) aboutTable() table {
	t := table{ID: "about", Title: "Model and run", Head: []string{"", ""}, Left: 2}
	for _, f := range r.About {
		t.Rows = append(t.Rows, []string{f.Key, f.Value})
	}
	return t
}

func (r *Report) foldTable() table {
	t := table{ID: "folds", Title: "Cross-validation folds",
		Note: "Each fold scored alone; mean and sample standard deviation over folds.",
		Head: []string{"repeat", "fold", "n", "accuracy", "macro F1", "weighted F1", "kappa", "MCC"}, Left: 0}
	for _, f := range r.Folds {
		t.Rows = append(t.Rows, []string{itoa(f.Repeat), itoa(f.Fold), itoa(f.N),
			f4(f.Accuracy), f4(f.MacroF1), f4(f.WeightedF1), f4(f.Kappa), f4(f.MCC)})
	}
	s := r.FoldsSummary
	t.Rows = append(t.Rows,
		[]string{"mean", "", "", f4(s.Accuracy.Mean), f4(s.MacroF1.Mean), f4(s.WeightedF1.Mean), f4(s.Kappa.Mean), f4(s.MCC.Mean)},
		[]string{"std", "", "", f4(s.Accuracy.Std), f4(s.MacroF1.Std), f4(s.WeightedF1.Std), f4(s.Kappa.Std), f4(s.MCC.Std)})
	return t
}

func (r *Report) calibrationTable() table {
	c := r.Calibration
	t := table{ID: "calibration", Title: "Calibration",
		Note: fmt.Sprintf("ECE %s, MCE %s, Brier %s over %d sentences with probabilities (confidence = largest probability).",
			f4(c.ECE), f4(c.MCE), f4(c.Brier), c.N),
		Head: []string{"confidence bin", "sentences", "mean confidence", "accuracy", "gap"}, Left: 1}
	for _, b := range c.Bins {
		row := []string{fmt.Sprintf("%.2f–%.2f", b.Lo, b.Hi), itoa(b.Count), "–", "–", "–"}
		if b.Count > 0 { // an empty bin has no confidence to show, whatever JSON's 0 says
			row[2], row[3], row[4] = f4(b.Confidence), f4(b.Accuracy), f4(b.Accuracy-b.Confidence)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func (r *Report) groupTable() table {
	t := table{ID: "groups", Title: "Per group",
		Head: []string{"group", "n", "accuracy", "macro P", "macro R", "macro F1", "weighted F1", "kappa", "MCC"}, Left: 1}
	for _, g := range r.Groups {
		t.Rows = append(t.Rows, []string{g.Name, itoa(g.N), f4(g.Accuracy), f4(g.Macro.Precision),
			f4(g.Macro.Recall), f4(g.Macro.F1), f4(g.Weighted.F1), f4(g.Kappa), f4(g.MCC)})
	}
	return t
}

func (r *Report) curveTable() table {
	c := r.Curve
	t := table{ID: "curve", Title: "Learning curve", Note: "Metric: " + c.Metric + ".",
		Head: []string{"train size", "mean", "std", "runs"}}
	for _, p := range c.Points {
		t.Rows = append(t.Rows, []string{itoa(p.TrainSize), f4(p.Mean), f4(p.Std), itoa(p.Runs)})
	}
	return t
}
