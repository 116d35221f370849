package segment

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/stancekit/stancekit/features/token"
)

// AbbrevClass says how a full stop after an abbreviation is judged: whether
// it ends the sentence depends on the class and on the word that follows.
// The classes are documented with examples in abbreviations.txt.
type AbbrevClass uint8

// Abbreviation classes.
const (
	NotAbbrev    AbbrevClass = iota
	AbbrevTitle              // before a name (Dr., Gov., St.): ends a sentence only before a sentence opener
	AbbrevPrefix             // never ends a sentence (e.g., vs.)
	AbbrevNumber             // before a number (No., Art., p.); otherwise a plain word
	AbbrevStrong             // often final (Inc., Jan., etc.): not before a number, otherwise a plain word
	AbbrevWeak               // usually inside a name (Jr., U.S., initials): ends a sentence before an opener or a line break
	AbbrevAMPM               // a.m., p.m.: ends a sentence before a capital that is not a time word
)

//go:embed abbreviations.txt
var segLexiconText string

// segLexicon holds the word lists a Segmenter consults. Keys are lower case.
type segLexicon struct {
	abbrev       map[string]AbbrevClass
	opener       map[string]bool
	timeWord     map[string]bool
	speechVerb   map[string]bool
	speechObject map[string]bool
	continuation map[string]bool
	labelEnd     map[string]bool
	role         map[string]bool
}

// defaultSegLexicon parses the embedded lists once; Segmenters share the word
// sets and copy the abbreviations, which callers may extend.
var defaultSegLexicon = sync.OnceValue(func() *segLexicon {
	lx, err := parseSegLexicon(segLexiconText)
	if err != nil {
		panic(err) // the embedded file is part of the build
	}
	return lx
})

var abbrevSections = map[string]AbbrevClass{
	"title": AbbrevTitle, "prefix": AbbrevPrefix, "number": AbbrevNumber,
	"strong": AbbrevStrong, "weak": AbbrevWeak, "ampm": AbbrevAMPM,
}

func parseSegLexicon(text string) (*segLexicon, error) {
	lx := &segLexicon{
		abbrev:       make(map[string]AbbrevClass),
		opener:       make(map[string]bool),
		timeWord:     make(map[string]bool),
		speechVerb:   make(map[string]bool),
		speechObject: make(map[string]bool),
		continuation: make(map[string]bool),
		labelEnd:     make(map[string]bool),
		role:         make(map[string]bool),
	}
	sets := map[string]map[string]bool{
		"opener": lx.opener, "timeword": lx.timeWord, "speechverb": lx.speechVerb,
		"speechobject": lx.speechObject, "continuation": lx.continuation,
		"labelend": lx.labelEnd, "role": lx.role,
	}
	section := ""
	for n, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			if _, ok := abbrevSections[section]; !ok && sets[section] == nil {
				return nil, fmt.Errorf("features: lexicon line %d: unknown section %q", n+1, section)
			}
			continue
		}
		for _, w := range strings.Fields(line) {
			if w != strings.ToLower(w) || len(w) > token.MaxLexWord {
				return nil, fmt.Errorf("features: lexicon line %d: %q must be lower case and at most %d bytes", n+1, w, token.MaxLexWord)
			}
			switch c, ok := abbrevSections[section]; {
			case ok:
				lx.abbrev[w] = c
			case sets[section] != nil:
				sets[section][w] = true
			default:
				return nil, fmt.Errorf("features: lexicon line %d: word before any section", n+1)
			}
		}
	}
	return lx, nil
}

func (lx *segLexicon) has(set map[string]bool, w string) bool {
	var buf [token.MaxLexWord]byte
	k, ok := token.LowerKey(&buf, w)
	return ok && set[string(k)]
}

// AddAbbreviation teaches s an abbreviation (without its final full stop,
// inner stops kept: "approx", "ph.d"), or with NotAbbrev makes s forget one.
// It must not be called while s is segmenting text.
func (s *Segmenter) AddAbbreviation(word string, class AbbrevClass) {
	w := strings.ToLower(strings.TrimSuffix(word, "."))
	if w == "" || len(w) > token.MaxLexWord {
		return
	}
	if class == NotAbbrev {
		delete(s.abbrev, w)
		return
	}
	s.abbrev[w] = class
}

// Abbreviation returns the class s gives to word (without its final stop).
func (s *Segmenter) Abbreviation(word string) AbbrevClass {
	var buf [token.MaxLexWord]byte
	k, ok := token.LowerKey(&buf, strings.TrimSuffix(word, "."))
	if !ok {
		return NotAbbrev
	}
	return s.abbrev[string(k)]
}
