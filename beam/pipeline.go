package main

import (
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"

	"github.com/stancekit/stancekit/corpus"
)

// config is what the pipeline needs from the command line.
type config struct {
	Input     string   // comma-separated globs
	Output    string   // prefix of the output files
	Model     string   // model path; "" is the embedded model
	Labels    []string // the model's labels, for the aggregate table
	Group     string   // article field of the aggregate table
	Field     string   // JSONL text field
	Format    string   // input format, as classify's -input-format
	Shards    int      // sentence output files
	SplitSize int64    // bytes per line range of a large file
}

func (c config) check() error {
	switch {
	case strings.TrimSpace(c.Input) == "":
		return fmt.Errorf("--input is required")
	case c.Output == "":
		return fmt.Errorf("--output is required")
	case c.Shards < 1:
		return fmt.Errorf("--shards must be at least 1")
	case c.SplitSize < 1:
		return fmt.Errorf("--split_size must be positive")
	}
	_, err := corpus.ParseFormat(c.Format)
	return err
}

// build adds the pipeline to s:
//
//	globs → match → plan (line ranges of large files) → reshuffle
//	      → read + classify ─┬─ sentence records → PREFIX-0000i-of-0000N.jsonl
//	                         ├─ error records    → PREFIX-errors-00000-of-00001.jsonl
//	                         └─ tallies → combine per group → PREFIX-aggregates.{jsonl,csv}
func build(s beam.Scope, c config) {
	var files []beam.PCollection
	for _, g := range strings.Split(c.Input, ",") {
		if g = strings.TrimSpace(g); g != "" {
			files = append(files, fileio.MatchFiles(s.Scope("Match"), g, fileio.MatchEmptyDisallow()))
		}
	}
	matched := beam.Flatten(s, files...)
	chunks := beam.ParDo(s, &planFn{SplitSize: c.SplitSize, Format: c.Format}, matched)
	// Break fusion: without it a runner may read every range of a file on
	// the worker that planned it.
	chunks = beam.Reshuffle(s, chunks)
	records, errs, tallies := beam.ParDo3(s, &classifyFn{
		Model: c.Model, Field: c.Field, Format: c.Format, Group: c.Group, Shards: c.Shards,
	}, chunks)
	writeShards(s.Scope("Sentences"), c.Output, c.Shards, records)
	writeShards(s.Scope("Errors"), c.Output+"-errors", 1, beam.ParDo(s, errorShard, errs))
	writeAggregates(s, c.Output, c.Group, c.Labels, tallies)
}

func errorShard(b []byte) (int, []byte) { return 0, b }
