package attribution

import (
	"strings"

	"github.com/stancekit/stancekit/features/token"
)

// Kinds of mention.
type kind uint8

const (
	noMention kind = iota
	nameMention
	pronounMention
	phraseMention // a description or other noun phrase: "the mayor", "Court records"
)

// Forms of a (mention, cue) pair.
type form uint8

const (
	subjectForm   form = iota // X said
	invertedForm              // "…," said X
	accordingForm             // according to X
	initialForm               // no cue: the sentence's first name or pronoun
)

// sentInfo is what attribute and resolve find for one sentence.
type sentInfo struct {
	quote   bool
	mention span
	mkind   kind
	mname   int // the name of a nameMention
	cue     span
	speaker span
}

// candidate is a scored (mention, cue) pair.
type candidate struct {
	mention span
	mkind   kind
	mname   int
	cue     span
	form    form
	score   float64
}

// attribute finds the mention and cue of quote sentence i.
func (at *Attributor) attribute(i int, si *sentInfo) {
	lo, hi := at.bounds[i], at.bounds[i+1]
	if n := at.signature(lo, hi); n >= 0 {
		si.mention, si.mkind, si.mname, si.cue = at.names[n].sp, nameMention, n, span{}
		return
	}
	best := candidate{score: -1}
	first := -1 // where the first cue ends
	for j := lo; j < hi; j++ {
		cue, ok := at.cueAt(j, lo, hi)
		if !ok {
			continue
		}
		c := at.pair(cue, lo, hi)
		if first >= 0 && at.embeds(first, cue.lo) {
			// A cue inside the first one's complement or a subordinate
			// clause after it: "The Pew Research Center found … that 72
			// percent of teachers said", "…, though neither the club nor
			// the agent would confirm".
			c.score -= 1.5
		}
		if first < 0 && !at.relativeVerb(cue, lo) {
			first = cue.hi // not a relative clause's: "who asked me not to … because"
		}
		if c.score > best.score {
			best = c
		}
		j = cue.hi - 1
	}
	if !best.cue.ok() {
		if c, ok := at.subjectVerb(lo, hi); ok {
			best = c
		}
	}
	if !best.mention.ok() {
		ini := at.initial(at.clauseStart(lo, hi), hi)
		ini.cue = best.cue
		best = ini
	}
	if at.ownAccount(lo, hi) {
		// The speaker's own words outside quotation marks, an interview
		// answer ("I had a couple from Germany who said …"): the speaker
		// comes from the neighbours.
		best.mention, best.mkind, best.cue = span{}, noMention, span{}
	}
	if best.mkind == pronounMention && at.has(best.mention.lo, fFirstPerson) {
		// "I", "we" outside quotation marks: the interviewee of a Q&A, or
		// the outlet, whose verbs are their own words, not a report of
		// them; the speaker comes from the neighbours.
		best.mention, best.mkind, best.cue = span{}, noMention, span{}
	}
	if best.mkind == nameMention && best.mention == at.names[best.mname].sp && best.mention.hi-best.mention.lo == 1 {
		// A surname keeps its honorific ("Ms Gould", "Supt Castellano"),
		// the words that refer; a full name is the name alone.
		nm := at.names[best.mname]
		for best.mention.lo > nm.full.lo && (at.has(best.mention.lo-1, fTitle) || at.low(best.mention.lo-1) == ".") {
			best.mention.lo--
		}
		for best.mention.lo < nm.sp.lo && !at.has(best.mention.lo, fTitle) {
			best.mention.lo++ // not a lone full stop
		}
	}
	si.mention, si.mkind, si.mname, si.cue = best.mention, best.mkind, best.mname, best.cue
}

