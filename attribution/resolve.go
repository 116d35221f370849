package attribution

import (
	"strings"

	"github.com/stancekit/stancekit/features/token"
)

// back is how many sentences a pronoun or a continuation looks back.
const back = 3

// far is how many sentences a definite description looks back for an
// organisation or an earlier source of the same noun (more than most
// articles have).
const far = 60

// resolve sets the speaker of every quote sentence from its mention, then
// pronouns from earlier speakers and names, then continuations from their
// neighbours.
func (at *Attributor) resolve() {
	for i := range at.sents {
		si := &at.sents[i]
		if !si.quote {
			continue
		}
		switch si.mkind {
		case nameMention:
			si.speaker = at.fullest(si.mname, i)
			if at.titleOnly(si.mention) {
				si.speaker = at.description(si.mention, i) // "The Mayor thanked residents"
			}
		case phraseMention:
			si.speaker = at.description(si.mention, i)
		}
	}
	for i := range at.sents {
		if si := &at.sents[i]; si.quote && si.mkind == pronounMention {
			si.speaker = at.antecedent(i)
		}
	}
	// A person's role that found no one ("the author said") may stand for
	// someone known only through a pronoun ("…," she writes): once more,
	// now that pronouns have their speakers.
	for i := range at.sents {
		if si := &at.sents[i]; si.quote && si.speaker == si.mention && si.mention.ok() && personRoles[at.lastLow(si.mention)] &&
			(si.mkind == phraseMention || at.titleOnly(si.mention)) {
			si.speaker = at.description(si.mention, i)
		}
	}
	// Continuations: forward where the quotation runs on into the next
	// sentence, then backward, then forward again; descending passes let a
	// run of continuations take the speaker named at its end.
	n := len(at.sents)
	carry := func(i, j int) bool {
		if j < 0 || j >= n || !at.sents[j].quote || !at.sents[j].speaker.ok() {
			return false
		}
		at.sents[i].speaker = at.sents[j].speaker
		return true
	}
	pending := func(i int) bool { si := at.sents[i]; return si.quote && si.mkind == noMention && !si.speaker.ok() }
	for i := n - 1; i >= 0; i-- {
		if pending(i) && at.openEnd[i] {
			carry(i, i+1)
		}
	}
	for i := 0; i < n; i++ {
		if !pending(i) {
			continue
		}
		if i > 0 && !at.sents[i-1].quote && at.question(i-1) {
			// An answer after an interviewer's question: the interviewee,
			// the latest source a few sentences back over the question and
			// its preamble.
			for j := i - 2; j >= 0 && i-j <= 2*back; j-- {
				if carry(i, j) {
					break
				}
			}
			continue
		}
		for j := i - 1; j >= 0 && i-j <= back; j-- {
			if carry(i, j) || !at.sents[j].quote {
				break
			}
		}
	}
	for i := n - 1; i >= 0; i-- {
		if pending(i) {
			carry(i, i+1)
		}
	}
	// The picture link of an embedded post is its author's, who signs on
	// the next line.
	for i := 1; i < n; i++ {
		if si := at.sents[i]; si.quote && si.speaker.ok() && at.linkOnly(i-1) && at.sents[i-1].quote &&
			at.signature(at.bounds[i], at.bounds[i+1]) >= 0 {
			at.sents[i-1].speaker = si.speaker
		}
	}
	// A bare quotation that is still nobody's continues the latest source
	// over what a page puts between (an "Advertisement" line, a
	// newsletter box, a caption): a quotation is always someone's.
	for i := 0; i < n; i++ {
		for j := i - 1; pending(i) && j >= 0 && i-j <= 2*back; j-- {
			if carry(i, j) {
				break
			}
		}
	}
}

