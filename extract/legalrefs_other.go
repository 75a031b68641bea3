package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Texts missing from laws.txt are still named when their title says which
// one they are: a number or a date (« loi n° 2016-1321 », « décret du 29 mars
// 2019 », « directive (UE) 2019/790 ») or, for a code, its subject (« code de
// l'environnement »). Their canonical name is the title as written.
const (
	// reTextNumber is the number of a French or EU text: 2016-1321,
	// 2019/790, (UE) 2019/790, 95/46/CE.
	reTextNumber = `(?:\((?:UE|CE|CEE)\)` + sp + `)?(?:n[°º]` + sp + `)?\d{2,4}(?:` + reDash + `|/)\d{1,4}(?:/(?:CE|CEE|UE))?`
	// reTextDate is « du 6 janvier 1978 », « du 1er août 2003 »: a month
	// is any word, so the pattern needs no month list.
	reTextDate = `du` + reSpace + `+\d{1,2}(?:er)?` + reSpace + `+\p{L}+` + reSpace + `+\d{4}`
	// reNumberedText is the number and/or date after the kind of a text
	// (« loi », « décret »: the key titled of law_kinds.txt).
	reNumberedText = reSpace + `+(?:` + reTextNumber + `(?:` + reSpace + `+` + reTextDate + `)?|` + reTextDate + `)`
	// reNamedCode is a code named by its subject: « code de l'environnement ».
	reNamedCode = `code` + reSpace + `+(?:de` + reSpace + `+la` + reSpace + `+|de` + reSpace + `+l` + reApos + `|des` + reSpace + `+|du` + reSpace + `+)\p{L}+`
)

// otherLawStart compiles the pattern of the titles of texts missing from
// laws.txt: a kind word of titled, then a number or a date; or a code named
// by its subject.
func otherLawStart(titled []string) (anchored, error) {
	return compileAnchored(`(?i)^(?:(?:` + alternation(titled) + `)` + reNumberedText + `|` + reNamedCode + `)`)
}

// otherLaw names a text matched by otherLawStart: its title with spaces
// collapsed and a lower-case first letter; its kind is its first word.
func otherLaw(title string, base int) lawName {
	name := strings.Join(strings.FieldsFunc(title, unicode.IsSpace), " ")
	r, size := utf8.DecodeRuneInString(name)
	name = string(unicode.ToLower(r)) + name[size:]
	kind, _, _ := strings.Cut(name, " ")
	return lawName{Span{base, base + len(title)}, lawPhrase{Law: name, Kind: kind}}
}
