package index

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/veille/veille/extract"
)

// AnySanction is the Query.Sanction that matches a sanction of any kind.
const AnySanction = "any"

// SanctionKinds lists the values of Query.Sanction: every sanction kind,
// then AnySanction.
var SanctionKinds = func() []string {
	var out []string
	for _, k := range extract.SanctionKinds {
		out = append(out, string(k))
	}
	return append(out, AnySanction)
}()

// A sanctionFact is what search -sanction and stats read of one of an
// article's sanctions, indexed as one term of fieldSanctionFacts, whose doc
// values give them back by article without loading its stored record.
type sanctionFact struct {
	N         int    // its rank among the article's sanctions, from 1
	Kind      string // extract.SanctionKind
	Authority string // as written; "" when not named
	Target    string // as written; "" when not named
	Euros     float64
	Date      extract.CivilDate // the decision's, else the article's publication date
	GDPRRefs  []string
}

// factSep joins the fields of a sanctionFact's term; no name holds it.
const factSep = "\x1f"

// term is f as one term: its fields joined by factSep, the amount "" when
// none is in euros, the refs joined by commas.
func (f sanctionFact) term() string {
	amount, date := "", ""
	if f.Euros > 0 {
		amount = strconv.FormatFloat(f.Euros, 'f', -1, 64)
	}
	if !f.Date.IsZero() {
		date = f.Date.String()
	}
	clean := func(name string) string { return strings.ReplaceAll(name, factSep, " ") }
	return strings.Join([]string{strconv.Itoa(f.N), f.Kind, clean(f.Authority), clean(f.Target),
		amount, date, strings.Join(f.GDPRRefs, ",")}, factSep)
}

// parseSanctionFact reads a term of sanctionFact.term.
func parseSanctionFact(term string) (sanctionFact, error) {
	parts := strings.Split(term, factSep)
	if len(parts) != 7 {
		return sanctionFact{}, fmt.Errorf("%q is not the facts of a sanction", term)
	}
	f := sanctionFact{Kind: parts[1], Authority: parts[2], Target: parts[3]}
	var err error
	if f.N, err = strconv.Atoi(parts[0]); err != nil || f.N < 1 {
		return sanctionFact{}, fmt.Errorf("%q: bad rank", term)
	}
	if parts[4] != "" {
		if f.Euros, err = strconv.ParseFloat(parts[4], 64); err != nil {
			return sanctionFact{}, fmt.Errorf("%q: bad amount", term)
		}
	}
	if parts[5] != "" {
		if f.Date, err = extract.ParseCivilDate(parts[5]); err != nil {
			return sanctionFact{}, fmt.Errorf("%q: bad date", term)
		}
	}
	if parts[6] != "" {
		f.GDPRRefs = strings.Split(parts[6], ",")
	}
	return f, nil
}

