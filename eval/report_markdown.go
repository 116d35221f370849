package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the report as GitHub-flavoured Markdown tables, for
// a README or BENCHMARKS.md. Headings are level 3 so that the report can sit
// under a document's own headings.
func (r *Report) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for i, t := range r.tables() {
		if i > 0 {
			bw.WriteByte('\n')
		}
		t.writeMarkdown(bw)
	}
	if len(r.Errors) > 0 {
		bw.WriteByte('\n')
		r.errorTable().writeMarkdown(bw)
	}
	return bw.Flush()
}

// mdEscape keeps a cell on one line and its pipes literal.
var mdEscape = strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ")

func (t table) writeMarkdown(w *bufio.Writer) {
	fmt.Fprintf(w, "### %s\n\n", t.Title)
	if t.Note != "" {
		fmt.Fprintf(w, "%s\n\n", t.Note)
	}
	row := func(cells []string) {
		w.WriteString("|")
		for _, c := range cells {
			w.WriteString(" " + mdEscape.Replace(c) + " |")
		}
		w.WriteString("\n")
	}
	row(t.Head)
	w.WriteString("|")
	for j := range t.Head {
		if t.IsLeft(j) {
			w.WriteString(" --- |")
		} else {
			w.WriteString(" ---: |")
		}
	}
	w.WriteString("\n")
	for _, r := range t.Rows {
		row(r)
	}
}

// errorTable is the error list as a table, for Markdown and HTML.
func (r *Report) errorTable() table {
	t := table{ID: "errors", Title: r.errorsTitle(),
		Head: []string{"#", "article:sentence", "gold", "pred", "p(pred)", "p(gold)", "sentence (previous / next)"}, Texts: []int{1, 2, 3, 6}}
	for i, e := range r.Errors {
		pp, pg := "", ""
		if e.Scored {
			pp, pg = f4(e.PredProb), f4(e.GoldProb)
		}
		t.Rows = append(t.Rows, []string{itoa(i + 1), fmt.Sprintf("%s:%d", e.Article, e.Sentence),
			e.Gold, e.Pred, pp, pg, errorContext(e)})
	}
	return t
}

// mdInline escapes what would start emphasis, code, HTML or a link; pipes
// and newlines are left to mdEscape.
var mdInline = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", "[", `\[`)

// errorContext shows the sentence in bold between its neighbours in italics.
func errorContext(e Misclassified) string {
	s := "**" + mdInline.Replace(e.Text) + "**"
	if e.Prev != "" {
		s = "_" + mdInline.Replace(e.Prev) + "_ " + s
	}
	if e.Next != "" {
		s += " _" + mdInline.Replace(e.Next) + "_"
	}
	return s
}
