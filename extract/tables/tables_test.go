package tables

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille/veille/extract"
)

func ptr[T any](v T) *T { return &v }

func record() *extract.JSONRecord {
	return &extract.JSONRecord{
		ID: "k1", Source: "a.txt", Title: "Kaspr, sanctionnée", Published: ptr("2024-12"), Lang: "fr",
		Amounts: []extract.JSONAmount{
			{Text: "240 000 euros", Value: 240000, Currency: "EUR", Role: "fine", Start: 10, End: 23},
			{Text: "5,5 millions", Value: 5500000.5, Currency: "EUR", Role: "fine", Start: 30, End: 42},
			{Text: "100 €", Value: 100, Currency: "EUR", Per: ptr("day"), Role: "penalty_payment", Start: 50, End: 55},
		},
		GDPRRefs: []extract.JSONGDPRRef{{Text: "article 5-1-e", Ref: "5-1-e", Article: 5, Paragraph: ptr(1), Point: ptr("e")}},
		LawRefs:  []extract.JSONLawRef{{Text: "L. 34-5 du CPCE", Law: "CPCE", Ref: "L34-5"}},
		Injunctions: []extract.JSONInjunction{{Authority: "CNIL", Target: "Kaspr", Kind: ptr("injunction"), Status: ptr("ordered"),
			Obligations: []extract.JSONClause{{Text: "cesser, enfin", Start: 1, End: 14}, {Text: "informer"}},
			Deadline:    &extract.JSONDeadline{Text: "six mois", Duration: ptr("P6M")}}},
		Sanctions: []extract.JSONSanction{
			{Authority: ptr("CNIL"), Target: "Kaspr", Kind: "fine", Amount: ptr(240000.0), Currency: ptr("EUR"), Date: ptr("2024-12-05"),
				GDPRRefs: []string{"5-1-e", "15"}, Text: "une amende de 240 000 euros, enfin", Start: 3, End: 36},
			{Target: "Kaspr", Kind: "warning", GDPRRefs: []string{}},
		},
		Dates: []extract.JSONDate{{Text: "18 juin 2025", Value: "2025-06-18"}},
	}
}

func TestRows(t *testing.T) {
	r := record()
	want := map[string][]string{
		"documents":   {"k1,a.txt,,\"Kaspr, sanctionnée\",2024-12,fr,5500000.5,3,5-1-e,1"},
		"amounts":     {"k1,240000,EUR,,fine,240 000 euros,10,23", "k1,5500000.5,EUR,,fine,\"5,5 millions\",30,42", "k1,100,EUR,day,penalty_payment,100 €,50,55"},
		"legal_refs":  {"k1,RGPD,5-1-e,5,1,e,article 5-1-e,0,0", "k1,CPCE,L34-5,,,,L. 34-5 du CPCE,0,0"},
		"injunctions": {"k1,1,CNIL,Kaspr,injunction,ordered,2,six mois,P6M,,,,,0,0"},
		"obligations": {"k1,1,1,\"cesser, enfin\",1,14", "k1,1,2,informer,0,0"},
		"sanctions":   {"k1,1,CNIL,Kaspr,fine,240000,EUR,2024-12-05,5-1-e 15,\"une amende de 240 000 euros, enfin\",3,36", "k1,2,,Kaspr,warning,,,,,,0,0"},
		"dates":       {"k1,2025-06-18,18 juin 2025,0,0"},
	}
	dir := t.TempDir()
	w, err := Create(dir, "csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(r); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for _, tb := range All {
		data, err := os.ReadFile(filepath.Join(dir, tb.Name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		if lines[0] != strings.Join(tb.Columns, ",") {
			t.Errorf("%s header = %q", tb.Name, lines[0])
		}
		if got := strings.Join(lines[1:], "\n"); got != strings.Join(want[tb.Name], "\n") {
			t.Errorf("%s rows:\n%s\nwant\n%s", tb.Name, got, strings.Join(want[tb.Name], "\n"))
		}
	}
}

func TestJSONLinesKeepNumbersAsNumbers(t *testing.T) {
	dir := t.TempDir()
	w, err := Create(dir, "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(record()); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "amounts.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var row map[string]interface{}
	if err := json.Unmarshal([]byte(strings.Split(string(data), "\n")[0]), &row); err != nil {
		t.Fatal(err)
	}
	if row["value"] != 240000.0 || row["per"] != "" || row["start"] != 10.0 {
		t.Errorf("first amount row = %v", row)
	}
	data, err = os.ReadFile(filepath.Join(dir, "sanctions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	var first, second map[string]interface{}
	if len(lines) != 2 || json.Unmarshal([]byte(lines[0]), &first) != nil || json.Unmarshal([]byte(lines[1]), &second) != nil {
		t.Fatalf("sanctions.jsonl = %q", data)
	}
	if first["amount"] != 240000.0 || first["sanction"] != 1.0 || second["amount"] != nil {
		t.Errorf("sanction rows = %v, %v: want numbers, and null for no amount", first, second)
	}
	if _, err := Create(dir, "xml"); err == nil {
		t.Error("Create(xml) gave no error")
	}
}
