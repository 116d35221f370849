package eval

import "slices"

// NoGroup names the group of items with an empty Group when other items
// have one.
const NoGroup = "(none)"

// Group holds the metrics of the items of one Item.Group.
type Group struct {
	Name string
	Metrics
}

// Groups are per-group metrics sorted by name. In JSON they are an object
// keyed by group name whose keys keep that order.
type Groups []Group

// groupMetrics returns nil when no item has a Group.
func groupMetrics(labels []string, items []Item, beta float64) Groups {
	conf := map[string]*Confusion{}
	var names []string
	grouped := false
	for _, it := range items {
		name := it.Group
		if name == "" {
			name = NoGroup
		} else {
			grouped = true
		}
		c, ok := conf[name]
		if !ok {
			c = NewConfusion(labels)
			conf[name] = c
			names = append(names, name)
		}
		c.Add(it.Gold, it.Pred)
	}
	if !grouped {
		return nil
	}
	slices.Sort(names)
	gs := make(Groups, len(names))
	for i, name := range names {
		gs[i] = Group{Name: name, Metrics: conf[name].Metrics(beta)}
	}
	return gs
}
