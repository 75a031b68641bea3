package source

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkCanonical fails unless text is canonical: valid UTF-8, NFC, "\n"
// line ends, no NUL, no trailing spaces (see normalize.go).
func checkCanonical(t *testing.T, what, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Fatalf("%s: text is not valid UTF-8: %q", what, text)
	}
	if strings.ContainsAny(text, "\r\x00") {
		t.Fatalf("%s: text has CR or NUL: %q", what, text)
	}
	if canonical(text) != text {
		t.Fatalf("%s: text is not canonical: %q, canonical %q", what, text, canonical(text))
	}
}

// fuzzSeeds adds the fixtures of testdata/corpus to f.
func fuzzSeeds(f *testing.F, ext string) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*"+ext))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
}

func FuzzParseText(f *testing.F) {
	fuzzSeeds(f, ".txt")
	f.Add([]byte(" date 2024-12 On ne pille pas en toute impunité\n\nLa CNIL | Laisser un commentaire"))
	f.Add([]byte("date 2022-10-20\r\nRésumé | Corps | Leave a comment"))
	tb := testTables(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return // the walker reports these as errors before parsing
		}
		a := parseText(string(data), tb)
		checkCanonical(t, "parseText", a.Text)
		if !strings.Contains(canonical(string(data)), a.Text) {
			t.Fatalf("parseText(%q) = %q, not a part of the canonical input", data, a.Text)
		}
	})
}

func FuzzParseHTML(f *testing.F) {
	fuzzSeeds(f, ".html")
	f.Add([]byte(`<article><h1>T</h1><p>a<br>b&nbsp;c</p></article><aside>x</aside>`))
	tb := testTables(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parseHTML(data, tb)
		if err != nil {
			return
		}
		checkCanonical(t, "parseHTML", a.Text)
		if strings.Contains(a.Title, "\n") {
			t.Fatalf("parseHTML(%q) title %q has a line break", data, a.Title)
		}
	})
}

// FuzzWalkStdin: whatever comes on standard input, Walk reports every Doc
// with a source, and every article read has canonical text.
func FuzzWalkStdin(f *testing.F) {
	fuzzSeeds(f, "")
	f.Add([]byte("{\"id\":\"x\",\"text\":\"a\"}\n{oops\n"))
	f.Add([]byte("[{\"html\":\"<p>x</p>\"}]"))
	for _, name := range []string{"site.warc", "site.warc.gz"} {
		if data, err := os.ReadFile(filepath.Join("testdata", "warc", name)); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Walk(context.Background(), []string{"-"}, strings.NewReader(string(data)), Options{MaxFileSize: 1 << 16}, func(d Doc) error {
			if !strings.HasPrefix(d.Article.Source, "-") {
				t.Fatalf("Doc source %q does not name stdin", d.Article.Source)
			}
			if d.Err == nil {
				checkCanonical(t, "Walk(-)", d.Article.Text)
				if d.Article.ID == "" {
					t.Fatalf("article %s has no ID", d.Article.Source)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("Walk(-) = %v", err)
		}
	})
}
