package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/veille/veille/cmd/veille/report"
	"github.com/veille/veille/extract"
	"github.com/veille/veille/index"
)

// searchCommand runs a full-text query with filters and prints the hits.
type searchCommand struct{ m *Main }

// searchHit is one line of search -json: the stored record, its score and snippet.
type searchHit struct {
	*extract.JSONRecord
	Score   float64 `json:"score"`
	Snippet string  `json:"snippet,omitempty"`
	// With -sanction, the article's sanctions that match every filter.
	Matching []extract.JSONSanction `json:"matching_sanctions,omitempty"`
}

func (c *searchCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.flagSet("search", "[-index DIR] [filters] [-sort relevance|date|amount] [-json|-csv] [QUERY]",
		`full-text search of the index, with filters, facets and sorting

QUERY looks in the title and the text, with French stemming: words (ANDed),
"phrases", AND/ET, OR/OU, NOT/SAUF (upper case), brackets, +required,
-excluded, prefix*, title: and text: (titre:, texte:). NOT binds tighter
than AND, AND than OR. Leave QUERY out to filter only; the filters combine
with AND. With -sanction KIND, the articles must report a sanction of that
kind (or of any kind), and -org (its target), -authority, -gdpr,
-min-amount, -max-amount, -since and -until (its decision date, else the
publication date) apply to that one sanction; each hit shows it. Exit
status 1 when nothing matches, 2 for a malformed query or a bad filter.`,
		"-sanction fine -min-amount 1000000 -gdpr 5-1-e -since 2022",
		"-gdpr 5-1-e -role fine -min-amount 1000000 -since 2022",
		`-sort amount -csv '"mise en demeure" OR sanction*' > hits.csv`,
		`"(CNIL OU amende) ET sanction* SAUF title:astreinte"`)
	indexDir := c.m.indexFlag(fs)
	var q index.Query
	fs.StringVar(&q.Sanction, "sanction", "", "sanction kind: "+strings.Join(index.SanctionKinds, ", ")+";\nthe other filters but -role and -lang then apply to that one sanction")
	fs.StringVar(&q.Org, "org", "", "organisation name or its first words (google finds Google LLC); with -sanction, the sanctioned party")
	fs.StringVar(&q.Authority, "authority", "", "authority (CNIL, \"Conseil d'État\", \"Autorité de la concurrence\", AMF, …); with -sanction, who pronounced it")
	fs.StringVar(&q.GDPR, "gdpr", "", "GDPR article: 5-1-e, 5.1.e or 15; 5 also finds 5-1-e; with -sanction, one the sanction is for")
	fs.StringVar(&q.Role, "role", "", "amount role: fine, penalty_payment, penalty_liquidation, ceiling, turnover, damages, other")
	fs.Float64Var(&q.MinAmount, "min-amount", 0, "at least one amount (of -role, if given; with -sanction, the sanction's) of at least this many euros")
	fs.Float64Var(&q.MaxAmount, "max-amount", 0, "at least one amount (of -role, if given; with -sanction, the sanction's) of at most this many euros")
	since := fs.String("since", "", "published on or after: YYYY, YYYY-MM or YYYY-MM-DD; with -sanction, decided on or after\n(the publication date when the decision's is not written)")
	until := fs.String("until", "", "published on or before: YYYY, YYYY-MM or YYYY-MM-DD; with -sanction, decided on or before")
	fs.StringVar(&q.Lang, "lang", "", "language of the article (fr)")
	fs.BoolVar(&q.Facets, "facets", false, "print counts by authority, organisation, GDPR ref, role, sanction kind, year and fine band")
	fs.StringVar(&q.Sort, "sort", "", "order of the hits: relevance, date (newest first) or amount (largest fine, or of -role, first;\nwith -sanction, the largest amount of the matching sanctions); default relevance with a query, date without")
	fs.BoolVar(&q.Reverse, "reverse", false, "reverse the order (oldest, smallest or least relevant first); undated articles and those without an amount stay last")
	fs.IntVar(&q.Limit, "limit", 10, "hits to print")
	fs.IntVar(&q.Offset, "offset", 0, "hits to skip")
	asJSON := fs.Bool("json", false, "print each hit's record as a JSON line")
	asCSV := fs.Bool("csv", false, "print one CSV row per hit: "+strings.Join(csvHeader, ","))
	if err := parse(fs, args); err != nil {
		return err
	}
	q.Text = strings.Join(fs.Args(), " ")
	if *asJSON && *asCSV {
		return fmt.Errorf("%w: -json or -csv, not both", errUsage)
	}
	if q.Limit < 0 || q.Offset < 0 {
		return fmt.Errorf("%w: -limit and -offset cannot be negative", errUsage)
	}
	var err error
	if q.Since, err = dateFlag("since", *since); err != nil {
		return err
	}
	if q.Until, err = dateFlag("until", *until); err != nil {
		return err
	}
	if !*asJSON && !*asCSV && isTerminal(c.m.Stdout) {
		q.Highlight = "ansi"
	}
	ix, err := index.Open(c.m.indexPath(*indexDir), false, index.Options{})
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(q)
	if err != nil {
		return err
	}
	switch {
	case *asJSON:
		err = c.printJSON(ix, res)
	case *asCSV:
		err = c.printCSV(res)
	default:
		c.printTable(res, q)
	}
	if err != nil {
		return err
	}
	if res.Total == 0 {
		return errNoMatch
	}
	return nil
}

