// Package tables turns records into tidy tables, one row per fact, for
// pandas, R or a spreadsheet: documents, amounts, legal_refs, injunctions,
// obligations, sanctions, entities and dates. Every fact table starts with doc_id, the
// key of the documents table.
package tables

import (
	"strconv"
	"strings"

	"github.com/veille/veille/extract"
)

// A Table is a named set of columns and a function giving a record's rows.
type Table struct {
	Name    string
	Columns []string
	Rows    func(r *extract.JSONRecord) [][]string
}

// All lists the tables, in the order they are written.
var All = []Table{
	{"documents", []string{"doc_id", "source", "url", "title", "published", "lang", "largest_fine_eur", "amounts", "gdpr_refs", "injunctions"}, documents},
	{"amounts", []string{"doc_id", "value", "currency", "per", "role", "text", "start", "end"}, amounts},
	{"legal_refs", []string{"doc_id", "law", "ref", "article", "paragraph", "point", "text", "start", "end"}, legalRefs},
	{"injunctions", []string{"doc_id", "injunction", "authority", "target", "kind", "status", "obligations", "deadline", "deadline_duration", "deadline_date", "penalty", "penalty_currency", "penalty_per", "start", "end"}, injunctions},
	{"obligations", []string{"doc_id", "injunction", "obligation", "text", "start", "end"}, obligations},
	{"sanctions", []string{"doc_id", "sanction", "authority", "target", "kind", "amount", "currency", "date", "gdpr_refs", "text", "start", "end"}, sanctions},
	{"entities", []string{"doc_id", "type", "name", "text", "start", "end"}, entities},
	{"dates", []string{"doc_id", "date", "text", "start", "end"}, dates},
}

// GDPR is the law name of GDPR rows in the legal_refs table.
const GDPR = "RGPD"

func documents(r *extract.JSONRecord) [][]string {
	fine := ""
	if v, ok := r.LargestFine(); ok && v > 0 {
		fine = num(v)
	}
	refs := make([]string, 0, len(r.GDPRRefs))
	seen := map[string]bool{}
	for _, g := range r.GDPRRefs {
		if !seen[g.Ref] {
			seen[g.Ref] = true
			refs = append(refs, g.Ref)
		}
	}
	return [][]string{{r.ID, r.Source, str(r.URL), r.Title, str(r.Published), r.Lang, fine,
		strconv.Itoa(len(r.Amounts)), strings.Join(refs, " "), strconv.Itoa(len(r.Injunctions))}}
}

func amounts(r *extract.JSONRecord) [][]string {
	rows := make([][]string, 0, len(r.Amounts))
	for _, a := range r.Amounts {
		rows = append(rows, []string{r.ID, num(a.Value), a.Currency, str(a.Per), a.Role, a.Text, itoa(a.Start), itoa(a.End)})
	}
	return rows
}

func legalRefs(r *extract.JSONRecord) [][]string {
	rows := make([][]string, 0, len(r.GDPRRefs)+len(r.LawRefs))
	for _, g := range r.GDPRRefs {
		para := ""
		if g.Paragraph != nil {
			para = itoa(*g.Paragraph)
		}
		rows = append(rows, []string{r.ID, GDPR, g.Ref, itoa(g.Article), para, str(g.Point), g.Text, itoa(g.Start), itoa(g.End)})
	}
	for _, l := range r.LawRefs {
		rows = append(rows, []string{r.ID, l.Law, l.Ref, "", "", "", l.Text, itoa(l.Start), itoa(l.End)})
	}
	return rows
}

func injunctions(r *extract.JSONRecord) [][]string {
	rows := make([][]string, 0, len(r.Injunctions))
	for i, in := range r.Injunctions {
		var dl, dur, date, pen, cur, per string
		if d := in.Deadline; d != nil {
			dl, dur, date = d.Text, str(d.Duration), str(d.Date)
		}
		if p := in.Penalty; p != nil {
			pen, cur, per = num(p.Value), p.Currency, str(p.Per)
		}
		rows = append(rows, []string{r.ID, itoa(i + 1), in.Authority, in.Target, str(in.Kind), str(in.Status), itoa(len(in.Obligations)),
			dl, dur, date, pen, cur, per, itoa(in.Start), itoa(in.End)})
	}
	return rows
}

func obligations(r *extract.JSONRecord) [][]string {
	var rows [][]string
	for i, in := range r.Injunctions {
		for j, o := range in.Obligations {
			rows = append(rows, []string{r.ID, itoa(i + 1), itoa(j + 1), o.Text, itoa(o.Start), itoa(o.End)})
		}
	}
	return rows
}

// sanctions gives one row per sanction: its rank in the article, who
// pronounced it (empty when unknown) against whom, its kind, its amount in
// its currency (empty for a non-pecuniary one), its decision date as
// written, and the GDPR refs it is for, separated by spaces.
func sanctions(r *extract.JSONRecord) [][]string {
	rows := make([][]string, 0, len(r.Sanctions))
	for i, s := range r.Sanctions {
		amount := ""
		if s.Amount != nil {
			amount = num(*s.Amount)
		}
		rows = append(rows, []string{r.ID, itoa(i + 1), str(s.Authority), s.Target, s.Kind, amount, str(s.Currency),
			str(s.Date), strings.Join(s.GDPRRefs, " "), s.Text, itoa(s.Start), itoa(s.End)})
	}
	return rows
}

func entities(r *extract.JSONRecord) [][]string {
	rows := make([][]string, 0, len(r.Entities))
	for _, e := range r.Entities {
		rows = append(rows, []string{r.ID, e.Type, e.Name, e.Text, itoa(e.Start), itoa(e.End)})
	}
	return rows
}

func dates(r *extract.JSONRecord) [][]string {
	rows := make([][]string, 0, len(r.Dates))
	for _, d := range r.Dates {
		rows = append(rows, []string{r.ID, d.Value, d.Text, itoa(d.Start), itoa(d.End)})
	}
	return rows
}

func itoa(n int) string { return strconv.Itoa(n) }

// num writes a euro value without exponent or trailing zeros: 5200000, 12.5.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
