package modeleval

import (
	"fmt"
	"strings"

	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/models"
)

// About describes a model and the command that evaluated it, for
// eval.Report.About: enough to tell which model made a report and to
// make it again. path is where the model was loaded from ("" for the
// embedded default); command is the command line, program name first.
func About(m *models.Model, path string, command []string) []eval.Fact {
	if path == "" {
		path = "embedded default (newsmodel/news.stkm)"
	}
	facts := []eval.Fact{
		{Key: "model", Value: path},
		{Key: "labels", Value: strings.Join(m.Labels, ", ")},
		{Key: "training options", Value: m.TrainingOptions().String()},
		{Key: "seed", Value: fmt.Sprint(m.Options.Seed)},
		{Key: "decoding", Value: m.Decode},
		{Key: "trained on", Value: fmt.Sprintf("%d articles, %d sentences", m.Trained.Articles, m.Trained.Sentences)},
		{Key: "corpus SHA-256", Value: m.Trained.CorpusHash},
		{Key: "model format version", Value: fmt.Sprint(m.FileVersion())},
	}
	if len(command) > 0 {
		facts = append(facts, eval.Fact{Key: "command", Value: quoteArgs(command)})
	}
	return facts
}

// quoteArgs joins a command line so that it can be pasted into a shell.
func quoteArgs(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\n'\"\\$`*?[]{}()<>|&;#~!") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		out[i] = a
	}
	return strings.Join(out, " ")
}
