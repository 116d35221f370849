package attribution

import "testing"

// Cases of issue 14's fourth round, written and worked by hand from the
// error classes of train (see BENCHMARKS.md section 8).
func TestAttributionNounsTimesAndAppositives(t *testing.T) {
	checkCases(t, []attrCase{
		{
			name:  "a reporting-verb form after a number is a noun: four states",
			paras: [][]string{{"Q|The NEA's figures show at least four states with larger increases."}},
			want:  map[int]want{0: {"The NEA's figures", "The NEA's figures", "show"}},
		},
		{
			name:  "after a possessive and an adjective of documents, report is a noun",
			paras: [][]string{{"Q|The Auditor-General's latest report on Emfuleni North flagged R340 million in irregular spending."}},
			want:  map[int]want{0: {"The Auditor-General's latest report on Emfuleni North", "The Auditor-General's latest report on Emfuleni North", "flagged"}},
		},
		{
			name:  "a day between a name and its verb",
			paras: [][]string{{"Q|PAGASA on Saturday raised the storm signal over Catanduanes."}},
			want:  map[int]want{0: {"PAGASA", "PAGASA", "raised"}},
		},
		{
			name:  "a description keeps its time",
			paras: [][]string{{"Q|Figures published by the Central Statistics Office on Thursday show that 8,912 homes were completed."}},
			want: map[int]want{0: {"Figures published by the Central Statistics Office on Thursday",
				"Figures published by the Central Statistics Office on Thursday", "show"}},
		},
		{
			name:  "an acronym in parentheses stays with its name",
			paras: [][]string{{"Q|The India Meteorological Department (IMD) on Sunday declared a red alert for Kozhikode."}},
			want:  map[int]want{0: {"The India Meteorological Department", "The India Meteorological Department (IMD)", "declared"}},
		},
		{
			name:  "letters after a name are not part of it",
			paras: [][]string{{"Q|His barrister, Andrew Fell KC, told the court that his client was ashamed."}},
			want:  map[int]want{0: {"Andrew Fell", "Andrew Fell", "told"}},
		},
		{
			name:  "an appositive that ends in a place: the name that opens the sentence",
			paras: [][]string{{"Q|Carla Mendez, vice president of pricing at a carrier in Joplin, Missouri, said her company had begun charging more."}},
			want:  map[int]want{0: {"Carla Mendez", "Carla Mendez", "said"}},
		},
		{
			name:  "a participle after a comma has the sentence's subject, not the name after it",
			paras: [][]string{{"Q|Cresswell boss Gareth Penhale was unhappy with the second goal, insisting Holt had been fouled."}},
			want:  map[int]want{0: {"Gareth Penhale", "Gareth Penhale", "insisting"}},
		},
		{
			name:  "the main verb's phrase beats a participle after it",
			paras: [][]string{{"Q|Commissioner Asha Rao ruled out any penalty, saying the leaks were the city's own."}},
			want:  map[int]want{0: {"Asha Rao", "Asha Rao", "ruled out"}},
		},
		{
			name: "a possessive's appositive is the subject, and the pronoun after it",
			paras: [][]string{{
				"Q|Ms Tuhoe's partner, Wiremu Keepa, read a victim impact statement to the court.",
				`Q|"Every morning our daughter asks where Mum is," he said.`,
			}},
			want: map[int]want{0: {"Wiremu Keepa", "Wiremu Keepa", ""}, 1: {"Wiremu Keepa", "he", "said"}},
		},
		{
			name:  "declined to say is one cue",
			paras: [][]string{{"Q|Buckeye Valley Health declined to say whether it had paid the attackers."}},
			want:  map[int]want{0: {"Buckeye Valley Health", "Buckeye Valley Health", "declined to say"}},
		},
	})
}

