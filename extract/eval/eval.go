// Package eval scores extracted records against a gold file: precision,
// recall and F1 per fact family, micro-averaged over documents, plus the
// accuracy of language, publication date and duplicate detection.
//
// The gold format is that of the shared evaluation corpora: one JSON object
// per document, matched to a record by the file name of its source and, for a
// record inside a dump, its id. Facts are compared as sets per document.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/veille/veille/extract"
)

// Gold is one annotated document.
type Gold struct {
	File        string              `json:"file"`
	ID          *json.RawMessage    `json:"id"`
	Lang        string              `json:"lang"`
	Published   *string             `json:"published"`
	Amounts     []GoldAmount        `json:"amounts"`
	GDPRRefs    []string            `json:"gdpr_refs"`
	LawRefs     []GoldLawRef        `json:"other_law_refs"`
	Injunctions []GoldInjunction    `json:"injunctions"`
	Sanctions   *[]GoldSanction     `json:"sanctions"` // nil: the line is not scored on sanctions
	Orgs        []string            `json:"orgs"`
	Dates       []string            `json:"dates"`
	DuplicateOf *string             `json:"duplicate_of"`
	OrgAliases  map[string][]string `json:"org_aliases"`
}

// GoldAmount is an annotated amount in euros.
type GoldAmount struct {
	Value float64 `json:"value"`
	Per   *string `json:"per"`
	Role  string  `json:"role"`
}

// GoldLawRef is an annotated reference to a text other than the GDPR.
type GoldLawRef struct {
	Law string `json:"law"`
	Ref string `json:"ref"`
}

// GoldInjunction is an annotated injunction.
type GoldInjunction struct {
	Authority     string   `json:"authority"`
	Target        string   `json:"target"`
	Kind          string   `json:"kind"`
	Status        string   `json:"status"`
	Obligations   int      `json:"obligations"`
	Deadline      *string  `json:"deadline"`
	DeadlineDate  *string  `json:"deadline_date"`
	PenaltyPerDay *float64 `json:"penalty_per_day"`
}

// GoldSanction is an annotated sanction.
type GoldSanction struct {
	Authority *string  `json:"authority"`
	Target    string   `json:"target"`
	Kind      string   `json:"kind"`
	Amount    *float64 `json:"amount"`
	Currency  *string  `json:"currency"`
	Date      *string  `json:"date"`
	GDPRRefs  []string `json:"gdpr_refs"`
}

