package docs

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mdLink matches the target of a Markdown link or image, up to a title
// or an anchor.
var mdLink = regexp.MustCompile(`\]\(([^)\s#]+)`)

// TestLinksStayInRepository checks every relative link in the Markdown
// files, and every mention of a path above the module root in Markdown,
// Go and Python files: a clone has only what is inside the repository.
func TestLinksStayInRepository(t *testing.T) {
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		ext := filepath.Ext(path)
		if ext != ".md" && ext != ".go" && ext != ".py" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		text := string(b)
		assert.NotContains(t, text, ".."+"/shared", "%s points outside the repository", rel)
		if ext != ".md" {
			return nil
		}
		for _, m := range mdLink.FindAllStringSubmatch(text, -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			checked++
			abs := filepath.Join(filepath.Dir(path), filepath.FromSlash(target))
			if r, err := filepath.Rel(root, abs); err != nil || strings.HasPrefix(r, "..") {
				t.Errorf("%s: link %q leaves the repository", rel, target)
				continue
			}
			if _, err := os.Stat(abs); err != nil {
				t.Errorf("%s: link %q: %v", rel, target, err)
			}
		}
		return nil
	})
	require.NoError(t, err)
	assert.Positive(t, checked, "no links found: is the walk at the module root?")
}

// TestREADMEExampleIsTested checks that the README's library program is
// the body of newsmodel's Example, which go test compiles and runs, so
// that the README's code compiles as written.
func TestREADMEExampleIsTested(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	require.NoError(t, err)
	example, err := os.ReadFile(filepath.Join("..", "newsmodel", "newsmodel_test.go"))
	require.NoError(t, err)
	block := between(t, string(readme), "```go\npackage main\n", "\n```\n")
	body := between(t, block, "func main() {\n", "\n}")
	want := between(t, string(example), "func Example() {\n", "\n\t// Output:")
	assert.Equal(t, want, body, "README's main differs from newsmodel's Example")
	for _, imp := range []string{`"fmt"`, `"github.com/stancekit/stancekit/corpus"`, `"github.com/stancekit/stancekit/newsmodel"`} {
		assert.Contains(t, block, imp)
	}
}

// between returns the text of s after the first start and before the
// next end.
func between(t *testing.T, s, start, end string) string {
	t.Helper()
	_, after, ok := strings.Cut(s, start)
	require.True(t, ok, "no %q", start)
	before, _, ok := strings.Cut(after, end)
	require.True(t, ok, "no %q after %q", end, start)
	return before
}
