package index

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/veille/veille/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// record builds a record whose facts point at the first occurrence of their text.
func record(id, published, title, text string, facts func(text string) extract.Facts) *extract.Record {
	r := &extract.Record{Article: extract.Article{ID: id, Source: id + ".txt", Title: title, Text: text}, Lang: "fr"}
	if published != "" {
		r.Published, _ = extract.ParseCivilDate(published)
	}
	r.Facts = facts(text)
	return r
}

func at(text, surface string) extract.Span {
	i := strings.Index(text, surface)
	if i < 0 {
		panic("no " + surface + " in " + text)
	}
	return extract.Span{Start: i, End: i + len(surface)}
}

func amount(text, surface string, euros int64, role extract.Role, per extract.Period) extract.Amount {
	return extract.Amount{Span: at(text, surface), Text: surface, Minor: euros * 100, Currency: "EUR", Role: role, Per: per}
}

func entity(text, surface string, typ extract.EntityType, name string) extract.Entity {
	return extract.Entity{Span: at(text, surface), Text: surface, Type: typ, Name: name}
}

func gdpr(text, surface string, article, paragraph int, point string) extract.GDPRRef {
	return extract.GDPRRef{Span: at(text, surface), Text: surface, Article: article, Paragraph: paragraph, Point: point}
}

// corpus is three articles covering the filters.
func corpus() []*extract.Record {
	return []*extract.Record{
		record("kaspr", "2024-12", "Sanctions et obligations imposées à Kaspr",
			"La CNIL a prononcé une amende de 240 000 euros contre KASPR pour avoir conservé des données (article 5-1-e du RGPD) et ignoré le droit d'accès (article 15 du RGPD).",
			func(t string) extract.Facts {
				return extract.Facts{
					Amounts:  []extract.Amount{amount(t, "240 000 euros", 240000, extract.RoleFine, "")},
					GDPRRefs: []extract.GDPRRef{gdpr(t, "article 5-1-e du RGPD", 5, 1, "e"), gdpr(t, "article 15 du RGPD", 15, 0, "")},
					Entities: []extract.Entity{entity(t, "CNIL", extract.Authority, "CNIL"), entity(t, "KASPR", extract.Org, "Kaspr")},
				}
			}),
		record("clearview", "2022-10-20", "Clearview AI sanctionnée",
			"La CNIL a infligé une amende de 20 millions d'euros à Clearview AI, sous astreinte de 100 000 euros par jour de retard.",
			func(t string) extract.Facts {
				return extract.Facts{
					Amounts: []extract.Amount{amount(t, "20 millions d'euros", 20000000, extract.RoleFine, ""),
						amount(t, "100 000 euros", 100000, extract.RolePenaltyPayment, extract.PerDay)},
					Entities: []extract.Entity{entity(t, "CNIL", extract.Authority, "CNIL"), entity(t, "Clearview AI", extract.Org, "Clearview AI")},
				}
			}),
		record("google", "2021-07-13", "Droits voisins : Google condamné",
			"L'Autorité de la concurrence a infligé à Google une amende de 500 millions d'euros.",
			func(t string) extract.Facts {
				return extract.Facts{
					Amounts: []extract.Amount{amount(t, "500 millions d'euros", 500000000, extract.RoleFine, "")},
					Entities: []extract.Entity{entity(t, "Autorité de la concurrence", extract.Authority, "Autorité de la concurrence"),
						entity(t, "Google", extract.Org, "Google LLC")},
				}
			}),
	}
}

