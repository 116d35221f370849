package eval_test

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"

	"gonum.org/v1/plot/vg"

	"github.com/stancekit/stancekit/eval"
)

var labels = []string{"appeal", "fact", "opinion", "quote"}

// items are the predictions of a made-up model on two short articles.
func items() []eval.Item {
	return []eval.Item{
		{Article: "a1", Sentence: 0, Text: "The council met on Monday.", Gold: 1, Pred: 1, Probs: []float64{0.05, 0.85, 0.05, 0.05}, Group: "agency"},
		{Article: "a1", Sentence: 1, Text: `"We will act," the mayor said.`, Gold: 3, Pred: 3, Probs: []float64{0.1, 0.1, 0.1, 0.7}, Group: "agency"},
		{Article: "a1", Sentence: 2, Text: "The plan is a disgrace.", Gold: 2, Pred: 1, Probs: []float64{0.1, 0.6, 0.25, 0.05}, Group: "agency"},
		{Article: "a2", Sentence: 0, Text: "Sign the petition today.", Gold: 0, Pred: 0, Probs: []float64{0.55, 0.15, 0.2, 0.1}, Group: "tabloid"},
		{Article: "a2", Sentence: 1, Text: "Prices rose by 3%.", Gold: 1, Pred: 1, Probs: []float64{0.02, 0.9, 0.05, 0.03}, Group: "tabloid"},
		{Article: "a2", Sentence: 2, Text: "It is time to wake up.", Gold: 0, Pred: 2, Probs: []float64{0.3, 0.05, 0.5, 0.15}, Group: "tabloid"},
	}
}

func ExampleEvaluate() {
	// Both articles have two of three sentences right, so every bootstrap
	// sample of articles scores 2/3 and the interval is a point.
	r := eval.Evaluate(labels, items(), eval.Options{Bootstrap: 1000, Seed: 1, Errors: 1})
	fmt.Printf("accuracy %.3f, 95%% CI [%.3f, %.3f] over %d articles\n", r.Accuracy, r.CI.Accuracy.Lo, r.CI.Accuracy.Hi, r.CI.Articles)
	fmt.Printf("macro F1 %.3f, kappa %.3f, MCC %.3f\n", r.Macro.F1, r.Kappa, r.MCC)
	fact, _ := r.Classes.Class("fact")
	fmt.Printf("fact: P %.3f R %.3f F1 %.3f support %d\n", fact.Precision, fact.Recall, fact.F1, fact.Support)
	fmt.Printf("ECE %.3f\n", r.Calibration.ECE)
	e := r.Errors[0]
	fmt.Printf("most confident error: %q (%s, not %s, p=%.2f), after %q\n", e.Text, e.Pred, e.Gold, e.PredProb, e.Prev)
	// Output:
	// accuracy 0.667, 95% CI [0.667, 0.667] over 2 articles
	// macro F1 0.617, kappa 0.538, MCC 0.560
	// fact: P 0.667 R 1.000 F1 0.800 support 2
	// ECE 0.200
	// most confident error: "The plan is a disgrace." (fact, not opinion, p=0.60), after "\"We will act,\" the mayor said."
}

func ExampleNewConfusion() {
	c := eval.NewConfusion([]string{"fact", "opinion"})
	c.Add(0, 0) // gold fact, predicted fact
	c.Add(0, 1)
	c.Add(1, 1)
	c.Add(1, 1)
	m := c.Metrics(1)
	fmt.Println(c.Counts)
	fmt.Printf("accuracy %.2f, opinion precision %.3f, recall %.1f\n", m.Accuracy, m.Classes[1].Precision, m.Classes[1].Recall)
	// Output:
	// [[1 1] [0 2]]
	// accuracy 0.75, opinion precision 0.667, recall 1.0
}

func ExampleReport_WriteText() {
	r := eval.Evaluate([]string{"fact", "opinion"}, []eval.Item{
		{Gold: 0, Pred: 0}, {Gold: 0, Pred: 1}, {Gold: 1, Pred: 1}, {Gold: 1, Pred: 1},
	}, eval.Options{})
	r.WriteText(os.Stdout)
	// Output:
	// Summary
	// =======
	// metric          value
	// sentences           4
	// accuracy       0.7500
	// macro F1       0.7333
	// weighted F1    0.7333
	// micro F1       0.7500
	// Cohen's kappa  0.5000
	// MCC            0.5774
	//
	// Per class
	// =========
	// label         precision  recall      F1  support  predicted
	// fact             1.0000  0.5000  0.6667        2          1
	// opinion          0.6667  1.0000  0.8000        2          3
	// micro avg        0.7500  0.7500  0.7500        4          4
	// macro avg        0.8333  0.7500  0.7333        4          4
	// weighted avg     0.8333  0.7500  0.7333        4          4
	//
	// Confusion matrix
	// ================
	// Rows are gold labels, columns predicted labels.
	// gold \ pred  fact  opinion  total
	// fact            1        1      2
	// opinion         0        2      2
	// total           1        3      4
	//
	// Confusion matrix, row-normalised
	// ================================
	// Share of each gold label's sentences given each predicted label; the diagonal is recall.
	// gold \ pred    fact  opinion  sentences
	// fact         0.5000   0.5000          2
	// opinion      0.0000   1.0000          2
}

