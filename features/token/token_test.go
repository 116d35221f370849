package token

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tokenStrings renders tokens as "text/Kind" for compact expectations.
func tokenStrings(text string) []string {
	var out []string
	for t := range Tokens(text) {
		out = append(out, text[t.Start:t.End]+"/"+t.Kind.String())
	}
	return out
}

// Expected tokens worked out by hand from the rules in the Tokens doc.
func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // tokens separated by " | "
	}{
		{"contractions split the Penn Treebank way", "Don't stop, can't won't cannot.",
			"Do/Word | n't/Word | stop/Word | ,/Punct | ca/Word | n't/Word | wo/Word | n't/Word | cannot/Word | ./Punct"},
		{"clitics and possessives", "She'll say it's Gould's, I'm sure we'd've known.",
			"She/Word | 'll/Word | say/Word | it/Word | 's/Word | Gould/Word | 's/Word | ,/Punct | I/Word | 'm/Word | sure/Word | we/Word | 'd/Word | 've/Word | known/Word | ./Punct"},
		{"curly apostrophes split the same way", "Don’t. It’s Gould’s.",
			"Do/Word | n’t/Word | ./Punct | It/Word | ’s/Word | Gould/Word | ’s/Word | ./Punct"},
		{"apostrophes inside names stay", "O'Brien, rock'n'roll and y'all o'clock",
			"O'Brien/Word | ,/Punct | rock'n'roll/Word | and/Word | y'all/Word | o'clock/Word"},
		{"plural possessive apostrophe is a quote mark", "the readers' letters",
			"the/Word | readers/Word | '/Quote | letters/Word"},
		{"quotes straight and curly", `"Yes," she said. “No,” he said. ‘Maybe.’`,
			`"/Quote | Yes/Word | ,/Punct | "/Quote | she/Word | said/Word | ./Punct | “/Quote | No/Word | ,/Punct | ”/Quote | he/Word | said/Word | ./Punct | ‘/Quote | Maybe/Word | ./Punct | ’/Quote`},
		{"money and percentages", "$3.5 billion, £1.2m and 12.5% of €40",
			"$/Symbol | 3.5/Number | billion/Word | ,/Punct | £/Symbol | 1.2m/Number | and/Word | 12.5/Number | %/Punct | of/Word | €/Symbol | 40/Number"},
		{"times, dates, ordinals", "10:30 a.m. on Jan. 5th, 1990s, 24/7, 2020-21",
			"10:30/Number | a.m./Word | on/Word | Jan/Word | ./Punct | 5th/Number | ,/Punct | 1990s/Number | ,/Punct | 24/7/Number | ,/Punct | 2020-21/Number"},
		{"thousands and decimals without a leading zero", "1,200 people, .5 percent",
			"1,200/Number | people/Word | ,/Punct | .5/Number | percent/Word"},
		{"hyphenated words", "mother-in-law, COVID-19 and a 5-year-old",
			"mother-in-law/Word | ,/Punct | COVID-19/Word | and/Word | a/Word | 5-year-old/Word"},
		{"dotted acronyms keep their stop", "The U.S. and e.g. U.K.-based firms",
			"The/Word | U.S./Word | and/Word | e.g./Word | U.K./Word | -/Punct | based/Word | firms/Word"},
		{"version numbers", "Go 1.26 and v1.2.3",
			"Go/Word | 1.26/Number | and/Word | v1.2.3/Word"},
		{"URLs lose trailing punctuation", "See https://example.org/a?b=1. Or www.x.org!",
			"See/Word | https://example.org/a?b=1/URL | ./Punct | Or/Word | www.x.org/URL | !/Punct"},
		{"bare domain and a domain with a path", "Amazon.com and example.com/news.",
			"Amazon.com/URL | and/Word | example.com/news/URL | ./Punct"},
		{"URL keeps a balanced bracket", "(see https://en.example.org/wiki/Go_(language))",
			"(/Punct | see/Word | https://en.example.org/wiki/Go_(language)/URL | )/Punct"},
		{"e-mail, handle, hashtag", "Email j.smith@kestrel.co.uk or @KestrelNews #StormWatch #1",
			"Email/Word | j.smith@kestrel.co.uk/Email | or/Word | @KestrelNews/Handle | #StormWatch/Hashtag | #/Punct | 1/Number"},
		{"e-mail before a full stop", "Write to news@kestrel.org.",
			"Write/Word | to/Word | news@kestrel.org/Email | ./Punct"},
		{"runs of the same mark", "Wait... what?! No -- never!!!",
			"Wait/Word | .../Punct | what/Word | ?/Punct | !/Punct | No/Word | --/Punct | never/Word | !!!/Punct"},
		{"ellipsis and dashes", "We waited… — and then – nothing",
			"We/Word | waited/Word | …/Punct | —/Punct | and/Word | then/Word | –/Punct | nothing/Word"},
		{"emoji with modifiers, joiners and flags", "👍🏽 great 👩‍🔬 🇺🇸🇬🇧",
			"👍🏽/Symbol | great/Word | 👩‍🔬/Symbol | 🇺🇸/Symbol | 🇬🇧/Symbol"},
		{"combining accents stay in the word", "cafe\u0301 naïve",
			"cafe\u0301/Word | naïve/Word"},
		{"Devanagari with vowel signs", "नमस्ते दुनिया।",
			"नमस्ते/Word | दुनिया/Word | ।/Punct"},
		{"non-breaking space and BOM separate", "\uFEFFMr.\u00a0Smith",
			"Mr/Word | ./Punct | Smith/Word"},
		{"invalid UTF-8 is a symbol of its own", "ab\xffcd \xe2\x80",
			"ab/Word | \xff/Symbol | cd/Word | \xe2/Symbol | \x80/Symbol"},
		{"number with apostrophe s", "the 1990's boom",
			"the/Word | 1990/Number | 's/Word | boom/Word"},
		{"leading apostrophe", "in the '90s",
			"in/Word | the/Word | '/Quote | 90s/Number"},
		{"brackets and symbols", "[1] (a) 3 + 4 = 7 & more",
			"[/Punct | 1/Number | ]/Punct | (/Punct | a/Word | )/Punct | 3/Number | +/Symbol | 4/Number | =/Symbol | 7/Number | &/Punct | more/Word"},
		{"empty and space only", " \t\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []string
			if tt.want != "" {
				want = strings.Split(tt.want, " | ")
			}
			assert.Equal(t, want, tokenStrings(tt.text))
		})
	}
}

