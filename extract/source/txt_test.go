package source

import (
	"testing"

	"github.com/veille/veille/extract"
)

func testTables(tb testing.TB) *tables {
	tb.Helper()
	t, err := newTables(extract.DefaultRules())
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in                     string
		wantText, wantTitle, wantPub string
	}{
		{"date line alone",
			"date 2022-10-20\nTitre court\nCorps.",
			"Titre court\nCorps.", "Titre court", "2022-10-20"},
		{"date line with title, leading space",
			" date 2024-12 On ne pille pas en toute impunité\n\nSanctions.",
			"On ne pille pas en toute impunité\n\nSanctions.", "On ne pille pas en toute impunité", "2024-12"},
		{"date with colon and CRLF",
			"Date : 2023-01-05\r\nLigne un\r\nLigne deux",
			"Ligne un\nLigne deux", "Ligne un", "2023-01-05"},
		{"a header's publication date",
			"Zorgshop sanctionné\nPar Jeanne Zorg\nPublié le 12/03/2024 à 10h15 · Mis à jour le 13/03/2024\nLa CNIL a sanctionné Zorgshop.",
			"Zorgshop sanctionné\nPar Jeanne Zorg\nPublié le 12/03/2024 à 10h15 · Mis à jour le 13/03/2024\nLa CNIL a sanctionné Zorgshop.", "Zorgshop sanctionné", "2024-03-12"},
		{"a header's publication date written in words",
			"Titre\nMis en ligne : mardi 5 mars 2024\nCorps.",
			"Titre\nMis en ligne : mardi 5 mars 2024\nCorps.", "Titre", "2024-03-05"},
		{"a dateline under the byline",
			"Titre\nCabinet Zorgavocats\n  Le 14 octobre 2024\nLa CNIL a sanctionné Zorgshop le 10 octobre 2024.",
			"Titre\nCabinet Zorgavocats\n  Le 14 octobre 2024\nLa CNIL a sanctionné Zorgshop le 10 octobre 2024.", "Titre", "2024-10-14"},
		{"a date that opens a sentence is no dateline",
			"Titre\nLe 14 octobre 2024, la CNIL a sanctionné Zorgshop.",
			"Titre\nLe 14 octobre 2024, la CNIL a sanctionné Zorgshop.", "Titre", ""},
		{"a date in the body is no publication date",
			"Titre\nLa décision, publiée le 5 mars 2024, sanctionne Zorgshop.",
			"Titre\nLa décision, publiée le 5 mars 2024, sanctionne Zorgshop.", "Titre", ""},
		{"a trailing keyword line dropped",
			"Titre\nLa CNIL a sanctionné Zorgshop. | Mots-clés : RGPD, Cnil, E-commerce",
			"Titre\nLa CNIL a sanctionné Zorgshop.", "Titre", ""},
		{"no date line",
			"La date 2022-10-20 dans le texte reste.",
			"La date 2022-10-20 dans le texte reste.", "La date 2022-10-20 dans le texte reste.", ""},
		{"not a date: kept",
			"date 2022-13-45 ceci\nreste",
			"date 2022-13-45 ceci\nreste", "date 2022-13-45 ceci", ""},
		{"trailing boilerplate dropped, Q&A kept",
			"Résumé. | Corps de l’article. | Questions-réponses\nQ ? R. | Laisser un commentaire\nVotre adresse e-mail ne sera pas publiée.",
			"Résumé. | Corps de l’article. | Questions-réponses\nQ ? R.", "Résumé.", ""},
		{"two trailing boilerplate sections",
			"Corps. | Partager cet article | Leave a comment\nName",
			"Corps.", "Corps.", ""},
		{"section ends at a line break after the pipe",
			"Résumé. |\nCorps. |\nLaisser un commentaire",
			"Résumé. |\nCorps.", "Résumé.", ""},
		{"boilerplate words inside the article kept",
			"Les lecteurs peuvent laisser un commentaire. | Corps.",
			"Les lecteurs peuvent laisser un commentaire. | Corps.", "Les lecteurs peuvent laisser un commentaire.", ""},
		{"cue must end at a word boundary",
			"Corps. | Commentaires Annuler | Commentairesque",
			"Corps. | Commentaires Annuler | Commentairesque", "Corps.", ""},
		{"paragraphs of related links and footer after a blank line dropped",
			"Titre\nCorps.\n\nArticles liés\nAmende pour Zorgco : 3 M€\n\n© Zorgpress 2024 | Mentions légales",
			"Titre\nCorps.", "Titre", ""},
		{"a paragraph about a copyright inside the article kept",
			"Titre\n\n© signe le droit d'auteur.\n\nCorps.",
			"Titre\n\n© signe le droit d'auteur.\n\nCorps.", "Titre", ""},
		{"newsletter call dropped",
			"Corps. | Abonnez-vous à notre newsletter",
			"Corps.", "Corps.", ""},
		{"long first line: its beginning is the title",
			"Une très longue première ligne qui résume l’affaire en détail, avec les montants, les dates, les noms des sociétés et des autorités en cause, et bien plus encore que cela.\nCorps.",
			"Une très longue première ligne qui résume l’affaire en détail, avec les montants, les dates, les noms des sociétés et des autorités en cause, et bien plus encore que cela.\nCorps.",
			"Une très longue première ligne qui résume l’affaire en détail, avec les montants, les dates, les noms des sociétés et des autorités en cause, et bien plus…", ""},
		{"long first line: its first sentence is the title",
			"L’essentiel : la CNIL sanctionne Kaspr. Elle lui reproche de collecter les coordonnées de personnes qui avaient limité leur visibilité, et de les conserver sans limite de durée.\nCorps.",
			"L’essentiel : la CNIL sanctionne Kaspr. Elle lui reproche de collecter les coordonnées de personnes qui avaient limité leur visibilité, et de les conserver sans limite de durée.\nCorps.",
			"L’essentiel : la CNIL sanctionne Kaspr.", ""},
		{"typography kept, NUL dropped, trailing spaces trimmed",
			"Montant\u00a0: 600\u202f000\u00a0€ « net »\x00   \n\n\n",
			"Montant\u00a0: 600\u202f000\u00a0€ « net »", "Montant\u00a0: 600\u202f000\u00a0€ « net »", ""},
		{"NFC",
			"Socie\u0301te\u0301",
			"Société", "Société", ""},
	}
	tb := testTables(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseText(tt.in, tb)
			if a.Text != tt.wantText || a.Title != tt.wantTitle || a.Published.String() != tt.wantPub {
				t.Errorf("parseText(%q) = text %q, title %q, published %q;\nwant text %q, title %q, published %q",
					tt.in, a.Text, a.Title, a.Published, tt.wantText, tt.wantTitle, tt.wantPub)
			}
		})
	}
}
