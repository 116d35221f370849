package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Resume prepares an output file for a resumed run: it reads the article ids
// already written and truncates the file after the last article that is
// surely complete (the last article's records are dropped, since an
// interrupted run may have written only part of them; it is classified
// again). It returns the set of ids to skip. A missing file is an empty set.
// Compressed output cannot be resumed.
func Resume(path, format string) (map[string]bool, error) {
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		return nil, fmt.Errorf("batch: -resume needs an uncompressed output file, not %s", path)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("batch: resume: %w", err)
	}
	defer f.Close()
	format = strings.ToLower(format)
	done := map[string]bool{}
	br := bufio.NewReaderSize(f, 1<<20)
	var off, lastStart int64
	last := ""
	lineNo := 0
	inQuotes := false // CSV: the line goes on a quoted field with a newline
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 && line[len(line)-1] == '\n' {
			lineNo++
			continued := inQuotes
			if format == FormatCSV && bytes.Count(line, []byte{'"'})%2 == 1 {
				inQuotes = !inQuotes
			}
			id, ok := articleOf(line, format, lineNo)
			if ok && !continued {
				if id != last {
					if last != "" {
						done[last] = true
					}
					last = id
					lastStart = off
				}
			}
			off += int64(len(line))
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("batch: resume %s: %w", path, err)
		}
	}
	// Drop the last article (possibly partial) and any partial line.
	end := off
	if last != "" {
		end = lastStart
	}
	if err := f.Truncate(end); err != nil {
		return nil, fmt.Errorf("batch: resume %s: %w", path, err)
	}
	return done, nil
}

// articleOf returns the article id of one output record; ok is false for
// a header or a line that cannot be read.
func articleOf(line []byte, format string, lineNo int) (string, bool) {
	switch format {
	case FormatCSV, FormatTSV:
		if lineNo == 1 && bytes.HasPrefix(line, []byte("article")) {
			return "", false
		}
		sep := byte(',')
		if format == FormatTSV {
			sep = '\t'
		}
		if format == FormatCSV && len(line) > 0 && line[0] == '"' {
			// A quoted id: read up to the closing quote that is not doubled.
			var b []byte
			for i := 1; i < len(line); i++ {
				if line[i] == '"' {
					if i+1 < len(line) && line[i+1] == '"' {
						b = append(b, '"')
						i++
						continue
					}
					return string(b), true
				}
				b = append(b, line[i])
			}
			return "", false
		}
		i := bytes.IndexByte(line, sep)
		if i < 0 {
			return "", false
		}
		return string(line[:i]), true
	default:
		var rec struct {
			Article *string `json:"article"`
		}
		if json.Unmarshal(line, &rec) != nil || rec.Article == nil {
			return "", false
		}
		return *rec.Article, true
	}
}