func ExampleReport_WriteMarkdown() {
	r := eval.Evaluate([]string{"fact", "opinion"}, []eval.Item{
		{Gold: 0, Pred: 0}, {Gold: 0, Pred: 1}, {Gold: 1, Pred: 1}, {Gold: 1, Pred: 1},
	}, eval.Options{})
	var b strings.Builder
	r.WriteMarkdown(&b)
	fmt.Print(b.String()[strings.Index(b.String(), "### Per class"):strings.Index(b.String(), "### Confusion")])
	// Output:
	// ### Per class
	//
	// | label | precision | recall | F1 | support | predicted |
	// | --- | ---: | ---: | ---: | ---: | ---: |
	// | fact | 1.0000 | 0.5000 | 0.6667 | 2 | 1 |
	// | opinion | 0.6667 | 1.0000 | 0.8000 | 2 | 3 |
	// | micro avg | 0.7500 | 0.7500 | 0.7500 | 4 | 4 |
	// | macro avg | 0.8333 | 0.7500 | 0.7333 | 4 | 4 |
	// | weighted avg | 0.8333 | 0.7500 | 0.7333 | 4 | 4 |
}

func ExampleReport_WriteJSON() {
	r := eval.Evaluate([]string{"fact", "opinion"}, []eval.Item{{Gold: 0, Pred: 0}, {Gold: 1, Pred: 0}}, eval.Options{})
	r.WriteJSON(os.Stdout)
	// Output:
	// {
	//   "n": 2,
	//   "accuracy": 0.5,
	//   "micro": {
	//     "precision": 0.5,
	//     "recall": 0.5,
	//     "f1": 0.5,
	//     "fbeta": 0.5
	//   },
	//   "macro": {
	//     "precision": 0.25,
	//     "recall": 0.5,
	//     "f1": 0.3333333333333333,
	//     "fbeta": 0.3333333333333333
	//   },
	//   "weighted": {
	//     "precision": 0.25,
	//     "recall": 0.5,
	//     "f1": 0.3333333333333333,
	//     "fbeta": 0.3333333333333333
	//   },
	//   "kappa": 0,
	//   "mcc": 0,
	//   "beta": 1,
	//   "classes": {
	//     "fact": {
	//       "precision": 0.5,
	//       "recall": 1,
	//       "f1": 0.6666666666666666,
	//       "fbeta": 0.6666666666666666,
	//       "support": 1,
	//       "predicted": 2
	//     },
	//     "opinion": {
	//       "precision": 0,
	//       "recall": 0,
	//       "f1": 0,
	//       "fbeta": 0,
	//       "support": 1,
	//       "predicted": 0
	//     }
	//   },
	//   "labels": [
	//     "fact",
	//     "opinion"
	//   ],
	//   "confusion": [
	//     [
	//       1,
	//       0
	//     ],
	//     [
	//       1,
	//       0
	//     ]
	//   ]
	// }
}

func ExampleReport_WriteHTML() {
	r := eval.Evaluate(labels, items(), eval.Options{Bootstrap: 200, Errors: 5})
	r.Title = "stancekit on the sample"
	var page strings.Builder
	if err := r.WriteHTML(&page); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Count(page.String(), "<svg"), "inline plots")
	// Output:
	// 4 inline plots
}

func ExampleFolds() {
	// Three articles, each sentence a unit grouped by its article.
	units := []eval.Unit{
		{Group: "a1", Label: 1}, {Group: "a1", Label: 3},
		{Group: "a2", Label: 1}, {Group: "a2", Label: 0},
		{Group: "a3", Label: 2}, {Group: "a3", Label: 1}, {Group: "a3", Label: 1},
		{Group: "a4", Label: 0},
	}
	rng := eval.NewRand(1) // rand.New(rand.NewPCG(1, 1))
	folds, err := eval.Folds(units, 2, rng)
	if err != nil {
		fmt.Println(err)
		return
	}
	var out []string
	for i, u := range units {
		out = append(out, fmt.Sprintf("%s:%d", u.Group, folds[i]))
	}
	fmt.Println(strings.Join(out, " "))
	_, err = eval.Folds(units, 5, rng)
	fmt.Println(err)
	// Output:
	// a1:1 a1:1 a2:1 a2:1 a3:0 a3:0 a3:0 a4:0
	// eval: cannot make folds: k = 5 but only 4 groups
}

