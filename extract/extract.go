package extract

import (
	"slices"
	"sync"
)

// An Extractor runs every fact family over an article with one set of rules:
// New compiles every table of the rules once, and each family reads only the
// Extractor's tables, so a user's rules reach every family.
// It is safe for concurrent use.
type Extractor struct {
	numbers     *numberLexicon
	amounts     *amountRules
	durations   *durationRules
	laws        *lawLexicon
	dates       *dateLexicon
	injunctions *injunctionRules
	sanctions   *sanctionRules
	entities    *Lexicon
}

// New compiles rules (DefaultRules() if nil) into an Extractor. It returns an
// error for a table that is malformed.
func New(rules *Rules) (*Extractor, error) {
	if rules == nil {
		rules = DefaultRules()
	}
	x := &Extractor{}
	var err error
	if x.numbers, err = compileNumbers(rules); err != nil {
		return nil, err
	}
	if x.amounts, err = compileAmounts(rules, x.numbers); err != nil {
		return nil, err
	}
	if x.durations, err = compileDurations(rules, x.numbers); err != nil {
		return nil, err
	}
	if x.laws, err = newLawLexicon(rules); err != nil {
		return nil, err
	}
	if x.dates, err = compileDates(rules); err != nil {
		return nil, err
	}
	if x.injunctions, err = compileInjunctions(rules); err != nil {
		return nil, err
	}
	if x.sanctions, err = compileSanctions(rules); err != nil {
		return nil, err
	}
	if x.entities, err = NewLexicon(rules); err != nil {
		return nil, err
	}
	return x, nil
}

// Default returns the Extractor of the embedded rules, compiled once. It
// panics if they are malformed: that is a build defect, caught by the tests.
var Default = sync.OnceValue(func() *Extractor {
	x, err := New(DefaultRules())
	if err != nil {
		panic(err)
	}
	return x
})

// Extract finds every fact of the article's text. The finders run first, each
// on its own; injunctions and sanctions then link what they found.
func (x *Extractor) Extract(a *Article) Facts {
	var f Facts
	toks := appendTokens(lendTokens(), a.Text) // split once for every family that reads words
	defer returnTokens(toks)
	nums := x.numbers.readNumbers(a.Text, toks) // read once for amounts and durations
	f.Amounts = x.amounts.find(a.Text, nums)
	gdpr, laws := x.laws.citations(a.Text, toks)
	f.GDPRRefs, f.LawRefs = outsideSums(gdpr, f.Amounts), outsideSums(laws, f.Amounts)
	f.Entities = x.entities.entities(a.Text, toks)
	f.Dates = x.dates.find(a.Text, toks, a.Published)
	var named []Entity
	f.Injunctions, named = x.injunctions.find(a.Text, toks, f, x.durations.find(a.Text, nums), x.entities)
	f.Entities = withNamed(f.Entities, named)
	f.Sanctions, named = x.sanctions.find(a.Text, toks, f, x.entities)
	f.Entities = withNamed(f.Entities, named)
	return f
}

// withNamed returns entities with the organisations that only their role in
// a decision shows (named), in a new slice, or entities itself when there
// are none.
func withNamed(entities, named []Entity) []Entity {
	if len(named) == 0 {
		return entities
	}
	return ResolveOverlaps(append(slices.Clone(entities), named...))
}

// outsideSums drops the citations that start inside a sum of money: « au
// titre de l'article 6 et 2 M€ au titre du défaut d'information » cites no
// article 2. Both lists are sorted by Start.
func outsideSums[T Spanner](refs []T, amounts []Amount) []T {
	k := 0
	return slices.DeleteFunc(refs, func(r T) bool {
		at := r.Bounds().Start
		for k < len(amounts) && amounts[k].End <= at {
			k++
		}
		return k < len(amounts) && amounts[k].Start <= at
	})
}

// Amounts finds the sums of money in text, with their value, currency,
// period and role, sorted by Start, overlaps resolved.
func (x *Extractor) Amounts(text string) []Amount {
	return x.amounts.find(text, x.numbers.readNumbers(text, tokens(text)))
}

// Durations finds the lengths of time in years, months, weeks and days,
// sorted by Start, each with its ISO 8601 form.
func (x *Extractor) Durations(text string) []Duration {
	return x.durations.find(text, x.numbers.readNumbers(text, tokens(text)))
}

// LegalRefs finds article citations; GDPR ones go to the first slice, every
// other text's to the second. Both sorted by Start.
func (x *Extractor) LegalRefs(text string) ([]GDPRRef, []LawRef) {
	return x.laws.citations(text, tokens(text))
}

// Dates finds calendar dates; published (may be zero) resolves a day and
// month without a year.
func (x *Extractor) Dates(text string, published CivilDate) []Date {
	return x.dates.find(text, tokens(text), published)
}

// Entities finds authorities, organisations, persons and places, with
// canonical names.
func (x *Extractor) Entities(text string) []Entity { return x.entities.Entities(text) }

// Injunctions finds the orders of text, linking the facts f found by the
// other families and the durations of the text.
func (x *Extractor) Injunctions(text string, f Facts, durations []Duration) []Injunction {
	in, _ := x.injunctions.find(text, tokens(text), f, durations, x.entities)
	return in
}

// Sanctions finds the sanctions pronounced in text, linking the facts f found
// by the other families.
func (x *Extractor) Sanctions(text string, f Facts) []Sanction {
	s, _ := x.sanctions.find(text, tokens(text), f, x.entities)
	return s
}

// Amounts is Default().Amounts.
func Amounts(text string) []Amount { return Default().Amounts(text) }

// Durations is Default().Durations.
func Durations(text string) []Duration { return Default().Durations(text) }

// LegalRefs is Default().LegalRefs.
func LegalRefs(text string) ([]GDPRRef, []LawRef) { return Default().LegalRefs(text) }

// Dates is Default().Dates.
func Dates(text string, published CivilDate) []Date { return Default().Dates(text, published) }

// Injunctions is Default().Injunctions.
func Injunctions(text string, f Facts, durations []Duration) []Injunction {
	return Default().Injunctions(text, f, durations)
}
