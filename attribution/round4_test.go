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
