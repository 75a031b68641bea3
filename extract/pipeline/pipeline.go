// Package pipeline turns dumps into records: it reads articles with package
// source, keeps the French ones, reports exact and near duplicates (near.go),
// and runs the extractors on the rest, in parallel, giving the records back
// in reading order.
//
// Every article read comes out as exactly one record (extracted, or skipped
// with its reason); files that are not articles at all (an image, a PDF) are
// counted in the Summary and reported through Options.Warn, and so are the
// records of a web archive that are no HTML page.
package pipeline

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/extract/source"
)

// Options configures a run; the zero value works.
type Options struct {
	Source source.Options
	// Rules are the lexicons to extract with (default extract.DefaultRules()).
	Rules *extract.Rules
	// Language is the language kept; articles in another are skipped (default "fr").
	Language string
	// Near is the similarity from which an article is a duplicate of one read
	// before it (near.go): 0.8 by default; 1 or more reports only exact
	// duplicates (the same words in the same order).
	Near float64
	// Workers is how many articles are extracted at once (default GOMAXPROCS).
	Workers int
	// Skip, if set, is asked about the id of each article that is neither
	// unreadable, empty nor a duplicate, in the reading goroutine, before
	// the article goes to the workers: when it answers true, the article is
	// neither language-checked nor extracted, and its record comes out
	// skipped with SkipIndexed. ingest uses it to resume an interrupted run:
	// ids are deterministic, so an article indexed before has the same one.
	// It still counts as read before the articles after it, so that their
	// duplicates are the same as in a run that extracted it.
	Skip func(id string) bool
	// Shards, when above 1, splits the input in that many shares by a hash
	// of each record's id (its source when it has none: an unreadable one),
	// and only share Shard (0 to Shards-1) is extracted and emitted, and
	// counted in the Summary. Every record is still read and checked for
	// duplicates, so the N shares of a run are exactly the records of an
	// unsharded run, each in one share: N machines can share the work.
	Shard, Shards int
	// Warn receives each file (or WARC record) that is not an article; may be nil.
	Warn func(error)
	// Progress, if set, is called with the running summary about every ProgressEvery.
	Progress      func(Summary)
	ProgressEvery time.Duration
}

// SkipIndexed is the skip reason of an article that Options.Skip asked to
// leave out: it is already in the index.
const SkipIndexed extract.SkipReason = "indexed"

