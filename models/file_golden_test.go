package models

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
)

var update = flag.Bool("update", false, "rewrite the model file fixture and its golden predictions under testdata/models")

const (
	fixtureDir   = "../testdata/models"
	fixtureModel = fixtureDir + "/tiny.model"
	fixtureGold  = fixtureDir + "/tiny.golden.json"
)

// goldenSentence is one sentence's expected prediction.
type goldenSentence struct {
	Text  string    `json:"text"`
	Label string    `json:"label"`
	Probs []float64 `json:"probs"`
}

// A model file written by an earlier build (the fixture) still loads, and
// the loaded model predicts what it predicted then. A deliberate change of
// the format (with a new FormatVersion), of the lexicons or of feature
// extraction breaks this test; then rewrite the fixture with
//
//	go test ./models -run TestModelFileGolden -update
func TestModelFileGolden(t *testing.T) {
	probe := synthCorpus(92, 3)
	if *update {
		o := fullOptions(LogReg)
		o.MaxIter = 50
		m, err := Train(synthCorpus(91, 20), o)
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(fixtureDir, 0o755))
		require.NoError(t, m.Save(fixtureModel))
		require.NoError(t, writeGolden(m, probe))
		t.Logf("rewrote %s and %s", fixtureModel, fixtureGold)
	}
	m, err := Load(fixtureModel)
	require.NoError(t, err, "a model file of format version %d no longer loads; if the change is deliberate, bump FormatVersion or rerun with -update", FormatVersion)
	b, err := os.ReadFile(fixtureGold)
	require.NoError(t, err)
	var want [][]goldenSentence
	require.NoError(t, json.Unmarshal(b, &want))
	got := goldenOf(m, probe)
	require.Len(t, got, len(want))
	for ai := range want {
		require.Len(t, got[ai], len(want[ai]))
		for i, w := range want[ai] {
			g := got[ai][i]
			assert.Equal(t, w.Text, g.Text)
			assert.Equal(t, w.Label, g.Label, "article %d sentence %d", ai, i)
			// Not bit for bit: fused multiply-add on some architectures
			// changes the last bits.
			assert.InDeltaSlice(t, w.Probs, g.Probs, 1e-9, "article %d sentence %d", ai, i)
		}
	}
}

func goldenOf(m *Model, probe []*corpus.Article) [][]goldenSentence {
	var out [][]goldenSentence
	for ai, ps := range predictAll(m, probe) {
		var gs []goldenSentence
		for i, p := range ps {
			gs = append(gs, goldenSentence{Text: probe[ai].Sentences[i].Text, Label: m.Labels[p.Label], Probs: p.Probs})
		}
		out = append(out, gs)
	}
	return out
}

func writeGolden(m *Model, probe []*corpus.Article) error {
	b, err := json.MarshalIndent(goldenOf(m, probe), "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Clean(fixtureGold), append(b, '\n'), 0o644)
}
