package attribution

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

// article builds an article from paragraphs of sentences; a sentence that
// starts with "Q|" is labelled quote.
func article(paras ...[]string) (*corpus.Article, []bool) {
	a := &corpus.Article{ID: "t"}
	var quote []bool
	for p, ss := range paras {
		for _, s := range ss {
			q := strings.HasPrefix(s, "Q|")
			a.Sentences = append(a.Sentences, corpus.Sentence{Text: strings.TrimPrefix(s, "Q|"), Para: p})
			quote = append(quote, q)
		}
	}
	a.BuildText()
	return a, quote
}

// want is an expected attribution as strings: speaker, mention, cue.
type want struct{ speaker, mention, cue string }

// Cases written and worked by hand: each names the pattern it checks.
func TestAttribution(t *testing.T) {
	checkCases(t, []attrCase{
		{
			name:  "direct speech, X said",
			paras: [][]string{{`Q|"We will rebuild every bridge," Mayor Ann Okoro said on Monday.`}},
			want:  map[int]want{0: {"Ann Okoro", "Ann Okoro", "said"}},
		},
		{
			name:  "direct speech, said X with a title and an appositive",
			paras: [][]string{{`Q|"Prices will rise," said State Senator Elena Marquez, a Democrat from Pueblo.`}},
			want:  map[int]want{0: {"Elena Marquez", "Elena Marquez", "said"}},
		},
		{
			name:  "reported speech, X told reporters that",
			paras: [][]string{{`Q|Governor Sanjay Iyer told reporters in Pune that inflation was easing.`}},
			want:  map[int]want{0: {"Sanjay Iyer", "Sanjay Iyer", "told reporters"}},
		},
		{
			name:  "according to X, an organisation",
			paras: [][]string{{`Q|About 150,000 workers earn the minimum wage, according to the Ministry of Labour.`}},
			want:  map[int]want{0: {"the Ministry of Labour", "the Ministry of Labour", "according to"}},
		},
		{
			name: "pronoun resolved two sentences back, surname to full name",
			paras: [][]string{
				{"Retired shearer Bill Haddon, 78, lives on Mill Street.", "The water rose within minutes."},
				{`Q|"I have never seen the like," he said.`, `Q|Mr Haddon said the council had been warned.`},
			},
			want: map[int]want{2: {"Bill Haddon", "he", "said"}, 3: {"Bill Haddon", "Mr Haddon", "said"}},
		},
		{
			name: "continuation: a quotation over two sentences, then one that closes alone",
			paras: [][]string{{
				`Q|Coach Gareth Pell spoke after training.`,
				`Q|"We've talked enough.`,
				`Q|Now the lads have to show it," he said.`,
				`Q|"Nobody is hiding."`,
			}},
			want: map[int]want{
				0: {"Gareth Pell", "Gareth Pell", "spoke"}, // "spoke" is a cue (the guide: the verb)
				1: {"Gareth Pell", "", ""},
				2: {"Gareth Pell", "he", "said"},
				3: {"Gareth Pell", "", ""},
			},
		},
		{
			name: "forward reference: the quotation first, the mayor named after it",
			paras: [][]string{
				{"The council met on Tuesday.", `Q|"Every street will be repaved."`, `Q|The mayor said the work would start in May.`},
				{"Mayor Lucia Ferro was elected in 2022."},
			},
			want: map[int]want{1: {"Lucia Ferro", "", ""}, 2: {"Lucia Ferro", "The mayor", "said"}},
		},
		{
			name: "a description resolved to an earlier name by its title",
			paras: [][]string{
				{"Mayor Lucia Ferro opened the bridge.", `Q|"It took ten years," the mayor said.`},
			},
			want: map[int]want{1: {"Lucia Ferro", "the mayor", "said"}},
		},
		{
			name:  "a group and a document",
			paras: [][]string{{`Q|Residents described the water arriving in minutes.`, `Q|Court records show the licence was suspended in 2021.`}},
			want:  map[int]want{0: {"Residents", "Residents", "described"}, 1: {"Court records", "Court records", "show"}},
		},
		{
			name:  "an appositive between the name and the cue",
			paras: [][]string{{`Q|Nitin Bhardwaj, chief economist at a Mumbai bank, said a cut was coming.`}},
			want:  map[int]want{0: {"Nitin Bhardwaj", "Nitin Bhardwaj", "said"}},
		},
		{
			name:  "a name in apposition to a description",
			paras: [][]string{{`Q|Its president, Daniel Hsu, said in an interview that costs would rise.`}},
			want:  map[int]want{0: {"Daniel Hsu", "Daniel Hsu", "said"}},
		},
		{
			name:  "reporting verbs inside the quotation are not cues",
			paras: [][]string{{`Q|"They said it would never flood here," Priya Natarajan recalled.`}},
			want:  map[int]want{0: {"Priya Natarajan", "Priya Natarajan", "recalled"}},
		},
		{
			name:  "British single quotation marks, honorific",
			paras: [][]string{{"Local government minister Harriet Coombe spoke first.", `Q|‘Residents should not pay twice,’ Ms Coombe said.`}},
			want:  map[int]want{1: {"Harriet Coombe", "Ms Coombe", "said"}},
		},
		{
			name:  "a reporting verb capitalised inside a name is not a cue",
			paras: [][]string{{`Q|Lakeview State coach Imogen Farr said the squad was tired.`}},
			want:  map[int]want{0: {"Imogen Farr", "Imogen Farr", "said"}},
		},
		{
			name: "a subject with prepositional complements is taken whole",
			paras: [][]string{{
				`Q|An engineer from the county roads department said the bridge was safe.`,
				`Q|Officials at the Office for the Coast estimated the cost at $4 million.`,
				`Q|A survey presented to the board last month found most riders were students.`,
				`Q|Shopkeepers near the old market square say trade has halved.`,
			}},
			want: map[int]want{
				0: {"An engineer from the county roads department", "An engineer from the county roads department", "said"},
				1: {"Officials at the Office for the Coast", "Officials at the Office for the Coast", "estimated"},
				2: {"A survey presented to the board last month", "A survey presented to the board last month", "found"},
				3: {"Shopkeepers near the old market square", "Shopkeepers near the old market square", "say"},
			},
		},
		{
			name: "a person with an affiliation after the name is the person",
			paras: [][]string{{
				`Q|Marine biologist Tomasz Wierzba of the Baltic Research Centre said the cod had moved north.`,
				`Q|"They follow the cold water," he said.`,
				`Q|A second scientist, Alma Reyes of Coastwatch, said the data were thin.`,
			}},
			want: map[int]want{
				0: {"Tomasz Wierzba", "Tomasz Wierzba", "said"},
				1: {"Tomasz Wierzba", "he", "said"},
				2: {"Alma Reyes", "Alma Reyes", "said"},
			},
		},
		{
			name: "an honorific stays with a surname, a title with a title's complement goes",
			paras: [][]string{{
				`Q|Superintendent of Police Kavya Menon said the road was closed.`,
				`Q|"Nobody should travel tonight," Supt Menon said.`,
				`Q|The Royal College of General Surgeons has warned of long waits.`,
			}},
			want: map[int]want{
				0: {"Kavya Menon", "Kavya Menon", "said"},
				1: {"Kavya Menon", "Supt Menon", "said"},
				2: {"The Royal College of General Surgeons", "The Royal College of General Surgeons", "warned"},
			},
		},
		{
			name: "an organisation: its acronym, its first word, the company, a word of its name",
			paras: [][]string{{
				"Shares in Harrowgate Foods fell after the Central Bank of Ruritania raised rates.",
				`Q|The CBR said inflation was still too high.`,
				`Q|Harrowgate said it would cut prices.`,
				`Q|The company said sales had slowed.`,
				`Q|The bank said it would meet again in May.`,
			}},
			want: map[int]want{
				1: {"the Central Bank of Ruritania", "The CBR", "said"},
				2: {"Harrowgate Foods", "Harrowgate", "said"},
				3: {"Harrowgate Foods", "The company", "said"},
				4: {"the Central Bank of Ruritania", "The bank", "said"},
			},
		},
		{
			name: "a description in apposition before a name, and an earlier source described with the same noun",
			paras: [][]string{{
				`Q|The operator, Tallis Rail, has said the line will reopen in June.`,
				`Q|The operator said buses would replace trains.`,
				`Q|A study by two hospitals in Leeds found waits had doubled.`,
				`Q|The study said staffing was the main cause.`,
			}},
			want: map[int]want{
				1: {"Tallis Rail", "The operator", "said"},
				3: {"A study by two hospitals in Leeds", "The study", "said"},
			},
		},
		{
			name:  "Hon. is a title",
			paras: [][]string{{`Q|Its chairman, Hon. Chidi Okonkwo, said the bill would pass.`}},
			want:  map[int]want{0: {"Chidi Okonkwo", "Chidi Okonkwo", "said"}},
		},
		{
			name: "no reporting verb: the subject and its main verb, be and a predicate",
			paras: [][]string{{
				`Q|The Federal Reserve kept its main rate at 4 per cent.`,
				`Q|It lowered its forecast for growth.`,
				`Q|Dr Ilse Brandt gave the committee a written warning in May.`,
				`Q|Dock workers were divided on the offer.`,
				`Q|Wheat farmers are furious.`,
				`Q|The Law Society and the Bar Council have both argued for more time.`,
			}},
			want: map[int]want{
				0: {"The Federal Reserve", "The Federal Reserve", "kept"},
				1: {"The Federal Reserve", "It", "lowered"},
				2: {"Ilse Brandt", "Ilse Brandt", "gave"},
				3: {"Dock workers", "Dock workers", "were divided"},
				4: {"Wheat farmers", "Wheat farmers", "are furious"},
				5: {"The Law Society and the Bar Council", "The Law Society and the Bar Council", "argued"},
			},
		},
		{
			name: "phrase cues and verbs of hearings and rulings",
			paras: [][]string{{
				`Q|Fishing crews raised concerns about the new quotas.`,
				`Q|The family had been left without heating for a month, an inquest heard.`,
				`Q|A High Court judge ruled that the contract was void.`,
			}},
			want: map[int]want{
				0: {"Fishing crews", "Fishing crews", "raised concerns"},
				1: {"an inquest", "an inquest", "heard"},
				2: {"A High Court judge", "A High Court judge", "ruled"},
			},
		},
		{
			name: "an interviewee in the first person has no mention and no cue; a live blog's time stamp",
			paras: [][]string{
				{`Q|Tavita Leota spoke to us about her bakery.`, `Q|I started with one oven and a van.`, `Q|We still bake every loaf by hand.`},
				{`Q|10.45am: Race director Pia Lund says the course is clear.`},
			},
			want: map[int]want{
				1: {"Tavita Leota", "", ""},
				2: {"Tavita Leota", "", ""},
				3: {"Pia Lund", "Pia Lund", "says"},
			},
		},
		{
			name: "a relative clause in the subject; a phrase with a complement or an indefinite one is not resolved",
			paras: [][]string{{
				"Harbour master Ewan Reid opened the new quay.",
				`Q|Boat owners who use the harbour in winter said the fees were too high.`,
				`Q|A harbour official said the fees would be reviewed.`,
				`Q|Skippers at the Reid quay said they had not been consulted.`,
			}},
			want: map[int]want{
				1: {"Boat owners who use the harbour in winter", "Boat owners who use the harbour in winter", "said"},
				2: {"A harbour official", "A harbour official", "said"},
				3: {"Skippers at the Reid quay", "Skippers at the Reid quay", "said"},
			},
		},
		{
			name: "a Q&A: answers after the interviewer's questions are the interviewee's; a lone capitalised opener is no name",
			paras: [][]string{
				{"Marama Hohaia has sold pies from the same van in Ōtaki for 20 years.", "Last winter the van burned down.", `Q|She spoke to the Gazette about starting again.`},
				{"The van is back on the road this week.", "How did it feel?"},
				{`Q|Awful, honestly.`, `Q|Regulars brought me food for a month.`},
				{"What happens now?"},
				{`Q|Same pies, same corner.`},
			},
			want: map[int]want{
				2: {"Marama Hohaia", "She", "spoke to"},
				5: {"Marama Hohaia", "", ""},
				6: {"Marama Hohaia", "", ""},
				8: {"Marama Hohaia", "", ""},
			},
		},
		{
			name: "a title with a long complement, a long appositive before the verb, a noun before the verb",
			paras: [][]string{{
				`Q|The Minister for Roads and Transport, Ms Adaeze Obi, defended the toll in a statement.`,
				`Q|Its annual report shows 40 crashes on the road.`,
			}},
			want: map[int]want{
				0: {"Adaeze Obi", "Adaeze Obi", "defended"},
				1: {"Its annual report", "Its annual report", "shows"},
			},
		},
		{
			name:  "an acronym opening a post's signature is a name",
			paras: [][]string{{"The Metropolitan Transit Authority apologised for the delays.", `Q|MTA, posting at 7am, said trains were running again.`}},
			want:  map[int]want{1: {"The Metropolitan Transit Authority", "MTA", "said"}},
		},
		{
			// A time right after a participle is the participle's ("a study
			// published on Thursday": train's gold keeps it every time).
			name: "after according to: the complements, not a closing time unless a participle owns it, and a name inside a complement is not the source",
			paras: [][]string{{
				`Q|Rents rose 9 per cent, according to figures from the Tenancy Board.`,
				`Q|Sales fell, according to a memo sent to the company's staff on Friday.`,
				`Q|Waits doubled, according to hospital data published on Tuesday.`,
				`Q|Fares are the highest in Europe, according to a review by consumer group FareWatch.`,
			}},
			want: map[int]want{
				0: {"figures from the Tenancy Board", "figures from the Tenancy Board", "according to"},
				1: {"a memo sent to the company's staff", "a memo sent to the company's staff", "according to"},
				2: {"hospital data published on Tuesday", "hospital data published on Tuesday", "according to"},
				3: {"a review by consumer group FareWatch", "a review by consumer group FareWatch", "according to"},
			},
		},
		{
			name: "an appositive of role words and a name is the subject, not the description before it",
			paras: [][]string{{
				`Q|Labor's candidate, local school principal Dominic Ferreira, said he was hopeful.`,
				`Q|Minister Aoife Duggan, a TD for Limerick County, told the Dáil the beds were funded.`,
			}},
			want: map[int]want{
				0: {"Dominic Ferreira", "Dominic Ferreira", "said"},
				1: {"Aoife Duggan", "Aoife Duggan", "told"}, // "a" alone before a name: a description
			},
		},
		{
			name: "a reporting form after a determiner and modifiers is a noun when it ends the phrase",
			paras: [][]string{{
				`Q|The Bureau of Meteorology issued a severe weather warning for the coast.`,
				`Q|The support line played a recorded message warning of long delays.`,
			}},
			want: map[int]want{
				0: {"The Bureau of Meteorology", "The Bureau of Meteorology", "issued"},
				1: {"a recorded message", "a recorded message", "warning"}, // "warning of": the verb's
			},
		},
		{
			name: "a description with the name after it at the end of the sentence is the name",
			paras: [][]string{{
				`Q|"Funding alone will not do," said the vice-chancellor, Professor Martin Achebe.`,
				`Q|"Our graduates want to help."`,
			}},
			want: map[int]want{
				0: {"Martin Achebe", "the vice-chancellor", "said"},
				1: {"Martin Achebe", "", ""},
			},
		},
		{
			name:  "a name followed by its is an organisation the company may refer to",
			paras: [][]string{{"Kalbarri Minerals has approved an expansion of its refinery.", `Q|The company said 600 jobs would be created.`}},
			want:  map[int]want{1: {"Kalbarri Minerals", "The company", "said"}},
		},
		{
			name:  "a name followed by her is not",
			paras: [][]string{{"Ann Lee opened her shop in Leeds.", `Q|The company said sales were strong.`}},
			want:  map[int]want{1: {"The company", "The company", "said"}},
		},
		{
			// "spoke to" is a fixed phrase, as train's gold writes it (five
			// times, "spoke" alone only where no "to" follows).
			name:  "spoke to is a cue: an interviewee who spoke to the outlet",
			paras: [][]string{{"Hemi Tautari runs a fish and chip shop.", `Q|He spoke to the Clarion about the film.`}},
			want:  map[int]want{1: {"Hemi Tautari", "He", "spoke to"}},
		},
		{
			name: "a linking verb and its predicate, as after are, with no reporting verb",
			paras: [][]string{{
				"Flooding closed the quays for a week.",
				`Q|Some traders on the quays remain unhappy.`,
				`Q|Investors seem confident, however.`,
			}},
			want: map[int]want{
				1: {"Some traders on the quays", "Some traders on the quays", "remain unhappy"},
				2: {"Investors", "Investors", "seem confident"}, // a comma ends the predicate too
			},
		},
		{
			name:  "a capitalised opener that is no name keeps its relative clause",
			paras: [][]string{{`Q|Scientists who study the watershed say the lake is warming.`}},
			want:  map[int]want{0: {"Scientists who study the watershed", "Scientists who study the watershed", "say"}},
		},
		{
			name: "no reporting verb: a short subject's past form before a preposition is its verb, not after by",
			paras: [][]string{{
				"The council approved the mine on Monday.",
				`Q|Conservation groups reacted with alarm.`,
				`Q|A count conducted by volunteers found 31 nests.`,
			}},
			want: map[int]want{
				1: {"Conservation groups", "Conservation groups", "reacted"},
				2: {"A count conducted by volunteers", "A count conducted by volunteers", "found"},
			},
		},
		{
			name:  "the subject over an adverb without -ly: has long argued",
			paras: [][]string{{`Q|The Dental Association has long argued that fees are too low.`}},
			want:  map[int]want{0: {"The Dental Association", "The Dental Association", "argued"}},
		},
		{
			name:  "no source at all",
			paras: [][]string{{`Q|"Some things never change."`}},
			want:  map[int]want{0: {"", "", ""}},
		},
	})
}

