// Package corpus reads and writes news articles and labelled sentence corpora.
//
// An Article holds an article's raw text, its paragraphs and its sentences as
// byte offsets into that text. Readers stream: they yield one Article at a
// time together with the file and line it came from, so that every error can
// name them. A bad record is reported as a *RecordError and reading goes on;
// any other error ends the stream.
//
// Formats:
//   - JSON Lines, one article a line, as in the annotation guide:
//     {"id": "a1", "source": "…", "sentences": [{"text": "…", "label": "fact", "para": 0}, …]}
//     or with a raw "text" field (or another field named by ReaderOptions.TextField).
//     The raw text of a sentence-labelled article is its paragraphs joined by a
//     blank line, the sentences of a paragraph joined by one space.
//   - label<TAB>text lines (TSV) and fastText lines (__label__X text): each line
//     is an item of its own, read as a one-sentence article.
//   - a raw text article (.txt): paragraphs separated by blank lines.
//   - a directory of those, walked recursively in sorted order, symlinks not
//     followed; and standard input ("-").
//
// Files ending in .gz are decompressed on the fly; the format comes from the
// name without .gz.
package corpus
