// Command train fits a stancekit model on a labelled corpus, and evaluates
// it on a test corpus (-test) or by cross-validation (-cv).
//
//	go run ./train -data testdata/news/train.jsonl -test testdata/news/test.jsonl -save news.stkm
//	go run ./train -data bench/testdata/subj/subj.tsv -cv 10 -seed 1 -report json
//
// The data format comes from each file's extension (.jsonl, .tsv, .ft,
// .txt; .gz is looked through) unless -format says otherwise. Exit status:
// 0 ok, 1 failure, 2 usage error.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/features/vectors"
	"github.com/stancekit/stancekit/modeleval"
	"github.com/stancekit/stancekit/models"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type usageError struct{ error }

func run(args []string, stdout, stderr io.Writer) int {
	err := train(args, stdout, stderr)
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "train:", err)
		return 2
	default:
		fmt.Fprintln(stderr, "train:", err)
		return 1
	}
}

func train(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	def := models.DefaultOptions()
	var (
		data      = fs.String("data", "", "training data: files or directories, comma-separated (required)")
		format    = fs.String("input-format", "auto", "input format: "+corpus.FormatNames+" (auto: from each file's name)")
		field     = fs.String("text-field", "text", "JSONL field or CSV/TSV column holding raw article text")
		idField   = fs.String("id-field", "id", "CSV/TSV column holding the article id")
		out       = fs.String("save", "", "write the trained model to this file")
		test      = fs.String("test", "", "evaluate on this labelled corpus")
		cvK       = fs.Int("cv", 0, "stratified K-fold cross-validation, grouped by article (K ≥ 2)")
		repeats   = fs.Int("repeats", 1, "repeat cross-validation with new folds")
		seed      = fs.Uint64("seed", def.Seed, "seed for folds and everything random")
		report    = fs.String("report", "text", "report format: text, json, markdown or html")
		reportOut = fs.String("o", "", "write the report to this file instead of stdout (as classify -o)")
		errorsN   = fs.Int("errors", 0, "list the N most confident errors in the report")
		bootstrap = fs.Int("bootstrap", eval.DefaultBootstrap, "bootstrap samples for 95% intervals, resampling articles (0: none)")
		group     = fs.String("group", "", "per-group breakdown by this article field (e.g. source)")
		curve     = fs.String("curve", "", "learning curve on -test: comma-separated training fractions, e.g. 0.1,0.25,0.5,1")
		skipBad   = fs.Bool("skip-bad", false, "train without bad records instead of stopping")
		quiet     = fs.Bool("quiet", false, "no progress on stderr")
		labelsF   = fs.String("labels", "", "comma-separated label set the data must use, e.g. fact,quote,opinion,appeal (default: any; a record with another label is a bad record)")

		model     = fs.String("model", def.Model, "classifier: "+strings.Join(models.Trainers, ", "))
		c         = fs.Float64("C", def.C, "inverse L2 strength (logreg, svm, nbsvm)")
		alpha     = fs.Float64("alpha", def.Alpha, "additive smoothing (mnb, cnb, nbsvm)")
		beta      = fs.Float64("beta", def.Beta, "NBSVM interpolation β")
		balanced  = fs.Bool("balanced", def.Balanced, "weight classes inversely to their frequency")
		maxIter   = fs.Int("maxiter", def.MaxIter, "L-BFGS iterations")
		stack     = fs.Bool("stack", def.Stack, "second stage over neighbours' out-of-fold scores")
		stackK    = fs.Int("stack-folds", def.StackFolds, "folds for out-of-fold scores")
		sequence  = fs.Bool("sequence", def.Sequence, "sequence layer: learned label transitions")
		seqWeight = fs.Float64("seq-weight", def.SeqWeight, "weight of transitions; negative: tune on out-of-fold scores")
		decode    = fs.String("decode", models.DecodePosterior, "sequence decoding: posterior or viterbi")
		calibrate = fs.Bool("calibrate", def.Calibrate, "fit a temperature on out-of-fold scores")
		workers   = fs.Int("workers", runtime.NumCPU(), "goroutines (does not change the model)")

		ngrams     = fs.Int("ngrams", def.Features.WordNgrams, "longest word n-gram (0 to 3)")
		chars      = fs.String("chars", "", "character n-grams MIN-MAX, e.g. 3-5 (default none)")
		weighting  = fs.String("weighting", def.Features.Weighting.String(), "n-gram weighting: binary, tf, log or tfidf")
		buckets    = fs.Int("buckets", def.Features.Buckets, "hash n-grams into this many buckets (0: learn a vocabulary)")
		minCount   = fs.Int("mincount", def.Features.MinCount, "vocabulary: keep n-grams seen in at least this many sentences")
		cues       = fs.Bool("cues", def.Features.Cues, "cue features (reporting verbs, quotes, pronouns, publisher words…)")
		ctxN       = fs.Int("context", def.Features.Context, "neighbours on each side whose cues are features")
		ctxWords   = fs.Bool("context-words", def.Features.ContextWords, "words of the previous and next sentence")
		position   = fs.Bool("position", def.Features.Position, "position, paragraph and window cue features")
		dialogueF  = fs.Bool("dialogue", def.Features.Dialogue, "Q&A structure: questions before and after, speaker labels")
		normalizeF = fs.Bool("normalize", !def.Features.NoNormalize, "L2-normalize the n-gram block")
		vecs       = fs.String("vectors", def.Features.Vectors, "pretrained word vectors: "+vectors.DefaultName+" (built in), a file (GloVe .txt, word2vec or fastText .vec text, .gz too, or a compact table), or none")
		vecPools   = fs.String("vector-pools", def.Features.VectorPools.String(), "pooling of word vectors: mean, sif, max (comma-separated)")
		vecWords   = fs.Int("vector-words", def.Features.VectorWords, "keep this many of the table's most frequent words in the model besides the training words (0: all)")
		vecScale   = fs.Float64("vector-scale", float64(def.Features.VectorScale), "multiplier of the pooled vectors (0 means 1)")
		vecContext = fs.Bool("vector-context", def.Features.VectorContext, "also the previous and next sentence's pooled vectors")
		logo       = fs.String("logo", "", "leave-one-group-out evaluation by this article field (e.g. genre) instead of training")
		logoMin    = fs.Int("logo-min", 8, "with -logo: hold out only groups of at least this many articles")

		convF       = fs.Int("conv", def.Conv().Filters, "filters of the vector member, a 1-D convolution over the sentence's word vectors whose scores join the linear model's (0: off; left out by default without stacking or vectors; BENCHMARKS.md 9b)")
		convWidth   = fs.Int("conv-width", def.Conv().Width, "with -conv: words per convolution window (1: a word's responses are computed once, fastest)")
		convEpochs  = fs.Int("conv-epochs", def.Conv().Epochs, "with -conv: training passes over the sentences")
		convMix     = fs.String("conv-mix", def.Conv().Mix, "with -conv: avg (weighted mean of stage-1 log-probabilities) or stack (features of stage 2)")
		convDropout = fs.Float64("conv-dropout", def.Conv().Dropout, "with -conv: share of pooled features dropped while training")
	)
	// Old names, kept working: -out beside -o was a trap (one wrote the
	// model, the other the report), and -format means the output in classify.
	deprecated := map[string]string{"out": "save", "format": "input-format", "field": "text-field"}
	fs.StringVar(out, "out", "", "deprecated: use -save")
	fs.StringVar(format, "format", "auto", "deprecated: use -input-format")
	fs.StringVar(field, "field", "text", "deprecated: use -text-field")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: train -data PATH[,PATH...] [-save MODEL] [-test PATH] [-cv K] [-seed N] [-report json|text|markdown|html] [flags]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	set := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) {
		set[fl.Name] = true
		if now, ok := deprecated[fl.Name]; ok {
			fmt.Fprintf(stderr, "train: -%s is deprecated; use -%s\n", fl.Name, now)
		}
	})
	if *logo != "" {
		// Leave-one-group-out writes its own table, as text or JSON.
		switch {
		case *report != "text" && *report != "json":
			return usageError{fmt.Errorf("-logo writes text or json, not -report %s", *report)}
		case *logoMin < 1:
			return usageError{fmt.Errorf("-logo-min %d: must be at least 1", *logoMin)}
		case *cvK >= 2 || *test != "":
			return usageError{errors.New("-logo is an evaluation of its own: use it without -cv and -test")}
		}
	} else if err := checkReportFlags(fs, *test != "", *cvK >= 2); err != nil {
		return usageError{err}
	}
	if strings.ContainsAny(*model, "./") {
		// classify -model takes a file; here it names the trainer.
		return usageError{fmt.Errorf("-model %q: train's -model names the classifier (%s); write the model file with -save", *model, strings.Join(models.Trainers, ", "))}
	}
	if *data == "" {
		fs.Usage()
		return usageError{errors.New("-data is required")}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("unexpected arguments %v (use -data)", fs.Args())}
	}
	if *cvK == 1 || *cvK < 0 {
		return usageError{fmt.Errorf("-cv %d: need K ≥ 2", *cvK)}
	}
	// Counts that cannot be zero or negative; -bootstrap 0 is "no
	// intervals", as in classify, so only a negative one is refused.
	for _, c := range []struct {
		name string
		v    int
		min  int
	}{{"bootstrap", *bootstrap, 0}, {"mincount", *minCount, 1}, {"repeats", *repeats, 1}, {"workers", *workers, 1}, {"errors", *errorsN, 0}, {"buckets", *buckets, 0}} {
		if c.v < c.min {
			return usageError{fmt.Errorf("-%s %d: must be at least %d", c.name, c.v, c.min)}
		}
	}
	allowed, err := parseLabels(*labelsF)
	if err != nil {
		return usageError{err}
	}
	fmtIn, err := corpus.ParseFormat(*format)
	if err != nil {
		return usageError{err}
	}
	w, err := features.ParseWeighting(*weighting)
	if err != nil {
		return usageError{err}
	}
	opts := def
	opts.Model, opts.C, opts.Alpha, opts.Beta, opts.Balanced, opts.MaxIter = *model, *c, *alpha, *beta, *balanced, *maxIter
	opts.Stack, opts.StackFolds, opts.Sequence, opts.SeqWeight, opts.Calibrate = *stack, *stackK, *sequence, *seqWeight, *calibrate
	opts.Seed, opts.Workers = *seed, *workers
	opts.Features = features.Config{
		WordNgrams: *ngrams, Weighting: w, Buckets: *buckets, MinCount: *minCount, Cues: *cues,
		Context: *ctxN, ContextWords: *ctxWords, Position: *position, Dialogue: *dialogueF, NoNormalize: !*normalizeF,
	}
	if (*model == models.MNB || *model == models.CNB) && !set["vectors"] {
		// Naive Bayes reads counts: the default vectors are left out
		// rather than refused.
		*vecs = "none"
	}
	if *vecs != "" && *vecs != "none" {
		pools, err := features.ParsePools(*vecPools)
		if err != nil {
			return usageError{err}
		}
		opts.Features.Vectors, opts.Features.VectorPools = *vecs, pools
		opts.Features.VectorWords, opts.Features.VectorScale, opts.Features.VectorContext = *vecWords, float32(*vecScale), *vecContext
	}
	if *chars != "" {
		lo, hi, ok := strings.Cut(*chars, "-")
		a, err1 := strconv.Atoi(lo)
		b, err2 := strconv.Atoi(hi)
		if !ok || err1 != nil || err2 != nil {
			return usageError{fmt.Errorf("-chars %q: want MIN-MAX, e.g. 3-5", *chars)}
		}
		opts.Features.CharMin, opts.Features.CharMax = a, b
	}
	if *decode != models.DecodePosterior && *decode != models.DecodeViterbi {
		return usageError{fmt.Errorf("-decode %q: want posterior or viterbi", *decode)}
	}
	opts = opts.WithConv(models.ConvOptions{Filters: *convF, Width: *convWidth, Epochs: *convEpochs, Mix: *convMix, Dropout: *convDropout, Seed: *seed})
	// The default member needs stacking (its mix) and vectors; without
	// them it is left out unless asked for.
	convAuto := !set["conv"] && !set["conv-mix"]
	if convAuto && (!opts.Stack || opts.Features.Vectors == "") {
		opts = opts.WithConv(models.ConvOptions{})
	}
	if err := opts.Validate(); err != nil {
		return usageError{err}
	}
	var fractions []float64
	if *curve != "" {
		for _, s := range strings.Split(*curve, ",") {
			f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err != nil || f <= 0 || f > 1 {
				return usageError{fmt.Errorf("-curve: %q is not a fraction in (0, 1]", s)}
			}
			fractions = append(fractions, f)
		}
	}
	evalOpts := eval.Options{Bootstrap: *bootstrap, Seed: *seed, Errors: *errorsN}
	writeReport := func(r *eval.Report) error { return emit(r, *report, *reportOut, stdout) }
	switch *report {
	case "text", "json", "markdown", "md", "html":
	default:
		return usageError{fmt.Errorf("-report %q: want text, json, markdown or html", *report)}
	}
	logf := func(format string, a ...any) {
		if !*quiet {
			fmt.Fprintf(stderr, format+"\n", a...)
		}
	}
	readOpts := corpus.ReaderOptions{Format: fmtIn, TextField: *field, IDField: *idField}
	for _, p := range append(strings.Split(*data, ","), strings.Split(*test, ",")...) {
		if _, err := os.Stat(p); p != "" && errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%s: no such file or directory", p)
		}
	}
	warn := func(format string, a ...any) { fmt.Fprintf(stderr, format+"\n", a...) }
	articles, err := readLabelled(strings.Split(*data, ","), readOpts, allowed, *skipBad, logf)
	if err != nil {
		return err
	}
	if allowed == nil {
		for _, w := range labelLookalikes(articles) {
			warn("train: warning: %s", w)
		}
	}
	if oneSentenceEach(articles) && (opts.Stack || opts.Sequence) {
		// Neighbours do not exist in sentence-per-line data: the context
		// stages would cost time and add nothing.
		opts.Stack, opts.Sequence = false, false
		logf("train: sentence-per-line data: stacking and sequence layer off")
	}
	if oneSentenceEach(articles) && convAuto && opts.Features.Vectors != "" {
		// Without neighbours the member that pays is a wider one, averaged
		// in (models.SentenceConv); flags given for it still count.
		c := models.SentenceConv()
		c.Seed = *seed
		if set["conv-width"] {
			c.Width = *convWidth
		}
		if set["conv-epochs"] {
			c.Epochs = *convEpochs
		}
		if set["conv-dropout"] {
			c.Dropout = *convDropout
		}
		opts = opts.WithConv(c)
		logf("train: sentence-per-line data: vector member of %d filters over %d words, average mix (-conv 0: none)", c.Filters, c.Width)
	}
	if oneSentenceEach(articles) && !set["model"] && opts.Features.Vectors != "" {
		// The best general configuration measured on sentence-per-line data
		// (SUBJ 10-fold, BENCHMARKS.md): NBSVM over n-grams, cues and the
		// vectors, which it passes through unscaled.
		opts.Model = models.NBSVM
		logf("train: sentence-per-line data: model nbsvm (pass -model to choose another)")
	}
	logf("train: %d articles, %d sentences; %s", len(articles), countSentences(articles), opts)
	if opts.Features.Vectors != "" {
		start := time.Now()
		table, err := features.LoadVectors(opts.Features.Vectors)
		if err != nil {
			return err
		}
		opts = opts.WithVectorTable(table)
		logf("train: vectors %s: %d words × %d, loaded in %s", opts.Features.Vectors, table.Len(), table.Dim, time.Since(start).Round(time.Millisecond))
	}
	if *logo != "" {
		rep, err := modeleval.LeaveOneGroupOut(articles, opts, *logo, *logoMin)
		if err != nil {
			return err
		}
		if *report == "json" {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(rep)
		}
		return rep.WriteText(stdout)
	}

	if *cvK >= 2 {
		start := time.Now()
		rep, err := modeleval.CrossValidate(articles, opts, modeleval.CVOptions{
			Folds: *cvK, Repeats: *repeats, Seed: *seed, Group: *group, Eval: evalOpts,
			Observe: func(r, f int, fr *eval.Report) {
				logf("train: repeat %d fold %d: accuracy %.4f macro-F1 %.4f", r+1, f+1, fr.Accuracy, fr.Macro.F1)
			},
		})
		if err != nil {
			return err
		}
		logf("train: cross-validation took %s", time.Since(start).Round(time.Millisecond))
		rep.Title = fmt.Sprintf("%d-fold cross-validation of %s on %s", *cvK, opts.Model, *data)
		if err := writeReport(rep); err != nil {
			return err
		}
		if *out == "" && *test == "" {
			return nil
		}
	}

	start := time.Now()
	m, err := models.Train(articles, opts)
	if err != nil {
		return err
	}
	logf("train: trained in %s (%d features)", time.Since(start).Round(time.Millisecond), m.Pipeline.Dim())
	m.Decode = *decode
	if c := m.Conv; c != nil {
		logf("train: conv member (%s): out-of-fold stage-1 macro-F1 conv %.4f, linear %.4f, mixed %.4f (weight %g, temperature %.3f)", c.Mix, c.F1Conv, c.F1Linear, c.F1Mixed, c.Weight, c.Temperature)
	}
	if *out != "" {
		if err := m.Save(*out); err != nil {
			return err
		}
		logf("train: model written to %s", *out)
	}
	if *test == "" {
		return nil
	}
	gold, err := readLabelled(strings.Split(*test, ","), readOpts, allowed, *skipBad, logf)
	if err != nil {
		return err
	}
	items, err := modeleval.Predict(m, gold, *group, *workers)
	if err != nil {
		return err
	}
	rep := eval.Evaluate(m.Labels, items, evalOpts)
	rep.Title = fmt.Sprintf("%s trained on %s, evaluated on %s", opts.Model, *data, *test)
	rep.About = modeleval.About(m, *out, append([]string{"train"}, args...))
	if *out == "" {
		rep.About[0].Value = "not saved (no -save)"
	}
	if fractions != nil {
		if rep.Curve, err = modeleval.LearningCurve(articles, gold, opts, fractions, 3, *seed); err != nil {
			return err
		}
	}
	return writeReport(rep)
}

