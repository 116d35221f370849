package bench_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/modeleval"
	"github.com/stancekit/stancekit/models"
)

var (
	subjData      = flag.String("subj-data", filepath.Join("testdata", "subj", "subj.tsv"), "SUBJ data set, label<TAB>sentence (see README.md for how to make it)")
	subjFolds     = flag.String("subj-folds", "", "write the fold of every SUBJ line to this file (for baselines.py --fold-file)")
	subjTable     = flag.Bool("subj-table", false, "TestSUBJTable: cross-validate every model on SUBJ and print the Markdown table")
	subjBaselines = flag.String("subj-baselines", "svm,lr,mnb,fasttext", "with -subj-table: baselines.py models to run on the same folds (empty for none)")
	subjScript    = flag.String("subj-script", "baselines.py", "the baseline script (bench/baselines.py)")
	subjPython    = flag.String("subj-python", "/usr/bin/python3", "Python with python3-sklearn and python3-fasttext")
	subjOne       = flag.String("subj-one", "", "internal to TestSUBJTable: cross-validate this configuration and print the result")
)

// The folds of `train -cv 10 -seed 1`.
const (
	subjK    = 10
	subjSeed = 1
)

// subjConfig is one stancekit trainer in its best SUBJ configuration
// (the search is summarized in README.md), with the train flags that
// reproduce it.
type subjConfig struct {
	name  string
	flags string
	opts  models.Options
}

func subjConfigs() []subjConfig {
	// Sentence-per-line data has no neighbours, so the context stages are off
	// (train turns them off itself), and so is calibration: one temperature
	// rescales the scores without changing any argmax, and fitting it costs
	// five more trainings.
	base := func(model string, f features.Config) models.Options {
		o := models.DefaultOptions()
		o.Model, o.Features = model, f
		o.Stack, o.Sequence, o.Calibrate = false, false, false
		o.Seed, o.Workers = subjSeed, 1
		return o.WithConv(models.ConvOptions{}) // the vector member needs stacking
	}
	words := func(n int, w features.Weighting, normalize bool) features.Config {
		return features.Config{WordNgrams: n, Weighting: w, MinCount: 1, NoNormalize: !normalize}
	}
	mnb := base(models.MNB, words(2, features.Binary, true))
	mnb.Alpha = 0.05
	cnb := base(models.CNB, words(2, features.Binary, true))
	cnb.Alpha = 0.05
	nbsvm := base(models.NBSVM, words(2, features.Binary, false))
	nbsvm.C, nbsvm.Alpha, nbsvm.Beta = 0.1, 1, 0.25
	lrFeatures := words(3, features.TFIDF, true)
	lrFeatures.CharMin, lrFeatures.CharMax = 3, 6
	logreg := base(models.LogReg, lrFeatures)
	logreg.C = 10
	svm := base(models.SVM, words(2, features.TFIDF, true))
	svm.C = 3
	common := "-calibrate=false -cues=false -mincount 1 "
	return []subjConfig{
		{"mnb", common + "-model mnb -alpha 0.05 -ngrams 2 -weighting binary", mnb},
		{"cnb", common + "-model cnb -alpha 0.05 -ngrams 2 -weighting binary", cnb},
		{"nbsvm", common + "-model nbsvm -C 0.1 -alpha 1 -beta 0.25 -ngrams 2 -weighting binary -normalize=false", nbsvm},
		{"logreg", common + "-model logreg -C 10 -ngrams 3 -chars 3-6 -weighting tfidf", logreg},
		{"svm", common + "-model svm -C 3 -ngrams 2 -weighting tfidf", svm},
	}
}

// readSUBJ loads the data set, or skips when it is absent.
func readSUBJ(tb testing.TB) []*corpus.Article {
	tb.Helper()
	if _, err := os.Stat(*subjData); err != nil {
		tb.Skipf("SUBJ data absent (%v): make bench/testdata/subj/subj.tsv as bench/README.md says, or pass -subj-data", err)
	}
	articles, bad, err := corpus.ReadAll([]string{*subjData}, corpus.ReaderOptions{Format: corpus.FormatTSV})
	require.NoError(tb, err)
	require.Empty(tb, bad, "bad records in %s", *subjData)
	return articles
}

