package index

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/veille/veille/extract"
)

func sanction(text, surface string, kind extract.SanctionKind, authority, target string, amount *extract.Amount, date string, refs ...string) extract.Sanction {
	s := extract.Sanction{Span: at(text, surface), Text: surface, Kind: kind, Authority: authority, Target: target, Amount: amount, GDPR: refs}
	if date != "" {
		s.Date, _ = extract.ParseCivilDate(date)
	}
	return s
}

// sanctionCorpus: "joint" reports two fines in one article, 2 M€ against
// Alpha for nothing GDPR, 10 000 € against Beta for breaching 5-1-e, so the
// article as a whole has a fine over 1 M€ and cites 5-1-e, but no single
// sanction has both; "single" has one fine with both, decided in 2019 and
// published in 2023; "warned" has a warning without amount.
func sanctionCorpus() []*extract.Record {
	return []*extract.Record{
		record("joint", "2024-03", "Deux amendes",
			"La CNIL a infligé une amende de 2 millions d'euros à Alpha. Elle a infligé une amende de 10 000 euros à Beta pour manquement à l'article 5-1-e du RGPD.",
			func(t string) extract.Facts {
				big, small := amount(t, "2 millions d'euros", 2000000, extract.RoleFine, ""), amount(t, "10 000 euros", 10000, extract.RoleFine, "")
				return extract.Facts{
					Amounts:  []extract.Amount{big, small},
					GDPRRefs: []extract.GDPRRef{gdpr(t, "article 5-1-e du RGPD", 5, 1, "e")},
					Entities: []extract.Entity{entity(t, "CNIL", extract.Authority, "CNIL"), entity(t, "Alpha", extract.Org, "Alpha"), entity(t, "Beta", extract.Org, "Beta")},
					Sanctions: []extract.Sanction{
						sanction(t, "La CNIL a infligé une amende de 2 millions d'euros à Alpha.", extract.SanctionFine, "CNIL", "Alpha", &big, ""),
						sanction(t, "Elle a infligé une amende de 10 000 euros à Beta", extract.SanctionFine, "CNIL", "Beta", &small, "", "5-1-e"),
					},
				}
			}),
		record("single", "2023-01-10", "Une amende ancienne",
			"En mars 2019, la CNIL avait infligé une amende de 3 millions d'euros à Gamma SAS pour manquement à l'article 5-1-e du RGPD.",
			func(t string) extract.Facts {
				a := amount(t, "3 millions d'euros", 3000000, extract.RoleFine, "")
				return extract.Facts{
					Amounts:   []extract.Amount{a},
					GDPRRefs:  []extract.GDPRRef{gdpr(t, "article 5-1-e du RGPD", 5, 1, "e")},
					Entities:  []extract.Entity{entity(t, "CNIL", extract.Authority, "CNIL"), entity(t, "Gamma SAS", extract.Org, "Gamma SAS")},
					Sanctions: []extract.Sanction{sanction(t, "la CNIL avait infligé une amende de 3 millions d'euros à Gamma SAS", extract.SanctionFine, "CNIL", "Gamma SAS", &a, "2019-03", "5-1-e", "15")},
				}
			}),
		record("warned", "2022-05-02", "Un avertissement",
			"L'AMF a prononcé un avertissement contre Delta.",
			func(t string) extract.Facts {
				return extract.Facts{
					Entities:  []extract.Entity{entity(t, "AMF", extract.Authority, "AMF"), entity(t, "Delta", extract.Org, "Delta")},
					Sanctions: []extract.Sanction{sanction(t, "L'AMF a prononcé un avertissement contre Delta.", extract.SanctionWarning, "AMF", "Delta", nil, "")},
				}
			}),
	}
}

func newIndexOf(tb testing.TB, recs []*extract.Record) *Index {
	tb.Helper()
	ix, err := NewMemOnly()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	w := ix.NewWriter()
	for _, r := range recs {
		if err := w.Add(r); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return ix
}

// TestSanctionFiltersApplyToOneSanction: with -sanction, the amount, GDPR,
// organisation, authority and date filters must hold for one and the same
// sanction; without it they apply to the article as a whole.
func TestSanctionFiltersApplyToOneSanction(t *testing.T) {
	ix := newIndexOf(t, sanctionCorpus())
	d := func(s string) extract.CivilDate { c, _ := extract.ParseCivilDate(s); return c }
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"document level: the joint article has a big fine and cites 5-1-e",
			Query{Role: "fine", MinAmount: 1e6, GDPR: "5-1-e"}, []string{"joint", "single"}},
		{"same sanction: no sanction of the joint article has both",
			Query{Sanction: "fine", MinAmount: 1e6, GDPR: "5-1-e"}, []string{"single"}},
		{"same sanction: the small fine is the 5-1-e one", Query{Sanction: "fine", MaxAmount: 50000, GDPR: "5"}, []string{"joint"}},
		{"target and amount of one sanction", Query{Sanction: "fine", Org: "beta", MinAmount: 1e6}, nil},
		{"target by its first word", Query{Sanction: "fine", Org: "gamma"}, []string{"single"}},
		{"authority", Query{Sanction: "any", Authority: "amf"}, []string{"warned"}},
		{"kind", Query{Sanction: "warning"}, []string{"warned"}},
		{"any kind", Query{Sanction: "any"}, []string{"joint", "single", "warned"}},
		{"no such kind in the corpus", Query{Sanction: "reprimand"}, nil},
		{"decision date, not publication date", Query{Sanction: "fine", Until: d("2019")}, []string{"single"}},
		{"publication date when no decision date", Query{Sanction: "any", Since: d("2022")}, []string{"joint", "warned"}},
		{"with a text query", Query{Sanction: "fine", Text: "ancienne"}, []string{"single"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(res); !slices.Equal(got, tt.want) || int(res.Total) != len(tt.want) {
				t.Errorf("Search(%+v) = %v (total %d), want %v", tt.q, got, res.Total, tt.want)
			}
		})
	}
}