// cueAt returns the cue starting at token j, if any: the longest phrase cue,
// else a reporting-verb form outside quotation marks that does not follow a
// determiner ("the report") or "to" ("to estimate").
func (at *Attributor) cueAt(j, lo, hi int) (span, bool) {
	if at.toks[j].inQuote || at.toks[j].kind != token.Word {
		return span{}, false
	}
	best := span{}
	for _, ph := range phraseCues {
		if !at.has(j, fPhrase) {
			break // no phrase starts with this word: most tokens
		}
		if j+len(ph) > hi || len(ph) <= best.hi-best.lo {
			continue
		}
		match := true
		for k, w := range ph {
			if at.low(j+k) != w || at.toks[j+k].inQuote {
				match = false
				break
			}
		}
		if match {
			best = span{j, j + len(ph)}
		}
	}
	if best.ok() {
		return best, true
	}
	if !at.has(j, fReporting) {
		return span{}, false
	}
	if j+1 < hi && at.has(j+1, fReporting) && !at.toks[j+1].inQuote && !at.toks[j+1].upper &&
		!strings.HasSuffix(at.low(j), "ed") && !at.has(j, fCore) {
		return span{}, false // a noun before the verb: "Its workforce report shows"
	}
	if strings.HasSuffix(at.low(j), "ing") && at.modified(j, lo) {
		return span{}, false // a noun after its modifiers: "a written warning", "a severe weather warning"
	}
	if at.has(j, fNounForm) && at.inPrepPhrase(j, lo) {
		return span{}, false // "In a programme note, Breathnach writes", "in the album's liner notes"
	}
	if at.has(j, fNounForm) && j+1 < hi && at.isWord(j+1) && !at.toks[j+1].upper && at.has(j+1, fTitle) {
		return span{}, false // a noun before a role: "Congress state president Sushma Jadhav said"
	}
	if at.has(j, fNounForm) && j > lo && j+2 < hi && at.isWord(j-1) && !at.has(j-1, fPronoun|fAux|fBe|fSkippable) &&
		(at.has(j+1, fAux) || (participleLike(at.low(j+1)) && at.has(j+2, fPreposition))) {
		return span{}, false // a subject's head: "A council highways report published in the spring recommended", "French newspaper reports had suggested"
	}
	if at.nounAfterModifier(j, lo) {
		return span{}, false // "the Auditor-General's latest report", "at least four states"
	}
	if at.has(j, fNounForm) && at.modified(j, lo) && (j+1 >= hi || at.has(j+1, fPreposition|fAux|fBe) || nounFollowers[at.low(j+1)] ||
		at.toks[j+1].kind == token.Quote ||
		strings.HasSuffix(at.low(j+1), "ing") || (at.toks[j+1].kind == token.Punct && at.low(j+1) != ",")) {
		return span{}, false // "raised the storm signal over", "their old notes should", not "the group notes that"
	}
	if j > lo && (at.has(j-1, fDeterminer) || at.low(j-1) == "to") &&
		!(j-1 > lo && at.has(j-2, fAux) && at.has(j-1, fQuantifier)) { // "have both argued"
		return span{}, false
	}
	// A capitalised form is a word of a name ("Ozark State coach",
	// "Rooikrans Point"), unless it starts the sentence on its own.
	if at.toks[j].upper && (j > lo || (j+1 < hi && at.nameWord(j+1))) {
		return span{}, false
	}
	return span{j, j + 1}, true
}

// inPrepPhrase reports whether word j ends a noun phrase that a
// preposition opens: a determiner a few words back, over lower-case words
// and possessives, right after a preposition.
func (at *Attributor) inPrepPhrase(j, lo int) bool {
	for k := j - 1; k > lo && j-k <= 5; k-- {
		if at.has(k, fDeterminer) {
			return at.has(k-1, fPreposition)
		}
		if (!at.isWord(k) || at.toks[k].upper) && !possessiveS(at.low(k)) {
			return false
		}
	}
	return false
}

// nounAfterModifier reports whether word j, a reporting-verb form that is
// also a noun, follows what only a noun follows: a possessive ("the
// NEA's report"), a number ("four states"), or an adjective of documents
// ("latest", "same", "annual": "That same report, however, projects").
func (at *Attributor) nounAfterModifier(j, lo int) bool {
	if j <= lo || !at.has(j, fNounForm) {
		return false
	}
	p := at.low(j - 1)
	switch {
	case p == "'s" || p == "’s" || strings.HasSuffix(p, "'s") || strings.HasSuffix(p, "’s"):
		return true
	case at.toks[j-1].kind == token.Number || numberWords[p] || docAdjectives[p]:
		return true
	}
	return false
}

// modified reports whether word j follows a determiner and one to three
// lower-case modifiers that are not adverbs, auxiliaries or clause words
// ("a written", "a severe weather", "a moderate flood"): j is then the
// noun they modify. After two or more it must also end the phrase (a
// preposition, punctuation or the end after it), else it is a participle
// with an object ("a joint statement calling the cut …"); "of" after it
// is the verb's ("a recorded message warning of delays").
func (at *Attributor) modified(j, lo int) bool {
	k, m := j-1, 0
	for ; k >= lo && !at.has(k, fDeterminer); k-- {
		if m == 3 || !at.isWord(k) || at.toks[k].upper || at.toks[k].inQuote || isAdverb(at.low(k)) {
			return false
		}
		m++
	}
	switch {
	case k < lo || m == 0:
		return false
	case m == 1:
		return true
	}
	for i := k + 1; i < j; i++ {
		if at.has(i, fAux|fSkippable|fStop|fPronoun|fPreposition) {
			return false
		}
	}
	return j+1 >= len(at.toks) || !at.isWord(j+1) || (at.has(j+1, fPreposition) && at.low(j+1) != "of")
}