// foldsOf returns each article's fold as modeleval.CrossValidate assigns
// it: one unit per sentence grouped by article position, labels indexed in
// sorted order, eval.Folds with a PCG seeded (seed, seed). modeleval does
// not export the assignment; checkFolds guards this copy.
func foldsOf(articles []*corpus.Article, k int, seed uint64) ([]int, error) {
	labels := modeleval.LabelsOf(articles)
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	var units []eval.Unit
	var owner []int
	for ai, a := range articles {
		for _, s := range a.Sentences {
			units = append(units, eval.Unit{Group: fmt.Sprint(ai), Label: index[s.Label]})
			owner = append(owner, ai)
		}
	}
	assign, err := eval.Folds(units, k, rand.New(rand.NewPCG(seed, seed)))
	if err != nil {
		return nil, err
	}
	folds := make([]int, len(articles))
	for u, f := range assign {
		folds[owner[u]] = f
	}
	return folds, nil
}

// checkFolds runs modeleval.CrossValidate with opts and requires that each
// of its test folds holds exactly the articles that folds assigns to it
// (article ids must be unique). It returns CrossValidate's fold scores.
func checkFolds(tb testing.TB, articles []*corpus.Article, folds []int, k int, seed uint64, opts models.Options) []eval.FoldScore {
	tb.Helper()
	got := make([][]string, k)
	rep, err := modeleval.CrossValidate(articles, opts, modeleval.CVOptions{
		Folds: k, Seed: seed, Group: "id",
		// The fold's report breaks its scores down by article id: the
		// group names are the articles of the fold.
		Observe: func(_, f int, r *eval.Report) {
			for _, g := range r.Groups {
				got[f] = append(got[f], g.Name)
			}
		},
	})
	require.NoError(tb, err)
	want := make([][]string, k)
	for ai, a := range articles {
		want[folds[ai]] = append(want[folds[ai]], a.ID)
	}
	for f := range want {
		slices.Sort(want[f])
		slices.Sort(got[f])
		require.Equal(tb, want[f], got[f], "fold %d: articles differ from modeleval.CrossValidate's", f)
	}
	return rep.Folds
}

