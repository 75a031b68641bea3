package extract

// What an article reports as a whole, linked from its facts here so that
// the index, the tables and the statistics only store and print it.

// LargestFine returns the largest fine in euros that the record reports,
// and false when it reports none.
func (r *JSONRecord) LargestFine() (float64, bool) {
	largest, found := 0.0, false
	for _, a := range r.Amounts {
		if a.Role == string(RoleFine) && a.Currency == "EUR" && (!found || a.Value > largest) {
			largest, found = a.Value, true
		}
	}
	return largest, found
}

// DecidingAuthority returns the authority that decided what the record
// reports: the one that gave its first order, else the first one it names,
// else "".
func (r *JSONRecord) DecidingAuthority() string {
	for _, in := range r.Injunctions {
		if in.Authority != "" {
			return in.Authority
		}
	}
	for _, e := range r.Entities {
		if e.Type == string(Authority) {
			return e.Name
		}
	}
	return ""
}
