package batch

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResume(t *testing.T) {
	tests := []struct {
		name, format string
		file         string          // output of an interrupted run
		keep         string          // the prefix Resume keeps
		skip         map[string]bool // what it returns
	}{{
		name:   "jsonl partial last line",
		format: FormatJSONL,
		file: `{"article":"A","sentence":0}
{"article":"A","sentence":1}
{"article":"B","sentence":0}
{"article":"bad.jsonl:4","error":"malformed JSON","file":"bad.jsonl","line":4}
{"article":"C","sentence":0}
{"article":"C","sentence":1}
{"article":"D","sentence":0}
{"article":"D","sen`,
		// D may have had more sentences to come: it is dropped.
		keep: `{"article":"A","sentence":0}
{"article":"A","sentence":1}
{"article":"B","sentence":0}
{"article":"bad.jsonl:4","error":"malformed JSON","file":"bad.jsonl","line":4}
{"article":"C","sentence":0}
{"article":"C","sentence":1}
`,
		skip: map[string]bool{"A": true, "B": true, "bad.jsonl:4": true, "C": true},
	}, {
		name:   "jsonl cut at a line end",
		format: FormatJSONL,
		file:   `{"article":"A","sentence":0}` + "\n" + `{"article":"B","sentence":0}` + "\n",
		keep:   `{"article":"A","sentence":0}` + "\n",
		skip:   map[string]bool{"A": true},
	}, {
		name:   "jsonl partial first line",
		format: FormatJSONL,
		file:   `{"article":"A","sente`,
		keep:   "",
		skip:   map[string]bool{},
	}, {
		name:   "summary",
		format: FormatSummary,
		file:   `{"article":"A","sentences":3}` + "\n" + `{"article":"B","sentences":1}` + "\n" + `{"arti`,
		keep:   `{"article":"A","sentences":3}` + "\n",
		skip:   map[string]bool{"A": true},
	}, {
		name:   "csv quoted ids and a text with a line break",
		format: FormatCSV,
		file: `article,sentence,para,start,end,label,p_a,p_b,text
"x, ""y""",0,0,0,5,a,0.5,0.5,Hello
"x, ""y""",1,0,6,20,b,0.5,0.5,"two
lines, ""quoted"""
plain,0,0,0,4,a,0.5,0.5,"a text
fake,9,0,0,4,b,0.5,0.5 that looks like a row"
"with ""quotes"" only",0,0,0,4,a,0.5,0.5,Last
"with ""quotes"" only",1,0,5,9,a,0.5,0.5,Pa`,
		keep: `article,sentence,para,start,end,label,p_a,p_b,text
"x, ""y""",0,0,0,5,a,0.5,0.5,Hello
"x, ""y""",1,0,6,20,b,0.5,0.5,"two
lines, ""quoted"""
plain,0,0,0,4,a,0.5,0.5,"a text
fake,9,0,0,4,b,0.5,0.5 that looks like a row"
`,
		skip: map[string]bool{`x, "y"`: true, "plain": true},
	}, {
		name:   "csv header only",
		format: FormatCSV,
		file:   "article,sentence,para,start,end,label,p_a,p_b,text\n",
		keep:   "article,sentence,para,start,end,label,p_a,p_b,text\n",
		skip:   map[string]bool{},
	}, {
		name:   "csv partial header",
		format: "CSV",
		file:   "article,sentence,pa",
		keep:   "",
		skip:   map[string]bool{},
	}, {
		name:   "tsv",
		format: FormatTSV,
		file: "article\tsentence\ttext\n" +
			"a \"1\"\t0\tHello\n" +
			"a \"1\"\t1\tWorld\n" +
			"b,2\t-1\t-1\t-1\t-1\terror\tb.txt: empty input\n" +
			"c\t0\tOne\n" +
			"c\t1\tTw",
		keep: "article\tsentence\ttext\n" +
			"a \"1\"\t0\tHello\n" +
			"a \"1\"\t1\tWorld\n" +
			"b,2\t-1\t-1\t-1\t-1\terror\tb.txt: empty input\n",
		skip: map[string]bool{`a "1"`: true, "b,2": true},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out")
			require.NoError(t, os.WriteFile(path, []byte(tt.file), 0o644))
			skip, err := Resume(path, tt.format)
			require.NoError(t, err)
			assert.Equal(t, tt.skip, skip)
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, tt.keep, string(got))

			// Resuming again (after a crash before anything new was
			// written) drops one more article and keeps the rest.
			again, err := Resume(path, tt.format)
			require.NoError(t, err)
			for id := range again {
				assert.True(t, skip[id], "second resume skips %q, the first did not", id)
			}
		})
	}
}

func TestResumeMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.jsonl")
	skip, err := Resume(path, FormatJSONL)
	require.NoError(t, err)
	assert.Empty(t, skip)
	assert.NoFileExists(t, path, "Resume must not create the file")
}

func TestResumeRefusesGzip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.jsonl.GZ")
	require.NoError(t, os.WriteFile(path, []byte("\x1f\x8b"), 0o644))
	_, err := Resume(path, FormatJSONL)
	require.ErrorContains(t, err, "uncompressed")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "\x1f\x8b", string(got), "a refused file is left alone")
}

func TestResumeUnreadable(t *testing.T) {
	_, err := Resume(t.TempDir(), FormatJSONL) // a directory
	require.Error(t, err)
}

// ResumeAt counts input records, not ids: an id repeated next to itself,
// or later, is a record each time (a record starts at sentence 0 or is an
// error or summary line). Hand-made outputs; the last record is dropped as
// Resume drops it.
func TestResumeAtCountsRecords(t *testing.T) {
	tests := []struct {
		name, format, file string
		want               int
	}{
		{"jsonl adjacent duplicates", FormatJSONL, `{"article":"a","sentence":0}
{"article":"a","sentence":1}
{"article":"a","sentence":0}
{"article":"b","sentence":0}
{"article":"a","sentence":0}
`, 3},
		{"jsonl errors with one id", FormatJSONL, `{"article":"x","error":"e"}
{"article":"x","error":"e"}
{"article":"y","sentence":0}
`, 2},
		{"summary", FormatSummary, `{"article":"a","sentences":3}
{"article":"a","sentences":1}
{"article":"b","sentences":1}
`, 2},
		{"tsv", FormatTSV, "article\tsentence\ttext\na\t0\tx\na\t1\ty\na\t0\tz\nb\t-1\t-1\t-1\t-1\terror\tm\nc\t0\tw\n", 3},
		{"csv quoted", FormatCSV, "article,sentence,text\n\"a,1\",0,x\n\"a,1\",0,y\nb,0,z\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out")
			require.NoError(t, os.WriteFile(path, []byte(tt.file), 0o644))
			n, err := ResumeAt(path, tt.format)
			require.NoError(t, err)
			assert.Equal(t, tt.want, n)
		})
	}
}