// pair finds the mention that cue governs and scores the pair.
func (at *Attributor) pair(cue span, lo, hi int) candidate {
	c := candidate{cue: cue, mname: -1}
	first := at.low(cue.lo)
	switch {
	case first == "according":
		c.form = accordingForm
		c.mention, c.mkind, c.mname = at.forward(cue.hi, hi)
	case at.afterQuotation(cue.lo, lo):
		c.form = invertedForm
		c.mention, c.mkind, c.mname = at.forward(cue.hi, hi)
		if n := at.rolesThenName(cue.hi, hi); n >= 0 && c.mkind == phraseMention {
			// "said founder and chief executive Rohan Iyengar"
			c.mention, c.mkind, c.mname = at.names[n].sp, nameMention, n
		}
	}
	if by := at.passiveAgent(cue, lo, hi); by > 0 && !c.mention.ok() && c.form != accordingForm {
		// "The figures were published on Monday by the NHS Business
		// Services Authority": the agent is the source.
		if m, k, n := at.forward(by+1, hi); m.ok() {
			c.form = invertedForm
			c.mention, c.mkind, c.mname = m, k, n
		}
	}
	if !c.mention.ok() && c.form != accordingForm {
		c.form = subjectForm
		if cue.lo-1 > lo && at.low(cue.lo-1) == "who" {
			// The verb of a relative clause has the noun before "who":
			// "Parents who spoke to Éire News".
			c.mention, c.mkind, c.mname = at.npBack(cue.lo-2, lo)
		} else {
			c.mention, c.mkind, c.mname = at.backward(cue.lo, lo)
		}
	}
	late, participle := false, false
	if !c.mention.ok() && c.form == subjectForm && at.clauseParticiple(cue, lo) {
		// "Cresswell boss Gareth Penhale was unhappy with the second
		// goal, insisting Holt had been fouled": the participle's subject
		// is the sentence's, not the name after it.
		ini := at.initial(lo, hi)
		c.mention, c.mkind, c.mname = ini.mention, ini.mkind, ini.mname
		if !c.mention.ok() {
			// No name or pronoun opens it: the noun phrase that does
			// ("Analysts at Coldharbour Securities raised …, saying").
			c.mention, c.mkind, c.mname = at.subjectAt(at.clauseStart(lo, hi), cue.lo)
		}
		participle = c.mention.ok()
	}
	if !c.mention.ok() && c.form == subjectForm && !listenerVerbs[at.low(cue.hi-1)] {
		// "others, says Calloway, …": a name right after the cue, but
		// weaker than a subject ("…, and asked AquaServe to pause"); after
		// "told" it is the listener ("told the Clarion").
		if m, k, n := at.forward(cue.hi, hi); k == nameMention {
			c.mention, c.mkind, c.mname, late = m, k, n, true
		}
	}
	c.score = 1
	if c.mention.ok() {
		c.score += 3
	}
	switch c.form {
	case accordingForm:
		c.score += 1.5
	case invertedForm:
		c.score++
	}
	if at.has(cue.lo, fCore) {
		c.score++
	}
	if late {
		c.score -= 2
	}
	if participle {
		c.score -= 1.5 // the main verb's pair, if any, is the better cue: "He ruled out …, saying"
	}
	if at.relativeVerb(cue, lo) {
		c.score -= 1.5 // a relative clause's verb: "One public defender, who asked me not to use her name, put it"
	}
	return c
}

// relativeVerb reports whether the cue opens a relative clause, right after
// "who" or "which".
func (at *Attributor) relativeVerb(cue span, lo int) bool {
	return cue.lo > lo && (at.low(cue.lo-1) == "who" || at.low(cue.lo-1) == "which")
}

// subjectAt returns the noun phrase that opens a clause at token j and ends
// before its verb (a past form, an auxiliary, a listed verb or a reporting
// verb), before token hi.
func (at *Attributor) subjectAt(j, hi int) (span, kind, int) {
	m, k, n := at.forward(j, hi)
	if k != phraseMention {
		return m, k, n
	}
	for v := m.lo + 1; v < m.hi; v++ {
		if at.isWord(v) && !at.toks[v].upper && !at.has(v-1, fDeterminer|fPreposition) &&
			(at.verbBeforeName(v) || at.has(v, fReporting)) {
			return at.refine(span{m.lo, v})
		}
	}
	return m, k, n
}

// signature returns the name of an embedded post's signature line, "-
// Becky Holroyd (@beckyholroyd_) January 27, 2026": a dash, a name, then
// a handle in parentheses; or -1.
func (at *Attributor) signature(lo, hi int) int {
	if hi-lo < 4 || at.toks[lo].kind != token.Punct {
		return -1
	}
	switch at.low(lo) {
	case "-", "—", "–":
	default:
		return -1
	}
	n := at.nameStartingAt(lo + 1)
	if n < 0 {
		return -1
	}
	e := at.names[n].full.hi
	if e+1 >= hi || at.low(e) != "(" || at.toks[e+1].kind != token.Handle {
		return -1
	}
	return n
}

// linkOnly reports whether sentence i is a link and nothing else, the
// picture link of an embedded post ("pic.twitter.com/Vb7hNd2Lpq").
func (at *Attributor) linkOnly(i int) bool {
	lo, hi := at.bounds[i], at.bounds[i+1]
	for hi > lo && at.toks[hi-1].kind == token.Punct {
		hi--
	}
	return hi-lo == 1 && at.toks[lo].kind == token.URL
}

// embeds reports whether toks[from:to] hold, outside quotation marks, a
// "that" or a subordinating conjunction: what follows depends on what came
// before.
func (at *Attributor) embeds(from, to int) bool {
	for k := from; k < to; k++ {
		if at.toks[k].inQuote {
			continue
		}
		switch at.low(k) {
		case "that", "though", "although", "whereas", "while", "because":
			return true
		}
	}
	return false
}

// rolesThenName returns the name that follows lower-case role words from
// token j ("founder and chief executive Rohan Iyengar"), or -1: at most
// six words, no determiner, preposition, pronoun or other stop word but
// "and".
func (at *Attributor) rolesThenName(j, hi int) int {
	for k := j; k < hi && k-j <= 6; k++ {
		if at.nameWord(k) {
			if k == j {
				return -1
			}
			return at.nameStartingAt(k)
		}
		if !at.isWord(k) || at.toks[k].upper || at.toks[k].inQuote ||
			(at.low(k) != "and" && at.has(k, fDeterminer|fPreposition|fPronoun|fStop)) {
			return -1
		}
	}
	return -1
}

