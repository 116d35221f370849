package corpus

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The optional attribution fields of quote sentences are read, written back
// unchanged, and an annotated "" stays distinct from no annotation.
func TestAttributionFields(t *testing.T) {
	const in = `{"id":"a","sentences":[` +
		`{"text":"Mayor Ann Lee spoke.","label":"fact","para":0},` +
		`{"text":"\"We will rebuild,\" she said.","label":"quote","para":0,"speaker":"Ann Lee","mention":"she","cue":"said"},` +
		`{"text":"\"Every street.\"","label":"quote","para":0,"speaker":"Ann Lee","mention":"","cue":""}]}` + "\n"
	r := NewReader(strings.NewReader(in), "in.jsonl", ReaderOptions{})
	a, err := r.Next()
	require.NoError(t, err)
	require.Len(t, a.Sentences, 3)
	assert.False(t, a.Sentences[0].Attributed)
	s := a.Sentences[1]
	assert.True(t, s.Attributed)
	assert.Equal(t, []string{"Ann Lee", "she", "said"}, []string{s.Speaker, s.Mention, s.Cue})
	s = a.Sentences[2]
	assert.True(t, s.Attributed)
	assert.Equal(t, []string{"Ann Lee", "", ""}, []string{s.Speaker, s.Mention, s.Cue})

	var buf bytes.Buffer
	w := NewJSONLWriter(&buf)
	require.NoError(t, w.Write(a))
	require.NoError(t, w.Flush())
	out := buf.String()
	assert.Contains(t, out, `"speaker":"Ann Lee","mention":"she","cue":"said"`)
	assert.Contains(t, out, `"speaker":"Ann Lee","mention":"","cue":""`)
	assert.Equal(t, 2, strings.Count(out, `"speaker"`), "no fields on the unannotated sentence")
	b, err := NewReader(&buf, "out.jsonl", ReaderOptions{}).Next()
	require.NoError(t, err)
	assert.Equal(t, a.Sentences, b.Sentences)
}

func TestAttributionFieldNotInText(t *testing.T) {
	const in = `{"id":"a","sentences":[{"text":"\"No,\" she said.","label":"quote","cue":"told"}]}` + "\n"
	_, err := NewReader(strings.NewReader(in), "in.jsonl", ReaderOptions{}).Next()
	require.Error(t, err)
	assert.True(t, IsRecordError(err))
	assert.Contains(t, err.Error(), `field "cue": "told" is not in the sentence's text`)
}
