package features

import (
	"bufio"
	"embed"
	"fmt"
	"maps"
	"slices"
	"strings"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// Lexicons holds the word lists the cue extractors use, loaded from the
// embedded lexicon/*.txt files (one entry a line, '#' comments).
type Lexicons struct {
	Reporting    map[string]bool
	Publisher    map[string]bool
	Modals       map[string]bool
	Hedges       map[string]bool
	Intensifiers map[string]bool
	Evaluative   map[string]bool
	Imperatives  map[string]bool
	Person       map[string]int // 1 first singular, 2 first plural, 3 second, 4 third
	Attribution  phrases        // token sequences
	Appeal       phrases

	// The entry of every word of the lists above (and the month and money
	// words): its classes and the phrases it starts, so that cues looks
	// each token up once instead of once per list. byHash finds a token's
	// row by its FNV-1a hash (one flat probe, not a string map lookup);
	// infos[r] is the entry of row r and words[r] its word, compared to
	// rule out a collision.
	byHash keyTable
	infos  []*wordInfo
	words  []string
}

// lookup returns the lexicon entry of a token, or nil.
func (l *Lexicons) lookup(t *Analysed) *wordInfo {
	r, ok := l.byHash.get(t.Hash)
	if !ok || l.words[r] != t.Norm {
		return nil
	}
	return l.infos[r]
}

// Word classes in wordInfo.flags.
const (
	lexReporting uint16 = 1 << iota
	lexPublisher
	lexModal
	lexHedge
	lexIntensifier
	lexEvaluative
	lexMonth
	lexMoney
)

type wordInfo struct {
	flags  uint16
	person int
	attrib [][]string // Attribution phrases that start with the word
	appeal [][]string // Appeal phrases that start with the word
}

func (l *Lexicons) buildIndex() {
	index := map[string]*wordInfo{}
	get := func(w string) *wordInfo {
		wi := index[w]
		if wi == nil {
			wi = &wordInfo{}
			index[w] = wi
		}
		return wi
	}
	for _, c := range []struct {
		set  map[string]bool
		flag uint16
	}{
		{l.Reporting, lexReporting}, {l.Publisher, lexPublisher}, {l.Modals, lexModal},
		{l.Hedges, lexHedge}, {l.Intensifiers, lexIntensifier}, {l.Evaluative, lexEvaluative},
		{months, lexMonth}, {moneyWords, lexMoney},
	} {
		for w, ok := range c.set {
			if ok {
				get(w).flags |= c.flag
			}
		}
	}
	for w, p := range l.Person {
		get(w).person = p
	}
	for w, ps := range l.Attribution {
		get(w).attrib = ps
	}
	for w, ps := range l.Appeal {
		get(w).appeal = ps
	}
	l.words = slices.Sorted(maps.Keys(index))
	keys := make([]uint64, len(l.words))
	l.infos = make([]*wordInfo, len(l.words))
	for r, w := range l.words {
		keys[r] = hashString(fnvOffset, w)
		l.infos[r] = index[w]
	}
	l.byHash = newKeyTable(keys)
}

// phrases are token sequences indexed by their first token, so that a
// sentence is matched in one pass over its tokens.
type phrases map[string][][]string

func (p phrases) add(ph []string) {
	if len(ph) > 0 {
		p[ph[0]] = append(p[ph[0]], ph)
	}
}

// LexiconVersion changes whenever a lexicon file changes meaning; a model
// records it so that a model never runs with lexicons it was not trained on.
const LexiconVersion = "lex-2"

// LoadLexicons reads the embedded lexicons.
func LoadLexicons() (*Lexicons, error) {
	l := &Lexicons{Person: map[string]int{}}
	var err error
	set := func(name string) map[string]bool {
		m := map[string]bool{}
		if err != nil {
			return m
		}
		err = eachLine(name, func(line string) {
			for _, w := range strings.Fields(line) {
				m[w] = true
			}
		})
		return m
	}
	l.Reporting = set("reporting_verbs.txt")
	l.Publisher = set("publisher.txt")
	l.Modals = set("modals.txt")
	l.Hedges = set("hedges.txt")
	l.Intensifiers = set("intensifiers.txt")
	l.Evaluative = set("evaluative.txt")
	l.Imperatives = set("imperatives.txt")
	if err != nil {
		return nil, err
	}
	groups := map[string]int{"first-singular": 1, "first-plural": 2, "second": 3, "third": 4}
	if err := eachLine("pronouns.txt", func(line string) {
		f := strings.Fields(line)
		for _, w := range f[1:] {
			l.Person[w] = groups[f[0]]
		}
	}); err != nil {
		return nil, err
	}
	readPhrases := func(name string) (phrases, error) {
		out := phrases{}
		err := eachLine(name, func(line string) { out.add(strings.Fields(line)) })
		return out, err
	}
	if l.Attribution, err = readPhrases("attribution.txt"); err != nil {
		return nil, err
	}
	if l.Appeal, err = readPhrases("appeal_phrases.txt"); err != nil {
		return nil, err
	}
	l.buildIndex()
	return l, nil
}

func eachLine(name string, fn func(string)) error {
	f, err := lexiconFS.Open("lexicon/" + name)
	if err != nil {
		return fmt.Errorf("features: lexicon %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(strings.ToLower(line))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("features: lexicon %s: %w", name, err)
	}
	return nil
}
