package vectors_test

import (
	"fmt"
	"strings"

	"github.com/stancekit/stancekit/features/vectors"
)

// Read GloVe-style text vectors and look a word up.
func ExampleReadText() {
	in := "the 0.5 -0.5\nsaid 1.0 0.25\n"
	t, err := vectors.ReadText(strings.NewReader(in), "tiny.txt", vectors.TextOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d words, dim %d, said is row %d: %.2f\n", t.Len(), t.Dim, t.Lookup("said"), t.Vector(t.Lookup("said")))
	// Output: 2 words, dim 2, said is row 1: [1.00 0.25]
}
