package attribution

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSourceKey(t *testing.T) {
	for in, want := range map[string]string{
		"The Kremlin": "kremlin", "the  kremlin.": "kremlin", "Ana Ruiz": "ana ruiz",
		"": "", "The": "", "Theodore Ruiz": "theodore ruiz",
	} {
		assert.Equal(t, want, SourceKey(in), "%q", in)
	}
}

// An article worked by hand: the mayor is quoted three times (named in
// full in sentence 0 at bytes 25–33 after her title, "she" later), the
// CDC once, and one quote has no speaker.
func TestSources(t *testing.T) {
	ruiz := func(mention string, ms, me int) *Attribution {
		a := None()
		a.Speaker, a.SpeakerStart, a.SpeakerEnd = "Ana Ruiz", 25, 33
		a.Mention, a.MentionStart, a.MentionEnd = mention, ms, me
		return &a
	}
	cdc := None()
	cdc.Speaker, cdc.SpeakerStart, cdc.SpeakerEnd = "the CDC", 129, 136
	cdc.Mention, cdc.MentionStart, cdc.MentionEnd = "the CDC", 129, 136
	bare := None()
	// Mayor Ana Ruiz is first named through her mention with the title, at
	// 19, before the speaker span.
	attrs := []*Attribution{&cdc, nil, ruiz("Mayor Ana Ruiz", 19, 33), ruiz("She", 60, 63), nil, &bare, ruiz("", -1, -1)}
	got, unattributed := Sources(attrs)
	assert.Equal(t, []Source{
		{Speaker: "Ana Ruiz", Quotes: 3, First: "Mayor Ana Ruiz", FirstStart: 19, FirstEnd: 33},
		{Speaker: "the CDC", Quotes: 1, First: "the CDC", FirstStart: 129, FirstEnd: 136},
	}, got)
	assert.Equal(t, 1, unattributed)

	// Ties keep the order of first quotation; "The CDC" is the same source.
	cdc2 := cdc
	cdc2.Speaker = "The CDC"
	got, _ = Sources([]*Attribution{&cdc, ruiz("", -1, -1), &cdc2, ruiz("", -1, -1)})
	assert.Equal(t, []string{"the CDC", "Ana Ruiz"}, []string{got[0].Speaker, got[1].Speaker})
	assert.Equal(t, []int{2, 2}, []int{got[0].Quotes, got[1].Quotes})

	got, unattributed = Sources(nil)
	assert.Empty(t, got)
	assert.Zero(t, unattributed)
}