func TestSanctionHitsShowTheMatchingSanctions(t *testing.T) {
	ix := newIndexOf(t, sanctionCorpus())
	res, err := ix.Search(Query{Sanction: "fine", Sort: "amount"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		var targets []string
		for _, s := range h.Sanctions {
			targets = append(targets, s.Target)
		}
		got = append(got, h.ID+":"+strings.Join(targets, ","))
	}
	if want := []string{"single:Gamma SAS", "joint:Alpha,Beta"}; !slices.Equal(got, want) {
		t.Errorf("hits by sanction amount = %v, want %v", got, want)
	}
	res, err = ix.Search(Query{Sanction: "fine", Sort: "amount", Reverse: true, MaxAmount: 2500000, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != "joint" || res.Hits[0].SanctionAmount != 2e6 {
		t.Errorf("hits %+v (total %d): want joint, with its matching sanctions' largest amount 2000000", res.Hits, res.Total)
	}
}

func TestSanctionFacetAndCounts(t *testing.T) {
	ix := newIndexOf(t, sanctionCorpus())
	res, err := ix.Search(Query{Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 {
		t.Errorf("a search of everything found %d articles, want 3", res.Total)
	}
	counts := map[string]int{}
	for _, f := range res.Facets {
		for _, term := range f.Terms {
			counts[f.Name+"/"+term.Term] = term.Count
		}
	}
	if counts["sanction/fine"] != 2 || counts["sanction/warning"] != 1 {
		t.Errorf("sanction facet: %v, want fine 2 (articles), warning 1", counts)
	}
	if n, err := ix.Count(); err != nil || n != 3 {
		t.Errorf("Count = %d, %v; want 3 articles", n, err)
	}
	var seen []string
	ix.Each(func(r *extract.JSONRecord) error { seen = append(seen, r.ID); return nil })
	if !slices.Equal(seen, []string{"joint", "single", "warned"}) {
		t.Errorf("Each visited %v", seen)
	}
	if _, err := ix.Search(Query{Sanction: "fines"}); !errors.Is(err, ErrBadFilter) {
		t.Errorf("an unknown sanction kind: %v, want a bad filter", err)
	}
}

// TestReindexingDropsStaleSanctions: an article indexed again with fewer
// sanctions (the extraction changed) loses the others.
func TestReindexingDropsStaleSanctions(t *testing.T) {
	recs := sanctionCorpus()
	ix := newIndexOf(t, recs)
	joint := *recs[0]
	joint.Sanctions = joint.Sanctions[1:] // only Beta's
	w := ix.NewWriter()
	if err := w.Add(&joint); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(Query{Sanction: "fine", Org: "alpha"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 {
		t.Errorf("Alpha's fine is still found after reindexing without it: %v", ids(res))
	}
	res, err = ix.Search(Query{Sanction: "fine", Org: "beta"})
	if err != nil || res.Total != 1 || len(res.Hits[0].Sanctions) != 1 || res.Hits[0].Sanctions[0].Target != "Beta" {
		t.Errorf("Beta's fine after reindexing: %v, %+v", err, res)
	}
}

// TestWriterKeepsTheLastVersion: batches are written side by side, yet an
// article added again, in a later batch or in the same one, with more or
// fewer sanctions, comes out as added last.
func TestWriterKeepsTheLastVersion(t *testing.T) {
	for _, batch := range []int{1, 10} {
		ix, err := Open(filepath.Join(t.TempDir(), "w.bleve"), true, Options{BatchSize: batch})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		w := ix.NewWriter()
		joint := sanctionCorpus()[0]
		var last extract.Record
		for i := range 31 {
			last = *joint
			last.Title = fmt.Sprintf("version %d", i)
			last.Sanctions = last.Sanctions[i%2:] // both fines, then Beta's only; both last
			if err := w.Add(&last); err != nil {
				t.Fatal(err)
			}
		}
		// and at last, in the batch that holds it with both fines, Beta's only
		last.Sanctions = last.Sanctions[1:]
		last.Title = "the last version"
		if err := w.Add(&last); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		got, err := ix.Get(last.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != last.Title {
			t.Errorf("batches of %d: the article's title is %q, want the last one, %q", batch, got.Title, last.Title)
		}
		res, err := ix.Search(Query{Sanction: "fine", Org: "alpha"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 0 {
			t.Errorf("batches of %d: Alpha's fine, gone from the last version, is found: %v", batch, ids(res))
		}
		res, err = ix.Search(Query{Sanction: "fine"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 || len(res.Hits[0].Sanctions) != 1 {
			t.Errorf("batches of %d: the last version's fines: %+v, want Beta's alone", batch, res)
		}
	}
}

// TestWriterFlushWaitsForEveryBatch: when a batch cannot be written, Flush
// says so, once every batch sent is done with.
func TestWriterFlushWaitsForEveryBatch(t *testing.T) {
	ix, err := Open(filepath.Join(t.TempDir(), "w.bleve"), true, Options{BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	w := ix.NewWriter()
	ix.Close() // every write fails
	for _, r := range sanctionCorpus() {
		w.Add(r) // the error of an earlier batch, if any
	}
	if err := w.Flush(); err == nil {
		t.Error("Flush to a closed index gave no error")
	}
	if len(w.writing) != 0 {
		t.Errorf("Flush returned with %d batches still being written", len(w.writing))
	}
}
