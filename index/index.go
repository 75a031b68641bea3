package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/veille/veille/extract"
)

// SchemaVersion is the version of the indexed document's layout. An index
// built with another version is refused: reindex.
//
// Changelog:
//
//	1: first layout (title, text, facets by authority, org, GDPR ref, role, year; amounts by role).
//	2: max_<role>, the largest euro amount of each role, to sort by and show;
//	   authority_name and url stored, to print them with each hit.
//	3: one document per sanction (id "<article id>/s<n>", doc_type
//	   "sanction", fields s_*), so that search -sanction applies its filters
//	   to one sanction; doc_type "article" on articles; sanction_kind, the
//	   kinds of an article's sanctions, for the sanction facet; sanctions,
//	   their number, stored, to delete those an article no longer has;
//	   s_authority_name, s_target_name, s_gdpr_ref, s_group
//	   ("authority|kind|year") and s_digits on sanctions, so that stats count
//	   sanctions with facets (the articles' fine_group and fine_digits of an
//	   earlier draft of 3 are gone).
//	4: the same fields, indexed with less work: keyword fields without term
//	   vectors, and doc values only on the fields that are faceted, sorted
//	   or read back by document; sanctions stored only (stats tell an
//	   article without sanction by its lack of sanction_kind); no
//	   s_authority_name, which nothing read (stats take the authority from
//	   s_group).
//	5: no "_all" field, which no search read: bleve indexed the words of
//	   the title and the text in it a second time; no "amount", every euro
//	   amount of an article, which amount_<role> hold already (a filter on
//	   amounts of any role looks in all of them); source and date stored
//	   only, for display; no law and no s_currency, which no search read.
//	6: numbers and dates indexed as 5 terms (shifts 0, 40, 48, 52 and 56
//	   of bleve's prefix-coded value) instead of bleve's 16 (numbers.go); a
//	   range filter weighs nothing in the scores.
const SchemaVersion = "6"

var schemaKey = []byte("veille_schema_version")

// ErrNotFound is returned by Open when there is no index at the path.
var ErrNotFound = errors.New("no index")

// Options configures opening an index; the zero value works.
type Options struct {
	// LockTimeout is how long to wait for an index held by another process
	// before giving up (default 1s).
	LockTimeout string
	// BatchSize is how many articles, each with its sanctions, a Writer
	// sends to bleve at once (default DefaultBatchSize).
	BatchSize int
}

// SetDefaults fills the zero fields.
func (o *Options) SetDefaults() {
	if o.LockTimeout == "" {
		o.LockTimeout = "1s"
	}
	if o.BatchSize <= 0 {
		o.BatchSize = DefaultBatchSize
	}
}

// An Index is an open veille index.
type Index struct {
	bleve  bleve.Index
	opts   Options
	fields fieldMapper // builds the documents that a Writer adds
	// The snapshot that the last search read, and its columns (columns.go).
	snapMu sync.Mutex
	snap   *snapshot
}

// maxSegmentDocs caps the documents (articles and sanctions) of a segment
// that bleve's merges make. A merge reads its segments through memory maps,
// which count in the resident memory of the process: uncapped, the merges
// of an ingest of 100 000 articles reach 300 MB segments (and 3 GB ones
// for a million), so the peak grows with the corpus. At this cap a segment
// is some 150 MB, and 100 000 articles make a handful of them.
const maxSegmentDocs = 50000

func (o Options) runtime() map[string]interface{} {
	return map[string]interface{}{
		"bolt_timeout":           o.LockTimeout,
		"scorchMergePlanOptions": map[string]interface{}{"MaxSegmentSize": maxSegmentDocs},
	}
}

// Open opens the index at path, creating it if create is set and nothing is
// there. It refuses an index of another schema version, and an index that
// another process holds (ErrBusy) after waiting Options.LockTimeout for it.
//
// A new index is built beside path and renamed into place once it carries
// its schema version, so that a process killed while creating it leaves no
// half-made index behind, and of two processes creating it at once, one
// uses it and the other finds it busy.
func Open(path string, create bool, opts Options) (*Index, error) {
	opts.SetDefaults()
	_, statErr := os.Stat(path)
	if errors.Is(statErr, os.ErrNotExist) {
		if !create {
			return nil, fmt.Errorf("%w at %s: run `veille ingest` first", ErrNotFound, path)
		}
		if err := build(path, opts); err != nil {
			return nil, err
		}
	}
	b, err := bleve.OpenUsing(path, opts.runtime())
	if err != nil {
		if errors.Is(err, bleve.ErrorIndexMetaMissing) || errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
			return nil, fmt.Errorf("cannot open index %s: not a veille index", path)
		}
		if err.Error() == "timeout" { // bbolt's ErrTimeout: another process holds the lock
			return nil, fmt.Errorf("%w: %s is held by another process (another veille ingest?); try again when it is done", ErrBusy, path)
		}
		return nil, fmt.Errorf("cannot open index %s: %w", path, err)
	}
	v, err := b.GetInternal(schemaKey)
	if err != nil || string(v) != SchemaVersion {
		b.Close()
		if len(v) == 0 {
			v = []byte("none")
		}
		return nil, fmt.Errorf("index %s has schema version %s, this veille writes version %s: delete it and ingest again", path, v, SchemaVersion)
	}
	return wrap(b, opts)
}

