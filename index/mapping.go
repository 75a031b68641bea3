package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr" // registers the "fr" analyser
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/veille/veille/extract"
)

// Field names of the indexed document.
const (
	fieldTitle     = "title"
	fieldText      = "text"
	fieldSource    = "source" // stored only, for display
	fieldURL       = "url"    // stored only, for display
	fieldPublished = "published"
	fieldDate      = "date" // published as written ("2024-12"), stored only, for display
	fieldYear      = "year"
	fieldLang      = "lang"
	fieldAuthority = "authority"      // folded, for filters
	fieldOrg       = "org"            // folded, for filters
	fieldAuthName  = "authority_name" // as canonicalised, for facets and display
	fieldOrgName   = "org_name"       // as canonicalised, for facets
	fieldGDPR      = "gdpr"           // every ref and its parents: 5-1-e, 5-1, 5
	fieldGDPRRef   = "gdpr_ref"       // refs as cited, for facets and display
	fieldRole      = "role"
	fieldAmount    = "amount"   // the prefix of the fields of the euro amounts of each role
	fieldMaxFine   = "max_fine" // the largest fine, for display and bands
	fieldRecord    = "record"   // the record's JSON without its text, stored only

	// fieldSanctionKind lists the kinds of an article's sanctions, for the
	// sanction facet and search -sanction.
	fieldSanctionKind = "sanction_kind"

	// The fields of an article's sanctions. Those that search -sanction
	// filters on hold the values of all of them, so that a search finds the
	// articles that may have a sanction matching every filter at once;
	// fieldSanctionFacts holds each sanction as one term (sanctions.go),
	// which the search reads to keep only the articles that have one, and
	// from which stats.go computes its aggregates.
	fieldSAuthority    = "s_authority" // folded, like fieldAuthority
	fieldSTarget       = "s_target"    // folded, like fieldOrg
	fieldSGDPR         = "s_gdpr"      // refs and their parents, like fieldGDPR
	fieldSAmount       = "s_amount"    // the amounts in euros
	fieldSDate         = "s_date"      // the decisions' dates, else the article's publication date
	fieldSanctionFacts = "sanction"
)

// allField is bleve's composite field of every field included in it, which
// veille's documents leave out.
const allField = "_all"

// unknown stands for an authority or a year not known in a stats group.
const unknown = "unknown"

// amountField is the numeric field holding the euro amounts of one role.
func amountField(role string) string { return fieldAmount + "_" + role }

// maxField is the numeric field holding the largest euro amount of one
// role, to sort by it (a sort on amountField would take any of them).
// maxField("fine") is fieldMaxFine, which is also stored, for display.
func maxField(role string) string { return "max_" + role }

// roles lists the amount roles, each with its numeric field.
var roles = func() []string {
	var out []string
	for _, r := range extract.Roles {
		out = append(out, string(r))
	}
	return out
}()

// foldedKeyword is the analyser of name fields: the whole value as one
// token, lower-cased and without accents, so --org "clearview ai" finds
// "Clearview AI" and --authority "conseil d'etat" finds "Conseil d'État".
const foldedKeyword = "folded_keyword"

// NewMapping returns the explicit index mapping; dynamic mapping is off, so
// a field not declared here is neither indexed nor stored.
func NewMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer(foldedKeyword, map[string]interface{}{
		"type":          custom.Name,
		"char_filters":  []string{asciifolding.Name},
		"tokenizer":     single.Name,
		"token_filters": []string{lowercase.Name},
	})
	if err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = fr.AnalyzerName
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	doc := bleve.NewDocumentStaticMapping()
	// No "_all" field: a search without a field looks in the title and the
	// text by name (query.go), and bleve would index their words a second
	// time, with their positions, into it.
	doc.AddSubDocumentMapping(allField, bleve.NewDocumentDisabledMapping())
	french := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = fr.AnalyzerName
		f.Store = store
		f.IncludeTermVectors = true // for highlighted snippets
		f.IncludeInAll = false
		return f
	}
	// A keyword field holds whole values: no term vectors (no phrase or
	// snippet is asked of it), and doc values only with facet, for the
	// fields that facets count or searches and stats read back by
	// document; a filter needs the terms alone.
	keyword := func(analyzer string, store, facet bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = facet
		return f
	}
	// A number has doc values only with sort, for the fields that hits
	// are sorted by or whose value is read back by document.
	number := func(store, sort bool) *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		f.DocValues = sort
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	published := bleve.NewDateTimeFieldMapping()
	published.IncludeInAll = false

	doc.AddFieldMappingsAt(fieldTitle, french(true))
	doc.AddFieldMappingsAt(fieldText, french(true))
	doc.AddFieldMappingsAt(fieldSource, stored())
	doc.AddFieldMappingsAt(fieldPublished, published)
	doc.AddFieldMappingsAt(fieldDate, stored())
	doc.AddFieldMappingsAt(fieldYear, keyword("keyword", false, true))
	doc.AddFieldMappingsAt(fieldLang, keyword("keyword", false, false))
	doc.AddFieldMappingsAt(fieldAuthority, keyword(foldedKeyword, false, false))
	doc.AddFieldMappingsAt(fieldOrg, keyword(foldedKeyword, false, false))
	doc.AddFieldMappingsAt(fieldAuthName, keyword("keyword", true, true))
	doc.AddFieldMappingsAt(fieldOrgName, keyword("keyword", false, true))
	doc.AddFieldMappingsAt(fieldGDPR, keyword("keyword", false, false))
	doc.AddFieldMappingsAt(fieldGDPRRef, keyword("keyword", true, true))
	doc.AddFieldMappingsAt(fieldRole, keyword("keyword", false, true))
	for _, r := range roles {
		doc.AddFieldMappingsAt(amountField(r), number(false, false))
		if maxField(r) != fieldMaxFine {
			doc.AddFieldMappingsAt(maxField(r), number(true, true))
		}
	}
	doc.AddFieldMappingsAt(fieldMaxFine, number(true, true))
	doc.AddFieldMappingsAt(fieldURL, stored())
	doc.AddFieldMappingsAt(fieldRecord, stored())
	doc.AddFieldMappingsAt(fieldSanctionKind, keyword("keyword", false, true))
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	date.DocValues = false // a filter, never a sort
	doc.AddFieldMappingsAt(fieldSAuthority, keyword(foldedKeyword, false, false))
	doc.AddFieldMappingsAt(fieldSTarget, keyword(foldedKeyword, false, false))
	doc.AddFieldMappingsAt(fieldSGDPR, keyword("keyword", false, false))
	doc.AddFieldMappingsAt(fieldSAmount, number(false, false))
	doc.AddFieldMappingsAt(fieldSDate, date)
	doc.AddFieldMappingsAt(fieldSanctionFacts, keyword("keyword", false, true))
	im.DefaultMapping = doc
	return im, im.Validate()
}
