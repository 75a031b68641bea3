package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func amountSpan(a Amount) (Span, string) { return a.Span, a.Text }

// amountStrings runs Amounts, checks the span invariant, and returns the
// canonical strings.
func amountStrings(tb testing.TB, in string) []string {
	tb.Helper()
	got := Amounts(in)
	assertSpans(tb, in, got, amountSpan)
	var out []string
	for _, a := range got {
		out = append(out, a.String())
	}
	return out
}

func TestAmounts(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"space thousands", "une amende de 100 000 euros.",
			[]string{`amount[14:27] "100 000 euros" EUR 10000000 fine`}},
		{"no-break thousands and symbol", "Amende : 310\u202f000\u00a0€.",
			[]string{`amount[9:23] "310\u202f000\u00a0€" EUR 31000000 fine`}},
		{"dot thousands", "une sanction de 2.250.000 euros",
			[]string{`amount[16:31] "2.250.000 euros" EUR 225000000 fine`}},
		{"decimal comma and scale", "une amende de 5,2 millions d'euros",
			[]string{`amount[14:34] "5,2 millions d'euros" EUR 520000000 fine`}},
		{"typographic apostrophe", "une amende de 1,5 million d’euros",
			[]string{`amount[14:35] "1,5 million d’euros" EUR 150000000 fine`}},
		{"symbols", "20 M€, 1,2 Md€, 800 k€ et 40 K€ et 20 ME",
			[]string{`amount[0:7] "20 M€" EUR 2000000000 fine`, `amount[9:18] "1,2 Md€" EUR 120000000000 fine`,
				`amount[20:28] "800 k€" EUR 80000000 fine`, `amount[32:39] "40 K€" EUR 4000000 fine`,
				`amount[43:48] "20 ME" EUR 2000000000 fine`}},
		{"a figure restated in words in brackets", "une amende de 75 000 (soixante-quinze mille) euros et une astreinte de 250 (deux cent cinquante) euros par jour",
			[]string{`amount[14:50] "75 000 (soixante-quinze mille) euros" EUR 7500000 fine`, `amount[71:102] "250 (deux cent cinquante) euros" EUR 25000/day penalty_payment`}},
		{"a figure restated with another value is not the figure", "une amende de 75 000 (soixante mille) euros",
			[]string{`amount[22:36] "soixante mille" EUR 6000000 fine`}},
		{"astreintes counted over periods gone by are owed", "L'État devra verser deux astreintes de 5 millions d'euros chacune pour les deux semestres écoulés.",
			[]string{`amount[40:58] "5 millions d'euros" EUR 500000000 penalty_liquidation`}},
		{"a sum per day of delay is an astreinte", "Passé ce délai, elle devra payer 100 euros par jour de retard.",
			[]string{`amount[35:44] "100 euros" EUR 10000/day penalty_payment`}},
		{"words", "une amende de cent mille euros",
			[]string{`amount[14:30] "cent mille euros" EUR 10000000 fine`}},
		{"words with scale", "deux millions d'euros d'amende",
			[]string{`amount[0:21] "deux millions d'euros" EUR 200000000 fine`}},
		{"half a billion", "un demi-milliard d'euros",
			[]string{`amount[0:24] "un demi-milliard d'euros" EUR 50000000000 fine`}},
		{"words across scales", "un million cinq cent mille euros",
			[]string{`amount[0:32] "un million cinq cent mille euros" EUR 150000000 fine`}},
		{"and a half", "trois millions et demi d'euros",
			[]string{`amount[0:30] "trois millions et demi d'euros" EUR 350000000 fine`}},
		{"currency before", "un chèque de € 310 000 et EUR 1000",
			[]string{`amount[14:25] "€ 310 000" EUR 31000000 fine`, `amount[29:37] "EUR 1000" EUR 100000 fine`}},
		{"other currencies", "10 000 francs suisses, 5 millions de dollars et £ 8,10 millions",
			[]string{`amount[0:21] "10 000 francs suisses" CHF 1000000 fine`,
				`amount[23:44] "5 millions de dollars" USD 500000000 fine`,
				`amount[48:64] "£ 8,10 millions" GBP 810000000 fine`}},
		{"glued words", "uneamende de 50 000 000 € et100 000 euros par jour de retardà l'issue",
			[]string{`amount[13:27] "50 000 000 €" EUR 5000000000 fine`,
				`amount[30:43] "100 000 euros" EUR 10000000/day penalty_payment`}},
		{"no separators", "le montant de 5200000 euros",
			[]string{`amount[14:27] "5200000 euros" EUR 520000000 fine`}},
		{"shared unit", "des amendes de 60 et 40 millions d'euros",
			[]string{`amount[15:17] "60" EUR 6000000000 fine`, `amount[21:40] "40 millions d'euros" EUR 4000000000 fine`}},
		{"respectively", "sanctionnées respectivement de 76 millions et 63 millions d'euros",
			[]string{`amount[32:43] "76 millions" EUR 7600000000 fine`, `amount[47:66] "63 millions d'euros" EUR 6300000000 fine`}},
		{"range", "une indemnisation de 100 à 500 euros",
			[]string{`amount[21:24] "100" EUR 10000 damages`, `amount[28:37] "500 euros" EUR 50000 damages`}},
		{"currency implied by the sanction", "une amende de 2,25 millions à la société",
			[]string{`amount[14:27] "2,25 millions" EUR 225000000 fine`}},
		{"restated from the sentence before", "Elle avait été condamnée à 32 millions d'euros. En appel, la sanction a été ramenée à 15.",
			[]string{`amount[31:50] "32 millions d'euros" EUR 3200000000 fine`, `amount[94:96] "15" EUR 1500000000 fine`}},
		{"not money", "4 % du chiffre d'affaires, 20 milliards d'images, 2,5 millions de comptes, n° 430810, SAN-2019-001, le 17 octobre 2022, 250 salariés, 01 23 45 67 89",
			nil},
		{"a scale noun alone counts nothing", "des millions d'euros, plusieurs milliards d'euros et mille euros",
			[]string{`amount[53:64] "mille euros" EUR 100000 fine`}},
		{"a scale noun after « le » or « du » is one of its kind", "Les amendes ont dépassé le milliard d'euros, puis frôlé la barre du million d'euros pour une seule PME.",
			[]string{`amount[29:45] "milliard d'euros" EUR 100000000000 fine`, `amount[72:87] "million d'euros" EUR 100000000 fine`}},
		{"a scale noun after another word counts nothing", "Les milliards d'euros promis, ces millions d'euros et le million d'utilisateurs.",
			nil},
		{"scale symbol then de", "une amende de 1,5 Md d'euros",
			[]string{`amount[14:28] "1,5 Md d'euros" EUR 150000000000 fine`}},
		{"a date does not share the unit", "le 1 janvier 1990 à 1015 francs",
			[]string{`amount[21:32] "1015 francs" FRF 101500 fine`}},
		{"daily penalty", "une astreinte de 100 000 € par jour de retard",
			[]string{`amount[17:28] "100 000 €" EUR 10000000/day penalty_payment`}},
		{"daily penalty without the words", "sous astreinte de 1 500 euros",
			[]string{`amount[18:29] "1 500 euros" EUR 150000/day penalty_payment`}},
		{"daily adjective", "une astreinte journalière de 20 000 euros",
			[]string{`amount[30:42] "20 000 euros" EUR 2000000/day penalty_payment`}},
		{"periods", "un loyer de 1 000 euros par mois et 12 000 euros par an",
			[]string{`amount[12:23] "1 000 euros" EUR 100000/month fine`, `amount[36:48] "12 000 euros" EUR 1200000/year fine`}},
		{"a ceiling across an incise", "Elle peut prononcer une amende qui peut atteindre, pour une entreprise, 20 millions d'euros.",
			[]string{`amount[72:91] "20 millions d'euros" EUR 2000000000 ceiling`}},
		{"a fine in apposition after a piece that is no incise", "Très en dessous du maximum encouru, l'amende retenue, 50 000 euros, sanctionne des manquements anciens.",
			[]string{`amount[55:67] "50 000 euros" EUR 5000000 fine`}},
		{"a ceiling in apposition", "Le plafond légal, 300 000 euros, n'a pas été atteint.",
			[]string{`amount[19:32] "300 000 euros" EUR 30000000 ceiling`}},
		{"a sum after another is not in apposition to it", "Le plafond est de 20 M€, 50 000 € ont été infligés.",
			[]string{`amount[18:25] "20 M€" EUR 2000000000 ceiling`, `amount[27:37] "50 000 €" EUR 5000000 fine`}},
		{"ceiling", "le RGPD prévoit des amendes pouvant atteindre 20 millions d'euros",
			[]string{`amount[47:66] "20 millions d'euros" EUR 2000000000 ceiling`}},
		{"daily cap", "une astreinte de 60 000 euros par jour, sous le plafond légal de 100 000 euros par jour",
			[]string{`amount[17:29] "60 000 euros" EUR 6000000/day penalty_payment`,
				`amount[66:79] "100 000 euros" EUR 10000000/day ceiling`}},
		{"incurred maximum", "La société encourt une amende de 10 millions d'euros.",
			[]string{`amount[35:54] "10 millions d'euros" EUR 1000000000 ceiling`}},
		{"turnover", "Le groupe, dont le chiffre d'affaires a dépassé 44 milliards d'euros, a réagi.",
			[]string{`amount[50:70] "44 milliards d'euros" EUR 4400000000000 turnover`}},
		{"an assessed harm is damages", "Le préjudice a été évalué à 12 000 euros.",
			[]string{`amount[34:46] "12 000 euros" EUR 1200000 damages`}},
		{"a share of turnover up to a cap", "L'amende pouvait atteindre 4 % du chiffre d'affaires mondial, soit jusqu'à 20 millions d'euros.",
			[]string{`amount[76:95] "20 millions d'euros" EUR 2000000000 ceiling`}},
		{"a cap stated as the alternative to a share of turnover", "Le montant de l'amende peut atteindre 4 % du chiffre d'affaires mondial ou 20 millions d'euros.",
			[]string{`amount[75:94] "20 millions d'euros" EUR 2000000000 ceiling`}},
		{"what is owed under an astreinte over a period is a total", "Les sommes dues au titre de l'astreinte provisoire s'élèvent à 94 000 euros pour la période écoulée.",
			[]string{`amount[66:78] "94 000 euros" EUR 9400000 penalty_liquidation`}},
		{"an astreinte per half-year is not per day", "une astreinte de 10 millions d'euros par semestre de retard",
			[]string{`amount[17:36] "10 millions d'euros" EUR 1000000000 penalty_payment`}},
		{"an astreinte with no unit is per day", "sous astreinte de 500 euros.",
			[]string{`amount[18:27] "500 euros" EUR 50000/day penalty_payment`}},
		{"a share of the turnover is not the turnover", "L'Autorité a retenu 2 % du chiffre d'affaires, soit 150 millions d'euros.",
			[]string{`amount[53:73] "150 millions d'euros" EUR 15000000000 fine`}},
		{"a capped share of the turnover", "Le montant maximal encouru atteignait 4 % du chiffre d'affaires mondial, soit environ 22 millions d'euros.",
			[]string{`amount[86:105] "22 millions d'euros" EUR 2200000000 ceiling`}},
		{"reference sum", "Jamais une sanction dépassant un milliard d'euros n'avait été prononcée.",
			[]string{`amount[31:50] "un milliard d'euros" EUR 100000000000 other`}},
		{"damages after", "condamnée à verser 3 000 euros de dommages et intérêts",
			[]string{`amount[21:32] "3 000 euros" EUR 300000 damages`}},
		{"fine after", "Doctissimo : 380 000 € d'amende",
			[]string{`amount[13:24] "380 000 €" EUR 38000000 fine`}},
		{"liquidation", "La CNIL a liquidé l'astreinte : la société devra payer la somme de 5,2 millions d'euros.",
			[]string{`amount[70:90] "5,2 millions d'euros" EUR 520000000 penalty_liquidation`}},
		{"liquidated total named elsewhere", "La formation restreinte en a arrêté le montant à 5200000 euros. Clearview devra verser 5200000 euros.",
			[]string{`amount[52:65] "5200000 euros" EUR 520000000 penalty_liquidation`,
				`amount[90:103] "5200000 euros" EUR 520000000 penalty_liquidation`}},
		{"a year before a comma is not a shared figure", "En 2019, 250 000 euros ont été versés.",
			[]string{`amount[9:22] "250 000 euros" EUR 25000000 fine`}},
		{"a list shares the unit", "des amendes de 10, 20 et 30 millions d'euros",
			[]string{`amount[15:17] "10" EUR 1000000000 fine`, `amount[19:21] "20" EUR 2000000000 fine`,
				`amount[25:44] "30 millions d'euros" EUR 3000000000 fine`}},
		{"restated after a figure in context", "L'amende s'élève à 1,5 million. Elle a été réduite à 1 million en appel.",
			[]string{`amount[22:33] "1,5 million" EUR 150000000 fine`, `amount[60:69] "1 million" EUR 100000000 fine`}},
		{"cap of an astreinte", "une astreinte de 500 euros par jour de retard, dans la limite de 50 000 euros",
			[]string{`amount[17:26] "500 euros" EUR 50000/day penalty_payment`, `amount[65:77] "50 000 euros" EUR 5000000 ceiling`}},
		{"incurred fine named after", "Il encourt jusqu'à 5 ans de prison et 300 000 euros d'amende.",
			[]string{`amount[39:52] "300 000 euros" EUR 30000000 ceiling`}},
		{"until now is not a ceiling", "Jusqu'à présent la CNIL a infligé une amende de 20 M€.",
			[]string{`amount[51:58] "20 M€" EUR 2000000000 fine`}},
		{"damages named later in the clause", "condamnée à une amende civile de 2 millions d'euros et à verser 150 000 euros à l'association au titre des dommages et intérêts",
			[]string{`amount[35:53] "2 millions d'euros" EUR 200000000 fine`, `amount[67:80] "150 000 euros" EUR 15000000 damages`}},
		{"ceiling before its head word", "Le plafond des amendes est fixé à 20 000 euros par manquement.",
			[]string{`amount[36:48] "20 000 euros" EUR 2000000 ceiling`}},
		{"a range of a reduced fine", "La cour a réduit l'amende de 10 à 7 millions d'euros.",
			[]string{`amount[30:32] "10" EUR 1000000000 fine`, `amount[36:54] "7 millions d'euros" EUR 700000000 fine`}},
		{"what an implied figure counts", "Une amende de 2 millions pour 20 mille personnes. La sanction de 32 millions d'euros a été confirmée. La peine a été réduite à 15 ans.",
			[]string{`amount[14:24] "2 millions" EUR 200000000 fine`, `amount[65:84] "32 millions d'euros" EUR 3200000000 fine`}},
		{"funds raised after a fine are other money", "La CNIL a infligé une amende à Zorgcam, qui avait levé 30 millions de dollars l'an dernier.",
			[]string{`amount[58:80] "30 millions de dollars" USD 3000000000 other`}},
		{"money spent on compliance after a fine is other money", "Sanctionnée l'an dernier, Zorgbank a investi 40 millions d'euros dans sa mise en conformité.",
			[]string{`amount[46:65] "40 millions d'euros" EUR 4000000000 other`}},
		{"a ceiling restated after a comma", "Le gouvernement veut relever le plafond des amendes, aujourd'hui fixé à 3 millions d'euros.",
			[]string{`amount[74:92] "3 millions d'euros" EUR 300000000 ceiling`}},
		{"other money", "Le rachat de la start-up pour 300 millions d'euros.",
			[]string{`amount[30:50] "300 millions d'euros" EUR 30000000000 other`}},
		{"cents, and a price is other money", "ça coûte 15 dollars et 15 cents, ou treize euros et quarante-cinq cents",
			[]string{`amount[11:33] "15 dollars et 15 cents" USD 1515 other`,
				`amount[38:73] "treize euros et quarante-cinq cents" EUR 1345 other`}},
		{"coins", "une hausse de 50 cents", []string{`amount[14:22] "50 cents" USD 50 fine`}},
		{"what a sum counts is no fine", "Les retards de paiement privent les fournisseurs de 15 milliards d'euros de trésorerie.",
			[]string{`amount[52:72] "15 milliards d'euros" EUR 1500000000000 other`}},
		{"a penalty the law sets is a ceiling", "Le délit est puni de trois ans d'emprisonnement et de 90 000 euros d'amende.",
			[]string{`amount[55:67] "90 000 euros" EUR 9000000 ceiling`}},
		{"costs under L. 761-1 are other money", "Elle réclamait 25 000 euros au titre de l'article L. 761-1 du code de justice administrative.",
			[]string{`amount[16:28] "25 000 euros" EUR 2500000 other`}},
		{"an astreinte owed is a liquidated total, not a rate", "Zorgview devra verser 5,2 millions d'euros d'astreinte à l'État.",
			[]string{`amount[22:42] "5,2 millions d'euros" EUR 520000000 penalty_liquidation`}},
		{"a scaled figure before the fine it is", "De 32 millions, l'amende a été ramenée à 15.",
			[]string{`amount[3:14] "32 millions" EUR 3200000000 fine`, `amount[45:47] "15" EUR 1500000000 fine`}},
		{"a company's accounts are no fine", "Le groupe a provisionné 150 millions d'euros et comptabilisera une charge complémentaire de 15 millions d'euros.",
			[]string{`amount[25:45] "150 millions d'euros" EUR 15000000000 other`, `amount[94:113] "15 millions d'euros" EUR 1500000000 other`}},
		{"an English billion after a decimal point", "Son communiqué parle d'« a fine of €1.2 billion ».",
			[]string{`amount[37:51] "€1.2 billion" EUR 120000000000 fine`}},
		{"a settlement is no fine", "Par une transaction, la société accepte de payer 1,1 million d'euros.",
			[]string{`amount[51:70] "1,1 million d'euros" EUR 110000000 other`}},
		{"a table cell then a date is no cents", "Veolia 1,6 M€ 14/03/2023",
			[]string{`amount[7:15] "1,6 M€" EUR 160000000 fine`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := amountStrings(t, tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Amounts(%q) = %v, want %v", tt.in, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestAmountsJSONValue(t *testing.T) {
	a := Amounts("une amende de 5,2 millions d'euros")
	if len(a) != 1 || a[0].Value() != 5200000 {
		t.Fatalf("Amounts value = %v, want 5200000 euros", a)
	}
}

// seedSentences are real sentences of the kind veille reads, for the fuzz
// test and the benchmark.
var seedSentences = []string{
	"La CNIL a liquidé l’astreinte de 100 000 euros par jour imposée à la société, qui devra verser 5,2 millions d’euros.",
	"uneamende de 50\u202f000\u202f000\u00a0€, l'une des plus lourdes",
	"sanctionné Google LLC à hauteur de 90 millions d'euros et Google Ireland Limited à hauteur de 60 millions, soit 150 millions d'euros au total.",
	"1,1 milliard d’euros d’amende pour Apple, 76,1 millions pour Tech Data et 62,9 millions pour Ingram Micro",
	"sous peine d'uneastreinte–une somme due pour chaque jour de retard–de 100 000 euros par jour.",
	"des amendes allant jusqu'à 20 millions d'euros ou 4 % du chiffre d'affaires annuel mondial",
	"ça ne coûte que treize euros et quarante-cinq cents, 16,4 millions de $ c ou £ 8,10 millions.",
}

func FuzzAmounts(f *testing.F) {
	for _, s := range seedSentences {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Amounts(s)
		assertSpans(t, s, got, amountSpan)
		for i := 1; i < len(got); i++ {
			if got[i].Start < got[i-1].End {
				t.Fatalf("Amounts(%q): %v overlaps %v", s, got[i], got[i-1])
			}
		}
	})
}

// BenchmarkAmounts measures extraction on French article text: the dev
// corpus when present, else the seed sentences.
func BenchmarkAmounts(b *testing.B) {
	text := strings.Join(seedSentences, " ")
	if docs, err := filepath.Glob(filepath.Join("..", "..", "shared", "eval", "dev", "docs", "*.txt")); err == nil && len(docs) > 0 {
		var sb strings.Builder
		for _, d := range docs {
			if data, err := os.ReadFile(d); err == nil {
				sb.Write(data)
				sb.WriteString("\n")
			}
		}
		text = sb.String()
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		Amounts(text)
	}
}

func ExampleAmounts() {
	text := "La CNIL a prononcé une amende de 20 M€ et une astreinte de 100 000 euros par jour de retard."
	for _, a := range Amounts(text) {
		fmt.Println(a)
	}
	// Output:
	// amount[34:41] "20 M€" EUR 2000000000 fine
	// amount[62:75] "100 000 euros" EUR 10000000/day penalty_payment
}

// TestClauseHeadFolded checks that the head of a folded text's clause is
// the folded head of its clause (afterCue folds the head only).
func TestClauseHeadFolded(t *testing.T) {
	for _, text := range append(fixtureTexts(t), "X au titre de l’article L. 761-1 du CJA\u00a0; É. Ça\tva, İ. \xff. K. fin") {
		for i := 0; i < len(text); i++ {
			raw := text[i:min(len(text), i+160)]
			if got, want := foldCaseSpacesApostrophes(clauseHead(raw)), clauseHead(foldCaseSpacesApostrophes(raw)); got != want {
				t.Fatalf("%q: %q, want %q", raw, got, want)
			}
		}
	}
}

// TestCurrencyEdges checks that trying the currency forms of the text's
// first (or last) word finds what trying every form finds.
func TestCurrencyEdges(t *testing.T) {
	ar := Default().amounts
	every := *ar // every form under each word
	starts, ends := map[string][]currencyForm{}, map[string][]currencyForm{}
	forms := compileCurrencies(DefaultRules())
	for k := range ar.currencyStarts.all() {
		starts[k] = forms
	}
	for k := range ar.currencyEnds.all() {
		for _, c := range forms {
			if c.prefix {
				ends[k] = append(ends[k], c)
			}
		}
	}
	every.currencyStarts, every.currencyEnds = newWordMap(starts), newWordMap(ends)
	for _, text := range append(fixtureTexts(t), "3 euros 4 EUROS 5 euro-6 $US 7 US$ 8 € 9 dollars américains 10 eurosx",
		"€ 3, EUR 4, £5, ¥ 6, USD\u00a07, xeur 8, DOLLARS US 9, 5 cents, 6 centimes, l’euro") {
		for i := 0; i <= len(text); i++ {
			c, end, ok := ar.currencyAt(text, i)
			wc, wend, wok := every.currencyAt(text, i)
			if c != wc || end != wend || ok != wok {
				t.Errorf("currencyAt(%.30q) = %v, %d, %v, want %v, %d, %v", text[i:], c, end, ok, wc, wend, wok)
			}
			c, start, ok := ar.currencyBefore(text, i)
			wc, wstart, wok := every.currencyBefore(text, i)
			if c != wc || start != wstart || ok != wok {
				t.Errorf("currencyBefore(%.30q) = %v, %d, %v, want %v, %d, %v", text[:i], c, start, ok, wc, wstart, wok)
			}
		}
	}
}
