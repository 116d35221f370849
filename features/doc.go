// Package features turns article text into what models read.
//
// It composes small parts, each tested alone: a Segmenter splits raw text
// into paragraphs and sentences (byte offsets into the text), a tokenizer
// yields tokens with byte offsets and a normalized form, and Extractors turn
// one sentence, seen in its article, into a sparse Vector. Families of
// features (word n-grams, cue lexicons, context of neighbouring sentences)
// are Extractors; a Pipeline concatenates them into one index space and is an
// Extractor itself.
//
// Vectors are sorted by index and reused (Reset), so that extraction does not
// allocate per sentence in steady state.
package features
