// Command beam classifies news archives with Apache Beam: the same
// readers, model and record encoder as the classify command, run on
// prism (in-process, the default), Dataflow, Flink, Spark or any portable
// runner. See docs/beam.md.
//
//	cd beam && go run . --input='../testdata/news/*.jsonl' --output=/tmp/news
//
// Outputs, all starting with --output's PREFIX:
//
//	PREFIX-00000-of-00004.jsonl …          sentence records, as classify writes them
//	PREFIX-errors-00000-of-00001.jsonl     error records {"article","error","file","line"}
//	PREFIX-aggregates.jsonl, .csv          per --group value and month: articles, sentences, label shares, appeal blocks
//
// Exit status: 0 ok, 1 some input failed (error records were written) or
// the pipeline failed, 2 usage error.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/stancekit/stancekit/corpus"
)

var (
	input     = flag.String("input", "", "input files: comma-separated globs on any Beam file system (local, gs://)")
	output    = flag.String("output", "", "prefix of the output files (local or gs://…)")
	modelPath = flag.String("model", "", "model file (default: the embedded news model)")
	group     = flag.String("group", "source", "article field of the aggregate table (id, source or any JSONL string field)")
	field     = flag.String("field", "text", "JSONL field or CSV/TSV column holding the article text (classify's -text-field)")
	inFormat  = flag.String("input_format", "auto", "input format: "+corpus.FormatNames)
	shards    = flag.Int("shards", 4, "number of sentence output files")
	splitMB   = flag.Int64("split_mb", 64, "uncompressed JSONL files larger than this many MiB are read in line ranges of this size")
)

func init() {
	register.Function1x2(errorShard)
}

func main() {
	flag.Parse()
	beam.Init()
	os.Exit(run(context.Background()))
}

func run(ctx context.Context) int {
	c := config{
		Input: *input, Output: *output, Model: *modelPath, Group: *group, Field: *field,
		Format: *inFormat, Shards: *shards, SplitSize: *splitMB << 20,
	}
	if err := c.check(); err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		flag.Usage()
		return 2
	}
	// Load the model here too: a bad --model fails before any worker
	// starts, and the aggregate writer needs its labels.
	m, err := loadModel(ctx, c.Model)
	if err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		return 1
	}
	c.Labels = m.Labels
	p, s := beam.NewPipelineWithRoot()
	build(s, c)
	start := time.Now()
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		return 1
	}
	if res == nil {
		return 0 // a runner that only submits the job (Dataflow without --wait…)
	}
	counts := map[string]int64{}
	for _, r := range res.Metrics().AllMetrics().Counters() {
		counts[r.Key.Name] += r.Result()
	}
	fmt.Fprintf(os.Stderr, "beam: %d articles (%d errors), %d sentences in %s\n",
		counts["articles"], counts["errors"], counts["sentences"], time.Since(start).Round(time.Millisecond))
	if counts["errors"] > 0 {
		return 1
	}
	return 0
}
