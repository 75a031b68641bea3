package index

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/veille/veille/extract"
)

// ErrNoSuchRecord is returned by Get for an ID that is not in the index.
var ErrNoSuchRecord = errors.New("no such article")

// Get returns one stored record, whole, by its ID.
func (ix *Index) Get(id string) (*extract.JSONRecord, error) {
	q := bleve.NewDocIDQuery([]string{id})
	recs, err := ix.records(q, 1, nil)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrNoSuchRecord, id)
	}
	return recs[0], nil
}

// Each calls fn with every stored record (articles, not their sanctions'
// documents), in ID order, reading the index a
// page at a time so that memory stays flat however large the corpus.
func (ix *Index) Each(fn func(*extract.JSONRecord) error) error {
	const page = 500
	var after []string
	for {
		recs, err := ix.records(bleve.NewMatchAllQuery(), page, after)
		if err != nil {
			return err
		}
		for _, r := range recs {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(recs) < page {
			return nil
		}
		after = []string{recs[len(recs)-1].ID}
	}
}

func (ix *Index) records(q query.Query, size int, after []string) ([]*extract.JSONRecord, error) {
	req := bleve.NewSearchRequestOptions(q, size, 0, false)
	req.Fields = []string{fieldRecord, fieldText}
	req.SortBy([]string{"_id"})
	if after != nil {
		req.SetSearchAfter(after)
	}
	res, err := ix.bleve.Search(req)
	if err != nil {
		return nil, fmt.Errorf("cannot read the index: %w", err)
	}
	out := make([]*extract.JSONRecord, 0, len(res.Hits))
	for _, h := range res.Hits {
		r, err := decode(h)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func decode(h *search.DocumentMatch) (*extract.JSONRecord, error) {
	raw, _ := h.Fields[fieldRecord].(string)
	var r extract.JSONRecord
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		return nil, fmt.Errorf("index document %s is damaged: %w", h.ID, err)
	}
	r.Text, _ = h.Fields[fieldText].(string)
	return &r, nil
}

// A SanctionedArticle is an article that reports a fine or a sanction.
type SanctionedArticle struct {
	Record *extract.JSONRecord // without its text
	// Authority is the authority that decided what it reports
	// (extract.JSONRecord.DecidingAuthority); "" when none is named.
	Authority string
	MaxFine   float64 // its largest fine in euros; 0 when none
}

// Sanctioned returns the articles that report a fine or a sanction, the
// largest fine first, at most limit of them (all when limit is 0), and how
// many there are in all. Only those records are read.
func (ix *Index) Sanctioned(limit int) ([]SanctionedArticle, uint64, error) {
	q := bleve.NewDisjunctionQuery(hasSanction(), hasFine())
	if limit <= 0 {
		n, err := ix.Count()
		if err != nil {
			return nil, 0, err
		}
		limit = max(int(n), 1)
	}
	req := bleve.NewSearchRequestOptions(q, limit, 0, false)
	req.Fields = []string{fieldRecord, fieldMaxFine} // the text is not needed
	req.SortBy([]string{"-" + fieldMaxFine, "-" + fieldPublished, "_id"})
	res, err := ix.bleve.Search(req)
	if err != nil {
		return nil, 0, fmt.Errorf("cannot read the index: %w", err)
	}
	out := make([]SanctionedArticle, 0, len(res.Hits))
	for _, h := range res.Hits {
		r, err := decode(h)
		if err != nil {
			return nil, 0, err
		}
		a := SanctionedArticle{Record: r, Authority: r.DecidingAuthority()}
		a.MaxFine, _ = h.Fields[fieldMaxFine].(float64)
		out = append(out, a)
	}
	return out, res.Total, nil
}
