package segment

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/segment/*.golden from the segmenter's output (check every change by hand)")

// Golden files. testdata/segment/NAME.txt holds cases, each after a line
// "--- description" (lines before the first are a header). NAME.golden
// holds, under the same description lines, the expected sentences one a
// line with an empty line between paragraphs. The expectations were
// written by hand, as a copy editor would split the text.
//
// Both files escape what a text editor would lose or hide: \r, \t,
// \uXXXX for invisible characters and \\; in .golden also \n, a line
// break inside a sentence.

const caseSep = "--- "

type segCase struct {
	desc string
	text string // unescaped; golden: the rendered expectation, escaped
}

// readCases splits a .txt or .golden file into its cases.
func readCases(tb testing.TB, path string) []segCase {
	tb.Helper()
	b, err := os.ReadFile(path)
	require.NoError(tb, err)
	var cases []segCase
	var lines []string
	flush := func() {
		if len(cases) > 0 {
			for len(lines) > 0 && lines[len(lines)-1] == "" {
				lines = lines[:len(lines)-1]
			}
			cases[len(cases)-1].text = strings.Join(lines, "\n")
		}
		lines = lines[:0]
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, caseSep) {
			flush()
			cases = append(cases, segCase{desc: strings.TrimPrefix(line, caseSep)})
			continue
		}
		lines = append(lines, line)
	}
	flush()
	return cases
}

// unescapeCase decodes \r \t \n \\ and \uXXXX; any other backslash is
// kept as it is.
func unescapeCase(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		switch s[i+1] {
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case '\\':
			b.WriteByte('\\')
		case 'u':
			if i+6 <= len(s) {
				if v, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
					b.WriteRune(rune(v))
					i += 5
					continue
				}
			}
			b.WriteByte('\\')
			continue
		default:
			b.WriteByte('\\')
			continue
		}
		i++
	}
	return b.String()
}

// escapeSentence writes a sentence on one line of a .golden file.
func escapeSentence(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\u00a0', '\ufeff', '\u200b', '\u2028', '\u2029', '\u202f', '\u2009', '\u0301', '\u200d', '\u00ad', '\u3000', '\u0085', '\v', '\f':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// renderSentences is the .golden form of the segmentation of text.
func renderSentences(seg *Segmenter, text string) string {
	var lines []string
	para := 0
	for b := range seg.Sentences(text) {
		if b.Para != para {
			lines = append(lines, "")
			para = b.Para
		}
		lines = append(lines, escapeSentence(text[b.Start:b.End]))
	}
	return strings.Join(lines, "\n")
}

func TestSegmentGolden(t *testing.T) {
	files, err := filepath.Glob("../../testdata/segment/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	seg := New()
	total := 0
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		goldPath := strings.TrimSuffix(file, ".txt") + ".golden"
		cases := readCases(t, file)
		total += len(cases)
		if *update {
			var b strings.Builder
			for _, c := range cases {
				fmt.Fprintf(&b, "%s%s\n%s\n", caseSep, c.desc, renderSentences(seg, unescapeCase(c.text)))
			}
			require.NoError(t, os.WriteFile(goldPath, []byte(b.String()), 0o644))
			continue
		}
		gold := readCases(t, goldPath)
		require.Len(t, gold, len(cases), "%s: cases in .txt and .golden", name)
		for i, c := range cases {
			t.Run(fmt.Sprintf("%s/%03d", name, i+1), func(t *testing.T) {
				require.Equal(t, c.desc, gold[i].desc, "descriptions out of step")
				assert.Equal(t, gold[i].text, renderSentences(seg, unescapeCase(c.text)), "%s", c.desc)
			})
		}
	}
	assert.GreaterOrEqual(t, total, 150, "hard cases in testdata/segment")
}
