package source

/*
The first, quick pass of language detection: a count of function words (see
lang.go). The lists hold the commonest short words of each language in
news prose; a word in two lists or more is dropped from all of them at init,
so that only words that tell one language from the six others count.
*/

import (
	"strings"
	"unicode"
)

// Thresholds of quickDetect. A French article of ordinary length has some
// 25 to 40 counted words in its 768-byte sample; a title or a two-line
// summary has too few and goes to lingua-go.
const (
	quickMinWords = 40 // words in the sample
	quickMinHits  = 12 // function words of the winning language
	quickMargin   = 10 // the winner has this many times the words of any other
)

// functionWords are the lists, by ISO 639-1 code; French has, besides, a
// few nouns of its legal news (« société », « amende », « délai »). The last line of each
// holds words common in it that another list has, put there so that they
// count for neither (« a » is French, Spanish, Italian and Portuguese).
var functionWords = map[string]string{
	"fr": `le la les un une des du de et est à au aux en dans par pour sur avec qui que ne pas ont été être
		cette ce ces cet son sa ses leur leurs il elle ils elles nous vous mais ou où dont sont était a ainsi
		aussi selon après contre chez lors depuis entre sous également plus sans avait sera fait peut doit
		comme tout tous toute toutes même afin lorsque notamment toutefois cependant alors très déjà avoir
		celle celui ceux lequel laquelle auprès ni encore quant puis dès qu
		société données personnes amende décision délai autorité
		on se non`,
	"en": `the of and to in is was for on that with by as at from are be this which it an has have were or
		not their its been but had will would also after than into who more can should such other
		over do`,
	"de": `der die das und ist von zu mit den dem nicht ein eine einer eines für auf sich des im auch wird
		wurde werden hat sind als bei nach oder aus noch wie über vor durch gegen wegen dass zum zur
		in an es`,
	"es": `el los las del y en que por con una un para es se al lo como más su sus pero fue ha sido está
		este esta entre sobre también según desde contra sin hasta ya han muy
		a son no ser ni la`,
	"it": `il lo gli della delle dei degli di che e è per con una un del nel nella alla non sono stato ha
		anche come più questo questa dalla sulla dal sul nei agli alle ai tra fra essere
		a le ne se al su la`,
	"nl": `de het een en van is op te dat voor met zijn niet aan door bij ook werd wordt naar heeft om die
		deze dit maar tot uit over na nog hun wel worden
		in`,
	"pt": `o os as da do das dos e em no na nos nas que para com uma um por não é foi pelo pela ao à mais
		seu sua também pelos pelas foram ser está entre sobre sem até já
		a como este esta desde contra ou`,
}

// quickWords maps each word found in one list alone to its language.
var quickWords = func() map[string]string {
	langs := map[string][]string{}
	for lang, list := range functionWords {
		for _, w := range strings.Fields(list) {
			langs[w] = append(langs[w], lang)
		}
	}
	words := map[string]string{}
	for w, ls := range langs {
		if len(ls) == 1 {
			words[w] = ls[0]
		}
	}
	return words
}()

// quickDetect returns the language of a sample, with confidence 1, when the
// function words leave no doubt; ok is false otherwise.
func quickDetect(s string) (lang string, confidence float64, ok bool) {
	hits := map[string]int{}
	words := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		if len(w) > 1 && strings.ToUpper(w) == w {
			continue // an acronym or a name in capitals (« AI », « CNIL »), no function word
		}
		if l, found := quickWords[strings.ToLower(w)]; found {
			hits[l]++
		}
	}
	if words < quickMinWords {
		return "", 0, false
	}
	best, second := "", 0
	for l, n := range hits {
		switch {
		case best == "" || n > hits[best]:
			second = max(second, hits[best])
			best = l
		default:
			second = max(second, n)
		}
	}
	if best == "" || hits[best] < quickMinHits || hits[best] < quickMargin*second {
		return "", 0, false
	}
	// lingua-go gives these texts a confidence of 1 (TestQuickAgreesWithLingua).
	return best, 1, true
}
