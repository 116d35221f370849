package bench_test

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/modeleval"
)

var (
	subjData  = flag.String("subj-data", filepath.Join("..", "..", "shared", "bench", "subj", "subj.tsv"), "SUBJ data set, label<TAB>sentence")
	subjFolds = flag.String("subj-folds", "", "write the fold of every SUBJ line to this file (for baselines.py --fold-file)")
)

const (
	subjK    = 10
	subjSeed = 1
)

// readSUBJ loads the data set, or skips when it is absent.
func readSUBJ(tb testing.TB) []*corpus.Article {
	tb.Helper()
	if _, err := os.Stat(*subjData); err != nil {
		tb.Skipf("SUBJ data absent (%v): it lives in ../shared/bench/subj/ next to the repository, or pass -subj-data", err)
	}
	articles, bad, err := modeleval.ReadAll([]string{*subjData}, corpus.ReaderOptions{Format: corpus.FormatTSV})
	require.NoError(tb, err)
	require.Empty(tb, bad, "bad records in %s", *subjData)
	return articles
}

// subjFoldsOf returns each article's fold as modeleval.CrossValidate assigns
// it: one unit per sentence grouped by article position, labels indexed in
// sorted order, eval.Folds with a PCG seeded (seed, seed). TestSUBJTable
// checks the copy against CrossValidate's own fold scores.
func subjFoldsOf(articles []*corpus.Article, k int, seed uint64) ([]int, error) {
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

// TestSUBJFolds writes the fold assignment of -cv 10 -seed 1 when
// -subj-folds is given.
func TestSUBJFolds(t *testing.T) {
	if *subjFolds == "" {
		t.Skip("pass -subj-folds FILE to write the SUBJ fold assignment")
	}
	articles := readSUBJ(t)
	folds, err := subjFoldsOf(articles, subjK, subjSeed)
	require.NoError(t, err)
	require.NoError(t, writeFolds(*subjFolds, folds))
}
