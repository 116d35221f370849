package attribution

import (
	"sort"
	"strings"

	"github.com/stancekit/stancekit/features/token"
)

// name is a capitalised word sequence outside quotation marks.
type name struct {
	sp    span // the name without leading titles: "Renata Ybarra"
	full  span // with them: "County Clerk Renata Ybarra"
	roles span // role words before it ("controller Aroha Paratene") through its titles
	appos span // an appositive after it: ", the authority's chief executive,"
	pre   span // a description it is in apposition to: "The developer, Shannonbeg Renewables,"
	sent  int
}

func (at *Attributor) isWord(i int) bool {
	k := at.toks[i].kind
	return k == token.Word
}

// nameStart reports whether token i can start or extend a name.
func (at *Attributor) nameWord(i int) bool {
	t := at.toks[i]
	return t.kind == token.Word && t.upper && !t.inQuote && !at.has(i, fNotName)
}

// dateline returns the token after the dash when toks[start:end], at the
// start of a sentence, is a wire story's dateline: capitals only, then a
// dash, perhaps after the agency in parentheses ("OTTAWA (Northway) -",
// "NAIROBI —"); else 0. A dateline is a place, never a source.
func (at *Attributor) dateline(start, end, lo, hi int) int {
	if start != lo || end >= hi {
		return 0
	}
	for i := start; i < end; i++ {
		w := at.text[at.toks[i].start:at.toks[i].end]
		if at.isWord(i) && (len(w) < 2 || strings.ToUpper(w) != w) {
			return 0
		}
	}
	k := end
	if at.low(k) == "(" { // "(Reuters)", "(Northway)"
		for k < hi && k-end < 5 && at.low(k) != ")" {
			k++
		}
		k++
	}
	if k >= hi {
		return 0
	}
	switch at.text[at.toks[k].start:at.toks[k].end] {
	case "-", "–", "—":
		return k + 1
	}
	return 0
}

// pluralPossessive reports whether token j is the apostrophe of a plural
// possessive inside a name: straight after a capitalised word ending in s,
// before a name word that is an organisation's ("Farmers' Association",
// "Seniors' Network").
func (at *Attributor) pluralPossessive(j, hi int) bool {
	return at.possessiveMark(j, hi) && at.nameWord(j+1) && (at.has(j+1, fOrg|fOrgKind) || orgTails[at.low(j+1)])
}

// possessiveMark reports whether token j is the apostrophe of a plural
// possessive: straight after a word ending in s, before a word ("doctors'
// groups").
func (at *Attributor) possessiveMark(j, hi int) bool {
	if j < 1 || j+1 >= hi || at.toks[j].kind != token.Quote || at.toks[j-1].end != at.toks[j].start ||
		!at.isWord(j-1) || !strings.HasSuffix(at.low(j-1), "s") || !at.isWord(j+1) || at.toks[j+1].start == at.toks[j].end {
		return false
	}
	q := at.text[at.toks[j].start:at.toks[j].end]
	return q == "'" || q == "’"
}

// collectNames finds the names of the first n sentences.
func (at *Attributor) collectNames(n int) {
	at.names = at.names[:0]
	at.wordsCounted = false
	for si := range n {
		lo, hi := at.bounds[si], at.bounds[si+1]
		for i := lo; i < hi; {
			start := i
			if at.low(i) == "the" && i+1 < hi && at.nameWord(i+1) && !at.toks[i].inQuote {
				i++
			}
			if !at.nameWord(i) {
				i = start + 1
				continue
			}
			j := i + 1
			for j < hi {
				switch {
				case at.nameWord(j):
					j++
					continue
				case at.toks[j].kind == token.Punct && at.text[at.toks[j].start:at.toks[j].end] == "." &&
					(at.has(j-1, fAbbrev) || at.toks[j-1].end-at.toks[j-1].start == 1) && j+1 < hi && at.nameWord(j+1):
					j++
					continue
				case at.has(j, fConnector) && !at.toks[j].upper && j+1 < hi && at.nameWord(j+1) &&
					(at.low(j) != "of" || at.has(j-1, fOrg|fTitle)):
					j++
					continue
				case at.pluralPossessive(j, hi):
					j++ // "the Irish Farmers' Association"
					continue
				}
				break
			}
			if d := at.dateline(start, j, lo, hi); d > 0 {
				i = d // the agency in its parentheses is no source either
				continue
			}
			at.addName(si, span{start, j})
			i = j
		}
	}
}

