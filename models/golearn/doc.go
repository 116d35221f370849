// Package golearn puts two classifiers of golearn
// (github.com/sjwhitworth/golearn, version v0.0.0-20221228163002-74ae077eafb2)
// behind models.Classifier: a random forest of ID3 trees and k nearest
// neighbours. They are nonlinear baselines for the dense cue features, to
// compare with stancekit's linear models; they are not the default and
// nothing in stancekit trains them unless asked.
//
// Conventions:
//   - A model reads the first Options.Columns entries of each row (by default
//     features.NumCues, the sentence's own cue vector; DenseDim gives the
//     width of the whole dense block of a features.Config: cues, neighbours'
//     cues, position). Later entries, the n-gram block, are ignored when
//     training and when scoring.
//   - Scores reports log((v_k + s) / (V + K s)) for label k, where v_k are
//     the label's votes, V their sum, K the number of labels and s =
//     Options.Smoothing (0.5 by default), so that no score is −Inf. A
//     forest's votes are its trees' leaf class fractions (as scikit-learn's
//     predict_proba); k-NN's are one per neighbour.
//   - Same data, options and seed, same classifier, with any number of
//     workers. golearn's own ensemble.RandomForest cannot give that: it draws
//     from math/rand's global generator, which Go 1.24 and later no longer
//     let a program seed, from concurrent goroutines. So the forest here is
//     golearn's recipe with the draws made by a seeded generator: each tree
//     is a golearn ID3 tree (trees.ID3DecisionTree, unpruned, as
//     ensemble.RandomForest builds them) grown on a bootstrap sample of the
//     rows and a random subset of Options.Features columns drawn once per
//     tree, as meta.BaggedModel does. golearn's information-gain split rule
//     also breaks ties between attributes by map order (refitting one tree on
//     the same rows gave a different tree 13 times in 19), so trees are grown
//     with an equivalent rule that takes candidates in column order.
//   - k-NN searches golearn's k-d tree (package kdtree) with golearn's
//     pairwise distances, as knn.KNNClassifier does with Algorithm "kdtree";
//     KNNClassifier itself returns only the majority label (ties by map
//     order) and prints progress to standard output, so it is not called.
//   - The package needs no cgo: golearn's knn and ensemble packages do (knn's
//     optimised search is C, ensemble links linear_models), so they are
//     imported only by tests built with cgo, which check that k-NN finds what
//     knn.KNNClassifier finds and that the forest is no worse than
//     ensemble.RandomForest.
//
// Limits:
//   - Dense only. golearn stores every value of a row, so n-grams (thousands
//     of columns) are out of reach; even the dense block is slow. On the
//     4,449 training sentences of testdata/news with the 41 cues, 20 trees
//     of 20 columns took about 16 s to grow on two cores and 2 ms a sentence
//     to score; k-NN took about 25 ms a sentence, because golearn's k-d tree
//     visits most of its nodes in 41 dimensions and allocates at each. With
//     the 217 columns of one neighbour each side and position, the forest (108
//     columns a tree) took minutes. Accuracy on testdata/news/dev.jsonl was
//     about 0.75 for both with cues alone, 0.80 for the forest with the wider
//     block.
//   - Not saved in model files: stancekit's format holds linear models
//     only, and golearn's own serialization of trees does not fit it. Keep
//     the training data and refit (Fit is deterministic).
//   - Other golearn parts are not used. Its linear models (linear_models:
//     LogisticRegression, LinearSVC, via liblinear in C) crash on current Go:
//     Fit panics with "runtime error: argument of cgo function has Go
//     pointer to unpinned Go pointer" (liblinear.go:65, in Train), because
//     they hand C a Go array of Go pointers; with GODEBUG=cgocheck=0 they
//     run but print liblinear's progress to standard output. golearn's
//     cosine distance divides by zero for an all-zero cue vector, so
//     Options.Distance offers euclidean and manhattan only.
//
// References: ID3, Quinlan 1986, "Induction of decision trees", Machine
// Learning 1; bagging, Breiman 1996, Machine Learning 24; one random
// attribute subset per tree, Ho 1998, "The random subspace method for
// constructing decision forests", IEEE TPAMI 20; k nearest neighbours,
// Cover & Hart 1967; k-d trees, Bentley 1975.
package golearn
