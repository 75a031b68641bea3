package pipeline

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/veille/veille/extract"
)

// exactOverlap is |A∩B| / min(|A|, |B|) of the shingle sets of two texts,
// computed, not estimated.
func exactOverlap(a, b string) float64 {
	sa, sb := shingles(a), shingles(b)
	inter := 0
	for s := range sa {
		if sb[s] {
			inter++
		}
	}
	return float64(inter) / float64(max(1, min(len(sa), len(sb))))
}

func shingles(text string) map[string]bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	set := map[string]bool{}
	for i := 0; i+shingleWords <= len(words) || i == 0 && len(words) > 0; i++ {
		set[strings.Join(words[i:min(len(words), i+shingleWords)], " ")] = true
	}
	return set
}

const text1 = `La formation restreinte de la CNIL a prononcé une amende de 240 000 euros à l'encontre de la société Kaspr, qui exploite une extension de navigateur permettant de récupérer les coordonnées de personnes dont le profil est publié sur LinkedIn.
Elle lui a également enjoint de cesser de conserver les données au-delà de la durée nécessaire et de mieux informer les personnes concernées, dans un délai de six mois.
La CNIL relève que la société conservait les données pendant cinq ans à compter de leur collecte, sans que cette durée soit justifiée, et que les personnes n'étaient pas informées du traitement de leurs données.
La société dispose d'un délai de deux mois pour former un recours devant le Conseil d'État.`

func TestMinHash(t *testing.T) {
	changed := strings.Replace(text1, "sans que cette durée soit justifiée", "ce que la formation restreinte juge excessif au regard de la finalité", 1)
	cut := strings.Join(strings.Split(text1, "\n")[:3], "\n")
	other := "Le Conseil d'État a rejeté le recours de la société Google contre la sanction de 100 millions d'euros prononcée par la CNIL pour avoir déposé des cookies publicitaires sans le consentement des utilisateurs de google.fr."
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"same", text1, text1, 1, 1},
		{"same words, other spacing and case", text1, strings.ToUpper(strings.ReplaceAll(text1, " ", "  ")), 1, 1},
		{"a sentence reworded", text1, changed, 0.8, 0.97},
		{"a paragraph cut", text1, cut, 0.95, 1},
		{"another article", text1, other, 0, 0.1},
		{"short texts", "Amende de 5 000 euros.", "Amende de 6 000 euros.", 0, 0.1},
	}
	for _, tt := range tests {
		sa, na := minHash(tt.a)
		sb, nb := minHash(tt.b)
		got := similarity(sa, sb, na, nb)
		if got < tt.min || got > tt.max {
			t.Errorf("%s: similarity = %.3f (exact overlap %.3f), want in [%.2f, %.2f]", tt.name, got, exactOverlap(tt.a, tt.b), tt.min, tt.max)
		}
	}
	if _, n := minHash(" — 12 !"); n != 1 {
		t.Errorf("minHash of one word: %d shingles, want 1", n)
	}
	if _, n := minHash(" — ! "); n != 0 {
		t.Errorf("minHash without words: %d shingles, want 0", n)
	}
}

// genSet is a generated test set: distinct articles, then republications of
// some of them. dups maps the file name of each republication to that of
// its original.
func genSet(t *testing.T, dir string, originals []string) (dups map[string]string) {
	t.Helper()
	rng := rand.New(rand.NewSource(12))
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, o := range originals {
		write(fmt.Sprintf("a%03d.txt", i), o)
	}
	chrome := func(s string) string {
		return "Actualités > Données personnelles\nPar la rédaction, mis à jour le 3 mars\n" + s +
			"\nPartager sur LinkedIn | Imprimer\nLire aussi : la CNIL publie son rapport annuel\n© Veille juridique, tous droits réservés"
	}
	changeSentence := func(s string) string { // one sentence of one paragraph
		paras := strings.Split(s, "\n")
		var long []int
		for i, p := range paras {
			if i > 0 && strings.Count(p, ". ") >= 1 {
				long = append(long, i)
			}
		}
		if len(long) == 0 {
			return s + "\nCette décision peut faire l'objet d'un recours."
		}
		i := long[rng.Intn(len(long))]
		sentences := strings.SplitAfter(paras[i], ". ")
		k := rng.Intn(len(sentences))
		sentences[k] = "Selon nos informations, la société envisagerait de contester cette décision devant le juge. "
		paras[i] = strings.TrimSpace(strings.Join(sentences, ""))
		return strings.Join(paras, "\n")
	}
	cutParagraph := func(s string) string {
		paras := strings.Split(s, "\n")
		if len(paras) < 3 {
			return s
		}
		i := 1 + rng.Intn(len(paras)-1)
		return strings.Join(append(paras[:i:i], paras[i+1:]...), "\n")
	}
	variants := []struct {
		name string
		f    func(string) string
	}{
		{"chrome", chrome},
		{"sentence", changeSentence},
		{"cut", cutParagraph},
		{"chrome+sentence", func(s string) string { return chrome(changeSentence(s)) }},
	}
	dups = map[string]string{}
	n := 0
	for i, o := range originals {
		if len(strings.Fields(o)) < 150 { // a brief is not republished with changes
			continue
		}
		v := variants[i%len(variants)]
		name := fmt.Sprintf("b%03d-%s.txt", n, v.name)
		n++
		write(name, v.f(o))
		dups[name] = fmt.Sprintf("a%03d.txt", i)
	}
	return dups
}