func (at *Attributor) addName(si int, full span) {
	n := name{full: full, sp: full, sent: si}
	// Strip through the last title that has a name word after it.
	// A title after "of" is a word of the name: "College of General
	// Practitioners".
	last := full.hi - 2
	for k := full.lo + 1; k <= last; k++ {
		if at.has(k, fConnector) && !at.toks[k].upper && !at.has(k-1, fTitle) {
			last = k - 1
		}
	}
	for k := last; k >= full.lo; k-- {
		if at.has(k, fTitle) {
			lo := k + 1
			if at.has(lo, fConnector) && !at.toks[lo].upper {
				// "Superintendent of Police Rajeev Mishra", "Minister for
				// Housing": the title's complement is one word; with no
				// name after it, or more complement ("Commissioner for
				// Budget and Planning"), the whole is the name.
				lo += 2
				if lo < full.hi && at.has(lo, fConnector) {
					lo = full.hi
				}
			}
			for lo < full.hi && !at.nameWord(lo) {
				lo++
			}
			if lo < full.hi {
				n.sp.lo = lo
			}
			break
		}
	}
	// Role words: up to three lower-case words just before.
	sentLo := at.bounds[si]
	r := full.lo
	for r > sentLo && full.lo-r < 2 && at.isWord(r-1) && !at.toks[r-1].upper && !at.toks[r-1].inQuote &&
		!at.has(r-1, fStop) && !at.has(r-1, fDeterminer) && !at.has(r-1, fReporting) && !at.verbBeforeName(r-1) &&
		!at.has(r-1, fPreposition) { // "the family-owned estate near Stellenbosch": the estate is not Stellenbosch
		r--
	}
	n.roles = span{r, n.sp.lo}
	if n.sp.hi-n.sp.lo >= 3 && postNominals[at.low(n.sp.hi-1)] {
		n.sp.hi-- // "Andrew Fell KC", "Niamh Considine TD": the name is Andrew Fell
	}
	// An appositive: ", the authority's chief executive".
	hi := at.bounds[si+1]
	if full.hi < hi && at.low(full.hi) == "," {
		k := full.hi + 1
		for k < hi && k-full.hi <= 8 && at.toks[k].kind != token.Punct && at.toks[k].kind != token.Quote {
			k++
		}
		n.appos = span{full.hi + 1, k}
	}
	// A description before it: "The developer, Shannonbeg Renewables,", or
	// at the end of the sentence, "said the vice-chancellor, Professor
	// Martin Achebe."
	if full.lo-2 >= sentLo && at.low(full.lo-1) == "," && at.isWord(full.lo-2) && !at.toks[full.lo-2].upper &&
		full.hi < hi && (at.low(full.hi) == "," || (full.hi == hi-1 && at.low(full.hi) == ".")) {
		k := full.lo - 2
		for k > sentLo && full.lo-1-k < 4 && at.isWord(k-1) && !at.has(k-1, fStop) {
			k--
		}
		n.pre = span{k, full.lo - 1}
	}
	at.names = append(at.names, n)
}

// nameEndingAt returns the index of the name whose full span ends at hi and
// starts at or after lo, or -1.
func (at *Attributor) nameEndingAt(lo, hi int) int {
	for k := at.nameAfter(hi) - 1; k >= 0; k-- {
		n := at.names[k]
		if n.full.hi == hi && n.full.lo >= lo {
			return k
		}
		if n.full.hi < hi {
			break
		}
	}
	return -1
}

// nameStartingAt returns the index of the name whose full span starts at lo,
// or -1.
func (at *Attributor) nameStartingAt(lo int) int {
	if k := at.nameAfter(lo); k < len(at.names) && at.names[k].full.lo == lo {
		return k
	}
	return -1
}

// nameAfter returns the index of the first name whose full span starts at
// token lo or later (names are in text order): loops over the names near
// a sentence start there, not at the article's first, so that a long
// article does not cost its number of names per quote.
func (at *Attributor) nameAfter(lo int) int {
	return sort.Search(len(at.names), func(k int) bool { return at.names[k].full.lo >= lo })
}

// namesUpTo returns the number of names in sentences up to last.
func (at *Attributor) namesUpTo(last int) int {
	if last+1 >= len(at.bounds) {
		return len(at.names)
	}
	return at.nameAfter(at.bounds[last+1])
}

// lastLow is the lower-cased last token of s.
func (at *Attributor) lastLow(s span) string { return at.low(s.hi - 1) }

// fullest returns the longest name with the same last word as name k, in
// sentences up to last (the earliest of equal length): the source as
// named most fully.
//
// A one-word name that matches no longer name by its last word may be an
// acronym of one ("RBI" → "Reserve Bank of India") or the first word of
// an organisation's ("Protea" → "Protea Stores"), the earliest such.
func (at *Attributor) fullest(k, last int) span {
	want := at.lastLow(at.names[k].sp)
	best := at.names[k].sp
	bestLen := best.hi - best.lo
	found := false
	for _, n := range at.names {
		if n.sent > last {
			break
		}
		if at.lastLow(n.sp) != want {
			continue
		}
		if l := n.sp.hi - n.sp.lo; !found || l > bestLen {
			best, bestLen, found = n.sp, l, true
		}
	}
	one := best.lo
	if at.low(one) == "the" {
		one++
	}
	if best.hi-one != 1 {
		return best
	}
	w := at.text[at.toks[one].start:at.toks[one].end]
	acronym := at.acronym(one)
	for _, n := range at.names {
		if n.sent > last {
			break
		}
		if n.sp.hi-n.sp.lo < 2 {
			continue
		}
		if acronym && at.spells(w, n.full) {
			return at.named(n)
		}
		if !acronym && at.low(n.sp.lo) == at.low(one) && at.orgLike(n) {
			return n.sp
		}
	}
	return best
}