func TestTokensOffsets(t *testing.T) {
	text := "Don’t go, Mr. O’Brien."
	want := []Token{
		{0, 2, Word}, {2, 7, Word}, {8, 10, Word}, {10, 11, Punct},
		{12, 14, Word}, {14, 15, Punct}, {16, 25, Word}, {25, 26, Punct},
	}
	assert.Equal(t, want, AppendTokens(nil, text))
	var got []Token
	for tok := range Tokens(text) {
		got = append(got, tok)
		if len(got) == 3 {
			break // the iterator stops when asked
		}
	}
	assert.Equal(t, want[:3], got)
}

func TestAppendNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Don’t", "don't"},
		{"N’T", "n't"},
		{"ÉCOLE", "école"},
		{"İstanbul", "istanbul"},
		{"ΣΑΣ", "σασ"},
		{"“", `"`},
		{"»", `"`},
		{"‘", "'"},
		{"`", "'"},
		{"…", "..."},
		{"U.S.", "u.s."},
		{"Straße", "straße"},
		{"\xffA", "\xffa"},
		{"12.5", "12.5"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, string(AppendNorm(nil, tt.in)), "AppendNorm(%q)", tt.in)
	}
	// It appends: the prefix stays.
	assert.Equal(t, "x:don't", string(AppendNorm([]byte("x:"), "DON'T")))
}

func TestAppendNormNoAlloc(t *testing.T) {
	buf := make([]byte, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		buf = AppendNorm(buf[:0], "Gould’s “DÉCISION”…")
	})
	assert.Zero(t, allocs)
	require.True(t, utf8.Valid(buf))
}

func TestTokenKindString(t *testing.T) {
	assert.Equal(t, "Hashtag", Hashtag.String())
	assert.Equal(t, "Kind(?)", Kind(200).String())
}