// possessiveAppositive reports whether toks[from:next] is "'s" and one or
// two lower-case words and a comma, before a name that a comma closes: "Ms
// Tuhoe's partner, Wiremu Keepa, read …" is about Wiremu Keepa.
func (at *Attributor) possessiveAppositive(from, next int) bool {
	if next-from < 3 || next-from > 4 || !possessiveS(at.low(from)) || at.low(next-1) != "," {
		return false
	}
	for j := from + 1; j < next-1; j++ {
		if !at.isWord(j) || at.toks[j].upper || at.has(j, fStop|fDeterminer) {
			return false
		}
	}
	k := at.nameStartingAt(next)
	return k >= 0 && at.names[k].full.hi < len(at.toks) && at.low(at.names[k].full.hi) == ","
}

// passiveAgent returns the index of the "by" that gives a passive cue its
// agent ("was confirmed by the Treasurer's office", "were published on
// Monday by the authority"), within eight tokens and outside quotation
// marks, or 0.
func (at *Attributor) passiveAgent(cue span, lo, hi int) int {
	if cue.lo-1 < lo || !(at.has(cue.lo-1, fBe) || at.low(cue.lo-1) == "been") || !strings.HasSuffix(at.low(cue.hi-1), "ed") {
		return 0
	}
	for k := cue.hi; k < hi && k-cue.hi < 8; k++ {
		if at.toks[k].inQuote || at.toks[k].kind == token.Quote {
			return 0
		}
		if at.low(k) == "by" {
			return k
		}
	}
	return 0
}

// clauseParticiple reports whether the cue is a form in -ing that opens a
// clause after a comma, outside quotation marks.
func (at *Attributor) clauseParticiple(cue span, lo int) bool {
	return cue.lo-1 > lo && strings.HasSuffix(at.low(cue.lo), "ing") && at.low(cue.lo-1) == "," &&
		at.toks[cue.lo-2].kind != token.Quote
}

// afterQuotation reports whether token c directly follows a quotation
// ("…," said X, "…" said X, ‘…’, said X), where a cue may be inverted.
func (at *Attributor) afterQuotation(c, lo int) bool {
	if c <= lo {
		return false
	}
	if at.toks[c-1].kind == token.Quote {
		return true
	}
	return at.low(c-1) == "," && c-1 > lo && at.toks[c-2].kind == token.Quote
}

// ownAccount reports whether a sentence is told in the first person: it
// opens with "I" or "we" (a columnist's "when I rang her" later in the
// sentence is not the source's).
func (at *Attributor) ownAccount(lo, hi int) bool {
	s0 := at.clauseStart(lo, hi)
	return s0 < hi && !at.toks[s0].inQuote && at.has(s0, fFirstPerson)
}

// clauseStart skips what may come before a sentence's subject: a time
// stamp of a live blog ("75 min:", "9.30am:") and a conjunction ("But").
func (at *Attributor) clauseStart(lo, hi int) int {
	for j := lo; j < min(hi, lo+7); j++ {
		if at.low(j) == ":" {
			for k := lo; k < j; k++ {
				if at.toks[k].kind == token.Number {
					lo = j + 1
					break
				}
			}
			break
		}
	}
	if lo+1 < hi && at.has(lo, fConjunction) {
		lo++
	}
	return lo
}

// subjectVerb is the mention and cue of a quote sentence that has no
// reporting expression: its subject and main verb ("The RBI kept its
// forecast", "Officials attributed the drop to …", "Dr Roche gave the HSE
// notice"), or be and a predicate after a group ("Residents are angry").
// The verb is the first word after the subject that looks like a finite
// one; the subject, found walking back from it, must start the clause.
func (at *Attributor) subjectVerb(lo, hi int) (candidate, bool) {
	c := candidate{form: subjectForm, mname: -1}
	s0 := at.clauseStart(lo, hi)
	if s0 >= hi || at.toks[s0].inQuote || !at.isWord(s0) {
		return c, false
	}
	for i := lo; i < hi; i++ {
		if !at.toks[i].inQuote && at.has(i, fFirstPerson|fFirstPossessive) {
			return c, false // an interviewee's own account ("I was 21"), not a report
		}
	}
	for v := s0 + 1; v < hi && v-s0 < 20; v++ {
		t := at.toks[v]
		if t.kind == token.Quote && at.possessiveMark(v, hi) {
			continue // "Some farmers' groups remain cautious"
		}
		if t.inQuote || t.kind == token.Quote {
			return c, false
		}
		if !at.isWord(v) || t.upper || !(at.verbLike(v, hi) || at.pastBeforeComplement(v, s0, hi)) {
			continue
		}
		cue := span{v, v + 1}
		if at.has(v, fLinking) && v+1 < hi && at.isWord(v+1) && at.predicate(v+1, hi) {
			cue = span{v, v + 2} // "remain unhappy"
		}
		if at.has(v, fAux) {
			w := v + 1
			for w < hi && at.isWord(w) && (at.has(w, fSkippable) || isAdverb(at.low(w))) && !at.has(w, fAux) {
				w++
			}
			switch {
			case w < hi && at.isWord(w) && !at.toks[w].inQuote && at.verbLike(w, hi) && !at.has(w, fAux):
				cue = span{w, w + 1}
			case at.has(v, fBe) && w == v+1 && w < hi && at.predicate(w, hi):
				cue = span{v, w + 1} // "are angry", "were divided"
			default:
				return c, false
			}
		}
		part := cue
		if part.lo == v && part.hi-part.lo == 2 {
			part.lo++ // "were published": the participle
		}
		if by := at.passiveAgent(part, lo, hi); by > 0 && at.has(v, fBe) {
			// "The figures were published on Monday by the authority."
			if m, k, n := at.forward(by+1, hi); m.ok() {
				c.mention, c.mkind, c.mname, c.cue, c.form = m, k, n, cue, invertedForm
				return c, true
			}
		}
		m, k, n := at.backward(v, s0)
		if !m.ok() || (m.lo > s0+6 && !at.hasComma(s0, m.lo)) {
			return c, false // the subject of a later clause; an appositive may be long
		}
		for i := s0; i < m.lo; i++ {
			if at.isWord(i) && !at.toks[i].upper && at.verbLike(i, hi) {
				return c, false // the subject of a later clause
			}
		}
		c.mention, c.mkind, c.mname, c.cue = m, k, n, cue
		return c, true
	}
	return c, false
}

