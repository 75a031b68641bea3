package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// walkAll returns every Doc that Walk gives for paths.
func walkAll(tb testing.TB, paths []string, stdin io.Reader, opts Options) []Doc {
	tb.Helper()
	var docs []Doc
	err := Walk(context.Background(), paths, stdin, opts, func(d Doc) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		tb.Fatalf("Walk(%q) = %v", paths, err)
	}
	return docs
}

// describe is a Doc in one line: its source and either its error or its
// metadata and first line of text; an ID that is the hash of the text
// shows as "hash".
func describe(d Doc) string {
	if d.Err != nil {
		kind := "error"
		if errors.Is(d.Err, ErrUnsupported) {
			kind = "unsupported"
		}
		return fmt.Sprintf("%s %s", d.Article.Source, kind)
	}
	a := d.Article
	first, _, _ := strings.Cut(a.Text, "\n")
	id := a.ID
	if id == hashID(a.Text) {
		id = "hash"
	}
	return fmt.Sprintf("%s id=%s pub=%s title=%q url=%s first=%q", a.Source, id, a.Published, a.Title, a.URL, first)
}

func describeAll(docs []Doc) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = describe(d)
	}
	return out
}

func sources(docs []Doc) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.Article.Source
	}
	return out
}

func TestWalkDirectory(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	got := sources(walkAll(t, []string{dir}, nil, Options{}))
	want := []string{
		"a-sanction.txt", "b-titre.txt", "c-page.html", "d-cp1252.html", "e-latin1.html",
		"f-dump.jsonl#r-1", "f-dump.jsonl#42", "f-dump.jsonl#3", "f-dump.jsonl#5",
		"f-dump.jsonl#r-5", "f-dump.jsonl#7", "g-image.png", "h-notes.md", "sub/i-note.txt",
	}
	for i := range want {
		want[i] = filepath.Join(dir, want[i])
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Walk(%s) sources =\n%s\nwant\n%s", dir, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	again := sources(walkAll(t, []string{dir}, nil, Options{}))
	if !reflect.DeepEqual(got, again) {
		t.Fatalf("two walks differ:\n%v\n%v", got, again)
	}
}

func TestWalkErrorsAndUnsupported(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	docs := walkAll(t, []string{dir, filepath.Join("testdata", "no-such-file.txt")}, nil, Options{})
	want := map[string]string{
		"f-dump.jsonl#3":   "malformed JSON",
		"f-dump.jsonl#5":   "invalid UTF-8",
		"f-dump.jsonl#r-5": "neither",
		"g-image.png":      "unsupported file type",
		"h-notes.md":       "unsupported file type",
		"no-such-file.txt": "no such file",
	}
	seen := 0
	for _, d := range docs {
		base := strings.TrimPrefix(strings.TrimPrefix(d.Article.Source, dir+string(filepath.Separator)), "testdata"+string(filepath.Separator))
		reason, bad := want[base]
		switch {
		case bad && d.Err == nil:
			t.Errorf("%s: no error, want one saying %q", d.Article.Source, reason)
		case !bad && d.Err != nil:
			t.Errorf("%s: unexpected error %v", d.Article.Source, d.Err)
		case bad:
			seen++
			msg := d.Err.Error()
			if !strings.Contains(msg, reason) || !strings.Contains(msg, d.Article.Source) {
				t.Errorf("%s: error %q, want one naming the source and saying %q", d.Article.Source, msg, reason)
			}
			if unsup := errors.Is(d.Err, ErrUnsupported); unsup != strings.Contains(reason, "unsupported") {
				t.Errorf("%s: errors.Is(err, ErrUnsupported) = %v", d.Article.Source, unsup)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d of the %d expected failures", seen, len(want))
	}
}

func TestWalkTooLarge(t *testing.T) {
	path := filepath.Join("testdata", "corpus", "c-page.html")
	docs := walkAll(t, []string{path}, nil, Options{MaxFileSize: 100})
	if len(docs) != 1 || docs[0].Err == nil || !strings.Contains(docs[0].Err.Error(), "larger than") {
		t.Fatalf("Walk(%s, MaxFileSize 100) = %v, want one too-large error", path, describeAll(docs))
	}
	jsonl := filepath.Join("testdata", "corpus", "f-dump.jsonl")
	docs = walkAll(t, []string{jsonl}, nil, Options{MaxFileSize: 120})
	var got []string
	for _, d := range docs {
		if d.Err != nil && strings.Contains(d.Err.Error(), "larger than") {
			got = append(got, d.Article.Source)
		}
	}
	want := []string{jsonl + "#1", jsonl + "#2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JSON Lines records over 120 bytes = %v, want %v (the others still read)", got, want)
	}
	if len(docs) != 6 {
		t.Errorf("JSON Lines with long lines gave %d Docs, want 6 (7 lines, one blank): %v", len(docs), describeAll(docs))
	}
}

func TestWalkInvalidUTF8AndCharset(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "latin.txt")
	if err := os.WriteFile(path, []byte("Amende de 300\xa0000 \x80 pour la soci\xe9t\xe9.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	docs := walkAll(t, []string{path}, nil, Options{})
	if len(docs) != 1 || docs[0].Err == nil || !strings.Contains(docs[0].Err.Error(), "invalid UTF-8") {
		t.Fatalf("Walk(latin.txt) = %v, want an invalid UTF-8 error", describeAll(docs))
	}
	docs = walkAll(t, []string{path}, nil, Options{Charset: "windows-1252"})
	want := "Amende de 300\u00a0000 € pour la société."
	if len(docs) != 1 || docs[0].Err != nil || docs[0].Article.Text != want {
		t.Fatalf("Walk(latin.txt, windows-1252) = %v, want text %q", describeAll(docs), want)
	}
	if err := Walk(context.Background(), []string{path}, nil, Options{Charset: "no-such-charset"}, func(Doc) error { return nil }); err == nil {
		t.Error("Walk with an unknown Options.Charset: no error")
	}
}

func TestWalkStdinSniffing(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"json lines", "  {\"id\":\"s1\",\"text\":\"Un.\"}\n{\"text\":\"Deux.\"}\n",
			[]string{`-#s1 id=s1 pub= title="" url= first="Un."`, `-#2 id=hash pub= title="" url= first="Deux."`}},
		{"json array", `[{"id":"a1","title":"T","text":"Un."}]`,
			[]string{`-#a1 id=a1 pub= title="T" url= first="Un."`}},
		{"html", "\n<!doctype html><title>Titre | Site</title><p>Corps.</p>",
			[]string{`- id=hash pub= title="Titre" url= first="Corps."`}},
		{"text", "date 2022-05-04\nSimple texte < pas une balise.\n",
			[]string{`- id=hash pub=2022-05-04 title="Simple texte < pas une balise." url= first="Simple texte < pas une balise."`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describeAll(walkAll(t, []string{"-"}, strings.NewReader(tt.in), Options{}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Walk(-, %q) =\n%s\nwant\n%s", tt.in, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestWalkStops(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, nil, Options{}, func(Doc) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("Walk with fn failing at the 3rd Doc = %v after %d Docs, want stop after 3", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Walk(ctx, []string{dir}, nil, Options{}, func(Doc) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("Walk with ctx cancelled at the 1st Doc = %v after %d Docs, want context.Canceled after 1", err, n)
	}
}
