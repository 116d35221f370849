package eval

// Fold holds the held-out predictions of one fold of one repeat of a
// cross-validation.
type Fold struct {
	Repeat int // 0-based repeat of the whole K-fold split
	Index  int // 0-based fold within the repeat
	Items  []Item
}

// FoldScore is the score of one fold.
type FoldScore struct {
	Repeat     int     `json:"repeat"`
	Fold       int     `json:"fold"`
	N          int     `json:"n"`
	Accuracy   float64 `json:"accuracy"`
	MacroF1    float64 `json:"macro_f1"`
	WeightedF1 float64 `json:"weighted_f1"`
	Kappa      float64 `json:"kappa"`
	MCC        float64 `json:"mcc"`
}

// Summary is the mean and sample standard deviation (n−1) of a metric over
// folds; the standard deviation of one fold is 0.
type Summary struct {
	Mean float64 `json:"mean"`
	Std  float64 `json:"std"`
}

// FoldsSummary summarises the fold scores.
type FoldsSummary struct {
	Folds      int     `json:"folds"` // number of fold scores (K × repeats)
	Repeats    int     `json:"repeats"`
	Accuracy   Summary `json:"accuracy"`
	MacroF1    Summary `json:"macro_f1"`
	WeightedF1 Summary `json:"weighted_f1"`
	Kappa      Summary `json:"kappa"`
	MCC        Summary `json:"mcc"`
}

// EvaluateFolds evaluates the held-out predictions of a cross-validation
// (modeleval.CrossValidate trains the folds and calls it).
// The report's metrics, intervals, calibration, groups and errors are those
// of Evaluate on all folds pooled (with R repeats every sentence counts R
// times, and the bootstrap still resamples whole articles, all their
// copies together); Folds scores each fold alone and FoldsSummary gives
// the mean and standard deviation of those scores.
func EvaluateFolds(labels []string, folds []Fold, opts Options) *Report {
	var pooled []Item
	for _, f := range folds {
		pooled = append(pooled, f.Items...)
	}
	r := Evaluate(labels, pooled, opts)
	r.Folds = make([]FoldScore, len(folds))
	var acc, mf1, wf1, kappa, mcc []float64
	repeats := map[int]bool{}
	for i, f := range folds {
		m := confusionOf(labels, f.Items).Metrics(opts.Beta)
		r.Folds[i] = FoldScore{
			Repeat: f.Repeat, Fold: f.Index, N: m.N,
			Accuracy: m.Accuracy, MacroF1: m.Macro.F1, WeightedF1: m.Weighted.F1,
			Kappa: m.Kappa, MCC: m.MCC,
		}
		acc = append(acc, m.Accuracy)
		mf1 = append(mf1, m.Macro.F1)
		wf1 = append(wf1, m.Weighted.F1)
		kappa = append(kappa, m.Kappa)
		mcc = append(mcc, m.MCC)
		repeats[f.Repeat] = true
	}
	summary := func(xs []float64) Summary {
		m, s := meanStd(xs)
		return Summary{Mean: m, Std: s}
	}
	r.FoldsSummary = &FoldsSummary{
		Folds:      len(folds),
		Repeats:    len(repeats),
		Accuracy:   summary(acc),
		MacroF1:    summary(mf1),
		WeightedF1: summary(wf1),
		Kappa:      summary(kappa),
		MCC:        summary(mcc),
	}
	return r
}

// CrossValidation is the old name of EvaluateFolds, easily confused with
// modeleval.CrossValidate, which runs a cross-validation.
//
// Deprecated: use EvaluateFolds.
func CrossValidation(labels []string, folds []Fold, opts Options) *Report {
	return EvaluateFolds(labels, folds, opts)
}
