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
//	7: one document per article: no documents of sanctions and no
//	   doc_type; an article's sanctions are its fields s_authority,
//	   s_target, s_gdpr, s_amount and s_date (the values of all of them),
//	   and sanction, one term per sanction with the facts that search
//	   -sanction checks on one and the same sanction and stats sum
//	   (sanctions.go). The sanctions' documents made 2.8 bleve documents
//	   an article of BenchmarkIngest's, and a third of the cost of
//	   indexing it.
const SchemaVersion = "7"

var schemaKey = []byte("veille_schema_version")

// ErrNotFound is returned by Open when there is no index at the path.
var ErrNotFound = errors.New("no index")

// Options configures opening an index; the zero value works.
type Options struct {
	// LockTimeout is how long to wait for an index held by another process
	// before giving up (default 1s).
	LockTimeout string
	// BatchSize is how many articles a Writer sends to bleve at once
	// (default DefaultBatchSize).
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

// maxSegmentArticles caps the articles of a segment that bleve's merges
// make. A merge reads its segments through memory maps, which count in the
// resident memory of the process: uncapped, the merges of an ingest of
// 100 000 articles made segments of several hundred MB (gigabytes for a
// million), so the peak grew with the corpus. At this cap a segment is some
// 120 MB of generated articles, and 100 000 articles make a handful.
const maxSegmentArticles = 20000

func (o Options) runtime() map[string]interface{} {
	return map[string]interface{}{
		"bolt_timeout":           o.LockTimeout,
		"scorchMergePlanOptions": map[string]interface{}{"MaxSegmentSize": maxSegmentArticles},
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

// Count is the number of articles indexed.
func (ix *Index) Count() (uint64, error) {
	n, err := ix.bleve.DocCount()
	if err != nil {
		return 0, fmt.Errorf("cannot read the index: %w", err)
	}
	return n, nil
}

// A Writer adds records to the index in batches; Close sends the last one.
// Full batches are written in the background while the next one fills, so
// that the caller (ingest's extraction) goes on meanwhile, and up to
// maxWriting at once: bleve analyses a batch on every core but builds its
// segment on one, then waits for it to be on disk, and a second batch
// keeps the other core busy meanwhile. Add waits when maxWriting batches
// are being written already.
type Writer struct {
	ix       *Index
	batch    *bleve.Batch
	articles map[string]bool // the ids in batch
	writing  []*written      // the batches sent and not yet waited for, oldest first
}

// maxWriting is how many batches a Writer writes at once at most.
const maxWriting = 2

// DefaultBatchSize is the default Options.BatchSize: the articles of a
// batch. Larger batches cost bleve less for each segment's fixed share of
// work, but the batches being written and the one filling are in memory
// (README, Performance).
const DefaultBatchSize = 250

// A written is a batch sent to the index: its articles, and the end of its
// writing: done is closed once err is set.
type written struct {
	articles map[string]bool
	done     chan struct{}
	err      error
}

// NewWriter starts a batch writer.
func (ix *Index) NewWriter() *Writer {
	return &Writer{ix: ix, batch: ix.bleve.NewBatch(), articles: map[string]bool{}}
}

// Add queues a record under its ID, with its sanctions; the same ID
// replaces the earlier document, so ingesting the same articles twice
// leaves the same index. An error writing an earlier batch is returned by
// the next Add.
func (w *Writer) Add(r *extract.Record) error {
	d, err := document(r)
	if err == nil {
		err = w.index(r.ID, d)
	}
	if err != nil {
		return fmt.Errorf("cannot index %s: %w", r.Source, err)
	}
	w.articles[r.ID] = true
	if len(w.articles) >= w.ix.opts.BatchSize {
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
	batch, articles := w.batch, w.articles
	w.batch, w.articles = w.ix.bleve.NewBatch(), make(map[string]bool, len(articles))
	var after []*written
	for _, o := range w.writing {
		if shareKey(o.articles, articles) {
			after = append(after, o)
		}
	}
	this := &written{articles: articles, done: make(chan struct{})}
	w.writing = append(w.writing, this)
	go func() {
		defer close(this.done)
		for _, o := range after {
			<-o.done
		}
		if err := w.ix.bleve.Batch(batch); err != nil {
			this.err = fmt.Errorf("cannot write to the index: %w", err)
		}
	}()
	return nil
}

// shareKey reports whether a and b have a key in common.
func shareKey(a, b map[string]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for k := range a {
		if b[k] {
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

// Close flushes the last batch.
func (w *Writer) Close() error { return w.Flush() }
