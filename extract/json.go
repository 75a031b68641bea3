package extract

import "unicode/utf8"

// JSONRecord is one article as SPEC.md writes it (extract, show --json,
// search --json): offsets count code points, money is in major units.
type JSONRecord struct {
	ID             string           `json:"id"`
	Source         string           `json:"source"`
	URL            *string          `json:"url"`
	Title          string           `json:"title"`
	Published      *string          `json:"published"`
	Lang           string           `json:"lang"`
	LangConfidence float64          `json:"lang_confidence"`
	Skipped        *string          `json:"skipped"`
	Error          string           `json:"error,omitempty"`
	DuplicateOf    *string          `json:"duplicate_of"`
	Similarity     float64          `json:"similarity,omitempty"`
	Text           string           `json:"text"`
	Amounts        []JSONAmount     `json:"amounts"`
	GDPRRefs       []JSONGDPRRef    `json:"gdpr_refs"`
	LawRefs        []JSONLawRef     `json:"law_refs"`
	Injunctions    []JSONInjunction `json:"injunctions"`
	Sanctions      []JSONSanction   `json:"sanctions"`
	Entities       []JSONEntity     `json:"entities"`
	Dates          []JSONDate       `json:"dates"`
}

// JSONAmount is an Amount in the output.
type JSONAmount struct {
	Text     string  `json:"text"`
	Value    float64 `json:"value"`
	Currency string  `json:"currency"`
	Per      *string `json:"per"`
	Role     string  `json:"role"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
}

// JSONGDPRRef is a GDPRRef in the output.
type JSONGDPRRef struct {
	Text      string  `json:"text"`
	Ref       string  `json:"ref"`
	Article   int     `json:"article"`
	Paragraph *int    `json:"paragraph"`
	Point     *string `json:"point"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
}

// JSONLawRef is a LawRef in the output.
type JSONLawRef struct {
	Text  string `json:"text"`
	Law   string `json:"law"`
	Ref   string `json:"ref"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// JSONClause is a Clause in the output.
type JSONClause struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// JSONDeadline is a Deadline in the output.
type JSONDeadline struct {
	Text     string  `json:"text"`
	Duration *string `json:"duration"`
	Date     *string `json:"date"`
}

// JSONPenalty is a Penalty in the output.
type JSONPenalty struct {
	Value    float64 `json:"value"`
	Currency string  `json:"currency"`
	Per      *string `json:"per"`
}

// JSONInjunction is an Injunction in the output.
type JSONInjunction struct {
	Authority   string        `json:"authority"`
	Target      string        `json:"target"`
	Kind        *string       `json:"kind"`
	Status      *string       `json:"status"`
	Obligations []JSONClause  `json:"obligations"`
	Deadline    *JSONDeadline `json:"deadline"`
	Penalty     *JSONPenalty  `json:"penalty"`
	Start       int           `json:"start"`
	End         int           `json:"end"`
}

// JSONSanction is a Sanction in the output.
type JSONSanction struct {
	Authority *string  `json:"authority"`
	Target    string   `json:"target"`
	Kind      string   `json:"kind"`
	Amount    *float64 `json:"amount"`
	Currency  *string  `json:"currency"`
	Date      *string  `json:"date"`
	GDPRRefs  []string `json:"gdpr_refs"`
	Text      string   `json:"text"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
}

