package extract

import (
	"fmt"
	"reflect"
	"testing"
)

func TestDurations(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"months in words", "dans un délai de deux mois", []string{`duration[18:27] "deux mois" P2M`}},
		{"days in digits", "sous 30 jours", []string{`duration[5:13] "30 jours" P30D`}},
		{"six months", "six mois", []string{`duration[0:8] "six mois" P6M`}},
		{"a year", "un an après", []string{`duration[0:5] "un an" P1Y`}},
		{"weeks", "3 semaines", []string{`duration[0:10] "3 semaines" P3W`}},
		{"decimal glued", "3,5ans", []string{`duration[0:6] "3,5ans" P3.5Y`}},
		{"and a half", "trois ans et demi", []string{`duration[0:17] "trois ans et demi" P3.5Y`}},
		{"half a year", "une demi-année", []string{`duration[0:15] "une demi-année" P0.5Y`}},
		{"composite", "un an, un mois et 21 jours", []string{`duration[0:26] "un an, un mois et 21 jours" P1Y1M21D`}},
		{"hours are out of scope", "3 heures et 20 minutes", nil},
		{"not a duration", "le 17 octobre 2022, 20 millions d'euros", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Durations(tt.in)
			assertSpans(t, tt.in, got, func(d Duration) (Span, string) { return d.Span, d.Text })
			var s []string
			for _, d := range got {
				s = append(s, d.String())
			}
			if !reflect.DeepEqual(s, tt.want) {
				t.Errorf("Durations(%q) = %v, want %v", tt.in, s, tt.want)
			}
		})
	}
}

func FuzzDurations(f *testing.F) {
	for _, s := range []string{"dans un délai de deux mois", "un an, un mois et 21 jours", "3,5ans", "une demi-année"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assertSpans(t, s, Durations(s), func(d Duration) (Span, string) { return d.Span, d.Text })
	})
}

func ExampleDurations() {
	for _, d := range Durations("Elle a enjoint à la société de se conformer dans un délai de deux mois.") {
		fmt.Println(d.Text, d.ISO)
	}
	// Output:
	// deux mois P2M
}
