package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteText writes the report as aligned plain-text tables for a terminal.
func (r *Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for i, t := range r.tables() {
		if i > 0 {
			bw.WriteByte('\n')
		}
		t.writeText(bw)
	}
	if len(r.Errors) > 0 {
		bw.WriteByte('\n')
		r.writeErrorsText(bw)
	}
	return bw.Flush()
}

// writeText pads cells itself rather than through text/tabwriter:
// tabwriter aligns every column the same way (AlignRight is one flag for
// the writer), and these tables have labels aligned left and numbers
// aligned right.
func (t table) writeText(w *bufio.Writer) {
	fmt.Fprintf(w, "%s\n%s\n", t.Title, strings.Repeat("=", utf8.RuneCountInString(t.Title)))
	if t.Note != "" {
		fmt.Fprintf(w, "%s\n", t.Note)
	}
	width := make([]int, len(t.Head))
	for _, row := range append([][]string{t.Head}, t.Rows...) {
		for j, cell := range row {
			width[j] = max(width[j], utf8.RuneCountInString(cell))
		}
	}
	line := func(row []string) {
		var b strings.Builder
		for j, cell := range row {
			if j > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(cell))
			if t.IsLeft(j) {
				b.WriteString(cell + pad)
			} else {
				b.WriteString(pad + cell)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	line(t.Head)
	for _, row := range t.Rows {
		line(row)
	}
}

func (r *Report) errorsTitle() string {
	total := r.N - r.Confusion.Correct()
	return fmt.Sprintf("Errors (%d of %d, most confident first)", len(r.Errors), total)
}

func (r *Report) writeErrorsText(w *bufio.Writer) {
	title := r.errorsTitle()
	fmt.Fprintf(w, "%s\n%s\n", title, strings.Repeat("=", utf8.RuneCountInString(title)))
	for i, e := range r.Errors {
		fmt.Fprintf(w, "%d. %s:%d", i+1, e.Article, e.Sentence)
		if e.Group != "" {
			fmt.Fprintf(w, " (%s)", e.Group)
		}
		fmt.Fprintf(w, "  gold %s → pred %s", e.Gold, e.Pred)
		if e.Scored {
			fmt.Fprintf(w, "  p(pred) %s  p(gold) %s", f4(e.PredProb), f4(e.GoldProb))
		}
		fmt.Fprintln(w)
		if e.Prev != "" {
			fmt.Fprintf(w, "     before: %s\n", e.Prev)
		}
		fmt.Fprintf(w, "   > %s\n", e.Text)
		if e.Next != "" {
			fmt.Fprintf(w, "     after:  %s\n", e.Next)
		}
	}
}
