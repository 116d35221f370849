// Package modeleval evaluates models on corpora: it turns a model's
// predictions on gold articles into eval items, runs cross-validation and
// learning curves, and offers helpers that guard a model's quality in
// go test (RequireFloors) and report its speed and score in benchmarks
// (ReportBenchmark).
//
// It joins the models and eval packages, which do not know each other.
package modeleval
