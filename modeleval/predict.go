package modeleval

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/stancekit/stancekit/attribution"
	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/models"
)

// ReadAll reads every article of the inputs.
//
// Deprecated: use corpus.ReadAll; reading belongs to corpus.
func ReadAll(paths []string, opts corpus.ReaderOptions) ([]*corpus.Article, []error, error) {
	return corpus.ReadAll(paths, opts)
}

// EvalItems classifies the gold articles' own sentences (each in the context
// of its article) and returns one eval item per sentence, in article order,
// ready for eval.Evaluate. (Workspace.Predict labels one article;
// EvalItems scores a gold corpus against its labels.)
// group names the article field used for the per-group breakdown ("" for
// none). Gold labels the model does not know are an error naming the
// article. workers ≤ 0 uses all cores; the result does not depend on it.
func EvalItems(m *models.Model, gold []*corpus.Article, group string, workers int) ([]eval.Item, error) {
	index := make(map[string]int, len(m.Labels))
	for i, l := range m.Labels {
		index[l] = i
	}
	for _, a := range gold {
		if len(a.Sentences) == 0 {
			return nil, fmt.Errorf("modeleval: %s: gold article has no sentences", origin(a))
		}
		for i, s := range a.Sentences {
			if _, ok := index[s.Label]; !ok {
				return nil, fmt.Errorf("modeleval: %s: sentence %d: gold label %q is not one of the model's labels %v", origin(a), i, s.Label, m.Labels)
			}
		}
	}
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	per := make([][]eval.Item, len(gold))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ws := m.NewWorkspace()
			// The rules once more, on the gold labels (goldLabelAttributions).
			gat := attribution.New()
			var gattrs []attribution.Attribution
			for ai := range next {
				a := gold[ai]
				preds := ws.Predict(a)
				gattrs = goldLabelAttributions(gat, a, gattrs)
				items := make([]eval.Item, len(preds))
				g := ""
				if group != "" {
					g = a.Field(group)
				}
				for i, p := range preds {
					items[i] = eval.Item{
						Article: a.ID, Sentence: i, Text: a.Sentences[i].Text,
						Gold: index[a.Sentences[i].Label], Pred: p.Label,
						Probs: append([]float64(nil), p.Probs...), Group: g,
					}
					if s := a.Sentences[i]; s.Attributed && s.Label == "quote" {
						items[i].GoldAttribution = goldAttribution(s)
						if p.Attribution != nil {
							items[i].PredAttribution = predAttribution(s, p.Attribution)
						}
						items[i].GoldLabelAttribution = predAttribution(s, &gattrs[i])
					}
				}
				per[ai] = items
			}
		}()
	}
	for ai := range gold {
		next <- ai
	}
	close(next)
	wg.Wait()
	var items []eval.Item
	for _, it := range per {
		items = append(items, it...)
	}
	return items, nil
}

// goldLabelAttributions attributes the quote sentences of a as the gold
// labels them (dst[:0] reused), or returns dst[:0] when a has no
// annotated gold quote, which is then never read.
func goldLabelAttributions(at *attribution.Attributor, a *corpus.Article, dst []attribution.Attribution) []attribution.Attribution {
	for _, s := range a.Sentences {
		if s.Attributed && s.Label == "quote" {
			return at.Article(a, func(i int) bool { return a.Sentences[i].Label == "quote" }, dst)
		}
	}
	return dst[:0]
}

// goldAttribution places a gold mention and cue in the sentence, as the
// annotation format means them: the gold gives their words, not offsets
// (see placeSpan).
func goldAttribution(s corpus.Sentence) *eval.AttributionParts {
	at := func(text string) eval.TextSpan {
		i := placeSpan(s.Text, text)
		if text == "" || i < 0 {
			return eval.TextSpan{Start: -1, End: -1}
		}
		return eval.TextSpan{Text: text, Start: i, End: i + len(text)}
	}
	return &eval.AttributionParts{Speaker: s.Speaker, Mention: at(s.Mention), Cue: at(s.Cue)}
}

// placeSpan returns where the annotated words sub stand in a sentence: the
// first occurrence as whole words outside quotation marks (a source and its
// reporting verb are the reporter's words, not the quoted ones: "he" in
// `"We knew him," he said` is the second one, and never the "he" of "the"),
// else the first as whole words, else the first at all; -1 if none.
func placeSpan(text, sub string) int {
	if sub == "" {
		return -1
	}
	first, firstWhole := -1, -1
	inQuote := quotedBytes(text)
	for from := 0; ; {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			break
		}
		i += from
		if first < 0 {
			first = i
		}
		if wordBoundary(text, i) && wordBoundary(text, i+len(sub)) {
			if !inQuote[i] {
				return i
			}
			if firstWhole < 0 {
				firstWhole = i
			}
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		from = i + size
	}
	if firstWhole >= 0 {
		return firstWhole
	}
	return first
}

// wordBoundary reports whether byte offset i of s is not inside a word: a
// letter or digit does not stand on both sides of it.
func wordBoundary(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return !isWord(before) || !isWord(after)
}

// quotedBytes marks the bytes of s inside double quotation marks (straight
// ones toggle; curly ones open and close).
func quotedBytes(s string) []bool {
	in := make([]bool, len(s))
	depth, straight := 0, false
	for i, r := range s {
		switch r {
		case '"':
			straight = !straight
		case '“':
			depth++
		case '”':
			depth = max(0, depth-1)
		}
		in[i] = straight || depth > 0
	}
	for i := 1; i < len(s); i++ { // continuation bytes of a rune follow its first byte
		if !utf8.RuneStart(s[i]) {
			in[i] = in[i-1]
		}
	}
	return in
}

// predAttribution turns a predicted attribution's article offsets into
// offsets in the sentence.
func predAttribution(s corpus.Sentence, a *attribution.Attribution) *eval.AttributionParts {
	at := func(text string, start, end int) eval.TextSpan {
		if text == "" {
			return eval.TextSpan{Start: -1, End: -1}
		}
		return eval.TextSpan{Text: text, Start: start - s.Start, End: end - s.Start}
	}
	return &eval.AttributionParts{Speaker: a.Speaker,
		Mention: at(a.Mention, a.MentionStart, a.MentionEnd), Cue: at(a.Cue, a.CueStart, a.CueEnd)}
}

func origin(a *corpus.Article) string {
	if a.File != "" && a.Line > 0 {
		return fmt.Sprintf("%s:%d (%s)", a.File, a.Line, a.ID)
	}
	return a.ID
}

// Predict is the old name of EvalItems, easily confused with
// models.Workspace.Predict.
//
// Deprecated: use EvalItems.
func Predict(m *models.Model, gold []*corpus.Article, group string, workers int) ([]eval.Item, error) {
	return EvalItems(m, gold, group, workers)
}
