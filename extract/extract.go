package extract

// An Extractor runs every fact family over an article with one set of rules.
// It is safe for concurrent use.
type Extractor struct {
	lexicon *Lexicon
}

// New returns an Extractor using rules (DefaultRules() if nil).
func New(rules *Rules) (*Extractor, error) {
	if rules == nil {
		rules = DefaultRules()
	}
	lx, err := NewLexicon(rules)
	if err != nil {
		return nil, err
	}
	return &Extractor{lexicon: lx}, nil
}

// Extract finds every fact of the article's text. The finders run first, each
// on its own; injunctions then link what they found (see Injunctions).
func (x *Extractor) Extract(a *Article) Facts {
	var f Facts
	f.Amounts = Amounts(a.Text)
	f.GDPRRefs, f.LawRefs = LegalRefs(a.Text)
	f.Entities = x.lexicon.Entities(a.Text)
	f.Dates = Dates(a.Text, a.Published)
	f.Injunctions = Injunctions(a.Text, f, Durations(a.Text))
	return f
}
