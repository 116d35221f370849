package attribution

import (
	"testing"
	"unicode/utf8"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features/segment"
)

// Whatever the text, every part slices the article's text at its offsets,
// absent parts are "" at -1, and a mention or cue lies in its sentence.
func FuzzAttribution(f *testing.F) {
	for _, s := range []string{
		`"We will rebuild," Mayor Ann Okoro said. "Every street."` + "\n\nShe added: 'No.'",
		`According to the Ministry of Labour, wages rose. Mr Haddon, 78, said he was "fine.`,
		`’’“”'"" said said, according to ,, the the Gov. . Dr.`,
		"Police said.\n\n\"\n\nhe said\"",
		"\xff\"said X\xfe",
	} {
		f.Add(s, uint64(0xffffffff))
		f.Add(s, uint64(0x5555))
	}
	seg := segment.New()
	at := New()
	f.Fuzz(func(t *testing.T, text string, mask uint64) {
		if !utf8.ValidString(text) {
			return
		}
		a := &corpus.Article{Text: text}
		seg.Segment(a)
		q := func(i int) bool { return mask>>(uint(i)%64)&1 == 1 }
		got := at.Article(a, q, nil)
		if len(got) != len(a.Sentences) {
			t.Fatalf("%d attributions for %d sentences", len(got), len(a.Sentences))
		}
		for i, g := range got {
			for _, p := range []struct {
				s          string
				start, end int
				inSent     bool
			}{{g.Speaker, g.SpeakerStart, g.SpeakerEnd, false}, {g.Mention, g.MentionStart, g.MentionEnd, true}, {g.Cue, g.CueStart, g.CueEnd, true}} {
				if p.s == "" {
					if p.start != -1 || p.end != -1 {
						t.Fatalf("sentence %d: absent part at [%d,%d)", i, p.start, p.end)
					}
					continue
				}
				if p.start < 0 || p.start >= p.end || p.end > len(text) || text[p.start:p.end] != p.s {
					t.Fatalf("sentence %d: %q at [%d,%d) does not slice the text", i, p.s, p.start, p.end)
				}
				s := a.Sentences[i]
				if p.inSent && (p.start < s.Start || p.end > s.End) {
					t.Fatalf("sentence %d [%d,%d): %q at [%d,%d) outside it", i, s.Start, s.End, p.s, p.start, p.end)
				}
			}
			if !q(i) && g != None() {
				t.Fatalf("sentence %d is not a quote but has %+v", i, g)
			}
		}
	})
}
