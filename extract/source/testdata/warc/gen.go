//go:build ignore

// gen writes site.warc and site.warc.gz, the WARC fixtures of warc_test.go:
// go run gen.go (in this directory). The pages are written for the tests;
// they report no real decision.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"log"
	"os"
	"strings"
)

// A record is one WARC record: its type, extra header lines and block.
type record struct {
	typ, id, uri, date, contentType string
	block                           string
	raw                             string // a broken record, written as is
}

const page1 = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>La CNIL sanctionne un courtier en données | Veille test</title></head>
<body><nav><a href="/">Accueil</a> <a href="/actus">Actualités</a></nav>
<article><h1>La CNIL sanctionne un courtier en données</h1>
<p>La formation restreinte de la CNIL a prononcé une amende de 150 000 euros à l'encontre de la société Datamarché, un courtier en données qui revendait des fichiers de prospection sans le consentement des personnes.</p>
<p>Elle lui a enjoint de supprimer, dans un délai de trois mois, les données collectées illicitement, sous astreinte de 500 euros par jour de retard.</p>
</article>
<footer>Mentions légales — Plan du site</footer></body></html>`

// page2 is served as windows-1252 by its HTTP header only, and has its own date.
const page2 = `<html><head><title>Le Conseil d'État confirme la sanction</title>
<meta property="article:published_time" content="2023-11-02T08:00:00+01:00"></head>
<body><main><h1>Le Conseil d'État confirme la sanction</h1>
<p>Le Conseil d’État a rejeté le recours de la société Publicité Œuvre contre la délibération de la CNIL qui lui avait infligé une amende de 75 000 €.</p>
<p>La haute juridiction estime que la sanction n’était pas disproportionnée au regard de la gravité des manquements constatés.</p>
</main><div class="cookie-banner">Nous utilisons des cookies.</div></body></html>`

const page3 = `<html><head><meta charset="utf-8"><title>Mise en demeure d'une commune</title></head>
<body><article><h1>Mise en demeure d'une commune</h1>
<p>La présidente de la CNIL a mis en demeure une commune de mettre fin à la vidéosurveillance excessive de ses agents, dans un délai de deux mois.</p>
</article></body></html>`

const page4 = `<html><head><meta charset="utf-8"><title>L'Autorité de la concurrence inflige une amende</title></head>
<body><article><h1>L'Autorité de la concurrence inflige une amende</h1>
<p>L'Autorité de la concurrence a infligé une amende de 2 millions d'euros à un fabricant de matériel médical pour entente sur les prix.</p>
</article></body></html>`

const pageEN = `<html><head><meta charset="utf-8"><title>Regulator fines broker</title></head>
<body><article><h1>Regulator fines broker</h1>
<p>The data protection authority fined a data broker 150,000 euros for selling prospect lists without the consent of the people concerned.</p>
</article></body></html>`

func httpResponse(status, headers, body string) string {
	return "HTTP/1.1 " + status + "\r\n" + headers + fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body)) + body
}

func chunked(status, headers, body string) string {
	var b strings.Builder
	b.WriteString("HTTP/1.1 " + status + "\r\n" + headers + "Transfer-Encoding: chunked\r\n\r\n")
	for len(body) > 0 {
		n := min(len(body), 100)
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, body[:n])
		body = body[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}

func gzipped(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// cp1252 encodes the few non-ASCII characters of page2.
var cp1252 = strings.NewReplacer("’", "\x92", "É", "\xc9", "é", "\xe9", "Œ", "\x8c", "€", "\x80", "è", "\xe8", "à", "\xe0", "ê", "\xea")

func main() {
	const date = "2024-03-14T09:30:00Z"
	const http = "application/http; msgtype=response"
	recs := []record{
		{typ: "warcinfo", id: "0001", date: date, contentType: "application/warc-fields", block: "software: veille testdata/warc/gen.go\r\nformat: WARC File Format 1.1\r\n"},
		{typ: "request", id: "0002", uri: "https://veille.test/actus/courtier", date: date, contentType: "application/http; msgtype=request",
			block: "GET /actus/courtier HTTP/1.1\r\nHost: veille.test\r\n\r\n"},
		{typ: "response", id: "0003", uri: "https://veille.test/actus/courtier", date: date, contentType: http,
			block: httpResponse("200 OK", "Content-Type: text/html; charset=utf-8\r\n", page1)},
		{typ: "metadata", id: "0004", uri: "https://veille.test/actus/courtier", date: date, contentType: "application/warc-fields", block: "fetchTimeMs: 42\r\n"},
		{typ: "response", id: "0005", uri: "https://veille.test/actus/conseil-etat", date: date, contentType: http,
			block: chunked("200 OK", "Content-Type: text/html; charset=windows-1252\r\n", cp1252.Replace(page2))},
		{typ: "response", id: "0006", uri: "https://veille.test/logo.png", date: date, contentType: http,
			block: httpResponse("200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n")},
		{typ: "response", id: "0007", uri: "https://veille.test/absente", date: date, contentType: http,
			block: httpResponse("404 Not Found", "Content-Type: text/html\r\n", "<html><body><h1>Page introuvable</h1></body></html>")},
		{typ: "resource", id: "0008", uri: "https://veille.test/actus/commune", date: "2024-02-20T10:00:00Z", contentType: "text/html; charset=utf-8", block: page3},
		{raw: "WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 20\r\n\r\nthis is no response\n\r\n\r\n"},
		{typ: "response", id: "0010", uri: "https://veille.test/actus/entente", date: "2024-03-15T11:00:00Z", contentType: http,
			block: httpResponse("200 OK", "Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n", gzipped(page4))},
		{typ: "revisit", id: "0011", uri: "https://veille.test/actus/courtier", date: date, contentType: http,
			block: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"},
		{typ: "response", id: "0012", uri: "https://veille.test/en/broker", date: date, contentType: http,
			block: httpResponse("200 OK", "Content-Type: text/html; charset=utf-8\r\n", pageEN)},
	}
	var plain, gz bytes.Buffer
	for _, r := range recs {
		s := r.raw
		if s == "" {
			var b strings.Builder
			b.WriteString("WARC/1.1\r\n")
			fmt.Fprintf(&b, "WARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000%s>\r\nWARC-Date: %s\r\n", r.typ, r.id, r.date)
			if r.uri != "" {
				fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
			}
			fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", r.contentType, len(r.block), r.block)
			s = b.String()
		}
		plain.WriteString(s)
		gz.WriteString(gzipped(s)) // one gzip member per record, as crawlers write them
	}
	if err := os.WriteFile("site.warc", plain.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("site.warc.gz", gz.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
