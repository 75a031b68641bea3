package source

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestJSONLRecords(t *testing.T) {
	path := filepath.Join("testdata", "corpus", "f-dump.jsonl")
	docs := walkAll(t, []string{path}, nil, Options{})
	if len(docs) == 6 && (docs[4].Article.ID != "r-5" || docs[4].Article.Title != "Vide") {
		t.Errorf("error Doc of record r-5 = %+v, want its id and title kept", docs[4].Article)
	}
	got := describeAll(docs)
	want := []string{
		path + `#r-1 id=r-1 pub=2023-01-17 title="Premier" url=https://ex.example/1 first="Texte du premier article."`,
		path + `#42 id=42 pub=2024-03-20 title="Second" url= first="Second"`,
		path + `#3 error`,
		path + `#5 error`,
		path + `#r-5 error`,
		path + `#7 id=hash pub=2024-03 title="" url= first="Sans identifiant, daté au mois."`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Walk(%s) =\n%s\nwant\n%s", path, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestJSONForms(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"single object",
			"{\n  \"id\": \"o1\",\n  \"text\": \"Un.\"\n}\n",
			[]string{`#o1 id=o1 pub= title="" url= first="Un."`}},
		{"array, positions name records without id",
			`[{"id":"a1","text":"Un."}, {"text":"Deux.","date":"21/04/2022"}]`,
			[]string{`#a1 id=a1 pub= title="" url= first="Un."`, `#2 id=hash pub=2022-04-21 title="" url= first="Deux."`}},
		{"JSON Lines in a .json",
			"{\"id\":\"l1\",\"text\":\"Un.\"}\n{\"id\":\"l2\",\"text\":\"Deux.\"}\n",
			[]string{`#l1 id=l1 pub= title="" url= first="Un."`, `#l2 id=l2 pub= title="" url= first="Deux."`}},
		{"html record: page title and date fill the record's",
			`{"id":"h1","html":"<title>Page | Site</title><meta property=\"article:published_time\" content=\"2021-07-13T14:30:00+02:00\"><article><p>Corps.</p></article>"}`,
			[]string{`#h1 id=h1 pub=2021-07-13 title="Page" url= first="Corps."`}},
		{"array broken in the middle: records before it kept",
			`[{"id":"b1","text":"Un."}, {"id": oops}]`,
			[]string{`#b1 id=b1 pub= title="" url= first="Un."`, `#2 error`}},
		{"empty array", `[]`, nil},
	}
	dir := t.TempDir()
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.Repeat("x", i+1)+".json")
			if err := os.WriteFile(path, []byte(tt.in), 0o644); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range describeAll(walkAll(t, []string{path}, nil, Options{})) {
				got = append(got, strings.TrimPrefix(d, path))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Walk(%q) =\n%s\nwant\n%s", tt.in, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestRecordID(t *testing.T) {
	for raw, want := range map[string]string{
		`"lx-2022-0421"`: "lx-2022-0421", `" x "`: "x", `""`: "", `"a\"b"`: `a"b`, `"\u0041 "`: "A",
		`42`: "42", `-1.5e3`: "-1.5e3", `null`: "", `true`: "", `{"a":1}`: "",
	} {
		if got := recordID([]byte(raw)); got != want {
			t.Errorf("recordID(%s) = %q, want %q", raw, got, want)
		}
	}
}
