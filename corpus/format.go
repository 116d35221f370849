package corpus

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is a corpus file format.
type Format int

// Formats. FormatAuto picks one from the file name, or for a stream without
// a telling name, from its first non-space bytes ('{' means JSONL,
// "__label__" fastText, a first line of column names that include the text
// field a CSV or TSV table, anything else raw text).
//
// FormatTSV is label<TAB>text, one sentence a line, unless its first line
// names the columns (a header with the text field among them): then it is
// a table of articles, like FormatCSV with tabs and no quoting.
const (
	FormatAuto Format = iota
	FormatJSONL
	FormatTSV
	FormatFastText
	FormatText
	FormatCSV
)

var formatNames = []string{"auto", "jsonl", "tsv", "fasttext", "text", "csv"}

// FormatNames lists the names ParseFormat takes, for flag help and errors.
const FormatNames = "auto, jsonl, csv, tsv, fasttext or text"

func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ParseFormat parses a format name as the commands' -format flag takes it.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return FormatAuto, nil
	case "jsonl", "json", "ndjson":
		return FormatJSONL, nil
	case "tsv":
		return FormatTSV, nil
	case "fasttext", "ft":
		return FormatFastText, nil
	case "text", "txt":
		return FormatText, nil
	case "csv":
		return FormatCSV, nil
	}
	return FormatAuto, fmt.Errorf("corpus: unknown format %q (want %s)", s, FormatNames)
}

// FormatOf returns the format a file name implies (a .gz suffix is looked
// through), or FormatAuto when the name does not tell.
func FormatOf(name string) Format {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson", ".json":
		return FormatJSONL
	case ".tsv":
		return FormatTSV
	case ".ft", ".fasttext":
		return FormatFastText
	case ".txt", ".text":
		return FormatText
	case ".csv":
		return FormatCSV
	}
	return FormatAuto
}
