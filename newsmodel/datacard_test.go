package newsmodel_test

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

var datacard = flag.Bool("datacard", false, "print the count tables of testdata/news/README.md")

// TestDataCardTables prints the counts the data card states:
//
//	go test ./newsmodel -run TestDataCardTables -datacard -v
func TestDataCardTables(t *testing.T) {
	if !*datacard {
		t.Skip("run with -datacard to print the data card's tables")
	}
	type tally map[string]int
	perSplit := map[string]tally{}
	labels, outlets, genres, countries, kinds, positions := tally{}, tally{}, tally{}, tally{}, tally{}, tally{}
	blocks, withBlocks, articles := 0, 0, 0
	for _, split := range []string{"train", "dev", "test"} {
		perSplit[split] = tally{}
		for _, a := range readRaw(t, split) {
			articles++
			perSplit[split]["articles"]++
			outlets[a.Outlet]++
			genres[a.Genre]++
			countries[a.Country]++
			for _, s := range a.Sentences {
				labels[s.Label]++
				perSplit[split][s.Label]++
				perSplit[split]["sentences"]++
			}
			if a.Appeals != "none" {
				withBlocks++
				for _, b := range strings.Split(a.Appeals, ",") {
					kind, pos, _ := strings.Cut(strings.TrimSpace(b), "@")
					kinds[kind]++
					positions[pos]++
					blocks++
				}
			}
		}
	}
	out := os.Stdout
	fmt.Fprintf(out, "| split | articles | sentences | appeal | fact | opinion | quote |\n|---|---:|---:|---:|---:|---:|---:|\n")
	total := tally{}
	for _, s := range []string{"train", "dev", "test"} {
		c := perSplit[s]
		fmt.Fprintf(out, "| %s | %d | %d | %d | %d | %d | %d |\n", s, c["articles"], c["sentences"], c["appeal"], c["fact"], c["opinion"], c["quote"])
		for k, v := range c {
			total[k] += v
		}
	}
	n := total["sentences"]
	pct := func(k string) string { return fmt.Sprintf("%d (%.1f%%)", total[k], 100*float64(total[k])/float64(n)) }
	fmt.Fprintf(out, "| all | %d | %d | %s | %s | %s | %s |\n\n", total["articles"], n, pct("appeal"), pct("fact"), pct("opinion"), pct("quote"))
	list := func(title string, c tally) {
		keys := make([]string, 0, len(c))
		for k := range c {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if c[keys[i]] != c[keys[j]] {
				return c[keys[i]] > c[keys[j]]
			}
			return keys[i] < keys[j]
		})
		var parts []string
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s %d", k, c[k]))
		}
		fmt.Fprintf(out, "**%s** (%d kinds): %s\n\n", title, len(keys), strings.Join(parts, ", "))
	}
	list("Outlet types", outlets)
	list("Genres", genres)
	list("Countries", countries)
	fmt.Fprintf(out, "**Appeal blocks**: %d blocks in %d of %d articles (%d articles have none).\n\n", blocks, withBlocks, articles, articles-withBlocks)
	list("Appeal block kinds", kinds)
	list("Appeal block positions", positions)
}
