package index

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/veille/veille/extract"
)

// A sanctionDoc is the document of one sanction and its id.
type sanctionDoc struct {
	id  string
	doc map[string]interface{}
}

// sanctionID is the id of an article's n-th sanction (from 1).
func sanctionID(article string, n int) string { return fmt.Sprintf("%s/s%d", article, n) }

// document turns a record into the map bleve indexes, and each of its
// sanctions into a document of its own. The record's JSON is stored without
// its text (the text field already stores it) so that Get can give the
// record back whole.
func document(r *extract.Record) (map[string]interface{}, []sanctionDoc, error) {
	rec := r.JSON()
	rec.Text = ""
	raw, err := json.Marshal(rec)
	if err != nil {
		return nil, nil, err
	}
	d := map[string]interface{}{
		fieldDocType: docArticle,
		fieldTitle:   r.Title,
		fieldText:    r.Text,
		fieldSource:  r.Source,
		fieldLang:    r.Lang,
		fieldRecord:  string(raw),
	}
	if r.URL != "" {
		d[fieldURL] = r.URL
	}
	if !r.Published.IsZero() {
		d[fieldPublished] = startOf(r.Published)
		d[fieldDate] = r.Published.String()
		d[fieldYear] = fmt.Sprintf("%04d", r.Published.Year)
	}
	authorities, orgs := parties(&rec)
	d[fieldAuthority], d[fieldAuthName] = authorities, authorities
	d[fieldOrg], d[fieldOrgName] = orgs, orgs

	var refs, prefixes []string
	for _, g := range r.GDPRRefs {
		refs = append(refs, g.Ref())
		prefixes = append(prefixes, refPrefixes(g.Ref())...)
	}
	d[fieldGDPRRef], d[fieldGDPR] = unique(refs), unique(prefixes)

	byRole := map[string][]float64{}
	for _, a := range r.Amounts {
		if a.Currency == "EUR" {
			byRole[string(a.Role)] = append(byRole[string(a.Role)], a.Value())
		}
	}
	var rolesSeen []string
	for role, vs := range byRole {
		d[amountField(role)] = vs
		if mf := maxField(role); mf != fieldMaxFine { // the largest fine is set below
			d[mf] = slices.Max(vs)
		}
		rolesSeen = append(rolesSeen, role)
	}
	sort.Strings(rolesSeen)
	d[fieldRole] = rolesSeen
	if fine, ok := rec.LargestFine(); ok {
		d[fieldMaxFine] = fine
	}

	var kinds []string
	sanctions := make([]sanctionDoc, 0, len(rec.Sanctions))
	for i, s := range rec.Sanctions {
		kinds = append(kinds, s.Kind)
		sd, err := sanctionDocument(r, s)
		if err != nil {
			return nil, nil, err
		}
		sanctions = append(sanctions, sanctionDoc{id: sanctionID(r.ID, i+1), doc: sd})
	}
	d[fieldSanctionKind] = unique(kinds)
	d[fieldSanctions] = len(sanctions)
	return d, sanctions, nil
}

// sanctionDocument is the document of one of r's sanctions: its kind, its
// amount (in the euro field only when in euros), who pronounced it against
// whom (folded, to filter; the target also as written, for stats), the
// GDPR refs it is for, its date (the decision's, else the article's
// publication date), its group and amount digits for stats.go, and its
// JSON, to show it with the hits.
func sanctionDocument(r *extract.Record, s extract.JSONSanction) (map[string]interface{}, error) {
	raw, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	d := map[string]interface{}{
		fieldDocType: docSanction,
		fieldSParent: r.ID,
		fieldSKind:   s.Kind,
		fieldSTarget: s.Target,
		fieldSRecord: string(raw),
	}
	if s.Target != "" {
		d[fieldSTargetName] = s.Target
	}
	authority := unknown
	if s.Authority != nil && *s.Authority != "" {
		authority = *s.Authority
		d[fieldSAuthority] = authority
	}
	var euros float64
	if s.Amount != nil && s.Currency != nil && *s.Currency == "EUR" {
		euros = *s.Amount
		d[fieldSAmount] = euros
	}
	var prefixes []string
	for _, ref := range s.GDPRRefs {
		prefixes = append(prefixes, refPrefixes(ref)...)
	}
	d[fieldSGDPR] = unique(prefixes)
	d[fieldSGDPRRef] = unique(append([]string(nil), s.GDPRRefs...))
	date := r.Published
	if s.Date != nil {
		if dd, err := extract.ParseCivilDate(*s.Date); err == nil {
			date = dd
		}
	}
	year := unknown
	if !date.IsZero() {
		d[fieldSDate] = startOf(date)
		year = fmt.Sprintf("%04d", date.Year)
	}
	// The aggregates of stats.go: the sanction's group, and the digits of
	// its amount in euro cents.
	g := authority + "|" + s.Kind + "|" + year
	d[fieldSGroup] = g
	if euros > 0 {
		d[fieldSDigits] = groupTerms(g, int64(math.Round(euros*100)))
	}
	return d, nil
}

// refPrefixes gives a dash ref and its parents: "5-1-e" -> 5, 5-1, 5-1-e,
// so that a filter on an article finds its paragraphs and points.
func refPrefixes(ref string) []string {
	parts := strings.Split(ref, "-")
	out := make([]string, len(parts))
	for i := range parts {
		out[i] = strings.Join(parts[:i+1], "-")
	}
	return out
}

// startOf is the first instant of a date at its precision, in UTC.
func startOf(d extract.CivilDate) time.Time {
	m, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// parties returns the authorities and the organisations a record names, in
// its entities and as the parties of its orders, each once.
func parties(r *extract.JSONRecord) (authorities, orgs []string) {
	for _, e := range r.Entities {
		switch e.Type {
		case string(extract.Authority):
			authorities = append(authorities, e.Name)
		case string(extract.Org):
			orgs = append(orgs, e.Name)
		}
	}
	for _, in := range r.Injunctions {
		if in.Authority != "" {
			authorities = append(authorities, in.Authority)
		}
		if in.Target != "" {
			orgs = append(orgs, in.Target)
		}
	}
	return unique(authorities), unique(orgs)
}

func unique(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
