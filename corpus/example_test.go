package corpus_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/stancekit/stancekit/corpus"
)

// Open reads files and directories in turn. A bad record names its file and
// line, and reading goes on with the next one.
func ExampleOpen() {
	r := corpus.Open([]string{"../testdata/corpus/news.jsonl"}, corpus.ReaderOptions{})
	defer r.Close()
	for {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if corpus.IsRecordError(err) {
			fmt.Println("skipped:", err)
			continue
		}
		if err != nil {
			fmt.Println(err) // a read error: the stream ends
			return
		}
		fmt.Printf("%s (line %d, source %q, genre %q): %d paragraphs, %d bytes\n",
			a.ID, a.Line, a.Source, a.Field("genre"), len(a.Paras), len(a.Text))
		for _, s := range a.Sentences {
			fmt.Printf("  para %d [%d,%d) %-5s %s\n", s.Para, s.Start, s.End, s.Label, a.Text[s.Start:s.End])
		}
	}
	// Output:
	// a1 (line 1, source "wire", genre ""): 2 paragraphs, 62 bytes
	//   para 0 [0,26) fact  The council met on Monday.
	//   para 1 [28,62) quote "We will rebuild," the mayor said.
	// skipped: corpus: ../testdata/corpus/news.jsonl:2: sentence 1: empty text
	// 3 (line 3, source "", genre "business"): 0 paragraphs, 55 bytes
}

// NewReader reads one stream; the name picks the format and names the
// records in errors.
func ExampleNewReader() {
	in := "fact\tThe council met on Monday.\n" +
		"no tab here\n" +
		"\n" +
		"quote\t\"We will rebuild,\" the mayor said.\n"
	r := corpus.NewReader(strings.NewReader(in), "sentences.tsv", corpus.ReaderOptions{})
	for {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println(err)
			if corpus.IsRecordError(err) {
				continue
			}
			return
		}
		fmt.Printf("%s %s: %s\n", a.ID, a.Sentences[0].Label, a.Text)
	}

	// A stream without a telling name, such as standard input, is sniffed.
	r = corpus.NewReader(strings.NewReader(`{"id": 7, "text": "Raw text."}`), "-", corpus.ReaderOptions{})
	a, err := r.Next()
	fmt.Println(a.ID, a.Text, err)
	// Output:
	// sentences.tsv:1 fact: The council met on Monday.
	// corpus: sentences.tsv:2: no TAB: want label<TAB>text
	// sentences.tsv:4 quote: "We will rebuild," the mayor said.
	// 7 Raw text. <nil>
}

// JSONLWriter writes the interchange format: paragraphs by number, keys in
// sorted order, one article a line.
func ExampleJSONLWriter() {
	a := &corpus.Article{
		ID:     "a1",
		Source: "wire",
		Sentences: []corpus.Sentence{
			{Text: "Rain fell.", Label: "fact"},
			{Text: "Roads & rails shut.", Label: "fact"},
			{Text: "It was a mistake.", Label: "opinion", Para: 1},
		},
	}
	a.BuildText()
	fmt.Printf("%q\n", a.Text)

	w := corpus.NewJSONLWriter(os.Stdout)
	for _, a := range []*corpus.Article{a, {ID: "a2", Text: "Raw text.", Fields: map[string]string{"genre": "sport"}}} {
		if err := w.Write(a); err != nil {
			fmt.Println(err)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// "Rain fell. Roads & rails shut.\n\nIt was a mistake."
	// {"id":"a1","sentences":[{"text":"Rain fell.","label":"fact","para":0},{"text":"Roads & rails shut.","label":"fact","para":0},{"text":"It was a mistake.","label":"opinion","para":1}],"source":"wire"}
	// {"genre":"sport","id":"a2","text":"Raw text."}
}

// SplitLines cuts a JSONL file into line ranges; ReadLines reads one of
// them as Open would read those lines of the whole file, line numbers
// included, so that workers can share one large file.
func ExampleSplitLines() {
	const path = "../testdata/corpus/news.jsonl"
	f, err := os.Open(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	ranges, err := corpus.SplitLines(f, 100)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rg := range ranges {
		r := corpus.ReadLines(io.NewSectionReader(f, rg.Start, rg.End-rg.Start), path, rg.FirstLine, corpus.ReaderOptions{})
		for {
			a, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				fmt.Println("  bad record:", err)
				continue
			}
			fmt.Printf("bytes [%d,%d) line %d: %s\n", rg.Start, rg.End, a.Line, a.ID)
		}
	}
	// Output:
	// bytes [0,193) line 1: a1
	//   bad record: corpus: ../testdata/corpus/news.jsonl:2: sentence 1: empty text
	// bytes [314,414) line 3: 3
}