// SetDefaults fills the zero fields.
func (o *Options) SetDefaults() {
	if o.Rules == nil {
		o.Rules = extract.DefaultRules()
	}
	if o.Language == "" {
		o.Language = "fr"
	}
	if o.Near <= 0 {
		o.Near = 0.8
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.ProgressEvery <= 0 {
		o.ProgressEvery = 2 * time.Second
	}
}

// A Summary accounts for every article read.
type Summary struct {
	Read        int                        // articles read: Extracted + every skip
	Extracted   int                        // kept and extracted
	Skipped     map[extract.SkipReason]int // by reason; SkipError counts the failures
	Unsupported int                        // files of a kind veille does not read
	// OtherRecords counts the WARC records that are no HTML page (requests,
	// metadata, images…): read past, like Unsupported files.
	OtherRecords int
}

// Failed is the number of articles that could not be read.
func (s Summary) Failed() int { return s.Skipped[extract.SkipError] }

// Run reads paths ("-" for stdin) and calls emit with each record, in reading
// order. It stops at the first error from emit or when ctx ends.
func Run(ctx context.Context, paths []string, stdin io.Reader, opts Options, emit func(*extract.Record) error) (Summary, error) {
	opts.SetDefaults()
	opts.Source.Rules = opts.Rules // the reader's boilerplate and chrome tables too
	x, err := extract.New(opts.Rules)
	if err != nil {
		return Summary{}, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan *job, opts.Workers*4)
	done := make(chan *job, opts.Workers*4)
	// inFlight bounds the documents read but not yet emitted, so that one slow
	// article cannot make the others pile up in memory behind it.
	inFlight := make(chan struct{}, opts.Workers*32)
	detector := source.NewDetector()
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.process(x, detector, opts.Language)
				done <- j
			}
		}()
	}

	// Emit in reading order: a job waits in pending until those before it are out.
	sum := Summary{Skipped: map[extract.SkipReason]int{}}
	var emitErr error
	emitted := make(chan struct{})
	go func() {
		defer close(emitted)
		pending := map[int]*job{}
		next := 0
		last := time.Now()
		for j := range done {
			pending[j.seq] = j
			for pj := pending[next]; pj != nil; pj = pending[next] {
				delete(pending, next)
				next++
				<-inFlight
				if emitErr != nil {
					continue
				}
				if pj.unsupported != nil {
					if errors.Is(pj.unsupported, source.ErrOtherRecord) {
						sum.OtherRecords++
					} else {
						sum.Unsupported++
					}
					if opts.Warn != nil {
						opts.Warn(pj.unsupported)
					}
					continue
				}
				sum.count(pj.rec)
				if err := emit(pj.rec); err != nil {
					emitErr = err
					cancel()
				}
				if opts.Progress != nil && time.Since(last) >= opts.ProgressEvery {
					opts.Progress(sum)
					last = time.Now()
				}
			}
		}
	}()

	seen := map[[sha256.Size]byte]string{} // text -> source of its first article
	ids := map[string][sha256.Size]byte{}  // id -> text of the article that holds it
	var normalised []byte                  // the normalised text of the last article, kept for its memory
	var near *nearIndex
	if opts.Near < 1 {
		near = newNearIndex(opts.Near)
	}
	seq := 0
	walkErr := source.Walk(ctx, paths, stdin, opts.Source, func(d source.Doc) error {
		j := &job{rec: &extract.Record{Article: d.Article}}
		switch {
		case errors.Is(d.Err, source.ErrUnsupported):
			j.unsupported = d.Err
		case d.Err != nil:
			j.rec.Skipped, j.rec.Error = extract.SkipError, d.Err.Error()
		case strings.TrimSpace(d.Article.Text) == "":
			j.rec.Skipped = extract.SkipEmpty
		default:
			normalised = appendNormalised(normalised[:0], d.Article.Text)
			key := sha256.Sum256(normalised)
			if first, dup := seen[key]; dup {
				j.rec.Skipped, j.rec.DuplicateOf, j.rec.Similarity = extract.SkipDuplicate, first, 1
				break
			}
			if near != nil {
				if first, sim := near.find(d.Article.Text, d.Article.Source); first != "" {
					j.rec.Skipped, j.rec.DuplicateOf, j.rec.Similarity = extract.SkipDuplicate, first, sim
					break
				}
			}
			seen[key] = d.Article.Source
			// Two dumps may number their records alike: an id already given to
			// another text is made distinct, or the index would keep only one.
			if other, taken := ids[j.rec.ID]; taken && other != key {
				j.rec.ID = fmt.Sprintf("%s-%x", j.rec.ID, key[:4])
			}
			ids[j.rec.ID] = key
			if opts.Skip != nil && inShard(j.rec, opts) && opts.Skip(j.rec.ID) {
				j.rec.Skipped = SkipIndexed
			}
		}
		if !inShard(j.rec, opts) {
			return nil
		}
		j.seq = seq
		seq++
		select {
		case inFlight <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case jobs <- j:
			return nil
		case <-ctx.Done():
			<-inFlight
			return ctx.Err()
		}
	})
	close(jobs)
	wg.Wait()
	close(done)
	<-emitted
	if emitErr != nil {
		return sum, emitErr
	}
	if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		return sum, walkErr
	}
	return sum, ctx.Err()
}

