package serve

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

// The page is plain HTML, CSS and JavaScript: no build step, nothing
// fetched from elsewhere.
//
//go:embed static
var staticFiles embed.FS

var staticFS, _ = fs.Sub(staticFiles, "static")

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeFileFS(w, r, staticFS, "index.html")
}

func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, "/") {
		writeError(w, http.StatusNotFound, "no such file: "+r.URL.Path, 0) // no directory listings
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.StripPrefix("/static/", http.FileServerFS(staticFS)).ServeHTTP(w, r)
}
