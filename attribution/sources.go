package attribution

import (
	"slices"
	"strings"
	"unicode"
)

// Source is one speaker of an article: the quote sentences attributed to it
// and where it is first named.
type Source struct {
	Speaker string // as named most fully (the first such name of its quotes)
	Quotes  int    // quote sentences attributed to it
	// First is the earliest span in the article naming the source, over
	// the speaker and mention spans of its quotes ("Mayor Ana Ruiz" before
	// a later "she"); offsets into the article's raw text, -1 when none.
	First                string
	FirstStart, FirstEnd int
}

// SourceKey is the form under which two speakers are one source: lower
// case, white space collapsed, surrounding punctuation and a leading "the"
// dropped ("The Kremlin" and "the Kremlin").
func SourceKey(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) > 0 && f[0] == "the" {
		f = f[1:]
	}
	out := strings.Join(f, " ")
	return strings.TrimFunc(out, func(r rune) bool { return unicode.IsPunct(r) })
}

// Sources groups the attributions of an article's quote sentences (nil
// entries, sentences that are not quotes, are skipped) by SourceKey of
// their speakers. It returns the sources, most quoted first and, among
// equals, in the order they are first quoted; and the number of quote sentences with no
// speaker.
func Sources(attrs []*Attribution) (sources []Source, unattributed int) {
	index := map[string]int{}
	for _, at := range attrs {
		if at == nil {
			continue
		}
		key := SourceKey(at.Speaker)
		if key == "" {
			unattributed++
			continue
		}
		j, ok := index[key]
		if !ok {
			j = len(sources)
			index[key] = j
			sources = append(sources, Source{Speaker: at.Speaker, FirstStart: -1, FirstEnd: -1})
		}
		s := &sources[j]
		s.Quotes++
		for _, span := range []struct {
			text       string
			start, end int
		}{{at.Speaker, at.SpeakerStart, at.SpeakerEnd}, {at.Mention, at.MentionStart, at.MentionEnd}} {
			if span.start >= 0 && (s.FirstStart < 0 || span.start < s.FirstStart) {
				s.First, s.FirstStart, s.FirstEnd = span.text, span.start, span.end
			}
		}
	}
	slices.SortStableFunc(sources, func(a, b Source) int { return b.Quotes - a.Quotes })
	return sources, unattributed
}
