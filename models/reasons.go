package models

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features"
)

// Reasons is Explain in words a reader of the article follows: the
// sentence's own words and cues, what the neighbouring sentences were
// taken to be ("the next sentence is appeal, p 0.98"), and what its
// paragraph and article read as, each with its weight toward label c.
// With a second stage, the sentence's own stage-1 verdict ("on its own it
// reads as quote, p 0.79") is broken down in Because into the words and
// cues that made it, with their stage-1 weights.
func (w *Workspace) Reasons(a *corpus.Article, i, c, n int) []NamedContribution {
	m := w.m
	k := len(m.Labels)
	if m.Stage2 == nil {
		return m.reasons(m.Stage1.Explain(w.vecs[i], c, n), w.vecs[i])
	}
	w.stack.vector(&w.v2, &w.vecs[i], m.Stage1.Dim, a, i, k)
	if m.Conv != nil {
		w.convStack2(a, i)
	}
	out := m.reasons(m.Stage2.Explain(w.v2, c, n), w.v2)
	for j := range out {
		if label, ok := ownVerdict(out[j].Name, m.Labels); ok {
			out[j].Because = m.reasons(m.Stage1.Explain(w.vecs[i], label, n), w.vecs[i])
		}
	}
	return out
}

// ownVerdict tells whether a stacking feature is the sentence's own
// stage-1 probability of a label, and which.
func ownVerdict(name string, labels []string) (int, bool) {
	rest, ok := strings.CutPrefix(name, "stack+0:p(")
	if !ok {
		return 0, false
	}
	rest = strings.TrimSuffix(rest, ")")
	for c, l := range labels {
		if l == rest {
			return c, true
		}
	}
	return 0, false
}

func (m *Model) reasons(cs []Contribution, v features.Vector) []NamedContribution {
	out := make([]NamedContribution, len(cs))
	for j, x := range cs {
		name := m.FeatureName(x.Feature)
		out[j] = NamedContribution{Name: name, Weight: x.Weight, Why: describe(name, valueAt(v, x.Feature))}
	}
	return out
}

// valueAt is the value of feature i in v (0 when absent).
func valueAt(v features.Vector, i int) float64 {
	for j, idx := range v.Index {
		if int(idx) == i {
			return float64(v.Value[j])
		}
	}
	return 0
}

// describe turns a feature name (as FeatureName gives it) and its value
// into words.
func describe(name string, x float64) string {
	if inner, ok := strings.CutPrefix(name, "conv-"); ok {
		// The vector member's probabilities, in the stacking layout.
		return "by the meanings of its words (word vectors), " + describe(inner, x)
	}
	kind, rest, _ := strings.Cut(name, ":")
	switch {
	case strings.HasPrefix(kind, "stack"):
		return describeStack(strings.TrimPrefix(kind, "stack"), rest, x)
	case kind == "cue":
		return cueWords(rest)
	case kind == "para":
		return "its paragraph has " + cueWords(rest)
	case kind == "window":
		return "the sentences around it have " + cueWords(rest)
	case kind == "pos":
		return "its place: " + strings.ReplaceAll(rest, "_", " ")
	case strings.HasPrefix(kind, "ctx") && rest != "":
		d, err := strconv.Atoi(strings.TrimPrefix(kind, "ctx"))
		if err != nil {
			break
		}
		if rest == "none" {
			return "there is no " + strings.TrimPrefix(neighbour(d), "the ")
		}
		return neighbour(d) + " has " + cueWords(rest)
	case kind == "char":
		return fmt.Sprintf("the letters %q", strings.Trim(rest, "<>"))
	case strings.HasPrefix(name, "bucket#"):
		return "a word n-gram (hashed, " + name + ")"
	case strings.HasPrefix(name, "?"):
		return "feature " + name
	}
	if strings.Contains(name, " ") {
		return fmt.Sprintf("the words %q", name)
	}
	return fmt.Sprintf("the word %q", name)
}

// describeStack words a stacking feature: scope is "+1", "-2", "-para"…,
// what is "p(label)" or "none", x the probability.
func describeStack(scope, what string, x float64) string {
	label := strings.TrimSuffix(strings.TrimPrefix(what, "p("), ")")
	switch scope {
	case "+0":
		return fmt.Sprintf("on its own it reads as %s, p %.2f", label, x)
	case "-para":
		return fmt.Sprintf("its paragraph reads as %s, mean p %.2f", label, x)
	case "-window":
		return fmt.Sprintf("the sentences around it (3 each side) read as %s, mean p %.2f", label, x)
	case "-article":
		return fmt.Sprintf("the article reads as %s, mean p %.2f", label, x)
	}
	d, err := strconv.Atoi(scope)
	if err != nil {
		return "stacking feature " + scope + ":" + what
	}
	if what == "none" {
		return "there is no " + strings.TrimPrefix(neighbour(d), "the ")
	}
	return fmt.Sprintf("%s is %s, p %.2f", neighbour(d), label, x)
}

func neighbour(d int) string {
	switch d {
	case -1:
		return "the previous sentence"
	case 1:
		return "the next sentence"
	case -2:
		return "the sentence before the previous"
	case 2:
		return "the sentence after next"
	}
	if d < 0 {
		return fmt.Sprintf("the sentence %d before", -d)
	}
	return fmt.Sprintf("the sentence %d after", d)
}

// cueWords names a cue of features.CueNames in words.
func cueWords(cue string) string {
	if w, ok := cuePhrases[cue]; ok {
		return w
	}
	return "cue " + cue
}

var cuePhrases = map[string]string{
	"len": "its length", "short": "shortness", "fragment": "the look of a fragment",
	"quote_any": "quotation marks", "quote_start": "a quotation mark at its start",
	"quote_end": "a quotation mark at its end", "quote_opens": "a quotation that opens in it",
	"quote_closes": "a quotation that closes in it", "quote_frac": "much of it inside quotation marks",
	"reporting_verb": "a reporting verb (said, told, added…)", "quote_then_verb": "a quotation followed by a reporting verb",
	"speaker": "a named speaker", "pronoun_verb": "a pronoun and a reporting verb (she said)",
	"attribution": "an attribution phrase (according to, in a statement…)",
	"pron_1s":     "first person singular (I, me, my)", "pron_1p": "first person plural (we, our)",
	"pron_2": "second person (you, your)", "pron_3": "third person (he, she, they)",
	"newsroom_we": "a newsroom \"we\"", "imperative": "an imperative (subscribe, sign up…)",
	"modal": "a modal verb (should, must, will…)", "hedge": "a hedge (perhaps, likely…)",
	"intensifier": "an intensifier (very, deeply…)", "evaluative": "an evaluative word",
	"number": "a number", "year": "a year", "money": "a sum of money", "percent": "a percentage",
	"date": "a date or a weekday", "question": "a question mark", "exclaim": "an exclamation mark",
	"colon_end": "a colon at its end", "ellipsis": "an ellipsis",
	"publisher": "a publisher word (subscribe, newsletter, donate…)", "appeal_phrase": "a publisher's appeal phrase",
	"url": "a web address", "handle": "a social-media handle", "price": "a price",
	"title_case": "title case", "dash": "a dash", "no_verb_like": "no verb",
}
