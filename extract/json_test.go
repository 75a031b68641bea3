package extract

import "testing"

func TestJSONOffsetsAreCodePoints(t *testing.T) {
	text := "L’amende de 5,2 millions d’euros"
	start := len("L’amende de ")
	r := Record{Article: Article{Text: text}, Facts: Facts{Amounts: []Amount{{
		Span: Span{start, len(text)}, Text: text[start:], Minor: 520000000, Currency: "EUR", Role: RoleFine}}}}
	a := r.JSON().Amounts[0]
	runes := []rune(text)
	if got := string(runes[a.Start:a.End]); got != a.Text {
		t.Fatalf("runes[%d:%d] = %q, want %q", a.Start, a.End, got, a.Text)
	}
	if a.Value != 5200000 || a.Per != nil {
		t.Fatalf("value %v per %v, want 5200000 and null", a.Value, a.Per)
	}
}

func TestCivilDate(t *testing.T) {
	for _, s := range []string{"2024-12", "2022-10-17", "2020"} {
		d, err := ParseCivilDate(s)
		if err != nil || d.String() != s {
			t.Errorf("ParseCivilDate(%q) = %v, %v; want it back", s, d, err)
		}
	}
	for _, s := range []string{"", "24-12", "2024-13", "2024-12-32", "2024-1-2-3", "abcd"} {
		if _, err := ParseCivilDate(s); err == nil {
			t.Errorf("ParseCivilDate(%q) gave no error", s)
		}
	}
}

func TestRecordSummary(t *testing.T) {
	x, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	r := &Record{Article: Article{Text: "La CNIL a infligé une amende de 20 millions d'euros à Clearview AI, puis une amende de 5 000 euros à Kaspr, " +
		"et lui a enjoint de supprimer les données sous astreinte de 100 000 euros par jour de retard."}}
	r.Facts = x.Extract(&r.Article)
	j := r.JSON()
	if fine, ok := j.LargestFine(); !ok || fine != 20e6 {
		t.Errorf("LargestFine = %v, %v; want 20000000, true", fine, ok)
	}
	if got := j.DecidingAuthority(); got != "CNIL" {
		t.Errorf("DecidingAuthority = %q, want CNIL", got)
	}
	var empty JSONRecord
	if _, ok := empty.LargestFine(); ok || empty.DecidingAuthority() != "" {
		t.Error("a record without facts reports a fine or an authority")
	}
}
