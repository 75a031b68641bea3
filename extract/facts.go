package extract

import (
	"fmt"
	"strconv"
	"strings"
)

// A Role says what a sum of money is in its sentence.
type Role string

// The roles of SPEC.md.
const (
	RoleFine               Role = "fine"                // amende, sanction pécuniaire
	RolePenaltyPayment     Role = "penalty_payment"     // astreinte
	RolePenaltyLiquidation Role = "penalty_liquidation" // astreinte liquidée
	RoleCeiling            Role = "ceiling"             // legal maximum
	RoleTurnover           Role = "turnover"            // chiffre d'affaires
	RoleDamages            Role = "damages"             // dommages et intérêts
	RoleOther              Role = "other"
)

// Roles lists every role, in the order of SPEC.md.
var Roles = []Role{RoleFine, RolePenaltyPayment, RolePenaltyLiquidation, RoleCeiling, RoleTurnover, RoleDamages, RoleOther}

// A Period is the time unit a recurring amount is due for ("" when none).
type Period string

// The periods of SPEC.md.
const (
	PerNone  Period = ""
	PerDay   Period = "day"
	PerWeek  Period = "week"
	PerMonth Period = "month"
	PerYear  Period = "year"
)

// An Amount is a sum of money found in the text.
type Amount struct {
	Span
	Text string
	// Minor is the value in minor units (cents for EUR): money is never a float.
	Minor    int64
	Currency string // ISO 4217 code, "EUR" for euros
	Per      Period
	Role     Role
}

// Value returns the amount in major units (euros for EUR), for display and JSON.
func (a Amount) Value() float64 { return float64(a.Minor) / 100 }

func (a Amount) String() string {
	s := fmt.Sprintf("amount[%d:%d] %q %s %d", a.Start, a.End, a.Text, a.Currency, a.Minor)
	if a.Per != PerNone {
		s += "/" + string(a.Per)
	}
	if a.Role != "" {
		s += " " + string(a.Role)
	}
	return s
}

// A GDPRRef is a citation of an article of the GDPR (Regulation (EU) 2016/679).
type GDPRRef struct {
	Span
	Text      string
	Article   int
	Paragraph int    // 0 when not cited
	Point     string // lower-case letter or number, "" when not cited
}

// Ref is the canonical dash form: "5-1-e", "15", "28-3", "4-11".
func (g GDPRRef) Ref() string {
	s := strconv.Itoa(g.Article)
	if g.Paragraph > 0 {
		s += "-" + strconv.Itoa(g.Paragraph)
	}
	if g.Point != "" {
		s += "-" + g.Point
	}
	return s
}

func (g GDPRRef) String() string {
	return fmt.Sprintf("gdpr[%d:%d] %q %s", g.Start, g.End, g.Text, g.Ref())
}

// A LawRef is a citation of an article of a text other than the GDPR.
type LawRef struct {
	Span
	Text string
	Law  string // canonical law name: "loi Informatique et Libertés", "CPCE", …
	Ref  string // article number without spaces or dots: "82", "L34-5", "5-3"
}

func (l LawRef) String() string {
	return fmt.Sprintf("law[%d:%d] %q %s %s", l.Start, l.End, l.Text, l.Law, l.Ref)
}

// An EntityType classifies a named entity.
type EntityType string

// The entity types.
const (
	Authority EntityType = "AUTHORITY"
	Org       EntityType = "ORG"
	Person    EntityType = "PERSON"
	Place     EntityType = "PLACE"
)

// An Entity is a named authority, organisation, person or place.
type Entity struct {
	Span
	Text string
	Type EntityType
	Name string // canonical name: "CNIL" for « la Commission nationale… »
}

func (e Entity) String() string {
	return fmt.Sprintf("entity[%d:%d] %q %s %s", e.Start, e.End, e.Text, e.Type, e.Name)
}

// A CivilDate is a calendar date at the precision it was written: Day is 0
// for a month, Month and Day are 0 for a year. The zero value means unknown.
type CivilDate struct {
	Year, Month, Day int
}

// IsZero reports whether the date is unknown.
func (d CivilDate) IsZero() bool { return d.Year == 0 }

// String is the ISO form at the date's precision: "2022-10-17", "2022-10",
// "2022", or "" when unknown.
func (d CivilDate) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// ParseCivilDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD".
func ParseCivilDate(s string) (CivilDate, error) {
	var d CivilDate
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return d, fmt.Errorf("bad date %q", s)
	}
	lim := []int{9999, 12, 31}
	vals := []*int{&d.Year, &d.Month, &d.Day}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > lim[i] || (i == 0 && len(p) != 4) {
			return CivilDate{}, fmt.Errorf("bad date %q", s)
		}
		*vals[i] = n
	}
	return d, nil
}

// A Date is a calendar date written in the text.
type Date struct {
	Span
	Text  string
	Value CivilDate
}

func (d Date) String() string {
	return fmt.Sprintf("date[%d:%d] %q %s", d.Start, d.End, d.Text, d.Value)
}

