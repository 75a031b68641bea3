package source

/*
Walking paths and dispatching formats.

A PATH is a file, a directory or "-" (standard input):

  - a directory is walked recursively in lexical order (so two runs read the
    same articles in the same order); files and directories whose name starts
    with "." are skipped; inside it, what is not a regular file is never
    opened (a FIFO would block the walk, a device never end) and is an error
    Doc naming it and its kind, and so are symbolic link loops and broken
    links; a symbolic link to a file is read, one to a directory is not
    followed (an unsupported Doc, or an error when it points to a directory
    that holds it);
  - a pipe or device named as a PATH (bash's <(zcat dump.gz)) is read as a
    stream, its format sniffed as standard input's;
  - a file's format comes from its extension, case-insensitively:
    .html .htm .xhtml (html.go), .txt .text (txt.go), .jsonl .ndjson .json
    (jsonl.go), .warc (warc.go), .gz around any of them (so .warc.gz),
    .zip .tar .tar.gz .tgz (archive.go);
    any other kind (.pdf, .png, .md…) gives a Doc whose Err wraps
    ErrUnsupported and is never read;
  - standard input has no name, so its format is sniffed (sniffed below):
    gzip, zip and tar by their magic numbers, WARC by its "WARC/" version
    line, JSON if the first non-space
    byte is { or [, HTML if it starts like markup, else text. Its Source is
    "-" (and "-#<record>" inside a dump).

Invariants: every article read, and every failure to read one, reaches fn
exactly once as a Doc; a failure names the path (and the record) and the
reason, and the walk goes on. Only fn's error or the end of ctx stop it.
*/

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/veille/veille/extract"
)

// A Doc is one article read from a dump, or the failure to read one.
type Doc struct {
	Article extract.Article // ID, Source, URL, Title, Published, Text (canonical)
	Err     error           // non-nil: this file/record could not be read (message names path and reason)
}

// ErrUnsupported is wrapped by the Err of a Doc for a file of a kind veille
// does not read (an image, a PDF…): callers count it as a skipped file, not
// as an article.
var ErrUnsupported = errors.New("unsupported file type")

// Options configures reading; its zero value works (SetDefaults fills it).
type Options struct {
	// MaxFileSize bounds, in bytes, what is read whole: an HTML or text file
	// (after decompression), one JSON Lines record, a single-object .json
	// file, a .zip read from a stream. Larger ones are an error Doc.
	// JSON Lines and tar dumps are streamed and not bounded as a whole.
	// Default 64 MiB.
	MaxFileSize int64
	// Charset is the encoding of .txt and JSON Lines input, which cannot
	// declare one (an IANA name such as "windows-1252"). Default UTF-8, where
	// invalid bytes are an error Doc.
	Charset string
	// Rules holds the boilerplate and page-chrome tables (default
	// extract.DefaultRules()).
	Rules *extract.Rules
}

// SetDefaults fills the zero fields.
func (o *Options) SetDefaults() {
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = 64 << 20
	}
	if o.Rules == nil {
		o.Rules = extract.DefaultRules()
	}
}

// Walk reads every article under paths ("-" is stdin) in a stable order and calls fn for each
// Doc, streaming (never holding a whole dump in memory). Files of an unsupported kind are
// reported through fn as a Doc with Err wrapping ErrUnsupported (so the caller can count them
// as skipped files rather than articles). It stops early only if fn returns an error or ctx ends.
func Walk(ctx context.Context, paths []string, stdin io.Reader, opts Options, fn func(Doc) error) error {
	opts.SetDefaults()
	tables, err := newTables(opts.Rules)
	if err != nil {
		return err
	}
	dec, err := newTextDecoder(opts.Charset)
	if err != nil {
		return err
	}
	w := &walker{ctx: ctx, opts: opts, tables: tables, dec: dec, fn: fn}
	for _, p := range paths {
		if err := w.path(p, stdin); err != nil {
			return err
		}
	}
	return nil
}

