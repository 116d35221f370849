package attribution

import (
	"strings"
	"sync"

	"github.com/stancekit/stancekit/features"
)

// words is a set of lower-case words.
type words map[string]bool

func set(s string) words {
	w := words{}
	for _, f := range strings.Fields(s) {
		w[f] = true
	}
	return w
}

// titles precede a name and are not part of its span ("County Clerk Renata
// Ybarra" names "Renata Ybarra"); they are kept as role words of the name.
var titles = set(`mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend father sister
	mayor governor gov sen senator rep representative congressman congresswoman president vice
	minister premier chancellor secretary chief judge justice principal clerk cllr councillor councilor
	councilman councilwoman reeve commissioner inspector detective det sergeant sgt superintendent supt
	constable const officer captain capt lieutenant lt general gen colonel col major coach manager
	director chairman chairwoman chair spokesperson spokesman spokeswoman deputy assistant attorney
	prosecutor sheriff mp mla mep msp dean ceo cfo pope king queen prince princess ambassador
	economist analyst executive leader head treasurer auditor trustee speaker
	controller commander marshal mr. dr. st hon`)

// abbrevs are title abbreviations whose full stop the tokenizer splits off
// ("Gov" "." "Martin"): the stop stays inside the name sequence.
var abbrevs = set(`mr mrs ms dr prof rev gov sen rep sgt supt capt lt gen col det const st jr sr mt ft hon`)

// notNames are capitalised words that do not start or extend a name: words
// capitalised because they start a sentence or a headline.
var notNames = set(`the a an and but or nor so yet if when while as because after before since until
	although though in on at by for from of to with without into onto over under about above below
	this that these those there here then now today yesterday tomorrow
	i me my we us our you your he him his she her it its they them their who whom whose which what
	where why how all some many most more few several each every any no not none both either neither
	according asked said says told also even still just only meanwhile however instead
	read watch listen sign subscribe donate support follow share click join get
	january february march april june july august september october november december
	monday tuesday wednesday thursday friday saturday sunday`)

// pronouns that can be a source.
var subjectPronouns = set(`he she they it we i`)

// determiners open a noun phrase; a reporting-verb form after one is a noun
// ("the report", "a comment"), not a cue.
var determiners = set(`the a an his her its their our my your this these those that another
	some many several both each every no`)

// stops end a noun phrase when walking back from a cue or forward after it.
var stops = set(`that which who whom whose and or but nor when while as because if after before since
	until although though than so then where whereas once unless whether
	is was were are be been being am has have had having will would could should can may might must
	do does did not n't to in on at by for from with into onto about over under of
	said says told say tell added adds according also`)

// connectors may sit inside a capitalised name ("Bank of England", "Ministry
// of Health", "Transportation and Infrastructure").
var connectors = set(`of and & for de la le van von der du al bin da di del`)

// orgWords may take an "of" inside a name ("Bank of England"); a person's
// name does not ("Radhika Menon of Coastline Research" is two names).
var orgWords = set(`bank ministry department university council association institute office chamber board
	court house society federation union commission agency college school church party league
	museum bureau centre center secretary minister director chief committee federation order
	theatre theater gallery orchestra festival foundation trust hospital clinic library
	residents friends chamber city state republic people government`)

// orgKinds are words for a kind of organisation: in a name ("Protea
// Stores", "AquaServe Partners") or its role words ("retailer Protea
// Stores") they make it an organisation, and "the company" or "the
// retailer" may refer to it.
var orgKinds = set(`company companies firm group retailer start-up startup developer operator carrier airline
	insurer lender business manufacturer maker chain utility provider supplier producer brand
	platform service corporation conglomerate publisher broadcaster network studio miner outfit
	co-op cooperative charity organisation organization agency regulator
	ltd limited inc plc llc corp co holdings partners associates media stores foods works mobile
	energy renewables airlines airways motors systems technologies labs industries insurance
	logistics pharmaceuticals telecom communications ventures capital`)

// prepositions may join a head to its complement inside a subject
// ("Nurses at the hospital", "Figures published on Thursday").
var prepositions = set(`at on in of for from with by across along near among around within
	outside inside under behind to`)

// skippable are auxiliaries and adverbs between a subject and its cue
// ("Gov. Delacroix has said", "police later said").
var skippable = set(`has have had also later previously then will would is was are were has since again
	already once repeatedly never not n't just recently earlier separately publicly privately
	first subsequently initially reportedly long instead now still been`)

