package extract

// Antecedents: the one way the linkers find « the organisation or authority
// named last before this point » (the target of « la société », the
// authority of an order, the text of a bare article, the sum a figure
// restates), or failing that the first one named after it.

// lastBefore returns the fact among those keep accepts that ends last at or
// before i; of two ending at the same place, the one listed first.
func lastBefore[T Spanner](facts []T, i int, keep func(T) bool) (T, bool) {
	var best T
	found := false
	for _, f := range facts {
		if b := f.Bounds(); b.End <= i && keep(f) && (!found || b.End > best.Bounds().End) {
			best, found = f, true
		}
	}
	return best, found
}

// firstAfter returns the fact among those keep accepts that starts first at
// or after i; of two starting at the same place, the one listed first.
func firstAfter[T Spanner](facts []T, i int, keep func(T) bool) (T, bool) {
	var best T
	found := false
	for _, f := range facts {
		if b := f.Bounds(); b.Start >= i && keep(f) && (!found || b.Start < best.Bounds().Start) {
			best, found = f, true
		}
	}
	return best, found
}

// ofType accepts the entities of type t.
func ofType(t EntityType) func(Entity) bool { return func(e Entity) bool { return e.Type == t } }

// nameBefore is the name of the entity of type t named last before i, or "".
func nameBefore(entities []Entity, t EntityType, i int) string {
	e, _ := lastBefore(entities, i, ofType(t))
	return e.Name
}
