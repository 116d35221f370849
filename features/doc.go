// Package features turns article text into what models read.
//
// Segmentation (package segment) and tokenization (package token) come
// first; this package then turns each sentence, seen in its article, into a
// sparse Vector. Every family of features (word n-grams, character
// n-grams, cue lexicons, neighbours' cues, position, word vectors) is a
// Family: it has a dimension, names its features, and writes the features
// of sentence i of an analysed article into a vector at an offset. A
// Pipeline concatenates the families it is configured with into one index
// space (dense families first, then the hashed or learned n-gram block),
// and is fitted once (vocabulary, idf) and then read-only.
//
// Vectors are sorted by index and reused (Reset), so that extraction does
// not allocate per sentence in steady state.
package features
