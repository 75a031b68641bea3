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