// hasComma reports whether a comma lies in toks[lo:hi].
func (at *Attributor) hasComma(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if at.low(i) == "," {
			return true
		}
	}
	return false
}

// verbLike reports whether word v may be a finite verb after a subject: an
// auxiliary, a past form in -ed that is not a participle modifying the
// noun before it ("figures published by"), or a common verb of reports
// (kept, gave, put, want, record, list).
func (at *Attributor) verbLike(v, hi int) bool {
	if at.has(v, fAux|fVerb|fLinking) {
		return true
	}
	w := at.low(v)
	if len(w) < 5 || !strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "eed") && !strings.HasSuffix(w, "reed") ||
		at.has(v, fStop|fDeterminer|fPreposition) || (v > 0 && isArticle(at.low(v-1))) {
		return false // not "A speed survey", "the need"; "agreed" is a verb
	}
	if v+1 < hi && at.has(v+1, fPreposition) && at.low(v+1) != "to" {
		return false // "A count conducted by", "figures presented at"
	}
	return true
}

// pastBeforeComplement reports whether word v, a past form in -ed right
// after a short subject that opens the clause, is its verb with a
// prepositional complement ("Conservation groups reacted with alarm",
// "Opposition parties pounced on the climbdown"), which verbLike leaves
// out for a participle after a noun ("figures presented at"): in a
// sentence with no reporting verb, the subject's verb, unless "by" makes
// it a passive's agent ("a count conducted by").
func (at *Attributor) pastBeforeComplement(v, s0, hi int) bool {
	w := at.low(v)
	if v-s0 > 3 || len(w) < 5 || !strings.HasSuffix(w, "ed") || v+1 >= hi || !at.has(v+1, fPreposition) || at.low(v+1) == "by" {
		return false
	}
	for i := s0; i < v; i++ {
		if !at.isWord(i) || at.has(i, fStop|fPronoun|fPreposition) {
			return false
		}
	}
	return true
}

// predicate reports whether word w after "are"/"were" is a one-word
// predicate that ends the clause ("Residents are angry.", "Bankers were
// divided on the decision"), not a passive with an agent or an infinitive
// ("was published by", "were quick to object").
func (at *Attributor) predicate(w, hi int) bool {
	if at.toks[w].upper || at.has(w, fStop|fDeterminer|fPreposition|fPronoun) || strings.HasSuffix(at.low(w), "ing") {
		return false // "were waiting": a verb, not a predicate
	}
	if w+1 >= hi {
		return true
	}
	if n := at.low(w + 1); n == "." || n == "!" || n == "," {
		return true
	}
	return at.has(w+1, fPreposition) && at.low(w+1) != "by" && at.low(w+1) != "to"
}

// initial is the mention of a sentence without a cue: its first name or
// pronoun, outside quotation marks.
func (at *Attributor) initial(lo, hi int) candidate {
	c := candidate{form: initialForm, mname: -1}
	if lo >= hi || at.toks[lo].inQuote || at.toks[lo].kind != token.Word {
		return c
	}
	if at.has(lo, fPronoun) {
		c.mention, c.mkind = span{lo, lo + 1}, pronounMention
		return c
	}
	if k := at.nameStartingAt(lo); k >= 0 {
		// "Belvoir captain Samir Haddad": a name after role words is the
		// subject's head.
		if k+1 < len(at.names) && at.names[k+1].sent == at.names[k].sent {
			next := at.names[k+1].full.lo
			role := next > at.names[k].full.hi && next-at.names[k].full.hi <= 3
			for j := at.names[k].full.hi; role && j < next; j++ {
				role = at.isWord(j) && !at.toks[j].upper && !at.has(j, fStop) && !at.has(j, fDeterminer)
			}
			if role || at.possessiveAppositive(at.names[k].full.hi, next) {
				k++
			}
		}
		if at.weakName(k) {
			return c
		}
		c.mention, c.mkind, c.mname = at.names[k].sp, nameMention, k
	}
	return c
}

