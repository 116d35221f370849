// Command classify labels every sentence of news articles with a stancekit
// model (the embedded default news model unless -model is given).
//
//	go run ./classify testdata/news/examples/harbour-bridge.txt
//	go run ./classify -o labels.jsonl.gz archive/            # a directory, recursively
//	go run ./classify -eval testdata/news/test.jsonl -report text
//	go run ./classify -eval gold.jsonl -model a.stkm -compare b.stkm
//	go run ./classify -serve 127.0.0.1:8080                   # HTTP service and page (package serve)
//
// Inputs are JSONL (articles with "text" or "sentences"), .txt articles,
// CSV or TSV tables of articles with a header row (-id-field, -text-field),
// label<TAB>text or fastText lines, directories of those, .gz of any, or
// standard input when none is named. Output is JSON Lines, one record per sentence,
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
	"github.com/stancekit/stancekit/serve"
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
	model, out, format, inFormat, field, idField string
	workers, explain, maxRecord                  int
	resume, quiet, attribution                   bool
	evalPath, report, compare, group             string
	errorsN, bootstrap                           int
	seed                                         uint64
	minConf                                      float64
	args                                         []string // the command line, for reports
	serve                                        string
	maxBody                                      int64
}

// evalOnly are the flags that mean something only with -eval, and
// classifyOnly those that mean nothing with it.
var (
	evalOnly     = []string{"report", "compare", "group", "errors", "bootstrap", "seed"}
	classifyOnly = []string{"format", "explain", "resume"}
)

// checkFlags refuses combinations in which a flag would be ignored: a flag
// that does nothing must say so, not pass in silence.
func checkFlags(f flags, set map[string]bool) error {
	on := func(names []string) string {
		for _, n := range names {
			if set[n] {
				return "-" + n
			}
		}
		return ""
	}
	if f.evalPath == "" {
		if n := on(evalOnly); n != "" {
			return fmt.Errorf("%s needs -eval GOLD (it applies to evaluation reports, not to predictions)", n)
		}
	} else if n := on(classifyOnly); n != "" {
		return fmt.Errorf("%s does not apply to -eval, which writes a report (-report text|json|markdown|html)", n)
	}
	if f.minConf < 0 || f.minConf > 1 {
		return fmt.Errorf("-min-confidence %g: want a probability in [0, 1]", f.minConf)
	}
	if f.explain < 0 {
		return fmt.Errorf("-explain %d: want N ≥ 0", f.explain)
	}
	if f.explain > 0 && f.format != batch.FormatJSONL {
		return fmt.Errorf("-explain needs -format jsonl (the %s output has no column for explanations)", f.format)
	}
	if f.compare != "" {
		for _, n := range []string{"errors", "group", "min-confidence"} {
			if set[n] {
				return fmt.Errorf("-%s does not apply to -compare, which reports the paired tests only", n)
			}
		}
	}
	if f.compare != "" && set["report"] {
		switch f.report {
		case "text", "markdown", "md":
		default:
			return fmt.Errorf("-compare writes text or markdown, not -report %s", f.report)
		}
	}
	return nil
}