// JSONEntity is an Entity in the output.
type JSONEntity struct {
	Type  string `json:"type"`
	Name  string `json:"name"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// JSONDate is a Date in the output.
type JSONDate struct {
	Text  string `json:"text"`
	Value string `json:"value"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// JSON converts the record to its output form, turning byte offsets into
// code-point offsets and minor units into major units.
func (r *Record) JSON() JSONRecord {
	cp := newCodePoints(r.Text)
	out := JSONRecord{
		ID: r.ID, Source: r.Source, URL: optional(r.URL), Title: r.Title,
		Published: optional(r.Published.String()), Lang: r.Lang, LangConfidence: r.LangConfidence,
		Skipped: optional(string(r.Skipped)), Error: r.Error, DuplicateOf: optional(r.DuplicateOf), Similarity: r.Similarity,
		Text:    r.Text,
		Amounts: []JSONAmount{}, GDPRRefs: []JSONGDPRRef{}, LawRefs: []JSONLawRef{},
		Injunctions: []JSONInjunction{}, Sanctions: []JSONSanction{}, Entities: []JSONEntity{}, Dates: []JSONDate{},
	}
	for _, a := range r.Amounts {
		out.Amounts = append(out.Amounts, JSONAmount{Text: a.Text, Value: a.Value(), Currency: a.Currency,
			Per: optional(string(a.Per)), Role: string(a.Role), Start: cp.at(a.Start), End: cp.at(a.End)})
	}
	for _, g := range r.GDPRRefs {
		j := JSONGDPRRef{Text: g.Text, Ref: g.Ref(), Article: g.Article, Point: optional(g.Point),
			Start: cp.at(g.Start), End: cp.at(g.End)}
		if g.Paragraph > 0 {
			p := g.Paragraph
			j.Paragraph = &p
		}
		out.GDPRRefs = append(out.GDPRRefs, j)
	}
	for _, l := range r.LawRefs {
		out.LawRefs = append(out.LawRefs, JSONLawRef{Text: l.Text, Law: l.Law, Ref: l.Ref, Start: cp.at(l.Start), End: cp.at(l.End)})
	}
	for _, in := range r.Injunctions {
		j := JSONInjunction{Authority: in.Authority, Target: in.Target, Kind: optional(string(in.Kind)), Status: optional(string(in.Status)), Obligations: []JSONClause{},
			Start: cp.at(in.Start), End: cp.at(in.End)}
		for _, o := range in.Obligations {
			j.Obligations = append(j.Obligations, JSONClause{Text: o.Text, Start: cp.at(o.Start), End: cp.at(o.End)})
		}
		if d := in.Deadline; d != nil {
			j.Deadline = &JSONDeadline{Text: d.Text, Duration: optional(d.Duration), Date: optional(d.Date.String())}
		}
		if p := in.Penalty; p != nil {
			j.Penalty = &JSONPenalty{Value: float64(p.Minor) / 100, Currency: p.Currency, Per: optional(string(p.Per))}
		}
		out.Injunctions = append(out.Injunctions, j)
	}
	for _, s := range r.Sanctions {
		j := JSONSanction{Authority: optional(s.Authority), Target: s.Target, Kind: string(s.Kind),
			Date: optional(s.Date.String()), GDPRRefs: append([]string{}, s.GDPR...), Text: s.Text,
			Start: cp.at(s.Start), End: cp.at(s.End)}
		if a := s.Amount; a != nil {
			v := a.Value()
			j.Amount, j.Currency = &v, &a.Currency
		}
		out.Sanctions = append(out.Sanctions, j)
	}
	for _, e := range r.Entities {
		out.Entities = append(out.Entities, JSONEntity{Type: string(e.Type), Name: e.Name, Text: e.Text, Start: cp.at(e.Start), End: cp.at(e.End)})
	}
	for _, d := range r.Dates {
		out.Dates = append(out.Dates, JSONDate{Text: d.Text, Value: d.Value.String(), Start: cp.at(d.Start), End: cp.at(d.End)})
	}
	return out
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// codePoints maps byte offsets of a text to code-point offsets.
type codePoints struct {
	text  string
	ascii bool
	index []int32 // index[b] = code points before byte b, built only for non-ASCII text
}

func newCodePoints(text string) codePoints {
	cp := codePoints{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			cp.ascii = false
			break
		}
	}
	if cp.ascii {
		return cp
	}
	cp.index = make([]int32, len(text)+1)
	var n int32 // rune starts strictly before byte i
	for i := 0; i < len(text); i++ {
		cp.index[i] = n
		if utf8.RuneStart(text[i]) {
			n++
		}
	}
	cp.index[len(text)] = n
	return cp
}

func (c codePoints) at(b int) int {
	if c.ascii {
		return b
	}
	return int(c.index[b])
}