// backward returns the subject before the cue starting at token c: over
// auxiliaries and adverbs, and through an appositive ("X, chief economist
// at Y, said" and "Its president, Daniel Hsu, said").
func (at *Attributor) backward(c, lo int) (span, kind, int) {
	j, timed := c-1, -1
	for {
		for j >= lo && at.isWord(j) && !at.toks[j].upper && !at.toks[j].inQuote &&
			(at.has(j, fSkippable) || isAdverb(at.low(j)) ||
				(j > lo && at.has(j, fQuantifier) && (at.has(j-1, fAux) || at.toks[j-1].upper))) {
			j-- // "has also said", "have both argued", "Jeffco Public Schools both announced"
		}
		// A time between subject and verb: "PAGASA on Saturday raised".
		if j-2 >= lo && (at.has(j, fTime) || periods[at.low(j)]) && (at.low(j-1) == "on" || at.low(j-1) == "last" || at.low(j-1) == "this") &&
			(at.toks[j-2].upper || at.low(j-2) == ")" || (at.isWord(j-2) && !at.has(j-2, fPreposition|fStop))) {
			timed, j = j, j-2
			continue
		}
		break
	}
	if j < lo || at.toks[j].inQuote {
		return span{}, noMention, -1
	}
	if j-2 > lo && at.low(j) == ")" && at.low(j-2) == "(" && at.isWord(j-1) && at.isWord(j-3) {
		// An acronym after a name: "The India Meteorological Department
		// (IMD) declared" names the department, parenthesis included.
		if m, k, n := at.npBack(j-3, lo); m.ok() {
			m.hi = j + 1
			return m, k, n
		}
	}
	if at.isWord(j) {
		if m, k, n, ok := at.relative(j, lo); ok {
			return m, k, n
		}
		m, k, n := at.npBack(j, lo)
		if timed >= 0 && k != nameMention && at.reducedRelative(m) {
			// A description with a participle keeps its time ("Figures
			// published by the CSO on Thursday", "A survey presented to
			// the board last month"); "Your correspondent last week" not.
			return at.npBack(timed, lo)
		}
		return m, k, n
	}
	if n, ok := at.leadName(lo, j); ok && at.low(j) == "," {
		return at.names[n].sp, nameMention, n
	}
	if at.low(j) != "," {
		return span{}, noMention, -1
	}
	k := j - 1
	for ; k >= lo && j-k <= 40; k-- {
		t := at.toks[k]
		if t.inQuote || t.kind == token.Quote {
			return span{}, noMention, -1
		}
		if t.kind == token.Punct {
			if at.low(k) == "," {
				break
			}
			if p := at.low(k); p == ";" || p == ":" || p == "(" || p == ")" {
				return span{}, noMention, -1
			}
		}
	}
	if k <= lo || j-k > 40 || at.low(k) != "," || !at.isWord(k-1) || at.toks[k-1].inQuote {
		return span{}, noMention, -1
	}
	seg := span{k + 1, j}
	if w := at.low(seg.lo); w == "who" || w == "whose" {
		// A relative clause between commas, however long: its noun
		// phrase is the subject ("One public defender, who asked me …
		// because …, put it").
		return at.npBack(k-1, lo)
	}
	if j-k > 16 {
		return span{}, noMention, -1 // an appositive is short
	}
	if n := at.nameEndingAt(seg.lo, seg.hi); n >= 0 && at.names[n].full.lo == seg.lo {
		return at.names[n].sp, nameMention, n
	}
	if n := at.personOf(seg); n >= 0 {
		return at.names[n].sp, nameMention, n // "Another economist, Radhika Menon of Coastline Research, said"
	}
	if n := at.nameEndingAt(seg.lo, seg.hi); n >= 0 && at.rolesOnly(seg.lo, at.names[n].full.lo) {
		return at.names[n].sp, nameMention, n // "Labor's candidate, local school principal Dominic Ferreira, said"
	}
	return at.npBack(k-1, lo)
}

// leadName returns the name that opens the sentence as the subject of an
// appositive that ends at the comma j: "Carla Mendez, vice president of
// pricing at a carrier in Joplin, Missouri, said" is Carla Mendez's, not
// Missouri's. The name must fill everything before the first comma, and a
// lower-case word must follow it.
func (at *Attributor) leadName(lo, j int) (int, bool) {
	c1 := lo
	for c1 < j && at.low(c1) != "," {
		if at.toks[c1].inQuote || at.toks[c1].kind == token.Quote {
			return -1, false
		}
		c1++
	}
	if c1 >= j || c1+1 >= j || !(at.isWord(c1+1) || at.toks[c1+1].kind == token.Number) || at.toks[c1+1].upper {
		return -1, false // a lower-case word or an age follows: "Maureen Tillotson, 71, from Gateshead,"
	}
	n := at.nameEndingAt(lo, c1)
	if n < 0 || at.names[n].sp.hi != c1 {
		return -1, false
	}
	for i := lo; i < at.names[n].full.lo; i++ {
		if !at.has(i, fTitle) && at.low(i) != "." {
			return -1, false
		}
	}
	if at.orgWord(at.names[n].sp) {
		return -1, false
	}
	return n, true
}