// writeFolds writes one fold number per article (per line of SUBJ).
func writeFolds(path string, folds []int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, x := range folds {
		fmt.Fprintln(w, x)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// cvResult is a cross-validation's score and cost.
type cvResult struct {
	AccMean, AccStd float64 // % over folds; std is the sample std (n−1)
	TrainPerSec     float64 // training sentences / training time, summed over folds
	PredictPerSec   float64 // test sentences / prediction time (one goroutine)
	PeakBytes       uint64  // peak heap in use (see heapPeak)
	Folds           []eval.FoldScore
}

// crossValidate runs the K-fold cross-validation of modeleval.CrossValidate
// with the given fold per article, timing training and prediction apart:
// training on opts.Workers goroutines, prediction on this one.
func crossValidate(tb testing.TB, articles []*corpus.Article, folds []int, k int, opts models.Options) cvResult {
	tb.Helper()
	labels := modeleval.LabelsOf(articles)
	index := make(map[string]int, len(labels))
	for i, l := range labels {
		index[l] = i
	}
	runtime.GC() // the previous run's garbage is not this one's peak
	stop := heapPeak(10 * time.Millisecond)
	var trainTime, predictTime time.Duration
	var trained, predicted int
	var cv []eval.Fold
	for f := 0; f < k; f++ {
		var train, test []*corpus.Article
		for ai, a := range articles {
			if folds[ai] == f {
				test = append(test, a)
			} else {
				train = append(train, a)
				trained += len(a.Sentences)
			}
		}
		start := time.Now()
		m, err := models.TrainWithLabels(train, labels, opts)
		trainTime += time.Since(start)
		require.NoError(tb, err)

		ws := m.NewWorkspace()
		items := make([]eval.Item, 0, len(test))
		start = time.Now()
		for _, a := range test {
			for i, p := range ws.Predict(a) {
				items = append(items, eval.Item{
					Article: a.ID, Sentence: i, Gold: index[a.Sentences[i].Label],
					Pred: p.Label, Probs: slices.Clone(p.Probs),
				})
			}
		}
		predictTime += time.Since(start)
		predicted += len(items)
		cv = append(cv, eval.Fold{Index: f, Items: items})
	}
	peak := stop()
	rep := eval.EvaluateFolds(labels, cv, eval.Options{})
	return cvResult{
		AccMean: 100 * rep.FoldsSummary.Accuracy.Mean, AccStd: 100 * rep.FoldsSummary.Accuracy.Std,
		TrainPerSec:   float64(trained) / trainTime.Seconds(),
		PredictPerSec: float64(predicted) / predictTime.Seconds(),
		PeakBytes:     peak,
		Folds:         rep.Folds,
	}
}

// heapPeak samples runtime.MemStats.HeapInuse (bytes in in-use heap spans:
// live objects plus not yet collected garbage, without freed spans kept
// for reuse) every interval until the returned function is called, and
// returns the largest sample. A short peak between two samples is missed.
func heapPeak(interval time.Duration) (stop func() uint64) {
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		var ms runtime.MemStats
		var peak uint64
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-done:
				result <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		return <-result
	}
}

// TestFoldsMatchCrossValidate guards foldsOf against the assignment in
// modeleval.CrossValidate, on a small synthetic sentence-per-line corpus.
func TestFoldsMatchCrossValidate(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	words := map[string][]string{
		"objective":  {"the", "film", "follows", "a", "young", "man", "who", "moves", "to", "paris"},
		"subjective": {"the", "film", "is", "a", "charming", "and", "funny", "but", "slight", "affair"},
	}
	var articles []*corpus.Article
	for i := range 137 { // not a multiple of k: folds differ in size
		label := "objective"
		if rng.IntN(3) == 0 { // unbalanced labels: stratification shows
			label = "subjective"
		}
		w := words[label]
		text := strings.Join([]string{w[rng.IntN(len(w))], w[rng.IntN(len(w))], w[rng.IntN(len(w))]}, " ")
		a := &corpus.Article{ID: fmt.Sprintf("s%03d", i), Sentences: []corpus.Sentence{{Text: text, Label: label}}}
		a.BuildText()
		articles = append(articles, a)
	}
	const k = 5
	folds, err := foldsOf(articles, k, 3)
	require.NoError(t, err)
	o := subjConfigs()[0].opts
	want := checkFolds(t, articles, folds, k, 3, o)
	// And crossValidate scores every fold as CrossValidate does.
	got := crossValidate(t, articles, folds, k, o).Folds
	for f := range want {
		assert.Equal(t, want[f].Accuracy, got[f].Accuracy, "fold %d", f)
	}
}

// TestSUBJFolds writes the fold assignment of -cv 10 -seed 1 when
// -subj-folds is given.
func TestSUBJFolds(t *testing.T) {
	if *subjFolds == "" {
		t.Skip("pass -subj-folds FILE to write the SUBJ fold assignment")
	}
	articles := readSUBJ(t)
	folds, err := foldsOf(articles, subjK, subjSeed)
	require.NoError(t, err)
	require.NoError(t, writeFolds(*subjFolds, folds))
}

// BenchmarkSUBJ cross-validates every trainer in its best configuration on
// SUBJ (10 folds, seed 1; one iteration takes seconds to minutes: run with
// -benchtime 1x) and reports, besides the time of the whole run, the mean
// and std of the fold accuracies, training and prediction sentences/s on
// one core, and the peak heap in use.
func BenchmarkSUBJ(b *testing.B) {
	articles := readSUBJ(b)
	folds, err := foldsOf(articles, subjK, subjSeed)
	require.NoError(b, err)
	for _, c := range subjConfigs() {
		b.Run("model="+c.name, func(b *testing.B) {
			b.ReportAllocs()
			var r cvResult
			for b.Loop() {
				r = crossValidate(b, articles, folds, subjK, c.opts)
			}
			b.ReportMetric(r.AccMean, "acc-mean-%")
			b.ReportMetric(r.AccStd, "acc-std-%")
			b.ReportMetric(r.TrainPerSec, "train-sentences/s")
			b.ReportMetric(r.PredictPerSec, "predict-sentences/s")
			b.ReportMetric(float64(r.PeakBytes)/(1<<20), "peak-heap-MiB")
		})
	}
}

// tableRow is one line of the SUBJ table.
type tableRow struct {
	model, config  string
	acc, std       float64
	train, predict float64
	memory         string
}

// TestSUBJTable (with -subj-table) cross-validates every trainer and the
// baselines.py models on the same folds, each in a process of its own, and
// prints the Markdown table to standard output.
func TestSUBJTable(t *testing.T) {
	if !*subjTable {
		t.Skip("pass -subj-table to cross-validate every model on SUBJ and print the table (takes minutes)")
	}
	articles := readSUBJ(t)
	folds, err := foldsOf(articles, subjK, subjSeed)
	require.NoError(t, err)
	var rows []tableRow
	for i, c := range subjConfigs() {
		t.Logf("stancekit %s: %s", c.name, c.flags)
		// A process of its own, as each baseline: its own peak RSS, and no
		// garbage of the previous run.
		cmd := exec.Command(os.Args[0], "-test.run=^TestSUBJOne$", "-test.timeout=0",
			"-subj-one="+c.name, "-subj-data="+*subjData)
		out, rss := runMeasured(t, cmd)
		var r cvResult
		line, ok := findLine(out, resultPrefix)
		require.True(t, ok, "no result from %v:\n%s", cmd.Args, out)
		require.NoError(t, json.Unmarshal([]byte(line), &r))
		if i == 0 {
			// The table's folds and scores are those of train -cv 10 -seed 1.
			want := checkFolds(t, articles, folds, subjK, subjSeed, c.opts)
			for f := range want {
				require.Equal(t, want[f].Accuracy, r.Folds[f].Accuracy, "fold %d: accuracy differs from modeleval.CrossValidate's", f)
			}
		}
		rows = append(rows, tableRow{
			model: "stancekit " + c.name, config: c.flags, acc: r.AccMean, std: r.AccStd,
			train: r.TrainPerSec, predict: r.PredictPerSec,
			memory: fmt.Sprintf("%s RSS (%.0f MiB heap)", mib(rss), float64(r.PeakBytes)/(1<<20)),
		})
	}
	if *subjBaselines != "" {
		rows = append(rows, runBaselines(t, articles, folds)...)
	}
	var b bytes.Buffer
	writeTable(&b, rows)
	fmt.Print(b.String())
}

const resultPrefix = "subj-result: "

// TestSUBJOne is TestSUBJTable's child process: with -subj-one NAME it
// cross-validates that configuration and prints the result as JSON.
func TestSUBJOne(t *testing.T) {
	if *subjOne == "" {
		t.Skip("run by TestSUBJTable")
	}
	articles := readSUBJ(t)
	folds, err := foldsOf(articles, subjK, subjSeed)
	require.NoError(t, err)
	for _, c := range subjConfigs() {
		if c.name == *subjOne {
			b, err := json.Marshal(crossValidate(t, articles, folds, subjK, c.opts))
			require.NoError(t, err)
			fmt.Printf("%s%s\n", resultPrefix, b)
			return
		}
	}
	t.Fatalf("-subj-one %q: no such configuration", *subjOne)
}

// runMeasured runs cmd and returns its standard output and its peak
// resident set size in bytes (0 where unknown). The peak is VmHWM of
// /proc/PID/status, read every 20 ms while the process runs (Linux only):
// wait4's Maxrss would also count the parent's memory, which the child
// shares between fork and exec.
func runMeasured(t *testing.T, cmd *exec.Cmd) ([]byte, int64) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Start())
	status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
	done := make(chan struct{})
	peak := make(chan int64)
	go func() {
		var hwm int64
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			hwm = max(hwm, vmHWM(status))
			select {
			case <-done:
				peak <- hwm
				return
			case <-tick.C:
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	rss := <-peak
	require.NoError(t, err, "%v:\n%s%s", cmd.Args, stdout.String(), stderr.String())
	return stdout.Bytes(), rss
}

// vmHWM returns the VmHWM line of a /proc status file in bytes, or 0.
func vmHWM(path string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	line, ok := findLine(b, "VmHWM:")
	if !ok {
		return 0
	}
	var kb int64
	if _, err := fmt.Sscanf(strings.TrimSpace(line), "%d kB", &kb); err != nil {
		return 0
	}
	return kb << 10
}

// findLine returns the rest of the first line of b that starts with prefix.
func findLine(b []byte, prefix string) (string, bool) {
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, prefix); ok {
			return strings.TrimRight(rest, "\r\n"), true
		}
	}
	return "", false
}

