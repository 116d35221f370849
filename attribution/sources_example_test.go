package attribution_test

import (
	"fmt"

	"github.com/stancekit/stancekit/attribution"
	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/features/segment"
)

// Who is quoted in an article, and how often: what classify -format
// summary writes as "sources".
func ExampleSources() {
	a := &corpus.Article{Text: "Waimaru Mayor Grant Ellery visited Mill Street on Sunday. " +
		`"We will rebuild every house," he said. "Every one of them." ` +
		`"The river rose a metre in an hour," the fire service said.`}
	segment.New().Segment(a)
	quote := func(i int) bool { return i > 0 } // as a model would label them
	all := attribution.New().Article(a, quote, nil)
	var quotes []*attribution.Attribution
	for i := range all {
		if quote(i) {
			quotes = append(quotes, &all[i])
		} else {
			quotes = append(quotes, nil)
		}
	}
	sources, unattributed := attribution.Sources(quotes)
	for _, s := range sources {
		fmt.Printf("%s: %d quotes, first named %q at [%d,%d)\n", s.Speaker, s.Quotes, s.First, s.FirstStart, s.FirstEnd)
	}
	fmt.Println("unattributed:", unattributed)
	// Output:
	// Grant Ellery: 2 quotes, first named "Grant Ellery" at [14,26)
	// the fire service: 1 quotes, first named "the fire service" at [156,172)
	// unattributed: 0
}
