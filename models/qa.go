package models

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/corpus"
)

// The answers of a Q&A interview are the interviewee's words, `quote` by the
// label guide, though they carry no quotation marks and read like the
// writer's own fact and opinion; a model that has seen few interviews labels
// them so (leave-one-genre-out on interviews: 0.47 macro-F1). Predict finds
// the Q&A shape in the article's paragraphs and relabels the answers:
//
//   - a question is a paragraph whose last sentence ends in "?", or that
//     opens with the interviewer's tag ("Q:", "KM:");
//   - an answer is what follows a question in its paragraph, or else the
//     paragraph after it, and the paragraphs after that in the first person
//     ("I", "we") or opening with the interviewee's tag, up to the next
//     question; a paragraph that opens with a quotation mark
//     ends it (a profile's quoted speech, labelled by the model);
//   - the article is a Q&A when at least qaMinAnswers answers speak in the
//     first person singular ("I", "my") or open with a tag other than the
//     questions' one: an explainer's "What happens next? The council votes
//     in May." is not.
//
// Sentences of an answer the model labelled fact or opinion become quote
// with probability qaConfidence (the other labels keep their proportions);
// appeal is left alone (a newsletter box between two answers).
const (
	qaMinAnswers = 3
	qaConfidence = 0.9
)

// para is a paragraph's range of sentences.
type para struct{ lo, hi int }

// qaAnswers reports, per sentence of a, whether it is a Q&A answer; nil
// when a is not a Q&A.
func qaAnswers(a *corpus.Article, dst []bool) []bool {
	if !hasQuestions(a) {
		return nil // most articles: nothing to look at
	}
	var paras []para
	for i, s := range a.Sentences {
		if i == 0 || s.Para != a.Sentences[i-1].Para {
			paras = append(paras, para{i, i})
		}
		paras[len(paras)-1].hi = i + 1
	}
	if len(paras) < qaMinAnswers {
		return nil
	}
	// The interviewer's tag: the one that opens most questions.
	tags := map[string]int{}
	for _, s := range a.Sentences {
		if t := speakerTag(s.Text); t != "" && isQuestion(s.Text) {
			tags[t]++
		}
	}
	asks := ""
	for t, n := range tags {
		if n > tags[asks] || (n == tags[asks] && t < asks) {
			asks = t
		}
	}
	// lastQuestion is the last question of paragraph p, or -1.
	lastQuestion := func(p para) int {
		q := -1
		for i := p.lo; i < p.hi; i++ {
			t := a.Sentences[i].Text
			if (isQuestion(t) && !opensQuotation(t)) || (asks != "" && speakerTag(t) == asks) {
				q = i
			}
		}
		return q
	}
	dst = slices.Grow(dst[:0], len(a.Sentences))[:len(a.Sentences)]
	clear(dst)
	answers := 0
	answering, fresh, plain := false, false, false // fresh: no answer sentence yet since the question
	end := func() {
		if plain {
			answers++
		}
		answering, plain = false, false
	}
	for _, p := range paras {
		if q := lastQuestion(p); q >= 0 {
			end()
			answering, fresh = true, true
			if q+1 < p.hi { // the answer runs on in the question's paragraph
				rest := para{q + 1, p.hi}
				markAnswer(dst, rest)
				plain = firstPerson(a, rest, false) || ownTag(a.Sentences[q+1].Text, asks)
				fresh = false
			}
			continue
		}
		if !answering {
			continue
		}
		t := a.Sentences[p.lo].Text
		own, first := ownTag(t, asks), firstPerson(a, p, false)
		if opensQuotation(t) || (!fresh && !own && !first && !firstPerson(a, p, true)) {
			end()
			continue
		}
		markAnswer(dst, p)
		plain = plain || own || first
		fresh = false
	}
	end()
	if answers < qaMinAnswers {
		return nil
	}
	return dst
}

