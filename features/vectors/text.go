package vectors

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TextOptions control ReadText.
type TextOptions struct {
	MaxWords  int  // keep the first MaxWords words (files list the most frequent first); 0: all
	Lowercase bool // fold words to lower case (the first, most frequent, form of a word wins)
}

// ReadText reads word vectors in the text formats in common use: GloVe
// (`word v1 … vd` per line), word2vec text and fastText .vec (the same,
// after a first line `count dim`). Gzip-compressed input is recognized by
// its magic bytes. name is used in errors, which give the line.
func ReadText(r io.Reader, name string, opts TextOptions) (*Table, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("vectors: %s: %w", name, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	t := &Table{}
	seen := map[string]bool{}
	line := 0
	var vec []float32
	for sc.Scan() {
		line++
		text := sc.Bytes()
		if !utf8.Valid(text) {
			return nil, fmt.Errorf("vectors: %s:%d: invalid UTF-8", name, line)
		}
		fields := strings.Fields(string(text))
		if len(fields) == 0 {
			continue
		}
		if line == 1 && len(fields) == 2 {
			if _, err := strconv.Atoi(fields[0]); err == nil {
				d, err := strconv.Atoi(fields[1])
				if err != nil || d <= 0 || d > maxDim {
					return nil, fmt.Errorf("vectors: %s:1: header %q: dimension must be 1..%d", name, text, maxDim)
				}
				t.Dim = d
				continue
			}
		}
		if t.Dim == 0 {
			t.Dim = len(fields) - 1
			if t.Dim <= 0 || t.Dim > maxDim {
				return nil, fmt.Errorf("vectors: %s:%d: %d values on the first line: not a vector file", name, line, t.Dim)
			}
		}
		if len(fields) < t.Dim+1 {
			return nil, fmt.Errorf("vectors: %s:%d: %d values, want %d", name, line, len(fields)-1, t.Dim)
		}
		// Words with spaces (some GloVe releases) keep everything before the
		// last Dim fields.
		word := strings.Join(fields[:len(fields)-t.Dim], " ")
		if opts.Lowercase {
			word = strings.ToLower(word)
		}
		vec = vec[:0]
		for _, f := range fields[len(fields)-t.Dim:] {
			x, err := strconv.ParseFloat(f, 32)
			if err != nil {
				return nil, fmt.Errorf("vectors: %s:%d: %q is not a number", name, line, f)
			}
			vec = append(vec, float32(x))
		}
		if seen[word] {
			continue
		}
		seen[word] = true
		t.Words = append(t.Words, word)
		t.Scale = append(t.Scale, quantizeRow(vec, &t.Data))
		if opts.MaxWords > 0 && len(t.Words) >= opts.MaxWords {
			break
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("vectors: %s:%d: %w", name, line+1, err)
	}
	if len(t.Words) == 0 {
		return nil, fmt.Errorf("vectors: %s: no vectors", name)
	}
	return t, nil
}

// Load reads a table from b: the compact format when b starts with its
// magic, a text format otherwise.
func Load(b []byte, name string, opts TextOptions) (*Table, error) {
	if bytes.HasPrefix(b, []byte(fileMagic)) {
		t, err := Decode(b)
		if err != nil {
			return nil, fmt.Errorf("vectors: %s: %w", name, err)
		}
		return t, nil
	}
	return ReadText(bytes.NewReader(b), name, opts)
}
