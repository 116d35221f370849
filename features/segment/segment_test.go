package segment

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

func collect(seg *Segmenter, text string) []Bound {
	var out []Bound
	for b := range seg.Sentences(text) {
		out = append(out, b)
	}
	return out
}

// Offsets worked out by hand, byte by byte.
func TestSentencesOffsets(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Bound
	}{
		{"a salutation line: a line break at a sentence end starts a paragraph",
			"Mr. Smith left. He said: \"Bye.\"\n\nDear readers,\nThank you.",
			[]Bound{{0, 0, 15}, {0, 16, 31}, {1, 33, 46}, {2, 47, 57}}},
		{"byte-order mark and Windows line endings",
			"\uFEFFOne.\r\n\r\nTwo.",
			[]Bound{{0, 3, 7}, {1, 11, 15}}},
		{"leading, trailing and inner white space",
			"  One.   Two.  \n",
			[]Bound{{0, 2, 6}, {0, 9, 13}}},
		{"several blank lines count as one paragraph break",
			"A.\n\n\n\nB.",
			[]Bound{{0, 0, 2}, {1, 6, 8}}},
		{"paragraph separator",
			"A.\u2029B.",
			[]Bound{{0, 0, 2}, {1, 5, 7}}},
		{"multi-byte characters before the boundary",
			"Café été. Ça va.",
			[]Bound{{0, 0, 12}, {0, 13, 20}}},
		{"empty text", "", nil},
		{"white space only", " \n\t\u00a0\n ", nil},
	}
	seg := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(seg, tt.text)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.want, seg.AppendSentences(nil, tt.text), "AppendSentences agrees")
		})
	}
}

func TestSentencesStopsWhenAsked(t *testing.T) {
	seg := New()
	n := 0
	for range seg.Sentences("One. Two. Three. Four.") {
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
}

func TestSegmentArticle(t *testing.T) {
	seg := New()
	a := &corpus.Article{Text: "First one. Second one.\n\nThird one."}
	seg.Segment(a)
	require.Len(t, a.Sentences, 3)
	assert.Equal(t, []corpus.Span{{Start: 0, End: 22}, {Start: 24, End: 34}}, a.Paras)
	assert.Equal(t, corpus.Sentence{Text: "Second one.", Para: 0, Start: 11, End: 22}, a.Sentences[1])
	assert.Equal(t, corpus.Sentence{Text: "Third one.", Para: 1, Start: 24, End: 34}, a.Sentences[2])

	// An article that has sentences keeps them.
	b := &corpus.Article{Text: "A. B.", Sentences: []corpus.Sentence{{Text: "A. B.", End: 5}}}
	seg.Segment(b)
	assert.Len(t, b.Sentences, 1)
}

// An article rebuilt from its sentences (as the JSONL reader does) comes
// back in the same sentences and paragraphs.
func TestSegmentRoundTrip(t *testing.T) {
	gold := []corpus.Sentence{
		{Text: `"We will rebuild.`, Para: 0},
		{Text: `Every street, every school," Gov. Maria T. Reyes said.`, Para: 0},
		{Text: "Read more: Storm damage in pictures", Para: 1},
		{Text: "The U.S. sent aid on Jan. 5 at 10 a.m. local time.", Para: 2},
		{Text: "It arrived at 4 p.m. Tuesday.", Para: 2},
		{Text: "Remind me later", Para: 3},
	}
	a := &corpus.Article{Sentences: append([]corpus.Sentence(nil), gold...)}
	a.BuildText()
	want := append([]corpus.Sentence(nil), a.Sentences...)
	wantParas := append([]corpus.Span(nil), a.Paras...)
	b := &corpus.Article{Text: a.Text}
	New().Segment(b)
	assert.Equal(t, want, b.Sentences)
	assert.Equal(t, wantParas, b.Paras)
}

func TestAbbreviations(t *testing.T) {
	seg := New()
	text := "The office is in Bldg. Seven on the campus."
	assert.Len(t, collect(seg, text), 2, "unknown abbreviation before a capital ends a sentence")
	assert.Equal(t, NotAbbrev, seg.Abbreviation("Bldg."))

	seg.AddAbbreviation("Bldg.", AbbrevTitle)
	assert.Equal(t, AbbrevTitle, seg.Abbreviation("bldg"))
	assert.Len(t, collect(seg, text), 1)

	seg.AddAbbreviation("Dr", NotAbbrev)
	assert.Len(t, collect(seg, "We met Dr. Jones."), 2, "a forgotten abbreviation is a plain word")

	other := New()
	assert.Equal(t, AbbrevTitle, other.Abbreviation("Dr."), "segmenters do not share additions")
	assert.Equal(t, NotAbbrev, other.Abbreviation("Bldg"))
	assert.Equal(t, AbbrevPrefix, other.Abbreviation("e.g."))
	assert.Equal(t, AbbrevAMPM, other.Abbreviation("P.M."))
	assert.Equal(t, NotAbbrev, other.Abbreviation(strings.Repeat("x", 100)))
}

func TestParseSegLexicon(t *testing.T) {
	lx, err := parseSegLexicon("# comment\n[title]\ndr mr # titles\n[opener]\nthe\n")
	require.NoError(t, err)
	assert.Equal(t, map[string]AbbrevClass{"dr": AbbrevTitle, "mr": AbbrevTitle}, lx.abbrev)
	assert.True(t, lx.opener["the"])

	for _, bad := range []string{"[nonsense]\nx\n", "dr\n", "[title]\nDr\n", "[title]\n" + strings.Repeat("x", 30) + "\n"} {
		_, err := parseSegLexicon(bad)
		assert.Error(t, err, "%q", bad)
	}
}

func TestSentencesNoAlloc(t *testing.T) {
	seg := New()
	text := strings.Repeat("Mr. Smith met the U.S. envoy at 5 p.m. Tuesday. \"Why now?\" he asked. Read more\n\n", 20)
	buf := seg.AppendSentences(nil, text)
	allocs := testing.AllocsPerRun(20, func() {
		buf = seg.AppendSentences(buf[:0], text)
	})
	assert.Zero(t, allocs, "AppendSentences with a reused buffer")
	allocs = testing.AllocsPerRun(20, func() {
		for range seg.Sentences(text) {
		}
	})
	assert.Zero(t, allocs, "ranging over Sentences")
}

// One Segmenter serves many goroutines (run with -race).
func TestSentencesConcurrent(t *testing.T) {
	seg := New()
	text := "Dr. Okafor arrived. The U.S. team followed. \"Go!\" she said."
	want := collect(seg, text)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				assert.Equal(t, want, collect(seg, text))
			}
		})
	}
	wg.Wait()
}