// ReadGold reads a gold file, one document per line.
func ReadGold(r io.Reader) ([]Gold, error) {
	var out []Gold
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var g Gold
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			return nil, fmt.Errorf("gold line %d: %w", n, err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// Key names a gold document the way records are found: file name and record id.
func (g Gold) Key() string {
	k := path.Base(g.File)
	if g.ID != nil {
		var id interface{}
		if json.Unmarshal(*g.ID, &id) == nil && id != nil {
			k += "#" + fmt.Sprint(id)
		}
	}
	return k
}

// Counts are the true positives, false positives and false negatives of a metric.
type Counts struct{ TP, FP, FN int }

// PRF returns precision, recall and F1 (1 when there is nothing to find or find).
func (c Counts) PRF() (p, r, f float64) {
	p, r = 1, 1
	if c.TP+c.FP > 0 {
		p = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		r = float64(c.TP) / float64(c.TP+c.FN)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func (c *Counts) add(gold, pred []string) {
	g, p := set(gold), set(pred)
	for k := range p {
		if g[k] {
			c.TP++
		} else {
			c.FP++
		}
	}
	for k := range g {
		if !p[k] {
			c.FN++
		}
	}
}

// A Ratio is how many of a number of checks succeeded.
type Ratio struct{ OK, All int }

// Value is the share of checks that succeeded (1 when there were none).
func (r Ratio) Value() float64 {
	if r.All == 0 {
		return 1
	}
	return float64(r.OK) / float64(r.All)
}

// Metrics are the fact-family metrics, in report order.
var Metrics = []string{"amounts", "amounts_role", "gdpr", "law_refs", "orgs", "dates", "injunctions", "sanctions"}

// A Report is the outcome of scoring records against a gold file.
type Report struct {
	Counts           map[string]*Counts
	InjunctionFields Ratio
	InjunctionKind   Ratio
	SanctionFields   Ratio
	Lang             Ratio
	Published        Ratio
	Duplicates       Ratio
	MissingDocs      int
	// Misses lists, per document, what was missed or added (for -v).
	Misses []string
}

// Score compares records with the gold documents.
func Score(gold []Gold, records []extract.JSONRecord) *Report {
	byKey := map[string]*extract.JSONRecord{}
	for i := range records {
		r := &records[i]
		base, frag, _ := strings.Cut(r.Source, "#")
		name := path.Base(base)
		if _, ok := byKey[name]; !ok {
			byKey[name] = r
		}
		for _, k := range []string{frag, r.ID} {
			if k != "" {
				byKey[name+"#"+k] = r
			}
		}
	}
	rep := &Report{Counts: map[string]*Counts{}}
	for _, m := range Metrics {
		rep.Counts[m] = &Counts{}
	}
	for _, g := range gold {
		r := byKey[g.Key()]
		if r == nil {
			rep.MissingDocs++
			r = &extract.JSONRecord{}
		}
		rep.Lang.All++
		if r.Lang == g.Lang {
			rep.Lang.OK++
		}
		if g.Lang != "fr" {
			continue
		}
		if g.DuplicateOf != nil && *g.DuplicateOf != "" {
			rep.Duplicates.All++
			if r.Skipped != nil && *r.Skipped == string(extract.SkipDuplicate) {
				rep.Duplicates.OK++
			}
			continue
		}
		if g.Published != nil && *g.Published != "" {
			rep.Published.All++
			if r.Published != nil && *r.Published == *g.Published {
				rep.Published.OK++
			}
		}
		rep.scoreDoc(g, r)
	}
	return rep
}

func (rep *Report) scoreDoc(g Gold, r *extract.JSONRecord) {
	var misses []string
	add := func(metric string, gold, pred []string) {
		rep.Counts[metric].add(gold, pred)
		if missed, extra := diff(gold, pred); len(missed)+len(extra) > 0 {
			misses = append(misses, fmt.Sprintf("  %s: missed %v extra %v", metric, missed, extra))
		}
	}
	var ga, gar, pa, par []string
	for _, a := range g.Amounts {
		ga = append(ga, amountKey(a.Value, a.Per, ""))
		gar = append(gar, amountKey(a.Value, a.Per, a.Role))
	}
	for _, a := range r.Amounts {
		if a.Currency == "EUR" {
			pa = append(pa, amountKey(a.Value, a.Per, ""))
			par = append(par, amountKey(a.Value, a.Per, a.Role))
		}
	}
	add("amounts", ga, pa)
	add("amounts_role", gar, par)

	var pg []string
	for _, x := range r.GDPRRefs {
		pg = append(pg, x.Ref)
	}
	add("gdpr", g.GDPRRefs, pg)

	var gl, pl []string
	for _, x := range g.LawRefs {
		gl = append(gl, lawKey(x.Ref))
	}
	for _, x := range r.LawRefs {
		pl = append(pl, lawKey(x.Ref))
	}
	add("law_refs", gl, pl)

	canon := g.canon()
	var gor, por []string
	for _, o := range g.Orgs {
		gor = append(gor, OrgKey(o))
	}
	for _, e := range r.Entities {
		if e.Type == string(extract.Org) || e.Type == string(extract.Authority) {
			por = append(por, canon(e.Name))
		}
	}
	add("orgs", gor, por)

	var pd []string
	for _, d := range r.Dates {
		pd = append(pd, d.Value)
	}
	add("dates", g.Dates, pd)

	rep.scoreInjunctions(scoredInjunctions(g.Injunctions, func(i GoldInjunction) string { return i.Status }),
		scoredInjunctions(r.Injunctions, func(i extract.JSONInjunction) string { return str(i.Status) }), canon, &misses)
	if g.Sanctions != nil {
		rep.scoreSanctions(*g.Sanctions, r.Sanctions, canon, &misses)
	}
	if len(misses) > 0 {
		name := g.Key()
		rep.Misses = append(rep.Misses, name+"\n"+strings.Join(misses, "\n"))
	}
}

// canon is the key under which the line compares organisation names: OrgKey,
// then the line's org_aliases.
func (g Gold) canon() func(string) string {
	alias := map[string]string{}
	for name, others := range g.OrgAliases {
		for _, o := range others {
			alias[OrgKey(o)] = OrgKey(name)
		}
	}
	return func(name string) string {
		k := OrgKey(name)
		if a, ok := alias[k]; ok {
			return a
		}
		return k
	}
}

// scoredInjunctions keeps the injunctions that were given: with no status,
// or ordered, or past. Requested, rejected and hypothetical ones are not
// scored as injunctions.
func scoredInjunctions[T any](all []T, status func(T) string) []T {
	var out []T
	for _, in := range all {
		switch status(in) {
		case "", string(extract.StatusOrdered), string(extract.StatusPast):
			out = append(out, in)
		}
	}
	return out
}

// sameTarget reports whether two canonical names are the same party: equal,
// or one containing the other.
func sameTarget(gk, pk string) bool {
	return pk == gk || gk != "" && pk != "" && (strings.Contains(pk, gk) || strings.Contains(gk, pk))
}

// pair pairs, in gold order, each gold fact with the predicted one left of
// the same party (match) whose fields agree most (score); a gold fact that
// matches none and for which orFirst is true takes the first one left. It
// returns the index paired with each gold fact (-1 for none) and how many
// predicted facts are left over. These are score.py's pairing rules.
func pair[G, P any](gold []G, pred []P, match func(G, P) bool, score func(G, P) int, orFirst func(G) bool) ([]int, int) {
	used := make([]bool, len(pred))
	out := make([]int, len(gold))
	left := len(pred)
	for i, g := range gold {
		best, bestScore := -1, -1
		for j, p := range pred {
			if !used[j] && match(g, p) {
				if s := score(g, p); s > bestScore {
					best, bestScore = j, s
				}
			}
		}
		if best < 0 && orFirst(g) {
			for j := range pred {
				if !used[j] {
					best = j
					break
				}
			}
		}
		out[i] = best
		if best >= 0 {
			used[best] = true
			left--
		}
	}
	return out, left
}

// scoreInjunctions pairs gold and predicted injunctions by target (equal
// names, or one containing the other), then checks the paired fields and kinds.
func (rep *Report) scoreInjunctions(gold []GoldInjunction, pred []extract.JSONInjunction, canon func(string) string, misses *[]string) {
	c := rep.Counts["injunctions"]
	match := func(g GoldInjunction, p extract.JSONInjunction) bool {
		return sameTarget(canon(g.Target), canon(p.Target))
	}
	score := func(g GoldInjunction, p extract.JSONInjunction) int { return countTrue(fieldChecks(g, &p)) }
	noTarget := func(g GoldInjunction) bool { return canon(g.Target) == "" }
	pairs, left := pair(gold, pred, match, score, noTarget)
	for i, g := range gold {
		var p *extract.JSONInjunction
		if pairs[i] >= 0 {
			p = &pred[pairs[i]]
			c.TP++
			if g.Kind != "" {
				rep.InjunctionKind.All++
				if g.Kind == str(p.Kind) {
					rep.InjunctionKind.OK++
				}
			}
		} else {
			c.FN++
		}
		checks := fieldChecks(g, p)
		rep.InjunctionFields.All += len(checks)
		rep.InjunctionFields.OK += countTrue(checks)
		if countTrue(checks) < len(checks) || p != nil && g.Kind != "" && g.Kind != str(p.Kind) {
			got := "nothing"
			if p != nil {
				got = fmt.Sprintf("%s obligations=%d deadline=%s penalty=%s", str(p.Kind), len(p.Obligations), deadlineString(p.Deadline), penaltyString(p.Penalty))
			}
			*misses = append(*misses, fmt.Sprintf("  injunction %s (%s): fields %v (obligations, deadline, deadline_date, penalty); got %s", g.Target, g.Kind, checks, got))
		}
	}
	c.FP += left
	if left > 0 {
		var extra []string
		for j, p := range pred {
			if !slices.Contains(pairs, j) {
				extra = append(extra, p.Target)
			}
		}
		*misses = append(*misses, fmt.Sprintf("  injunctions: extra %q", extra))
	}
}

// scoreSanctions pairs gold and predicted sanctions on target and kind, then
// checks authority, amount, date and GDPR refs.
func (rep *Report) scoreSanctions(gold []GoldSanction, pred []extract.JSONSanction, canon func(string) string, misses *[]string) {
	c := rep.Counts["sanctions"]
	match := func(g GoldSanction, p extract.JSONSanction) bool {
		return g.Kind == p.Kind && sameTarget(canon(g.Target), canon(p.Target))
	}
	score := func(g GoldSanction, p extract.JSONSanction) int { return countTrue(sanctionChecks(g, &p, canon)) }
	pairs, left := pair(gold, pred, match, score, func(GoldSanction) bool { return false })
	for i, g := range gold {
		var p *extract.JSONSanction
		if pairs[i] >= 0 {
			p = &pred[pairs[i]]
			c.TP++
		} else {
			c.FN++
		}
		checks := sanctionChecks(g, p, canon)
		rep.SanctionFields.All += len(checks)
		rep.SanctionFields.OK += countTrue(checks)
		if countTrue(checks) < len(checks) {
			got := "nothing"
			if p != nil {
				got = fmt.Sprintf("authority=%s amount=%s date=%s gdpr=%v", str(p.Authority), num(p.Amount), str(p.Date), p.GDPRRefs)
			}
			*misses = append(*misses, fmt.Sprintf("  sanction %s %s: gold authority=%s amount=%s date=%s gdpr=%v; fields %v (authority, amount, date, gdpr); got %s",
				g.Kind, g.Target, str(g.Authority), num(g.Amount), str(g.Date), g.GDPRRefs, checks, got))
		}
	}
	c.FP += left
	if left > 0 {
		var extra []string
		for j, p := range pred {
			if !slices.Contains(pairs, j) {
				extra = append(extra, fmt.Sprintf("%s %s %s", p.Kind, p.Target, num(p.Amount)))
			}
		}
		*misses = append(*misses, fmt.Sprintf("  sanctions: extra %q", extra))
	}
}

// sanctionChecks compares a gold sanction's authority, amount (within a
// cent, in the same currency, or both null), date and GDPR refs (as sets)
// with the predicted one's.
func sanctionChecks(g GoldSanction, p *extract.JSONSanction, canon func(string) string) []bool {
	if p == nil {
		return []bool{false, false, false, false}
	}
	currency := func(c *string) string {
		if c == nil || *c == "" {
			return "EUR"
		}
		return *c
	}
	sameAmount := (g.Amount == nil && p.Amount == nil) ||
		(g.Amount != nil && p.Amount != nil && math.Abs(*g.Amount-*p.Amount) < 0.01 && currency(g.Currency) == currency(p.Currency))
	gr, pr := set(g.GDPRRefs), set(p.GDPRRefs)
	sameRefs := len(gr) == len(pr)
	for k := range gr {
		sameRefs = sameRefs && pr[k]
	}
	return []bool{canon(str(g.Authority)) == canon(str(p.Authority)), sameAmount, str(g.Date) == str(p.Date), sameRefs}
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func num(v *float64) string {
	if v == nil {
		return "null"
	}
	return fmt.Sprint(*v)
}

func deadlineString(d *extract.JSONDeadline) string {
	if d == nil {
		return "null"
	}
	return str(d.Duration) + str(d.Date)
}

func penaltyString(p *extract.JSONPenalty) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprintf("%v/%s", p.Value, str(p.Per))
}

func fieldChecks(g GoldInjunction, p *extract.JSONInjunction) []bool {
	if p == nil {
		return []bool{false, false, false, false}
	}
	var dur, date *string
	if p.Deadline != nil {
		dur, date = p.Deadline.Duration, p.Deadline.Date
	}
	var daily *float64
	if p.Penalty != nil && p.Penalty.Per != nil && *p.Penalty.Per == "day" {
		daily = &p.Penalty.Value
	}
	eqs := func(a, b *string) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	eqf := func(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	return []bool{g.Obligations == len(p.Obligations), eqs(g.Deadline, dur), eqs(g.DeadlineDate, date), eqf(g.PenaltyPerDay, daily)}
}

func countTrue(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

func amountKey(v float64, per *string, role string) string {
	p := ""
	if per != nil {
		p = *per
	}
	return fmt.Sprintf("%.2f/%s/%s", math.Round(v*100)/100, p, role)
}

// fold lower-cases s, strips accents and turns every run of other characters
// than letters and digits into one space.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

var (
	legalForms = set(strings.Fields("sas sasu sa sarl se inc ltd limited llc gmbh ag bv nv plc corp corporation co"))
	leading    = []string{"la societe ", "societe ", "l entreprise ", "entreprise ", "le groupe ", "groupe "}
)

// OrgKey is the form under which two organisation names are the same: folded,
// without a leading « la société », « le groupe »… nor legal forms.
func OrgKey(name string) string {
	s := fold(name)
	for _, l := range leading {
		if strings.HasPrefix(s, l) {
			s = s[len(l):]
			break
		}
	}
	var words []string
	for _, w := range strings.Fields(s) {
		if !legalForms[w] {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return s
	}
	return strings.Join(words, " ")
}

// lawKey keeps only the letters and digits of a reference: "L. 34-5" -> "l345".
func lawKey(ref string) string { return strings.ReplaceAll(fold(ref), " ", "") }

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func diff(gold, pred []string) (missed, extra []string) {
	g, p := set(gold), set(pred)
	for k := range g {
		if !p[k] {
			missed = append(missed, k)
		}
	}
	for k := range p {
		if !g[k] {
			extra = append(extra, k)
		}
	}
	return sortStrings(missed), sortStrings(extra)
}
