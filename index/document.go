package index

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/veille/veille/extract"
)

// document turns a record into the map bleve indexes, with its sanctions
// (sanctionFields). The record's JSON is stored without its text (the text
// field already stores it) so that Get can give the record back whole.
func document(r *extract.Record) (map[string]interface{}, error) {
	rec := r.JSON()
	rec.Text = ""
	raw, err := json.Marshal(rec)
	if err != nil {
		return nil, err
	}
	d := map[string]interface{}{
		fieldTitle:  r.Title,
		fieldText:   r.Text,
		fieldSource: r.Source,
		fieldLang:   r.Lang,
		fieldRecord: string(raw),
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

	sanctionFields(d, r.Published, rec.Sanctions)
	return d, nil
}

// sanctionFields sets in d the fields of an article's sanctions: their
// kinds, the values of all of them that search -sanction filters on, and
// each one's facts (sanctionFact). A sanction's date is its decision's,
// else the article's publication date.
func sanctionFields(d map[string]interface{}, published extract.CivilDate, sanctions []extract.JSONSanction) {
	var kinds, authorities, targets, gdpr, facts []string
	var amounts []float64
	var dates []time.Time
	for i, s := range sanctions {
		f := sanctionFact{N: i + 1, Kind: s.Kind, Target: s.Target, GDPRRefs: s.GDPRRefs, Date: published}
		kinds = append(kinds, s.Kind)
		if s.Authority != nil && *s.Authority != "" {
			f.Authority = *s.Authority
			authorities = append(authorities, f.Authority)
		}
		if s.Target != "" {
			targets = append(targets, s.Target)
		}
		if s.Amount != nil && *s.Amount > 0 && s.Currency != nil && *s.Currency == "EUR" {
			f.Euros = *s.Amount
			amounts = append(amounts, f.Euros)
		}
		for _, ref := range s.GDPRRefs {
			gdpr = append(gdpr, refPrefixes(ref)...)
		}
		if s.Date != nil {
			if dd, err := extract.ParseCivilDate(*s.Date); err == nil {
				f.Date = dd
			}
		}
		if !f.Date.IsZero() {
			dates = append(dates, startOf(f.Date))
		}
		facts = append(facts, f.term())
	}
	d[fieldSanctionKind] = unique(kinds)
	if len(sanctions) == 0 {
		return
	}
	d[fieldSAuthority] = unique(authorities)
	d[fieldSTarget] = unique(targets)
	d[fieldSGDPR] = unique(gdpr)
	if len(amounts) > 0 {
		d[fieldSAmount] = amounts
	}
	if len(dates) > 0 {
		d[fieldSDate] = dates
	}
	d[fieldSanctionFacts] = facts
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
