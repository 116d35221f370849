// Package models trains, saves, loads and applies sentence classifiers.
//
// Every trainer here is linear at prediction time: a weight matrix W (one row
// per label) and a bias b score a sparse feature vector x as s = Wx + b. A
// stage's Scores method writes log-probabilities log softmax(s / T), with a
// temperature T (1 unless calibrated); that is the internal currency of the
// stages. What Workspace.Predict returns is different: Prediction.Probs
// are probabilities (each in [0, 1], summing to 1, after the second stage
// and the sequence layer), and Prediction.Label is the index of the
// largest. Trainers differ in how they find W:
//
//   - multinomial naive Bayes and complement naive Bayes (Rennie et al.
//     2003) count features per label;
//   - softmax logistic regression (L2) and a linear SVM (one-vs-rest,
//     squared hinge, L2, as LIBLINEAR's default) minimize their loss with
//     gonum's L-BFGS;
//   - NBSVM (Wang & Manning 2012) scales features by naive Bayes log-count
//     ratios before the SVM and interpolates the weights.
//
// A Model bundles the fitted feature pipeline, the sentence classifier, an
// optional second stage that reads the neighbours' predicted scores
// (stacking, trained on out-of-fold predictions) and an optional sequence
// layer (label transitions decoded with Viterbi), so that a sentence is
// labelled in the context of its article. A model may also carry a vector
// member (ConvMember: a 1-D convolution over the sentence's word vectors,
// max-pooled, trained with Adam on CPU), whose out-of-fold probabilities
// the second stage reads or that is averaged into the first stage's; the
// default news model has one of width 1 (DefaultConv), whose responses are
// computed once per word. After decoding, Predict applies one rule of the
// label guide that a model trained on few interviews does not learn: the
// answers of a Q&A interview, printed without quotation marks, are quotes
// (qa.go); and a neutral subheading between body paragraphs, which a model
// that has learned page furniture takes for a related-story headline, is
// fact (subheading.go). Model files start with a magic
// number and a format version, end with a CRC-32 of the body, and are written
// atomically (temporary file, then rename).
//
// Training is deterministic: the same data, options and seed give the same
// model bytes with any number of workers (work is split so that every sum is
// taken in one fixed order).
package models
