package source

/*
Web archives (.warc, and .warc.gz through archive.go's gzip).

A WARC file is a sequence of records, read one at a time as a stream
(github.com/nlnwa/gowarc, with validation off so that no record is ever
buffered to disk); nothing is unpacked. Records are numbered from 1 in file
order, and an article's Source is "archive.warc#<record number>".

  - A "response" record whose block is an HTTP response (Content-Type
    application/http) with status 2xx and an HTML body (text/html or
    application/xhtml+xml, or no type and a body that starts like markup)
    is an article: its body, decoded from its Content-Encoding (gzip,
    deflate) and chunked transfer coding, is read by the HTML reader
    (html.go), with the charset of the HTTP Content-Type first.
  - A "resource" record whose Content-Type is HTML is an article too.
  - The article's URL is the record's WARC-Target-URI; its publication date
    is the page's own (html.go), else the day of the record's WARC-Date. Its
    ID is the record's WARC-Record-ID (without the angle brackets).
  - Every other record (warcinfo, request, metadata, revisit, conversion,
    a response that is not HTML or not a 2xx) is a Doc whose Err wraps
    ErrOtherRecord (and so ErrUnsupported): counted, not read.
  - A broken record (bad header, a body shorter than its Content-Length, a
    body over Options.MaxFileSize) is an error Doc naming the file, the
    record number and its byte offset in the (uncompressed) stream; the
    reader then looks for the next record and goes on.

A .warc.gz may be compressed record by record (the usual way) or as a whole:
either way it is decompressed as one stream, so a gzip member that is
itself corrupt ends the file (the records before it stay read).
*/

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/nlnwa/gowarc"
	"github.com/veille/veille/extract"
)

// ErrOtherRecord is wrapped by the Err of a Doc for a WARC record that is
// not an HTML page (a request, metadata, an image…). errors.Is takes it for
// ErrUnsupported too, so that callers that count unsupported files count it.
var ErrOtherRecord error = otherRecord{}

type otherRecord struct{}

func (otherRecord) Error() string        { return "WARC record that is not an HTML page" }
func (otherRecord) Is(target error) bool { return target == ErrUnsupported }

// warcMagic starts every WARC record.
var warcMagic = []byte("WARC/")

// warc reads the records of an uncompressed WARC stream in order.
func (w *walker) warc(source string, r io.Reader) error {
	in := &streamEnd{r: r}
	wr, err := gowarc.NewWarcFileReaderFromStream(in, 0, gowarc.WithNoValidation())
	if err != nil {
		return w.fail(source, fmt.Errorf("broken WARC file: %w", err))
	}
	defer wr.Close()
	n := 0
	lastBad := int64(-1)
	for {
		rec, offset, err := nextRecord(wr)
		if err == io.EOF && rec == nil {
			if in.err != nil && !in.named { // the stream broke between two records
				return w.fail(fmt.Sprintf("%s#%d", source, n+1), fmt.Errorf("broken WARC record at byte %d: %w", offset, in.err))
			}
			return nil
		}
		n++
		at := fmt.Sprintf("%s#%d", source, n)
		if err == nil {
			if err := w.warcRecord(at, offset, rec, in); err != nil {
				return err
			}
			continue
		}
		if in.err != nil {
			err = fmt.Errorf("%w (%w)", err, in.err)
		}
		where := fmt.Sprintf(" at byte %d", offset)
		if errors.Is(err, errReaderPanic) {
			where = "" // gowarc gives no offset then
		}
		if ferr := w.fail(at, fmt.Errorf("broken WARC record%s: %w", where, err)); ferr != nil {
			return ferr
		}
		// The next Next looks for the next "WARC/" line. A stream that
		// ends, an error at the same place twice, or a reader that panicked
		// ends the file.
		if in.err != nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || offset == lastBad || errors.Is(err, errReaderPanic) {
			return nil
		}
		lastBad = offset
	}
}

// errReaderPanic is the reason of a record that made gowarc panic (a
// version line "WARC/\n" does, in v1.6.0).
var errReaderPanic = errors.New("WARC reader failed")

// nextRecord is wr.Next, with a panic of the reader turned into an error.
func nextRecord(wr *gowarc.WarcFileReader) (rec gowarc.WarcRecord, offset int64, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, err = nil, fmt.Errorf("%w: %v", errReaderPanic, p)
		}
	}()
	rec, offset, _, err = wr.Next()
	return rec, offset, err
}

// A streamEnd turns the first failure of its reader (a broken gzip) into the
// end of the stream, keeping the error: gowarc's header parser retries on
// errors other than io.EOF, forever.
type streamEnd struct {
	r     io.Reader
	err   error
	named bool // err was given as the cause of a broken record
}

func (s *streamEnd) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, io.EOF
	}
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
		err = io.EOF
	}
	return n, err
}

