// Command classify labels every sentence of news articles with a stancekit
// model (the embedded default news model unless -model is given).
//
//	go run ./classify testdata/news/examples/harbour-bridge.txt
//	go run ./classify -o labels.jsonl.gz archive/            # a directory, recursively
//	go run ./classify -eval testdata/news/test.jsonl -report text
//	go run ./classify -eval gold.jsonl -model a.stkm -compare b.stkm
//
// Inputs are JSONL (articles with "text" or "sentences"), .txt articles,
// TSV or fastText lines, directories of those, .gz of any, or standard
// input when none is named. Output is JSON Lines, one record per sentence,
// in input order; an input that cannot be read or classified yields an
// error record in its place and the run goes on. Exit status: 0 ok, 1 some
// input failed, 2 usage error, 130 interrupted (rerun with -resume).
package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/stancekit/stancekit/batch"
	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/modeleval"
	"github.com/stancekit/stancekit/models"
	"github.com/stancekit/stancekit/newsmodel"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

type usageError struct{ error }

const exitInterrupted = 130

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	code, err := classify(args, stdin, stdout, stderr)
	var ue usageError
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "classify:", err)
		return 2
	case err != nil:
		fmt.Fprintln(stderr, "classify:", err)
		return max(code, 1)
	}
	return code
}

type flags struct {
	model, out, format, inFormat, field string
	workers, explain                    int
	resume, quiet, attribution          bool
	evalPath, report, compare, group    string
	errorsN, bootstrap                  int
	seed                                uint64
}

func classify(args []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f flags
	fs.StringVar(&f.model, "model", "", "model file (default: the embedded news model)")
	fs.StringVar(&f.out, "o", "", "write output here instead of stdout (.gz compresses)")
	fs.StringVar(&f.format, "format", batch.FormatJSONL, "output: jsonl, csv, tsv or summary (one record per article)")
	fs.StringVar(&f.inFormat, "input-format", "auto", "input format: auto, jsonl, tsv, fasttext or text")
	fs.StringVar(&f.field, "field", "text", "JSONL field holding the article text")
	fs.IntVar(&f.workers, "workers", runtime.NumCPU(), "goroutines classifying (output order is kept)")
	fs.IntVar(&f.explain, "explain", 0, "list the N features that pushed each sentence to its label")
	fs.BoolVar(&f.resume, "resume", false, "skip articles already in the -o file and append the rest")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress bar or summary on stderr")
	fs.BoolVar(&f.attribution, "attribution", true, "give each quote's speaker, mention and cue (and, with -eval, score them)")
	fs.StringVar(&f.evalPath, "eval", "", "evaluate on this gold corpus instead of printing predictions")
	fs.StringVar(&f.report, "report", "text", "with -eval: text, json, markdown or html")
	fs.StringVar(&f.compare, "compare", "", "with -eval: compare the model with this second model (paired bootstrap, McNemar)")
	fs.StringVar(&f.group, "group", "", "with -eval: per-group breakdown by this article field (e.g. source)")
	fs.IntVar(&f.errorsN, "errors", 0, "with -eval: list the N most confident errors")
	fs.IntVar(&f.bootstrap, "bootstrap", 1000, "with -eval: bootstrap samples for 95% intervals (0: none)")
	fs.Uint64Var(&f.seed, "seed", 1, "with -eval: seed of the bootstrap")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: classify [-model PATH] [-o OUT] [flags] [INPUT ...]\n       classify [-model PATH] -eval GOLD.jsonl [-report text|json|markdown|html] [-compare MODEL2]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, err
		}
		return 2, usageError{err}
	}
	m, err := loadModel(f.model)
	if err != nil {
		return 1, err
	}
	if f.evalPath != "" {
		if fs.NArg() > 0 {
			return 2, usageError{fmt.Errorf("-eval takes no inputs (got %v)", fs.Args())}
		}
		return evaluate(m, f, stdout, stderr)
	}
	if f.compare != "" {
		return 2, usageError{errors.New("-compare needs -eval")}
	}
	return classifyInputs(m, f, fs.Args(), stdin, stdout, stderr)
}

func loadModel(path string) (*models.Model, error) {
	if path == "" {
		m, err := newsmodel.Load()
		if err != nil {
			return nil, fmt.Errorf("embedded model: %w", err)
		}
		return m, nil
	}
	return models.Load(path)
}

