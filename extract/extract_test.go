package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func ExampleExtractor_Extract() {
	x, err := New(nil)
	if err != nil {
		panic(err)
	}
	a := &Article{Text: "Par une délibération du 17 octobre 2022, la CNIL a infligé une amende de 20 millions d'euros à Clearview AI, " +
		"en violation de l'article 5-1-e du RGPD, et lui a enjoint de supprimer les données dans un délai de deux mois, " +
		"sous astreinte de 100 000 euros par jour de retard."}
	f := x.Extract(a)
	for _, v := range f.Amounts {
		fmt.Println(v.Text, "=", v.Value(), v.Currency, v.Per, v.Role)
	}
	for _, g := range f.GDPRRefs {
		fmt.Println("GDPR", g.Ref())
	}
	for _, in := range f.Injunctions {
		fmt.Println(in.Authority, "->", in.Target, len(in.Obligations), in.Deadline.Duration, in.Penalty.Minor/100, in.Penalty.Per)
	}
	for _, d := range f.Dates {
		fmt.Println(d.Text, "=", d.Value)
	}
	// Output:
	// 20 millions d'euros = 2e+07 EUR  fine
	// 100 000 euros = 100000 EUR day penalty_payment
	// GDPR 5-1-e
	// CNIL -> Clearview AI 1 P2M 100000 day
	// 17 octobre 2022 = 2022-10-17
}

// BenchmarkExtract runs every extractor on the fixtures' articles.
func BenchmarkExtract(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "fixtures", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no fixtures: %v", err)
	}
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	x, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, t := range texts {
			x.Extract(&Article{Text: t})
		}
	}
}
