// The query language of veille search.
//
// A query is words and "phrases" combined with operators, in English or in
// French (upper case only, so that a lower-case « et » or « ou » stays a word):
//
//	amende astreinte                   both words (adjacent terms are ANDed)
//	amende AND astreinte               the same; ET in French
//	amende OR astreinte                either word; OU in French
//	amende NOT astreinte               amende without astreinte; SAUF in French
//	+amende -astreinte                 the same with signs: + requires, - excludes
//	"mise en demeure"                  a phrase: the words in this order
//	sanction*                          a word starting with sanction (sanctionne, sanctions…)
//	title:cnil                         in the title only; text:cnil in the text only
//	title:"mise en demeure"            a phrase in the title
//	title:(amende OR astreinte)        a field applies to a whole bracket
//	(Google OR Meta) ET amende SAUF "rappel à l'ordre"
//
// Precedence: NOT (and its signs) binds tighter than AND, which binds tighter
// than OR, so « a OR b c » is « a OR (b AND c) »; brackets group. Without a
// field, a term is looked for in the title and the text. Words and phrases
// go through the fields' French analyser (elisions, stop words, stemming),
// so « sanctionnée » finds « sanctions »; a stop word (« la », « et »,
// « ou ») is dropped. A prefix is matched in lower case, with and without its
// accents, and also by its stem (« sanctions* » finds « sanction »).
//
// A malformed query gives a *QueryError (errors.Is(err, ErrBadQuery)) that
// names the problem and its column (1-based, in runes):
//
//	bad query: unclosed bracket at column 12
//
// The parser is a small recursive descent: lex turns the query into tokens,
// parser builds the AST below (orNode, andNode, notNode, termNode) and
// (*Index).bleveQuery turns it into bleve queries (boolean, conjunction,
// disjunction, match, match-phrase, prefix).

package index

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// ErrBadQuery is the error of a malformed query: every *QueryError is one.
var ErrBadQuery = errors.New("bad query")

// A QueryError is a malformed query: what is wrong and where.
type QueryError struct {
	Query  string // the query as typed
	Offset int    // rune offset of the problem in Query (0-based)
	Msg    string // what is wrong, e.g. "unclosed bracket"
	Hint   string // how to fix it, or ""
}

// Column is the 1-based column of the problem, in runes.
func (e *QueryError) Column() int { return e.Offset + 1 }

