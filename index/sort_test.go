package index

import (
	"errors"
	"slices"
	"testing"

	"github.com/veille/veille/extract"
)

func TestSearchSort(t *testing.T) {
	ix := newCorpusIndex(t)
	// Besides kaspr (2024-12, fine 240 000), clearview (2022-10-20, fine
	// 20 M, penalty 100 000) and google (2021-07-13, fine 500 M): an undated
	// article with a small fine and penalty, and two of the same date with
	// the same text and no amount, that tie on every key but their id.
	w := ix.NewWriter()
	for _, r := range []*extract.Record{
		record("undated", "", "Une petite amende", "Une amende de 1 000 euros et une astreinte de 5 000 euros par jour.",
			func(t string) extract.Facts {
				return extract.Facts{Amounts: []extract.Amount{amount(t, "1 000 euros", 1000, extract.RoleFine, ""),
					amount(t, "5 000 euros", 5000, extract.RolePenaltyPayment, extract.PerDay)}}
			}),
		record("same-b", "2023-05", "Une amende évoquée", "Une amende est évoquée.", func(string) extract.Facts { return extract.Facts{} }),
		record("same-a", "2023-05", "Une amende évoquée", "Une amende est évoquée.", func(string) extract.Facts { return extract.Facts{} }),
	} {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		q    Query
		want []string // in order
	}{
		{"no query: newest first, undated last", Query{}, []string{"kaspr", "same-a", "same-b", "clearview", "google", "undated"}},
		{"date", Query{Text: "amende", Sort: "date"}, []string{"kaspr", "same-a", "same-b", "clearview", "google", "undated"}},
		{"date reversed: oldest first, ties still by id, undated still last", Query{Sort: "date", Reverse: true}, []string{"google", "clearview", "same-a", "same-b", "kaspr", "undated"}},
		{"amount: largest fine first, none last", Query{Sort: "amount"}, []string{"google", "clearview", "kaspr", "undated", "same-a", "same-b"}},
		{"amount reversed: smallest fine first, none still last", Query{Sort: "amount", Reverse: true}, []string{"undated", "kaspr", "clearview", "google", "same-a", "same-b"}},
		{"amount of a role", Query{Role: "penalty_payment", Sort: "amount"}, []string{"clearview", "undated"}},
		{"amount of a role reversed", Query{Role: "penalty_payment", Sort: "amount", Reverse: true}, []string{"undated", "clearview"}},
		{"amount of a role among fines", Query{Role: "fine", Sort: "amount", Limit: 2}, []string{"google", "clearview"}},
		{"relevance: equal scores in id order", Query{Text: `"amende est évoquée"`}, []string{"same-a", "same-b"}},
		{"relevance: the title match first", Query{Text: "petite OR amende", Limit: 1}, []string{"undated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%+v) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
	res, err := ix.Search(Query{Role: "penalty_payment", Sort: "amount"})
	if err != nil || len(res.Hits) != 2 || res.Hits[0].RoleMax != 100000 || res.Hits[1].RoleMax != 5000 {
		t.Errorf("Search(role penalty_payment): %v, %+v: want the largest penalties 100000 and 5000", err, res)
	}
	if _, err := ix.Search(Query{Sort: "size"}); !errors.Is(err, ErrBadFilter) {
		t.Errorf("Search(sort size) = %v, want a bad filter", err)
	}
}
