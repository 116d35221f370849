package features

import "math"

// blockMeans is the mean cue vector of the sentence's paragraph and of the
// window of three sentences on each side: block signals such as
// publisher-word density or a run of second-person sentences.
type blockMeans struct{}

func (blockMeans) Name() string { return "block-means" }
func (blockMeans) Dim() int     { return 2 * NumCues }

func (blockMeans) FeatureName(j int) string {
	if j < NumCues {
		return "para:" + CueNames[j]
	}
	return "window:" + CueNames[j-NumCues]
}

func (blockMeans) Append(x *Analysis, i int, off uint32, v *Vector) {
	lo, hi := x.Para(i)
	if x.meanLo != lo || x.meanHi != hi {
		sumCues(x, lo, hi, &x.paraMean)
		x.meanLo, x.meanHi = lo, hi
		x.paraSums++
	}
	addMean(&x.paraMean, hi-lo+1, off, v)
	var window [NumCues]float32
	lo, hi = max(0, i-3), min(x.Len()-1, i+3)
	sumCues(x, lo, hi, &window)
	addMean(&window, hi-lo+1, off+NumCues, v)
}

// sumCues sums the cue vectors of sentences lo..hi in sentence order. A
// paragraph's sum is kept in the Analysis for its next sentence, so that a
// long paragraph (a scraped page without line breaks) costs linear time.
func sumCues(x *Analysis, lo, hi int, sum *[NumCues]float32) {
	*sum = [NumCues]float32{}
	for j := lo; j <= hi; j++ {
		for c, y := range x.Cues(j) {
			sum[c] += y
		}
	}
}

func addMean(sum *[NumCues]float32, n int, off uint32, v *Vector) {
	inv := 1 / float32(n)
	for c, y := range sum {
		if y != 0 {
			v.Add(off+uint32(c), y*inv)
		}
	}
}

const numPosition = 10

var positionNames = [numPosition]string{
	"first_in_para", "last_in_para", "first_para", "last_para", "rel_position",
	"near_end", "log_from_end", "para_single", "near_start", "window_fragments",
}

// position is where the sentence stands in its paragraph and article, and
// how many fragments (lines without final punctuation) are near it.
type position struct{}

func (position) Name() string             { return "position" }
func (position) Dim() int                 { return numPosition }
func (position) FeatureName(j int) string { return "pos:" + positionNames[j] }

func (position) Append(x *Analysis, i int, off uint32, v *Vector) {
	ss := x.Article().Sentences
	n := len(ss)
	para := ss[i].Para
	lastPara := ss[n-1].Para
	first := i == 0 || ss[i-1].Para != para
	last := i == n-1 || ss[i+1].Para != para
	var f [numPosition]float32
	set := func(k int, b bool) {
		if b {
			f[k] = 1
		}
	}
	set(0, first)
	set(1, last)
	set(2, para == 0)
	set(3, para == lastPara)
	if n > 1 {
		f[4] = float32(i) / float32(n-1)
	}
	set(5, n-1-i < 3)
	f[6] = float32(math.Min(1, math.Log1p(float64(n-1-i))/4))
	set(7, first && last)
	set(8, i < 3)
	frag := 0
	for j := max(0, i-2); j <= min(n-1, i+2); j++ {
		frag += int(x.Cues(j)[cueFragment])
	}
	f[9] = float32(frag) / 5
	appendDense(v, off, f[:])
}