// devTexts are the French articles of the development corpus, when it is
// beside the repository, each once.
func devTexts(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "eval", "dev", "docs")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared dev corpus not found at %s: %v", dir, err)
	}
	var texts []string
	_, err := Run(context.Background(), []string{dir}, strings.NewReader(""), Options{Near: 1}, func(r *extract.Record) error {
		if r.Skipped == extract.NotSkipped {
			texts = append(texts, r.Text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// TestNearDuplicates measures precision and recall of "duplicate" on a set
// generated from the development corpus: its distinct articles (several on
// the same case: Clearview, Google, Criteo…), then republications of the
// longer ones with another chrome, a sentence reworded, a paragraph cut; and
// notices of distinct decisions that share a template.
func TestNearDuplicates(t *testing.T) {
	dir := t.TempDir()
	texts := append(devTexts(t), notices()...)
	dups := genSet(t, dir, texts)
	tp, fp, fn := 0, 0, 0
	minDup, maxDistinct := 1.0, 0.0
	read := map[string]string{} // file name -> text as read
	_, err := Run(context.Background(), []string{dir}, strings.NewReader(""), Options{Near: nearThreshold()}, func(r *extract.Record) error {
		name := filepath.Base(r.Source)
		read[name] = r.Text
		want, isDup := dups[name]
		got := r.Skipped == extract.SkipDuplicate
		switch {
		case got && isDup && filepath.Base(r.DuplicateOf) == want:
			tp++
			minDup = min(minDup, r.Similarity)
		case got:
			fp++
			t.Logf("%s: duplicate of %s (%.3f), want %s", name, r.DuplicateOf, r.Similarity, map[bool]string{true: want, false: "none"}[isDup])
		case isDup:
			fn++
			sa, na := minHash(read[want])
			sb, nb := minHash(r.Text)
			t.Logf("%s: not a duplicate, want one of %s (similarity %.3f, exact overlap %.3f)", name, want, similarity(sa, sb, na, nb), exactOverlap(read[want], r.Text))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The highest similarity between two distinct articles, exactly.
	for i := range texts {
		for j := range i {
			maxDistinct = max(maxDistinct, exactOverlap(texts[i], texts[j]))
		}
	}
	precision := float64(tp) / float64(max(1, tp+fp))
	recall := float64(tp) / float64(max(1, tp+fn))
	t.Logf("%d distinct articles, %d republications: precision %.3f, recall %.3f (tp %d, fp %d, fn %d); lowest similarity of a republication %.3f, highest overlap of two distinct articles %.3f",
		len(texts), len(dups), precision, recall, tp, fp, fn, minDup, maxDistinct)
	if precision < 0.95 || recall < 0.95 {
		t.Errorf("precision %.3f, recall %.3f: want 0.95 or more", precision, recall)
	}
}

// notices are distinct decisions told with the same template, as some
// authorities publish them: they are not duplicates of each other.
func notices() []string {
	var out []string
	for i, n := range []struct{ name, city, amount, year string }{
		{"Alpha Distribution", "Lyon", "120 000", "2021"},
		{"Bétons du Centre", "Bourges", "45 000", "2022"},
		{"Compagnie des Eaux Vives", "Rennes", "310 000", "2021"},
		{"Delta Logistique", "Lille", "87 500", "2023"},
		{"Éditions Mirabeau", "Aix-en-Provence", "22 000", "2022"},
		{"Fromageries Réunies", "Besançon", "260 000", "2023"},
	} {
		out = append(out, fmt.Sprintf("Délais de paiement : amende pour %s\n"+
			"La DGCCRF a prononcé une amende administrative de %s euros à l'encontre de la société %s, située à %s, "+
			"pour des retards de paiement à l'égard de ses fournisseurs. Le contrôle a porté sur les factures émises en %s. "+
			"La décision a été publiée sur le site de la DGCCRF le %d mars %d.", n.name, n.amount, n.name, n.city, n.year, i+2, 2024))
	}
	return out
}

// TestSimilarityError compares the estimated similarity with the exact one
// on pairs of texts cut from the dev corpus at random.
func TestSimilarityError(t *testing.T) {
	texts := devTexts(t)
	rng := rand.New(rand.NewSource(3))
	var sum, sq, worst float64
	n := 0
	for range 400 {
		a := texts[rng.Intn(len(texts))]
		words := strings.Fields(a)
		if len(words) < 100 {
			continue
		}
		// b: a with a random share of its words replaced in one run.
		b := append([]string(nil), words...)
		k := rng.Intn(len(b) / 2)
		at := rng.Intn(len(b) - k)
		for i := at; i < at+k; i++ {
			b[i] = fmt.Sprint("mot", i)
		}
		sa, na := minHash(a)
		sb, nb := minHash(strings.Join(b, " "))
		d := similarity(sa, sb, na, nb) - exactOverlap(a, strings.Join(b, " "))
		sum += d
		sq += d * d
		worst = max(worst, math.Abs(d))
		n++
	}
	mean, sd := sum/float64(n), math.Sqrt(sq/float64(n))
	t.Logf("%d pairs: estimate - exact: mean %.4f, root mean square %.4f, worst %.4f", n, mean, sd, worst)
	if sd > 0.06 || math.Abs(mean) > 0.03 {
		t.Errorf("estimate off: mean %.4f, rms %.4f", mean, sd)
	}
}

// nearThreshold is the -near of TestNearDuplicates: the default, or
// $NEAR to measure another.
func nearThreshold() float64 {
	var v float64
	if _, err := fmt.Sscan(os.Getenv("NEAR"), &v); err == nil {
		return v
	}
	return 0
}
