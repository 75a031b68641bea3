package extract

import (
	"regexp"
	"sort"
	"strings"
)

// Antecedents: the one way the linkers find « the organisation or authority
// named last before this point » (the target of « la société », the
// authority of an order, the text of a bare article, the sum a figure
// restates), or failing that the first one named after it.

// lastBefore returns the fact among those keep accepts that ends last at or
// before i; of two ending at the same place, the one listed first. When the
// facts are listed by their ends, as the finders return them, it asks keep
// only about the facts from the last one ending by i back to the one it
// returns, not about them all.
func lastBefore[T Spanner](facts []T, i int, keep func(T) bool) (T, bool) {
	var best T
	found := false
	if !sortedBy(facts, true) {
		for _, f := range facts {
			if b := f.Bounds(); b.End <= i && (!found || b.End > best.Bounds().End) && keep(f) {
				best, found = f, true
			}
		}
		return best, found
	}
	k := sort.Search(len(facts), func(k int) bool { return facts[k].Bounds().End > i })
	for k--; k >= 0; k-- {
		if found && facts[k].Bounds().End < best.Bounds().End {
			break // ties with best are behind; the rest end sooner
		}
		if keep(facts[k]) {
			best, found = facts[k], true // of a tie, the one listed first
		}
	}
	return best, found
}

// firstAfter returns the fact among those keep accepts that starts first at
// or after i; of two starting at the same place, the one listed first. When
// the facts are listed by their starts, it asks keep only about the facts
// from the first one starting at i on to the one it returns.
func firstAfter[T Spanner](facts []T, i int, keep func(T) bool) (T, bool) {
	var best T
	if !sortedBy(facts, false) {
		found := false
		for _, f := range facts {
			if b := f.Bounds(); b.Start >= i && (!found || b.Start < best.Bounds().Start) && keep(f) {
				best, found = f, true
			}
		}
		return best, found
	}
	for k := sort.Search(len(facts), func(k int) bool { return facts[k].Bounds().Start >= i }); k < len(facts); k++ {
		if keep(facts[k]) {
			return facts[k], true
		}
	}
	return best, false
}

// sortedBy reports whether facts are listed by their ends (byEnd) or
// starts, in non-decreasing order.
func sortedBy[T Spanner](facts []T, byEnd bool) bool {
	if entities, ok := any(facts).([]Entity); ok {
		return entitiesSortedBy(entities, byEnd) // the longest lists, read most often
	}
	prev := 0
	for k, f := range facts {
		b := f.Bounds()
		at := b.Start
		if byEnd {
			at = b.End
		}
		if k > 0 && at < prev {
			return false
		}
		prev = at
	}
	return true
}

// entitiesSortedBy is sortedBy for entities, reading their spans without
// a call per entity, and the bound it compares in a loop of its own.
func entitiesSortedBy(entities []Entity, byEnd bool) bool {
	if byEnd {
		for k := 1; k < len(entities); k++ {
			if entities[k].End < entities[k-1].End {
				return false
			}
		}
		return true
	}
	for k := 1; k < len(entities); k++ {
		if entities[k].Start < entities[k-1].Start {
			return false
		}
	}
	return true
}

// ofType accepts the entities of type t.
func ofType(t EntityType) func(Entity) bool { return func(e Entity) bool { return e.Type == t } }

// nameBefore is the name of the entity of type t named last before i, or "".
func nameBefore(entities []Entity, t EntityType, i int) string {
	e, _ := lastBefore(entities, i, ofType(t))
	return e.Name
}

// relativeHost returns, for a fact e named inside a relative clause about
// another (« la société X, qui aspire les profils publiés sur Y »: Y), the
// fact named right before the clause's comma (X), when keep accepts it and
// it is in e's sentence. The clause opens at the comma nearest e: « X, qui a
// fait appel, puis a mis en demeure Y » names Y in no relative clause.
// opensRelative tells whether a string opens with the clause's relative
// word (org_cues.txt relative).
func relativeHost[T Spanner](text string, facts []T, e T, keep func(T) bool, opensRelative func(string) bool) (T, bool) {
	var none T
	at := e.Bounds().Start
	sent := sentenceStart(text, at)
	i := strings.LastIndexByte(text[sent:at], ',') // only the comma nearest e may open its clause
	if i < 0 || !opensRelative(strings.TrimLeft(text[sent+i+1:at], " \u00a0")) {
		return none, false
	}
	i += sent
	host, ok := lastBefore(facts, i, keep)
	if ok && host.Bounds().Start >= sent && strings.TrimSpace(text[host.Bounds().End:i]) == "" {
		return host, true
	}
	return none, false
}

// opensRelative is the regexp of the relative words of org_cues.txt at the
// start of a string.
func opensRelative(r *Rules) *regexp.Regexp {
	return regexp.MustCompile(`^` + wordsPattern(r.Values("org_cues.txt", "relative")) + `(?:[^\p{L}]|$)`)
}

// A describer tells an organisation that only describes the party named
// before it (« la chaîne, filiale du groupe Canal+ »: Canal+) by the words
// right before it (sanctions.txt's describes). Its regexp runs only where
// one of the words ends the text but for spaces.
type describer struct{ words suffixGated }

func newDescriber(words []string) describer {
	return describer{suffixGated{Regexp: describerPattern(words), ends: newSuffixIndex(words)}}
}

// describerPattern is the regexp of describer: one of words, standing as a
// word, then horizontal spaces to the end.
func describerPattern(words []string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^\p{L}])` + wordsPattern(words) + reSpace + `*$`)
}

// describing reports whether organisation e, in the text from from, only
// describes the party named before it.
func (d describer) describing(text string, from int, e Entity) bool {
	return d.words.MatchString(text[max(from, e.Start-40):e.Start])
}

// partyBefore is the name of the organisation named last before i that does
// not only describe another, or "".
func (d describer) partyBefore(text string, entities []Entity, i int) string {
	e, _ := lastBefore(entities, i, func(e Entity) bool { return e.Type == Org && !d.describing(text, 0, e) })
	return e.Name
}
