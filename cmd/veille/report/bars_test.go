package report

import (
	"bytes"
	"flag"
	"testing"

	"github.com/veille/veille/index"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func stats() *index.Stats {
	return &index.Stats{
		Articles: 3, Sanctions: 4, FinesWithoutSanction: 1,
		Groups: []index.SanctionGroup{
			{Authority: "Autorité de la concurrence", Kind: "fine", Year: "2021", Sanctions: 1, Total: 5e8, Max: 5e8},
			{Authority: "CNIL", Kind: "fine", Year: "2024", Sanctions: 2, Total: 240050.5, Max: 240000},
			{Authority: "CNIL", Kind: "warning", Year: "2024", Sanctions: 1},
		},
		GDPR:         []index.Count{{Name: "5-1-e", Articles: 2}, {Name: "15", Articles: 1}},
		SanctionGDPR: []index.SanctionCount{{Name: "5-1-e", Sanctions: 1}},
		Orgs:         []index.OrgCount{{Name: "Google <LLC>", Sanctions: 1, Max: 5e8}, {Name: "Kaspr", Sanctions: 1}},
	}
}

func TestWriteBars(t *testing.T) {
	var b bytes.Buffer
	if err := WriteBars(&b, Charts(stats())[0], 10); err != nil {
		t.Fatal(err)
	}
	want := `Sanctions by authority, kind and year: sanctions, total and largest amount
  Autorité de la concurrence fine 2021  █████       1  total 500 000 000 €, largest 500 000 000 €
  CNIL fine 2024                        ██████████  2  total 240 050 €, largest 240 000 €
  CNIL warning 2024                     █████       1
`
	if b.String() != want {
		t.Errorf("WriteBars =\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	log := Chart{Title: "Log", Log: true, Bars: []Bar{{Label: "a", Value: 5e8, Text: "5e8"}, {Label: "b", Value: 240050.5, Text: "240050.5"}}}
	if err := WriteBars(&b, log, 10); err != nil {
		t.Fatal(err)
	}
	want = `Log
  a  ██████████       5e8
  b  ██▉         240050.5
`
	if b.String() != want {
		t.Errorf("WriteBars on a log scale =\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	WriteBars(&b, Chart{Title: "Nothing"}, 10)
	if b.String() != "Nothing\n  (none)\n" {
		t.Errorf("WriteBars of no bars = %q", b.String())
	}
}
