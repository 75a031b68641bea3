package source

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestDetect(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"fr", "La formation restreinte de la CNIL a prononcé une amende de 20 millions d'euros à l'encontre de la société, qui devra cesser de collecter les données.", "fr"},
		{"fr typographic", "L’Autorité enjoint à l’opérateur, dans un délai de deux mois, de présenter une offre de rémunération aux éditeurs de presse.", "fr"},
		{"en", "The regulator fined the company 20 million euros for unlawful processing of biometric data and ordered it to delete the data.", "en"},
		{"de", "Die Datenschutzbehörde verhängte gegen das Unternehmen ein Bußgeld in Höhe von 35 Millionen Euro wegen der Überwachung von Beschäftigten.", "de"},
		{"es", "La autoridad de protección de datos impuso una multa de veinte millones de euros a la empresa por el tratamiento ilícito de datos.", "es"},
		{"it", "Il Garante ha inflitto alla società una sanzione di venti milioni di euro per il trattamento illecito dei dati personali degli utenti.", "it"},
		{"nl", "De toezichthouder heeft het bedrijf een boete van twintig miljoen euro opgelegd wegens het onrechtmatig verwerken van persoonsgegevens.", "nl"},
		{"pt", "A autoridade de proteção de dados aplicou à empresa uma coima de vinte milhões de euros pelo tratamento ilícito de dados pessoais.", "pt"},
		{"no letters", "123 456 — 2024 !", ""},
		{"empty", "", ""},
	}
	d := NewDetector()
	for _, tt := range tests {
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
		"La CNIL a infligé une amende de 5 000 euros.",
		"Le Conseil d'État confirme.",
		"Une phrase en français pour charger les modèles.",
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