// hasQuestions reports whether a has at least qaMinAnswers questions.
func hasQuestions(a *corpus.Article) bool {
	n := 0
	for _, s := range a.Sentences {
		if isQuestion(s.Text) {
			n++
		}
	}
	return n >= qaMinAnswers
}

func markAnswer(dst []bool, p para) {
	for i := p.lo; i < p.hi; i++ {
		dst[i] = true
	}
}

// ownTag reports whether a sentence opens with a tag that is not the
// interviewer's: the interviewee's ("Boateng:", "A:").
func ownTag(s, asks string) bool {
	t := speakerTag(s)
	return t != "" && t != asks
}

// isQuestion reports whether a sentence ends in "?".
func isQuestion(s string) bool {
	return strings.HasSuffix(strings.TrimRight(s, " \"'”’)"), "?")
}

// speakerTag returns the tag that opens a Q&A line ("Q", "KM", "Vasundhara
// Iyer" of "Vasundhara Iyer: The morning concerts are free."): one to three
// capitalised words and a colon, no digits (not "7:18 p.m."), not a page's
// label ("READ MORE", "WATCH", "Photo").
func speakerTag(s string) string {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 32 || i+1 >= len(s) || s[i+1] != ' ' {
		return ""
	}
	tag := s[:i]
	words := strings.Fields(tag)
	if len(words) > 3 {
		return ""
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, "0123456789") {
			return ""
		}
	}
	switch strings.ToLower(tag) {
	case "read more", "read", "watch", "listen", "photo", "picture", "video", "related", "also read",
		"update", "editor's note", "note", "source", "credit", "correction":
		return ""
	}
	return tag
}

// opensQuotation reports whether a sentence starts with a quotation mark.
func opensQuotation(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '"' || r == '“' || r == '‘' || r == '\''
}

// firstPerson reports whether paragraph p has "I", "me", "my" or "myself"
// outside quotation marks; with plural, "we", "us" or "our" (an answer's
// next paragraph: "We had the money for 23 days").
func firstPerson(a *corpus.Article, p para, plural bool) bool {
	for i := p.lo; i < p.hi; i++ {
		inQuote, word := false, strings.Builder{}
		check := func() bool {
			w := strings.ToLower(word.String())
			word.Reset()
			if j := strings.IndexAny(w, "'’"); j > 0 {
				w = w[:j] // "I'm", "I’ve"
			}
			if inQuote {
				return false
			}
			if plural {
				return w == "we" || w == "us" || w == "our"
			}
			return w == "i" || w == "me" || w == "my" || w == "myself"
		}
		for _, r := range a.Sentences[i].Text + " " {
			switch {
			case unicode.IsLetter(r) || ((r == '\'' || r == '’') && word.Len() > 0):
				word.WriteRune(r)
				continue
			case r == '"' || r == '“' || r == '”':
				if check() {
					return true
				}
				inQuote = r == '“' || (r == '"' && !inQuote)
				continue
			}
			if check() {
				return true
			}
		}
	}
	return false
}

// relabelAnswers makes the Q&A answers of a quotes (see qaAnswers).
func (w *Workspace) relabelAnswers(a *corpus.Article) {
	if w.quote < 0 {
		return
	}
	w.qa = qaAnswers(a, w.qa)
	if w.qa == nil {
		return
	}
	for i, answer := range w.qa {
		p := &w.preds[i]
		if !answer || p.Label == w.quote || p.Label == w.appeal {
			continue
		}
		p.relabel(w.quote, qaConfidence)
	}
}

// relabel gives the prediction label c with probability conf, the other
// labels keeping their proportions of the rest.
func (p *Prediction) relabel(c int, conf float64) {
	if rest := 1 - p.Probs[c]; rest > 0 {
		for d := range p.Probs {
			if d != c {
				p.Probs[d] *= (1 - conf) / rest
			}
		}
	}
	p.Probs[c] = conf
	p.Label = c
}