func (c *searchCommand) printJSON(ix *index.Index, res *index.Result) error {
	enc := json.NewEncoder(c.m.Stdout)
	enc.SetEscapeHTML(false)
	for _, h := range res.Hits {
		rec, err := ix.Get(h.ID)
		if err != nil {
			return err
		}
		if err := enc.Encode(searchHit{JSONRecord: rec, Score: h.Score, Snippet: h.Snippet, Matching: h.Sanctions}); err != nil {
			return err
		}
	}
	return nil
}

// csvHeader names the columns of search -csv.
var csvHeader = []string{"id", "date", "title", "authority", "largest_fine_eur", "gdpr_refs", "source", "url"}

// printCSV writes the header and one row per hit: the authorities joined by
// "; ", the GDPR refs by spaces (as in export's documents.csv), the largest
// fine in euros as a plain number, empty cells for what is unknown.
func (c *searchCommand) printCSV(res *index.Result) error {
	w := csv.NewWriter(c.m.Stdout)
	w.Write(csvHeader)
	for _, h := range res.Hits {
		fine := ""
		if h.MaxFine > 0 {
			fine = strconv.FormatFloat(h.MaxFine, 'f', -1, 64)
		}
		w.Write([]string{h.ID, h.Date, h.Title, strings.Join(h.Authorities, "; "), fine, strings.Join(h.GDPR, " "), h.Source, h.URL})
	}
	w.Flush()
	return w.Error()
}

func (c *searchCommand) printTable(res *index.Result, q index.Query) {
	out := c.m.Stdout
	fmt.Fprintf(out, "%d match%s\n", res.Total, plural(int(res.Total), "es"))
	if len(res.Hits) > 0 {
		fmt.Fprintln(out)
	}
	for i, h := range res.Hits {
		date, title := h.Date, h.Title
		if date == "" {
			date = "(no date)"
		}
		if title == "" {
			title = "(no title)"
		}
		fmt.Fprintf(out, "%d. %s  %s  %s\n", q.Offset+i+1, h.ID, date, title)
		var facts []string
		if q.Role != "" && q.Role != "fine" && h.RoleMax > 0 {
			facts = append(facts, q.Role+" "+report.Euros(h.RoleMax))
		}
		if h.MaxFine > 0 {
			facts = append(facts, "fine "+report.Euros(h.MaxFine))
		}
		if len(h.GDPR) > 0 {
			facts = append(facts, "GDPR "+strings.Join(h.GDPR, ", "))
		}
		facts = append(facts, h.Source)
		fmt.Fprintf(out, "   %s\n", strings.Join(facts, " · "))
		for _, s := range h.Sanctions {
			fmt.Fprintf(out, "   %s\n", sanctionLine(s))
		}
		if h.Snippet != "" {
			fmt.Fprintf(out, "   %s\n", plainSnippet(h.Snippet, q.Highlight))
		}
	}
	if len(res.Facets) > 0 {
		fmt.Fprintln(out)
		tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
		for _, f := range res.Facets {
			if len(f.Terms) == 0 {
				continue
			}
			fmt.Fprintf(tw, "%s\t", f.Name)
			for i, t := range f.Terms {
				if i > 0 {
					fmt.Fprint(tw, "\t")
				}
				fmt.Fprintf(tw, "%s\t%d\n", t.Term, t.Count)
			}
		}
		tw.Flush()
	}
}

// sanctionLine writes a sanction on one line:
// "fine CNIL → Kaspr 240 000 € (2024-12-05) GDPR 5-1-e, 15".
func sanctionLine(s extract.JSONSanction) string {
	var b strings.Builder
	b.WriteString(s.Kind)
	if s.Authority != nil {
		b.WriteString(" " + *s.Authority)
	}
	b.WriteString(" → " + s.Target)
	if s.Amount != nil {
		cur := "€"
		if s.Currency != nil && *s.Currency != "EUR" {
			cur = *s.Currency
		}
		b.WriteString(" " + report.Thousands(*s.Amount) + " " + cur)
	}
	if s.Date != nil {
		b.WriteString(" (" + *s.Date + ")")
	}
	if len(s.GDPRRefs) > 0 {
		b.WriteString(" GDPR " + strings.Join(s.GDPRRefs, ", "))
	}
	return b.String()
}

// plainSnippet turns an HTML snippet into text, the matches between ** **;
// an ANSI snippet is printed as it is.
func plainSnippet(s, style string) string {
	if style == "ansi" {
		return s
	}
	return html.UnescapeString(strings.NewReplacer("<mark>", "**", "</mark>", "**").Replace(s))
}

// dateFlag parses a -since/-until value.
func dateFlag(name, value string) (extract.CivilDate, error) {
	if value == "" {
		return extract.CivilDate{}, nil
	}
	d, err := extract.ParseCivilDate(value)
	if err != nil {
		return d, fmt.Errorf("%w: -%s %q: write YYYY, YYYY-MM or YYYY-MM-DD", errUsage, name, value)
	}
	return d, nil
}

func plural(n int, suffix string) string {
	if n == 1 {
		return ""
	}
	return suffix
}

// isTerminal reports whether w is a terminal, to decide on colours
// (/dev/null is a character device too, but no terminal).
func isTerminal(w interface{}) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
