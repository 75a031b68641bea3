package extract

import "testing"

func TestAnnotate(t *testing.T) {
	r := &Record{Article: Article{Text: "Le 5 mai 2024, la CNIL a infligé une amende de 10 000 euros à Kaspr (article 8 de la loi du 6 janvier 1978)."}}
	r.Facts = Default().Extract(&r.Article)
	want := "Le [[date 2024-05-05|5 mai 2024]], la [[authority CNIL|CNIL]] a infligé une amende de " +
		"[[amount fine EUR 10000|10 000 euros]] à [[org Kaspr|Kaspr]] " +
		"([[law loi Informatique et Libertés 8|article 8 de la loi du [[date 1978-01-06|6 janvier 1978]]]]).\n" +
		"sanction[0:110] fine CNIL -> Kaspr EUR 10000 date=2024-05-05\n"
	if got := r.Annotate(); got != want {
		t.Errorf("Annotate() =\n%s\nwant\n%s", got, want)
	}
}
