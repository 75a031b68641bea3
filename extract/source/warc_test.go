package source

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// warcWant is what the records of testdata/warc/site.warc give (see gen.go),
// with source the name they are read under.
func warcWant(source string) []string {
	want := []string{
		`#1 other (warcinfo record)`,
		`#2 other (request record)`,
		`#3 id=urn:uuid:00000000-0000-4000-8000-000000000003 pub=2024-03-14 title="La CNIL sanctionne un courtier en données" url=https://veille.test/actus/courtier first="La CNIL sanctionne un courtier en données"`,
		`#4 other (metadata record)`,
		`#5 id=urn:uuid:00000000-0000-4000-8000-000000000005 pub=2023-11-02 title="Le Conseil d'État confirme la sanction" url=https://veille.test/actus/conseil-etat first="Le Conseil d'État confirme la sanction"`,
		`#6 other (response of image/png)`,
		`#7 other (HTTP status 404)`,
		`#8 id=urn:uuid:00000000-0000-4000-8000-000000000008 pub=2024-02-20 title="Mise en demeure d'une commune" url=https://veille.test/actus/commune first="Mise en demeure d'une commune"`,
		`#9 error`,
		`#10 id=urn:uuid:00000000-0000-4000-8000-000000000010 pub=2024-03-15 title="L'Autorité de la concurrence inflige une amende" url=https://veille.test/actus/entente first="L'Autorité de la concurrence inflige une amende"`,
		`#11 other (revisit record)`,
		`#12 id=urn:uuid:00000000-0000-4000-8000-000000000012 pub=2024-03-14 title="Regulator fines broker" url=https://veille.test/en/broker first="Regulator fines broker"`,
	}
	for i := range want {
		want[i] = source + want[i]
	}
	return want
}

