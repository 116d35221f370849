package eval

// ClassMetrics are the one-vs-rest scores of one label.
type ClassMetrics struct {
	Label     string  `json:"-"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	FBeta     float64 `json:"fbeta"`
	Support   int     `json:"support"`   // gold items with this label
	Predicted int     `json:"predicted"` // items predicted as this label
}

// Average is an average of per-class scores.
type Average struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	FBeta     float64 `json:"fbeta"`
}

// Metrics are the scores computed from one confusion matrix.
type Metrics struct {
	N        int     `json:"n"`
	Accuracy float64 `json:"accuracy"`
	Micro    Average `json:"micro"`
	Macro    Average `json:"macro"`    // unweighted mean over all labels
	Weighted Average `json:"weighted"` // mean weighted by support
	Kappa    float64 `json:"kappa"`
	MCC      float64 `json:"mcc"`
	Beta     float64 `json:"beta"` // the β of FBeta
	Classes  Classes `json:"classes"`
}

// Classes are per-class metrics in label order. In JSON they are an object
// keyed by label whose keys keep that order.
type Classes []ClassMetrics

// Class returns the metrics of label, and false when there is no such label.
func (cs Classes) Class(label string) (ClassMetrics, bool) {
	for _, c := range cs {
		if c.Label == label {
			return c, true
		}
	}
	return ClassMetrics{}, false
}

// fbeta returns (1+β²)PR/(β²P+R), 0 when P = R = 0.
func fbeta(p, r, beta float64) float64 {
	b2 := beta * beta
	return div((1+b2)*p*r, b2*p+r)
}

// Metrics computes all scores of c; beta is the β of F-beta (0 means 1).
func (c *Confusion) Metrics(beta float64) Metrics {
	if beta <= 0 {
		beta = 1
	}
	m := Metrics{
		N:        c.N(),
		Accuracy: c.Accuracy(),
		Kappa:    c.Kappa(),
		MCC:      c.MCC(),
		Beta:     beta,
		Classes:  make(Classes, len(c.Labels)),
	}
	var tp, pred, gold int
	for i, label := range c.Labels {
		t, p, g := c.Counts[i][i], c.Predicted(i), c.Gold(i)
		tp, pred, gold = tp+t, pred+p, gold+g
		cm := ClassMetrics{
			Label:     label,
			Precision: div(float64(t), float64(p)),
			Recall:    div(float64(t), float64(g)),
			Support:   g,
			Predicted: p,
		}
		cm.F1 = fbeta(cm.Precision, cm.Recall, 1)
		cm.FBeta = fbeta(cm.Precision, cm.Recall, beta)
		m.Classes[i] = cm

		k := float64(len(c.Labels))
		m.Macro.Precision += cm.Precision / k
		m.Macro.Recall += cm.Recall / k
		m.Macro.F1 += cm.F1 / k
		m.Macro.FBeta += cm.FBeta / k
		w := div(float64(g), float64(m.N))
		m.Weighted.Precision += w * cm.Precision
		m.Weighted.Recall += w * cm.Recall
		m.Weighted.F1 += w * cm.F1
		m.Weighted.FBeta += w * cm.FBeta
	}
	m.Micro.Precision = div(float64(tp), float64(pred))
	m.Micro.Recall = div(float64(tp), float64(gold))
	m.Micro.F1 = fbeta(m.Micro.Precision, m.Micro.Recall, 1)
	m.Micro.FBeta = fbeta(m.Micro.Precision, m.Micro.Recall, beta)
	return m
}

// macroF1 is Metrics(1).Macro.F1 without the allocations, for the bootstrap.
// classF1Of is the F1 of label i in a confusion matrix (0 when the label
// is neither gold nor predicted).
func classF1Of(counts [][]int, i int) float64 {
	var p, g int
	for j := range counts {
		p += counts[j][i]
		g += counts[i][j]
	}
	return div(2*float64(counts[i][i]), float64(p+g))
}

func macroF1(counts [][]int) float64 {
	k := len(counts)
	if k == 0 {
		return 0
	}
	var sum float64
	for i := range counts {
		var p, g int
		for j := range counts {
			p += counts[j][i]
			g += counts[i][j]
		}
		sum += div(2*float64(counts[i][i]), float64(p+g))
	}
	return sum / float64(k)
}