func classifyInputs(m *models.Model, f flags, inputs []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	enc, err := batch.NewEncoder(f.format)
	if err != nil {
		return 2, usageError{err}
	}
	inFormat, err := corpus.ParseFormat(f.inFormat)
	if err != nil {
		return 2, usageError{err}
	}
	if f.resume && f.out == "" {
		return 2, usageError{errors.New("-resume needs -o FILE")}
	}
	var skip map[string]bool
	if f.resume {
		if skip, err = batch.Resume(f.out, f.format); err != nil {
			return 1, err
		}
	}
	readOpts := corpus.ReaderOptions{Format: inFormat, TextField: f.field}
	var r corpus.Reader
	var totalBytes int64
	if len(inputs) == 0 {
		r = corpus.NewReader(stdin, "-", readOpts)
	} else {
		mr := corpus.Open(inputs, readOpts)
		defer mr.Close()
		r = mr
		totalBytes = inputSize(inputs)
	}

	w, closeOut, fresh, err := openOutput(f.out, f.resume, stdout)
	if err != nil {
		return 1, err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if d, ok := enc.(batch.Delimited); ok {
		d.Scores = len(m.Labels)
		d.Attribution = f.attribution
		enc = d
		if fresh {
			bw.Write(d.Header(m.Labels))
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	bar := newProgress(stderr, f.quiet, totalBytes)
	start := time.Now()
	opts := batch.Options{Workers: f.workers, Explain: f.explain, Progress: bar.update, NoAttribution: !f.attribution}
	if skip != nil {
		opts.Skip = func(id string) bool { return skip[id] }
	}
	st, runErr := batch.Run(ctx, r, m, enc, bw, opts)
	bar.finish(st)
	if err := bw.Flush(); err != nil && runErr == nil {
		runErr = err
	}
	if err := closeOut(); err != nil && runErr == nil {
		runErr = err
	}
	elapsed := time.Since(start)
	if !f.quiet {
		fmt.Fprintf(stderr, "classify: %d articles (%d errors, %d skipped), %d sentences, %.1f MB in %s\n",
			st.Articles, st.Errors, st.Skipped, st.Sentences, float64(st.Bytes)/1e6, elapsed.Round(time.Millisecond))
	}
	switch {
	case errors.Is(runErr, context.Canceled):
		fmt.Fprintf(stderr, "classify: interrupted after %d articles; everything before was written. Rerun with -resume -o FILE to continue.\n", st.Articles)
		return exitInterrupted, nil
	case runErr != nil:
		return 1, runErr
	case st.Errors > 0:
		return 1, nil
	}
	return 0, nil
}

// openOutput opens the output: stdout, a file (appended to when resuming),
// compressed when its name ends in .gz. fresh reports a new, empty output.
func openOutput(path string, resume bool, stdout io.Writer) (io.Writer, func() error, bool, error) {
	if path == "" {
		return stdout, func() error { return nil }, true, nil
	}
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if resume {
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	file, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		return nil, nil, false, err
	}
	fi, _ := file.Stat()
	fresh := fi == nil || fi.Size() == 0
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		gz := gzip.NewWriter(file)
		return gz, func() error {
			err := gz.Close()
			if cerr := file.Close(); err == nil {
				err = cerr
			}
			return err
		}, fresh, nil
	}
	return file, file.Close, fresh, nil
}

// inputSize sums the sizes of the named files and directories, for the
// progress bar's ETA (compressed files count their compressed size).
func inputSize(paths []string) int64 {
	var n int64
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !fi.IsDir() {
			n += fi.Size()
		}
	}
	return n
}

func evaluate(m *models.Model, f flags, stdout, stderr io.Writer) (int, error) {
	inFormat, err := corpus.ParseFormat(f.inFormat)
	if err != nil {
		return 2, usageError{err}
	}
	gold, bad, err := modeleval.ReadAll([]string{f.evalPath}, corpus.ReaderOptions{Format: inFormat, TextField: f.field})
	if err != nil {
		return 1, err
	}
	for _, e := range bad {
		fmt.Fprintln(stderr, "classify:", e)
	}
	if len(bad) > 0 {
		return 1, fmt.Errorf("%d bad records in %s", len(bad), f.evalPath)
	}
	for _, a := range gold {
		if !a.Labelled() {
			return 1, fmt.Errorf("%s:%d (%s): gold articles need a label on every sentence", a.File, a.Line, a.ID)
		}
	}
	items, err := modeleval.Predict(m, gold, f.group, f.workers)
	if err != nil {
		return 1, err
	}
	opts := eval.Options{Bootstrap: f.bootstrap, Seed: f.seed, Errors: f.errorsN}
	rep := eval.Evaluate(m.Labels, items, opts)
	rep.Title = "Evaluation on " + f.evalPath
	if !f.attribution {
		rep.Attribution = nil
	}
	if f.compare != "" {
		m2, err := models.Load(f.compare)
		if err != nil {
			return 1, err
		}
		if strings.Join(m2.Labels, ",") != strings.Join(m.Labels, ",") {
			return 1, fmt.Errorf("-compare: model labels %v differ from %v", m2.Labels, m.Labels)
		}
		items2, err := modeleval.Predict(m2, gold, f.group, f.workers)
		if err != nil {
			return 1, err
		}
		cmp := eval.Compare(m.Labels, items, items2, max(f.bootstrap, 1000), eval.NewRand(f.seed))
		write := cmp.WriteText
		if f.report == "markdown" || f.report == "md" {
			write = cmp.WriteMarkdown
		}
		return 0, writeTo(f.out, stdout, write)
	}
	var write func(io.Writer) error
	switch f.report {
	case "json":
		write = rep.WriteJSON
	case "markdown", "md":
		write = rep.WriteMarkdown
	case "html":
		write = rep.WriteHTML
	case "text":
		write = rep.WriteText
	default:
		return 2, usageError{fmt.Errorf("-report %q: want text, json, markdown or html", f.report)}
	}
	return 0, writeTo(f.out, stdout, write)
}

// writeTo calls write on stdout, or on the file at path when one is given
// (created only then, so that a failed run leaves no empty report), and
// reports a failed close: a full disk can lose the end of the file.
func writeTo(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" {
		return write(stdout)
	}
	file, err := os.Create(path)
	if err != nil {
		return err
	}
	err = write(file)
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	return err
}
