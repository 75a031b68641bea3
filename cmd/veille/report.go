package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/veille/veille/cmd/veille/report"
	"github.com/veille/veille/extract"
	"github.com/veille/veille/index"
)

// reportCommand writes the aggregates and the sanctions table as one HTML page.
type reportCommand struct{ m *Main }

func (c *reportCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.flagSet("report", "[-index DIR] [-top N] [-limit N] -out FILE.html",
		`one self-contained web page of the corpus aggregates

The charts of stats as SVG, and the table of the sanctions (or, for an
article whose sanctions were not extracted, of its largest fine), largest
first, sorted by a click on a column's title or by #sort=KEY in the
address (date, authority, target, kind, amount, gdpr, title, source; -KEY
the other way). Style and script are inline: the page loads nothing.`,
		"-out report.html",
		"-top 5 -limit 100 -out report.html")
	indexDir := c.m.indexFlag(fs)
	out := fs.String("out", "", "the HTML file to write")
	top := fs.Int("top", 10, "bars of the GDPR and organisation charts")
	limit := fs.Int("limit", 1000, "articles in the table at most, the largest fines first; 0 for all")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: report needs -out FILE.html and no other argument", errUsage)
	}
	if *limit < 0 || *top < 1 {
		return fmt.Errorf("%w: -limit must be 0 or more and -top 1 or more", errUsage)
	}
	path := c.m.indexPath(*indexDir)
	ix, err := index.Open(path, false, index.Options{})
	if err != nil {
		return err
	}
	defer ix.Close()
	st, err := ix.Stats(index.StatsOptions{Top: *top})
	if err != nil {
		return err
	}
	articles, total, err := ix.Sanctioned(*limit)
	if err != nil {
		return err
	}
	p := report.Page{Index: path, Stats: st, Listed: len(articles), Articles: int(total)}
	for _, a := range articles {
		p.Rows = append(p.Rows, reportRows(a)...)
	}
	// Articles come largest fine first; their sanctions are put in order too.
	sort.SliceStable(p.Rows, func(i, j int) bool { return p.Rows[i].Amount > p.Rows[j].Amount })
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("cannot write the report: %w", err)
	}
	w := bufio.NewWriter(f)
	err = report.Write(w, p)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	c.m.logf("wrote %s: %d articles, %d sanctions in %d groups, %d table rows", *out, st.Articles, st.Sanctions, len(st.Groups), len(p.Rows))
	return nil
}

// reportRows are the table rows of an article: one per sanction when its
// sanctions were extracted, else one for its largest fine.
func reportRows(a index.SanctionedArticle) []report.Row {
	r := a.Record
	base := report.Row{Title: r.Title, Source: r.Source, SourcePath: localPath(r.Source)}
	if r.URL != nil {
		base.URL = *r.URL
	}
	if base.Title == "" {
		base.Title = r.ID
	}
	var rows []report.Row
	for _, s := range r.Sanctions {
		row := base
		row.Target, row.Kind, row.GDPR = s.Target, s.Kind, s.GDPRRefs
		if s.Authority != nil {
			row.Authority = *s.Authority
		}
		if s.Amount != nil && (s.Currency == nil || *s.Currency == "EUR") {
			row.Amount = *s.Amount
		}
		if s.Date != nil {
			row.Date = *s.Date
		} else if r.Published != nil {
			row.Date = *r.Published
		}
		rows = append(rows, row)
	}
	if len(rows) > 0 || a.MaxFine == 0 {
		return rows
	}
	row := base
	row.Authority, row.Kind, row.Amount = a.Authority, string(extract.SanctionFine), a.MaxFine
	if r.Published != nil {
		row.Date = *r.Published
	}
	var orgs []string
	seen := map[string]bool{}
	for _, e := range r.Entities {
		if e.Type == string(extract.Org) && !seen[e.Name] {
			seen[e.Name] = true
			orgs = append(orgs, e.Name)
		}
	}
	if len(orgs) > 6 { // the first named are the likeliest sanctioned
		orgs = append(orgs[:6], "…")
	}
	row.Target = strings.Join(orgs, ", ")
	seen = map[string]bool{}
	for _, g := range r.GDPRRefs {
		if !seen[g.Ref] {
			seen[g.Ref] = true
			row.GDPR = append(row.GDPR, g.Ref)
		}
	}
	return []report.Row{row}
}

// localPath is the absolute path of the file a source names, without the
// #record of a dump, when that file is there; else "".
func localPath(source string) string {
	file, _, _ := strings.Cut(source, "#")
	if file == "" || file == "-" {
		return ""
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return ""
	}
	if _, err := os.Stat(abs); err != nil {
		return ""
	}
	return abs
}
