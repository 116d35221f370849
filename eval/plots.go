package eval

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Colours of the plots (colour-blind safe, after Wong 2011).
var (
	colPrecision = color.RGBA{0x00, 0x72, 0xB2, 0xff} // blue
	colRecall    = color.RGBA{0xE6, 0x9F, 0x00, 0xff} // orange
	colF1        = color.RGBA{0x00, 0x9E, 0x73, 0xff} // green
	colGap       = color.RGBA{0xD5, 0x5E, 0x00, 0xff} // vermilion
	colSky       = color.RGBA{0x56, 0xB4, 0xE9, 0xff} // sky blue
	colGrid      = color.Gray{0xdd}
)

// blues is a white-to-dark-blue sequential palette for the heat map.
type blues int

func (n blues) Colors() []color.Color {
	cs := make([]color.Color, int(n))
	lo, hi := [3]float64{0xf7, 0xfb, 0xff}, [3]float64{0x08, 0x30, 0x6b}
	for i := range cs {
		t := float64(i) / float64(len(cs)-1)
		cs[i] = color.RGBA{
			uint8(lo[0] + t*(hi[0]-lo[0])), uint8(lo[1] + t*(hi[1]-lo[1])), uint8(lo[2] + t*(hi[2]-lo[2])), 0xff,
		}
	}
	return cs
}

// confusionGrid is a plotter.GridXYZ of row-normalised counts with gold
// row 0 at the top.
type confusionGrid struct{ c *Confusion }

func (g confusionGrid) Dims() (c, r int) { return len(g.c.Labels), len(g.c.Labels) }
func (g confusionGrid) X(c int) float64  { return float64(c) }
func (g confusionGrid) Y(r int) float64  { return float64(r) }
func (g confusionGrid) Z(c, r int) float64 {
	gold := len(g.c.Labels) - 1 - r
	return div(float64(g.c.Counts[gold][c]), float64(g.c.Gold(gold)))
}

// Plot draws the matrix as a heat map: cells hold counts, colours the share
// of the gold row (the recall of the diagonal).
func (c *Confusion) Plot() (*plot.Plot, error) {
	p := newPlot()
	p.Title.Text = "Confusion matrix (colour: share of gold row)"
	p.X.Label.Text = "predicted"
	p.Y.Label.Text = "gold"
	k := len(c.Labels)
	if k == 0 {
		return p, nil
	}
	hm := plotter.NewHeatMap(confusionGrid{c}, blues(101))
	hm.Min, hm.Max = 0, 1
	p.Add(hm)

	var xys plotter.XYs
	var strs []string
	var styles []text.Style
	grid := confusionGrid{c}
	for r := range k {
		for col := range k {
			xys = append(xys, plotter.XY{X: float64(col), Y: float64(r)})
			strs = append(strs, itoa(c.Counts[k-1-r][col]))
			clr := color.Color(color.Black)
			if grid.Z(col, r) > 0.55 {
				clr = color.White
			}
			styles = append(styles, text.Style{
				Color: clr, Font: p.X.Tick.Label.Font, XAlign: draw.XCenter, YAlign: draw.YCenter,
				Handler: p.TextHandler,
			})
		}
	}
	labels, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: strs})
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	labels.TextStyle = styles
	p.Add(labels)

	xt, yt := make([]plot.Tick, k), make([]plot.Tick, k)
	for i, l := range c.Labels {
		xt[i] = plot.Tick{Value: float64(i), Label: l}
		yt[i] = plot.Tick{Value: float64(k - 1 - i), Label: l}
	}
	p.X.Tick.Marker, p.Y.Tick.Marker = plot.ConstantTicks(xt), plot.ConstantTicks(yt)
	p.X.Tick.Length, p.Y.Tick.Length = 0, 0
	return p, nil
}

// classBarWidth is the width of one bar of the per-class plot.
const classBarWidth = vg.Length(14)

