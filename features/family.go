package features

// Family is one family of features. Its features occupy Dim consecutive
// indexes of the pipeline's vectors, starting at the offset the pipeline
// gives it.
type Family interface {
	// Name names the family in reports ("cues", "ngrams", "vectors"...).
	Name() string
	// Dim is the number of features.
	Dim() int
	// FeatureName names feature j (0 ≤ j < Dim), for explanations.
	FeatureName(j int) string
	// Append adds the features of sentence i of x to v at off+j, in
	// increasing order of j, leaving out zeros.
	Append(x *Analysis, i int, off uint32, v *Vector)
}

// fitted is a Family that learns from training sentences (a vocabulary, idf
// weights): observe sees every training sentence, then finish stores what
// was learned in the state.
type fitted interface {
	Family
	observe(x *Analysis, i int)
	finish(sentences int, s *State)
}

// appendDense adds the non-zero values of vals at off, off+1, ...
func appendDense(v *Vector, off uint32, vals []float32) {
	for j, x := range vals {
		if x != 0 {
			v.Add(off+uint32(j), x)
		}
	}
}
