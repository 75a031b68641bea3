package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// devDocs is the shared development corpus, absent from users' clones.
func devDocs(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "eval", "dev", "docs")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared dev corpus not found at %s (only in the project's workspace): %v", dir, err)
	}
	return dir
}

func devArticles(t *testing.T) map[string]Doc {
	dir := devDocs(t)
	docs := map[string]Doc{}
	for _, d := range walkAll(t, []string{dir}, nil, Options{}) {
		if d.Err != nil {
			t.Errorf("dev doc %s: %v", d.Article.Source, d.Err)
		}
		docs[strings.TrimPrefix(d.Article.Source, dir+string(filepath.Separator))] = d
	}
	return docs
}

func byPrefix(t *testing.T, docs map[string]Doc, prefix string) Doc {
	t.Helper()
	for name, d := range docs {
		if strings.HasPrefix(name, prefix) {
			return d
		}
	}
	t.Fatalf("no dev doc %s*", prefix)
	return Doc{}
}

// TestDevNearDuplicate: page 20 differs from page 12 only in its chrome, so
// both must clean to the same text.
func TestDevNearDuplicate(t *testing.T) {
	docs := devArticles(t)
	a, b := byPrefix(t, docs, "12-"), byPrefix(t, docs, "20-")
	if a.Article.Text != b.Article.Text || a.Article.Text == "" {
		t.Errorf("page 20 text differs from page 12:\n%q\n%q", a.Article.Text, b.Article.Text)
	}
}

// TestDevChromeLeftOut checks, on every dev page, that no line of the page's
// chrome (found here with plain selectors, independently of html_chrome.txt)
// reaches the cleaned text.
func TestDevChromeLeftOut(t *testing.T) {
	dir := devDocs(t)
	docs := devArticles(t)
	chrome := `nav, footer, aside, script, [class*=comment], [id*=comment], [class*=cookie], [class*=consent], [class*=share], [class*=related], [class*=sidebar], [class*=banner], [class*=newsletter], [class*=top-bar], [class*=ticker], [class*=widget], [class*=encadre]`
	for name, d := range docs {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		utf, err := decodeHTML(data)
		if err != nil {
			t.Fatal(err)
		}
		page, err := goquery.NewDocumentFromReader(strings.NewReader(string(utf)))
		if err != nil {
			t.Fatal(err)
		}
		page.Find(chrome).Each(func(_ int, s *goquery.Selection) {
			for _, line := range strings.Split(render(s.Nodes...), "\n") {
				if line = strings.TrimSpace(line); len(line) >= 8 && strings.Contains(d.Article.Text, line) {
					t.Errorf("%s: chrome line %q is in the text", name, line)
				}
			}
		})
	}
}

func TestDevLanguages(t *testing.T) {
	docs := devArticles(t)
	d := NewDetector()
	for name, doc := range docs {
		want := "fr"
		switch {
		case strings.HasPrefix(name, "22-"):
			want = "en"
		case strings.HasPrefix(name, "23-"):
			want = "de"
		}
		if got, conf := d.Detect(doc.Article.Text); got != want {
			t.Errorf("Detect(%s) = %q (%.2f), want %q", name, got, conf, want)
		}
	}
}