// named is the span of name n as a speaker: with its "the" when it has one
// ("the Health Service Executive").
func (at *Attributor) named(n name) span {
	if at.low(n.full.lo) == "the" && n.sp.lo == n.full.lo+1 {
		return n.full
	}
	return n.sp
}

// spells reports whether acronym is the first letters of the capitalised
// words of s ("RBI", "Reserve Bank of India").
func (at *Attributor) spells(acronym string, s span) bool {
	pos := 0
	for i := s.lo; i < s.hi; i++ {
		t := at.toks[i]
		if t.kind == token.Word && t.upper && at.low(i) != "the" {
			if pos >= len(acronym) || at.text[t.start] != acronym[pos] {
				return false
			}
			pos++
		}
	}
	return pos == len(acronym)
}

// orgLike reports whether name n looks like an organisation: a word of it
// names a kind of organisation ("Protea Stores", "Kaveri Agro Foods"), or
// its role words or appositives do ("retailer Protea", "the developer,
// Shannonbeg Renewables").
func (at *Attributor) orgLike(n name) bool {
	for _, s := range []span{n.sp, n.roles, n.appos, n.pre} {
		for i := s.lo; i < s.hi; i++ {
			if at.has(i, fOrgKind|fOrg) {
				return true
			}
		}
	}
	return at.itsAfter(n)
}

// itsAfter reports whether the sentence of name n goes on to say "its"
// before any person's pronoun or another name ("Kalbarri Minerals has
// approved a $780 million expansion of its refinery"): a thing, not a
// person.
func (at *Attributor) itsAfter(n name) bool {
	hi := at.bounds[n.sent+1]
	for i := n.full.hi; i < hi && i-n.full.hi < 16; i++ {
		if at.toks[i].inQuote {
			continue
		}
		switch at.low(i) {
		case "its":
			return true
		case "he", "she", "his", "her", "him", "they", "their":
			return false
		}
		if at.nameWord(i) {
			return false
		}
	}
	return false
}

// hasRole reports whether name n carries the word head among its titles,
// role words or appositive.
func (at *Attributor) hasRole(n name, head string) bool {
	for _, s := range []span{n.roles, n.appos, n.pre} {
		for i := s.lo; i < s.hi; i++ {
			if at.possessor(i) {
				continue // "the agency's director", "the club's Margao training ground": not the agency, the club
			}
			if w := at.low(i); w == head || roleSynonyms[w] == head {
				return true
			}
		}
	}
	return false
}

// possessor reports whether word i is followed by a possessive "'s": the
// owner of what follows, not a word for the name it stands before.
func (at *Attributor) possessor(i int) bool {
	if i+1 >= len(at.toks) || at.toks[i+1].start != at.toks[i].end {
		return false
	}
	return possessiveS(at.low(i + 1))
}

// possessiveS reports whether w is the possessive "'s", straight or curly.
func possessiveS(w string) bool { return w == "'s" || w == "’s" }

// roleSynonyms maps a title to the role noun a later description uses:
// "Justice Mercy Achola" is "the judge".
var roleSynonyms = map[string]string{"justice": "judge"}

// verbBeforeName reports whether word i is a verb, not a role word, before
// a name: "Vermont's governor toured Barrow Falls".
func (at *Attributor) verbBeforeName(i int) bool {
	w := at.low(i)
	return at.has(i, fAux|fBe|fVerb) || (len(w) > 4 && strings.HasSuffix(w, "ed"))
}

// weakName reports whether name k may be no name at all: one capitalised
// word that starts its sentence ("Mad, bro.", "Record results for …",
// "Group revenue rose") and that no other name of the article holds.
func (at *Attributor) weakName(k int) bool {
	nm := at.names[k]
	if nm.full.hi-nm.full.lo != 1 || nm.full.lo != at.clauseStart(at.bounds[nm.sent], at.bounds[nm.sent+1]) {
		return false
	}
	if at.acronym(nm.full.lo) {
		return false // "LTA, posted on X"
	}
	if at.nameWords == nil {
		at.nameWords = map[string]int32{}
	}
	if !at.wordsCounted {
		// Counted once per article, on first use: a word held by another
		// name is counted twice.
		clear(at.nameWords)
		for _, o := range at.names {
			for i := o.full.lo; i < o.full.hi; i++ {
				if at.isWord(i) {
					at.nameWords[at.low(i)]++
				}
			}
		}
		at.wordsCounted = true
	}
	return at.nameWords[at.low(nm.full.lo)] < 2
}

// acronym reports whether token i is written in two to six capital letters
// ("RBI", "HSE").
func (at *Attributor) acronym(i int) bool {
	w := at.text[at.toks[i].start:at.toks[i].end]
	ok := len(w) >= 2 && len(w) <= 6
	for j := 0; j < len(w) && ok; j++ {
		ok = 'A' <= w[j] && w[j] <= 'Z'
	}
	return ok
}
