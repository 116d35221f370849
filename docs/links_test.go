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
