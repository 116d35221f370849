package attribution

import "github.com/stancekit/stancekit/features/token"

// minInterviewQuestions is how many interviewer's questions, each answered
// in the reporter's voice, make an article a Q&A: one could be a rhetorical
// question of an explainer ("Who is most at risk? Health officials say …"),
// and an explainer's answers name their source.
const minInterviewQuestions = 2

// interview attributes the answers of a Q&A to the interviewee. An article
// is a Q&A when at least minInterviewQuestions questions that are not
// quotes are each followed by a quote sentence that has no reporting
// expression and does not open with a quotation mark (an answer, printed
// as plain text: "How did you get the job?" "Nobody else wanted it."). The
// interviewee is the first person the article names in two words or more
// before the first question ("Marla Quintanilla has directed …"). An
// answer is the run of quote sentences after a question, or after another
// sentence of the interviewer's when it has no reporting expression, up to
// the next sentence that is not a quote or opens with a quotation mark;
// every answer sentence is the interviewee's own words, whatever it says
// about others ("My husband put my hand up for me", "He was fixing the air
// conditioning"): no mention, no cue.
func (at *Attributor) interview() {
	n := len(at.sents)
	first, count := -1, 0
	for j := 0; j+1 < n && count < minInterviewQuestions; j++ {
		if at.interviewerQuestion(j) && at.plainAnswer(j+1) {
			if first < 0 {
				first = j
			}
			count++
		}
	}
	if count < minInterviewQuestions {
		return
	}
	who := at.interviewee(first)
	if !who.ok() {
		return
	}
	answering := false
	for i := first + 1; i < n; i++ {
		si := &at.sents[i]
		switch {
		case !si.quote:
			answering = false
			continue
		case at.opensQuotation(i):
			answering = false
			continue
		case !answering && !at.sents[i-1].quote:
			answering = at.question(i-1) || !at.reported(i)
		}
		if answering {
			si.mention, si.mkind, si.mname, si.cue, si.speaker = span{}, noMention, -1, span{}, who
		}
	}
}

// interviewerQuestion reports whether sentence j is a question that is not
// a quote, followed by a quote sentence.
func (at *Attributor) interviewerQuestion(j int) bool {
	return !at.sents[j].quote && at.sents[j+1].quote && at.question(j)
}

// plainAnswer reports whether quote sentence i reads as an answer in the
// reporter's voice: no opening quotation mark, no reporting expression.
func (at *Attributor) plainAnswer(i int) bool {
	return !at.opensQuotation(i) && !at.reported(i)
}

// opensQuotation reports whether sentence i starts with a quotation mark.
func (at *Attributor) opensQuotation(i int) bool {
	lo, hi := at.bounds[i], at.bounds[i+1]
	return lo < hi && at.toks[lo].kind == token.Quote
}

// reported reports whether sentence i has a reporting expression outside
// quotation marks (a cue of cueAt).
func (at *Attributor) reported(i int) bool {
	lo, hi := at.bounds[i], at.bounds[i+1]
	for j := lo; j < hi; j++ {
		if _, ok := at.cueAt(j, lo, hi); ok {
			return true
		}
	}
	return false
}

// interviewee returns the first name of two words or more, before sentence
// q, that is a person's: no word of it names an organisation, not "the …".
// (Its appositive may: "Dr. Meenakshi Rao, an astrophysicist at a Pune
// research institute".)
//
// A name that opens its sentence, the subject ("Dr Isla Pennefather, a
// freshwater ecologist, has spent …"), comes first: a name inside a
// sentence may be a place ("several South Island lakes").
func (at *Attributor) interviewee(q int) span {
	for _, subject := range []bool{true, false} {
		for k := 0; k < at.namesUpTo(q-1); k++ {
			nm := at.names[k]
			if at.low(nm.full.lo) == "the" || at.weakName(k) || at.orgWord(nm.sp) ||
				(subject && nm.full.lo != at.bounds[nm.sent]) {
				continue
			}
			if f := at.fullest(k, q); f.hi-f.lo >= 2 && at.low(f.lo) != "the" {
				return f
			}
		}
	}
	return span{}
}

// orgWord reports whether a word of s names an organisation or a kind of
// one ("Bureau", "Stores").
func (at *Attributor) orgWord(s span) bool {
	for i := s.lo; i < s.hi; i++ {
		if at.has(i, fOrg|fOrgKind) {
			return true
		}
	}
	return false
}
