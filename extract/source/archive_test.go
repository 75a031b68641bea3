package source

import (
	"archive/tar"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestArchives(t *testing.T) {
	dir := filepath.Join("testdata", "archives")
	got := describeAll(walkAll(t, []string{dir}, nil, Options{}))
	want := []string{
		filepath.Join(dir, "broken.txt.gz") + " error",
		filepath.Join(dir, "bundle.tar.gz") + `#dump/x.jsonl#t-1 id=t-1 pub= title="" url= first="Dans le tar."`,
		filepath.Join(dir, "bundle.tar.gz") + `#dump/x.jsonl#t-2 id=t-2 pub= title="" url= first="Encore."`,
		filepath.Join(dir, "bundle.tar.gz") + `#dump/y.txt id=hash pub= title="Texte du tar." url= first="Texte du tar."`,
		filepath.Join(dir, "bundle.zip") + `#inner/a.txt id=hash pub=2021-06 title="Texte zippé." url= first="Texte zippé."`,
		filepath.Join(dir, "bundle.zip") + `#inner/b.html id=hash pub= title="Zippé" url= first="Zippé"`,
		filepath.Join(dir, "bundle.zip") + `#inner/c.png unsupported`,
		filepath.Join(dir, "page.html.gz") + ` id=hash pub=2024-02-01 title="Amende record pour Exemplia" url= first="Amende record pour Exemplia"`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Walk(%s) =\n%s\nwant\n%s", dir, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestArchivesFromStdin(t *testing.T) {
	for _, name := range []string{"bundle.zip", "page.html.gz"} {
		f, err := os.Open(filepath.Join("testdata", "archives", name))
		if err != nil {
			t.Fatal(err)
		}
		docs := walkAll(t, []string{"-"}, f, Options{})
		f.Close()
		ok := 0
		for _, d := range docs {
			if d.Err == nil && strings.HasPrefix(d.Article.Source, "-") && d.Article.Text != "" {
				ok++
			}
		}
		if ok == 0 {
			t.Errorf("Walk(- < %s) = %v, want articles read from the sniffed stream", name, describeAll(docs))
		}
	}
}

func TestTarFromStdin(t *testing.T) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	body := []byte("<html><body><article><h1>Dans un tar</h1></article></body></html>")
	if err := tw.WriteHeader(&tar.Header{Name: "d/page.html", Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
		t.Fatal(err)
	}
	tw.Write(body)
	tw.Close()
	got := describeAll(walkAll(t, []string{"-"}, &buf, Options{}))
	want := []string{`-#d/page.html id=hash pub= title="Dans un tar" url= first="Dans un tar"`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Walk(- < tar) = %v, want %v", got, want)
	}
}

func TestBrokenArchives(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"bad.zip":    []byte("PK\x03\x04 not really a zip"),
		"bad.tar.gz": []byte("\x1f\x8b\x08\x00garbage"),
		"bad.tar":    []byte(strings.Repeat("x", 700)),
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		docs := walkAll(t, []string{path}, nil, Options{})
		if len(docs) != 1 || docs[0].Err == nil || !strings.Contains(docs[0].Err.Error(), "broken") || !strings.Contains(docs[0].Err.Error(), path) {
			t.Errorf("Walk(%s) = %v, want one error naming it and saying broken", name, docs)
		}
	}
}
