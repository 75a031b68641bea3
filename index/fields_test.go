package index

import (
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	bdocument "github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/veille/veille/extract"
)

// TestFieldMapperAsMapping checks that the documents the Writer builds
// are those bleve's MapDocument builds from the same maps (with numbers
// and dates at valueShifts): the same fields, values, options and, once
// analysed, the same terms, on generated articles, most with several
// sanctions.
func TestFieldMapperAsMapping(t *testing.T) {
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	corpusPath := filepath.Join(t.TempDir(), "generated.jsonl")
	writeGenerated(t, corpusPath, 40)
	records := append(corpus(), extractAll(t, corpusPath)...)
	old := *records[0]
	old.ID, old.Published = "old", extract.CivilDate{Year: 1500, Month: 1, Day: 1} // before what bleve's dates hold
	records = append(records, &old)
	sanctions := 0
	for _, r := range records {
		d, err := document(r)
		if err != nil {
			t.Fatal(err)
		}
		want := bdocument.NewDocument(r.ID)
		if err := ix.bleve.Mapping().MapDocument(want, d); err != nil {
			t.Fatal(err)
		}
		got, err := ix.fields.document(r.ID, d)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := analysed(got), analysed(want); !reflect.DeepEqual(g, w) {
			t.Errorf("%s:\n got %v\nwant %v", r.ID, g, w)
		}
		sanctions += len(r.Sanctions)
	}
	if sanctions < 100 {
		t.Errorf("compared the articles of %d sanctions, want 100 or more", sanctions)
	}
	if _, err := ix.fields.document("x", map[string]interface{}{fieldTitle: struct{}{}}); err == nil {
		t.Error("a value of an unknown type gave no error")
	}
}

// analysed describes each field of doc, analysed, in a stable order. A
// number or a date is compared by its value and options: its terms are
// those of valueTerms either way.
func analysed(doc *bdocument.Document) []string {
	var out []string
	doc.VisitFields(func(f bindex.Field) {
		switch f := f.(type) {
		case *coarseNumber:
			out = append(out, fmt.Sprint(f.Name(), f.ArrayPositions(), f.Options(), f.Value()))
			return
		case *coarseDate:
			out = append(out, fmt.Sprint(f.Name(), f.ArrayPositions(), f.Options(), f.Value()))
			return
		case *bdocument.NumericField, *bdocument.DateTimeField:
			out = append(out, fmt.Sprint(f.Name(), f.ArrayPositions(), f.Options(), f.Value()))
			return
		}
		f.Analyze()
		var terms []string
		for term, tf := range f.AnalyzedTokenFrequencies() {
			t := fmt.Sprint(term, " ", tf.Frequency())
			for _, l := range tf.Locations {
				t += fmt.Sprint(" ", *l)
			}
			terms = append(terms, t)
		}
		sort.Strings(terms)
		out = append(out, fmt.Sprint(f.Name(), f.ArrayPositions(), f.Options(), f.AnalyzedLength(), terms))
	})
	sort.Strings(out)
	return append(out, fmt.Sprint("indexed ", doc.Indexed()))
}
