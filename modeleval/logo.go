package modeleval

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/stancekit/stancekit/corpus"
	"github.com/stancekit/stancekit/eval"
	"github.com/stancekit/stancekit/models"
)

// GroupScore is the evaluation of one held-out group of LeaveOneGroupOut.
type GroupScore struct {
	Group     string  `json:"group"`
	Articles  int     `json:"articles"`
	Sentences int     `json:"sentences"`
	MacroF1   float64 `json:"macro_f1"`         // over all labels (0 for a label absent from gold and predictions)
	PresentF1 float64 `json:"macro_f1_present"` // over the labels that occur in the group's gold
	Accuracy  float64 `json:"accuracy"`
	ECE       float64 `json:"ece"`
}

// LOGOReport is the result of LeaveOneGroupOut: one score per held-out
// group and their unweighted means (each kind of text counts once).
type LOGOReport struct {
	Field       string       `json:"field"`
	MinArticles int          `json:"min_articles"`
	Groups      []GroupScore `json:"groups"`
	MeanMacroF1 float64      `json:"mean_macro_f1"`
	MeanPresent float64      `json:"mean_macro_f1_present"`
	MeanECE     float64      `json:"mean_ece"`
}

// LeaveOneGroupOut estimates how a configuration does on kinds of text it
// was not trained on: for every value of the article field that at least
// minArticles articles have (a genre, an outlet), it trains on all other
// articles (every group, small ones included) and evaluates on that group.
// Groups are taken in sorted order; training is deterministic, so the
// report is too.
func LeaveOneGroupOut(articles []*corpus.Article, opts models.Options, field string, minArticles int) (*LOGOReport, error) {
	byGroup := map[string][]int{}
	for i, a := range articles {
		byGroup[a.Field(field)] = append(byGroup[a.Field(field)], i)
	}
	var groups []string
	for g, idx := range byGroup {
		if g != "" && len(idx) >= minArticles {
			groups = append(groups, g)
		}
	}
	slices.Sort(groups)
	if len(groups) < 2 {
		return nil, fmt.Errorf("modeleval: leave-one-group-out: %d values of %q have at least %d articles, need 2", len(groups), field, minArticles)
	}
	labels := LabelsOf(articles)
	rep := &LOGOReport{Field: field, MinArticles: minArticles}
	for _, g := range groups {
		var train, test []*corpus.Article
		for _, a := range articles {
			if a.Field(field) == g {
				test = append(test, a)
			} else {
				train = append(train, a)
			}
		}
		m, err := models.TrainWithLabels(train, labels, opts)
		if err != nil {
			return nil, fmt.Errorf("modeleval: leave out %s=%s: %w", field, g, err)
		}
		items, err := Predict(m, test, "", opts.Workers)
		if err != nil {
			return nil, err
		}
		r := eval.Evaluate(labels, items, eval.Options{})
		s := GroupScore{Group: g, Articles: len(test), MacroF1: r.Macro.F1, Accuracy: r.Accuracy}
		for _, a := range test {
			s.Sentences += len(a.Sentences)
		}
		present := 0
		for _, c := range r.Classes {
			if c.Support > 0 {
				s.PresentF1 += c.F1
				present++
			}
		}
		s.PresentF1 /= float64(present)
		if r.Calibration != nil {
			s.ECE = r.Calibration.ECE
		}
		rep.Groups = append(rep.Groups, s)
		rep.MeanMacroF1 += s.MacroF1 / float64(len(groups))
		rep.MeanECE += s.ECE / float64(len(groups))
		rep.MeanPresent += s.PresentF1 / float64(len(groups))
	}
	return rep, nil
}

// WriteText writes the report as an aligned table, worst group first.
func (r *LOGOReport) WriteText(w io.Writer) error {
	rows := slices.Clone(r.Groups)
	slices.SortStableFunc(rows, func(a, b GroupScore) int { return cmp.Compare(a.MacroF1, b.MacroF1) })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "held-out %s\tarticles\tsentences\tmacro-F1\tmacro-F1 (labels present)\taccuracy\tECE\t\n", r.Field)
	for _, g := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t\n", g.Group, g.Articles, g.Sentences, g.MacroF1, g.PresentF1, g.Accuracy, g.ECE)
	}
	fmt.Fprintf(tw, "mean of %d\t\t\t%.4f\t%.4f\t\t%.4f\t\n", len(rows), r.MeanMacroF1, r.MeanPresent, r.MeanECE)
	return tw.Flush()
}
