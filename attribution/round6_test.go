package attribution

import "testing"

// Cases of issue 14's sixth round, written and worked by hand from train's
// error classes (BENCHMARKS.md section 8, round 6): definite descriptions
// of an organisation ("the agency", "the bureau") and possessives that
// are no role.
func TestAttributionRound6(t *testing.T) {
	checkCases(t, []attrCase{
		{
			name: "role words stop at a preposition: the estate near a town is not the town",
			paras: [][]string{{
				"F|Sondela Wines, the family-owned estate near Stellenbosch, has signed a distribution deal.",
				"Q|The estate said it expected exports to rise.",
			}},
			want: map[int]want{1: {"Sondela Wines", "The estate", "said"}},
		},
		{
			name: "a possessor is no role: the club's training ground is not the club",
			paras: [][]string{{
				`Q|"He reads the game," Salcete coach Alberto Sequeira said at the club's Margao training ground.`,
				"Q|He will wear the No. 8 shirt, the club said.",
			}},
			// "the club" names no organisation quoted before (Sequeira is a
			// person), and Margao is not it: the description stands.
			want: map[int]want{1: {"the club", "the club", "said"}},
		},
		{
			name: "a possessor is not the source of an earlier phrase: the department's buoys",
			paras: [][]string{{
				"Q|Readings from the department's monitoring buoys showed oxygen below 2 milligrams per litre.",
				"Q|The department attributed the deaths to blackwater.",
			}},
			want: map[int]want{1: {"The department", "The department", "attributed"}},
		},
		{
			name: "a description of another noun stands for the organisation quoted by name before",
			paras: [][]string{{
				"Q|Trains will be replaced by coaches for twelve weeks, Transport for NSW has announced.",
				"Q|The agency said the upgrade would cut 14 minutes from the trip.",
				"Q|It said coach times would be shown in the app.",
			}},
			want: map[int]want{
				1: {"Transport for NSW", "The agency", "said"},
				2: {"Transport for NSW", "It", "said"},
			},
		},
		{
			name: "an acronym quoted before is the bureau",
			paras: [][]string{{
				"Q|The typhoon will make landfall on Sunday, PAGASA said.",
				"Q|In its 11 a.m. bulletin, the weather bureau said the storm was moving west.",
			}},
			want: map[int]want{1: {"PAGASA", "the weather bureau", "said"}},
		},
		{
			name: "an organisation of another kind is not the council",
			paras: [][]string{{
				"Q|The Institute for Fiscal Studies said councils faced a gap of £4 billion.",
				"Q|The council reported a deficit of about £40 million.",
			}},
			want: map[int]want{1: {"The council", "The council", "reported"}},
		},
	})
}
