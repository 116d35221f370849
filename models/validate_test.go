package models

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 13 item 7: a body altered and re-wrapped with a fresh CRC loaded
// and gave wrong answers (or panicked in Predict). Each mutation here is
// a well-formed file with nonsense inside: Decode must refuse it with
// ErrCorrupt and a message naming what is wrong.
func TestDecodeRejectsNonsense(t *testing.T) {
	m, err := smallModel()
	require.NoError(t, err)
	require.NotNil(t, m.Stage2)
	require.NotNil(t, m.Chain)
	clone := func() modelFile {
		mf := fileOf(m)
		s1, s2, ch := *m.Stage1, *m.Stage2, *m.Chain
		s1.W, s1.B, s1.LabelNames = slices.Clone(s1.W), slices.Clone(s1.B), slices.Clone(s1.LabelNames)
		s2.W, s2.B = slices.Clone(s2.W), slices.Clone(s2.B)
		ch.Start, ch.Trans = slices.Clone(ch.Start), slices.Clone(ch.Trans)
		mf.Stage1, mf.Stage2, mf.Chain = s1, &s2, &ch
		mf.Labels = slices.Clone(mf.Labels)
		mf.Pipeline.Keys = slices.Clone(mf.Pipeline.Keys)
		mf.Pipeline.IDF = slices.Clone(mf.Pipeline.IDF)
		return mf
	}
	nan := math.NaN()
	tests := []struct {
		name   string
		mutate func(*modelFile)
		want   string
	}{
		{"NaN weight", func(mf *modelFile) { mf.Stage1.W[7] = float32(nan) }, "weight"},
		{"infinite stage-2 weight", func(mf *modelFile) { mf.Stage2.W[3] = float32(math.Inf(1)) }, "stage 2"},
		{"NaN bias", func(mf *modelFile) { mf.Stage1.B[1] = nan }, "bias entry 1"},
		{"NaN temperature", func(mf *modelFile) { mf.Stage2.Temperature = nan }, "temperature"},
		{"negative temperature", func(mf *modelFile) { mf.Stage1.Temperature = -1 }, "temperature"},
		{"infinite transition", func(mf *modelFile) { mf.Chain.Trans[2] = math.Inf(-1) }, "sequence layer"},
		{"NaN transition weight", func(mf *modelFile) { mf.Chain.Weight = nan }, "sequence layer"},
		{"duplicate labels", func(mf *modelFile) { mf.Labels[1] = mf.Labels[0] }, "distinct"},
		{"empty label", func(mf *modelFile) { mf.Labels[0] = "" }, "named"},
		{"stage labels in another order", func(mf *modelFile) { slices.Reverse(mf.Stage1.LabelNames) }, "stage 1"},
		{"one label", func(mf *modelFile) { mf.Labels = mf.Labels[:1] }, "1 labels"},
		{"too many labels", func(mf *modelFile) { mf.Labels = make([]string, maxLabels+1) }, "labels (want 2 to"},
		{"unsorted vocabulary", func(mf *modelFile) {
			ks := mf.Pipeline.Keys
			ks[0], ks[1] = ks[1], ks[0]
		}, "not sorted"},
		{"repeated vocabulary key", func(mf *modelFile) { mf.Pipeline.Keys[1] = mf.Pipeline.Keys[0] }, "not sorted"},
		{"negative idf", func(mf *modelFile) { mf.Pipeline.IDF[0] = -2 }, "idf entry 0"},
		{"NaN idf", func(mf *modelFile) { mf.Pipeline.IDF[3] = float32(nan) }, "idf entry 3"},
		{"negative buckets", func(mf *modelFile) { mf.Pipeline.Config.Buckets = -1 }, "hash buckets"},
		{"huge buckets", func(mf *modelFile) { mf.Pipeline.Config.Buckets = 1 << 40 }, "hash buckets"},
		{"wrong stage-2 dimension", func(mf *modelFile) { mf.Stage2.Dim++ }, "dimension"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mf := clone()
			tt.mutate(&mf)
			got, err := decodeNoPanic(t, frame(FormatVersion, gzipped(t, gobOf(t, mf))))
			require.Error(t, err)
			assert.Nil(t, got)
			assert.ErrorIs(t, err, ErrCorrupt)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	// The clone itself, unaltered, still loads: the table tests the
	// mutations, not the cloning.
	_, err = decodeNoPanic(t, frame(FormatVersion, gzipped(t, gobOf(t, clone()))))
	require.NoError(t, err)
}

// A dimension forged so that labels × dimension wraps around to the
// length of the weights given: with 4 labels, 2⁶² hash buckets make
// 4 × (dense + 2⁶²) ≡ 4 × dense (mod 2⁶⁴). The shape check passed before
// and Predict indexed far outside the weights.
func TestDecodeRejectsOverflowingDimension(t *testing.T) {
	m, err := smallModel()
	require.NoError(t, err)
	mf := fileOf(m)
	labels := []string{"a", "b", "c", "d"}
	cfg := mf.Pipeline.Config
	cfg.Buckets, cfg.Weighting = 1<<62, 0 // binary: no idf to give away the size
	mf.Pipeline.Config, mf.Pipeline.Keys, mf.Pipeline.Names, mf.Pipeline.IDF = cfg, nil, nil, nil
	dense := m.Pipeline.Dim() - len(m.Pipeline.State().Keys)
	mf.Labels = labels
	mf.Stage1 = Linear{Kind: "svm", LabelNames: labels, Dim: dense + 1<<62, W: make([]float32, 4*dense), B: make([]float64, 4)}
	mf.Stage2, mf.Chain = nil, nil
	_, err = decodeNoPanic(t, frame(FormatVersion, gzipped(t, gobOf(t, mf))))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrCorrupt)
}
