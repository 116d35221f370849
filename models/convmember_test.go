package models

import (
	"bytes"
	"encoding/binary"
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// convOptions are fullOptions with a small ordered-vector member.
func convOptions(mix string, workers int) Options {
	o := fullOptions(LogReg)
	o.Workers = workers
	return o.WithConv(ConvOptions{Filters: 8, Epochs: 2, Dropout: 0.25, Mix: mix, Seed: 3})
}

// A model with the member trains the same bytes with 1 and 4 workers, is
// written as format version 2, and decodes to a model that predicts the
// same probabilities, bit for bit.
func TestConvMemberTrainSaveDecode(t *testing.T) {
	data := readArticles(t, "../testdata/news/train.jsonl", 12)
	for _, mix := range []string{ConvMixAverage, ConvMixStack} {
		t.Run(mix, func(t *testing.T) {
			m1, err := Train(data, convOptions(mix, 1))
			require.NoError(t, err)
			require.NotNil(t, m1.Conv)
			assert.Equal(t, mix, m1.Conv.Mix)
			m4, err := Train(data, convOptions(mix, 4))
			require.NoError(t, err)
			b := modelBytes(t, m1)
			assert.True(t, bytes.Equal(b, modelBytes(t, m4)), "workers 1 and 4 give different bytes")
			assert.Equal(t, uint32(FormatVersionConv), binary.LittleEndian.Uint32(b[len(magic):]))
			assert.Equal(t, FormatVersionConv, m1.FileVersion())
			wantDim := m1.Stage1.Dim + stackDim(len(m1.Labels))
			if mix == ConvMixStack {
				wantDim += stackDim(len(m1.Labels))
			} else {
				assert.Contains(t, convWeights, m1.Conv.Weight)
			}
			assert.Equal(t, wantDim, m1.Stage2.Dim)

			back, err := Decode(b)
			require.NoError(t, err)
			require.NotNil(t, back.Conv)
			want, got := predictAll(m1, data), predictAll(back, data)
			for ai := range want {
				for i := range want[ai] {
					assert.Equal(t, want[ai][i].Probs, got[ai][i].Probs, "article %d sentence %d", ai, i)
				}
			}
			assert.True(t, bytes.Equal(b, modelBytes(t, back)), "decoding and encoding again changes the bytes")
		})
	}
}

// The member changes the predictions (it is in use), and turning it off
// (Filters 0) gives the model of today, byte for byte, at format version 1.
func TestConvMemberOff(t *testing.T) {
	data := readArticles(t, "../testdata/news/train.jsonl", 8)
	plain, err := Train(data, fullOptions(LogReg))
	require.NoError(t, err)
	off, err := Train(data, fullOptions(LogReg).WithConv(ConvOptions{}))
	require.NoError(t, err)
	assert.Nil(t, off.Conv)
	b := modelBytes(t, plain)
	assert.True(t, bytes.Equal(b, modelBytes(t, off)))
	assert.Equal(t, uint32(FormatVersion), binary.LittleEndian.Uint32(b[len(magic):]))
	assert.Equal(t, FormatVersion, off.FileVersion())
	assert.Equal(t, fullOptions(LogReg).String(), off.Options.String())

	on, err := Train(data, convOptions(ConvMixStack, 1))
	require.NoError(t, err)
	same := true
	p0, p1 := predictAll(plain, data), predictAll(on, data)
	for ai := range p0 {
		for i := range p0[ai] {
			same = same && assert.ObjectsAreEqual(p0[ai][i].Probs, p1[ai][i].Probs)
		}
	}
	assert.False(t, same, "the member changes no probability")
}

// Options that cannot carry the member are refused, saying why.
func TestConvMemberOptions(t *testing.T) {
	tests := []struct {
		name string
		opts func() Options
		want string
	}{
		{"no vectors", func() Options { o := convOptions(ConvMixAverage, 1); o.Features.Vectors = ""; return o }, "needs word vectors"},
		{"stack mix, no stacking", func() Options { o := convOptions(ConvMixStack, 1); o.Stack = false; return o }, "the stack mix needs the stacking stage"},
		{"bad mix", func() Options { return fullOptions(LogReg).WithConv(ConvOptions{Filters: 4, Mix: "sum"}) }, `mix "sum"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.opts().Validate()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			_, err = Train(synthCorpus(1, 4), tc.opts())
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// A version 2 file whose member does not fit the model is refused as
// corrupt, not used.
func TestConvMemberDecodeDamaged(t *testing.T) {
	data := readArticles(t, "../testdata/news/train.jsonl", 6)
	m, err := Train(data, convOptions(ConvMixStack, 1))
	require.NoError(t, err)
	encode := func(edit func(*modelFileConv)) []byte {
		mf := fileOf(m)
		c := *m.Conv
		c.Net.W = append([]float32(nil), c.Net.W...)
		f := modelFileConv{Labels: mf.Labels, Options: mf.Options, Pipeline: mf.Pipeline, Stage1: mf.Stage1,
			Stage2: mf.Stage2, Chain: mf.Chain, Decode: mf.Decode, Trained: mf.Trained, Conv: &c}
		edit(&f)
		return frame(FormatVersionConv, gzipped(t, gobOf(t, &f)))
	}
	good := encode(func(*modelFileConv) {})
	_, err = Decode(good)
	require.NoError(t, err)
	tests := []struct {
		name string
		edit func(*modelFileConv)
		want string
	}{
		{"no member", func(f *modelFileConv) { f.Conv = nil }, "without a convolution member"},
		{"labels", func(f *modelFileConv) { f.Conv.Net.K = 3 }, "convolution for 3 labels"},
		{"vector dimension", func(f *modelFileConv) { f.Conv.Net.Dim = 50 }, "50-dimensional"},
		{"weights cut", func(f *modelFileConv) { f.Conv.Net.W = f.Conv.Net.W[:10] }, "weight shapes"},
		{"NaN weight", func(f *modelFileConv) { f.Conv.Net.W[3] = float32(nan()) }, "weight 3 is NaN"},
		{"mix", func(f *modelFileConv) { f.Conv.Mix = "max" }, `mix "max"`},
		{"temperature", func(f *modelFileConv) { f.Conv.Temperature = 0 }, "temperature 0"},
		{"weight", func(f *modelFileConv) { f.Conv.Weight = 2 }, "convolution weight 2"},
		{"stage 2 without the member's features", func(f *modelFileConv) { f.Conv.Mix = ConvMixAverage }, "stage 2"},
		{"no stage 2", func(f *modelFileConv) { f.Stage2 = nil }, "for a stacking stage the model does not have"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeNoPanic(t, encode(tc.edit))
			require.Nil(t, got)
			require.ErrorIs(t, err, ErrCorrupt)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func nan() float64 { return math.NaN() }

// The member's stage-2 features are named after the stacking features
// they mirror, so that explanations can show them.
func TestConvMemberFeatureNames(t *testing.T) {
	data := readArticles(t, "../testdata/news/train.jsonl", 6)
	m, err := Train(data, convOptions(ConvMixStack, 1))
	require.NoError(t, err)
	d, k := m.Stage1.Dim, len(m.Labels)
	assert.Equal(t, "stack-2:p(appeal)", m.FeatureName(d))
	assert.Equal(t, "conv-stack-2:p(appeal)", m.FeatureName(d+stackDim(k)))
	assert.Equal(t, "conv-stack-article:p(quote)", m.FeatureName(d+2*stackDim(k)-1))
	assert.Equal(t, "?"+strconv.Itoa(d+2*stackDim(k)), m.FeatureName(d+2*stackDim(k)))
}

// Without a stacking stage (sentence-per-line data) the member joins by
// the average mix: it is trained, saved and decoded to the same bits, and
// it moves the probabilities; the stack mix is refused.
func TestConvMemberWithoutStacking(t *testing.T) {
	data := readArticles(t, "../testdata/news/train.jsonl", 12)
	o := fullOptions(LogReg)
	o.Stack = false
	plain, err := Train(data, o)
	require.NoError(t, err)
	m, err := Train(data, o.WithConv(ConvOptions{Filters: 8, Width: 1, Epochs: 2, Mix: ConvMixAverage, Seed: 3}))
	require.NoError(t, err)
	require.NotNil(t, m.Conv)
	assert.Nil(t, m.Stage2)
	back, err := Decode(modelBytes(t, m))
	require.NoError(t, err)
	want := predictAll(m, data)
	requireSameBits(t, want, predictAll(back, data))
	require.Positive(t, m.Conv.Weight, "on these articles the out-of-fold mixture picks a share for the member")
	assert.NotEqual(t, predictAll(plain, data), want, "the member changes nothing")

	_, err = Train(data, o.WithConv(ConvOptions{Filters: 8, Mix: ConvMixStack}))
	require.ErrorContains(t, err, "the stack mix needs the stacking stage")
}

// A decoded model's training options name its member, which the model
// file keeps with the member rather than in Options.
func TestTrainingOptionsNameTheMember(t *testing.T) {
	data := readArticles(t, "../testdata/news/train.jsonl", 8)
	m, err := Train(data, convOptions(ConvMixStack, 1))
	require.NoError(t, err)
	back, err := Decode(modelBytes(t, m))
	require.NoError(t, err)
	assert.NotContains(t, back.Options.String(), "conv=")
	assert.Contains(t, back.TrainingOptions().String(), "conv={filters=8 width=3 epochs=2")
	plain, err := Train(data, fullOptions(LogReg))
	require.NoError(t, err)
	assert.Equal(t, plain.Options, plain.TrainingOptions())
}