func mib(n int64) string {
	if n <= 0 {
		return "?"
	}
	return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
}

// baselineReport is the part of a baselines.py cv JSON line read here.
type baselineReport struct {
	TrainSeconds     float64 `json:"train_seconds"`
	PredictPerSecond float64 `json:"predict_per_second"`
	Folds            []struct {
		Accuracy float64 `json:"accuracy"`
	} `json:"folds"`
}

// runBaselines runs each baselines.py model in its own process on the
// folds of foldsOf, so that each has its own peak RSS.
func runBaselines(t *testing.T, articles []*corpus.Article, folds []int) []tableRow {
	t.Helper()
	for _, p := range []string{*subjScript, *subjPython} {
		if _, err := os.Stat(p); err != nil {
			t.Logf("baselines skipped: %v", err)
			return nil
		}
	}
	foldFile := filepath.Join(t.TempDir(), "folds.txt")
	require.NoError(t, writeFolds(foldFile, folds))
	var rows []tableRow
	for _, m := range strings.Split(*subjBaselines, ",") {
		t.Logf("baselines.py %s", m)
		cmd := exec.Command(*subjPython, *subjScript, "cv", "--data", *subjData,
			"--folds", fmt.Sprint(subjK), "--fold-file", foldFile, "--models", m)
		out, rss := runMeasured(t, cmd)
		var r baselineReport
		require.NoError(t, json.Unmarshal(bytes.TrimSpace(out), &r), "baselines.py %s output", m)
		require.Len(t, r.Folds, subjK)
		accs := make([]float64, len(r.Folds))
		for i, f := range r.Folds {
			accs[i] = 100 * f.Accuracy
		}
		mean, std := meanStd(accs)
		name, ok := baselineNames[m]
		if !ok {
			name = "baselines.py " + m
		}
		rows = append(rows, tableRow{
			model: name, config: "baselines.py " + m, acc: mean, std: std,
			// Every sentence is in the training set of K−1 folds.
			train:   float64((subjK-1)*len(articles)) / r.TrainSeconds,
			predict: r.PredictPerSecond, memory: mib(rss) + " RSS",
		})
	}
	return rows
}

