package source

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"
)

// flatRecords are records that decodeRecord reads itself.
var flatRecords = []string{
	`{"id":"r-1","url":"https://ex.example/1","title":"Premier","date":"2023-01-17","text":"Texte."}`,
	` { "id" : 42 , "published" : "2024-03-20T09:15:00+01:00" , "html" : "<p>x</p>" } `,
	`{"id":-1.5e+3,"text":"a"}`, `{"id":null,"text":null}`, `{"id":true,"text":"a","text":null}`,
	`{"text":null,"text":"b"}`, `{"id":"x","id":"y","title":"T","title":"U"}`, `{"date":null,"text":"a"}`,
	`{"text":"\"\\\/\b\f\n\r\t\u00e9\u20AC\u0000 fin"}`, `{"text":"é « » ’ – €"}`,
	`{"lang":"fr","n":3,"ok":true,"none":null,"x":"y","text":"a"}`, `{}`, `{ }`,
}

// otherRecords are values that decodeRecord leaves to json.Unmarshal.
var otherRecords = []string{
	`{"id":01,"text":"a"}`, `{"id":1.,"text":"a"}`, `{"id":-,"text":"a"}`, `{"id":tru}`, `{"id":nul,"text":"a"}`,
	`{"text":"\ud83d\ude00"}`, `{"text":"\ud83d"}`, `{"text":"\u12"}`, `{"text":"\x"}`, "{\"text\":\"tab\tinside\"}",
	`{"Text":"capitals"}`, `{"TEXT":"a","text":"b"}`, `{"te\u0078t":"escaped key"}`, `{"ſource":"x"}`,
	`{"tags":["a"],"text":"a"}`, `{"meta":{"a":1},"text":"a"}`, `{"title":5,"text":"a"}`, `{"text":true}`,
	`null`, `[]`, `"text"`, `42`, ``, ` `,
	`{"text":"a"} x`, `{"text":"a"}{}`, `{"text":"a",}`, `{"text" "a"}`, `{"text":"a"`, `{"text":"a`, `{text:"a"}`,
	`{"text":"a" , "id":"b"`,
}

func TestDecodeRecordAsUnmarshal(t *testing.T) {
	for _, text := range append(flatRecords, otherRecords...) {
		checkDecodeRecord(t, []byte(text))
	}
	for _, text := range flatRecords {
		if !(&recordScanner{b: []byte(text)}).record(new(record)) {
			t.Errorf("%s is left to json.Unmarshal, want it read by decodeRecord", text)
		}
	}
	for _, text := range otherRecords {
		if (&recordScanner{b: []byte(text)}).record(new(record)) {
			t.Errorf("%s is read by decodeRecord, want it left to json.Unmarshal", text)
		}
	}
}

func FuzzDecodeRecord(f *testing.F) {
	for _, text := range append(flatRecords, otherRecords...) {
		f.Add([]byte(text))
	}
	if data, err := os.ReadFile(filepath.Join("testdata", "corpus", "f-dump.jsonl")); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if utf8.Valid(data) { // the walker reports invalid UTF-8 before decoding
			checkDecodeRecord(t, data)
		}
	})
}

// checkDecodeRecord fails unless decodeRecord gives what json.Unmarshal
// gives.
func checkDecodeRecord(t *testing.T, data []byte) {
	t.Helper()
	var got, want record
	gotErr, wantErr := decodeRecord(data, &got), json.Unmarshal(data, &want)
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotErr, wantErr) {
		t.Errorf("decodeRecord(%s) = %s, %v; json.Unmarshal: %s, %v", data, describeRecord(got), gotErr, describeRecord(want), wantErr)
	}
}

// describeRecord shows a record's fields, pointers followed.
func describeRecord(r record) string {
	text := func(p *string) any {
		if p == nil {
			return nil
		}
		return *p
	}
	return fmt.Sprintf("{id %s url %q title %q date %q published %q text %q html %q}", r.ID, r.URL, r.Title, r.Date, r.Published, text(r.Text), text(r.HTML))
}

func TestStopIn(t *testing.T) {
	for c := range 256 {
		for at := range 8 {
			w := []byte("abcdéfgh")[:8]
			w[at] = byte(c)
			if got := stopIn(binary.LittleEndian.Uint64(w)); got != stringStops[c] {
				t.Errorf("stopIn(%q) = %v, want %v", w, got, stringStops[c])
			}
		}
	}
}