func classify(args []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	f := flags{args: append([]string{"classify"}, args...)}
	fs.StringVar(&f.model, "model", "", "model file (default: the embedded news model)")
	fs.StringVar(&f.out, "o", "", "write output here instead of stdout (.gz compresses)")
	fs.StringVar(&f.format, "format", batch.FormatJSONL, "output: jsonl, csv, tsv or summary (one record per article)")
	fs.StringVar(&f.inFormat, "input-format", "auto", "input format: "+corpus.FormatNames+" (auto: from the name, or the first bytes)")
	fs.StringVar(&f.field, "text-field", "text", "JSONL field or CSV/TSV column holding the article text")
	fs.StringVar(&f.idField, "id-field", "id", "CSV/TSV column holding the article id (none: FILE:LINE)")
	deprecated := map[string]string{"field": "text-field"}
	fs.StringVar(&f.field, "field", "text", "deprecated: use -text-field")
	fs.IntVar(&f.workers, "workers", runtime.NumCPU(), "goroutines classifying (output order is kept)")
	fs.IntVar(&f.maxRecord, "max-record", corpus.DefaultMaxRecord, "largest record (JSONL line or text file) in bytes; a larger one is an error record")
	fs.IntVar(&f.explain, "explain", 0, "list the N features that pushed each sentence to its label")
	fs.Float64Var(&f.minConf, "min-confidence", 0, "mark sentences whose label has a lower probability: \"uncertain\": true (jsonl), an uncertain column (csv, tsv), a count (summary); with -eval, coverage and accuracy above it")
	fs.BoolVar(&f.resume, "resume", false, "skip articles already in the -o file and append the rest")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress bar or summary on stderr")
	fs.BoolVar(&f.attribution, "attribution", true, "give each quote's speaker, mention and cue (and, with -eval, score them)")
	fs.StringVar(&f.evalPath, "eval", "", "evaluate on this gold corpus instead of printing predictions")
	fs.StringVar(&f.report, "report", "text", "with -eval: text, json, markdown or html")
	fs.StringVar(&f.compare, "compare", "", "with -eval: compare the model with this second model (paired bootstrap, McNemar)")
	fs.StringVar(&f.group, "group", "", "with -eval: per-group breakdown by this article field (e.g. source)")
	fs.IntVar(&f.errorsN, "errors", 0, "with -eval: list the N most confident errors")
	fs.IntVar(&f.bootstrap, "bootstrap", eval.DefaultBootstrap, "with -eval: bootstrap samples for 95% intervals (0: none)")
	fs.Uint64Var(&f.seed, "seed", 1, "with -eval: seed of the bootstrap")
	fs.StringVar(&f.serve, "serve", "", "serve HTTP on this address (e.g. 127.0.0.1:8080) instead of reading inputs; -workers bounds concurrent requests")
	fs.Int64Var(&f.maxBody, "max-body", serve.DefaultMaxBody, "with -serve: largest request body in bytes")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: classify [-model PATH] [-o OUT] [flags] [INPUT ...]\n       classify [-model PATH] -eval GOLD.jsonl [-report text|json|markdown|html] [-compare MODEL2]\n       classify [-model PATH] -serve ADDR [-workers N] [-max-body BYTES]")
		fs.PrintDefaults()
	}
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, err
		}
		return 2, usageError{err}
	}
	set := make(map[string]bool)
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	for old, now := range deprecated {
		if set[old] {
			fmt.Fprintf(stderr, "classify: -%s is deprecated; use -%s\n", old, now)
		}
	}
	if err := checkFlags(f, set); err != nil {
		return 2, usageError{err}
	}
	m, err := loadModel(f.model)
	if err != nil {
		return 1, err
	}
	if f.serve != "" {
		var bad []string
		fs.Visit(func(fl *flag.Flag) {
			switch fl.Name {
			case "serve", "model", "workers", "max-body", "quiet":
			default:
				bad = append(bad, "-"+fl.Name)
			}
		})
		if len(bad) > 0 {
			return 2, usageError{fmt.Errorf("-serve takes only -model, -workers and -max-body (got %s; explain and format are query parameters of POST /v1/classify)", strings.Join(bad, " "))}
		}
	}
	if f.evalPath != "" {
		if len(inputs) > 0 {
			return 2, usageError{fmt.Errorf("-eval takes no inputs (got %v)", inputs)}
		}
		return evaluate(m, f, stdout, stderr)
	}
	if f.compare != "" {
		return 2, usageError{errors.New("-compare needs -eval")}
	}
	if f.serve != "" {
		if len(inputs) > 0 {
			return 2, usageError{fmt.Errorf("-serve takes no inputs (got %v)", inputs)}
		}
		return serveHTTP(m, f, stderr)
	}
	return classifyInputs(m, f, inputs, stdin, stdout, stderr)
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
	enc = batch.WithMinConfidence(enc, f.minConf)
	inFormat, err := corpus.ParseFormat(f.inFormat)
	if err != nil {
		return 2, usageError{err}
	}
	if f.resume && f.out == "" {
		return 2, usageError{errors.New("-resume needs -o FILE")}
	}
	// Resuming goes by input position: from the checkpoint beside the
	// output when there is one (no need to read the output), else from
	// the records the output holds.
	ckptInputs := inputs
	if len(ckptInputs) == 0 {
		ckptInputs = []string{"-"}
	}
	skipFirst := 0
	checkpoint := f.out != "" && !strings.HasSuffix(strings.ToLower(f.out), ".gz")
	if f.resume {
		n, ok, err := batch.ResumeFromCheckpoint(f.out, f.format, ckptInputs)
		if err != nil {
			return 1, err
		}
		if !ok {
			if n, err = batch.ResumeAt(f.out, f.format); err != nil {
				return 1, err
			}
		}
		skipFirst = n
	} else if checkpoint {
		if err := batch.RemoveCheckpoint(f.out); err != nil {
			return 1, err
		}
	}
	if f.maxRecord <= 0 {
		return 2, usageError{fmt.Errorf("-max-record %d: must be positive", f.maxRecord)}
	}
	readOpts := corpus.ReaderOptions{Format: inFormat, TextField: f.field, IDField: f.idField, MaxRecord: f.maxRecord}
	var r corpus.Reader
	var totalBytes int64
	var readBytes func() int64 // for the progress bar
	closeIn := func() {}
	if len(inputs) == 0 {
		in := &countingReader{r: stdin}
		r, readBytes = corpus.NewReader(in, "-", readOpts), in.n.Load
	} else {
		mr := corpus.Open(inputs, readOpts)
		closeIn = func() { mr.Close() }
		r = mr
		totalBytes, readBytes = corpus.InputSize(inputs), mr.InputBytes
	}

	w, closeOut, fresh, err := openOutput(f.out, f.resume, stdout)
	if err != nil {
		return 1, err
	}
	var base int64 // output bytes before this run
	if checkpoint {
		if fi, err := os.Stat(f.out); err == nil {
			base = fi.Size()
		}
	}
	cw := &countingWriter{w: w}
	bw := bufio.NewWriterSize(cw, 1<<20)
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
	go func() {
		<-ctx.Done()
		stop() // a second signal kills at once
	}()
	bar := newProgress(stderr, f.quiet, totalBytes, readBytes)
	start := time.Now()
	var ckptErr error
	saveCheckpoint := func(st batch.Stats) {
		if !checkpoint || ckptErr != nil {
			return
		}
		if ckptErr = bw.Flush(); ckptErr == nil {
			ckptErr = batch.WriteCheckpoint(f.out, batch.Checkpoint{Records: skipFirst + st.Articles,
				Offset: base + cw.n, Format: f.format, Inputs: ckptInputs})
		}
	}
	lastCkpt := time.Now()
	progress := func(st batch.Stats) {
		bar.update(st)
		if time.Since(lastCkpt) >= checkpointEvery {
			saveCheckpoint(st)
			lastCkpt = time.Now()
		}
	}
	opts := batch.Options{Workers: f.workers, Explain: f.explain, Progress: progress, SkipFirst: skipFirst, NoAttribution: !f.attribution}
	st, runErr := batch.Run(ctx, r, m, enc, bw, opts)
	if runErr == nil || errors.Is(runErr, context.Canceled) {
		saveCheckpoint(st)
		if ckptErr != nil && runErr == nil {
			runErr = ckptErr
		}
	}
	if !errors.Is(runErr, context.Canceled) {
		// Interrupted, a read may still be blocked in the reader (a pipe, a
		// FIFO): closing it would race with that read, and the process
		// exits anyway.
		closeIn()
	}
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

