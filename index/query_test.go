package index

import (
	"errors"
	"slices"
	"testing"

	"github.com/veille/veille/extract"
)

// queryCorpus is eight short articles for the query language: each word a
// case relies on is in the comment beside its article.
func queryCorpus() []*extract.Record {
	none := func(string) extract.Facts { return extract.Facts{} }
	return []*extract.Record{
		// title: cnil, sanctionne; text: cnil, amende, injonction
		record("kaspr", "", "La CNIL sanctionne Kaspr",
			"La CNIL a prononcé une amende de 240 000 euros et une injonction contre Kaspr.", none),
		// title: astreinte, liquidée; text: astreinte, injonction, non-respect
		record("clearview", "", "Astreinte liquidée pour Clearview AI",
			"La formation restreinte a liquidé l'astreinte prononcée contre Clearview AI pour non-respect d'une injonction.", none),
		// title: google, condamné; text: amende, sanctionne, google
		record("google", "", "Google condamné par l'Autorité de la concurrence",
			"Une amende de 500 millions d'euros sanctionne Google pour les droits voisins.", none),
		// title: Conseil d'État, sanction; text: google, cnil, sanction
		record("conseil", "", "Le Conseil d'État confirme la sanction",
			"Le Conseil d'État rejette le recours de Google et confirme la sanction de la CNIL.", none),
		// title: « mise en demeure »; text: cnil, « met en demeure », cookies
		record("cookies", "", "Cookies : mise en demeure",
			"La CNIL met en demeure un éditeur de site de cesser de déposer des cookies publicitaires.", none),
		// title: amende, inflige; text: sanctions, amende
		record("amf", "", "L'AMF inflige une amende",
			"La commission des sanctions de l'AMF inflige une amende pour manipulation de cours.", none),
		// title: « rappel à l'ordre », mairie; text: amende, astreinte, conforme, sauf, conservation
		record("mairie", "", "Rappel à l'ordre pour une mairie",
			"Un simple rappel à l'ordre, sans amende ni astreinte : tout est conforme, sauf la durée de conservation des données.", none),
		// title: meta, mise; text: mise and demeure apart, cnil
		record("meta", "", "Meta : une mise à jour insuffisante",
			"La mise à jour de la politique de Meta demeure insuffisante, selon la CNIL.", none),
	}
}

