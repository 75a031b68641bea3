package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/veille/veille/extract"
)

// TestEveryTableReachesItsFamily adds an entry to each rules table through
// extract.LoadRules, as a user's -rules directory does, and checks that a
// probe article's record changes as the entry says: a table that no family
// reads would fail here. Every table must have a probe.
func TestEveryTableReachesItsFamily(t *testing.T) {
	probes := []struct {
		table, entry string
		file, doc    string // the probe article, in the format of its file name
		want         string // in the record's JSON with the entry, not without it
	}{
		{"amount_context.txt", "revised: rabotée à", "a.txt",
			"La CNIL a infligé une amende de 32 millions d'euros à la société. En appel, elle a été rabotée à 15.", `"text":"15","value":15000000`},
		{"amount_periods.txt", "after year: par exercice", "a.txt",
			"La société devra verser une redevance de 500 euros par exercice, a décidé la CNIL.", `"per":"year"`},
		{"amount_roles.txt", "before other: cagnotte", "a.txt",
			"La société a constitué une cagnotte de 500 euros pour ses salariés, selon la presse.", `"role":"other"`},
		{"authorities.txt", "Autorité zorglubienne: Autorité zorglubienne de régulation", "a.txt",
			"L'Autorité zorglubienne de régulation a sanctionné la société Kaspr pour ses pratiques.", `"type":"AUTHORITY","name":"Autorité zorglubienne"`},
		{"authority_refs.txt", "gendarme des données: CNIL", "a.txt",
			"La CNIL a sanctionné la société Kaspr. Le gendarme des données lui reproche plusieurs manquements.", `"text":"gendarme des données"`},
		{"boilerplate.txt", "cue: Vos réactions", "a.txt",
			"La CNIL a sanctionné la société Kaspr pour ses pratiques de prospection. | Vos réactions : la CNIL a encore frappé.", `"text":"La CNIL a sanctionné la société Kaspr pour ses pratiques de prospection."`},
		{"courts.txt", "Tribunal des conflits: tribunal des conflits", "a.txt",
			"Le tribunal des conflits de Paris a tranché la question de la compétence des juges.", `"name":"Tribunal des conflits de Paris"`},
		{"currencies.txt", "XZG: zorglubs", "a.txt",
			"La société devra verser une amende de 500 zorglubs au Trésor, a décidé le juge.", `"currency":"XZG"`},
		{"currency_minor.txt", "EUR: sou | sous", "a.txt",
			"La société devra verser une amende symbolique de 50 sous au plaignant, a décidé le juge.", `"value":0.5`},
		{"date_words.txt", "first: 1ier", "a.txt",
			"La délibération du 1ier juillet 2020 de la CNIL a sanctionné la société pour ses manquements.", `"value":"2020-07-01"`},
		{"durations.txt", "M: lunes", "a.txt",
			"La CNIL a enjoint à la société Kaspr de supprimer les données dans un délai de trois lunes.", `"duration":"P3M"`},
		{"html_chrome.txt", "word: zorglub-box", "a.html",
			`<html><body><article><p>La CNIL a sanctionné la société Kaspr pour ses pratiques de prospection commerciale.</p><div class="zorglub-box">Publicité pour un abonnement à la revue.</div></article></body></html>`,
			`"text":"La CNIL a sanctionné la société Kaspr pour ses pratiques de prospection commerciale."`},
		{"injunctions.txt", "verb: somme", "a.txt",
			"La CNIL somme la société Kaspr de supprimer les données collectées sans base légale.", `"target":"Kaspr"`},
		{"law_anaphora.txt", "règlement: texte européen", "a.txt",
			"L'article 5 du RGPD fixe les principes. L'article 6 du texte européen fixe les bases légales du traitement.", `"ref":"6"`},
		{"law_kinds.txt", "règlement: loi Informatique et Libertés", "a.txt",
			"L'article 8 de la loi Informatique et Libertés est cité, puis l'article 9 du même règlement.", `"law":"loi Informatique et Libertés","ref":"9"`},
		{"laws.txt", "loi Zorglub: loi zorglub", "a.txt",
			"L'article 3 de la loi Zorglub impose de nouvelles obligations aux plateformes en ligne.", `"law":"loi Zorglub","ref":"3"`},
		{"legal_forms.txt", "form: SCIC", "a.txt",
			"Le contrat de la société de transport avec Martin SCIC a été rompu par le juge.", `"type":"ORG","name":"Martin SCIC"`},
		{"months.txt", "3: marzo", "a.txt",
			"La décision du 5 marzo 2024 de la CNIL a sanctionné la société pour ses manquements.", `"value":"2024-03-05"`},
		{"not_orgs.txt", "word: zorglub", "a.txt",
			"La CNIL a sanctionné la société. Selon Zorglub, la décision est sévère pour le secteur.", `"entities":[{"type":"AUTHORITY","name":"CNIL","text":"CNIL","start":3,"end":7}]`},
		{"number_scales.txt", "symbol 1000000: MM", "a.txt",
			"La CNIL a infligé une amende de 3 MM€ à la société pour ses manquements répétés.", `"value":3000000`},
		{"number_words.txt", "1000: millier | milliers", "a.txt",
			"La CNIL a infligé une amende de trois milliers d'euros à la société pour ses manquements.", `"value":3000`},
		{"org_cues.txt", "lowercase: la coopérative", "a.txt",
			"La CNIL a sanctionné la coopérative zorgtech, qui conteste la décision devant le juge.", `"name":"zorgtech"`},
		{"orgs.txt", "Zorglub Industries: ZGI", "a.txt",
			"Selon la CNIL, ZGI a manqué à ses obligations de sécurité des données.", `"name":"Zorglub Industries"`},
		{"persons.txt", "name: Zorglubine", "a.txt",
			"La CNIL a sanctionné la société. Zorglubine Martin a témoigné devant la formation restreinte.", `"type":"PERSON","name":"Zorglubine Martin"`},
		{"sanctions.txt", "kind warning: mise en garde", "a.txt",
			"La CNIL a adressé une mise en garde à la société Kaspr pour ses pratiques de prospection.", `"kind":"warning"`},
		{"services.txt", "sanctioning: DZORG", "a.txt",
			"La société a été sanctionnée par la DZORG de Bretagne pour ses retards de paiement.", `"type":"AUTHORITY","name":"DZORG Bretagne"`},
		{"places.txt", "Zorgville", "a.txt",
			"La CNIL a sanctionné une société de Zorgville pour ses manquements répétés.", `"type":"PLACE","name":"Zorgville"`},
	}
	probed := map[string]bool{}
	for _, p := range probes {
		probed[p.table] = true
		t.Run(p.table, func(t *testing.T) {
			rules, err := extract.LoadRules(fstest.MapFS{p.table: {Data: []byte(p.entry + "\n")}})
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, p.file), []byte(p.doc), 0o644); err != nil {
				t.Fatal(err)
			}
			without, with := probeRecord(t, dir, nil), probeRecord(t, dir, rules)
			if strings.Contains(without, p.want) {
				t.Fatalf("the default rules already give %s:\n%s", p.want, without)
			}
			if !strings.Contains(with, p.want) {
				t.Errorf("with %q in %s, the record lacks %s:\n%s", p.entry, p.table, p.want, with)
			}
		})
	}
	for _, name := range extract.DefaultRules().Names() {
		if !probed[name] {
			t.Errorf("table %s has no probe", name)
		}
	}
}

// probeRecord runs the pipeline on dir with rules and returns the JSON of
// its one record, without the fields that do not depend on the rules.
func probeRecord(t *testing.T, dir string, rules *extract.Rules) string {
	t.Helper()
	var out []string
	_, err := Run(context.Background(), []string{dir}, strings.NewReader(""), Options{Rules: rules}, func(r *extract.Record) error {
		if r.Skipped != extract.NotSkipped {
			t.Fatalf("probe skipped: %s %s", r.Skipped, r.Error)
		}
		j := r.JSON()
		j.ID, j.Source, j.LangConfidence = "", "", 0
		b, err := json.Marshal(j)
		out = append(out, string(b))
		return err
	})
	if err != nil || len(out) != 1 {
		t.Fatalf("probe: %d records, err %v", len(out), err)
	}
	return out[0]
}
