package eval

import (
	"strings"
	"testing"

	"github.com/veille/veille/extract"
)

func ptr[T any](v T) *T { return &v }

func TestOrgKey(t *testing.T) {
	for in, want := range map[string]string{
		"CLEARVIEW AI":                      "clearview ai",
		"la société Kaspr SAS":              "kaspr",
		"Conseil d'État":                    "conseil d etat",
		"Google Ireland Limited":            "google ireland",
		"Morgan Stanley & Co International": "morgan stanley international",
	} {
		if got := OrgKey(in); got != want {
			t.Errorf("OrgKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScore(t *testing.T) {
	gold, err := ReadGold(strings.NewReader(`
{"file": "a.txt", "lang": "fr", "published": "2024-12", "amounts": [{"value": 240000, "per": null, "role": "fine"}, {"value": 100, "per": "day", "role": "penalty_payment"}], "gdpr_refs": ["5-1-e", "15"], "other_law_refs": [{"law": "CPCE", "ref": "L. 34-5"}], "injunctions": [{"authority": "CNIL", "target": "Kaspr", "obligations": 4, "deadline": "P6M", "deadline_date": "2025-06-18", "penalty_per_day": null}], "orgs": ["CNIL", "Kaspr"], "dates": ["2025-06-18"]}
{"file": "dump.jsonl", "id": "x1", "lang": "fr", "published": null, "orgs": ["Commission nationale de l'informatique et des libertés"], "org_aliases": {"Commission nationale de l'informatique et des libertés": ["CNIL"]}}
{"file": "b.txt", "lang": "fr", "duplicate_of": "a.txt"}
{"file": "c.txt", "lang": "en"}
`))
	if err != nil {
		t.Fatal(err)
	}
	records := []extract.JSONRecord{
		{Source: "docs/a.txt", Lang: "fr", Published: ptr("2024-12"),
			Amounts:  []extract.JSONAmount{{Value: 240000, Currency: "EUR", Role: "fine"}, {Value: 100, Currency: "EUR", Role: "fine", Per: ptr("day")}, {Value: 9, Currency: "USD", Role: "fine"}},
			GDPRRefs: []extract.JSONGDPRRef{{Ref: "5-1-e"}, {Ref: "32"}},
			LawRefs:  []extract.JSONLawRef{{Law: "CPCE", Ref: "L34-5"}},
			Injunctions: []extract.JSONInjunction{{Target: "KASPR SAS", Obligations: make([]extract.JSONClause, 4),
				Deadline: &extract.JSONDeadline{Duration: ptr("P6M")}}},
			Entities: []extract.JSONEntity{{Type: "AUTHORITY", Name: "CNIL"}, {Type: "ORG", Name: "Kaspr"}, {Type: "PERSON", Name: "Jean Dupont"}},
			Dates:    []extract.JSONDate{{Value: "2025-06-18"}}},
		{Source: "docs/dump.jsonl#x1", Lang: "fr", Entities: []extract.JSONEntity{{Type: "AUTHORITY", Name: "CNIL"}}},
		{Source: "docs/b.txt", Lang: "fr", Skipped: ptr("duplicate")},
		{Source: "docs/c.txt", Lang: "de", Skipped: ptr("language")},
	}
	rep := Score(gold, records)
	want := map[string]Counts{
		"amounts":      {TP: 2},
		"amounts_role": {TP: 1, FP: 1, FN: 1},
		"gdpr":         {TP: 1, FP: 1, FN: 1},
		"law_refs":     {TP: 1},
		"orgs":         {TP: 3},
		"dates":        {TP: 1},
		"injunctions":  {TP: 1},
	}
	for m, w := range want {
		if got := *rep.Counts[m]; got != w {
			t.Errorf("%s: %+v, want %+v", m, got, w)
		}
	}
	if rep.InjunctionFields != (Ratio{OK: 3, All: 4}) || rep.Lang != (Ratio{OK: 3, All: 4}) ||
		rep.Published != (Ratio{OK: 1, All: 1}) || rep.Duplicates != (Ratio{OK: 1, All: 1}) || rep.MissingDocs != 0 {
		t.Errorf("ratios: fields %v lang %v published %v duplicates %v missing %d",
			rep.InjunctionFields, rep.Lang, rep.Published, rep.Duplicates, rep.MissingDocs)
	}
	if p, r, f := rep.Counts["gdpr"].PRF(); p != 0.5 || r != 0.5 || f != 0.5 {
		t.Errorf("gdpr PRF = %v %v %v", p, r, f)
	}
}

// TestScoreDecisions checks the metrics of decisions against score.py's rules:
// injunctions requested, rejected or hypothetical are not scored, kinds are
// compared on paired injunctions, sanctions pair on target and kind.
func TestScoreDecisions(t *testing.T) {
	gold, err := ReadGold(strings.NewReader(`
{"file": "a.txt", "lang": "fr", "injunctions": [{"authority": "CNIL", "target": "Kaspr", "kind": "injunction", "status": "ordered", "obligations": 1, "deadline": null, "deadline_date": null, "penalty_per_day": null}, {"target": "Acme", "kind": "injunction", "status": "rejected", "obligations": 1}, {"target": "commune de Nice", "kind": "formal_notice", "status": "past", "obligations": 2}], "sanctions": [{"authority": "CNIL", "target": "Kaspr", "kind": "fine", "amount": 240000, "currency": "EUR", "date": "2024-12-05", "gdpr_refs": ["5-1-e", "15"]}, {"authority": "Conseil d'État", "target": "Kaspr", "kind": "fine", "amount": 200000, "currency": "EUR", "date": null, "gdpr_refs": []}, {"authority": "ACPR", "target": "BRED", "kind": "other", "amount": null, "currency": null, "date": null, "gdpr_refs": []}]}
{"file": "b.txt", "lang": "fr", "injunctions": []}
`))
	if err != nil {
		t.Fatal(err)
	}
	records := []extract.JSONRecord{
		{Source: "a.txt", Lang: "fr",
			Injunctions: []extract.JSONInjunction{
				{Target: "Kaspr", Kind: ptr("formal_notice"), Status: ptr("ordered"), Obligations: make([]extract.JSONClause, 1)},
				{Target: "Acme", Kind: ptr("injunction"), Status: ptr("requested"), Obligations: make([]extract.JSONClause, 1)},
				{Target: "Commune de Nice", Kind: ptr("formal_notice"), Obligations: make([]extract.JSONClause, 2)},
			},
			Sanctions: []extract.JSONSanction{
				{Authority: ptr("Conseil d'Etat"), Target: "KASPR", Kind: "fine", Amount: ptr(200000.0), Currency: ptr("EUR"), GDPRRefs: []string{}},
				{Authority: ptr("CNIL"), Target: "Kaspr SAS", Kind: "fine", Amount: ptr(240000.0), Currency: ptr("EUR"), Date: ptr("2024-12-05"), GDPRRefs: []string{"15"}},
				{Authority: ptr("ACPR"), Target: "BRED", Kind: "warning"},
			}},
		// a line without a sanctions key is not scored on sanctions
		{Source: "b.txt", Lang: "fr", Sanctions: []extract.JSONSanction{{Target: "X", Kind: "fine"}}},
	}
	rep := Score(gold, records)
	if got, want := *rep.Counts["injunctions"], (Counts{TP: 2}); got != want {
		t.Errorf("injunctions %+v, want %+v", got, want)
	}
	if rep.InjunctionKind != (Ratio{OK: 1, All: 2}) || rep.InjunctionFields != (Ratio{OK: 8, All: 8}) {
		t.Errorf("injunction kind %v fields %v, want 1/2 and 8/8", rep.InjunctionKind, rep.InjunctionFields)
	}
	if got, want := *rep.Counts["sanctions"], (Counts{TP: 2, FP: 1, FN: 1}); got != want {
		t.Errorf("sanctions %+v, want %+v", got, want)
	}
	// CNIL/Kaspr pairs with the prediction that agrees most: authority, amount
	// and date right, refs wrong; the Conseil d'État's with the other, all
	// right; BRED's kind differs, so it is missed.
	if rep.SanctionFields != (Ratio{OK: 7, All: 12}) {
		t.Errorf("sanction fields %v, want 7/12", rep.SanctionFields)
	}
}
