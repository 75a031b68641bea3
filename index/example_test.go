package index_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/index"
)

func ExampleIndex_Search() {
	ix, err := index.NewMemOnly()
	if err != nil {
		panic(err)
	}
	defer ix.Close()
	text := "La CNIL a infligé une amende de 240 000 euros à Kaspr pour avoir méconnu l'article 5-1-e du RGPD."
	at := func(s string) extract.Span {
		i := strings.Index(text, s)
		return extract.Span{Start: i, End: i + len(s)}
	}
	w := ix.NewWriter()
	err = w.Add(&extract.Record{
		Article: extract.Article{ID: "kaspr", Source: "kaspr.txt", Title: "Kaspr sanctionnée", Text: text,
			Published: extract.CivilDate{Year: 2024, Month: 12}},
		Lang: "fr",
		Facts: extract.Facts{
			Amounts:  []extract.Amount{{Span: at("240 000 euros"), Text: "240 000 euros", Minor: 24000000, Currency: "EUR", Role: extract.RoleFine}},
			GDPRRefs: []extract.GDPRRef{{Span: at("article 5-1-e du RGPD"), Text: "article 5-1-e du RGPD", Article: 5, Paragraph: 1, Point: "e"}},
			Entities: []extract.Entity{{Span: at("Kaspr"), Text: "Kaspr", Type: extract.Org, Name: "Kaspr"}},
		},
	})
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		panic(err)
	}
	res, err := ix.Search(index.Query{Text: "amende", GDPR: "5", Role: "fine", MinAmount: 100000, Since: extract.CivilDate{Year: 2022}})
	if err != nil {
		panic(err)
	}
	for _, h := range res.Hits {
		fmt.Println(h.ID, h.Date, h.MaxFine, h.GDPR, h.Snippet)
	}
	// Output:
	// kaspr 2024-12 240000 [5-1-e] La CNIL a infligé une <mark>amende</mark> de 240 000 euros à Kaspr pour avoir méconnu l&#39;article 5-1-e du RGPD.
}

func ExampleQueryError() {
	ix, err := index.NewMemOnly()
	if err != nil {
		panic(err)
	}
	defer ix.Close()
	_, err = ix.Search(index.Query{Text: "amende AND (astreinte OR injonction"})
	var qe *index.QueryError
	if errors.As(err, &qe) {
		fmt.Printf("%s, column %d of %q\n", qe.Msg, qe.Column(), qe.Query)
	}
	fmt.Println(err)
	// Output:
	// unclosed bracket, column 12 of "amende AND (astreinte OR injonction"
	// bad query: unclosed bracket at column 12
}