// wrap returns the Index of the open bleve index b; it closes b on error.
func wrap(b bleve.Index, opts Options) (*Index, error) {
	fields, err := newFieldMapper(b.Mapping())
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("cannot read the mapping of the index: %w", err)
	}
	return &Index{bleve: b, opts: opts, fields: fields}, nil
}

// ErrBusy is returned by Open when another process holds the index.
var ErrBusy = errors.New("index busy")

// build creates an empty index at path through a temporary directory beside
// it. It is no error that another process put one there first.
func build(path string, opts Options) error {
	m, err := NewMapping()
	if err != nil {
		return err
	}
	// Those left by processes killed while creating it: by now they have
	// either renamed theirs or died.
	if stale, _ := filepath.Glob(path + ".creating-*"); len(stale) > 0 {
		for _, dir := range stale {
			if fi, err := os.Stat(dir); err == nil && time.Since(fi.ModTime()) > time.Minute {
				os.RemoveAll(dir)
			}
		}
	}
	tmp := fmt.Sprintf("%s.creating-%d", path, os.Getpid())
	os.RemoveAll(tmp) // left by a killed process that had our pid
	b, err := bleve.NewUsing(tmp, m, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, opts.runtime())
	if err != nil {
		return fmt.Errorf("cannot create index %s: %w", path, err)
	}
	err = b.SetInternal(schemaKey, []byte(SchemaVersion))
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("cannot create index %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.RemoveAll(tmp)
		if _, statErr := os.Stat(path); statErr == nil {
			return nil // another process created it meanwhile
		}
		return fmt.Errorf("cannot create index %s: %w", path, err)
	}
	return nil
}

// NewMemOnly returns an index held in memory, for tests and examples.
func NewMemOnly() (*Index, error) {
	m, err := NewMapping()
	if err != nil {
		return nil, err
	}
	// scorch, as on disk (bleve.NewMemOnly would be another index type).
	b, err := bleve.NewUsing("", m, scorch.Name, bleve.Config.DefaultKVStore, nil)
	if err != nil {
		return nil, err
	}
	opts := Options{}
	opts.SetDefaults()
	return wrap(b, opts)
}

// Close releases the index.
func (ix *Index) Close() error {
	ix.closeSnapshot()
	return ix.bleve.Close()
}

// Count is the number of articles indexed (sanctions, indexed as documents
// of their own, are not counted).
func (ix *Index) Count() (uint64, error) {
	req := bleve.NewSearchRequestOptions(term(fieldDocType, docArticle), 0, 0, false)
	res, err := ix.bleve.Search(req)
	if err != nil {
		return 0, fmt.Errorf("cannot read the index: %w", err)
	}
	return res.Total, nil
}

// A Writer adds records to the index in batches; Close sends the last one.
// Full batches are written in the background while the next one fills, so
// that the caller (ingest's extraction) goes on meanwhile, and up to
// maxWriting at once: bleve analyses a batch on every core but builds its
// segment on one, then waits for it to be on disk, and a second batch
// keeps the other core busy meanwhile. Add waits when maxWriting batches
// are being written already.
type Writer struct {
	ix    *Index
	batch *bleve.Batch
	// How many sanctions each article of the batch has: the sanctions an
	// article had in the index beyond them are deleted when it is written.
	sanctions map[string]int
	writing   []*written // the batches sent and not yet waited for, oldest first
}

// maxWriting is how many batches a Writer writes at once at most.
const maxWriting = 2

// DefaultBatchSize is the default Options.BatchSize: the articles of a
// batch, each with its sanctions. A batch counts articles rather than bleve
// documents so that it holds as many texts whatever the number of
// sanctions; 250 articles are some 950 documents on the generated articles
// of BenchmarkIngest (2.8 sanctions an article), against 500 documents when
// batches counted them. Larger batches cost bleve less for each segment's
// fixed share of work, but the batches being written and the one filling
// are in memory: 500 articles made 676 MB resident at 100 000 articles,
// 250 make 565 MB (README, Performance).
const DefaultBatchSize = 250

// A written is a batch sent to the index: its articles (the keys of its
// sanctions map), and the end of its writing: done is closed once err is
// set.
type written struct {
	articles map[string]int
	done     chan struct{}
	err      error
}

