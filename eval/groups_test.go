package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGroups(t *testing.T) {
	items := synthItems(11, 40)
	items[0].Group = ""
	r := Evaluate(testLabels, items, Options{})
	require.NotEmpty(t, r.Groups)
	var names []string
	n := 0
	for _, g := range r.Groups {
		names = append(names, g.Name)
		n += g.N
		var sub []Item
		for _, it := range items {
			if it.Group == g.Name || (it.Group == "" && g.Name == NoGroup) {
				sub = append(sub, it)
			}
		}
		assert.Equal(t, Evaluate(testLabels, sub, Options{}).Metrics, g.Metrics, g.Name)
	}
	assert.Equal(t, []string{NoGroup, "agency", "broadsheet", "tabloid"}, names, "sorted by name")
	assert.Equal(t, len(items), n)

	for i := range items {
		items[i].Group = ""
	}
	assert.Nil(t, Evaluate(testLabels, items, Options{}).Groups, "no groups, no breakdown")
}
