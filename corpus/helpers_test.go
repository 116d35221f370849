package corpus

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtures is the shared fixture directory of this package's tests.
const fixtures = "../testdata/corpus"

// step is one expected result of Next: an article, or a *RecordError.
type step struct {
	art *Article
	err *wantErr
}

// wantErr describes an expected *RecordError.
type wantErr struct {
	line int    // RecordError.Line
	id   string // RecordError.ID
	is   error  // a sentinel it wraps, if any
	msg  string // a substring of its message
}

func ok(a *Article) step { return step{art: a} }
func bad(e wantErr) step { return step{err: &e} }
func sent(text, label string, para, start, end int) Sentence {
	return Sentence{Text: text, Label: label, Para: para, Start: start, End: end}
}

// drain reads r to its end. It returns every result before the end, and the
// error that ended the stream (io.EOF, or a non-record error). It gives up
// after limit results, so that a reader that never ends fails the test
// instead of hanging it.
func drain(t testing.TB, r Reader, limit int) (steps []step, end error) {
	t.Helper()
	for range limit {
		a, err := r.Next()
		switch {
		case err == nil:
			require.NotNil(t, a, "Next returned neither an article nor an error")
			steps = append(steps, step{art: a})
		case IsRecordError(err):
			assert.Nil(t, a, "an article returned with a record error")
			var re *RecordError
			errors.As(err, &re)
			steps = append(steps, step{err: &wantErr{line: re.Line, id: re.ID, msg: err.Error()}})
		default:
			assert.Nil(t, a, "an article returned with error %v", err)
			return steps, err
		}
	}
	t.Fatalf("reader did not end after %d results", limit)
	return nil, nil
}

// checkSteps reads r to io.EOF and compares what it yields, in order, with
// want.
func checkSteps(t *testing.T, r Reader, want []step) {
	t.Helper()
	var got []step
	for i := 0; i < len(want)+10; i++ {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			assert.Nil(t, a)
			break
		}
		got = append(got, step{art: a})
		if i >= len(want) {
			t.Errorf("result %d: unexpected article %+v, error %v", i, a, err)
			continue
		}
		w := want[i]
		if w.art != nil {
			if assert.NoError(t, err, "result %d", i) {
				assert.Equal(t, w.art, a, "result %d", i)
				checkInvariants(t, a)
			}
			continue
		}
		assert.Nil(t, a, "result %d: article with an error", i)
		var re *RecordError
		if !assert.ErrorAs(t, err, &re, "result %d: want a *RecordError", i) {
			continue
		}
		assert.Equal(t, w.err.line, re.Line, "result %d: line of %v", i, err)
		assert.Equal(t, w.err.id, re.ID, "result %d: id of %v", i, err)
		if w.err.is != nil {
			assert.ErrorIs(t, err, w.err.is, "result %d", i)
		}
		assert.Contains(t, err.Error(), w.err.msg, "result %d", i)
		// Every record error names its file and line in the house format.
		assert.True(t, strings.HasPrefix(err.Error(), where(re.File, re.Line)), "result %d: %q does not start with %q", i, err, where(re.File, re.Line))
	}
	assert.Len(t, got, len(want), "number of results")
	// The end is sticky.
	_, err := r.Next()
	assert.ErrorIs(t, err, io.EOF, "Next after the end")
}

// checkInvariants asserts what every article from every reader satisfies.
func checkInvariants(t testing.TB, a *Article) {
	t.Helper()
	assert.NotEmpty(t, a.ID, "article without id")
	assert.True(t, utf8.ValidString(a.Text), "text not valid UTF-8: %q", a.Text)
	assert.NotContains(t, a.Text, "\x00", "text holds a NUL")
	for i, s := range a.Sentences {
		if !assert.True(t, 0 <= s.Start && s.Start <= s.End && s.End <= len(a.Text), "sentence %d: span [%d,%d) outside text of %d bytes", i, s.Start, s.End, len(a.Text)) {
			continue
		}
		assert.Equal(t, a.Text[s.Start:s.End], s.Text, "sentence %d: Text != article.Text[Start:End]", i)
		if assert.True(t, 0 <= s.Para && s.Para < len(a.Paras), "sentence %d: para %d with %d paras", i, s.Para, len(a.Paras)) {
			p := a.Paras[s.Para]
			assert.True(t, p.Start <= s.Start && s.End <= p.End, "sentence %d [%d,%d) outside its para [%d,%d)", i, s.Start, s.End, p.Start, p.End)
		}
		if i > 0 {
			prev := a.Sentences[i-1]
			assert.LessOrEqual(t, prev.End, s.Start, "sentence %d overlaps the one before", i)
			assert.Contains(t, []int{prev.Para, prev.Para + 1}, s.Para, "sentence %d: paras not dense", i)
		} else {
			assert.Equal(t, 0, s.Para, "first sentence not in para 0")
		}
	}
}
