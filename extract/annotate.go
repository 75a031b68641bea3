package extract

// Annotate writes an article's text with its facts marked inline, for a
// person to review what a change of rules changes:
//
//	la CNIL a infligé une [[amount fine EUR 15000000|150 000 euros]] à
//	[[org Kaspr|KASPR]] pour avoir méconnu l'[[gdpr 5-1-e|article 5-1-e du RGPD]]
//
// Marks nest (a date inside a law's title); a mark that crosses another is
// listed after the text, as are the injunctions and sanctions, which span
// whole sentences, each as its String().

import (
	"fmt"
	"sort"
	"strings"
)

// A mark is one fact to write inline.
type mark struct {
	Span
	label string
}

// Annotate returns the record's text with its facts marked inline, then the
// facts that could not be (crossing marks, injunctions, sanctions).
func (r *Record) Annotate() string {
	var marks []mark
	for _, a := range r.Amounts {
		label := fmt.Sprintf("amount %s %s %s", a.Role, a.Currency, decimal{a.Minor, 2})
		if a.Per != PerNone {
			label += "/" + string(a.Per)
		}
		marks = append(marks, mark{a.Span, label})
	}
	for _, g := range r.GDPRRefs {
		marks = append(marks, mark{g.Span, "gdpr " + g.Ref()})
	}
	for _, l := range r.LawRefs {
		marks = append(marks, mark{l.Span, "law " + l.Law + " " + l.Ref})
	}
	for _, e := range r.Entities {
		marks = append(marks, mark{e.Span, strings.ToLower(string(e.Type)) + " " + e.Name})
	}
	for _, d := range r.Dates {
		marks = append(marks, mark{d.Span, "date " + d.Value.String()})
	}
	// Outer marks first: by start, then the longest.
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].Start != marks[j].Start {
			return marks[i].Start < marks[j].Start
		}
		return marks[i].End > marks[j].End
	})
	var b, crossing strings.Builder
	var open []mark // the marks open at pos, innermost last
	pos := 0
	closeUntil := func(i int) {
		for len(open) > 0 && open[len(open)-1].End <= i {
			m := open[len(open)-1]
			b.WriteString(r.Text[pos:m.End] + "]]")
			pos = m.End
			open = open[:len(open)-1]
		}
	}
	for _, m := range marks {
		closeUntil(m.Start)
		if len(open) > 0 && m.End > open[len(open)-1].End {
			fmt.Fprintf(&crossing, "crossing [%d:%d] %s|%s\n", m.Start, m.End, m.label, r.Text[m.Start:m.End])
			continue
		}
		b.WriteString(r.Text[pos:m.Start] + "[[" + m.label + "|")
		pos = m.Start
		open = append(open, m)
	}
	closeUntil(len(r.Text))
	b.WriteString(r.Text[pos:])
	b.WriteString("\n")
	b.WriteString(crossing.String())
	for _, in := range r.Injunctions {
		b.WriteString(in.String() + "\n")
	}
	for _, s := range r.Sanctions {
		b.WriteString(s.String() + "\n")
	}
	return b.String()
}
