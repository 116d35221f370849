package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var screenshot = flag.Bool("screenshot", false, "write a screenshot of the page to docs/serve.png")

// chromium finds Debian's Chromium ($CHROMIUM first), or returns "".
func chromium() string {
	for _, name := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts headless Chromium with a fresh profile and nothing that
// calls out to the network by itself.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromium()
	if path == "" {
		t.Skip("no Chromium installed: apt-get install chromium chromium-driver (as .ci/run does) to run the browser test")
	}
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel)
	return ctx
}

type shown struct {
	Label, Text string
}

// The page in a real browser: paste an article, press the button, and the
// labels shown are the API's, appeal runs are framed as blocks, a focused
// sentence shows its scores and features, the arrow keys move on, and a
// phone-sized window does not scroll sideways.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	ctx := browser(t)
	s, _ := newServer(t, Options{})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()

	const id = "ferry-fares.txt"
	text, err := os.ReadFile("../testdata/news/examples/" + id)
	require.NoError(t, err)

	resp, err := http.Post(ts.URL+"/v1/classify?explain=6&id="+id, "text/plain; charset=utf-8", strings.NewReader(string(text)))
	require.NoError(t, err)
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	var api []shown
	var runs int // runs of consecutive appeal sentences
	dec := json.NewDecoder(bytes.NewReader(raw))
	for dec.More() {
		var rec shown
		require.NoError(t, dec.Decode(&rec))
		if rec.Label == "appeal" && (len(api) == 0 || api[len(api)-1].Label != "appeal") {
			runs++
		}
		api = append(api, rec)
	}
	require.NotEmpty(t, api)

	// Upload fills the text box and the id.
	abs, err := filepath.Abs("../testdata/news/examples/" + id)
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(ts.URL),
		chromedp.WaitVisible(chromedp.ID("article")),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{abs}),
	))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("article-id").value === `+jsString(id)))
	require.NoError(t, err, "the upload sets the id")
	uploaded, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("article").value`))
	require.NoError(t, err)
	assert.Equal(t, string(text), uploaded)

	// Paste (set the text box) and press the button.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("article"), string(text)),
		chromedp.Click(chromedp.ID("run")),
		chromedp.WaitVisible(chromedp.CSS(`body[data-state="done"]`)),
	))
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]shown](
		`Array.from(document.querySelectorAll("#doc .s")).map(e => ({label: e.dataset.label, text: e.lastChild.textContent}))`))
	require.NoError(t, err)
	assert.Equal(t, api, got, "the page shows the API's labels")
	download, err := chromedp.Run(ctx, chromedp.Evaluate[string](`rawJSONL`))
	require.NoError(t, err)
	assert.Equal(t, string(raw), download, "the download is the API's answer")

	blocks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#doc .appeal-block").length`))
	require.NoError(t, err)
	assert.Equal(t, runs, blocks, "one frame per run of appeal sentences")
	legend, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("legend").textContent`))
	require.NoError(t, err)
	for _, l := range []string{"fact", "quote", "opinion", "appeal"} {
		assert.Contains(t, legend, l)
	}
	bar, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("shares").getAttribute("aria-label")`))
	require.NoError(t, err)
	assert.Contains(t, bar, "Label shares: ")

	// Keyboard: focus the first sentence, then the right arrow.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Focus(chromedp.CSS(`#doc .s[data-i="0"]`)),
		chromedp.KeyEvent(kb.ArrowRight),
	))
	detail, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("detail").textContent`))
	require.NoError(t, err)
	assert.Contains(t, detail, "Sentence 2 of ")
	assert.Contains(t, detail, api[1].Text)
	assert.Contains(t, detail, "Features behind")
	tip, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.getElementById("tip").hidden`))
	require.NoError(t, err)
	assert.True(t, tip, "a focused sentence shows its scores")
	features, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#detail table.explain tr").length`))
	require.NoError(t, err)
	assert.Equal(t, 6, features)

	if *screenshot {
		// A quote chosen, so that the picture shows the panel with its
		// features and the tooltip with its scores.
		pick := 0
		for i, r := range api {
			if r.Label == "quote" {
				pick = i
				break
			}
		}
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Evaluate[chromedp.Void](`document.getElementById("input").scrollIntoView()`),
			chromedp.Focus(chromedp.CSS(`#doc .s[data-i="`+itoa(pick)+`"]`)),
		))
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile("../docs/serve.png", png, 0o644))
		t.Log("wrote docs/serve.png")
	}

	// A phone: nothing wider than the screen.
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)))
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	require.NoError(t, err)
	assert.False(t, wide, "the page scrolls sideways on a phone")
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