// rolesOnly reports whether toks[lo:hi] are role words that may stand
// before a name in an appositive: lower-case words, an article first ("a
// young man named"), no preposition, pronoun or clause word (not "the
// chief economist at", whose name is the complement), and not the article
// alone ("a TD for Limerick County" describes).
func (at *Attributor) rolesOnly(lo, hi int) bool {
	if hi-lo > 5 || (hi > lo && at.has(hi-1, fDeterminer)) {
		return false
	}
	for i := lo; i < hi; i++ {
		if !at.isWord(i) || at.toks[i].upper || at.has(i, fPreposition|fStop|fPronoun) ||
			(at.has(i, fDeterminer) && (i > lo || !at.has(i, fIndefinite))) {
			return false
		}
	}
	return true
}

// relative returns the subject that ends at token j with a restrictive
// relative clause ("Several parents who work in health care and
// manufacturing said"): the noun phrase before "who" and the clause.
func (at *Attributor) relative(j, lo int) (span, kind, int, bool) {
	for r := j; r > lo && j-r < 12; r-- {
		t := at.toks[r]
		if t.inQuote || t.kind == token.Quote || t.kind == token.Punct {
			break
		}
		if at.low(r) != "who" || r == j {
			continue
		}
		if !at.isWord(r-1) || at.has(r-1, fStop|fPronoun) {
			break
		}
		m, k, n := at.npBack(r-1, lo)
		if !m.ok() || k == pronounMention {
			break
		}
		if k == nameMention && !at.weakName(n) {
			return m, k, n, true // the name is the source: "Owen Takahashi who …"
		}
		// A capitalised opener that is no name ("Scientists who study
		// the watershed") is a noun with its clause.
		return span{m.lo, j + 1}, phraseMention, -1, true
	}
	return span{}, noMention, -1, false
}

// reducedRelative reports whether a noun phrase holds a participle after
// its head ("figures published by", "a survey presented to").
func (at *Attributor) reducedRelative(m span) bool {
	for i := m.lo + 1; i < m.hi; i++ {
		if at.isWord(i) && !at.toks[i].upper && (participleLike(at.low(i)) || at.has(i, fParticiple)) {
			return true
		}
	}
	return false
}

// participleLike reports whether w looks like a past participle, after
// which a time belongs to the phrase ("figures published on Thursday").
func participleLike(w string) bool {
	return len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en"))
}

// isArticle reports whether w is "a", "an" or "the", after which no verb
// comes ("Another posted" has one).
func isArticle(w string) bool { return w == "a" || w == "an" || w == "the" }

// isAdverb is a guess good enough between a subject and its verb.
func isAdverb(w string) bool { return len(w) > 4 && strings.HasSuffix(w, "ly") && !lyNouns[w] }

// npBack returns the noun phrase that ends at token j, walking back.
func (at *Attributor) npBack(j, lo int) (span, kind, int) {
	if at.has(j, fPronoun) {
		return span{j, j + 1}, pronounMention, -1
	}
	k := j
	for ; k >= lo && j-k < 16; k-- {
		t := at.toks[k]
		if t.inQuote {
			break
		}
		l := at.low(k)
		if t.kind == token.Word {
			if at.has(k, fDeterminer) {
				if at.complementOf(k-1, lo) {
					k-- // "An official from the water supply department": the head comes before
					continue
				}
				if k-2 >= lo && at.low(k-1) == "and" && at.toks[k-2].upper && at.isWord(k-2) && !at.toks[k-2].inQuote {
					k-- // two names: "The Law Society and the Bar Council"
					continue
				}
				k--
				break
			}
			if at.has(k, fConnector) && k < j && at.toks[k+1].upper && k > lo && at.isWord(k-1) {
				continue
			}
			if k < j && at.complementOf(k, lo) {
				continue // the head comes before: "Nurses at the hospital"
			}
			if at.has(k, fStop) || at.has(k, fPronoun) || (t.upper && at.has(k, fNotName) && k < j && at.low(k+1) != "'s") {
				break // "'s": a day or month can own ("Sunday's train")
			}
			continue
		}
		if t.kind == token.Number && k < j {
			continue
		}
		if l == "&" && k < j && k > lo && at.toks[k-1].upper && at.toks[k+1].upper {
			continue // "Outback Rural Stock & Station"
		}
		if t.kind == token.Quote && k < j && k > lo && at.isWord(k-1) && at.toks[k-1].end == t.start {
			continue // a plural possessive: "Residents' groups"
		}
		if t.kind == token.Punct && l == "." && k > lo && at.has(k-1, fAbbrev) && k < j {
			continue
		}
		break
	}
	np := span{k + 1, j + 1}
	if !np.ok() {
		return span{}, noMention, -1
	}
	return at.refine(np)
}

