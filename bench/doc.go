// Package bench holds stancekit's public benchmarks: standard data sets on
// which its classifiers are scored and timed, and compared with reference
// implementations (scikit-learn, fastText) on identical folds.
//
// SUBJ (Pang & Lee 2004; 10,000 movie-review sentences, subjective or
// objective) is the general-classifier benchmark: BenchmarkSUBJ runs
// 10-fold cross-validation of each trainer in its best configuration and
// reports accuracy (mean ± sample std over folds, %), training and
// prediction throughput per core in sentences/s, and peak heap in use.
// TestSUBJTable, enabled by -subj-table, prints the comparison as a
// Markdown table; README.md gives the commands and the published figures
// (Wang & Manning 2012, "Baselines and Bigrams", ACL) they are set against.
//
// The data are not in this repository (the authors give no licence to
// redistribute them): README.md says how to make bench/testdata/subj/subj.tsv
// from the public release, and the benchmarks skip with a message when it
// is absent. The baselines are bench/baselines.py. Folds are those of
// modeleval.CrossValidate (eval.Folds, seed 1), so that
// `train -data subj.tsv -cv 10 -seed 1` reports the same scores.
//
// The package has no exported API; this file exists for its documentation.
package bench