// A walker carries one Walk's settings to the format readers.
type walker struct {
	ctx    context.Context
	opts   Options
	tables *tables
	dec    textDecoder
	fn     func(Doc) error
}

// emit hands a Doc to fn, unless ctx has ended.
func (w *walker) emit(d Doc) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	return w.fn(d)
}

// fail emits the error Doc of source: its message names source and the reason.
func (w *walker) fail(source string, err error) error {
	return w.failArticle(extract.Article{ID: hashID(source), Source: source}, err)
}

// failArticle emits the error Doc of an article known in part (a record's
// id, URL, title).
func (w *walker) failArticle(a extract.Article, err error) error {
	return w.emit(Doc{Article: a, Err: fmt.Errorf("%s: %w", a.Source, err)})
}

func (w *walker) path(p string, stdin io.Reader) error {
	if p == "-" {
		if stdin == nil {
			return w.fail(p, errors.New("no standard input"))
		}
		return w.sniffed(p, stdin)
	}
	info, err := os.Stat(p)
	if err != nil {
		return w.fail(p, unwrapPathError(err))
	}
	switch {
	case info.Mode().IsRegular():
		return w.file(p, info)
	case !info.IsDir():
		// A pipe or device named on the command line, such as bash's
		// <(zcat dump.gz), is read as a stream, its format sniffed.
		f, err := os.Open(p)
		if err != nil {
			return w.fail(p, unwrapPathError(err))
		}
		defer f.Close()
		return w.sniffed(p, f)
	}
	root, _ := filepath.Abs(p)
	return filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if ctxErr := w.ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			if ferr := w.fail(path, unwrapPathError(err)); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := os.Stat(path)
			switch {
			case errors.Is(err, syscall.ELOOP):
				return w.fail(path, errors.New("symbolic link loop: too many levels of symbolic links, not read"))
			case err != nil:
				return w.fail(path, fmt.Errorf("broken symbolic link: %w", unwrapPathError(err)))
			case info.IsDir():
				return w.linkedDir(root, path)
			}
			mode = info.Mode().Type()
			if mode.IsRegular() {
				return w.file(path, info)
			}
		}
		if !mode.IsRegular() {
			// Opening a FIFO without a writer blocks forever, and a device
			// may never end: neither is read.
			return w.fail(path, fmt.Errorf("%s, not a regular file: not read", modeName(mode)))
		}
		info, err := d.Info()
		if err != nil {
			return w.fail(path, unwrapPathError(err))
		}
		return w.file(path, info)
	})
}

// linkedDir reports a symbolic link to a directory, which is not followed:
// a link to the walked directory or above it would loop, and is an error;
// any other is a file of another kind, counted.
func (w *walker) linkedDir(root, link string) error {
	target, err := filepath.EvalSymlinks(link)
	if err == nil {
		target, err = filepath.Abs(target)
	}
	if err != nil {
		return w.fail(link, fmt.Errorf("broken symbolic link: %w", unwrapPathError(err)))
	}
	if realRoot, err := filepath.EvalSymlinks(root); err == nil {
		if rel, err := filepath.Rel(target, realRoot); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
			return w.fail(link, fmt.Errorf("symbolic link loop: it points to %s, which holds it; not followed", target))
		}
	}
	return w.emit(Doc{Article: extract.Article{Source: link}, Err: fmt.Errorf("%s: %w (symbolic link to the directory %s, not followed)", link, ErrUnsupported, target)})
}

// modeName names a file type that is not a regular file.
func modeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "irregular file"
}

