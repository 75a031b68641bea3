package source

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// detectCases are short texts of each language, and texts made to trip a
// quick detection: French with English quotes, English on a French case.
var detectCases = []struct{ name, in, want string }{
	{"fr", "La formation restreinte de la CNIL a prononcé une amende de 20 millions d'euros à l'encontre de la société, qui devra cesser de collecter les données.", "fr"},
	{"fr typographic", "L’Autorité enjoint à l’opérateur, dans un délai de deux mois, de présenter une offre de rémunération aux éditeurs de presse.", "fr"},
	{"en", "The regulator fined the company 20 million euros for unlawful processing of biometric data and ordered it to delete the data.", "en"},
	{"de", "Die Datenschutzbehörde verhängte gegen das Unternehmen ein Bußgeld in Höhe von 35 Millionen Euro wegen der Überwachung von Beschäftigten.", "de"},
	{"es", "La autoridad de protección de datos impuso una multa de veinte millones de euros a la empresa por el tratamiento ilícito de datos.", "es"},
	{"it", "Il Garante ha inflitto alla società una sanzione di venti milioni di euro per il trattamento illecito dei dati personali degli utenti.", "it"},
	{"nl", "De toezichthouder heeft het bedrijf een boete van twintig miljoen euro opgelegd wegens het onrechtmatig verwerken van persoonsgegevens.", "nl"},
	{"pt", "A autoridade de proteção de dados aplicou à empresa uma coima de vinte milhões de euros pelo tratamento ilícito de dados pessoais.", "pt"},
	{"no letters", "123 456 — 2024 !", ""},
	// Article-length texts, which the quick pass settles, or leaves.
	{"fr long", "La formation restreinte de la CNIL a prononcé le 5 décembre 2024 une amende de 240 000 euros à l'encontre de la société Kaspr, qui exploite une extension pour navigateur permettant de récupérer les coordonnées de personnes dont le profil est publié sur le réseau social LinkedIn. Elle lui a également enjoint de cesser de conserver les données au-delà de la durée nécessaire et de mieux informer les personnes concernées, dans un délai de six mois.", "fr"},
	{"fr with English quotes", "Dans sa décision, la Commission irlandaise reproche à Meta d'avoir conservé des mots de passe « in plaintext without cryptographic protection or encryption », selon les termes de son communiqué. Le régulateur a infligé une amende de 91 millions d'euros à l'entreprise, qui a annoncé qu'elle ne ferait pas appel. La société avait elle-même signalé l'incident à l'autorité en 2019, après un audit interne de sécurité.", "fr"},
	{"fr with English name and title", "The Walt Disney Company et Cookie Monster Ltd : la CNIL sanctionne deux sociétés pour des cookies déposés sans consentement. Dans les deux cas, la formation restreinte a relevé que les traceurs publicitaires étaient lus dès l'arrivée de l'utilisateur sur le site, avant toute action de sa part, et que le refus était plus difficile à exprimer que l'acceptation. Les amendes s'élèvent à 100 000 et 50 000 euros.", "fr"},
	{"en on a French case", "France's data protection authority, the CNIL, fined the company Kaspr 240,000 euros on 5 December 2024 for collecting the contact details of LinkedIn users who had chosen to hide them. The « formation restreinte » also ordered the company to stop keeping the data longer than necessary and to inform the people concerned within six months, under a penalty of 500 euros per day of delay.", "en"},
	{"de long", "Die französische Datenschutzbehörde CNIL hat gegen das Unternehmen ein Bußgeld in Höhe von 240.000 Euro verhängt, weil es die Kontaktdaten von Nutzern eines sozialen Netzwerks ohne deren Wissen gesammelt und über Jahre gespeichert hat. Außerdem wurde das Unternehmen angewiesen, die Daten nicht länger als nötig aufzubewahren und die betroffenen Personen innerhalb von sechs Monaten zu informieren.", "de"},
	{"es long", "La autoridad francesa de protección de datos ha impuesto una multa de 240.000 euros a la empresa por recoger los datos de contacto de los usuarios de una red social sin su conocimiento y conservarlos durante años. Además, le ordenó que no conservara los datos más tiempo del necesario y que informara a las personas afectadas en un plazo de seis meses, bajo pena de una multa coercitiva diaria.", "es"},
	{"it long", "L'autorità francese per la protezione dei dati ha inflitto una sanzione di 240.000 euro alla società per aver raccolto i dati di contatto degli utenti di un social network senza che questi ne fossero a conoscenza e per averli conservati per anni. Le ha inoltre ordinato di non conservare i dati più a lungo del necessario e di informare le persone interessate entro sei mesi, pena una penalità giornaliera.", "it"},
	{"nl long", "De Franse toezichthouder voor gegevensbescherming heeft het bedrijf een boete van 240.000 euro opgelegd omdat het de contactgegevens van gebruikers van een sociaal netwerk zonder hun medeweten had verzameld en jarenlang had bewaard. Daarnaast moet het bedrijf de gegevens niet langer bewaren dan nodig is en de betrokken personen binnen zes maanden informeren, op straffe van een dwangsom per dag.", "nl"},
	{"pt long", "A autoridade francesa de proteção de dados aplicou uma coima de 240.000 euros à empresa por ter recolhido os dados de contacto dos utilizadores de uma rede social sem o seu conhecimento e por os ter conservado durante anos. Ordenou ainda que a empresa não conservasse os dados por mais tempo do que o necessário e que informasse as pessoas em causa no prazo de seis meses, sob pena de uma sanção diária.", "pt"},
	{"empty", "", ""},
}