// antecedent resolves a pronoun in sentence i: the speaker of the nearest
// earlier quote, or the first name of the nearest earlier sentence with one.
func (at *Attributor) antecedent(i int) span {
	p := at.low(at.sents[i].mention.lo)
	person := p == "he" || p == "she"
	lone := -1
	for j := i - 1; j >= 0 && i-j <= back; j-- {
		sj := at.sents[j]
		if sj.quote && sj.speaker.ok() {
			return sj.speaker
		}
		if sj.quote && sj.mkind == noMention {
			continue // a continuation: its speaker comes later, look further
		}
		// The first name of the sentence, preferring a person's: one named
		// in two words or more somewhere, not "the …". A lone capitalised
		// word may just start the sentence ("Retired shearer Bill Haddon").
		// "he" and "she" look further back for a person before settling
		// for a lone word ("Auckland").
		first := -1
		for k := at.nameAfter(at.bounds[j]); k < len(at.names); k++ {
			nm := at.names[k]
			if nm.sent > j {
				break
			}
			if person && !at.personName(k) {
				continue
			}
			if first < 0 && !at.weakName(k) {
				first = k
			}
			if f := at.fullest(k, i); f.hi-f.lo >= 2 && at.low(nm.sp.lo) != "the" {
				first = k
				break
			}
		}
		if first >= 0 {
			if f := at.fullest(first, i); f.hi-f.lo >= 2 || !person {
				return f
			}
			if lone < 0 {
				lone = first
			}
		}
	}
	if lone >= 0 {
		return at.fullest(lone, i)
	}
	// No one nearer: the latest source further back, over a few
	// sentences of background ("… Amos Kiptoo announced." three facts,
	// then "…," he said).
	for j := i - back - 1; j >= 0 && i-j <= 2*back; j-- {
		sj := at.sents[j]
		if !sj.quote || !sj.speaker.ok() {
			continue
		}
		if !person || at.personSpan(sj.speaker) {
			return sj.speaker
		}
		break
	}
	return span{}
}

// description resolves a noun phrase mention of sentence i ("the mayor",
// "the council") to the latest name up to the next sentence whose titles,
// role words or appositive hold its head word, or whose last word is its
// head; else the phrase stands for itself.
func (at *Attributor) description(m span, i int) span {
	if at.headOf(m) != m.hi-1 || at.has(m.lo, fIndefinite) {
		return m // it describes itself: "The local branch of the union", "A senior MP"
	}
	head := at.lastLow(m)
	for k := at.namesUpTo(i+1) - 1; k >= 0; k-- {
		nm := at.names[k]
		if nm.sent > i+1 || (nm.full.lo >= m.lo && nm.full.hi <= m.hi) || (nm.appos.lo < m.hi && m.lo < nm.appos.hi) || at.weakName(k) {
			continue // the mention itself, or the mention as its appositive, or no name
		}
		if at.hasRole(nm, head) || at.lastLow(nm.sp) == head {
			// Earlier names first: a later one is a forward reference.
			if nm.sent <= i || at.earlierRole(k, head, i) < 0 {
				return at.fullest(k, max(i, nm.sent))
			}
		}
	}
	if !at.definite(m) {
		return m
	}
	// The searches below look back at most far sentences: a long article
	// must not cost its length per description.
	from := max(0, i-far)
	// "The institute" → "The Institute for Fiscal Studies": a word of an
	// earlier name.
	for k := at.namesUpTo(i) - 1; k >= 0 && at.names[k].sent >= from; k-- {
		nm := at.names[k]
		if nm.sp.hi-nm.sp.lo < 2 || (nm.full.lo >= m.lo && nm.full.hi <= m.hi) {
			continue
		}
		for j := nm.sp.lo; j < nm.sp.hi; j++ {
			if sameNoun(at.low(j), head) {
				return at.named(nm) // "the force" → "Northamptonshire Police"
			}
		}
	}
	// "The study", "that person": an earlier source described with the
	// same noun ("A study led by researchers at …").
	for j := i - 1; j >= from; j-- {
		sp := at.sents[j].speaker
		if !at.sents[j].quote || !sp.ok() || at.sents[j].mkind != phraseMention || sp == at.sents[j].mention && at.definite(sp) {
			continue
		}
		for k := sp.lo; k < min(sp.hi, sp.lo+4); k++ {
			if sameNoun(at.low(k), head) && !at.possessor(k) { // "Readings from the department's buoys" are not the department
				return sp // "The paper", "The findings" → "A study by …"
			}
		}
	}
	// "The judge", "the author", "the mayor": a person's role with no name
	// that holds it; the latest person quoted before, within far.
	if personRoles[head] && m.hi-m.lo <= 3 {
		// The same role just before, introduced as a description:
		// "Vermont's governor toured …" then "The governor said".
		for k := m.lo - 1; k >= at.bounds[max(0, i-back)]; k-- {
			if at.low(k) != head || at.toks[k].inQuote {
				continue
			}
			if np, _, _ := at.npBack(k, at.bounds[at.sentOf(k)]); np.ok() && np.hi == k+1 && !at.definite(np) {
				return np
			}
			break
		}
		for j := i - 1; j >= from; j-- {
			if sp := at.sents[j].speaker; at.sents[j].quote && sp.ok() && at.personSpan(sp) && at.knownPerson(sp, i) {
				return sp
			}
		}
	}
	if m.hi-m.lo <= 3 {
		// "The agency", "the club": the organisation quoted by name before.
		if orgHeads[head] || at.has(m.hi-1, fOrgKind) {
			for j := i - 1; j >= from; j-- {
				sj := at.sents[j]
				if !sj.quote || !sj.speaker.ok() || sj.mkind == pronounMention {
					continue
				}
				if k := at.nameOfSpan(sj.speaker); k >= 0 && at.named(at.names[k]) == sj.speaker && !at.personName(k) && !at.otherOrg(at.names[k], head) {
					return sj.speaker
				}
			}
		}
		// "The company", "the group": the first organisation of the article.
		if at.has(m.hi-1, fOrgKind) {
			for k := at.nameAfter(at.bounds[from]); k < len(at.names); k++ {
				nm := at.names[k]
				if nm.sent > i {
					break
				}
				if at.orgLike(nm) && !(nm.full.lo >= m.lo && nm.full.hi <= m.hi) {
					return at.named(nm)
				}
			}
		}
	}
	return m
}

