package source

/*
Character sets.

  - HTML is decoded from the charset its bytes declare (a byte-order mark, a
    <meta charset> or <meta http-equiv="Content-Type"> in the first 1024
    bytes), else sniffed, following the HTML standard
    (golang.org/x/net/html/charset): windows-1252 and ISO-8859-1 pages are
    common, and a page labelled ISO-8859-1 is read as windows-1252, its
    superset, as browsers do.
  - Text and JSON Lines cannot declare a charset: they are UTF-8 (a leading
    byte-order mark is dropped), and invalid UTF-8 is an error Doc, never
    silently replaced, unless Options.Charset names their encoding.
*/

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// utf8BOM is the UTF-8 byte-order mark.
var utf8BOM = []byte("\xef\xbb\xbf")

// errNotUTF8 is the reason of text that is not valid UTF-8 and declares no charset.
var errNotUTF8 = errors.New("invalid UTF-8 (text and JSON must be UTF-8 unless a charset is set for them)")

// decodeHTML returns a page's bytes as UTF-8, from its declared or sniffed
// charset.
func decodeHTML(data []byte) ([]byte, error) { return decodeHTMLAs(data, "") }

// decodeHTMLAs is decodeHTML for a page served with that HTTP Content-Type,
// whose charset comes before the page's own declaration (after a
// byte-order mark), as in a browser.
func decodeHTMLAs(data []byte, contentType string) ([]byte, error) {
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" { // declared or sniffed: stray bytes become U+FFFD, as in a browser
		return bytes.ToValidUTF8(bytes.TrimPrefix(data, utf8BOM), []byte("\uFFFD")), nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("cannot decode from %s: %w", name, err)
	}
	return out, nil
}

// A textDecoder turns text and JSON Lines bytes into UTF-8.
type textDecoder struct {
	enc encoding.Encoding // nil: UTF-8, checked
}

// newTextDecoder returns the decoder of charset name ("" for UTF-8).
func newTextDecoder(name string) (textDecoder, error) {
	if name == "" {
		return textDecoder{}, nil
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		return textDecoder{}, fmt.Errorf("unknown charset %q: %w", name, err)
	}
	if n, _ := htmlindex.Name(enc); n == "utf-8" {
		return textDecoder{}, nil
	}
	return textDecoder{enc: enc}, nil
}

// decode returns b as UTF-8 without a byte-order mark, or errNotUTF8.
func (d textDecoder) decode(b []byte) ([]byte, error) {
	if d.enc == nil {
		b = bytes.TrimPrefix(b, utf8BOM)
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("%w at byte %d", errNotUTF8, invalidAt(b))
		}
		return b, nil
	}
	return d.enc.NewDecoder().Bytes(b)
}

// invalidAt is the offset of the first invalid UTF-8 sequence of b.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}
