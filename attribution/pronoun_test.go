package attribution

import "testing"

// "He" and "she" stand for a person: worked by hand from antecedent and
// personName.
func TestPersonPronoun(t *testing.T) {
	checkCases(t, []attrCase{
		{
			name: "not the organisation named in the sentence before",
			paras: [][]string{{
				"Nomvula Khumalo, a choreographer, runs a studio.",
				"This month her company, Umlilo Dance Company, opens in Europe.",
				`Q|"It is a dream," she said.`,
			}},
			want: map[int]want{2: {"Nomvula Khumalo", "she", "said"}},
		},
		{
			name: "not a place after a preposition of place",
			paras: [][]string{{
				"Ruth Adeyemi wrote the novel.",
				"Her best chapters are set on Barataria Bay.",
				`Q|"The marsh forgets," she writes.`,
			}},
			want: map[int]want{2: {"Ruth Adeyemi", "she", "writes"}},
		},
		{
			name: "but a person after by",
			paras: [][]string{{
				"The stew is served by Leela Thomas, 67.",
				`Q|"I started young," she says.`,
			}},
			want: map[int]want{1: {"Leela Thomas", "she", "says"}},
		},
		{
			name:  "it may be the organisation",
			paras: [][]string{{"This month Umlilo Dance Company opens in Europe.", `Q|It said tickets had sold out.`}},
			want:  map[int]want{1: {"Umlilo Dance Company", "It", "said"}},
		},
	})
}
