package serve_test

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/stancekit/stancekit/newsmodel"
	"github.com/stancekit/stancekit/serve"
)

// A server's Handler answers POST /v1/classify with one JSON record per
// sentence, the records the classify command writes.
func ExampleServer_Handler() {
	m, err := newsmodel.Load()
	if err != nil {
		log.Fatal(err)
	}
	ts := httptest.NewServer(serve.New(m, serve.Options{Workers: 2}).Handler())
	defer ts.Close()

	text := "The harbour bridge reopened on Monday after a two-year repair.\n\n\"We finished on budget,\" the city engineer said.\n\nIt is a disgrace that the repairs took so long.\n\nSign up for our newsletter to get the news every morning."
	resp, err := http.Post(ts.URL+"/v1/classify?id=harbour-1", "text/plain", strings.NewReader(text))
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	fmt.Println(resp.Status, resp.Header.Get("Content-Type"))
	dec := json.NewDecoder(resp.Body)
	for dec.More() {
		var rec struct{ Article, Label, Text string }
		if err := dec.Decode(&rec); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s %-7s %s\n", rec.Article, rec.Label, rec.Text)
	}
	// Output:
	// 200 OK application/x-ndjson
	// harbour-1 fact    The harbour bridge reopened on Monday after a two-year repair.
	// harbour-1 quote   "We finished on budget," the city engineer said.
	// harbour-1 opinion It is a disgrace that the repairs took so long.
	// harbour-1 appeal  Sign up for our newsletter to get the news every morning.
}
