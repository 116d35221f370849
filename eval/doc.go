// Package eval scores sentence labellers: it turns gold and predicted labels
// into metrics, confidence intervals, calibration figures, error lists,
// cross-validation folds, model comparisons and reports (text, JSON,
// Markdown, HTML with plots). It knows nothing of the models that made the
// predictions.
//
// Conventions:
//   - Labels are indices into a label slice that the caller passes, in the
//     order reports should use (stancekit passes them sorted). Every table,
//     JSON object and plot keeps that order; nothing is ordered by map
//     iteration.
//   - A confusion matrix has gold labels as rows and predicted labels as
//     columns.
//   - 0/0 is 0: precision of a class never predicted, recall of a class absent
//     from gold, F of a class with P = R = 0, Cohen's kappa and MCC when the
//     chance term leaves no variance, any mean over nothing. This is
//     scikit-learn's zero_division=0; unlike scikit-learn, kappa is 0 (not NaN)
//     when both raters use one label only. No NaN or Inf reaches a report.
//   - Macro averages run over all labels given, including labels that occur
//     neither in gold nor in predictions (scikit-learn with labels=...).
//     Micro averages pool true and false positives over all labels; for
//     single-label data they equal accuracy.
//   - The unit of resampling is the article (Item.Article): sentences of one
//     article are not independent, so bootstrap samples and CV folds take or
//     leave an article whole. Items with an empty Article are articles of
//     their own.
//   - Randomness comes from a *rand.Rand (math/rand/v2) or a seed the caller
//     gives; same seed, same output.
//   - Invalid indices (a label index out of range, Probs of the wrong length,
//     paired item slices that do not match) are programmer errors and panic
//     with an "eval: " prefix; data-dependent failures return an error.
//
// Reports: Evaluate and EvaluateFolds return a *Report, which writes
// itself as aligned text (WriteText), JSON (WriteJSON; the fields n,
// accuracy, macro, weighted, labels, classes, confusion and folds are a
// contract and keep their names), Markdown tables (WriteMarkdown) and one
// self-contained HTML page with inline SVG plots drawn by gonum/plot
// (WriteHTML). testdata/eval holds golden copies of each format.
//
// Definitions and references:
//   - Per-class precision, recall, F1 and F-beta (van Rijsbergen 1979), with
//     support; micro, macro and support-weighted averages.
//   - Cohen's kappa (Cohen 1960).
//   - Matthews correlation for K classes as Gorodkin's R_K (Gorodkin 2004,
//     "Comparing two K-category assignments by a K-category correlation
//     coefficient", Comput. Biol. Chem. 28), the formula scikit-learn uses.
//   - Percentile bootstrap intervals over articles (Efron & Tibshirani 1993,
//     "An Introduction to the Bootstrap", ch. 13), quantiles interpolated
//     linearly as numpy's default; paired bootstrap for differences between
//     two systems (Koehn 2004), with a two-sided p-value of
//     2·min(#{d ≤ 0}+1, #{d ≥ 0}+1)/(B+1) capped at 1 (Davison & Hinkley
//     1997, ch. 4).
//   - McNemar's test (McNemar 1947) on the discordant pairs: exact two-sided
//     binomial when there are fewer than 25, chi-square with Edwards' (1948)
//     continuity correction otherwise.
//   - Expected calibration error over 10 equal-width bins of the maximum
//     probability (Naeini et al. 2015; Guo et al. 2017, "On Calibration of
//     Modern Neural Networks"); the multi-class Brier score (Brier 1950).
//   - Stratified group K-fold: greedy assignment of articles, rarest labels
//     first, in the spirit of iterative stratification (Sechidis et al. 2011).
package eval