// Cases of real pages, worked by hand from batch 18's train articles.
func TestAttributionPageFurnitureAndInterviews(t *testing.T) {
	checkCases(t, []attrCase{
		{
			name: "a bare quotation after an Advertisement line is the last speaker's",
			paras: [][]string{
				{`Q|"We rolled the update back as soon as we understood what was happening," Rohan Deshmukh told us.`},
				{"Advertisement"},
				{`Q|"I want to apologise personally to every user."`},
			},
			want: map[int]want{2: {"Rohan Deshmukh", "", ""}},
		},
		{
			name: "and after a newsletter box of several lines",
			paras: [][]string{
				{`Q|"What struck me was how little of it is about the struggle," curator Lerato Mokoena said.`},
				{"The Ochre Edit", "Our weekly guide to exhibitions, every Thursday."},
				{"Sign up"},
				{`Q|"It is about people living, falling in love, getting their hair cut."`},
			},
			want: map[int]want{4: {"Lerato Mokoena", "", ""}},
		},
		{
			name: "an interviewee who opens a sentence beats a place named before",
			paras: [][]string{
				{"Lake snow has been recorded in several South Island lakes since the mid-2000s.",
					"Dr Isla Pennefather, a freshwater ecologist, has spent five years measuring it.",
					"Q|She talked to the Gazette about what her team found."},
				{"Q: What is lake snow?"},
				{"Q|IP: Imagine someone has dropped wet cotton wool into a glass of water."},
				{"Q: What did the study find?"},
				{"Q|The short version is that it got worse every year we measured."},
			},
			want: map[int]want{4: {"Isla Pennefather", "", ""}, 6: {"Isla Pennefather", "", ""}},
		},
		{
			name:  "a plural possessive inside an organisation's name",
			paras: [][]string{{`Q|The Hastings Seniors' Network said the decision was like "taking the car keys off people".`}},
			want:  map[int]want{0: {"The Hastings Seniors' Network", "The Hastings Seniors' Network", "said"}},
		},
		{
			name:  "notes before a modal is a noun",
			paras: [][]string{{"Q|A man urges listeners to deposit their old notes before the deadline."}},
			want:  map[int]want{0: {"A man", "A man", "urges"}},
		},
		{
			name:  "an adverb between the pronoun and the verb",
			paras: [][]string{{"The Union Agriculture Ministry has rejected the demand.", "Q|It has instead pointed growers to export schemes."}},
			want:  map[int]want{1: {"The Union Agriculture Ministry", "It", "pointed"}},
		},
		{
			name: "the paper and the findings are the study's; the force is the police's",
			paras: [][]string{{
				"Q|A study by researchers at the National University of Singapore found that warm nights cost sleep.",
				"Q|The paper associated each degree of warmth with 11 fewer minutes of sleep.",
				"Q|The findings suggest that shade trees help.",
				"Q|Northamptonshire Police said the car was a dark hatchback.",
				"Q|According to the force, it was last seen heading north.",
			}},
			want: map[int]want{
				1: {"A study by researchers at the National University of Singapore", "The paper", "associated"},
				2: {"A study by researchers at the National University of Singapore", "The findings", "suggest"},
				4: {"Northamptonshire Police", "the force", "According to"},
			},
		},
		{
			name:  "a passive's agent after by is the source",
			paras: [][]string{{"Q|The figures were published on Monday by the NHS Business Services Authority."}},
			want:  map[int]want{0: {"the NHS Business Services Authority", "the NHS Business Services Authority", "were published"}},
		},
		{
			name:  "a time between a description and its verb, with no participle",
			paras: [][]string{{"Q|Your correspondent last week blamed the contractor alone for the potholes."}},
			want:  map[int]want{0: {"Your correspondent", "Your correspondent", "blamed"}},
		},
		{
			name:  "both between the subject and its verb",
			paras: [][]string{{"Q|Boulder Valley and Jeffco Public Schools both announced closures before 6 a.m."}},
			want:  map[int]want{0: {"Boulder Valley and Jeffco Public Schools", "Boulder Valley and Jeffco Public Schools", "announced"}},
		},
		{
			name:  "a document noun in a prepositional phrase is no cue",
			paras: [][]string{{"Orla Breathnach wrote the play.", `Q|In a programme note, Breathnach writes that she wanted to ask "who we make into heroes".`}},
			want:  map[int]want{1: {"Orla Breathnach", "Breathnach", "writes"}},
		},
		{
			name:  "a noun in -ly is no adverb",
			paras: [][]string{{"Q|His family have asked for privacy."}},
			want:  map[int]want{0: {"His family", "His family", "asked"}},
		},
		{
			name:  "no verb after an article: A speed survey",
			paras: [][]string{{"Q|A speed survey for the county council recorded an average of 54mph."}},
			want:  map[int]want{0: {"A speed survey for the county council", "A speed survey for the county council", "recorded"}},
		},
		{
			name:  "notes before a modal is a noun, and the verb before it the cue",
			paras: [][]string{{"Q|In March 2023, the Supreme Court ruled that the old notes should remain legal tender."}},
			want:  map[int]want{0: {"the Supreme Court", "the Supreme Court", "ruled"}},
		},
		{
			name:  "a dateline is a place, not the bank that it stands for",
			paras: [][]string{{"OTTAWA (Northway) - The Bank of Canada held its rate at 2.75 per cent on Wednesday.", "Q|It kept its forecast for growth at 1.2 per cent."}},
			want:  map[int]want{1: {"The Bank of Canada", "It", "kept"}},
		},
	})
}