// file reads one file of the file system.
func (w *walker) file(path string, info fs.FileInfo) error {
	kind := kindOf(path)
	if kind == kindUnsupported {
		return w.unsupported(path)
	}
	if kind == kindZip {
		return w.zipFile(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return w.fail(path, unwrapPathError(err))
	}
	defer f.Close()
	return w.read(path, filepath.Base(path), f)
}

func (w *walker) unsupported(source string) error {
	return w.emit(Doc{Article: extract.Article{Source: source}, Err: fmt.Errorf("%s: %w (%s)", source, ErrUnsupported, extOf(source))})
}

// read reads r, named name (whose extension gives the format), as source.
func (w *walker) read(source, name string, r io.Reader) error {
	switch kindOf(name) {
	case kindHTML:
		return w.whole(source, r, w.html)
	case kindText:
		return w.whole(source, r, w.text)
	case kindJSONL:
		return w.jsonl(source, r)
	case kindJSON:
		return w.json(source, r)
	case kindGzip:
		return w.gzip(source, strings.TrimSuffix(name, filepath.Ext(name)), r)
	case kindTar:
		return w.tar(source, r)
	case kindTarGzip:
		return w.tarGzip(source, r)
	case kindZip:
		return w.zipStream(source, r)
	case kindWARC:
		return w.warc(source, r)
	}
	return w.unsupported(source)
}

// whole reads all of r, bounded by MaxFileSize, and hands it to parse.
func (w *walker) whole(source string, r io.Reader, parse func(source string, data []byte) error) error {
	data, err := readAll(r, w.opts.MaxFileSize)
	if err != nil {
		return w.fail(source, err)
	}
	return parse(source, data)
}

// sniffed reads a stream without a name: gzip, zip and tar by their magic
// numbers, WARC by its version line, JSON if the first non-space byte is { or [, HTML if it looks like
// markup, else text.
func (w *walker) sniffed(source string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 4096)
	head, err := br.Peek(512)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return w.fail(source, err)
	}
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return w.gzipStream(source, br, func(r io.Reader) error { return w.sniffed(source, r) })
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return w.zipStream(source, br)
	case len(head) >= 262 && string(head[257:262]) == "ustar":
		return w.tar(source, br)
	case bytes.HasPrefix(head, warcMagic):
		return w.warc(source, br)
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	switch {
	case bytes.HasPrefix(trimmed, []byte("{")):
		return w.jsonl(source, br)
	case bytes.HasPrefix(trimmed, []byte("[")):
		return w.json(source, br)
	case looksLikeMarkup(trimmed):
		return w.whole(source, br, w.html)
	}
	return w.whole(source, br, w.text)
}

// looksLikeMarkup reports whether a document starts like HTML: a tag, a
// comment, a doctype or an XML declaration.
func looksLikeMarkup(b []byte) bool {
	if len(b) < 2 || b[0] != '<' {
		return false
	}
	c := b[1]
	return c == '!' || c == '?' || c == '/' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// The formats, by file extension.
type kind int

const (
	kindUnsupported kind = iota
	kindHTML
	kindText
	kindJSONL
	kindJSON
	kindGzip
	kindTar
	kindTarGzip
	kindZip
	kindWARC
)

// extOf is the lower-case extension of name, with ".tar.gz" kept whole.
func extOf(name string) string {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".tar.gz") {
		return ".tar.gz"
	}
	return filepath.Ext(lower)
}

func kindOf(name string) kind {
	switch extOf(name) {
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".txt", ".text":
		return kindText
	case ".jsonl", ".ndjson":
		return kindJSONL
	case ".json":
		return kindJSON
	case ".gz":
		return kindGzip
	case ".tar":
		return kindTar
	case ".tar.gz", ".tgz":
		return kindTarGzip
	case ".zip":
		return kindZip
	case ".warc":
		return kindWARC
	}
	return kindUnsupported
}

// errTooLarge is the reason of a file larger than Options.MaxFileSize.
type errTooLarge int64

func (e errTooLarge) Error() string {
	return fmt.Sprintf("larger than the limit of %d bytes (Options.MaxFileSize)", int64(e))
}

// readAll reads r whole, failing if it holds more than limit bytes.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, errTooLarge(limit)
	}
	return data, nil
}

// unwrapPathError drops the *fs.PathError wrapper, whose path the error Doc
// already names.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot %s: %w", pe.Op, pe.Err)
	}
	return err
}
