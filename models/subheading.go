package models

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
)

// A neutral subheading is the writer's, `fact` by the label guide ("How we
// checked", "What this means for parents"), but a model that has learned
// page furniture takes a short line without a full stop between two
// paragraphs for a related-story headline and labels it appeal (17 of the
// errors on testdata/news/fresh.jsonl). Predict relabels such a line fact
// when everything says it is a subheading:
//
//   - it is a paragraph of its own, neither the article's first nor its
//     last, of at most subheadingMaxWords words, with no final punctuation
//     and no colon ("READ MORE: …", "Digital only: $1"), opening with a
//     capital letter;
//   - it has none of the cues of the publisher speaking (publisher words,
//     appeal phrases, prices, links, handles) and is no advertisement
//     marker ("Advertisement", "Story continues below");
//   - the paragraphs before and after it are body text the model did not
//     label appeal, and the one after is more than a line of its own.
//
// The relabelled line gets probability subheadingConfidence for fact, the
// other labels keeping their proportions.
const (
	subheadingMaxWords   = 10
	subheadingConfidence = 0.8
)

// advertMarkers are the lines that mark an advertisement in a body.
var advertMarkers = []string{"advertisement", "sponsored", "continues below", "story continues", "continue reading"}

// furnitureCues are the indexes of the cue features of the publisher
// speaking, in features.CueNames.
var furnitureCues = func() []int {
	var idx []int
	for j, n := range features.CueNames {
		switch n {
		case "publisher", "appeal_phrase", "url", "handle", "price":
			idx = append(idx, j)
		}
	}
	return idx
}()

// relabelSubheadings makes the subheadings of a fact (see the comment
// above). It reads the cue vectors of the Analysis when it is a's.
func (w *Workspace) relabelSubheadings(a *corpus.Article) {
	if w.appeal < 0 || w.fact < 0 {
		return
	}
	var x *features.Analysis
	if w.ex != nil {
		if ax := w.ex.Analysis(); ax.Article() == a && ax.Len() == len(a.Sentences) {
			x = ax
		}
	}
	n := len(a.Sentences)
	for i := 1; i+1 < n; i++ {
		p := &w.preds[i]
		if p.Label != w.appeal || !w.subheading(a, x, i) {
			continue
		}
		p.relabel(w.fact, subheadingConfidence)
	}
}

// subheading reports whether sentence i of a reads as a subheading.
func (w *Workspace) subheading(a *corpus.Article, x *features.Analysis, i int) bool {
	s := a.Sentences[i]
	if a.Sentences[i-1].Para == s.Para || a.Sentences[i+1].Para == s.Para {
		return false // not a paragraph of its own
	}
	t := s.Text
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) || strings.ContainsRune(t, ':') || len(strings.Fields(t)) > subheadingMaxWords || !isFragment(t) {
		return false
	}
	low := strings.ToLower(t)
	for _, m := range advertMarkers {
		if strings.Contains(low, m) {
			return false
		}
	}
	if x != nil {
		if cues := x.Cues(i); cues != nil {
			for _, j := range furnitureCues {
				if cues[j] != 0 {
					return false
				}
			}
		}
	}
	// The paragraphs around it: body text, not labelled appeal.
	lo := i - 1
	for lo > 0 && a.Sentences[lo-1].Para == a.Sentences[i-1].Para {
		lo--
	}
	hi := i + 1
	for hi+1 < len(a.Sentences) && a.Sentences[hi+1].Para == a.Sentences[i+1].Para {
		hi++
	}
	for j := lo; j <= hi; j++ {
		if j != i && w.preds[j].Label == w.appeal {
			return false
		}
	}
	return hi > i+1 || !isFragment(a.Sentences[i+1].Text)
}

// isFragment reports whether a line has no final punctuation.
func isFragment(t string) bool {
	t = strings.TrimRight(t, " \"'”’)]")
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?…;", r)
}