// warcRecord reads one record as an article, or reports it as another kind.
// offset is where it starts in the (uncompressed) stream.
// in is the stream, whose failure (read ahead, maybe past this record) is
// named with the record's.
func (w *walker) warcRecord(source string, offset int64, rec gowarc.WarcRecord, in *streamEnd) error {
	h := rec.WarcHeader()
	broken := func(err error) error {
		if in.err != nil {
			err, in.named = fmt.Errorf("%w (%w)", err, in.err), true
		}
		return w.fail(source, fmt.Errorf("broken WARC record at byte %d: %w", offset, err))
	}
	if h.Get(gowarc.WarcType) == "" {
		return broken(errors.New("no WARC-Type"))
	}
	if _, err := h.GetInt64(gowarc.ContentLength); err != nil {
		return broken(errors.New("no valid Content-Length"))
	}
	raw, err := rec.Block().RawBytes()
	if err != nil {
		return broken(err)
	}
	block := &countReader{r: raw}
	// complete reads what is left of the block and says whether the record
	// is whole: gowarc, validation off, does not check a truncated block.
	complete := func() error {
		if _, err := io.Copy(io.Discard, block); err != nil {
			return err
		}
		if want, err := h.GetInt64(gowarc.ContentLength); err == nil && block.n < want {
			return fmt.Errorf("truncated: %d of its %d bytes", block.n, want)
		}
		return nil
	}
	a, what, err := w.warcArticle(rec, block)
	if cerr := complete(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		return broken(err)
	case what != "":
		return w.emit(Doc{Article: extract.Article{Source: source}, Err: fmt.Errorf("%s: %w (%s)", source, ErrOtherRecord, what)})
	}
	a.Source = source
	a.ID = strings.Trim(h.Get(gowarc.WarcRecordID), "<>")
	if a.ID == "" {
		a.ID = hashID(a.Text)
	}
	if uri := strings.Trim(h.Get(gowarc.WarcTargetURI), "<>"); uri != "" {
		a.URL = uri
	}
	if a.Published.IsZero() {
		if d, ok := parseDate(h.Get(gowarc.WarcDate)); ok {
			a.Published = d
		}
	}
	return w.emit(Doc{Article: a})
}

// warcArticle reads the article of a record from its block; when the record
// holds none, what says what it holds instead ("request record", "response
// of image/png", "HTTP status 404").
func (w *walker) warcArticle(rec gowarc.WarcRecord, block io.Reader) (a extract.Article, what string, err error) {
	var (
		body        io.Reader
		contentType = rec.WarcHeader().Get(gowarc.ContentType)
	)
	switch rec.Type() {
	case gowarc.Response:
		if mediaType(contentType) != "application/http" {
			return a, "response of " + mediaType(contentType), nil
		}
		resp, err := http.ReadResponse(bufio.NewReader(block), nil)
		if err != nil {
			return a, "", fmt.Errorf("bad HTTP response: %w", err)
		}
		defer resp.Body.Close()
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return a, fmt.Sprintf("HTTP status %d", resp.StatusCode), nil
		}
		contentType = resp.Header.Get("Content-Type")
		if body, err = decodeContent(resp.Body, resp.Header.Get("Content-Encoding")); err != nil {
			return a, "", err
		}
	case gowarc.Resource:
		body = block
	default:
		return a, rec.Type().String() + " record", nil
	}
	data, err := readAll(body, w.opts.MaxFileSize)
	if err != nil {
		return a, "", err
	}
	if !isHTML(contentType, data) {
		return a, rec.Type().String() + " of " + mediaType(contentType), nil
	}
	a, err = parseHTMLAs(data, contentType, w.tables)
	return a, "", err
}

// A countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// mediaType is the lower-case media type of a Content-Type, or "no type".
func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt == "" {
		if contentType = strings.TrimSpace(contentType); contentType != "" {
			return strings.ToLower(contentType)
		}
		return "no type"
	}
	return mt
}

// isHTML reports whether a body of that Content-Type is an HTML page; a
// body without a type is one if it starts like markup.
func isHTML(contentType string, data []byte) bool {
	switch mediaType(contentType) {
	case "text/html", "application/xhtml+xml":
		return true
	case "no type":
		return looksLikeMarkup(bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n"))
	}
	return false
}

// decodeContent undoes an HTTP Content-Encoding.
func decodeContent(r io.Reader, encoding string) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("broken gzip content: %w", err)
		}
		return &gzipErrors{gz}, nil
	case "deflate": // zlib as the standard says, raw deflate as some servers send
		br := bufio.NewReader(r)
		if head, _ := br.Peek(2); len(head) == 2 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 && head[0]&0x0f == 8 {
			return zlib.NewReader(br)
		}
		return flate.NewReader(br), nil
	}
	return nil, fmt.Errorf("content encoding %q not supported", encoding)
}
