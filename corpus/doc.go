// Package corpus reads and writes news articles and labelled sentence corpora.
//
// An Article holds an article's raw text, its paragraphs and its sentences as
// byte offsets into that text. Readers stream: they yield one Article at a
// time together with the file and line it came from, so that every error can
// name them. A bad record is reported as a *RecordError and reading goes on;
// any other error (a failed read) ends the stream. Open, which reads many
// inputs, reports a failed read as a *RecordError for that input and goes on
// with the next, so that one truncated file does not lose the others.
//
// Formats:
//   - JSON Lines, one article a line, as in the annotation guide:
//     {"id": "a1", "source": "…", "sentences": [{"text": "…", "label": "fact", "para": 0}, …]}
//     or with a raw "text" field (or another field named by ReaderOptions.TextField).
//     The raw text of a sentence-labelled article is its paragraphs joined by a
//     blank line, the sentences of a paragraph joined by one space.
//   - label<TAB>text lines (TSV) and fastText lines (__label__X text): each line
//     is an item of its own, read as a one-sentence article.
//   - a table of articles, CSV (.csv, RFC 4180 quoting by encoding/csv) or TSV
//     (tabs, no quoting), whose first row names the columns: the raw text in
//     the column ReaderOptions.TextField names, the id in IDField's, "source"
//     and any other column kept as fields. A TSV is such a table when its
//     first line is a header naming the text column.
//   - a raw text article (.txt): paragraphs separated by blank lines.
//   - a directory of those, walked recursively in sorted order, hidden files
//     skipped, symlinks reported and not followed; and standard input ("-"),
//     whose format is sniffed from its first bytes ('{' is JSONL,
//     "__label__" fastText, a header row naming the text column CSV or TSV,
//     anything else raw text).
//
// Each reader refuses input that does not look like its format, with one
// *RecordError wrapping ErrFormat for the whole input (not one a line) that
// names the format tried: a JSONL file whose first line is not an object, a
// TSV whose first column holds ids or long text rather than labels, a
// fastText file whose first lines have no label and a tab each, raw
// text whose first line is a table's header row or that is one long line
// dense with commas, a table without the text column.
//
// ReadAll reads whole corpora into memory, bad records collected.
//
// Files ending in .gz are decompressed on the fly; the format comes from the
// name without .gz.
package corpus