func (e *QueryError) Error() string {
	s := fmt.Sprintf("bad query: %s at column %d", e.Msg, e.Column())
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

// Is makes errors.Is(err, ErrBadQuery) true for every QueryError.
func (e *QueryError) Is(target error) bool { return target == ErrBadQuery }

// tokenKind is the kind of a query token.
type tokenKind int

const (
	tokEOF tokenKind = iota
	tokWord
	tokPhrase
	tokPrefix // a word ending with *
	tokField  // title: or text:
	tokOpen
	tokClose
	tokAnd
	tokOr
	tokNot
	tokPlus
	tokMinus
)

// A token is one lexical unit of a query; pos is its rune offset.
type token struct {
	kind tokenKind
	text string // the word, phrase, prefix (without *), field name or operator as typed
	pos  int
}

// operators maps the operator words, English and French, to their kind.
var operators = map[string]tokenKind{
	"AND": tokAnd, "ET": tokAnd,
	"OR": tokOr, "OU": tokOr,
	"NOT": tokNot, "SAUF": tokNot,
}

// fields maps the field names a query may use, English and French, to
// the indexed field.
var fields = map[string]string{
	"title": fieldTitle, "titre": fieldTitle,
	"text": fieldText, "texte": fieldText,
}

// defaultFields are searched by a term without a field.
var defaultFields = []string{fieldTitle, fieldText}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

// ends reports whether r ends a word.
func ends(r rune) bool { return isSpace(r) || r == '(' || r == ')' || r == '"' }

// lex splits a query into tokens.
func lex(q string) ([]token, error) {
	rs := []rune(q)
	bad := func(pos int, msg, hint string) error {
		return &QueryError{Query: q, Offset: pos, Msg: msg, Hint: hint}
	}
	var toks []token
	// The loop is always where a token may begin: a + or - there is a sign,
	// while one inside a word (« non-respect ») is part of the word.
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isSpace(r):
			i++
		case r == '(':
			toks = append(toks, token{tokOpen, "(", i})
			i++
		case r == ')':
			toks = append(toks, token{tokClose, ")", i})
			i++
		case r == '"':
			end := i + 1
			for end < len(rs) && rs[end] != '"' {
				end++
			}
			if end == len(rs) {
				return nil, bad(i, "unclosed quote", "")
			}
			text := string(rs[i+1 : end])
			if strings.TrimSpace(text) == "" {
				return nil, bad(i, "empty phrase", "")
			}
			toks = append(toks, token{tokPhrase, text, i})
			i = end + 1
		case r == '+' || r == '-':
			if i+1 == len(rs) || isSpace(rs[i+1]) || rs[i+1] == ')' {
				return nil, bad(i, fmt.Sprintf("%c with nothing after it", r), "write -word or +word, with no space")
			}
			kind := tokPlus
			if r == '-' {
				kind = tokMinus
			}
			toks = append(toks, token{kind, string(r), i})
			i++
		default:
			end := i
			for end < len(rs) && !ends(rs[end]) {
				end++
			}
			word := string(rs[i:end])
			if name, rest, ok := strings.Cut(word, ":"); ok && isFieldName(name) {
				if _, known := fields[strings.ToLower(name)]; !known {
					return nil, bad(i, fmt.Sprintf("unknown field %s:", name), "use title: or text:")
				}
				if rest == "" && (end == len(rs) || isSpace(rs[end]) || rs[end] == ')') {
					return nil, bad(i, fmt.Sprintf("empty field %s:", name), "write "+name+":word, "+name+":\"a phrase\" or "+name+":(…)")
				}
				toks = append(toks, token{tokField, strings.ToLower(name), i})
				i += len([]rune(name)) + 1
				continue
			}
			if op, ok := operators[word]; ok {
				toks = append(toks, token{op, word, i})
			} else if strings.HasSuffix(word, "*") {
				prefix := strings.TrimSuffix(word, "*")
				if prefix == "" || strings.ContainsRune(prefix, '*') || strings.HasSuffix(prefix, "'") || strings.HasSuffix(prefix, "’") {
					return nil, bad(i, "misplaced *", "write a prefix followed by *, as in sanction*")
				}
				toks = append(toks, token{tokPrefix, prefix, i})
			} else if strings.ContainsRune(word, '*') {
				return nil, bad(i+slices.Index(rs[i:end], '*'), "misplaced *", "* ends a prefix, as in sanction*")
			} else {
				toks = append(toks, token{tokWord, word, i})
			}
			i = end
		}
	}
	return append(toks, token{tokEOF, "", len(rs)}), nil
}

// isFieldName reports whether s can be a field name: letters only, so that
// « 12:30 » stays a word.
func isFieldName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// The AST of a query.
type (
	node interface{ String() string }

	// orNode matches what one of its children matches.
	orNode struct{ xs []node }
	// andNode matches what all its children match.
	andNode struct{ xs []node }
	// notNode matches what its child does not.
	notNode struct{ x node }
	// termNode is a word, a phrase or a prefix in some fields.
	termNode struct {
		kind  tokenKind // tokWord, tokPhrase or tokPrefix
		text  string
		field string // "" for the default fields
		pos   int
	}
)

func (n *orNode) String() string  { return "(OR " + joinNodes(n.xs) + ")" }
func (n *andNode) String() string { return "(AND " + joinNodes(n.xs) + ")" }
func (n *notNode) String() string { return "(NOT " + n.x.String() + ")" }
func (n *termNode) String() string {
	s := n.text
	switch n.kind {
	case tokPhrase:
		s = `"` + s + `"`
	case tokPrefix:
		s += "*"
	}
	if n.field != "" {
		s = n.field + ":" + s
	}
	return s
}

func joinNodes(xs []node) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, " ")
}

// A parser reads tokens into an AST:
//
//	or      = and { OR and }
//	and     = unary { [AND] unary }
//	unary   = (NOT | + | -) unary | primary
//	primary = [field] ( "(" or ")" | word | "phrase" | prefix* )
type parser struct {
	q    string
	toks []token
	i    int
}

// parseQuery parses a query into its AST.
func parseQuery(q string) (node, error) {
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{q: q, toks: toks}
	n, err := p.or("")
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		// Only a closing bracket can stop the top level early.
		return nil, p.bad(t.pos, "closing bracket without an opening one", "")
	}
	return n, nil
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

func (p *parser) bad(pos int, msg, hint string) error {
	return &QueryError{Query: p.q, Offset: pos, Msg: msg, Hint: hint}
}

// startsTerm reports whether a token can begin a unary, so that two terms
// side by side are ANDed.
func startsTerm(k tokenKind) bool {
	switch k {
	case tokWord, tokPhrase, tokPrefix, tokField, tokOpen, tokNot, tokPlus, tokMinus:
		return true
	}
	return false
}