func newCorpusIndex(tb testing.TB) *Index {
	tb.Helper()
	ix, err := NewMemOnly()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	w := ix.NewWriter()
	for _, r := range corpus() {
		if err := w.Add(r); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return ix
}

func ids(res *Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

func TestSearchFilters(t *testing.T) {
	ix := newCorpusIndex(t)
	d := func(s string) extract.CivilDate { c, _ := extract.ParseCivilDate(s); return c }
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"all", Query{}, []string{"clearview", "google", "kaspr"}},
		{"gdpr point", Query{GDPR: "5-1-e"}, []string{"kaspr"}},
		{"gdpr article finds its points", Query{GDPR: "5"}, []string{"kaspr"}},
		{"gdpr dotted form", Query{GDPR: "5.1.e"}, []string{"kaspr"}},
		{"gdpr paragraph not cited", Query{GDPR: "15-1"}, nil},
		{"org by first word, any case", Query{Org: "clearview"}, []string{"clearview"}},
		{"org by canonical name", Query{Org: "Kaspr"}, []string{"kaspr"}},
		{"org is not a substring match", Query{Org: "view"}, nil},
		{"authority without accents", Query{Authority: "autorite de la concurrence"}, []string{"google"}},
		{"fines over a million", Query{Role: "fine", MinAmount: 1e6}, []string{"clearview", "google"}},
		{"min amount applies to the role", Query{Role: "penalty_payment", MinAmount: 200000}, nil},
		{"any amount in a band", Query{MinAmount: 100000, MaxAmount: 300000}, []string{"clearview", "kaspr"}},
		{"since a year", Query{Since: d("2022")}, []string{"clearview", "kaspr"}},
		{"until a month includes the month", Query{Until: d("2022-10")}, []string{"clearview", "google"}},
		{"french stemming: sanctionnée finds Sanctions", Query{Text: "sanctionnée"}, []string{"clearview", "kaspr"}},
		{"query and filter", Query{Text: "amende", Authority: "CNIL"}, []string{"clearview", "kaspr"}},
		{"a bracket inside quotes is text", Query{Text: `"(astreinte"`}, []string{"clearview"}},
		{"required and excluded words", Query{Text: "+amende -astreinte"}, []string{"google", "kaspr"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(res); !slices.Equal(got, tt.want) {
				t.Errorf("Search(%+v) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
}

func TestSearchSnippetAndFacets(t *testing.T) {
	ix := newCorpusIndex(t)
	res, err := ix.Search(Query{Text: "astreinte", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || !strings.Contains(res.Hits[0].Snippet, "<mark>astreinte</mark>") {
		t.Fatalf("hits %+v: want clearview with a highlighted snippet", res.Hits)
	}
	ansi, err := ix.Search(Query{Text: "astreinte", Highlight: "ansi"})
	if err != nil || len(ansi.Hits) != 1 || !strings.Contains(ansi.Hits[0].Snippet, "\x1b[") {
		t.Errorf("ansi highlight: %v, %+v", err, ansi)
	}
	if h := res.Hits[0]; h.MaxFine != 20000000 || h.Date != "2022-10-20" || !slices.Equal(h.Authorities, []string{"CNIL"}) {
		t.Errorf("hit %+v: want largest fine 20000000, date 2022-10-20 and authority CNIL", h)
	}
	counts := map[string]string{}
	for _, f := range res.Facets {
		for _, term := range f.Terms {
			counts[f.Name+"/"+term.Term] = strings.Repeat("x", term.Count)
		}
	}
	for _, want := range []string{"authority/CNIL", "organisation/Clearview AI", "role/penalty_payment", "year/2022", "fine/10 M€ – 100 M€"} {
		if counts[want] != "x" {
			t.Errorf("facet %s: count %d, want 1 (all: %v)", want, len(counts[want]), counts)
		}
	}
}

func TestBadQueries(t *testing.T) {
	ix := newCorpusIndex(t)
	for _, q := range []Query{{Text: "\"unterminated"}, {Text: "title:"}, {Text: "title:("}, {Text: "amende OR"}, {Text: "(astreinte Kaspr"}} {
		if _, err := ix.Search(q); !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%+v) = %v, want a bad query", q, err)
		}
	}
	for _, q := range []Query{{GDPR: "e-1"}, {Role: "fines"}} {
		if _, err := ix.Search(q); !errors.Is(err, ErrBadFilter) {
			t.Errorf("Search(%+v) = %v, want a bad filter", q, err)
		}
	}
}

func TestGetAndEachGiveRecordsBack(t *testing.T) {
	ix := newCorpusIndex(t)
	want := corpus()[0]
	got, err := ix.Get("kaspr")
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(want.JSON())
	gotJSON, _ := json.Marshal(got)
	if string(gotJSON) != string(wantJSON) {
		t.Errorf("Get(kaspr) =\n%s\nwant\n%s", gotJSON, wantJSON)
	}
	if _, err := ix.Get("nosuch"); err == nil {
		t.Error("Get(nosuch) gave no error")
	}
	var seen []string
	if err := ix.Each(func(r *extract.JSONRecord) error { seen = append(seen, r.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(seen, []string{"clearview", "google", "kaspr"}) {
		t.Errorf("Each visited %v", seen)
	}
}

func TestReindexingIsIdempotent(t *testing.T) {
	ix := newCorpusIndex(t)
	w := ix.NewWriter()
	for _, r := range corpus() {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 3 {
		t.Errorf("after indexing the corpus twice: %d documents, want 3", n)
	}
}

// TestStats checks the aggregates of a small corpus by hand: the three
// articles of corpus report fines but no extracted sanction; those of
// sanctionCorpus report four sanctions.
func TestStats(t *testing.T) {
	st, err := newIndexOf(t, append(corpus(), sanctionCorpus()...)).Stats(StatsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 6 || st.Sanctions != 4 || st.FinesWithoutSanction != 3 {
		t.Errorf("stats %+v: want 6 articles, 4 sanctions, 3 fines without sanction", st)
	}
	wantGroups := []SanctionGroup{
		{Authority: "AMF", Kind: "warning", Year: "2022", Sanctions: 1},
		{Authority: "CNIL", Kind: "fine", Year: "2019", Sanctions: 1, Total: 3e6, Max: 3e6},
		{Authority: "CNIL", Kind: "fine", Year: "2024", Sanctions: 2, Total: 2010000, Max: 2e6},
	}
	if !reflect.DeepEqual(st.Groups, wantGroups) {
		t.Errorf("groups\n%+v\nwant\n%+v", st.Groups, wantGroups)
	}
	if len(st.GDPR) != 2 || st.GDPR[0] != (Count{"5-1-e", 3}) || st.GDPR[1] != (Count{"15", 1}) {
		t.Errorf("GDPR ranking %+v", st.GDPR)
	}
	if want := []SanctionCount{{"5-1-e", 2}, {"15", 1}}; !reflect.DeepEqual(st.SanctionGDPR, want) {
		t.Errorf("GDPR refs of sanctions %+v, want %+v", st.SanctionGDPR, want)
	}
	wantOrgs := []OrgCount{{"Alpha", 1, 2e6}, {"Beta", 1, 10000}, {"Delta", 1, 0}, {"Gamma SAS", 1, 3e6}}
	if !reflect.DeepEqual(st.Orgs, wantOrgs) {
		t.Errorf("organisations %+v, want %+v", st.Orgs, wantOrgs)
	}
}

func TestOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "test.bleve")
	if _, err := Open(dir, false, Options{}); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "veille ingest") {
		t.Fatalf("opening a missing index: %v, want advice to ingest", err)
	}
	ix, err := Open(dir, true, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, false, Options{LockTimeout: "50ms"}); err == nil || !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "held by another process") {
		t.Errorf("opening an index held open: %v, want it reported in use", err)
	}
	if err := ix.bleve.SetInternal(schemaKey, []byte("0")); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := Open(dir, false, Options{}); err == nil || !strings.Contains(err.Error(), "schema version 0") {
		t.Errorf("opening an index of another schema: %v, want it refused", err)
	}
}

// TestMappingGolden keeps the mapping under review: a change shows as a diff
// of testdata/mapping.json (regenerate with go test ./index -update).
func TestMappingGolden(t *testing.T) {
	m, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "mapping.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
		t.Errorf("the mapping changed; if that is intended, bump SchemaVersion and run go test ./index -update\n got: %s", got)
	}
}

// BenchmarkWriter measures indexing on disk, in batches, of records shaped
// like real articles (3 kB of text, a dozen facts). It reports documents/s.
func BenchmarkWriter(b *testing.B) {
	ix, err := Open(filepath.Join(b.TempDir(), "bench.bleve"), true, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	base := corpus()
	filler := strings.Repeat(" La formation restreinte relève un manquement à l'obligation de sécurité des données.", 35)
	w := ix.NewWriter()
	b.ResetTimer()
	for i := range b.N {
		r := *base[i%len(base)]
		r.ID = fmt.Sprintf("doc-%d", i)
		r.Text += filler
		if err := w.Add(&r); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// TestOpenCreatesWhole checks what a process killed while creating an index
// leaves: its temporary directory, never a half-made index at the path; the
// next creation removes it once it is old.
func TestOpenCreatesWhole(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "test.bleve")
	stale := dir + ".creating-999999"
	if err := os.MkdirAll(stale, 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir, true, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale %s is still there: %v", stale, err)
	}
	if left, _ := filepath.Glob(dir + ".creating-*"); len(left) > 0 {
		t.Errorf("creating left %v behind", left)
	}
	if ix, err = Open(dir, false, Options{}); err != nil {
		t.Fatalf("the new index does not open: %v", err)
	}
	ix.Close()
}
