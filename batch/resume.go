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
//
// Resume skips by id, so a later article that reuses an id is lost: use
// ResumeAt, which resumes by input position.
func Resume(path, format string) (map[string]bool, error) {
	done, _, err := scanOutput(path, format)
	return done, err
}

// ResumeAt is Resume by input position: it truncates the output as Resume
// does and returns how many input records (articles and bad records) it
// holds, in order; a resumed run skips that many records of the same
// input (Options.SkipFirst). Articles that reuse an id, even next to each
// other, are each counted (a record starts at sentence 0).
func ResumeAt(path, format string) (int, error) {
	_, n, err := scanOutput(path, format)
	return n, err
}

func scanOutput(path, format string) (map[string]bool, int, error) {
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		return nil, 0, fmt.Errorf("batch: -resume needs an uncompressed output file, not %s", path)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]bool{}, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("batch: resume: %w", err)
	}
	defer f.Close()
	format = strings.ToLower(format)
	done := map[string]bool{}
	records := 0
	br := bufio.NewReaderSize(f, 1<<20)
	var off, lastStart int64
	last, started := "", false
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
			id, first, ok := articleOf(line, format, lineNo)
			if ok && !continued {
				if !started || id != last || first {
					if started {
						done[last] = true
						records++
					}
					last, started = id, true
					lastStart = off
				}
			}
			off += int64(len(line))
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("batch: resume %s: %w", path, err)
		}
	}
	// Drop the last article (possibly partial) and any partial line.
	end := off
	if started {
		end = lastStart
	}
	if err := f.Truncate(end); err != nil {
		return nil, 0, fmt.Errorf("batch: resume %s: %w", path, err)
	}
	return done, records, nil
}

// articleOf returns the article id of one output record and whether the
// line starts an input record (sentence 0, an error, a summary line); ok
// is false for a header or a line that cannot be read.
func articleOf(line []byte, format string, lineNo int) (id string, first, ok bool) {
	switch format {
	case FormatCSV, FormatTSV:
		if lineNo == 1 && bytes.HasPrefix(line, []byte("article")) {
			return "", false, false
		}
		sep := byte(',')
		if format == FormatTSV {
			sep = '\t'
		}
		rest := line
		if format == FormatCSV && len(line) > 0 && line[0] == '"' {
			// A quoted id: read up to the closing quote that is not doubled.
			var b []byte
			i := 1
			for ; i < len(line); i++ {
				if line[i] == '"' {
					if i+1 < len(line) && line[i+1] == '"' {
						b = append(b, '"')
						i++
						continue
					}
					break
				}
				b = append(b, line[i])
			}
			if i >= len(line) {
				return "", false, false
			}
			id, rest = string(b), line[i+1:]
		} else {
			i := bytes.IndexByte(line, sep)
			if i < 0 {
				return "", false, false
			}
			id, rest = string(line[:i]), line[i:]
		}
		// rest starts at the separator before the sentence column.
		first = bytes.HasPrefix(rest, []byte{sep, '0', sep}) || bytes.HasPrefix(rest, []byte{sep, '-', '1', sep})
		return id, first, true
	default:
		var rec struct {
			Article  *string `json:"article"`
			Sentence *int    `json:"sentence"`
		}
		if json.Unmarshal(line, &rec) != nil || rec.Article == nil {
			return "", false, false
		}
		return *rec.Article, rec.Sentence == nil || *rec.Sentence == 0, true
	}
}