// readLabelled reads a training or test corpus: every article must have
// labelled sentences, with labels from allowed unless it is nil. Bad
// records are listed with file and line; they stop the run unless skipBad.
func readLabelled(paths []string, opts corpus.ReaderOptions, allowed map[string]bool, skipBad bool, logf func(string, ...any)) ([]*corpus.Article, error) {
	articles, bad, err := modeleval.ReadAll(paths, opts)
	if err != nil {
		return nil, err
	}
	var kept []*corpus.Article
articles:
	for _, a := range articles {
		if !a.Labelled() {
			bad = append(bad, fmt.Errorf("corpus: %s:%d (%s): unlabelled sentences: training and test data need a label on every sentence", a.File, a.Line, a.ID))
			continue
		}
		if allowed != nil {
			for i, s := range a.Sentences {
				if !allowed[s.Label] {
					bad = append(bad, fmt.Errorf("corpus: %s:%d (%s): sentence %d has label %q, not one of -labels %s", a.File, a.Line, a.ID, i, s.Label, strings.Join(sortedKeys(allowed), ",")))
					continue articles
				}
			}
		}
		kept = append(kept, a)
	}
	for _, e := range bad {
		logf("train: %v", e)
	}
	if len(bad) > 0 && !skipBad {
		// The first one is named here too: with -quiet it is all the user sees.
		return nil, fmt.Errorf("%d bad records in %s, the first: %v (fix them, or pass -skip-bad to go on without them)", len(bad), strings.Join(paths, ","), bad[0])
	}
	if len(kept) == 0 {
		return nil, fmt.Errorf("no labelled articles in %s", strings.Join(paths, ","))
	}
	return kept, nil
}