// NewWriter starts a batch writer.
func (ix *Index) NewWriter() *Writer {
	return &Writer{ix: ix, batch: ix.bleve.NewBatch(), sanctions: map[string]int{}}
}

// Add queues a record under its ID, and each of its sanctions under
// "<ID>/s<n>"; the same ID replaces the earlier document and its sanctions,
// so ingesting the same articles twice leaves the same index. An error
// writing an earlier batch is returned by the next Add.
func (w *Writer) Add(r *extract.Record) error {
	d, sanctions, err := document(r)
	if err != nil {
		return fmt.Errorf("cannot index %s: %w", r.Source, err)
	}
	if err := w.index(r.ID, d); err != nil {
		return fmt.Errorf("cannot index %s: %w", r.Source, err)
	}
	for _, s := range sanctions {
		if err := w.index(s.id, s.doc); err != nil {
			return fmt.Errorf("cannot index %s: %w", r.Source, err)
		}
	}
	// the article added before in this batch, with more sanctions: those
	// beyond its new ones are queued in the batch, where deleteStale, which
	// reads the index, does not see them
	for n := len(sanctions) + 1; n <= w.sanctions[r.ID]; n++ {
		w.batch.Delete(sanctionID(r.ID, n))
	}
	w.sanctions[r.ID] = len(sanctions)
	if len(w.sanctions) >= w.ix.opts.BatchSize {
		return w.send()
	}
	return nil
}

// index queues the document id, with its numbers and dates indexed at
// valueShifts (numbers.go).
func (w *Writer) index(id string, data map[string]interface{}) error {
	doc, err := w.ix.fields.document(id, data)
	if err != nil {
		return err
	}
	return w.batch.IndexAdvanced(doc)
}

// send starts writing the queued records in the background; it first waits
// for the oldest batch being written when maxWriting are. The batch is
// written beside the others, but after those that hold one of its
// articles, so that the last one added stays, whatever order bleve
// finishes them in.
func (w *Writer) send() error {
	if len(w.writing) == maxWriting {
		if err := w.waitOldest(); err != nil {
			return err
		}
	}
	if w.batch.Size() == 0 {
		return nil
	}
	batch, sanctions := w.batch, w.sanctions
	w.batch, w.sanctions = w.ix.bleve.NewBatch(), make(map[string]int, len(sanctions))
	var after []*written
	for _, o := range w.writing {
		if shareKey(o.articles, sanctions) {
			after = append(after, o)
		}
	}
	this := &written{articles: sanctions, done: make(chan struct{})}
	w.writing = append(w.writing, this)
	go func() {
		defer close(this.done)
		for _, o := range after {
			<-o.done
		}
		this.err = w.write(batch, sanctions)
	}()
	return nil
}

// shareKey reports whether a and b have a key in common.
func shareKey(a, b map[string]int) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for k := range a {
		if _, ok := b[k]; ok {
			return true
		}
	}
	return false
}

// waitOldest waits for the oldest batch being written and returns its error.
func (w *Writer) waitOldest() error {
	oldest := w.writing[0]
	w.writing = w.writing[1:]
	<-oldest.done
	return oldest.err
}

// write sends a batch to the index.
func (w *Writer) write(batch *bleve.Batch, sanctions map[string]int) error {
	if err := w.deleteStale(batch, sanctions); err != nil {
		return err
	}
	if err := w.ix.bleve.Batch(batch); err != nil {
		return fmt.Errorf("cannot write to the index: %w", err)
	}
	return nil
}

// Flush sends the queued records to the index, and returns once every
// batch sent is written, with the first error of any.
func (w *Writer) Flush() error {
	err := w.send()
	for len(w.writing) > 0 {
		if werr := w.waitOldest(); err == nil {
			err = werr
		}
	}
	return err
}

// deleteStale queues the deletion of the sanctions that the batch's
// articles have in the index beyond those they have now (an article indexed
// again after the extraction changed). It reads the stored count of the
// articles already in the index: none on a first ingest.
func (w *Writer) deleteStale(batch *bleve.Batch, sanctions map[string]int) error {
	if len(sanctions) == 0 {
		return nil
	}
	ids := make([]string, 0, len(sanctions))
	for id := range sanctions {
		ids = append(ids, id)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fieldSanctions}
	res, err := w.ix.bleve.Search(req)
	if err != nil {
		return fmt.Errorf("cannot read the index: %w", err)
	}
	for _, h := range res.Hits {
		had, _ := h.Fields[fieldSanctions].(float64)
		for n := sanctions[h.ID] + 1; n <= int(had); n++ {
			batch.Delete(sanctionID(h.ID, n))
		}
	}
	return nil
}

// Close flushes the last batch.
func (w *Writer) Close() error { return w.Flush() }