func TestQueryLanguage(t *testing.T) {
	ix, err := NewMemOnly()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w := ix.NewWriter()
	for _, r := range queryCorpus() {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, q string
		want    []string // sorted ids
		err     string   // the error, when the query is malformed
	}{
		// Words, French analysis.
		{"word", "amende", []string{"amf", "google", "kaspr", "mairie"}, ""},
		{"stemming: sanctionnée finds sanctionne, sanction, sanctions", "sanctionnée", []string{"amf", "conseil", "google", "kaspr"}, ""},
		{"elision and case", "L'ASTREINTE", []string{"clearview", "mairie"}, ""},
		{"a word the analyser splits is a phrase", "non-respect", []string{"clearview"}, ""},
		{"typographic apostrophe", "l’astreinte", []string{"clearview", "mairie"}, ""},
		// AND, ET, implicit AND, and the lower-case stop word « et ».
		{"implicit AND", "amende CNIL", []string{"kaspr"}, ""},
		{"AND", "amende AND CNIL", []string{"kaspr"}, ""},
		{"ET", "amende ET CNIL", []string{"kaspr"}, ""},
		{"lower-case et is a stop word, dropped", "amende et CNIL", []string{"kaspr"}, ""},
		// OR, OU, and the lower-case stop word « ou ».
		{"OR", "astreinte OR injonction", []string{"clearview", "kaspr", "mairie"}, ""},
		{"OU", "astreinte OU injonction", []string{"clearview", "kaspr", "mairie"}, ""},
		{"lower-case ou is a stop word: the words are ANDed", "astreinte ou injonction", []string{"clearview"}, ""},
		// NOT, SAUF, signs, and the lower-case word « sauf ».
		{"NOT", "amende NOT CNIL", []string{"amf", "google", "mairie"}, ""},
		{"SAUF", "amende SAUF CNIL", []string{"amf", "google", "mairie"}, ""},
		{"lower-case sauf is a word", "amende sauf", []string{"mairie"}, ""},
		{"SAUF excludes what sauf finds", "conforme SAUF conservation", nil, ""},
		{"NOT alone", "NOT amende", []string{"clearview", "conseil", "cookies", "meta"}, ""},
		{"-excluded", "amende -astreinte", []string{"amf", "google", "kaspr"}, ""},
		{"+required", "+amende +CNIL", []string{"kaspr"}, ""},
		{"OR NOT", "Meta OR NOT CNIL", []string{"amf", "clearview", "google", "mairie", "meta"}, ""},
		// Precedence and brackets.
		{"AND binds tighter than OR", "Google OR amende CNIL", []string{"conseil", "google", "kaspr"}, ""},
		{"brackets group", "(Google OR amende) CNIL", []string{"conseil", "kaspr"}, ""},
		{"NOT binds tighter than AND", "NOT amende CNIL", []string{"conseil", "cookies", "meta"}, ""},
		{"NOT a bracket", "CNIL NOT (amende OR Google)", []string{"cookies", "meta"}, ""},
		{"- a bracket", "CNIL -(amende OR Google)", []string{"cookies", "meta"}, ""},
		{"French operators together", "(Google OU Meta) ET CNIL SAUF amende", []string{"conseil", "meta"}, ""},
		{"SAUF inside an OU", "astreinte SAUF mairie OU condamné", []string{"clearview", "google"}, ""},
		{"nested brackets", "((astreinte OR cookies) AND (CNIL OR liquidée))", []string{"clearview", "cookies"}, ""},
		// Phrases.
		{"phrase", `"mise en demeure"`, []string{"cookies"}, ""},
		{"the same words apart", "mise demeure", []string{"cookies", "meta"}, ""},
		{"phrase with an elision", `"rappel à l'ordre"`, []string{"mairie"}, ""},
		{"phrase with a name", `"Conseil d'État"`, []string{"conseil"}, ""},
		{"phrase OR word", `"mise en demeure" OR injonction`, []string{"clearview", "cookies", "kaspr"}, ""},
		// Fields.
		{"title: word", "title:amende", []string{"amf"}, ""},
		{"title: phrase", `title:"mise en demeure"`, []string{"cookies"}, ""},
		{"text: phrase is not in the title", `text:"mise en demeure"`, nil, ""},
		{"text: word", "text:Google", []string{"conseil", "google"}, ""},
		{"titre: in French", "titre:astreinte", []string{"clearview"}, ""},
		{"a field in capitals", "TITLE:amende", []string{"amf"}, ""},
		{"a field on a bracket", "title:(Google OR Meta)", []string{"google", "meta"}, ""},
		{"a field and a default field", "title:CNIL amende", []string{"kaspr"}, ""},
		{"a field before a sign", "amende title:-amende", []string{"google", "kaspr", "mairie"}, ""},
		// Prefixes.
		{"prefix", "sanction*", []string{"amf", "conseil", "google", "kaspr"}, ""},
		{"prefix with accents and capitals", "Condamné*", []string{"google"}, ""},
		{"prefix longer than the stem", "liquidée*", []string{"clearview"}, ""},
		{"prefix in a field", "title:astrein*", []string{"clearview"}, ""},
		{"prefix with an elision", "l'inflig*", []string{"amf"}, ""},
		{"prefix NOT word", "inj* -CNIL", []string{"clearview"}, ""},
		// Malformed queries.
		{"unclosed bracket", "(amende OR astreinte", nil, "bad query: unclosed bracket at column 1"},
		{"unclosed inner bracket", "amende (astreinte OR (CNIL)", nil, "bad query: unclosed bracket at column 8"},
		{"bracket open at the end", "amende ET (", nil, "bad query: unclosed bracket at column 11"},
		{"column counts runes", "sanctionnée (amende", nil, "bad query: unclosed bracket at column 13"},
		{"closing bracket alone", "amende) astreinte", nil, "bad query: closing bracket without an opening one at column 7"},
		{"unclosed quote", `amende "mise en demeure`, nil, "bad query: unclosed quote at column 8"},
		{"empty phrase", `amende ""`, nil, "bad query: empty phrase at column 8"},
		{"empty brackets", "amende ()", nil, "bad query: empty brackets at column 8"},
		{"dangling OR", "amende OR", nil, "bad query: OR with nothing after it at column 8"},
		{"leading OU", "OU amende", nil, "bad query: OU with nothing before it at column 1"},
		{"two operators", "amende AND OR astreinte", nil, "bad query: OR right after AND at column 12"},
		{"dangling NOT", "amende NOT", nil, "bad query: NOT with nothing after it at column 8"},
		{"SAUF before a bracket closes", "(amende SAUF)", nil, "bad query: SAUF with nothing after it at column 9"},
		{"dangling sign", "amende - astreinte", nil, "bad query: - with nothing after it at column 8 (write -word or +word, with no space)"},
		{"empty field", "title:", nil, `bad query: empty field title: at column 1 (write title:word, title:"a phrase" or title:(…))`},
		{"field before a space", "amende text: CNIL", nil, `bad query: empty field text: at column 8 (write text:word, text:"a phrase" or text:(…))`},
		{"unknown field", "auteur:dupont", nil, "bad query: unknown field auteur: at column 1 (use title: or text:)"},
		{"star alone", "amende *", nil, "bad query: misplaced * at column 8 (write a prefix followed by *, as in sanction*)"},
		{"star inside a word", "sanc*tion", nil, "bad query: misplaced * at column 5 (* ends a prefix, as in sanction*)"},
		{"star inside a word, column in runes", "né*e", nil, "bad query: misplaced * at column 3 (* ends a prefix, as in sanction*)"},
		{"star after an elision", "l'*", nil, "bad query: misplaced * at column 1 (write a prefix followed by *, as in sanction*)"},
		{"only stop words", "la et le", nil, "bad query: only stop words at column 1 (words such as le, la, et, ou are not indexed)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(Query{Text: tt.q, Limit: 100})
			if tt.err != "" {
				var qe *QueryError
				if err == nil || err.Error() != tt.err || !errors.Is(err, ErrBadQuery) || !errors.As(err, &qe) {
					t.Errorf("Search(%q) error = %v, want %s", tt.q, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.q, err)
			}
			if got := ids(res); !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
}

// TestParseQuery shows how the parser groups a query.
func TestParseQuery(t *testing.T) {
	tests := []struct{ q, want string }{
		{"a b", "(AND a b)"},
		{"a OR b c", "(OR a (AND b c))"},
		{"a OU b ET c", "(OR a (AND b c))"},
		{"NOT a b", "(AND (NOT a) b)"},
		{"-a +b", "(AND (NOT a) b)"},
		{"(a OR b) c", "(AND (OR a b) c)"},
		{"a SAUF b OR c", "(OR (AND a (NOT b)) c)"},
		{`title:"a b" text:c*`, `(AND title:"a b" text:c*)`},
		{"title:(a OR text:b)", "(OR title:a text:b)"},
		{"title:-a", "(NOT title:a)"},
		{"NOT NOT a", "(NOT (NOT a))"},
		{"a et b", "(AND a et b)"},
		{"12:30", "12:30"},
	}
	for _, tt := range tests {
		n, err := parseQuery(tt.q)
		if err != nil {
			t.Errorf("parseQuery(%q): %v", tt.q, err)
			continue
		}
		if got := n.String(); got != tt.want {
			t.Errorf("parseQuery(%q) = %s, want %s", tt.q, got, tt.want)
		}
	}
}

// FuzzParseQuery checks that any query parses and builds, or gives a
// QueryError whose column is inside the query (or just after it), and never
// panics.
func FuzzParseQuery(f *testing.F) {
	for _, q := range []string{"amende", `title:"mise en demeure" OU sanction*`, "(a OR (b -c)) SAUF d", "l'*", "né*e", "title:(", "+-a", `"`, "a AND", ")"} {
		f.Add(q)
	}
	ix, err := NewMemOnly()
	if err != nil {
		f.Fatal(err)
	}
	defer ix.Close()
	f.Fuzz(func(t *testing.T, q string) {
		n, err := parseQuery(q)
		if err == nil {
			if n == nil {
				t.Fatalf("parseQuery(%q) = nil, nil", q)
			}
			// Building the bleve query must not fail but on stop words.
			if _, err := ix.textQuery(q); err != nil && !errors.Is(err, ErrBadQuery) {
				t.Fatalf("textQuery(%q): %v", q, err)
			}
			return
		}
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Fatalf("parseQuery(%q) error %v is no QueryError", q, err)
		}
		if qe.Offset < 0 || qe.Offset > len([]rune(q)) {
			t.Fatalf("parseQuery(%q): offset %d outside the query", q, qe.Offset)
		}
	})
}
