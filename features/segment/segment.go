package segment

import (
	"iter"
	"maps"
	"slices"

	"github.com/stancekit/stancekit/corpus"
)

// Bound is one sentence found by a Segmenter: text[Start:End] in paragraph
// Para (0-based, counting paragraphs that hold a sentence). Start and End are
// byte offsets into the segmented text; the sentence has no leading or
// trailing white space.
type Bound struct {
	Para       int
	Start, End int
}

// Segmenter splits raw article text into paragraphs and sentences, the way a
// copy editor of news text would.
//
// A blank line (or U+2029) ends a paragraph and always a sentence. Inside a
// paragraph a sentence ends at a full stop, question or exclamation mark or
// ellipsis, with any closing quotes and brackets, followed by white space
// and the start of a new sentence. Whether a full stop ends a sentence
// depends on the word before it (an abbreviation of some class, a dotted
// acronym, an initial, a number, a list number at the start of a line) and
// on what comes after (a lower-case word, a number, a capital, a common
// sentence opener such as "The"); see abbreviations.txt. A question
// or exclamation inside quotes followed by a speech tag ("'Why?' Smith
// asked.") does not end the sentence. A line that ends without final
// punctuation (a list item, a button label, "Dear readers,") is a sentence
// of its own unless the next line continues it in lower case. Emoji after
// the final stop belong to the sentence they follow.
//
// A Segmenter is safe for concurrent use once built. The zero value is not
// usable: call New.
type Segmenter struct {
	abbrev map[string]AbbrevClass
	lex    *segLexicon
}

// New returns a Segmenter with the built-in news abbreviations.
func New() *Segmenter {
	lx := defaultSegLexicon()
	return &Segmenter{abbrev: maps.Clone(lx.abbrev), lex: lx}
}

// Sentences yields the sentences of text in order. It does not allocate
// per sentence.
func (s *Segmenter) Sentences(text string) iter.Seq[Bound] {
	return func(yield func(Bound) bool) {
		sc := segScanner{seg: s, text: text, para: -1}
		for {
			b, ok := sc.next()
			if !ok || !yield(b) {
				return
			}
		}
	}
}

// AppendSentences appends the sentences of text to dst and returns the
// extended slice; with a reused dst it does not allocate.
func (s *Segmenter) AppendSentences(dst []Bound, text string) []Bound {
	sc := segScanner{seg: s, text: text, para: -1}
	for {
		b, ok := sc.next()
		if !ok {
			return dst
		}
		dst = append(dst, b)
	}
}

// Segment fills a.Paras and a.Sentences from a.Text. It does nothing when
// the article already has sentences.
func (s *Segmenter) Segment(a *corpus.Article) {
	if len(a.Sentences) > 0 {
		return
	}
	// Bounds first (on the stack for all but long articles), so that the
	// article's slices are allocated once at their size, not grown.
	var buf [128]Bound
	bounds := s.AppendSentences(buf[:0], a.Text)
	if len(bounds) == 0 {
		a.Paras = a.Paras[:0]
		return
	}
	a.Paras = slices.Grow(a.Paras[:0], bounds[len(bounds)-1].Para+1)
	a.Sentences = make([]corpus.Sentence, 0, len(bounds))
	for _, b := range bounds {
		if b.Para >= len(a.Paras) {
			a.Paras = append(a.Paras, corpus.Span{Start: b.Start, End: b.End})
		}
		a.Paras[len(a.Paras)-1].End = b.End
		a.Sentences = append(a.Sentences, corpus.Sentence{Text: a.Text[b.Start:b.End], Para: len(a.Paras) - 1, Start: b.Start, End: b.End})
	}
}