// complementOf reports whether token p is a preposition that joins a
// complement to the head before it ("Officials at the Ministry", "figures
// presented to members"), as walking back over a noun phrase.
func (at *Attributor) complementOf(p, lo int) bool {
	if p <= lo || !at.has(p, fPreposition) || !at.isWord(p-1) || at.toks[p-1].inQuote ||
		at.has(p-1, fStop) || at.has(p-1, fPronoun) {
		return false
	}
	if at.low(p) == "to" {
		// "presented to", "close to", not "wants to": only after a participle.
		w := at.low(p - 1)
		return w == "close" || (len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")))
	}
	return true
}

// forward returns the noun phrase that starts at token j, as after "said"
// or "according to".
func (at *Attributor) forward(j, hi int) (span, kind, int) {
	if j >= hi || at.toks[j].inQuote || at.toks[j].kind != token.Word {
		return span{}, noMention, -1
	}
	if at.has(j, fPronoun) {
		return span{j, j + 1}, pronounMention, -1
	}
	k := j
	if at.has(k, fDeterminer) && at.low(k) != "that" {
		k++
	}
	complement := false // a preposition has been crossed
	for ; k < hi && k-j < 16; k++ {
		t := at.toks[k]
		if t.inQuote {
			break
		}
		l := at.low(k)
		if t.kind == token.Word {
			if at.has(k, fConnector) && !t.upper && k > j && at.toks[k-1].upper && k+1 < hi && at.nameWord(k+1) {
				continue
			}
			if k > j && k+1 < hi && !at.toks[k+1].inQuote && (at.isWord(k+1) || at.toks[k+1].kind == token.Number) &&
				(at.has(k, fPreposition) || (complement && l == "and" && !at.has(k+1, fPronoun|fStop))) &&
				!at.has(k+1, fPronoun) {
				// "figures from the World Gold Council", "a memo sent to
				// the show's cast and crew"
				complement = true
				continue
			}
			if at.has(k, fDeterminer) && complement && at.has(k-1, fPreposition) {
				continue
			}
			if at.has(k, fStop) || at.has(k, fDeterminer) || at.has(k, fPronoun) {
				break
			}
			continue
		}
		if t.kind == token.Punct && l == "." && k > j && at.has(k-1, fAbbrev) && k+1 < hi && at.nameWord(k+1) {
			continue
		}
		if l == "&" && k > j && at.toks[k-1].upper && k+1 < hi && at.nameWord(k+1) {
			continue // "Analysts at Fulton & Marsh"
		}
		break
	}
	np := span{j, k}
	if !np.ok() || (np.hi-np.lo == 1 && at.has(j, fDeterminer)) {
		return span{}, noMention, -1
	}
	if complement {
		np = at.trimTime(np)
	}
	return at.refine(np)
}

// trimTime drops a time adjunct that ends a noun phrase ("the council
// on Monday"), unless a participle owns it: "a study published on
// Thursday" keeps its time, as the gold does (eleven times in train and
// dev, never trimmed) and as backward's reduced relatives do.
func (at *Attributor) trimTime(np span) span {
	if n := np.hi - np.lo; n >= 3 && at.has(np.hi-1, fTime) && (at.low(np.hi-2) == "on" || at.low(np.hi-2) == "in") {
		if w := at.low(np.hi - 3); strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || at.has(np.hi-3, fParticiple) {
			return np
		}
		np.hi -= 2
	}
	return np
}

// refine narrows a noun phrase that ends in a name to the name, unless the
// name is the complement of its head ("a spokesperson for the Ministry").
func (at *Attributor) refine(np span) (span, kind, int) {
	if k := at.personOf(np); k >= 0 {
		return at.names[k].sp, nameMention, k
	}
	n := at.nameEndingAt(np.lo, np.hi)
	if n < 0 {
		return np, phraseMention, -1
	}
	nm := at.names[n]
	if nm.full.lo > np.lo {
		prev := at.low(nm.full.lo - 1)
		p := nm.full.lo - 1
		if at.has(p, fConnector|fPreposition) || prev == "'s" || (at.has(p, fDeterminer) && prev != "the") {
			return np, phraseMention, -1
		}
		for i := np.lo + 1; i < p && at.has(np.lo, fDeterminer); i++ {
			// A role before a name has none ("Head of security Joseph
			// Lekaramba"); a noun phrase's complement does.
			if at.has(i, fPreposition) && !at.toks[i].upper {
				return np, phraseMention, -1 // "a review by consumer group FairGo Australia"
			}
		}
		if prev == "the" {
			return span{nm.full.lo - 1, nm.sp.hi}, nameMention, n
		}
	}
	return nm.sp, nameMention, n
}

// personOf returns the name a noun phrase is about when it is a person
// with an affiliation after it, "(Planetary scientist) Owen Takahashi of
// the University of Arizona", "Mohammad Salim from Siwan district": the
// first name of np, after role words only, followed by a preposition, and
// not itself an organisation ("the Institute for …"); or -1.
func (at *Attributor) personOf(np span) int {
	for k := at.nameAfter(np.lo); k < len(at.names); k++ {
		nm := at.names[k]
		if nm.full.lo < np.lo {
			continue
		}
		if nm.full.hi >= np.hi || nm.full.lo > np.lo+4 {
			return -1
		}
		for i := np.lo; i < nm.full.lo; i++ {
			if !at.isWord(i) || at.has(i, fDeterminer|fStop|fPreposition|fPronoun) {
				return -1
			}
		}
		if !at.has(nm.full.hi, fPreposition) {
			continue // a role word that starts the sentence: "Marine biologist …"
		}
		if at.low(nm.full.lo) == "the" {
			return -1
		}
		for i := nm.sp.lo; i < nm.sp.hi; i++ {
			if at.has(i, fOrg) {
				return -1
			}
		}
		if nm.sp.hi-nm.sp.lo < 2 && nm.sp.lo == nm.full.lo {
			return -1 // one word and no title: "Ofqual figures", "Treasury officials"
		}
		return k
	}
	return -1
}
