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
	"unicode/utf8"
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

// quickLanguages are the keys of functionWords, in the order of the
// counts of quickDetect.
var quickLanguages = [...]string{"fr", "en", "de", "es", "it", "nl", "pt"}

// quickWords maps each word found in one list alone to its language, an
// index in quickLanguages.
var quickWords = func() map[string]int {
	langs := map[string][]int{}
	for l, lang := range quickLanguages {
		for _, w := range strings.Fields(functionWords[lang]) {
			langs[w] = append(langs[w], l)
		}
	}
	words := map[string]int{}
	for w, ls := range langs {
		if len(ls) == 1 {
			words[w] = ls[0]
		}
	}
	return words
}()

// quickWordMax bounds the length in bytes of the words of quickWords (a
// test checks it): a longer word cannot be one.
const quickWordMax = 16

// quickDetect returns the language of a sample, with confidence 1, when the
// function words leave no doubt; ok is false otherwise. Its words are the
// runs of letters; a word in capitals is no function word (an acronym or a
// name, « AI », « CNIL »), any other is looked up lower-cased.
func quickDetect(s string) (lang string, confidence float64, ok bool) {
	var hits [len(quickLanguages)]int
	words := 0
	var lower [quickWordMax]byte
	for i := 0; i < len(s); {
		start := skipLetters(s, i, false)
		if start == len(s) {
			break
		}
		end := skipLetters(s, start, true)
		i = end
		words++
		w := s[start:end]
		if len(w) > 1 && inCapitals(w) {
			continue
		}
		if key, fits := appendLower(lower[:0], w); fits {
			if l, found := quickWords[string(key)]; found {
				hits[l]++
			}
		}
	}
	if words < quickMinWords {
		return "", 0, false
	}
	best, second := 0, 0
	for l, n := range hits {
		if n > hits[best] {
			second, best = hits[best], l
		} else if l != best {
			second = max(second, n)
		}
	}
	if hits[best] < quickMinHits || hits[best] < quickMargin*second {
		return "", 0, false
	}
	// lingua-go gives these texts a confidence of 1 (TestQuickAgreesWithLingua).
	return quickLanguages[best], 1, true
}

// skipLetters is the offset of the first rune of s from i that is not a
// letter (letters true) or that is one (letters false), or len(s).
func skipLetters(s string, i int, letters bool) int {
	for i < len(s) {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsLetter(r) != letters {
			return i
		}
		i += n
	}
	return i
}

// inCapitals reports whether w is its own upper case.
func inCapitals(w string) bool {
	for _, r := range w {
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// appendLower appends w lower-cased to dst, within the capacity of dst;
// fits is false when it does not fit (and w is no word of quickWords).
func appendLower(dst []byte, w string) (lower []byte, fits bool) {
	for _, r := range w {
		r = unicode.ToLower(r)
		if len(dst)+utf8.RuneLen(r) > cap(dst) {
			return dst, false
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst, true
}
