package attribution_test

import (
	"fmt"

	"github.com/stancekit/stancekit/attribution"
	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features/segment"
)

func Example() {
	a := &corpus.Article{Text: "Waimaru Mayor Grant Ellery visited Mill Street on Sunday. " +
		`"We will rebuild every house," he said. "Every one of them."`}
	segment.New().Segment(a)
	quote := func(i int) bool { return i > 0 } // as a model would label them
	at := attribution.New()
	for i, x := range at.Article(a, quote, nil) {
		if quote(i) {
			fmt.Printf("%d speaker %q [%d,%d) mention %q cue %q\n", i, x.Speaker, x.SpeakerStart, x.SpeakerEnd, x.Mention, x.Cue)
		}
	}
	// Output:
	// 1 speaker "Grant Ellery" [14,26) mention "he" cue "said"
	// 2 speaker "Grant Ellery" [14,26) mention "" cue ""
}
