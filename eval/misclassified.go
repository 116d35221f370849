package eval

import (
	"cmp"
	"slices"
)

// Misclassified is one error with its context, for error analysis.
type Misclassified struct {
	Article  string `json:"article"`
	Sentence int    `json:"sentence"`
	Group    string `json:"group,omitempty"`
	Text     string `json:"text"`
	Prev     string `json:"prev"` // previous sentence of the article, "" if none
	Next     string `json:"next"` // next sentence of the article, "" if none
	Gold     string `json:"gold"`
	Pred     string `json:"pred"`
	// Scored tells whether the item had probabilities; GoldProb and PredProb
	// are the probabilities of the gold and the predicted label, 0 without.
	Scored   bool    `json:"scored"`
	GoldProb float64 `json:"gold_prob"`
	PredProb float64 `json:"pred_prob"`
}

// misclassified lists up to n errors (all when n < 0), the most confident
// (highest probability of the wrong label) first, then unscored errors in
// input order. With repeated cross-validation a sentence is listed once.
func misclassified(labels []string, items []Item, n int) []Misclassified {
	if n == 0 {
		return nil
	}
	type key struct {
		article  string
		sentence int
	}
	text := map[key]string{}
	for _, it := range items {
		if it.Article != "" {
			text[key{it.Article, it.Sentence}] = it.Text
		}
	}
	var errs []Misclassified
	seen := map[key]bool{}
	for _, it := range items {
		if it.Gold == it.Pred {
			continue
		}
		m := Misclassified{
			Article: it.Article, Sentence: it.Sentence, Group: it.Group, Text: it.Text,
			Gold: labels[it.Gold], Pred: labels[it.Pred],
		}
		if it.Article != "" {
			m.Prev = text[key{it.Article, it.Sentence - 1}]
			m.Next = text[key{it.Article, it.Sentence + 1}]
		}
		if it.Probs != nil {
			m.Scored = true
			m.GoldProb = finite(it.Probs[it.Gold])
			m.PredProb = finite(it.Probs[it.Pred])
		}
		errs = append(errs, m)
	}
	slices.SortStableFunc(errs, func(a, b Misclassified) int {
		if a.Scored != b.Scored {
			if a.Scored {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.PredProb, a.PredProb)
	})
	out := errs[:0]
	for _, m := range errs {
		k := key{m.Article, m.Sentence}
		if m.Article != "" && seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, m)
		if len(out) == n {
			break
		}
	}
	return slices.Clip(out)
}