// ClassPlot draws per-class precision, recall and F1 as grouped bars.
func (m *Metrics) ClassPlot() (*plot.Plot, error) {
	p := newPlot()
	p.Title.Text = "Per-class precision, recall and F1"
	p.Y.Label.Text = "score"
	p.Y.Min, p.Y.Max = 0, 1
	if len(m.Classes) == 0 {
		return p, nil
	}
	p.Add(horizontalGrid())
	w := classBarWidth
	series := []struct {
		name string
		clr  color.Color
		v    func(ClassMetrics) float64
	}{
		{"precision", colPrecision, func(c ClassMetrics) float64 { return c.Precision }},
		{"recall", colRecall, func(c ClassMetrics) float64 { return c.Recall }},
		{"F1", colF1, func(c ClassMetrics) float64 { return c.F1 }},
	}
	names := make([]string, len(m.Classes))
	for i, c := range m.Classes {
		names[i] = c.Label
	}
	for s, sr := range series {
		vs := make(plotter.Values, len(m.Classes))
		for i, c := range m.Classes {
			vs[i] = sr.v(c)
		}
		bars, err := plotter.NewBarChart(vs, w)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		bars.Color = sr.clr
		bars.LineStyle.Width = 0
		bars.Offset = vg.Length(s-1) * w
		p.Add(bars)
		p.Legend.Add(sr.name, bars)
	}
	p.Legend.Top = true
	p.Legend.Left = false
	p.NominalX(names...)
	p.X.Min, p.X.Max = -0.5, float64(len(names))-0.5 // room for the outer bars
	p.Y.Max = legendRoom
	p.Y.Tick.Marker = unitTicks{}
	return p, nil
}

// classPlot is the per-class plot with the F1 bars' bootstrap intervals
// as error bars, when there are some.
func (r *Report) classPlot() (*plot.Plot, error) {
	p, err := r.Metrics.ClassPlot()
	if err != nil || r.CI == nil || len(r.CI.ClassF1) != len(r.Classes) {
		return p, err
	}
	p.Add(offsetErrorBars{ivs: r.CI.ClassF1, offset: classBarWidth, width: classBarWidth / 2})
	p.Legend.Add(fmt.Sprintf("F1 %g%% CI", 100*r.CI.Level), offsetErrorBars{})
	return p, nil
}

// offsetErrorBars draws vertical intervals at x = 0, 1, … shifted by
// offset, over bars drawn with the same offset (plotter.YErrorBars has
// none).
type offsetErrorBars struct {
	ivs           []Interval
	offset, width vg.Length
}

var errBarStyle = draw.LineStyle{Color: color.Gray{0x22}, Width: vg.Points(1)}

func (b offsetErrorBars) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	for i, iv := range b.ivs {
		x := trX(float64(i)) + b.offset
		lo, hi := trY(iv.Lo), trY(iv.Hi)
		c.StrokeLine2(errBarStyle, x, lo, x, hi)
		c.StrokeLine2(errBarStyle, x-b.width/2, lo, x+b.width/2, lo)
		c.StrokeLine2(errBarStyle, x-b.width/2, hi, x+b.width/2, hi)
	}
}

// Thumbnail implements plot.Thumbnailer for the legend.
func (offsetErrorBars) Thumbnail(c *draw.Canvas) {
	x := (c.Min.X + c.Max.X) / 2
	c.StrokeLine2(errBarStyle, x, c.Min.Y, x, c.Max.Y)
}

