package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// reportJSON is the JSON form of a Report. The fields of the contract (n,
// accuracy, macro, weighted, labels, classes, confusion, folds) never change
// name; others may be added.
type reportJSON struct {
	Title string `json:"title,omitempty"`
	About []Fact `json:"about,omitempty"`
	Metrics
	Labels       []string        `json:"labels"`
	Confusion    [][]int         `json:"confusion"` // rows gold, columns predicted, in labels order
	CI           *CI             `json:"ci,omitempty"`
	Calibration  *Calibration    `json:"calibration,omitempty"`
	Coverage     *Coverage       `json:"coverage,omitempty"`
	Groups       Groups          `json:"groups,omitempty"`
	Errors       []Misclassified `json:"errors,omitempty"`
	Folds        []FoldScore     `json:"folds,omitempty"`
	FoldsSummary *FoldsSummary   `json:"folds_summary,omitempty"`
	Curve        *LearningCurve  `json:"learning_curve,omitempty"`
}

// MarshalJSON implements json.Marshaler.
func (r *Report) MarshalJSON() ([]byte, error) {
	j := reportJSON{
		Title: r.Title, About: r.About, Metrics: r.Metrics, Labels: r.Labels, CI: r.CI, Calibration: r.Calibration, Coverage: r.Coverage,
		Groups: r.Groups, Errors: r.Errors, Folds: r.Folds, FoldsSummary: r.FoldsSummary, Curve: r.Curve,
	}
	if j.Labels == nil {
		j.Labels = []string{}
	}
	if j.Classes == nil {
		j.Classes = Classes{}
	}
	j.Confusion = [][]int{}
	if r.Confusion != nil {
		j.Confusion = r.Confusion.Counts
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements json.Unmarshaler, so that a report written by
// WriteJSON can be read back (e.g. to tabulate stored results).
func (r *Report) UnmarshalJSON(b []byte) error {
	var j reportJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if len(j.Confusion) != len(j.Labels) {
		return fmt.Errorf("eval: report has %d labels and %d confusion rows", len(j.Labels), len(j.Confusion))
	}
	conf := NewConfusion(j.Labels)
	for i, row := range j.Confusion {
		if len(row) != len(j.Labels) {
			return fmt.Errorf("eval: confusion row %d has %d columns for %d labels", i, len(row), len(j.Labels))
		}
		copy(conf.Counts[i], row)
	}
	*r = Report{
		Title: j.Title, About: j.About, Labels: j.Labels, Metrics: j.Metrics, Confusion: conf, CI: j.CI, Calibration: j.Calibration, Coverage: j.Coverage,
		Groups: j.Groups, Errors: j.Errors, Folds: j.Folds, FoldsSummary: j.FoldsSummary, Curve: j.Curve,
	}
	return nil
}

// WriteJSON writes the report as indented JSON followed by a newline.
func (r *Report) WriteJSON(w io.Writer) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// MarshalJSON writes the classes as an object keyed by label, in order.
func (cs Classes) MarshalJSON() ([]byte, error) {
	return marshalOrdered(len(cs), func(i int) (string, any) { return cs[i].Label, cs[i] })
}

// UnmarshalJSON reads the object written by MarshalJSON, keeping key order.
func (cs *Classes) UnmarshalJSON(b []byte) error {
	*cs = Classes{}
	return unmarshalOrdered(b, func(key string, raw json.RawMessage) error {
		c := ClassMetrics{Label: key}
		if err := json.Unmarshal(raw, &c); err != nil {
			return err
		}
		*cs = append(*cs, c)
		return nil
	})
}

// MarshalJSON writes the groups as an object keyed by name, in order.
func (gs Groups) MarshalJSON() ([]byte, error) {
	return marshalOrdered(len(gs), func(i int) (string, any) { return gs[i].Name, gs[i].Metrics })
}

// UnmarshalJSON reads the object written by MarshalJSON, keeping key order.
func (gs *Groups) UnmarshalJSON(b []byte) error {
	*gs = Groups{}
	return unmarshalOrdered(b, func(key string, raw json.RawMessage) error {
		g := Group{Name: key}
		if err := json.Unmarshal(raw, &g.Metrics); err != nil {
			return err
		}
		*gs = append(*gs, g)
		return nil
	})
}

func marshalOrdered(n int, kv func(int) (string, any)) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i := range n {
		k, v := kv(i)
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		vb, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(vb)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func unmarshalOrdered(b []byte, each func(string, json.RawMessage) error) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t == nil {
		return nil
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("eval: want a JSON object, got %v", t)
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		if err := each(t.(string), raw); err != nil {
			return err
		}
	}
	_, err = dec.Token()
	return err
}