// inShard reports whether r is in the share of the input that opts keeps.
func inShard(r *extract.Record, opts Options) bool {
	if opts.Shards <= 1 {
		return true
	}
	key := r.ID
	if key == "" {
		key = r.Source
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()%uint64(opts.Shards) == uint64(opts.Shard)
}

// appendNormalised appends to dst the text two articles must share to be
// duplicates: the same words in the same order, whatever the spacing and
// line breaks (the fields of strings.Fields joined by one space). It copies
// the runs of text already so spaced (words with single spaces between
// them) whole.
func appendNormalised(dst []byte, text string) []byte {
	start := len(dst)
	run := 0 // the start of the text not yet copied, after white space
	for i := 0; i < len(text); {
		if spaceBytes[text[i]] == 0 {
			i++ // a byte of a word, most of them
			continue
		}
		if n := spaceAt(text, i); n == 0 || text[i] == ' ' && i > run && i+1 < len(text) && spaceAt(text, i+1) == 0 {
			i++ // a rune of a word, or a single space between two words
			continue
		}
		dst = append(dst, text[run:i]...)
		i = afterSpaces(text, i)
		if i < len(text) && len(dst) > start {
			dst = append(dst, ' ')
		}
		run = i
	}
	return append(dst, text[run:]...)
}

// afterSpaces is the offset of the first byte from i that opens no white
// space.
func afterSpaces(text string, i int) int {
	for i < len(text) {
		n := spaceAt(text, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// spaceAt is the length in bytes of the rune at text[i] if it is white space
// (unicode.IsSpace), else 0.
func spaceAt(text string, i int) int {
	if n := spaceBytes[text[i]]; n != spaceLead {
		return int(n)
	}
	return multiByteSpace(text, i)
}

// multiByteSpace is spaceAt of a rune of more than one byte.
func multiByteSpace(text string, i int) int {
	if r, n := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
		return n
	}
	return 0
}

// spaceBytes tells, for each byte, whether it opens a white space rune: 1
// for the ASCII ones, spaceLead for the first byte of the others (which may
// also open another rune), 0 for any other byte, and for the bytes inside a
// rune.
var spaceBytes = func() (t [256]byte) {
	mark := func(lo, hi, stride uint32) {
		for c := lo; c <= hi; c += stride {
			if c < utf8.RuneSelf {
				t[c] = 1
			} else {
				t[utf8.AppendRune(nil, rune(c))[0]] = spaceLead
			}
		}
	}
	for _, r := range unicode.White_Space.R16 {
		mark(uint32(r.Lo), uint32(r.Hi), uint32(r.Stride))
	}
	for _, r := range unicode.White_Space.R32 {
		mark(r.Lo, r.Hi, r.Stride)
	}
	return t
}()

const spaceLead = 0xff

// A job is one Doc of the walk on its way through the workers; the emitter
// takes jobs back in walk order, so the summary and warnings are the same
// from run to run.
type job struct {
	seq         int
	rec         *extract.Record
	unsupported error // a file that is not an article: counted, not emitted
}

// process detects the language of a readable article and, if it is kept and
// not a duplicate, extracts its facts. Duplicates keep no facts: their
// original carries them.
func (j *job) process(x *extract.Extractor, d *source.Detector, keep string) {
	r := j.rec
	if j.unsupported != nil || r.Skipped == extract.SkipError || r.Skipped == extract.SkipEmpty || r.Skipped == SkipIndexed {
		return
	}
	if err := guard(r.Source, "language detection", func() { r.Lang, r.LangConfidence = d.Detect(r.Text) }); err != nil {
		r.Skipped, r.Error = extract.SkipError, err.Error()
		return
	}
	if r.Lang != keep {
		if r.Skipped == extract.NotSkipped {
			r.Skipped = extract.SkipLanguage
		}
		return
	}
	if r.Skipped == extract.NotSkipped {
		if err := extractFacts(x, r); err != nil {
			r.Skipped, r.Error = extract.SkipError, err.Error()
		}
	}
}

// extractFacts extracts r's facts. A failure of the extractor on one
// article is that article's error, named by its source: the run goes on
// with the others.
func extractFacts(x *extract.Extractor, r *extract.Record) error {
	err := guard(r.Source, "extraction", func() { r.Facts = x.Extract(&r.Article) })
	if err != nil {
		r.Facts = extract.Facts{}
	}
	return err
}

// guard runs one stage of an article's processing and turns its panic, a
// defect of veille or of a library on that article, into an error naming
// the article and the stage.
func guard(source, stage string, run func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: %s failed, a defect of veille to report with this article: %v", source, stage, p)
		}
	}()
	run()
	return nil
}

func (s *Summary) count(r *extract.Record) {
	s.Read++
	if r.Skipped == extract.NotSkipped {
		s.Extracted++
		return
	}
	s.Skipped[r.Skipped]++
}
