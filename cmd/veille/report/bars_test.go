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
		Articles: 3,
		Fines: []index.FineGroup{
			{Authority: "Autorité de la concurrence", Year: "2021", Articles: 1, Total: 5e8, Max: 5e8},
			{Authority: "CNIL", Year: "2024", Articles: 2, Total: 240050.5, Max: 240000},
		},
		GDPR: []index.Count{{Name: "5-1-e", Articles: 2}, {Name: "15", Articles: 1}},
		Orgs: []index.OrgCount{{Name: "Google <LLC>", Articles: 1, MaxFine: 5e8}},
	}
}

func TestWriteBars(t *testing.T) {
	var b bytes.Buffer
	if err := WriteBars(&b, Charts(stats())[0], 10); err != nil {
		t.Fatal(err)
	}
	want := `Fines by authority and year: total of each article's largest fine (log scale)
  Autorité de la concurrence 2021  ██████████  500 000 000 €  1 article, largest 500 000 000 €
  CNIL 2024                        ██▉             240 050 €  2 articles, largest 240 000 €
`
	if b.String() != want {
		t.Errorf("WriteBars =\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	WriteBars(&b, Chart{Title: "Nothing"}, 10)
	if b.String() != "Nothing\n  (none)\n" {
		t.Errorf("WriteBars of no bars = %q", b.String())
	}
}
