package features

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/corpus"
)

// Bound is one sentence found by a Segmenter: text[Start:End] in paragraph
// Para (0-based, counting paragraphs that hold a sentence).
type Bound struct {
	Para       int
	Start, End int
}

// Segmenter splits raw article text into paragraphs and sentences. A blank
// line ends a paragraph; a sentence ends at terminal punctuation (with any
// closing quotes) followed by the start of a new sentence, unless the word
// before is a known abbreviation, initial or number; a line without final
// punctuation is a sentence of its own. The zero value is not usable: call
// NewSegmenter.
type Segmenter struct {
	abbrev map[string]bool
}

// NewSegmenter returns a Segmenter with the built-in news abbreviations.
func NewSegmenter() *Segmenter {
	s := &Segmenter{abbrev: make(map[string]bool)}
	for _, a := range strings.Fields(defaultAbbreviations) {
		s.abbrev[a] = true
	}
	return s
}

const defaultAbbreviations = `mr mrs ms dr prof gov sen rep gen lt col capt sgt st mt jr sr inc ltd co corp no vs etc e.g i.e
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
u.s u.k u.n a.m p.m art fig vol pp approx dept est`

// Sentences yields the sentences of text in order.
func (s *Segmenter) Sentences(text string) iter.Seq[Bound] {
	return func(yield func(Bound) bool) {
		para := -1
		for pStart, pEnd := range paragraphs(text) {
			para++
			start := pStart
			for i := pStart; i < pEnd; {
				r, n := utf8.DecodeRuneInString(text[i:])
				end := i + n
				isBreak := false
				switch {
				case r == '\n':
					// A line break ends a sentence when the line before has
					// no final punctuation (a list item, a button label).
					isBreak = !endsWithTerminal(text[start:i])
					end = i
				case r == '.' || r == '!' || r == '?' || r == '…':
					j := skipClosers(text, end, pEnd)
					if j < pEnd && s.boundaryAfter(text, start, i, r, j, pEnd) {
						isBreak = true
						end = j
					}
				}
				if isBreak {
					if b, ok := trim(text, start, end); ok {
						if !yield(Bound{Para: para, Start: b.Start, End: b.End}) {
							return
						}
					}
					start = end
					i = end
					if i < pEnd && text[i] == '\n' {
						i++
					}
					continue
				}
				i += n
			}
			if b, ok := trim(text, start, pEnd); ok {
				if !yield(Bound{Para: para, Start: b.Start, End: b.End}) {
					return
				}
			}
		}
	}
}

// boundaryAfter decides whether a sentence ends after the terminal mark r at
// text[i], with closing quotes up to j.
func (s *Segmenter) boundaryAfter(text string, start, i int, r rune, j, end int) bool {
	// The next sentence must start after white space.
	k := j
	for k < end && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n') {
		k++
	}
	if k == j || k >= end {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[k:])
	if r != '.' {
		return unicode.IsUpper(next) || isOpenQuote(next) || unicode.IsDigit(next)
	}
	if j > i+1 {
		// A full stop inside closing quotes: a sentence end.
		return unicode.IsUpper(next) || isOpenQuote(next) || unicode.IsDigit(next)
	}
	w := wordBefore(text, start, i)
	lw := strings.ToLower(w)
	if s.abbrev[lw] {
		// "moved to the U.S. It was": an acronym at a true end.
		if strings.Contains(lw, ".") && unicode.IsUpper(next) && !s.abbrev[nextWord(text, k, end)] {
			return isSentenceStarter(nextWord(text, k, end))
		}
		return false
	}
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return false // an initial
	}
	return unicode.IsUpper(next) || isOpenQuote(next) || unicode.IsDigit(next)
}

func isSentenceStarter(w string) bool {
	switch w {
	case "it", "the", "he", "she", "they", "we", "i", "this", "that", "but", "and", "in", "a", "an", "there", "its", "his", "her", "their", "on", "at":
		return true
	}
	return false
}

func nextWord(text string, k, end int) string {
	j := k
	for j < end {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j += n
	}
	return strings.ToLower(strings.TrimSuffix(text[k:j], "."))
}

// wordBefore returns the word (letters and inner dots) that ends at text[i].
func wordBefore(text string, start, i int) string {
	j := i
	for j > start {
		r, n := utf8.DecodeLastRuneInString(text[start:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= n
	}
	return strings.Trim(text[j:i], ".")
}

func isOpenQuote(r rune) bool {
	return r == '"' || r == '\'' || r == '“' || r == '‘' || r == '(' || r == '['
}

func isCloser(r rune) bool {
	return r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '.' || r == '!' || r == '?' || r == '…'
}

func skipClosers(text string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isCloser(r) {
			break
		}
		i += n
	}
	return i
}

func endsWithTerminal(line string) bool {
	line = strings.TrimRight(line, " \t\r")
	for line != "" {
		r, n := utf8.DecodeLastRuneInString(line)
		switch r {
		case '"', '\'', '”', '’', ')', ']':
			line = line[:len(line)-n]
			continue
		case '.', '!', '?', '…', ':', ';', ',':
			return true
		}
		return false
	}
	return true
}

// trim shrinks [start,end) to exclude surrounding white space; ok is false
// when nothing is left.
func trim(text string, start, end int) (corpus.Span, bool) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return corpus.Span{Start: start, End: end}, end > start
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' }

// paragraphs yields [start, end) of each paragraph: text between blank lines.
func paragraphs(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		start := 0
		i := 0
		for i < len(text) {
			if text[i] != '\n' {
				i++
				continue
			}
			// Look for a blank line: \n [spaces] \n
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				if _, ok := trim(text, start, i); ok {
					if !yield(start, i) {
						return
					}
				}
				for j < len(text) && (text[j] == '\n' || text[j] == '\r' || text[j] == ' ' || text[j] == '\t') {
					j++
				}
				start = j
				i = j
				continue
			}
			i = j
		}
		if _, ok := trim(text, start, len(text)); ok {
			yield(start, len(text))
		}
	}
}

// Segment fills a.Paras and a.Sentences from a.Text. It does nothing when
// the article already has sentences.
func (s *Segmenter) Segment(a *corpus.Article) {
	if len(a.Sentences) > 0 {
		return
	}
	a.Paras = a.Paras[:0]
	for b := range s.Sentences(a.Text) {
		if b.Para >= len(a.Paras) {
			a.Paras = append(a.Paras, corpus.Span{Start: b.Start, End: b.End})
		}
		a.Paras[len(a.Paras)-1].End = b.End
		a.Sentences = append(a.Sentences, corpus.Sentence{Text: a.Text[b.Start:b.End], Para: len(a.Paras) - 1, Start: b.Start, End: b.End})
	}
}
