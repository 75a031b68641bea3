package index

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"testing"

	"github.com/veille/veille/extract"
)

// TestOpenSearchDocumentsFitTheMapping checks, without OpenSearch, that
// every field of every document is declared in the mapping with a type that
// takes its value, as OpenSearch does with "dynamic": "strict".
func TestOpenSearchDocumentsFitTheMapping(t *testing.T) {
	var mapping map[string]interface{}
	roundTrip(t, OpenSearchMapping(), &mapping)
	props := mapping["mappings"].(map[string]interface{})["properties"].(map[string]interface{})
	if text := props["text"].(map[string]interface{}); text["analyzer"] != "french" {
		t.Errorf("text is analysed with %v, want french", text["analyzer"])
	}
	used := map[string]bool{}
	recs := append(append(append(corpus(), queryCorpus()...), sanctionCorpus()...), generated(200, 1)...)
	for _, r := range recs {
		rec := r.JSON()
		var doc map[string]interface{}
		roundTrip(t, OpenSearchDocument(&rec), &doc)
		for _, err := range fitObject("", doc, props, used) {
			t.Errorf("document %s: %v", r.ID, err)
		}
	}
	// The corpus uses the facets: a field left unused would be untested.
	for _, f := range []string{"title", "text", "published", "year", "authority", "org", "gdpr", "gdpr_ref", "role", "amount", "max_fine", "sanction_kind", "sanctions.kind", "sanctions.amount", "sanctions.gdpr", "record"} {
		if !used[f] {
			t.Errorf("no document of the corpus has %s", f)
		}
	}
	// A field the mapping does not declare is caught.
	if errs := fitObject("", map[string]interface{}{"colour": "red", "amount": "big"}, props, map[string]bool{}); len(errs) != 2 {
		t.Errorf("an undeclared field and a string amount gave %v, want two errors", errs)
	}
}

func roundTrip(t *testing.T, v interface{}, into interface{}) {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, into); err != nil {
		t.Fatal(err)
	}
}

var openSearchDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// fitObject returns what in doc the properties do not declare or type.
func fitObject(prefix string, doc map[string]interface{}, props map[string]interface{}, used map[string]bool) []error {
	var errs []error
	keys := make([]string, 0, len(doc))
	for k := range doc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		name := prefix + k
		m, ok := props[k].(map[string]interface{})
		if !ok {
			errs = append(errs, fmt.Errorf("%s is not in the mapping", name))
			continue
		}
		used[name] = true
		values, isArray := doc[k].([]interface{})
		if !isArray {
			values = []interface{}{doc[k]}
		}
		for _, v := range values {
			errs = append(errs, fitValue(name, v, m, used)...)
		}
	}
	return errs
}

// fitValue returns an error when the field's type m does not take v.
func fitValue(name string, v interface{}, m map[string]interface{}, used map[string]bool) []error {
	typ, _ := m["type"].(string)
	bad := func() []error { return []error{fmt.Errorf("%s: %T %v in a %s field", name, v, v, typ)} }
	switch typ {
	case "keyword", "text":
		if _, ok := v.(string); !ok {
			return bad()
		}
	case "date":
		if s, ok := v.(string); !ok || !openSearchDate.MatchString(s) || m["format"] != openSearchDateFormat {
			return bad()
		}
	case "double":
		if _, ok := v.(float64); !ok {
			return bad()
		}
	case "nested", "object":
		obj, ok := v.(map[string]interface{})
		if !ok {
			return bad()
		}
		if m["enabled"] == false {
			return nil // stored as it is
		}
		props, _ := m["properties"].(map[string]interface{})
		return fitObject(name+".", obj, props, used)
	default:
		return []error{fmt.Errorf("%s: type %q is not one veille uses", name, typ)}
	}
	return nil
}

// ExampleOpenSearchDocument shows the document of one article.
func ExampleOpenSearchDocument() {
	text := "La CNIL a infligé une amende de 10 000 euros à Kaspr (article 5-1-e du RGPD)."
	r := record("a1", "2024-12", "Kaspr", text, func(t string) extract.Facts {
		return extract.Facts{
			Amounts:  []extract.Amount{amount(t, "10 000 euros", 10000, extract.RoleFine, "")},
			GDPRRefs: []extract.GDPRRef{gdpr(t, "article 5-1-e du RGPD", 5, 1, "e")},
		}
	})
	rec := r.JSON()
	d := OpenSearchDocument(&rec)
	for _, k := range []string{"id", "published", "year", "gdpr", "amount", "max_fine"} {
		fmt.Println(k, d[k])
	}
	// Output:
	// id a1
	// published 2024-12
	// year 2024
	// gdpr [5 5-1 5-1-e]
	// amount [10000]
	// max_fine 10000
}