// checkpointEvery is how often the output is flushed and its checkpoint
// written during a run (and once at the end).
const checkpointEvery = time.Second

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
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

func evaluate(m *models.Model, f flags, stdout, stderr io.Writer) (int, error) {
	inFormat, err := corpus.ParseFormat(f.inFormat)
	if err != nil {
		return 2, usageError{err}
	}
	if _, err := os.Stat(f.evalPath); errors.Is(err, os.ErrNotExist) {
		return 1, fmt.Errorf("-eval %s: no such file or directory", f.evalPath)
	}
	gold, bad, err := corpus.ReadAll([]string{f.evalPath}, corpus.ReaderOptions{Format: inFormat, TextField: f.field, IDField: f.idField})
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
	items, err := modeleval.EvalItems(m, gold, f.group, f.workers)
	if err != nil {
		return 1, err
	}
	opts := eval.Options{Bootstrap: f.bootstrap, Seed: f.seed, Errors: f.errorsN, MinConfidence: f.minConf}
	rep := eval.Evaluate(m.Labels, items, opts)
	rep.Title = "Evaluation on " + f.evalPath
	rep.About = modeleval.About(m, f.model, f.args)
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
		items2, err := modeleval.EvalItems(m2, gold, f.group, f.workers)
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

// parseInterleaved parses flags given anywhere among the inputs, as users
// type them ("classify in.jsonl -o out.jsonl"), where flag.Parse alone would
// take "-o" for an input. After "--" every argument is an input, so a file
// named "-x" is still reachable.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var inputs []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(inputs, rest...), nil
		}
		if len(rest) == 0 {
			return inputs, nil
		}
		inputs = append(inputs, rest[0])
		args = rest[1:]
	}
}
