package index

// The index as OpenSearch (or Elasticsearch) documents, for `veille export
// -format opensearch`: OpenSearchMapping is the body of the request that
// creates the index, and OpenSearchDocument one article's document for the
// _bulk API. They hold the fields and facets of the bleve index (mapping.go,
// document.go) under the same names where there is one:
//
//	title, text            text, analysed by the built-in "french" analyser
//	                       (elision, stop words, light stemming), as bleve's fr
//	id, source, url, lang  keyword
//	published              date (YYYY-MM-DD, YYYY-MM or YYYY, as written)
//	year                   keyword, the facet
//	authority, org         keyword, canonical names (facets and filters)
//	gdpr_ref, gdpr         keyword: the refs cited, and with their parents
//	                       (5-1-e gives 5, 5-1, 5-1-e), so that a term query
//	                       on 5 finds 5-1-e, as -gdpr does
//	law                    keyword, "<law> <ref>"
//	role                   keyword, the roles of the amounts
//	amount                 double, every amount in euros
//	max_fine               double, the largest fine in euros
//	sanction_kind          keyword, the kinds of the article's sanctions
//	sanctions              nested: one object per sanction (kind, authority,
//	                       target, amount in euros, currency, date, gdpr with
//	                       parents), so that a nested query applies its
//	                       filters to one sanction, as search -sanction does
//	record                 the whole record (its text aside), stored, not indexed
//
// "dynamic": "strict" makes OpenSearch refuse a document with a field the
// mapping does not declare, rather than guess its type.

import (
	"github.com/veille/veille/extract"
)

// openSearchDateFormat accepts the dates of the records: a day, a month or a year.
const openSearchDateFormat = "yyyy-MM-dd||yyyy-MM||yyyy"

// OpenSearchMapping returns the settings and mappings of the index, the body
// of `PUT /veille`.
func OpenSearchMapping() map[string]interface{} {
	keyword := map[string]interface{}{"type": "keyword"}
	double := map[string]interface{}{"type": "double"}
	date := map[string]interface{}{"type": "date", "format": openSearchDateFormat}
	french := map[string]interface{}{"type": "text", "analyzer": "french"}
	return map[string]interface{}{
		"settings": map[string]interface{}{"number_of_shards": 1},
		"mappings": map[string]interface{}{
			"dynamic": "strict",
			"properties": map[string]interface{}{
				"id":            keyword,
				"title":         french,
				"text":          french,
				"source":        keyword,
				"url":           keyword,
				"lang":          keyword,
				"published":     date,
				"year":          keyword,
				"authority":     keyword,
				"org":           keyword,
				"gdpr_ref":      keyword,
				"gdpr":          keyword,
				"law":           keyword,
				"role":          keyword,
				"amount":        double,
				"max_fine":      double,
				"sanction_kind": keyword,
				"sanctions": map[string]interface{}{
					"type":    "nested",
					"dynamic": "strict",
					"properties": map[string]interface{}{
						"kind":      keyword,
						"authority": keyword,
						"target":    keyword,
						"amount":    double,
						"currency":  keyword,
						"date":      date,
						"gdpr":      keyword,
					},
				},
				"record": map[string]interface{}{"type": "object", "enabled": false},
			},
		},
	}
}

// OpenSearchDocument returns the document of one record for the _bulk API;
// its _id is the record's id. Fields without a value are left out.
func OpenSearchDocument(r *extract.JSONRecord) map[string]interface{} {
	d := map[string]interface{}{
		"id":     r.ID,
		"title":  r.Title,
		"text":   r.Text,
		"source": r.Source,
		"lang":   r.Lang,
	}
	if r.URL != nil && *r.URL != "" {
		d["url"] = *r.URL
	}
	if r.Published != nil && *r.Published != "" {
		d["published"] = *r.Published
		d["year"] = (*r.Published)[:min(4, len(*r.Published))]
	}
	authorities, orgs := parties(r)
	setStrings(d, "authority", authorities)
	setStrings(d, "org", orgs)
	var refs, prefixes, laws, roles []string
	for _, g := range r.GDPRRefs {
		refs = append(refs, g.Ref)
		prefixes = append(prefixes, refPrefixes(g.Ref)...)
	}
	for _, l := range r.LawRefs {
		laws = append(laws, l.Law+" "+l.Ref)
	}
	var amounts []interface{}
	for _, a := range r.Amounts {
		roles = append(roles, a.Role)
		if a.Currency == "EUR" {
			amounts = append(amounts, a.Value)
		}
	}
	setStrings(d, "gdpr_ref", refs)
	setStrings(d, "gdpr", prefixes)
	setStrings(d, "law", laws)
	setStrings(d, "role", roles)
	if len(amounts) > 0 {
		d["amount"] = amounts
	}
	if fine, ok := r.LargestFine(); ok {
		d["max_fine"] = fine
	}
	var kinds []string
	var sanctions []interface{}
	for _, s := range r.Sanctions {
		kinds = append(kinds, s.Kind)
		sd := map[string]interface{}{"kind": s.Kind}
		if s.Target != "" {
			sd["target"] = s.Target
		}
		if s.Authority != nil && *s.Authority != "" {
			sd["authority"] = *s.Authority
		}
		if s.Currency != nil {
			sd["currency"] = *s.Currency
			if s.Amount != nil && *s.Currency == "EUR" {
				sd["amount"] = *s.Amount
			}
		}
		if s.Date != nil && *s.Date != "" {
			sd["date"] = *s.Date
		}
		var gdpr []string
		for _, ref := range s.GDPRRefs {
			gdpr = append(gdpr, refPrefixes(ref)...)
		}
		setStrings(sd, "gdpr", gdpr)
		sanctions = append(sanctions, sd)
	}
	setStrings(d, "sanction_kind", kinds)
	if len(sanctions) > 0 {
		d["sanctions"] = sanctions
	}
	rec := *r
	rec.Text = ""
	d["record"] = rec
	return d
}

// setStrings sets d[key] to the distinct values of xs, in order, when there are any.
func setStrings(d map[string]interface{}, key string, xs []string) {
	xs = unique(xs)
	if len(xs) == 0 {
		return
	}
	vs := make([]interface{}, len(xs))
	for i, x := range xs {
		vs[i] = x
	}
	d[key] = vs
}
