package segment_test

import (
	"fmt"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features/segment"
	"github.com/stancekit/stancekit/features/token"
)

// Sentences splits where a copy editor would: not after "Dr." or the
// initials of a name, but after "U.S." when a new sentence follows; a quote
// that spans sentences is split at each of them; a line without final
// punctuation (a button label) and a blank line end a sentence.
func ExampleSegmenter_Sentences() {
	text := "Dr. Imani Okafor moved to the U.S. It was 1998.\n\n" +
		"\"We will rebuild. Every street, every school,\" Gov. Maria T. Reyes said.\n" +
		"Remind me later"
	seg := segment.New()
	for b := range seg.Sentences(text) {
		fmt.Printf("%d [%d:%d] %s\n", b.Para, b.Start, b.End, text[b.Start:b.End])
	}
	// Output:
	// 0 [0:34] Dr. Imani Okafor moved to the U.S.
	// 0 [35:47] It was 1998.
	// 1 [49:66] "We will rebuild.
	// 1 [67:121] Every street, every school," Gov. Maria T. Reyes said.
	// 2 [122:137] Remind me later
}

// Tokens keep byte offsets into the original text; AppendNorm gives the
// form features use: lower case, straight quotes. Clitics are tokens of
// their own.
func ExampleTokens() {
	text := "“Don’t pay $4.99,” said @KestrelNews."
	var norm []byte
	for t := range token.Tokens(text) {
		norm = token.AppendNorm(norm[:0], text[t.Start:t.End])
		fmt.Printf("%-8s %-12q %q\n", t.Kind, text[t.Start:t.End], norm)
	}
	// Output:
	// Quote    "“"          "\""
	// Word     "Do"         "do"
	// Word     "n’t"        "n't"
	// Word     "pay"        "pay"
	// Symbol   "$"          "$"
	// Number   "4.99"       "4.99"
	// Punct    ","          ","
	// Quote    "”"          "\""
	// Word     "said"       "said"
	// Handle   "@KestrelNews" "@kestrelnews"
	// Punct    "."          "."
}

// Segment fills an article's paragraphs and sentences from its raw text.
func ExampleSegmenter_Segment() {
	a := &corpus.Article{Text: "Read more: Storm damage in pictures\n\nThe storm passed at 4 p.m. Tuesday. Crews are out."}
	segment.New().Segment(a)
	for _, s := range a.Sentences {
		fmt.Printf("%d %q\n", s.Para, s.Text)
	}
	// Output:
	// 0 "Read more: Storm damage in pictures"
	// 1 "The storm passed at 4 p.m. Tuesday."
	// 1 "Crews are out."
}