// orgHeads are the nouns, besides orgKinds, of a definite description
// that may stand for an organisation quoted by name before ("the club",
// "the board").
var orgHeads = set(`club union bureau university authority department board trust festival estate council
	college school hospital institute society association federation commission league charity
	ministry office body watchdog`)

// otherOrg reports whether name n holds a word for another kind of
// organisation than head: "The Institute for Fiscal Studies" is not "the
// council".
func (at *Attributor) otherOrg(n name, head string) bool {
	for i := n.sp.lo; i < n.sp.hi; i++ {
		if w := at.low(i); w != head && (at.has(i, fOrg) || orgHeads[w]) {
			return true
		}
	}
	return false
}

// definite reports whether noun phrase m refers back: "the company", "that
// person", "the same report".
func (at *Attributor) definite(m span) bool {
	switch at.low(m.lo) {
	case "the", "that", "this", "these", "those":
		return m.hi-m.lo <= 4
	}
	return false
}

// earlierRole returns a name before k, in sentences up to i, that matches
// head, or -1.
func (at *Attributor) earlierRole(k int, head string, i int) int {
	for j := k - 1; j >= 0; j-- {
		nm := at.names[j]
		if nm.sent <= i && (at.hasRole(nm, head) || at.lastLow(nm.sp) == head) {
			return j
		}
	}
	return -1
}

// headOf returns the head word of noun phrase m: its last word before a
// complement or a relative clause ("Parents at Upwold", "Volunteers who
// took part").
func (at *Attributor) headOf(m span) int {
	for k := m.lo + 1; k < m.hi; k++ {
		if at.has(k, fPreposition) || at.low(k) == "who" || at.low(k) == "," {
			return k - 1
		}
	}
	return m.hi - 1
}

// question reports whether sentence j ends with a question mark.
func (at *Attributor) question(j int) bool {
	lo, hi := at.bounds[j], at.bounds[j+1]
	for k := hi - 1; k >= lo; k-- {
		if at.toks[k].kind == token.Quote {
			continue
		}
		return at.low(k) == "?"
	}
	return false
}