func TestDetect(t *testing.T) {
	d := NewDetector()
	for _, tt := range detectCases {
		lang, conf := d.Detect(tt.in)
		if lang != tt.want {
			t.Errorf("Detect(%q) = %q (%.2f), want %q", tt.in, lang, conf, tt.want)
		}
		if (lang == "") != (conf == 0) || conf < 0 || conf > 1 {
			t.Errorf("Detect(%q) confidence = %v for %q, want in (0, 1] when known, 0 when not", tt.in, conf, lang)
		}
	}
}

// TestDetectorBuildTime logs how long the first Detect takes: it builds the
// lingua-go detector. It asserts nothing about timing.
// TestShortFrench checks the short French texts that low-accuracy detection
// took for other languages, and logs what building the detector costs.
func TestShortFrench(t *testing.T) {
	for _, s := range []string{
		"La CNIL a infligé une amende de 5 000 euros.", // Italian in low-accuracy mode
		"Le Conseil d'État confirme.",
		"Une phrase en français pour charger les modèles.",
		"Le Conseil d'État rejette le pourvoi.",
		"Sanction confirmée en appel.",
		"La société conteste la sanction.",
		"Mise en demeure de la commune de Nice.",
		"Délibération SAN-2024-021 du 5 décembre 2024.",
		"Astreinte liquidée à 5,2 millions d'euros.",
		"Google condamné à 150 millions d'euros.",
		"Un rappel à l'ordre pour la mairie.",
		"Le régulateur italien a infligé une amende.",
		"Vidéosurveillance : la CNIL met en demeure.",
	} {
		start := time.Now()
		if lang, conf := NewDetector().Detect(s); lang != "fr" {
			t.Errorf("Detect(%q) = %s (%.2f), want fr", s, lang, conf)
		}
		t.Logf("Detect(%q) took %v (the first builds the detector, unless another test did)", s, time.Since(start))
	}
}

func TestSample(t *testing.T) {
	text := strings.Repeat("déjà vu ", 1000)
	for _, max := range []int{1, 7, 100, 4096} {
		s := sample(text, max)
		if len(s) > max || !utf8.ValidString(s) || !strings.HasPrefix(text, s) {
			t.Errorf("sample(…, %d) = %d bytes, valid %v: want a valid prefix of at most %d bytes", max, len(s), utf8.ValidString(s), max)
		}
	}
	if s := sample("court", 4096); s != "court" {
		t.Errorf("sample(court) = %q", s)
	}
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("La formation restreinte de la CNIL a prononcé une amende de 20 millions d'euros à l'encontre de Clearview AI. ", 40)
	d := NewDetector()
	d.Detect(text) // build outside the timing
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Detect(text)
	}
}

// quickTexts are texts on which the quick pass is checked against lingua-go:
// the development corpus, the test corpus, and the cases below.
func quickTexts(t *testing.T) map[string]string {
	texts := map[string]string{}
	for name, d := range devArticles(t) {
		texts["dev/"+name] = d.Article.Text
	}
	for _, d := range walkAll(t, []string{"testdata/corpus", "testdata/warc"}, nil, Options{}) {
		if d.Err == nil {
			texts[d.Article.Source] = d.Article.Text
		}
	}
	for i, s := range detectCases {
		texts[fmt.Sprintf("case %d %s", i, s.name)] = s.in
	}
	return texts
}

// TestQuickAgreesWithLingua: when the quick pass decides, it decides as
// lingua-go in high-accuracy mode does.
func TestQuickAgreesWithLingua(t *testing.T) {
	settled := 0
	texts := quickTexts(t)
	for name, text := range texts {
		s := sample(text, maxSampleBytes)
		lang, conf, ok := quickDetect(s)
		if !ok {
			continue
		}
		settled++
		if want, wantConf := linguaDetect(s); lang != want || conf != wantConf {
			t.Errorf("%s: quickDetect = %s (%.4f), lingua-go says %s (%.4f)", name, lang, conf, want, wantConf)
		}
	}
	t.Logf("quick pass settled %d of %d texts", settled, len(texts))
}

// BenchmarkDetectArticle detects the language of the seed articles (real
// prose, where function words abound, unlike BenchmarkDetect's repeated
// sentence), with both passes and with lingua-go alone, as before.
func BenchmarkDetectArticle(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "*.txt"))
	var texts []string
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += int64(len(data))
	}
	if len(texts) == 0 {
		b.Fatal("no fixtures")
	}
	d := NewDetector()
	linguaDetect("Une phrase pour charger les modèles.")
	for _, bb := range []struct {
		name   string
		detect func(string) (string, float64)
	}{
		{"two-pass", d.Detect},
		{"lingua-only", func(s string) (string, float64) { return linguaDetect(sample(s, maxSampleBytes)) }},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, t := range texts {
					bb.detect(t)
				}
			}
		})
	}
}
