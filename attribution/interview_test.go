package attribution

import "testing"

// Q&A articles, worked by hand from the rule of interview.
func TestInterview(t *testing.T) {
	checkCases(t, []attrCase{
		{
			name: "answers after questions and after an interviewer's statement are the interviewee's, whatever they say",
			paras: [][]string{
				{"Marla Quintanilla has directed four feature films."},
				{"How did you find him?", "Q|He was fixing the air conditioning in our office.", "Q|My husband put my hand up for me."},
				{"Was that a choice?", "Q|Both, sadly."},
				{"And the budget?", "Q|Tight, and my producer said so."},
				{"Some critics disliked the ending.", "Q|Nobody else wanted it."},
				{`Q|"We were lucky," she said.`},
			},
			// Questions 1 and 4 have plain answers (2 and 5): a Q&A.
			want: map[int]want{
				2: {"Marla Quintanilla", "", ""}, // a pronoun of someone else: no mention
				3: {"Marla Quintanilla", "", ""}, // the answer runs on
				5: {"Marla Quintanilla", "", ""},
				7: {"Marla Quintanilla", "", ""}, // a reporting verb after a question: still the answer
				9: {"Marla Quintanilla", "", ""}, // after a statement, no reporting verb
				// Opens with a quotation mark: not an answer, the usual
				// rules ("she" → the speaker of the quote before).
				10: {"Marla Quintanilla", "she", "said"},
			},
		},
		{
			name: "the interviewee is a person, not the organisation named first",
			paras: [][]string{
				{"This month the Umlilo Dance Company, led by Nomvula Khumalo, opens its season."},
				{"Why that subject?", "Q|Because my grandfather worked underground."},
				{"What does it feel like?", "Q|Strange, and a little funny."},
			},
			want: map[int]want{
				2: {"Nomvula Khumalo", "", ""},
				4: {"Nomvula Khumalo", "", ""},
			},
		},
		{
			name: "an explainer's questions answered with named sources are no Q&A",
			paras: [][]string{
				{"Jo Marsh runs the clinic."},
				{"Who is most at risk?", "Q|Health officials say children are most at risk."},
				{"What should people do?", "Q|Doctors said people should stay indoors."},
			},
			want: map[int]want{
				2: {"Health officials", "Health officials", "say"},
				4: {"Doctors", "Doctors", "said"},
			},
		},
	})
}
