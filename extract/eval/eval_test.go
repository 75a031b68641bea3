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
