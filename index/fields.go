package index

import (
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	bdocument "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
)

// A fieldMapper builds the bleve document of one of veille's document maps
// (document.go) as the index mapping's MapDocument would, with its numbers
// and dates indexed at valueShifts, but without walking the map by
// reflection and looking each field's mapping up by its path: the options
// and analyser of every declared field are looked up once. A field that the
// mapping does not declare is left out, as dynamic mapping is off.
type fieldMapper map[string]fieldSpec

// A fieldSpec is what the mapping declares of one field.
type fieldSpec struct {
	typ      string // "text", "number" or "datetime", as in mapping.FieldMapping
	options  bindex.FieldIndexingOptions
	analyzer analysis.Analyzer // of a text field
}

// newFieldMapper reads the fields that m's default document mapping declares.
func newFieldMapper(m mapping.IndexMapping) (fieldMapper, error) {
	im, ok := m.(*mapping.IndexMappingImpl)
	if !ok {
		return nil, fmt.Errorf("the index mapping is a %T", m)
	}
	out := fieldMapper{}
	for name, dm := range im.DefaultMapping.Properties {
		if len(dm.Fields) == 0 {
			continue
		}
		f := dm.Fields[0]
		spec := fieldSpec{typ: f.Type, options: f.Options()}
		if f.Type == "text" {
			analyzer := f.Analyzer
			if analyzer == "" {
				analyzer = im.DefaultAnalyzer
			}
			if spec.analyzer = im.AnalyzerNamed(analyzer); spec.analyzer == nil {
				return nil, fmt.Errorf("field %s: no analyser %q", name, analyzer)
			}
		}
		out[name] = spec
	}
	return out, nil
}

// document returns the bleve document id of data, whose values are
// strings, numbers (float64 or int), dates (time.Time) or slices of
// strings, floats or dates, one field each element.
func (fm fieldMapper) document(id string, data map[string]interface{}) (*bdocument.Document, error) {
	doc := bdocument.NewDocument(id)
	for name, value := range data {
		spec, ok := fm[name]
		if !ok {
			continue
		}
		var err error
		switch v := value.(type) {
		case []string:
			err = addEach(spec, doc, name, v)
		case []float64:
			err = addEach(spec, doc, name, v)
		case []time.Time:
			err = addEach(spec, doc, name, v)
		default:
			err = spec.add(doc, name, nil, v)
		}
		if err != nil {
			return nil, err
		}
	}
	doc.SetIndexed()
	return doc, nil
}

// addEach adds each of values to doc as the field name, at its position.
func addEach[T any](s fieldSpec, doc *bdocument.Document, name string, values []T) error {
	for i, v := range values {
		if err := s.add(doc, name, []uint64{uint64(i)}, v); err != nil {
			return err
		}
	}
	return nil
}

// add adds the field name at arrayPositions, of value, to doc. A value of
// another type than the field's is left out, as the mapping leaves it.
func (s fieldSpec) add(doc *bdocument.Document, name string, arrayPositions []uint64, value interface{}) error {
	switch v := value.(type) {
	case string:
		if s.typ == "text" {
			doc.AddField(bdocument.NewTextFieldCustom(name, arrayPositions, []byte(v), s.options, s.analyzer))
		}
	case float64:
		s.addNumber(doc, name, arrayPositions, v)
	case int:
		s.addNumber(doc, name, arrayPositions, float64(v))
	case time.Time:
		if s.typ == "datetime" {
			// a date bleve cannot hold (before 1677, after 2262) is left
			// out, as the mapping leaves it
			if f, err := bdocument.NewDateTimeFieldWithIndexingOptions(name, arrayPositions, v, time.RFC3339, s.options); err == nil {
				doc.AddField(&coarseDate{DateTimeField: f})
			}
		}
	default:
		return fmt.Errorf("field %s: cannot index a %T", name, value)
	}
	return nil
}

func (s fieldSpec) addNumber(doc *bdocument.Document, name string, arrayPositions []uint64, v float64) {
	if s.typ == "number" {
		doc.AddField(&coarseNumber{NumericField: bdocument.NewNumericFieldWithIndexingOptions(name, arrayPositions, v, s.options)})
	}
}
