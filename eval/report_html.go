package eval

import (
	"html/template"
	"io"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// WriteHTML writes a self-contained HTML page: the tables of WriteText and
// the plots (confusion heat map, per-class bars, reliability diagram,
// learning curve) as inline SVG. It loads nothing from elsewhere.
func (r *Report) WriteHTML(w io.Writer) error {
	type section struct {
		table
		Plot template.HTML
	}
	plots := map[string]func() (*plot.Plot, error){}
	if r.N > 0 {
		plots["classes"] = r.classPlot
		if r.Confusion != nil {
			plots["confusion"] = r.Confusion.Plot
		}
	}
	if r.Calibration != nil {
		plots["calibration"] = r.Calibration.Plot
	}
	if r.Coverage != nil {
		plots["coverage"] = r.Coverage.Plot
	}
	if r.Curve != nil && r.Curve.Len() > 0 {
		plots["curve"] = r.Curve.Plot
	}
	var sections []section
	for _, t := range r.tables() {
		s := section{table: t}
		if mk, ok := plots[t.ID]; ok {
			p, err := mk()
			if err != nil {
				return err
			}
			svg, err := svgOf(p, 5*vg.Inch, 4*vg.Inch)
			if err != nil {
				return err
			}
			s.Plot = template.HTML(svg) // made by vgsvg, which escapes all text
		}
		sections = append(sections, s)
	}
	title := r.Title
	if title == "" {
		title = "Evaluation report"
	}
	data := struct {
		Title       string
		R           *Report
		Sections    []section
		ErrorsTitle string
	}{title, r, sections, ""}
	if len(r.Errors) > 0 {
		data.ErrorsTitle = r.errorsTitle()
	}
	return htmlTemplate.Execute(w, data)
}

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"f4":  f4,
	"inc": func(i int) int { return i + 1 },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font: 15px/1.45 "Liberation Sans", Arial, Helvetica, sans-serif; color: #222; margin: 0 auto; max-width: 1150px; padding: 1.5em; }
h1 { font-size: 1.6em; margin: 0 0 .6em; }
h2 { font-size: 1.2em; margin: 0 0 .4em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
section { margin: 0 0 2em; }
.row { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
.cards { display: flex; flex-wrap: wrap; gap: .7em; margin-bottom: 1.5em; }
.card { background: #f4f7fb; border: 1px solid #dde5ef; border-radius: 6px; padding: .5em .9em; min-width: 6.5em; }
.card .v { font-size: 1.5em; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .k { color: #555; font-size: .85em; }
.card small { font-size: .6em; font-weight: normal; color: #555; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: .25em .7em; border-bottom: 1px solid #e4e4e4; text-align: right; white-space: nowrap; }
th { background: #f4f4f4; font-weight: 600; }
th.l, td.l { text-align: left; }
tr:last-child td { border-bottom: none; }
p.note { color: #555; margin: .2em 0 .6em; }
svg { max-width: 100%; height: auto; }
.err { border-left: 3px solid #D55E00; padding: .3em .8em; margin: 0 0 .8em; background: #fdf8f5; }
.err .meta { font-size: .85em; color: #555; }
.err .ctx { color: #777; }
.err .s { font-weight: 600; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<div class="cards">
<div class="card"><div class="v">{{.R.N}}</div><div class="k">sentences</div></div>
<div class="card"><div class="v">{{f4 .R.Accuracy}}</div><div class="k">accuracy{{with .R.CI}} [{{f4 .Accuracy.Lo}}, {{f4 .Accuracy.Hi}}]{{end}}</div></div>
<div class="card"><div class="v">{{f4 .R.Macro.F1}}</div><div class="k">macro F1{{with .R.CI}} [{{f4 .MacroF1.Lo}}, {{f4 .MacroF1.Hi}}]{{end}}</div></div>
<div class="card"><div class="v">{{f4 .R.Kappa}}</div><div class="k">Cohen's kappa</div></div>
<div class="card"><div class="v">{{f4 .R.MCC}}</div><div class="k">MCC</div></div>
{{with .R.FoldsSummary}}<div class="card"><div class="v">{{f4 .MacroF1.Mean}} <small>± {{f4 .MacroF1.Std}}</small></div><div class="k">macro F1 over {{.Folds}} folds</div></div>{{end}}
{{with .R.Calibration}}<div class="card"><div class="v">{{f4 .ECE}}</div><div class="k">ECE</div></div>{{end}}
</div>
{{range .Sections}}{{$s := .}}
<section id="{{.ID}}">
<h2>{{.Title}}</h2>
{{with .Note}}<p class="note">{{.}}</p>{{end}}
<div class="row">
<table>
<thead><tr>{{range $j, $h := .Head}}<th{{if $s.IsLeft $j}} class="l"{{end}}>{{$h}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range $j, $c := .}}<td{{if $s.IsLeft $j}} class="l"{{end}}>{{$c}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{with .Plot}}<figure style="margin:0">{{.}}</figure>{{end}}
</div>
</section>
{{end}}
{{if .R.Errors}}
<section id="errors">
<h2>{{.ErrorsTitle}}</h2>
{{range $i, $e := .R.Errors}}<div class="err">
<div class="meta">{{inc $i}}. {{.Article}}:{{.Sentence}}{{with .Group}} ({{.}}){{end}} — gold <b>{{.Gold}}</b>, predicted <b>{{.Pred}}</b>{{if .Scored}} — p(pred) {{f4 .PredProb}}, p(gold) {{f4 .GoldProb}}{{end}}</div>
<div>{{with .Prev}}<span class="ctx">{{.}}</span> {{end}}<span class="s">{{.Text}}</span>{{with .Next}} <span class="ctx">{{.}}</span>{{end}}</div>
</div>
{{end}}</section>
{{end}}
</body>
</html>
`))
