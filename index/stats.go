package index

import (
	"sort"

	"github.com/veille/veille/extract"
)

// Stats are corpus aggregates over every indexed article.
type Stats struct {
	Articles int `json:"articles"`
	// Fines groups the articles that report a fine by deciding authority and
	// year of publication; an article counts once, with its largest fine.
	Fines []FineGroup `json:"fines"`
	// GDPR counts the articles citing each GDPR ref, most cited first.
	GDPR []Count `json:"gdpr"`
	// Orgs counts, for each organisation named in an article reporting a fine,
	// those articles and the largest fine among them, most named first.
	Orgs []OrgCount `json:"organisations"`
}

// A FineGroup is the fines reported for one authority in one year.
type FineGroup struct {
	Authority string  `json:"authority"`
	Year      string  `json:"year"`
	Articles  int     `json:"articles"`
	Total     float64 `json:"total_eur"` // sum of each article's largest fine
	Max       float64 `json:"largest_eur"`
}

// A Count is how many articles mention a value.
type Count struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}

// An OrgCount is how many fine-reporting articles name an organisation.
type OrgCount struct {
	Name     string  `json:"name"`
	Articles int     `json:"articles"`
	MaxFine  float64 `json:"largest_fine_eur"`
}

// Stats reads every record and aggregates it.
func (ix *Index) Stats() (*Stats, error) {
	st := &Stats{}
	fines := map[[2]string]*FineGroup{}
	gdpr := map[string]int{}
	orgs := map[string]*OrgCount{}
	err := ix.Each(func(r *extract.JSONRecord) error {
		st.Articles++
		for _, ref := range uniqueRefs(r) {
			gdpr[ref]++
		}
		fine, ok := r.LargestFine()
		if !ok || fine == 0 {
			return nil
		}
		year := "unknown"
		if r.Published != nil && len(*r.Published) >= 4 {
			year = (*r.Published)[:4]
		}
		authority := r.DecidingAuthority()
		if authority == "" {
			authority = "unknown"
		}
		key := [2]string{authority, year}
		g := fines[key]
		if g == nil {
			g = &FineGroup{Authority: key[0], Year: key[1]}
			fines[key] = g
		}
		g.Articles++
		g.Total += fine
		g.Max = max(g.Max, fine)
		seen := map[string]bool{}
		for _, e := range r.Entities {
			if e.Type != string(extract.Org) || seen[e.Name] {
				continue
			}
			seen[e.Name] = true
			o := orgs[e.Name]
			if o == nil {
				o = &OrgCount{Name: e.Name}
				orgs[e.Name] = o
			}
			o.Articles++
			o.MaxFine = max(o.MaxFine, fine)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, g := range fines {
		st.Fines = append(st.Fines, *g)
	}
	sort.Slice(st.Fines, func(i, j int) bool {
		a, b := st.Fines[i], st.Fines[j]
		if a.Authority != b.Authority {
			return a.Authority < b.Authority
		}
		return a.Year < b.Year
	})
	for ref, n := range gdpr {
		st.GDPR = append(st.GDPR, Count{ref, n})
	}
	sort.Slice(st.GDPR, func(i, j int) bool {
		a, b := st.GDPR[i], st.GDPR[j]
		return a.Articles > b.Articles || a.Articles == b.Articles && a.Name < b.Name
	})
	for _, o := range orgs {
		st.Orgs = append(st.Orgs, *o)
	}
	sort.Slice(st.Orgs, func(i, j int) bool {
		a, b := st.Orgs[i], st.Orgs[j]
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		return a.MaxFine > b.MaxFine || a.MaxFine == b.MaxFine && a.Name < b.Name
	})
	return st, nil
}

func uniqueRefs(r *extract.JSONRecord) []string {
	seen := map[string]bool{}
	var out []string
	for _, g := range r.GDPRRefs {
		if !seen[g.Ref] {
			seen[g.Ref] = true
			out = append(out, g.Ref)
		}
	}
	return out
}