// describeWARC is describe, with the kind of record that is no article.
func describeWARC(docs []Doc) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = describe(d)
		if errors.Is(d.Err, ErrOtherRecord) {
			_, what, _ := strings.Cut(d.Err.Error(), "page (")
			out[i] = d.Article.Source + " other (" + what
		}
	}
	return out
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "warc", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestWARC(t *testing.T) {
	plain, gz := readFixture(t, "site.warc"), readFixture(t, "site.warc.gz")
	var tarball bytes.Buffer
	tw := tar.NewWriter(&tarball)
	tw.WriteHeader(&tar.Header{Name: "crawl/site.warc.gz", Mode: 0o644, Size: int64(len(gz)), Typeflag: tar.TypeReg})
	tw.Write(gz)
	tw.Close()
	wholeGz := gzipBytes(t, plain) // one gzip member for the whole file
	dir := t.TempDir()
	for name, data := range map[string][]byte{"a.WARC": plain, "b.warc.gz": wholeGz, "c.tar": tarball.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		paths []string
		stdin []byte
		want  []string
	}{
		{"file", []string{"testdata/warc/site.warc"}, nil, warcWant("testdata/warc/site.warc")},
		{"record by record gzip", []string{"testdata/warc/site.warc.gz"}, nil, warcWant("testdata/warc/site.warc.gz")},
		{"directory, whole-file gzip, in a tar", []string{dir}, nil, append(append(warcWant(filepath.Join(dir, "a.WARC")),
			warcWant(filepath.Join(dir, "b.warc.gz"))...), warcWant(filepath.Join(dir, "c.tar")+"#crawl/site.warc.gz")...)},
		{"stdin", []string{"-"}, plain, warcWant("-")},
		{"stdin gzip", []string{"-"}, gz, warcWant("-")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describeWARC(walkAll(t, tt.paths, bytes.NewReader(tt.stdin), Options{}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Walk(%q) =\n%s\nwant\n%s", tt.paths, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func gzipBytes(tb testing.TB, data []byte) []byte {
	tb.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func TestWARCArticles(t *testing.T) {
	docs := walkAll(t, []string{"testdata/warc/site.warc"}, nil, Options{})
	byNum := map[string]Doc{}
	for _, d := range docs {
		byNum[strings.TrimPrefix(d.Article.Source, "testdata/warc/site.warc")] = d
	}
	// The page of record 5 is windows-1252 by its HTTP header only, and
	// chunked; record 10 is gzip-compressed; the chrome is left out.
	for num, want := range map[string]string{
		"#3":  "La formation restreinte de la CNIL a prononcé une amende de 150 000 euros",
		"#5":  "Le Conseil d’État a rejeté le recours de la société Publicité Œuvre contre la délibération de la CNIL qui lui avait infligé une amende de 75 000 €.",
		"#10": "L'Autorité de la concurrence a infligé une amende de 2 millions d'euros",
	} {
		a := byNum[num].Article
		if !strings.Contains(a.Text, want) {
			t.Errorf("record %s: text %q, want it to hold %q", num, a.Text, want)
		}
		checkCanonical(t, num, a.Text)
		for _, chrome := range []string{"Accueil", "Mentions légales", "cookies"} {
			if strings.Contains(a.Text, chrome) {
				t.Errorf("record %s: chrome %q in the text %q", num, chrome, a.Text)
			}
		}
	}
	if err := byNum["#9"].Err; err == nil || !strings.Contains(err.Error(), "site.warc#9: broken WARC record at byte 4146: bad HTTP response") {
		t.Errorf("record 9: error %v, want one naming the file, the record and its offset", err)
	}
}

func TestWARCRecordTooLarge(t *testing.T) {
	docs := walkAll(t, []string{"testdata/warc/site.warc"}, nil, Options{MaxFileSize: 340})
	var got []string
	for _, d := range docs {
		if d.Err != nil && strings.Contains(d.Err.Error(), "larger than") {
			got = append(got, strings.TrimPrefix(d.Article.Source, "testdata/warc/site.warc"))
		}
	}
	if want := []string{"#3", "#5", "#10"}; !reflect.DeepEqual(got, want) {
		t.Errorf("records over 340 bytes = %v, want %v (and the others read)", got, want)
	}
	if len(docs) != 12 {
		t.Errorf("%d Docs, want 12", len(docs))
	}
}

// TestWARCCutAnywhere cuts the fixture at every few bytes: the walk ends,
// the records before the cut are read as whole, and the cut one, if any, is
// one error naming it.
func TestWARCCutAnywhere(t *testing.T) {
	for _, name := range []string{"site.warc", "site.warc.gz"} {
		data := readFixture(t, name)
		whole := describeWARC(walkAll(t, []string{"-"}, bytes.NewReader(data), Options{}))
		step := 7
		if testing.Short() {
			step = 97
		}
		for cut := len(warcMagic); cut < len(data); cut += step {
			docs := walkAll(t, []string{"-"}, bytes.NewReader(data[:cut]), Options{})
			got := describeWARC(docs)
			errs := 0
			for i, d := range docs {
				switch {
				case i < len(whole) && got[i] == whole[i]:
				case d.Err != nil && !errors.Is(d.Err, ErrUnsupported) && i == len(docs)-1:
					errs++
				default:
					t.Fatalf("%s cut at %d: Doc %d is %s, want %s or the last, an error", name, cut, i, got[i], whole[min(i, len(whole)-1)])
				}
			}
			if errs > 1 {
				t.Fatalf("%s cut at %d: %d errors", name, cut, errs)
			}
		}
	}
}

// TestWARCBrokenStart: a version line without its carriage return makes
// gowarc v1.6.0 panic; it is one error Doc, and the walk goes on.
func TestWARCBrokenStart(t *testing.T) {
	docs := walkAll(t, []string{"-", "testdata/warc/site.warc"}, strings.NewReader("WARC/\n\n"), Options{})
	if len(docs) != 13 || docs[0].Err == nil || !strings.Contains(docs[0].Err.Error(), "-#1: broken WARC record") {
		t.Fatalf("Walk(WARC/\\n) = %v, want one error for -#1, then site.warc", describeAll(docs))
	}
}