func oneSentenceEach(articles []*corpus.Article) bool {
	for _, a := range articles {
		if len(a.Sentences) != 1 {
			return false
		}
	}
	return true
}

func countSentences(articles []*corpus.Article) int {
	n := 0
	for _, a := range articles {
		n += len(a.Sentences)
	}
	return n
}

// emit writes a report in the format asked for, to a file or stdout.
func emit(r *eval.Report, format, path string, stdout io.Writer) (err error) {
	w := stdout
	if path != "" {
		f, cerr := os.Create(path)
		if cerr != nil {
			return cerr
		}
		defer func() {
			// A failed close can lose the report (full disk, NFS).
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}()
		w = f
	}
	switch format {
	case "json":
		return r.WriteJSON(w)
	case "markdown", "md":
		return r.WriteMarkdown(w)
	case "html":
		return r.WriteHTML(w)
	default:
		return r.WriteText(w)
	}
}

// checkReportFlags refuses report flags that would be ignored: without
// -test or -cv there is no report, and only -test has a learning curve.
func checkReportFlags(fs *flag.FlagSet, test, cv bool) error {
	var err error
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "report", "o", "errors", "bootstrap", "group":
			if !test && !cv && err == nil {
				err = fmt.Errorf("-%s needs -test or -cv (without them train writes no report)", fl.Name)
			}
		case "curve":
			if !test && err == nil {
				err = errors.New("-curve needs -test (the curve is scored on the test corpus)")
			}
		}
	})
	return err
}

