package newsmodel_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/modeleval"
	"github.com/stancekit/stancekit/models"
	"github.com/stancekit/stancekit/newsmodel"
)

func readSplit(t testing.TB, name string) []*corpus.Article {
	t.Helper()
	arts, bad, err := corpus.ReadAll([]string{filepath.Join("..", "testdata", "news", name+".jsonl")}, corpus.ReaderOptions{})
	require.NoError(t, err)
	require.Empty(t, bad)
	return arts
}

// The embedded model must be exactly what `go generate ./newsmodel` makes
// from today's train.jsonl: training is deterministic, so any difference
// means the model, the corpus or the code changed without regenerating.
func TestEmbeddedModelIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("retrains the default model")
	}
	if raceEnabled {
		// Training has no shared state to race on (its determinism across
		// worker counts is tested in models); under the detector it takes
		// minutes. .ci/run runs this test without -race.
		t.Skip("retraining under the race detector is too slow; run without -race")
	}
	m, err := models.Train(readSplit(t, "train"), models.DefaultOptions())
	require.NoError(t, err)
	var b bytes.Buffer
	_, err = m.WriteTo(&b)
	require.NoError(t, err)
	if !bytes.Equal(b.Bytes(), newsmodel.Bytes()) {
		t.Fatalf("the embedded model (%d bytes) differs from a fresh training run (%d bytes): run `go generate ./newsmodel`", len(newsmodel.Bytes()), b.Len())
	}
}

// Regression guard on the held-out split: floors a little under the scores
// measured when the model was last regenerated (see BENCHMARKS.md); raise
// them when the model improves.
func TestDefaultModelFloors(t *testing.T) {
	m, err := newsmodel.Load()
	require.NoError(t, err)
	rep := modeleval.RequireFloors(t, m, readSplit(t, "test"), modeleval.Floors{
		MacroF1: 0.895,
		Recall:  map[string]float64{"appeal": 0.98, "quote": 0.85},
		F1:      map[string]float64{"appeal": 0.96, "fact": 0.87, "opinion": 0.84, "quote": 0.89},
	})
	t.Logf("test.jsonl: macro-F1 %.4f accuracy %.4f", rep.Macro.F1, rep.Accuracy)
}

func TestLoadLabels(t *testing.T) {
	m, err := newsmodel.Load()
	require.NoError(t, err)
	assert.Equal(t, []string{"appeal", "fact", "opinion", "quote"}, m.Labels)
}

func BenchmarkDefaultModel(b *testing.B) {
	m, err := newsmodel.Load()
	require.NoError(b, err)
	modeleval.ReportBenchmark(b, m, readSplit(b, "test"))
}

func Example() {
	m, err := newsmodel.Load()
	if err != nil {
		panic(err)
	}
	a := &corpus.Article{ID: "example", Text: "The council approved the budget on Tuesday. \"We had no choice,\" the mayor said.\n\nSupport our journalism. Subscribe today for $1 a week."}
	ws := m.NewWorkspace()
	for i, p := range ws.Predict(a) {
		fmt.Printf("%-7s %s\n", m.Labels[p.Label], a.Sentences[i].Text)
	}
	// Output:
	// fact    The council approved the budget on Tuesday.
	// quote   "We had no choice," the mayor said.
	// appeal  Support our journalism.
	// appeal  Subscribe today for $1 a week.
}
