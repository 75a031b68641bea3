package tables

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/veille/veille/extract"
)

// A Writer writes every table into a directory, one file per table:
// NAME.csv (with a header row) or NAME.jsonl (one object per row).
type Writer struct {
	format string
	files  []*os.File
	bufs   []*bufio.Writer
	csv    []*csv.Writer
	Rows   map[string]int // rows written, by table
}

// Create makes dir if needed and opens one file per table in format "csv" or "jsonl".
func Create(dir, format string) (*Writer, error) {
	if format != "csv" && format != "jsonl" {
		return nil, fmt.Errorf("unknown format %q: csv or jsonl", format)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", dir, err)
	}
	w := &Writer{format: format, Rows: map[string]int{}}
	for _, t := range All {
		f, err := os.Create(filepath.Join(dir, t.Name+"."+format))
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("cannot create table: %w", err)
		}
		b := bufio.NewWriter(f)
		w.files, w.bufs = append(w.files, f), append(w.bufs, b)
		if format == "csv" {
			c := csv.NewWriter(b)
			if err := c.Write(t.Columns); err != nil {
				w.Close()
				return nil, err
			}
			w.csv = append(w.csv, c)
		}
	}
	return w, nil
}

// Write adds a record's rows to every table.
func (w *Writer) Write(r *extract.JSONRecord) error {
	for i, t := range All {
		for _, row := range t.Rows(r) {
			var err error
			if w.format == "csv" {
				err = w.csv[i].Write(row)
			} else {
				obj := make(map[string]interface{}, len(row))
				for j, col := range t.Columns {
					obj[col] = jsonValue(col, row[j])
				}
				var line []byte
				if line, err = json.Marshal(obj); err == nil {
					line = append(line, '\n')
					_, err = w.bufs[i].Write(line)
				}
			}
			if err != nil {
				return fmt.Errorf("cannot write table %s: %w", t.Name, err)
			}
			w.Rows[t.Name]++
		}
	}
	return nil
}

// numericColumns are written as JSON numbers (null when empty).
var numericColumns = map[string]bool{
	"value": true, "start": true, "end": true, "article": true, "paragraph": true,
	"largest_fine_eur": true, "amounts": true, "injunctions": true, "injunction": true,
	"obligations": true, "obligation": true, "penalty": true, "sanction": true, "amount": true,
}

func jsonValue(col, v string) interface{} {
	if !numericColumns[col] {
		return v
	}
	if v == "" {
		return nil
	}
	return json.Number(v)
}

// Close flushes and closes every file, returning the first error.
func (w *Writer) Close() error {
	var first error
	keep := func(err error) {
		if first == nil && err != nil {
			first = err
		}
	}
	for i, f := range w.files {
		if w.csv != nil && i < len(w.csv) {
			w.csv[i].Flush()
			keep(w.csv[i].Error())
		}
		keep(w.bufs[i].Flush())
		keep(f.Close())
	}
	return first
}