// eachSanction calls fn with the facts of each sanction of the articles
// docs, in the order of docs (an article's own in the order of their
// terms, not of their ranks).
func (s *snapshot) eachSanction(docs []uint64, fn func(doc uint64, f sanctionFact)) error {
	dvr, err := s.reader.DocValueReader([]string{fieldSanctionFacts})
	if err != nil {
		return fmt.Errorf("cannot read the index: %w", err)
	}
	var id bindex.IndexInternalID
	var bad error
	for _, d := range docs {
		id = bindex.NewIndexInternalID(id, d)
		err := dvr.VisitDocValues(id, func(_ string, term []byte) {
			f, err := parseSanctionFact(string(term))
			if err != nil {
				bad = err
				return
			}
			fn(d, f)
		})
		if err == nil && bad != nil {
			err = fmt.Errorf("index document %d is damaged: %w", d, bad)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// A sanctionFilter is the filters of a query that one and the same
// sanction must meet: kind, target (Org), authority, GDPR ref, amount in
// euros and date.
type sanctionFilter struct {
	kind              string // "" for any
	target, authority string // folded; "" for any
	gdpr              string // "" for any
	min, max          float64
	since, until      time.Time // until excluded; zero for no bound
	folded            map[string]string
	fold              func(string) (string, error)
}

// sanctionFilter returns q's sanction filters, and the queries of the
// articles that may have a sanction meeting them: those whose sanctions
// meet each filter, one sanction this one and another that.
func (ix *Index) sanctionFilter(q Query) (*sanctionFilter, []query.Query, error) {
	if !slices.Contains(SanctionKinds, q.Sanction) {
		return nil, nil, badFilter("unknown sanction kind %q: one of %s", q.Sanction, strings.Join(SanctionKinds, ", "))
	}
	f := &sanctionFilter{min: q.MinAmount, max: q.MaxAmount, folded: map[string]string{}, fold: ix.fold}
	must := []query.Query{hasSanction()}
	if q.Sanction != AnySanction {
		f.kind = q.Sanction
		must = []query.Query{term(fieldSanctionKind, q.Sanction)}
	}
	var err error
	for _, name := range []struct {
		to           *string
		value, field string
	}{{&f.target, q.Org, fieldSTarget}, {&f.authority, q.Authority, fieldSAuthority}} {
		if strings.TrimSpace(name.value) == "" {
			continue
		}
		if *name.to, err = ix.fold(name.value); err != nil {
			return nil, nil, err
		}
		must = append(must, foldedNameQuery(name.field, *name.to))
	}
	if q.GDPR != "" {
		if f.gdpr, err = NormaliseGDPRRef(q.GDPR); err != nil {
			return nil, nil, err
		}
		must = append(must, term(fieldSGDPR, f.gdpr))
	}
	if q.MinAmount > 0 || q.MaxAmount > 0 {
		must = append(must, amountRange(fieldSAmount, q.MinAmount, q.MaxAmount))
	}
	if !q.Since.IsZero() {
		f.since = startOf(q.Since)
	}
	if !q.Until.IsZero() {
		f.until = endOf(q.Until)
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		must = append(must, dateRange(fieldSDate, q.Since, q.Until))
	}
	return f, must, nil
}

// match reports whether s meets every filter of f, as the queries of
// sanctionFilter match the values of an article's sanctions.
func (f *sanctionFilter) match(s sanctionFact) bool {
	if f.kind != "" && s.Kind != f.kind ||
		f.target != "" && !f.nameIs(s.Target, f.target) ||
		f.authority != "" && !f.nameIs(s.Authority, f.authority) {
		return false
	}
	if f.gdpr != "" && !slices.ContainsFunc(s.GDPRRefs, func(ref string) bool {
		return ref == f.gdpr || strings.HasPrefix(ref, f.gdpr+"-")
	}) {
		return false
	}
	if (f.min > 0 || f.max > 0) && (s.Euros <= 0 || f.min > 0 && s.Euros < f.min || f.max > 0 && s.Euros > f.max) {
		return false
	}
	if !f.since.IsZero() || !f.until.IsZero() {
		if s.Date.IsZero() {
			return false
		}
		t := startOf(s.Date)
		if !f.since.IsZero() && t.Before(f.since) || !f.until.IsZero() && !t.Before(f.until) {
			return false
		}
	}
	return true
}

// nameIs reports whether name, folded, is want or starts with its words,
// as foldedNameQuery finds it.
func (f *sanctionFilter) nameIs(name, want string) bool {
	if name == "" {
		return false
	}
	folded, ok := f.folded[name]
	if !ok {
		folded, _ = f.fold(name)
		f.folded[name] = folded
	}
	return folded == want || strings.HasPrefix(folded, want+" ")
}

// A sanctionMatch is an article's sanctions that match every sanction
// filter of a query: their ranks, and the largest of their amounts in
// euros (0 when none is in euros). The sanctions themselves are read only
// for the hits of the page shown (of).
type sanctionMatch struct {
	sanctions []int
	maxEUR    float64
}

// sanctionMatches finds the articles that must finds and that have a
// sanction meeting every sanction filter of q: the articles that may have
// one (sanctionFilter), then each one's sanctions, read from the doc values
// of fieldSanctionFacts. It returns them by id, their numbers in order, and
// the id of each.
func (ix *Index) sanctionMatches(snap *snapshot, q Query, must []query.Query) (map[string]*sanctionMatch, []uint64, map[uint64]string, error) {
	filter, may, err := ix.sanctionFilter(q)
	if err != nil {
		return nil, nil, nil, err
	}
	candidates, err := snap.hits(every(append(slices.Clip(must), may...)))
	if err != nil {
		return nil, nil, nil, err
	}
	byDoc := map[uint64]*sanctionMatch{}
	err = snap.eachSanction(candidates, func(d uint64, s sanctionFact) {
		if !filter.match(s) {
			return
		}
		m := byDoc[d]
		if m == nil {
			m = &sanctionMatch{}
			byDoc[d] = m
		}
		m.sanctions = append(m.sanctions, s.N)
		m.maxEUR = max(m.maxEUR, s.Euros)
	})
	if err != nil {
		return nil, nil, nil, err
	}
	docs := slices.DeleteFunc(candidates, func(d uint64) bool { return byDoc[d] == nil })
	names, err := snap.externalIDs(docs)
	if err != nil {
		return nil, nil, nil, err
	}
	matched := make(map[string]*sanctionMatch, len(docs))
	ids := make(map[uint64]string, len(docs))
	for i, d := range docs {
		matched[names[i]] = byDoc[d]
		ids[d] = names[i]
	}
	return matched, docs, ids, nil
}

// of returns the matching sanctions of the hit h, in the order of its
// article's, from its stored record.
func (m *sanctionMatch) of(h *search.DocumentMatch) ([]extract.JSONSanction, error) {
	r, err := decode(h)
	if err != nil {
		return nil, err
	}
	slices.Sort(m.sanctions)
	out := make([]extract.JSONSanction, 0, len(m.sanctions))
	for _, n := range m.sanctions {
		if n > len(r.Sanctions) {
			return nil, fmt.Errorf("index document %s is damaged: no sanction %d", h.ID, n)
		}
		out = append(out, r.Sanctions[n-1])
	}
	return out, nil
}

// A sanctionHit is an article and the largest amount in euros of its
// matching sanctions.
type sanctionHit struct {
	id     string
	amount float64
}

// sortSanctionHits orders hits by amount, largest first (smallest with
// reverse); hits without one (0) last, ties in id order.
func sortSanctionHits(hits []sanctionHit, reverse bool) {
	slices.SortFunc(hits, func(a, b sanctionHit) int {
		ha, hb := a.amount > 0, b.amount > 0
		switch {
		case ha && !hb:
			return -1
		case !ha && hb:
			return 1
		case a.amount != b.amount:
			if (a.amount > b.amount) != reverse {
				return -1
			}
			return 1
		}
		return strings.Compare(a.id, b.id)
	})
}

// sortBySanctionAmount orders hits as sortSanctionHits does.
func sortBySanctionAmount(hits []Hit, reverse bool) []Hit {
	keys := make([]sanctionHit, len(hits))
	byID := make(map[string]Hit, len(hits))
	for i, h := range hits {
		keys[i] = sanctionHit{h.ID, h.SanctionAmount}
		byID[h.ID] = h
	}
	sortSanctionHits(keys, reverse)
	for i, k := range keys {
		hits[i] = byID[k.id]
	}
	return hits
}
