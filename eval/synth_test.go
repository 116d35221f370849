package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// synthItems returns predictions of a made-up model on made-up articles:
// nArticles articles of 3–20 sentences from three sources, labels drawn
// fact 50%, quote 25%, opinion 20%, appeal 5% (indices into testLabels),
// the model right with a probability that depends on the label, and
// probabilities that are somewhat overconfident. Same seed, same items.
func synthItems(seed uint64, nArticles int) []Item {
	rng := rand.New(rand.NewPCG(seed, seed))
	sources := []string{"agency", "broadsheet", "tabloid"}
	share := []float64{0.05, 0.50, 0.20, 0.25} // appeal, fact, opinion, quote
	skill := []float64{0.45, 0.88, 0.65, 0.92}
	var items []Item
	for a := range nArticles {
		id := fmt.Sprintf("a%03d", a)
		src := sources[rng.IntN(len(sources))]
		for s := range 3 + rng.IntN(18) {
			gold := drawLabel(rng, share)
			pred := gold
			if rng.Float64() > skill[gold] {
				pred = (gold + 1 + rng.IntN(len(share)-1)) % len(share)
			}
			probs := make([]float64, len(share))
			var sum float64
			for k := range probs {
				probs[k] = rng.Float64() * 0.6
				if k == pred {
					probs[k] = 1.5 + 2.5*rng.Float64()
				}
				probs[k] = math.Exp(probs[k])
				sum += probs[k]
			}
			for k := range probs {
				probs[k] /= sum
			}
			items = append(items, Item{
				Article: id, Sentence: s, Text: fmt.Sprintf("Sentence %d of article %s.", s, id),
				Gold: gold, Pred: pred, Probs: probs, Group: src,
			})
		}
	}
	return items
}

func drawLabel(rng *rand.Rand, p []float64) int {
	u := rng.Float64()
	for i, pi := range p {
		if u < pi {
			return i
		}
		u -= pi
	}
	return len(p) - 1
}