func (p *parser) or(field string) (node, error) {
	first, err := p.and(field)
	if err != nil {
		return nil, err
	}
	xs := []node{first}
	for p.peek().kind == tokOr {
		op := p.next()
		x, err := p.operand(op, field, p.and)
		if err != nil {
			return nil, err
		}
		xs = append(xs, x)
	}
	if len(xs) == 1 {
		return first, nil
	}
	return &orNode{xs}, nil
}

func (p *parser) and(field string) (node, error) {
	first, err := p.unary(field)
	if err != nil {
		return nil, err
	}
	xs := []node{first}
	for {
		t := p.peek()
		var x node
		switch {
		case t.kind == tokAnd:
			p.next()
			x, err = p.operand(t, field, p.unary)
		case startsTerm(t.kind):
			x, err = p.unary(field)
		default:
			if len(xs) == 1 {
				return first, nil
			}
			return &andNode{xs}, nil
		}
		if err != nil {
			return nil, err
		}
		xs = append(xs, x)
	}
}

// operand parses what follows the operator op, saying so when nothing does.
func (p *parser) operand(op token, field string, parse func(string) (node, error)) (node, error) {
	t := p.peek()
	switch {
	case t.kind == tokEOF || t.kind == tokClose:
		return nil, p.bad(op.pos, op.text+" with nothing after it", "")
	case t.kind == tokAnd || t.kind == tokOr:
		return nil, p.bad(t.pos, t.text+" right after "+op.text, "")
	}
	return parse(field)
}

func (p *parser) unary(field string) (node, error) {
	t := p.peek()
	switch t.kind {
	case tokNot, tokMinus:
		p.next()
		x, err := p.operand(t, field, p.unary)
		if err != nil {
			return nil, err
		}
		return &notNode{x}, nil
	case tokPlus:
		p.next()
		return p.operand(t, field, p.unary)
	}
	return p.primary(field)
}

func (p *parser) primary(field string) (node, error) {
	t := p.next()
	switch t.kind {
	case tokField:
		f := fields[t.text]
		switch n := p.peek(); n.kind {
		case tokWord, tokPhrase, tokPrefix, tokOpen:
			return p.primary(f)
		case tokNot, tokPlus, tokMinus:
			return p.unary(f) // title:-amende is NOT title:amende
		default:
			return nil, p.bad(t.pos, "empty field "+t.text+":", "write "+t.text+":word, "+t.text+":\"a phrase\" or "+t.text+":(…)")
		}
	case tokOpen:
		switch p.peek().kind {
		case tokClose:
			return nil, p.bad(t.pos, "empty brackets", "")
		case tokEOF:
			return nil, p.bad(t.pos, "unclosed bracket", "")
		}
		x, err := p.or(field)
		if err != nil {
			return nil, err
		}
		if p.peek().kind != tokClose {
			return nil, p.bad(t.pos, "unclosed bracket", "")
		}
		p.next()
		return x, nil
	case tokWord, tokPhrase, tokPrefix:
		return &termNode{kind: t.kind, text: t.text, field: field, pos: t.pos}, nil
	case tokClose:
		return nil, p.bad(t.pos, "closing bracket without an opening one", "")
	case tokEOF:
		return nil, p.bad(t.pos, "nothing to search for", "")
	}
	// An AND or OR where a term should start.
	return nil, p.bad(t.pos, t.text+" with nothing before it", "")
}

// textQuery parses a query and builds the bleve query that runs it.
func (ix *Index) textQuery(q string) (query.Query, error) {
	n, err := parseQuery(q)
	if err != nil {
		return nil, err
	}
	bq, err := ix.bleveQuery(n)
	if err != nil {
		return nil, err
	}
	if bq == nil {
		return nil, &QueryError{Query: q, Offset: firstTerm(n), Msg: "only stop words", Hint: "words such as le, la, et, ou are not indexed"}
	}
	return bq, nil
}

func firstTerm(n node) int {
	switch n := n.(type) {
	case *orNode:
		return firstTerm(n.xs[0])
	case *andNode:
		return firstTerm(n.xs[0])
	case *notNode:
		return firstTerm(n.x)
	case *termNode:
		return n.pos
	}
	return 0
}

