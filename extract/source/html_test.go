package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHTMLMetadata(t *testing.T) {
	tests := []struct {
		name, in           string
		wantTitle, wantPub string
	}{
		{"og:title wins, published_time in its own offset",
			`<head><title>Autre | Site</title><meta property="og:title" content="Le vrai titre">
			<meta property="article:published_time" content="2022-10-06T23:45:00-04:00"></head><h1>H</h1>`,
			"Le vrai titre", "2022-10-06"},
		{"title without site suffix, en dash",
			`<title>Apple : la cour d&#039;appel réduit l&#039;amende &#8211; Concurrence &amp; Marchés</title>`,
			"Apple : la cour d'appel réduit l'amende", ""},
		{"title with a pipe suffix",
			`<title>Criteo sanctionnée | DroitNum Hebdo</title>`, "Criteo sanctionnée", ""},
		{"title whose dash is not a suffix",
			`<title>CNIL - Google</title>`, "CNIL - Google", ""},
		{"a header's publication date written in the page",
			`<body><header><p>Publié le 12/03/2024 à 10h15</p></header><article><h1>Zorgshop sanctionné</h1><p>La CNIL a sanctionné Zorgshop le 5 mars 2024.</p></article></body>`,
			"Zorgshop sanctionné", "2024-03-12"},
		{"h1 when no title",
			`<body><article><h1>Titre <em>du</em> jour</h1><p>x</p></article>`, "Titre du jour", ""},
		{"JSON-LD object, not dateModified",
			`<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2023-06-23","datePublished":"2023-06-22T09:30:00+02:00"}</script>`,
			"", "2023-06-22"},
		{"JSON-LD @graph, article node preferred",
			`<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},{"@type":["Thing","BlogPosting"],"datePublished":"2022-10-06T14:45:00+00:00"}]}</script>`,
			"", "2022-10-06"},
		{"JSON-LD array",
			`<script type="application/ld+json">[{"@type":"Organization"},{"@type":"Article","datePublished":"2018-10-25"}]</script>`,
			"", "2018-10-25"},
		{"broken JSON-LD skipped for time",
			`<script type="application/ld+json">{oops</script><body><div class="post-meta"><time datetime="2024-12-30T08:00:00+01:00">30 décembre</time></div><article><p>x</p></article>`,
			"", "2024-12-30"},
		{"time marked published over others; updated ignored",
			`<body><time class="updated" datetime="2021-01-01">x</time><article><time datetime="2020-05-05">a</time></article><span><time class="entry-date published" datetime="2020-08-05T10:12:00+02:00">b</time></span>`,
			"", "2020-08-05"},
		{"time inside the article before one in the comments",
			`<body><section id="comments"><time datetime="2021-03-03">c</time></section><article><p>x</p><time datetime="2020-02-02">d</time></article>`,
			"", "2020-02-02"},
		{"time in a comment never dates the page",
			`<body><main><p>x</p></main><div class="comment"><time datetime="2021-03-03">c</time></div>`,
			"", ""},
		{"itemprop datePublished",
			`<body><meta itemprop="datePublished" content="2019-07-01"><article><p>x</p></article>`,
			"", "2019-07-01"},
		{"month precision kept",
			`<meta property="article:published_time" content="2024-01">`, "", "2024-01"},
	}
	tb := testTables(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseHTML([]byte(tt.in), tb)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.wantTitle || a.Published.String() != tt.wantPub {
				t.Errorf("parseHTML(%q) = title %q, published %q; want %q, %q", tt.in, a.Title, a.Published, tt.wantTitle, tt.wantPub)
			}
		})
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"article preferred, chrome dropped",
			`<body><div class="cookie-banner">Cookies : article 82</div><header><h1 class="site">Le Site</h1><nav>Accueil</nav></header>
			<main><nav class="breadcrumb">Accueil › RGPD</nav><article><h1>Titre</h1><p>Un paragraphe.</p>
			<div class="share-bar">Partager</div><figure><img src=x><figcaption>Légende 9 €</figcaption></figure>
			<form>Votre e-mail</form><script>var x = "5 M€";</script><style>p{}</style><noscript>JS</noscript></article>
			<aside class="related"><article><h2>Autre</h2><p>20 millions d'euros</p></article></aside>
			<section class="comments"><p>Commentaire : article 83</p></section></main><footer>© 2024</footer>`,
			"Titre\nUn paragraphe."},
		{"teaser articles in chrome are not the container",
			`<aside class="sidebar"><article><p>Une très longue accroche d'un autre article, bien plus longue que le vrai.</p></article></aside><article><h1>Vrai</h1><p>Court.</p></article>`,
			"Vrai\nCourt."},
		{"entry-content, h1 outside put first",
			`<body><header class="site-header"><p class="site-title">Site</p></header><div class="post"><header class="entry-header"><h1 class="entry-title">Le titre</h1><div class="entry-meta">Publié le 6 octobre 2022</div></header>
			<div class="entry-content"><p>Corps.</p><div class="sharedaddy"><h3>Partager :</h3></div></div><footer class="entry-footer">Tags</footer></div>`,
			"Le titre\nCorps."},
		{"last h1 before the container, not the site's",
			`<body><header><h1>Nom du site</h1></header><h1 class="entry-title">Article</h1><div class="entry-content"><p>Corps.</p></div>`,
			"Article\nCorps."},
		{"itemprop articleBody",
			`<body><div class="menu">Menu</div><div itemprop="articleBody"><p>Corps.</p></div><div>Pied</div>`,
			"Corps."},
		{"main, then body",
			`<body><nav>Nav</nav><main><p>Dans main.</p></main><p>Hors main.</p>`,
			"Dans main."},
		{"body when nothing else; ARIA roles and hidden elements dropped",
			`<body><div role="navigation">Nav</div><p>Corps.</p><div hidden>Caché</div><div style="display: none">Caché</div><span aria-hidden="true">★</span><div role="dialog">Consentement</div>`,
			"Corps."},
		{"blocks are lines, inline elements add no space",
			`<article><p>Un<b>e</b> phrase<br>coupée</p><ul><li>un ;</li><li>deux.</li></ul><div>Fin</div><table><tr><td>a</td><td>b</td></tr></table></article>`,
			"Une phrase\ncoupée\nun ;\ndeux.\nFin\na b"},
		{"white space collapsed, no-break spaces and entities kept as written",
			"<article><p>  Amende   de\n 600&#8239;000&nbsp;€ &laquo;&nbsp;ferme&nbsp;&raquo; &amp; d&#8217;astreinte\t</p></article>",
			"Amende de 600\u202f000\u00a0€ «\u00a0ferme\u00a0» & d’astreinte"},
		{"line breaks of pre kept",
			"<article><pre>ligne 1\n  ligne   2</pre></article>",
			"ligne 1\nligne 2"},
		{"h1 kept once when not first in the container",
			`<article><p class="kicker">Sanctions</p><h1>Le titre</h1><p>Corps.</p></article>`,
			"Sanctions\nLe titre\nCorps."},
	}
	tb := testTables(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseHTML([]byte(tt.in), tb)
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tt.want {
				t.Errorf("parseHTML(%q) text =\n%q\nwant\n%q", tt.in, a.Text, tt.want)
			}
		})
	}
}

func TestHTMLCharsets(t *testing.T) {
	tests := []struct {
		file, want string
	}{
		{"d-cp1252.html", "Sanction : 35\u00a0M€\nL’autorité a infligé 35\u00a0M€ pour des manœuvres… répétées."},
		{"e-latin1.html", "Décision de la société Élan\nAmende de 500\u00a0000 euros, publiée à Paris."},
	}
	tb := testTables(t)
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join("testdata", "corpus", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		a, err := parseHTML(data, tb)
		if err != nil {
			t.Fatal(err)
		}
		if a.Text != tt.want {
			t.Errorf("parseHTML(%s) text = %q, want %q", tt.file, a.Text, tt.want)
		}
	}
}

func TestHTMLBinaryIsAnError(t *testing.T) {
	_, err := parseHTML([]byte("<html>\x00\x01\x02\x00binary"), testTables(t))
	if err == nil || !strings.Contains(err.Error(), "malformed HTML") {
		t.Errorf("parseHTML(binary) error = %v, want malformed HTML", err)
	}
}

func BenchmarkParseHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "corpus", "c-page.html"))
	if err != nil {
		b.Fatal(err)
	}
	tb := testTables(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := parseHTML(data, tb); err != nil {
			b.Fatal(err)
		}
	}
}