// Plot draws the reliability diagram: accuracy per confidence bin as bars
// (the number of sentences in the bin above each),
// the gap between accuracy and the bin's mean confidence shaded, and the
// diagonal of perfect calibration (after Guo et al. 2017, fig. 1).
func (c *Calibration) Plot() (*plot.Plot, error) {
	p := newPlot()
	p.Title.Text = fmt.Sprintf("Reliability diagram (ECE %.4f)", c.ECE)
	p.X.Label.Text = "confidence (largest probability)"
	p.Y.Label.Text = "accuracy"
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, legendRoom
	p.Add(horizontalGrid())
	var acc []plotter.HistogramBin
	var gaps []plot.Plotter
	for _, b := range c.Bins {
		if b.Count == 0 {
			continue
		}
		acc = append(acc, plotter.HistogramBin{Min: b.Lo, Max: b.Hi, Weight: b.Accuracy})
		// The gap is a narrow bar in the middle of the bin, so that it
		// stays legible over or above the accuracy bar.
		lo, hi := min(b.Accuracy, b.Confidence), max(b.Accuracy, b.Confidence)
		mid, half := (b.Lo+b.Hi)/2, (b.Hi-b.Lo)*0.15
		gap, err := plotter.NewPolygon(plotter.XYs{{X: mid - half, Y: lo}, {X: mid + half, Y: lo}, {X: mid + half, Y: hi}, {X: mid - half, Y: hi}})
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		gap.Color = colGap
		gap.LineStyle = draw.LineStyle{}
		gaps = append(gaps, gap)
	}
	bars := &plotter.Histogram{Bins: acc, FillColor: colSky,
		LineStyle: draw.LineStyle{Color: color.White, Width: vg.Points(0.5)}}
	diag, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	diag.LineStyle.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	diag.LineStyle.Color = color.Gray{0x55}
	p.Add(bars)
	p.Add(gaps...)
	p.Add(diag)
	// The number of sentences above each bar: a bin of 3 says little.
	var at plotter.XYs
	var counts []string
	for _, b := range c.Bins {
		if b.Count > 0 {
			at = append(at, plotter.XY{X: (b.Lo + b.Hi) / 2, Y: max(b.Accuracy, b.Confidence) + 0.02})
			counts = append(counts, itoa(b.Count))
		}
	}
	if len(at) > 0 {
		lbl, err := plotter.NewLabels(plotter.XYLabels{XYs: at, Labels: counts})
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		for i := range lbl.TextStyle {
			lbl.TextStyle[i].XAlign = draw.XCenter
			lbl.TextStyle[i].Font = plotFont
			lbl.TextStyle[i].Font.Size = vg.Points(7)
			lbl.TextStyle[i].Color = color.Gray{0x44}
		}
		p.Add(lbl)
	}
	p.Legend.Add("accuracy", bars)
	if len(gaps) > 0 {
		p.Legend.Add("gap to mean confidence", gaps[0].(plot.Thumbnailer))
	}
	p.Legend.Add("perfect calibration", diag)
	p.Legend.Top, p.Legend.Left = true, true
	p.X.Tick.Marker, p.Y.Tick.Marker = unitTicks{}, unitTicks{}
	return p, nil
}

// Plot draws the curve with ±1 standard deviation error bars.
func (c *LearningCurve) Plot() (*plot.Plot, error) {
	p := newPlot()
	p.Title.Text = "Learning curve"
	p.X.Label.Text = "training sentences"
	p.Y.Label.Text = c.Metric
	if c.Len() == 0 {
		return p, nil
	}
	p.Add(horizontalGrid())
	line, points, err := plotter.NewLinePoints(c)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	line.Color, points.Color = colPrecision, colPrecision
	points.Shape = draw.CircleGlyph{}
	bars, err := plotter.NewYErrorBars(c)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	bars.Color = colPrecision
	p.Add(line, points, bars)
	p.Legend.Add("mean ± std", line, points)
	p.Legend.Top, p.Legend.Left = false, false
	p.X.Min = 0
	p.Y.Min = min(p.Y.Min, 0)
	p.Y.Max = max(p.Y.Max, 1)
	if p.Y.Min == 0 && p.Y.Max == 1 {
		p.Y.Tick.Marker = unitTicks{}
	}
	return p, nil
}

// plotFont is the typeface of every plot, the one the HTML page asks for
// first, so that page and plots read as one document.
var plotFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

// newPlot is plot.New with plotFont in every text style, set before any
// plotter copies a style.
func newPlot() *plot.Plot {
	p := plot.New()
	for _, st := range []*text.Style{&p.Title.TextStyle, &p.X.Label.TextStyle, &p.Y.Label.TextStyle,
		&p.X.Tick.Label, &p.Y.Tick.Label, &p.Legend.TextStyle} {
		size := st.Font.Size
		st.Font = plotFont
		st.Font.Size = size
	}
	return p
}

func horizontalGrid() *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical.Color = nil
	g.Horizontal.Color = colGrid
	return g
}

// legendRoom is the top of a [0, 1] axis that leaves room for a legend of
// three rows above 1.
const legendRoom = 1.24

// unitTicks marks 0, 0.2, …, 1 and nothing above 1.
type unitTicks struct{}

func (unitTicks) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	for i := 0; i <= 10; i++ {
		v := float64(i) / 10
		if v < lo || v > hi {
			continue
		}
		label := ""
		if i%2 == 0 {
			label = fmt.Sprintf("%.1f", v)
		}
		ts = append(ts, plot.Tick{Value: v, Label: label})
	}
	return ts
}

// svgOf renders p as an SVG element fit for inlining in HTML (without the
// XML prelude).
func svgOf(p *plot.Plot, w, h vg.Length) (string, error) {
	c := vgsvg.New(w, h)
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return "", fmt.Errorf("eval: %w", err)
	}
	s := buf.String()
	if i := strings.Index(s, "<svg"); i >= 0 {
		s = s[i:]
	}
	return s, nil
}