// bleveQuery turns an AST into a bleve query; nil when nothing is left to
// search once stop words are dropped.
func (ix *Index) bleveQuery(n node) (query.Query, error) {
	switch n := n.(type) {
	case *orNode:
		var xs []query.Query
		for _, c := range n.xs {
			x, err := ix.bleveQuery(c)
			if err != nil {
				return nil, err
			}
			if x != nil {
				xs = append(xs, x)
			}
		}
		return anyOf(xs), nil
	case *andNode:
		var must, mustNot []query.Query
		for _, c := range n.xs {
			neg := false
			if not, ok := c.(*notNode); ok {
				c, neg = not.x, true
			}
			x, err := ix.bleveQuery(c)
			if err != nil || x == nil {
				if err != nil {
					return nil, err
				}
				continue
			}
			if neg {
				mustNot = append(mustNot, x)
			} else {
				must = append(must, x)
			}
		}
		return allBut(must, mustNot), nil
	case *notNode:
		x, err := ix.bleveQuery(n.x)
		if err != nil || x == nil {
			return nil, err
		}
		return allBut(nil, []query.Query{x}), nil
	case *termNode:
		return ix.termQuery(n)
	}
	return nil, fmt.Errorf("unknown query node %T", n)
}

// anyOf is the disjunction of xs; nil for none.
func anyOf(xs []query.Query) query.Query {
	switch len(xs) {
	case 0:
		return nil
	case 1:
		return xs[0]
	}
	return bleve.NewDisjunctionQuery(xs...)
}

// allBut matches every query of must and none of mustNot; nil for neither.
func allBut(must, mustNot []query.Query) query.Query {
	if len(mustNot) == 0 {
		switch len(must) {
		case 0:
			return nil
		case 1:
			return must[0]
		}
		return bleve.NewConjunctionQuery(must...)
	}
	b := bleve.NewBooleanQuery()
	if len(must) == 0 {
		b.AddMust(bleve.NewMatchAllQuery())
	} else {
		b.AddMust(must...)
	}
	b.AddMustNot(mustNot...)
	return b
}

// termQuery looks for a word, phrase or prefix in its field, or in the
// title and the text; nil when the analyser leaves nothing of it.
func (ix *Index) termQuery(t *termNode) (query.Query, error) {
	fs := defaultFields
	if t.field != "" {
		fs = []string{t.field}
	}
	var xs []query.Query
	switch t.kind {
	case tokPrefix:
		for _, p := range ix.prefixes(t.text) {
			for _, f := range fs {
				pq := bleve.NewPrefixQuery(p)
				pq.SetField(f)
				xs = append(xs, pq)
			}
		}
	default:
		terms, err := ix.analyse(fs[0], t.text)
		if err != nil {
			return nil, err
		}
		if len(terms) == 0 {
			return nil, nil // a stop word
		}
		for _, f := range fs {
			if t.kind == tokWord && len(terms) == 1 {
				m := bleve.NewMatchQuery(t.text)
				m.SetField(f)
				xs = append(xs, m)
			} else {
				// A phrase, or a word the analyser splits (« non-respect », « 5-1-e »).
				m := bleve.NewMatchPhraseQuery(t.text)
				m.SetField(f)
				xs = append(xs, m)
			}
		}
	}
	return anyOf(xs), nil
}

// analyse runs a field's analyser on s and returns its terms.
func (ix *Index) analyse(field, s string) ([]string, error) {
	m := ix.bleve.Mapping()
	a := m.AnalyzerNamed(m.AnalyzerNameForPath(field))
	if a == nil {
		return nil, fmt.Errorf("index mapping has no analyser for %s", field)
	}
	var out []string
	for _, tok := range a.Analyze([]byte(s)) {
		out = append(out, string(tok.Term))
	}
	return out, nil
}

// unaccent removes diacritics: « sanctionné » -> « sanctionne ».
var unaccent = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// prefixes gives the forms a prefix is looked up under in the index, whose
// terms are lower-cased and stemmed by the French analyser (which drops some
// accents, not all): the prefix in lower case without its elision (« l' »),
// the same without accents, and its stem when the analyser gives one.
func (ix *Index) prefixes(p string) []string {
	if i := strings.LastIndexAny(p, "'’"); i >= 0 {
		_, size := utf8.DecodeRuneInString(p[i:])
		p = p[i+size:]
	}
	lower := strings.ToLower(p)
	if lower == "" {
		return nil
	}
	out := []string{lower}
	if folded, _, err := transform.String(unaccent, lower); err == nil && folded != lower {
		out = append(out, folded)
	}
	if terms, err := ix.analyse(fieldText, p); err == nil && len(terms) == 1 && !slices.Contains(out, terms[0]) {
		out = append(out, terms[0])
	}
	return out
}