// parseLabels parses -labels: nil for none given.
func parseLabels(s string) (map[string]bool, error) {
	if s == "" {
		return nil, nil
	}
	set := map[string]bool{}
	for _, l := range strings.Split(s, ",") {
		l = strings.TrimSpace(l)
		if l == "" {
			return nil, fmt.Errorf("-labels %q: empty label", s)
		}
		set[l] = true
	}
	if len(set) < 2 {
		return nil, fmt.Errorf("-labels %q: need at least two labels", s)
	}
	return set, nil
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// labelLookalikes lists the groups of labels in the data that differ only
// in case or spacing ("Fact", "fact", " fact"): most likely typos of one
// label that would each become a class of its own. Each message names the
// first place each spelling occurs.
func labelLookalikes(articles []*corpus.Article) []string {
	type seen struct {
		label string
		where string
		n     int
	}
	groups := map[string][]*seen{}
	var order []string
	for _, a := range articles {
		for _, s := range a.Sentences {
			key := strings.ToLower(strings.Join(strings.Fields(s.Label), ""))
			g := groups[key]
			var hit *seen
			for _, x := range g {
				if x.label == s.Label {
					hit = x
				}
			}
			if hit == nil {
				if len(g) == 0 {
					order = append(order, key)
				}
				hit = &seen{label: s.Label, where: fmt.Sprintf("%s:%d", a.File, a.Line)}
				groups[key] = append(g, hit)
			}
			hit.n++
		}
	}
	var out []string
	for _, key := range order {
		g := groups[key]
		if len(g) < 2 {
			continue
		}
		var parts []string
		for _, x := range g {
			parts = append(parts, fmt.Sprintf("%q (%d sentences, first at %s)", x.label, x.n, x.where))
		}
		out = append(out, fmt.Sprintf("labels that differ only in case or spacing are separate classes: %s; fix the data or pass -labels", strings.Join(parts, ", ")))
	}
	return out
}
