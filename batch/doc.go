// Package batch classifies a stream of articles with a model: a worker
// pool over all cores that keeps output in input order, memory bounded by
// the number of workers and the largest article, and nothing lost on bad
// input: an article that cannot be read or classified becomes an error
// record in its place, and the run goes on.
//
// It is the library behind the classify command; a Go program can run the
// same job with Run.
package batch