// personName reports whether name k may be the person "he" or "she"
// stands for: no word of it names an organisation ("Outback Rural Stock &
// Station"), it does not start with "the" ("the University of
// Johannesburg"), it holds no acronym and is not a lone letter, it is not
// a day or month, and it does not follow a
// preposition of place, after which names are places and things ("on
// Barataria Bay", "at UJ"; but "served by Leela Thomas").
func (at *Attributor) personName(k int) bool {
	nm := at.names[k]
	if at.orgWord(nm.sp) || at.low(nm.full.lo) == "the" || at.has(nm.sp.lo, fTime) {
		return false
	}
	for i := nm.sp.lo; i < nm.sp.hi; i++ {
		if (at.acronym(i) && !(nm.full.lo > 0 && possessives[at.low(nm.full.lo-1)])) || (nm.sp.hi-nm.sp.lo == 1 && at.toks[i].end-at.toks[i].start == 1) {
			return false // "PDF", "CD Almenara", the grade "C": no one's name; "my GP" may be
		}
	}
	if nm.full.lo > 0 {
		switch at.low(nm.full.lo - 1) {
		case "in", "on", "at", "near", "into", "across", "outside", "inside", "around", "through":
			return false
		}
	}
	return true
}

// sameNoun reports whether two nouns name one source: the same word, or
// words of one kind ("the paper" and "the findings" of "a study"; "the
// force" and "officers" of a police force; "the auditors" of an audit
// office).
func sameNoun(w, head string) bool {
	if w == head {
		return true
	}
	k := nounKinds[head]
	return k != 0 && nounKinds[w] == k
}

// nounKinds groups the nouns that sameNoun takes for one source.
var nounKinds = func() map[string]uint8 {
	m := map[string]uint8{}
	for k, ws := range []string{
		"study studies paper research findings report analysis survey",
		"police force officers detectives constabulary gardaí garda",
		"audit auditors auditor-general",
	} {
		for _, w := range strings.Fields(ws) {
			m[w] = uint8(k + 1)
		}
	}
	return m
}()

// possessives are the determiners that make an acronym a role ("my GP").
var possessives = set(`my his her our their your`)

// personSpan reports whether speaker span sp is a name that "he" or "she"
// may stand for.
func (at *Attributor) personSpan(sp span) bool {
	k := at.nameOfSpan(sp)
	return k >= 0 && at.personName(k)
}

// nameOfSpan returns the name whose span (titles left out) ends where
// speaker span sp ends, or -1; a title may start up to eight tokens
// before sp.
func (at *Attributor) nameOfSpan(sp span) int {
	for k := at.nameAfter(max(0, sp.lo-8)); k < len(at.names) && at.names[k].full.lo < sp.hi; k++ {
		if at.names[k].sp.hi == sp.hi {
			return k
		}
	}
	return -1
}

// personRoles are the role nouns of a person that a definite description
// uses for someone quoted before ("the judge said", "the author said").
var personRoles = set(`judge author writer novelist poet director mayor governor minister premier senator
	president chancellor coach manager singer star actor actress player captain forward striker
	chairman chairwoman chair founder principal sheriff prosecutor commissioner treasurer`)

// knownPerson reports whether speaker sp is surely a person by sentence i:
// named with a title or role words ("Justice Mercy Achola", "author Ruth
// Adeyemi"), or the speaker of an earlier "he" or "she" within far
// sentences.
func (at *Attributor) knownPerson(sp span, i int) bool {
	if k := at.nameOfSpan(sp); k >= 0 && (at.names[k].full.lo < at.names[k].sp.lo || at.names[k].roles.ok()) {
		return true
	}
	for j := max(0, i-far); j < i; j++ { // at most far back: a long article must not cost its length per sentence
		sj := at.sents[j]
		if sj.quote && sj.mkind == pronounMention && sj.speaker == sp {
			if p := at.low(sj.mention.lo); p == "he" || p == "she" {
				return true
			}
		}
	}
	return false
}

// titleOnly reports whether mention m is a capitalised title and nothing
// else, "The Mayor": a description, not a name.
func (at *Attributor) titleOnly(m span) bool {
	lo := m.lo
	if at.low(lo) == "the" {
		lo++
	}
	if lo >= m.hi {
		return false
	}
	for k := lo; k < m.hi; k++ {
		if !at.has(k, fTitle) {
			return false
		}
	}
	return true
}
