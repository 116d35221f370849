package newsmodel_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/newsmodel"
)

// End to end with the embedded model: a neutral subheading between body
// paragraphs is fact (models/subheading.go), a price tier in the same
// place stays appeal (its price cue), whatever the model first said.
func TestSubheadingsAndPriceLines(t *testing.T) {
	m, err := newsmodel.Load()
	require.NoError(t, err)
	body := "The council voted on Tuesday to close the Harbour Road pool for repairs. Work will take six months.\n\n"
	rest := "\n\nThe council said the repairs would cost $2.4 million, paid from its capital reserve. A public meeting is set for March."
	ws := m.NewWorkspace()
	label := func(line string) string {
		a := &corpus.Article{ID: "pool", Text: body + line + rest}
		preds := ws.Predict(a)
		require.Len(t, a.Sentences, 5)
		return m.Labels[preds[2].Label]
	}
	assert.Equal(t, "fact", label("Where to swim instead"))
	assert.Equal(t, "appeal", label("$10 a month"))
	assert.Equal(t, "appeal", label("Advertisement"))
}
