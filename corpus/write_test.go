package corpus

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONLWriterRoundTrip(t *testing.T) {
	labelled := &Article{
		ID: "a1", Source: "wire",
		Fields: map[string]string{"genre": "politics", "outlet": "The Daily & Co <b>", "lang": "fr"},
		Sentences: []Sentence{
			{Text: "Le café a fermé.", Label: "fact", Para: 0},
			{Text: `"We will rebuild," the mayor said.`, Label: "quote", Para: 0},
			{Text: "That is a mistake.", Label: "opinion", Para: 4}, // a gap
			{Text: "Subscribe for $4\ta month.", Label: "appeal", Para: 9},
		},
	}
	labelled.BuildText()
	unlabelled := &Article{ID: "u", Sentences: []Sentence{{Text: "One."}, {Text: "Two.", Label: "fact"}}}
	unlabelled.BuildText()
	raw := &Article{ID: "r", Text: "Title\n\nBody with \"quotes\", a tab\t, and é.\n", Fields: map[string]string{"genre": "sport"}}
	numericID := &Article{ID: "42", Text: "Numbers."}
	in := []*Article{labelled, unlabelled, raw, numericID}

	var buf bytes.Buffer
	w := NewJSONLWriter(&buf)
	for _, a := range in {
		require.NoError(t, w.Write(a))
	}
	require.NoError(t, w.Flush())
	assert.Equal(t, len(in), strings.Count(buf.String(), "\n"), "one line an article")
	assert.Contains(t, buf.String(), `"outlet":"The Daily & Co <b>"`, "no HTML escaping")

	r := NewReader(bytes.NewReader(buf.Bytes()), "out.jsonl", ReaderOptions{})
	for i, want := range in {
		got, err := r.Next()
		require.NoError(t, err, "article %d", i)
		checkInvariants(t, got)
		assert.Equal(t, want.ID, got.ID)
		assert.Equal(t, want.Source, got.Source)
		assert.Equal(t, want.Text, got.Text)
		assert.Equal(t, want.Paras, got.Paras)
		assert.Equal(t, want.Sentences, got.Sentences, "same sentences, labels, paras and offsets")
		assert.Equal(t, want.Fields, got.Fields)
		assert.Equal(t, i+1, got.Line)
	}
	_, err := r.Next()
	assert.ErrorIs(t, err, io.EOF)
}

// Writing what was read gives the same bytes again: the output is stable.
func TestJSONLWriterIsStable(t *testing.T) {
	var once, twice bytes.Buffer
	copyAll := func(src []byte, name string, dst *bytes.Buffer) {
		r := NewReader(bytes.NewReader(src), name, ReaderOptions{})
		w := NewJSONLWriter(dst)
		for {
			a, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if IsRecordError(err) {
				continue
			}
			require.NoError(t, err)
			require.NoError(t, w.Write(a))
		}
		require.NoError(t, w.Flush())
	}
	in := `{"id":"a1","source":"wire","z":"last","a":"first","sentences":[{"text":"The council met.","label":"fact","para":3},{"text":"It rained.","label":"fact","para":3}]}` + "\n" +
		`{"id":"x","text":"bad` + "\xff" + `"}` + "\n" +
		`{"id":7,"text":"Raw & <raw>."}` + "\n"
	copyAll([]byte(in), "in.jsonl", &once)
	copyAll(once.Bytes(), "once.jsonl", &twice)
	// Keys sorted, paras dense, sentence offsets not written; worked by hand.
	want := `{"a":"first","id":"a1","sentences":[{"text":"The council met.","label":"fact","para":0},{"text":"It rained.","label":"fact","para":0}],"source":"wire","z":"last"}` + "\n" +
		`{"id":"7","text":"Raw & <raw>."}` + "\n"
	assert.Equal(t, want, once.String())
	assert.Equal(t, once.String(), twice.String())
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errBoom }

func TestJSONLWriterError(t *testing.T) {
	w := NewJSONLWriter(failWriter{})
	require.NoError(t, w.Write(&Article{ID: "a", Text: "A."}), "buffered")
	assert.ErrorIs(t, w.Flush(), errBoom)
	big := &Article{ID: "b", Text: strings.Repeat("x", 8192)}
	assert.ErrorIs(t, w.Write(big), errBoom, "the error stays")
}