// aux are the auxiliaries a verb may follow ("has put", "were divided"),
// be its forms of be.
var (
	aux = set(`has have had is are was were`)
	be  = set(`is are was were`)
)

// verbs are common verbs of quote sentences without a reporting verb
// ("The RBI kept its forecast", "Irrigator groups want"): irregular past
// forms and present forms that -ed does not catch.
var verbs = set(`kept keeps gave gives put puts want wants see sees saw made makes took takes sent sends
	recorded
	set sets held holds brought brings record records list lists credit credits cite cites
	rank ranks blame expect urge`)

// linking verbs take a predicate as "are" does ("Some traders remain
// unhappy", "Investors seem confident").
var linking = set(`remain remains seem seems`)

// extraCues are reporting verbs the features lexicon lacks: an inquiry or
// a court "heard", a judge "ruled", a report "cited" or "listed", an
// interviewee who "spoke" to the outlet; and the verbs of train's gold cues
// that neither list had (analysts "flagged", a forecaster "projected", a
// company "apologised", officials "defended").
var extraCues = set(`heard hears ruled rules cited cites submitted submits attribute attributed attributes listed lists
	spoke speaks talked talks
	flag flags flagged flagging projected projecting forecasting forecasted
	unveil unveils unveiled apologise apologises apologised apologize apologizes apologized
	defend defends defended interviewed thanked blasted lamented`)

// nounForms are reporting-verb forms that are also nouns of documents and
// posts ("a report", "four states"); see nounAfterModifier.
var nounForms = set(`report reports note notes post posts state states statement statements claim claims
	estimate estimates forecast forecasts review reviews survey surveys study studies record records
	warning warnings comment comments summary filing filings notice notices release releases
	update updates answer answers reply replies response responses signal signals`)

// numberWords count, as a number does ("four states").
var numberWords = words(set(`two three four five six seven eight nine ten eleven twelve dozen dozens
	hundreds thousands several many most few`))

// nounFollowers may follow a noun but not open a reported clause ("the
// storm signal over the north", not "the group notes that").
var nounFollowers = words(set(`over into onto about after before until across against should would could will can may might must`))

// docAdjectives qualify documents ("the latest report", "that same note").
var docAdjectives = words(set(`latest same new annual recent final official internal separate earlier
	previous written draft full monthly weekly quarterly interim initial preliminary own joint
	confidential leaked public formal brief short long detailed lengthy`))

// orgTails end organisations' names without being words for a kind of
// organisation ("the Hastings Seniors' Network").
var orgTails = words(set(`network alliance coalition forum collective fund movement campaign action trust
	association union federation council society league club`))

// lyNouns end in -ly but are no adverbs ("His family have asked").
var lyNouns = words(set(`family rally supply reply assembly anomaly monopoly ally july italy belly jelly bully
	holly lily folly homily melancholy`))

// periods are times of the calendar after "last" or "this" ("Your
// correspondent last week blamed").
var periods = words(set(`week weekend month year night morning evening summer winter spring autumn`))

// postNominals are letters after a name that are not part of it.
var postNominals = words(set(`kc qc sc mp td mla mha mpp msp mep mbe obe cbe jp`))

// times end a noun phrase as an adjunct after "on" or "in" ("figures
// published on Thursday").
var times = set(`monday tuesday wednesday thursday friday saturday sunday today yesterday
	january february march april june july august september october november december`)

// participles are irregular past participles that may follow a noun
// ("a memo sent to", "figures seen by").
var participles = set(`sent seen led held made shown done given written known put`)

// quantifiers may stand between an auxiliary and a verb: "have both argued".
var quantifiers = set(`both all each`)

// indefinites open a noun phrase that introduces a new source ("A senior
// MP", "Several parents"): it is not resolved to an earlier one.
var indefinites = set(`a an some several many one two three four five few another`)

// conjunctions that may open a sentence before its subject.
var conjunctions = set(`but and so yet`)

// firstPerson pronouns outside quotation marks are an interviewee's or the
// outlet's: not a mention.
var firstPerson = set(`i we`)

// firstPossessive are the other first-person forms: a sentence with one
// outside quotation marks is an interviewee's own account.
var firstPossessive = set(`me my our us 'm`)

// coreCues are the speech verbs that are hardly ever anything else.
var coreCues = set(`say says said saying tell tells told telling add adds added adding write writes wrote
	tweet tweets tweeted tweeting ask asks asked according insist insists insisted insisting
	warn warns warned warning explain explains explained state states stated claim claims claimed
	argue argues argued announce announces announced declare declares declared confirm confirms
	confirmed deny denies denied admit admits admitted note notes noted reply replies replied
	respond responds responded recall recalls recalled testify testifies testified concede
	concedes conceded acknowledge acknowledges acknowledged`)

