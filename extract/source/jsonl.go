package source

/*
JSON dumps (.jsonl, .ndjson, .json).

JSON Lines: one article per line, an object with these fields (others are
ignored):

	{"id": "lx-2022-0421", "url": "https://…", "title": "…",
	 "date": "2022-04-21", "text": "…"}            // or "html": "<p>…</p>"

  - id: a string or a number; it is the article's ID and names the record
    in Source ("dump.jsonl#lx-2022-0421"). Without one, Source names the
    line ("dump.jsonl#3") and ID is the hash of the text.
  - date (or published): "2022-04-21", "2023-01-17T10:00:00Z",
    "2024-03-20T09:15:00+01:00", "2024-03", "21/04/2022"…: the calendar date
    as written, at its precision (normalize.go).
  - text is taken as is (made canonical); html is cleaned as a page is
    (html.go), and the page's title, date and URL fill the record's missing
    ones. A record with neither is an error Doc.
  - Blank lines are skipped. A malformed line, a line of invalid UTF-8, a
    line longer than Options.MaxFileSize is an error Doc for that line
    (Source "dump.jsonl#<line>"), and reading goes on with the next line.

A .json file is JSON Lines when its first line is a whole JSON value; else
it holds one object, or an array of such objects, or several objects one
after the other: records are then named by id or by their position
(1-based), and a syntax error ends the file with an error Doc.
*/

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/veille/veille/extract"
)

// A record is one article of a JSON dump.
type record struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Date      string          `json:"date"`
	Published string          `json:"published"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
}

// errNoText is the reason of a record with neither text nor html.
var errNoText = errors.New(`record has neither "text" nor "html"`)

// jsonl reads JSON Lines, one record a line.
func (w *walker) jsonl(source string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, err := readLine(br, w.opts.MaxFileSize)
		if len(bytes.TrimSpace(line)) > 0 || errors.As(err, new(errTooLarge)) {
			var ferr error
			if errors.As(err, new(errTooLarge)) {
				ferr = w.fail(fmt.Sprintf("%s#%d", source, n), err)
			} else {
				ferr = w.value(source, strconv.Itoa(n), line)
			}
			if ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil && !errors.As(err, new(errTooLarge)) {
			return w.fail(fmt.Sprintf("%s#%d", source, n), err)
		}
	}
}

// readLine reads one line without its end, valid until the next read of
// br: a line that fits in br's buffer is not copied. A line longer than
// limit is skipped to its end and reported as errTooLarge; io.EOF comes
// with the last line.
func readLine(br *bufio.Reader, limit int64) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if int64(len(line)+len(chunk)) > limit+1 {
			line = nil
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err == nil {
				err = errTooLarge(limit)
			} else if err == io.EOF {
				err = errors.Join(errTooLarge(limit), io.EOF)
			}
			return nil, err
		}
		if line == nil && !errors.Is(err, bufio.ErrBufferFull) {
			return bytes.TrimSuffix(chunk, []byte("\n")), err
		}
		line = append(line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimSuffix(line, []byte("\n")), err
	}
}

// json reads a .json file: JSON Lines, or one object, an array of objects,
// or a sequence of objects.
func (w *walker) json(source string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if first, _, ok := bytes.Cut(head, []byte("\n")); ok && head[0] == '{' && json.Valid(first) {
		return w.jsonl(source, br)
	}
	dec := json.NewDecoder(br)
	array := len(head) > 0 && head[0] == '['
	if array {
		dec.Token() // the opening [, seen in head
	}
	for n := 1; dec.More(); n++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return w.fail(fmt.Sprintf("%s#%d", source, n), fmt.Errorf("malformed JSON: %w", err))
		}
		if err := w.value(source, strconv.Itoa(n), raw); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); array && err != nil { // the closing ]
		return w.fail(source, fmt.Errorf("malformed JSON: %w", err))
	}
	return nil
}

// value reads one record, raw JSON bytes at position pos of source.
func (w *walker) value(source, pos string, raw []byte) error {
	at := source + "#" + pos
	b, err := w.dec.decode(raw)
	if err != nil {
		return w.fail(at, err)
	}
	var rec record
	if err := decodeRecord(b, &rec); err != nil {
		return w.fail(at, fmt.Errorf("malformed JSON: %w", err))
	}
	id := recordID(rec.ID)
	if id != "" {
		at = source + "#" + id
	}
	a, err := rec.article(w.tables)
	if err != nil {
		return w.failArticle(extract.Article{ID: id, Source: at, URL: rec.URL, Title: rec.Title}, err)
	}
	a.Source = at
	a.ID = id
	if a.ID == "" {
		a.ID = hashID(a.Text)
	}
	return w.emit(Doc{Article: a})
}

// recordID is a record's id as text: a string, or a number as written.
func recordID(raw json.RawMessage) string {
	// raw is valid JSON: a string without escapes is its own text.
	if len(raw) >= 2 && raw[0] == '"' && bytes.IndexByte(raw[1:], '"') == len(raw)-2 && bytes.IndexByte(raw, '\\') < 0 {
		return strings.TrimSpace(string(raw[1 : len(raw)-1]))
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// article turns a record into an article; the record's fields win over
// what its html says.
func (rec *record) article(t *tables) (extract.Article, error) {
	var a extract.Article
	switch {
	case rec.Text != nil && strings.TrimSpace(*rec.Text) != "" || rec.Text != nil && rec.HTML == nil:
		a.Text = canonical(*rec.Text)
	case rec.HTML != nil:
		page, err := parseHTML([]byte(*rec.HTML), t)
		if err != nil {
			return a, err
		}
		a = page
	default:
		return a, errNoText
	}
	if rec.URL != "" {
		a.URL = strings.TrimSpace(rec.URL)
	}
	if rec.Title != "" {
		a.Title = collapseSpaces(rec.Title)
	}
	date := rec.Date
	if date == "" {
		date = rec.Published
	}
	if d, ok := parseDate(date); ok {
		a.Published = d
	}
	return a, nil
}
