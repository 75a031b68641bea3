package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
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

// FuzzExtract runs every extractor, injunction linking included, and checks
// the span invariant of every fact: in bounds, on rune boundaries, and the
// text at the span equal to the fact's surface.
func FuzzExtract(f *testing.F) {
	// Short seeds: the fuzzer minimises every new input, which takes long on
	// whole articles.
	f.Add("Par une délibération du 17 octobre 2022, la CNIL a infligé une amende de 20 millions d'euros à Clearview AI (article 5-1-e du RGPD).")
	f.Add("L'article L. 34-5 du CPCE et les articles 15 à 17 du règlement ; la société KASPR devra payer 5,2 M€ d’ici le 3 mars.")
	f.Add("La CNIL a enjoint à la société X de :\n- cesser ;\n- supprimer.\nCette injonction est assortie d'une astreinte de 100 € par jour.")
	f.Add("") // no words: the finders' slices of words stay empty
	x, err := New(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		facts := x.Extract(&Article{Text: text}) // must not panic, whatever the bytes
		if !utf8.ValidString(text) {
			return // an article's text is valid UTF-8: spans are checked on such text
		}
		assertSpans(t, text, facts.Amounts, func(a Amount) (Span, string) { return a.Span, a.Text })
		assertSpans(t, text, facts.GDPRRefs, func(g GDPRRef) (Span, string) { return g.Span, g.Text })
		assertSpans(t, text, facts.LawRefs, func(l LawRef) (Span, string) { return l.Span, l.Text })
		assertSpans(t, text, facts.Entities, func(e Entity) (Span, string) { return e.Span, e.Text })
		assertSpans(t, text, facts.Dates, func(d Date) (Span, string) { return d.Span, d.Text })
		for _, in := range facts.Injunctions {
			if !in.Span.Valid(text) {
				t.Fatalf("injunction span %v not valid in a text of %d bytes", in.Span, len(text))
			}
			assertSpans(t, text, in.Obligations, func(c Clause) (Span, string) { return c.Span, c.Text })
		}
		assertSpans(t, text, facts.Sanctions, func(s Sanction) (Span, string) { return s.Span, s.Text })
	})
}

// TestNoCitationInsideASum checks that a list of articles does not take the
// sum of money written after it for one more article.
func TestNoCitationInsideASum(t *testing.T) {
	a := &Article{Text: "La banque n'avait pas de base légale (article 6 du RGPD). L'amende se décompose en 4 M€ au titre de l'article 6 et 2 M€ au titre du défaut d'information."}
	f := Default().Extract(a)
	var got []string
	for _, g := range f.GDPRRefs {
		got = append(got, g.Ref())
	}
	if fmt.Sprint(got) != "[6 6]" {
		t.Errorf("GDPR articles %v, want [6 6]", got)
	}
}
