// Package serve is stancekit's HTTP service: the classify command's
// -serve mode. It labels articles posted to POST /v1/classify with the
// same model, reader and record encoder as the batch command (corpus,
// batch.Run, batch.JSONL or batch.Summary), so that a record from the
// service is byte for byte the record the CLI writes for the same input.
// It also serves a page at / for reading a labelled article in a browser,
// /healthz, /v1/model and Prometheus metrics at /metrics.
//
// Load is bounded: at most Options.Workers requests classify at once, at
// most Options.Queue more wait for a worker, and any beyond that get 503
// with Retry-After. Every input error gets a JSON answer
// ({"error": "…", "line": N}) and a status (400, 405, 413, 415); a panic in
// a handler gets 500 and a log line, and the server goes on.
package serve