var baselineNames = map[string]string{
	"svm":      "scikit-learn LinearSVC, TF-IDF 1-2-grams",
	"lr":       "scikit-learn LogisticRegression, TF-IDF 1-2-grams",
	"mnb":      "scikit-learn MultinomialNB, binary 1-2-grams",
	"fasttext": "fastText -wordNgrams 2 -epoch 25",
}

// meanStd returns the mean and sample standard deviation (n−1), as
// eval.FoldsSummary (baselines.py prints numpy's population std).
func meanStd(xs []float64) (mean, std float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	if len(xs) < 2 {
		return mean, 0
	}
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(xs)-1))
}

func writeTable(w io.Writer, rows []tableRow) {
	fmt.Fprintln(w, "| model | accuracy % (mean ± std) | train sentences/s | predict sentences/s | peak memory |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %.2f ± %.2f | %s | %s | %s |\n", r.model, r.acc, r.std, thousands(r.train), thousands(r.predict), r.memory)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Configurations (stancekit: flags of `train -data subj.tsv -cv 10 -seed 1 -workers 1`):")
	fmt.Fprintln(w)
	for _, r := range rows {
		fmt.Fprintf(w, "- %s: `%s`\n", r.model, r.config)
	}
}

// thousands formats x rounded to an integer with comma separators.
func thousands(x float64) string {
	s := fmt.Sprintf("%.0f", x)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