// A Duration is a length of time written in the text ("six mois", "30 jours").
type Duration struct {
	Span
	Text string
	ISO  string // ISO 8601 duration: "P6M", "P30D", "P1Y"
}

func (d Duration) String() string {
	return fmt.Sprintf("duration[%d:%d] %q %s", d.Start, d.End, d.Text, d.ISO)
}

// A Clause is a stretch of text, such as one obligation of an injunction.
type Clause struct {
	Span
	Text string
}

// A Deadline is when an injunction must be complied with.
type Deadline struct {
	Text     string
	Duration string    // ISO 8601 duration for a relative deadline, "" otherwise
	Date     CivilDate // calendar date when the text states one
}

// A Penalty is the astreinte attached to an injunction.
type Penalty struct {
	Minor    int64
	Currency string
	Per      Period
}

// An InjunctionKind tells an injunction from a formal notice.
type InjunctionKind string

// The injunction kinds of SPEC.md.
const (
	KindInjunction   InjunctionKind = "injunction"    // injonction, enjoindre, ordonner, an astreinte that implies an order
	KindFormalNotice InjunctionKind = "formal_notice" // mise en demeure
)

// An InjunctionStatus says whether the order was given, and when.
type InjunctionStatus string

// The injunction statuses of SPEC.md.
const (
	StatusOrdered      InjunctionStatus = "ordered"      // imposed by the decision reported
	StatusPast         InjunctionStatus = "past"         // an earlier order recalled
	StatusRequested    InjunctionStatus = "requested"    // asked for by a party, not decided
	StatusRejected     InjunctionStatus = "rejected"     // refused by the court or authority
	StatusHypothetical InjunctionStatus = "hypothetical" // conditional or general
)

// An Injunction is an order addressed to an organisation: injonction,
// enjoindre, ordonner, mise en demeure.
type Injunction struct {
	Span        // the whole order, from its trigger to its last obligation
	Authority   string
	Target      string
	Kind        InjunctionKind
	Status      InjunctionStatus
	Obligations []Clause
	Deadline    *Deadline
	Penalty     *Penalty
}

func (in Injunction) String() string {
	s := fmt.Sprintf("injunction[%d:%d] %s -> %s", in.Start, in.End, in.Authority, in.Target)
	if in.Kind != "" || in.Status != "" {
		s += fmt.Sprintf(" %s/%s", in.Kind, in.Status)
	}
	s += fmt.Sprintf(" obligations=%d", len(in.Obligations))
	if in.Deadline != nil {
		s += fmt.Sprintf(" deadline=%s%s", in.Deadline.Duration, in.Deadline.Date)
	}
	if in.Penalty != nil {
		s += fmt.Sprintf(" penalty=%s %d/%s", in.Penalty.Currency, in.Penalty.Minor, in.Penalty.Per)
	}
	return s
}

// A SanctionKind says what a sanction is.
type SanctionKind string

// The sanction kinds of SPEC.md.
const (
	SanctionFine               SanctionKind = "fine"                // amende, sanction pécuniaire
	SanctionPenaltyLiquidation SanctionKind = "penalty_liquidation" // astreinte liquidée
	SanctionReprimand          SanctionKind = "reprimand"           // rappel à l'ordre
	SanctionWarning            SanctionKind = "warning"             // avertissement
	SanctionOther              SanctionKind = "other"               // blâme, suspension, interdiction…
)

// SanctionKinds lists every sanction kind, in the order of SPEC.md.
var SanctionKinds = []SanctionKind{SanctionFine, SanctionPenaltyLiquidation, SanctionReprimand, SanctionWarning, SanctionOther}

// A Sanction is a sanction pronounced against a named party, reported or
// recalled: who pronounced it, against whom, what, for how much, when, and
// for breaching which GDPR articles.
type Sanction struct {
	Span      // the sentence that pronounces it
	Text      string
	Authority string
	Target    string
	Kind      SanctionKind
	Amount    *Amount   // nil for a non-pecuniary sanction or a total shared by several parties
	Date      CivilDate // the decision's date as written; zero when not written
	GDPR      []string  // the GDPR articles whose breach the text ties to it, in dash form
}

func (s Sanction) String() string {
	out := fmt.Sprintf("sanction[%d:%d] %s %s -> %s", s.Start, s.End, s.Kind, s.Authority, s.Target)
	if s.Amount != nil {
		out += fmt.Sprintf(" %s %s", s.Amount.Currency, decimal{s.Amount.Minor, 2})
	}
	if !s.Date.IsZero() {
		out += " date=" + s.Date.String()
	}
	if len(s.GDPR) > 0 {
		out += " gdpr=" + strings.Join(s.GDPR, ",")
	}
	return out
}

// Facts holds everything extracted from one article's text.
type Facts struct {
	Amounts     []Amount
	GDPRRefs    []GDPRRef
	LawRefs     []LawRef
	Injunctions []Injunction
	Sanctions   []Sanction
	Entities    []Entity
	Dates       []Date
}