// phraseCues are the verb-like phrases of features/lexicon/attribution.txt
// and a few more, matched on lower-case tokens; the longest match wins.
var phraseCues = [][]string{
	{"according", "to"},
	{"told", "reporters"},
	{"tells", "reporters"},
	{"declined", "to", "comment"},
	{"declined", "to", "say"},
	{"declined", "to", "confirm"},
	{"declined", "to", "discuss"},
	{"refused", "to", "comment"},
	{"refused", "to", "say"},
	{"voiced", "alarm"},
	{"expressed", "alarm"},
	{"sounded", "the", "alarm"},
	{"sounding", "the", "alarm"},
	{"told", "clients"},
	{"telling", "reporters"},
	{"was", "quoted", "as", "saying"},
	{"pointed", "out"},
	{"point", "out"},
	{"points", "out"},
	{"did", "not", "respond"},
	{"did", "not", "immediately", "respond"},
	{"did", "n't", "respond"},
	{"was", "quoted"},
	{"is", "quoted"},
	{"voiced", "concern"},
	{"voiced", "concerns"},
	{"voiced", "caution"},
	{"voiced", "support"},
	{"voiced", "opposition"},
	{"expressed", "concern"},
	{"expressed", "concerns"},
	{"raised", "concerns"},
	{"raised", "concern"},
	{"raised", "doubts"},
	{"raised", "questions"},
	{"ruled", "out"},
	{"pushed", "back"},
	{"hit", "out"},
	{"weighed", "in"},
	{"broke", "the", "news"},
	{"put", "it"},
	{"spoke", "to"},
	{"spoke", "with"},
	{"speaks", "to"},
	{"speaking", "to"},
	{"talked", "to"},
	{"puts", "it"},
}

// listenerVerbs take the listener as their object ("told the Clarion",
// "urged residents"): the noun phrase after them is never the source.
var listenerVerbs = set(`told tells tell telling informed informs assured assures reminded reminds
	urged urges advised advises briefed briefs thanked thanks`)

// Word classes, one bit each, so that a token is looked up once.
const (
	fReporting uint32 = 1 << iota
	fTitle
	fAbbrev
	fNotName
	fPronoun
	fDeterminer
	fStop
	fConnector
	fSkippable
	fCore
	fOrg
	fPreposition
	fPhrase // starts a phrase cue
	fOrgKind
	fAux
	fBe
	fVerb
	fQuantifier
	fConjunction
	fFirstPerson
	fFirstPossessive
	fIndefinite
	fTime
	fParticiple
	fLinking
	fNounForm

	fKnown uint32 = 1 << 31 // a token's classes have been looked up
)

var (
	lexOnce sync.Once
	lexicon map[string]uint32
)

// wordClasses returns the classes of every listed word, with the
// reporting-verb forms of the features lexicon. The lexicon is embedded:
// failing to read it is a build defect.
func wordClasses() map[string]uint32 {
	lexOnce.Do(func() {
		lex, err := features.LoadLexicons()
		if err != nil {
			panic("attribution: " + err.Error())
		}
		lexicon = map[string]uint32{}
		for w, ok := range lex.Reporting {
			if ok && w != "according" { // "according" alone is nothing: "according to" is a phrase cue
				lexicon[w] |= fReporting
			}
		}
		for _, c := range []struct {
			set  words
			flag uint32
		}{
			{titles, fTitle}, {abbrevs, fAbbrev}, {notNames, fNotName}, {subjectPronouns, fPronoun},
			{determiners, fDeterminer}, {stops, fStop}, {connectors, fConnector}, {skippable, fSkippable},
			{coreCues, fCore}, {orgWords, fOrg}, {prepositions, fPreposition}, {orgKinds, fOrgKind},
			{aux, fAux}, {be, fBe}, {verbs, fVerb}, {quantifiers, fQuantifier}, {conjunctions, fConjunction},
			{firstPerson, fFirstPerson}, {extraCues, fReporting}, {firstPossessive, fFirstPossessive}, {indefinites, fIndefinite}, {times, fTime}, {participles, fParticiple},
			{linking, fLinking}, {nounForms, fNounForm},
		} {
			for w := range c.set {
				lexicon[w] |= c.flag
			}
		}
		for _, ph := range phraseCues {
			lexicon[ph[0]] |= fPhrase
		}
	})
	return lexicon
}
