package newsmodel_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/modeleval"
	"github.com/stancekit/stancekit/models"
)

var ablation = flag.Bool("ablation", false, "print the ablation table of BENCHMARKS.md (trains every configuration; minutes)")

type config struct {
	name string
	opts func() models.Options
}

func plain(o models.Options) models.Options {
	o.Stack, o.Sequence, o.Calibrate = false, false, false
	return o.WithConv(models.ConvOptions{}) // the vector member needs stacking
}

// ablationConfigs are the rows of the ablation table, each adding one part.
func ablationConfigs() []config {
	return []config{
		{"bag of words (word 1-2-grams, tf-idf)", func() models.Options {
			o := plain(models.DefaultOptions())
			o.Features = features.BagOfWordsConfig()
			return o
		}},
		{"+ cues", func() models.Options { return plain(models.DefaultOptions()) }},
		{"+ context features (±2 neighbours' cues, paragraph, position, neighbours' words)", func() models.Options {
			o := plain(models.DefaultOptions())
			o.Features.Context, o.Features.Position, o.Features.ContextWords = 2, true, true
			return o
		}},
		{"cues + stacking (neighbours' out-of-fold scores), calibrated", func() models.Options {
			o := models.DefaultOptions()
			o.Sequence = false
			return o
		}},
		{"+ sequence layer, transition weight tuned on out-of-fold scores (default model)", models.DefaultOptions},
		{"sequence layer with a fixed transition weight 0.5, Viterbi decoding", func() models.Options {
			o := models.DefaultOptions()
			o.SeqWeight = 0.5
			return o
		}},
		{"default with logistic regression (C=10)", func() models.Options {
			o := models.DefaultOptions()
			o.Model, o.C = models.LogReg, 10
			return o
		}},
		{"default with NBSVM", func() models.Options {
			o := models.DefaultOptions()
			o.Model = models.NBSVM
			return o
		}},
		{"default with multinomial NB", func() models.Options {
			o := models.DefaultOptions()
			o.Model = models.MNB
			o.Features.Vectors = "" // naive Bayes reads counts, and the member reads vectors
			return o.WithConv(models.ConvOptions{})
		}},
		{"default with complement NB", func() models.Options {
			o := models.DefaultOptions()
			o.Model = models.CNB
			o.Features.Vectors = "" // naive Bayes reads counts, and the member reads vectors
			return o.WithConv(models.ConvOptions{})
		}},
	}
}

// TestAblationTable prints the ablation table: each configuration trained
// on train.jsonl, scored on dev.jsonl (tuning) and test.jsonl (report).
//
//	go test ./newsmodel -run TestAblationTable -ablation -v -timeout 60m
func TestAblationTable(t *testing.T) {
	if !*ablation {
		t.Skip("run with -ablation to print the ablation table")
	}
	train, dev, test := readSplit(t, "train"), readSplit(t, "dev"), readSplit(t, "test")
	var b strings.Builder
	fmt.Fprintln(&b, "| configuration | dev macro-F1 | test macro-F1 | appeal | fact | opinion | quote | train s (1 core) |")
	fmt.Fprintln(&b, "|---|---:|---:|---:|---:|---:|---:|---:|")
	for i, c := range ablationConfigs() {
		o := c.opts()
		o.Workers = 1
		start := time.Now()
		m, err := models.Train(train, o)
		require.NoError(t, err)
		secs := time.Since(start).Seconds()
		if i == 5 {
			m.Decode = models.DecodeViterbi
		}
		devItems, err := modeleval.EvalItems(m, dev, "", 0)
		require.NoError(t, err)
		testItems, err := modeleval.EvalItems(m, test, "", 0)
		require.NoError(t, err)
		d := eval.Evaluate(m.Labels, devItems, eval.Options{})
		r := eval.Evaluate(m.Labels, testItems, eval.Options{})
		fmt.Fprintf(&b, "| %s | %.4f | %.4f |", c.name, d.Macro.F1, r.Macro.F1)
		for _, cl := range r.Classes {
			fmt.Fprintf(&b, " %.3f |", cl.F1)
		}
		fmt.Fprintf(&b, " %.1f |\n", secs)
	}
	fmt.Fprint(os.Stdout, b.String())
}
