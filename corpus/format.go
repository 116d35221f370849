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
// "__label__" fastText, anything else raw text).
const (
	FormatAuto Format = iota
	FormatJSONL
	FormatTSV
	FormatFastText
	FormatText
)

var formatNames = []string{"auto", "jsonl", "tsv", "fasttext", "text"}

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
	}
	return FormatAuto, fmt.Errorf("corpus: unknown format %q (want auto, jsonl, tsv, fasttext or text)", s)
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
	}
	return FormatAuto
}