func ExampleCrossValidation() {
	all := items()
	units := make([]eval.Unit, len(all))
	for i, it := range all {
		units[i] = eval.Unit{Group: it.Article, Label: it.Gold}
	}
	assign, err := eval.Folds(units, 2, rand.New(rand.NewPCG(7, 7)))
	if err != nil {
		fmt.Println(err)
		return
	}
	folds := []eval.Fold{{Index: 0}, {Index: 1}}
	for i, f := range assign {
		// A real run trains on the other folds and predicts this one.
		folds[f].Items = append(folds[f].Items, all[i])
	}
	r := eval.EvaluateFolds(labels, folds, eval.Options{})
	for _, f := range r.Folds {
		fmt.Printf("fold %d: n %d accuracy %.3f macro F1 %.3f\n", f.Fold, f.N, f.Accuracy, f.MacroF1)
	}
	s := r.FoldsSummary
	fmt.Printf("accuracy %.3f ± %.3f, pooled %.3f\n", s.Accuracy.Mean, s.Accuracy.Std, r.Accuracy)
	// Output:
	// fold 0: n 3 accuracy 0.667 macro F1 0.417
	// fold 1: n 3 accuracy 0.667 macro F1 0.417
	// accuracy 0.667 ± 0.000, pooled 0.667
}

func ExampleCompare() {
	a := items()
	b := items()
	b[2].Pred = 2 // B gets the opinion right
	b[5].Pred = 0 // and the appeal
	c := eval.Compare(labels, a, b, 1000, rand.New(rand.NewPCG(1, 1)))
	fmt.Printf("accuracy %.3f → %.3f (%+.3f), 95%% CI [%.3f, %.3f], p = %.3f\n",
		c.Accuracy.A, c.Accuracy.B, c.Accuracy.Diff, c.Accuracy.CI.Lo, c.Accuracy.CI.Hi, c.Accuracy.P)
	fmt.Printf("McNemar: %d vs %d, exact %v, p = %.2f\n", c.McNemar.OnlyA, c.McNemar.OnlyB, c.McNemar.Exact, c.McNemar.P)
	// Output:
	// accuracy 0.667 → 1.000 (+0.333), 95% CI [0.333, 0.333], p = 0.002
	// McNemar: 0 vs 2, exact true, p = 0.50
}

func ExampleMcNemarTest() {
	m := eval.McNemarTest(10, 25)
	fmt.Printf("exact %v, χ² %.2f, p %.4f\n", m.Exact, m.Statistic, m.P)
	// Output:
	// exact false, χ² 5.60, p 0.0180
}

func ExampleLearningCurve() {
	c := eval.NewLearningCurve("macro_f1")
	c.Add(500, 0.61, 0.64, 0.62)
	c.Add(1000, 0.68, 0.70, 0.69)
	for _, p := range c.Points {
		fmt.Printf("%d: %.3f ± %.3f\n", p.TrainSize, p.Mean, p.Std)
	}
	p, err := c.Plot()
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := p.WriterTo(5*vg.Inch, 3*vg.Inch, "png") // or "svg", "pdf"
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = w.WriteTo(io.Discard) // a file in real use
	fmt.Println(err)
	// Output:
	// 500: 0.623 ± 0.015
	// 1000: 0.690 ± 0.010
	// <nil>
}

func ExampleConfusion_Plot() {
	r := eval.Evaluate(labels, items(), eval.Options{})
	p, err := r.Confusion.Plot()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title.Text)
	// Output:
	// Confusion matrix (colour: share of gold row)
}

func ExampleComparison_WriteText() {
	a := items()
	b := items()
	b[2].Pred = 2
	eval.Compare(labels, a, b, 0, nil).WriteText(os.Stdout)
	// Output:
	// Comparison (B − A)
	// ==================
	// McNemar (6 sentences): 0 right only by A, 1 only by B, exact binomial, p = 1.0000.
	// metric         A       B   B − A  95% CI  p
	// accuracy  0.6667  0.8333  0.1667
	// macro F1  0.6167  0.8333  0.2167
}
