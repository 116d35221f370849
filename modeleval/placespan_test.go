package modeleval

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Offsets worked out by hand.
func TestPlaceSpan(t *testing.T) {
	for _, tc := range []struct {
		text, sub string
		want      int
	}{
		{`"We knew him," he said.`, "he", 15},                      // the whole word outside the quotation
		{`The mayor said the plan would work, he said.`, "he", 36}, // not the "he" of "The" or "the"
		{`"He is late," he said.`, "he", 14},                       // case-sensitive: "He" inside the quote is another word
		{"\u201cHe said he would,\u201d he said.", "he", 24},       // curly quotes (3 bytes each): the "he" after the closing mark
		{`"Come, he said, and he will," she wrote.`, "he", 7},      // every whole-word "he" quoted: the first of them
		{`Theirs, they said.`, "he", 1},                            // no whole word: the first occurrence
		{`Nobody spoke.`, "he", -1},
		{`He said it.`, "", -1},
		{`According to the CDC, cases fell.`, "the CDC", 13},
	} {
		assert.Equal(t, tc.want, placeSpan(tc.text, tc.sub), "%q in %q", tc.sub, tc.text)
	}
}
