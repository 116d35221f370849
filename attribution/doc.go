// Package attribution says who is speaking in a quote sentence: the source
// as named most fully in the article (Speaker), the words of the sentence
// that refer to it (Mention) and the reporting expression (Cue), each with
// byte offsets into the article's raw text.
//
// It is a rule system, deterministic and without a model file, in five
// steps over one article:
//
//  1. Tokens (features/token) and a quotation state per token: which
//     words lie inside quotation marks, carried across the sentences of a
//     paragraph so that the second sentence of a multi-sentence quotation
//     knows it starts inside one.
//  2. Cue candidates: reporting-verb forms of features/lexicon
//     (reporting_verbs.txt) outside quotation marks, not after a
//     determiner ("the report", "a written warning") and not capitalised
//     inside a name ("Ozark State coach"), not a form in -ing after a
//     determiner and its modifiers that ends the phrase ("a severe weather
//     warning for"), a few the lexicon lacks ("heard", "ruled", "cited",
//     "spoke"), and the verb-like attribution phrases
//     ("according to", "told reporters", "declined to comment", "raised
//     concerns").
//  3. For each cue, the mention it governs: the subject before it (over
//     auxiliaries and adverbs, "has long argued", through an appositive "X,
//     chief economist at Y, said", to the name of an appositive of role
//     words "Labor's candidate, local school principal Dominic Ferreira,
//     said", with its prepositional complements "An official from the
//     water department", a relative clause "Parents who work nights", also
//     after a capitalised opener that is no name "Scientists who study the
//     watershed", two names "The Law Society and the Bar Council"), the
//     noun phrase after
//     it when it is inverted
//     after a quotation ("…," said X) or after "according to", with its
//     complements ("figures from the World Gold Council") less a closing
//     time ("… published on Thursday"). A name inside a complement of a
//     phrase with a determiner is not the source ("a review by consumer
//     group FairGo"). A person
//     with an affiliation ("Owen Takahashi of the University of Arizona")
//     is the person; a surname keeps its honorific ("Ms Gould"), a full
//     name is the name alone. A rule score ranks
//     the (mention, cue) pairs: a pair with a mention beats one without,
//     "according to" and inverted forms after a quotation get a bonus, core
//     speech verbs (say, tell, add, write…) beat verbs that are often
//     something else (find, show, call). A sentence with no cue takes the
//     subject of its main verb (the first word after the clause's start
//     that looks finite: an auxiliary, a past form in -ed, also before a
//     preposition right after a short subject "Conservation groups reacted
//     with", a common verb such as kept, gave, want) as mention and that
//     verb as cue ("The RBI kept", "Residents are angry", a linking verb
//     and its predicate "Traders remain unhappy"), else its first name or
//     pronoun as
//     mention; a lone capitalised word that opens the sentence and names
//     nothing else in the article is no name ("Mad, bro.", "Group revenue
//     rose"). A live blog's time stamp ("9.30am:") and an opening "But"
//     come before the clause's start. A sentence that opens with "I" or
//     "we" outside quotation marks is an interviewee's or the outlet's own
//     account, and "I" or "we" as a mention its own words: no mention, no
//     cue. A reporting-verb form right before another ("Its annual report
//     shows") is a noun.
//  4. A Q&A: an article with two or more questions that are not quotes,
//     each answered by a quote sentence with no quotation mark and no
//     reporting expression ("How did you get the job?" "Nobody else wanted
//     it."), credits every answer (the run of quote sentences after a
//     question, or after another sentence of the interviewer's when it has
//     no reporting expression, up to a sentence that is not a quote or
//     opens with a quotation mark) to the interviewee, the first person it
//     names in two words or more, with no mention and no cue, whatever the
//     answer says of others ("He was fixing the air conditioning").
//  5. Resolution: a name to the fullest earlier name with the same last word
//     ("Patchett" → "Gloria Patchett", titles stripped), and a one-word
//     name that has none to the name it is the acronym of ("RBI" →
//     "Reserve Bank of India") or the first word of, if that is an
//     organisation ("Protea" → "Protea Stores"); a pronoun to the
//     speaker of the nearest earlier quote or the first name of the nearest
//     earlier sentence with one (three sentences back at most; "he" and
//     "she" prefer a name of two words or more in that window, and stand
//     for a person: not a name with an organisation's word, not "the …",
//     a day or a month, or a name after a preposition of place, "on
//     Barataria Bay"); a
//     description ("the mayor", "the council") to the latest earlier name
//     whose title, role words or appositives hold its head word (not one
//     that describes itself with a complement or is indefinite: "the
//     branch of the union", "A senior MP"), else,
//     when it is definite ("the …", "that …"), to an earlier name with its
//     head among its words ("the institute" → "the Institute for Fiscal
//     Studies"), to an earlier source described with the same noun ("the
//     study" → "A study by …"), and for a kind of organisation ("the
//     company", "the operator") to the article's first organisation (a
//     name or role word of a kind: "Stores", "retailer", or a name its
//     sentence goes on to call "its"); a description right before a name
//     that ends its sentence is that name's ("said the vice-chancellor,
//     Professor Martin Achebe."); a quote sentence with
//     no mention carries the speaker of the next quote sentence when its
//     quotation runs on into it, else of the previous one; after a
//     question that is not a quote (an interviewer's, in a Q&A) it carries
//     the latest speaker up to six sentences back; one still without a
//     speaker carries the latest speaker up to six sentences back over
//     whatever lies between (page furniture: an "Advertisement" line, a
//     newsletter box), since a quotation is always someone's.
//
// What real pages add: a dateline ("OTTAWA (Northway) -") names no source;
// a reporting-verb form that is also a noun of documents ("report",
// "notes", "states") is a noun after a possessive, a number or an
// adjective of documents, or after a determiner and a modifier before a
// preposition, a modal or a participle; letters after a name ("KC", "TD")
// are not part of it; a plural possessive may sit inside a name ("the
// Irish Farmers' Association"); the interviewee of a Q&A is the first
// person named at the start of a sentence, before any other name.
//
// Names are capitalised word sequences; leading titles and roles ("County
// Clerk", "Mr", "Gov.", "Superintendent of Police") are not part of a
// name's span but are kept to resolve descriptions; a title after "of" is
// a word of the name ("Royal College of General Surgeons").
package attribution
