package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/stancekit/stancekit/batch"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*groupTally)(nil)).Elem())
	register.Function1x2(shardKey)
	register.DoFn4x1[context.Context, int, func(*int) bool, func(*[]byte) bool, error](&writeShardFn{})
	register.Iter1[int]()
	register.Iter1[[]byte]()
	register.Combiner1[batch.Tally](&mergeTallyFn{})
	register.Function2x2(toTableRow)
	register.DoFn4x1[context.Context, int, func(*int) bool, func(*groupTally) bool, error](&writeTableFn{})
	register.Iter1[groupTally]()
}

// shardName is the name of shard i of n of an output.
func shardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

func shardKey(i int) (int, int) { return i, i }

// writeShards writes KV<shard, bytes> to n files prefix-0000i-of-0000n.jsonl.
// Every shard is written, an empty one too, so that readers can rely on
// the names; the order of articles inside a shard is not defined.
func writeShards(s beam.Scope, prefix string, n int, recs beam.PCollection) {
	s = s.Scope("WriteShards")
	ids := make([]int, n)
	for i := range ids {
		ids[i] = i
	}
	keys := beam.ParDo(s, shardKey, beam.CreateList(s, ids))
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Shards: n}, beam.CoGroupByKey(s, keys, recs))
}

type writeShardFn struct {
	Prefix string
	Shards int
}

func (fn *writeShardFn) ProcessElement(ctx context.Context, shard int, _ func(*int) bool, recs func(*[]byte) bool) error {
	return writeFile(ctx, shardName(fn.Prefix, shard, fn.Shards), func(w io.Writer) error {
		var b []byte
		for recs(&b) {
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeFile creates path on its file system (overwriting it: a retried
// bundle writes the same shard again) and commits it on Close.
func writeFile(ctx context.Context, path string, write func(io.Writer) error) error {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return err
	}
	defer fs.Close()
	wc, err := fs.OpenWrite(ctx, path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(wc, 1<<20)
	err = write(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := wc.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// groupKey encodes a group of the aggregate table as a shuffle key.
func groupKey(k batch.GroupKey) string {
	b, _ := json.Marshal([2]string{k.Value, k.Month})
	return string(b)
}

func parseGroupKey(s string) (batch.GroupKey, error) {
	var v [2]string
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return batch.GroupKey{}, err
	}
	return batch.GroupKey{Value: v[0], Month: v[1]}, nil
}

// mergeTallyFn sums the tallies of a group. It makes a new tally: a runner
// may hand it values it still holds elsewhere (one article's tally is
// emitted for several groups), which must not change.
type mergeTallyFn struct{}

func (mergeTallyFn) MergeAccumulators(a, b batch.Tally) batch.Tally {
	sum := batch.Tally{Counts: make([]int, max(len(a.Counts), len(b.Counts)))}
	sum.Merge(a)
	sum.Merge(b)
	return sum
}

// groupTally is one row of the aggregate table on its way to the writer.
type groupTally struct {
	Key   string
	Tally batch.Tally
}

// toTableRow puts every row under one key: the table is small (groups ×
// months) and written as one file.
func toTableRow(k string, t batch.Tally) (int, groupTally) { return 0, groupTally{k, t} }

// writeAggregates writes the table as PREFIX-aggregates.jsonl and .csv,
// empty tables included.
func writeAggregates(s beam.Scope, prefix, field string, labels []string, tallies beam.PCollection) {
	s = s.Scope("WriteAggregates")
	groups := beam.CombinePerKey(s, &mergeTallyFn{}, tallies)
	rows := beam.ParDo(s, toTableRow, groups)
	key := beam.ParDo(s, shardKey, beam.CreateList(s, []int{0}))
	beam.ParDo0(s, &writeTableFn{Prefix: prefix, Field: field, Labels: labels}, beam.CoGroupByKey(s, key, rows))
}

type writeTableFn struct {
	Prefix string
	Field  string
	Labels []string
}

func (fn *writeTableFn) ProcessElement(ctx context.Context, _ int, _ func(*int) bool, rows func(*groupTally) bool) error {
	agg := batch.NewAggregate(fn.Field, fn.Labels)
	var r groupTally
	for rows(&r) {
		k, err := parseGroupKey(r.Key)
		if err != nil {
			return err
		}
		agg.AddTally(k, r.Tally)
	}
	if err := writeFile(ctx, fn.Prefix+"-aggregates.jsonl", agg.WriteJSONL); err != nil {
		return err
	}
	return writeFile(ctx, fn.Prefix+"-aggregates.csv", agg.WriteCSV)
}