// attrCase is an article of paragraphs (see article) and the attribution
// expected of some of its sentences.
type attrCase struct {
	name  string
	paras [][]string
	want  map[int]want // by sentence index
}

// checkCases attributes each case's article and checks the expected
// sentences, the offsets of every part, and that non-quotes get None.
func checkCases(t *testing.T, tests []attrCase) {
	t.Helper()
	at := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, quote := article(tt.paras...)
			got := at.Article(a, func(i int) bool { return quote[i] }, nil)
			require.Len(t, got, len(a.Sentences))
			for i, w := range tt.want {
				g := got[i]
				assert.Equal(t, w, want{g.Speaker, g.Mention, g.Cue}, "sentence %d: %s", i, a.Sentences[i].Text)
				checkOffsets(t, a, g)
				if w.mention != "" {
					assert.True(t, a.Sentences[i].Start <= g.MentionStart && g.MentionEnd <= a.Sentences[i].End, "mention inside its sentence")
				}
			}
			for i, q := range quote {
				if !q {
					assert.Equal(t, None(), got[i], "sentence %d is not a quote", i)
				}
			}
		})
	}
}

// checkOffsets asserts that every part slices the article's text, and that
// absent parts are "" at -1.
func checkOffsets(t *testing.T, a *corpus.Article, g Attribution) {
	t.Helper()
	for _, p := range []struct {
		s          string
		start, end int
	}{{g.Speaker, g.SpeakerStart, g.SpeakerEnd}, {g.Mention, g.MentionStart, g.MentionEnd}, {g.Cue, g.CueStart, g.CueEnd}} {
		if p.s == "" {
			assert.Equal(t, [2]int{-1, -1}, [2]int{p.start, p.end}, "absent part at -1")
			continue
		}
		require.True(t, 0 <= p.start && p.start < p.end && p.end <= len(a.Text), "offsets [%d,%d) in text of %d bytes", p.start, p.end, len(a.Text))
		assert.Equal(t, p.s, a.Text[p.start:p.end])
	}
}

func TestSentenceMatchesArticle(t *testing.T) {
	a, quote := article([]string{"Mayor Lucia Ferro opened the bridge.", `Q|"It took ten years," she said.`})
	at := New()
	q := func(i int) bool { return quote[i] }
	assert.Equal(t, at.Article(a, q, nil)[1], at.Sentence(a, q, 1))
	assert.Equal(t, None(), at.Sentence(a, func(int) bool { return false }, 1), "no quote, nothing computed")
}
