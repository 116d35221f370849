package modeleval

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/models"
)

// ReadAll reads every article of the inputs.
//
// Deprecated: use corpus.ReadAll; reading belongs to corpus.
func ReadAll(paths []string, opts corpus.ReaderOptions) ([]*corpus.Article, []error, error) {
	return corpus.ReadAll(paths, opts)
}

// EvalItems classifies the gold articles' own sentences (each in the context
// of its article) and returns one eval item per sentence, in article order,
// ready for eval.Evaluate. (Workspace.Predict labels one article;
// EvalItems scores a gold corpus against its labels.)
// group names the article field used for the per-group breakdown ("" for
// none). Gold labels the model does not know are an error naming the
// article. workers ≤ 0 uses all cores; the result does not depend on it.
func EvalItems(m *models.Model, gold []*corpus.Article, group string, workers int) ([]eval.Item, error) {
	index := make(map[string]int, len(m.Labels))
	for i, l := range m.Labels {
		index[l] = i
	}
	for _, a := range gold {
		if len(a.Sentences) == 0 {
			return nil, fmt.Errorf("modeleval: %s: gold article has no sentences", origin(a))
		}
		for i, s := range a.Sentences {
			if _, ok := index[s.Label]; !ok {
				return nil, fmt.Errorf("modeleval: %s: sentence %d: gold label %q is not one of the model's labels %v", origin(a), i, s.Label, m.Labels)
			}
		}
	}
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	per := make([][]eval.Item, len(gold))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ws := m.NewWorkspace()
			for ai := range next {
				a := gold[ai]
				preds := ws.Predict(a)
				items := make([]eval.Item, len(preds))
				g := ""
				if group != "" {
					g = a.Field(group)
				}
				for i, p := range preds {
					items[i] = eval.Item{
						Article: a.ID, Sentence: i, Text: a.Sentences[i].Text,
						Gold: index[a.Sentences[i].Label], Pred: p.Label,
						Probs: append([]float64(nil), p.Probs...), Group: g,
					}
				}
				per[ai] = items
			}
		}()
	}
	for ai := range gold {
		next <- ai
	}
	close(next)
	wg.Wait()
	var items []eval.Item
	for _, it := range per {
		items = append(items, it...)
	}
	return items, nil
}

func origin(a *corpus.Article) string {
	if a.File != "" && a.Line > 0 {
		return fmt.Sprintf("%s:%d (%s)", a.File, a.Line, a.ID)
	}
	return a.ID
}

// Predict is the old name of EvalItems, easily confused with
// models.Workspace.Predict.
//
// Deprecated: use EvalItems.
func Predict(m *models.Model, gold []*corpus.Article, group string, workers int) ([]eval.Item, error) {
	return EvalItems(m, gold, group, workers)
}
