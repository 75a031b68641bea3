package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/veille/veille/cmd/veille/report"
	"github.com/veille/veille/extract"
	"github.com/veille/veille/index"
)

// chromium finds a headless Chromium, or skips the test saying why.
func chromium(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	tb.Skip("no chromium on PATH: the report is not checked in a browser (.ci/run installs Debian's chromium)")
	return ""
}

// browse loads url in headless Chromium and returns the DOM once its
// scripts ran, and what the page logged on the console.
func browse(tb testing.TB, bin, url string) (dom, console string) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
		"--user-data-dir="+tb.TempDir(), "--enable-logging=stderr", "--v=0", "--dump-dom", url)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		tb.Fatalf("%s: %v\n%s", cmd, err, stderr.String())
	}
	var lines []string
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(line, ":CONSOLE") || strings.Contains(line, "Refused to") {
			lines = append(lines, line)
		}
	}
	return stdout.String(), strings.Join(lines, "\n")
}

// jsErrors are the console lines of an uncaught error or of something the
// page's Content-Security-Policy refused (a load from the network).
var jsErrors = regexp.MustCompile(`(?m)^.*(Uncaught|Refused to|ERROR:CONSOLE).*$`)

var (
	charts    = regexp.MustCompile(`<svg class="chart" id="chart-([\w-]+)"`)
	tableRows = regexp.MustCompile(`<tr><td class="date">([^<]*)</td>.*?<td class="num" data-v="([^"]*)">`)
)

// TestReportInBrowser opens the report of the fixtures in headless Chromium:
// the charts and the table are there, sorting works from a column's title
// and from #sort= in the address, and the page logs no error.
func TestReportInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser: skipped under -short")
	}
	bin := chromium(t)
	tmp := t.TempDir()
	page := filepath.Join(tmp, "report.html")
	var stderr bytes.Buffer
	m := NewMain(strings.NewReader(""), &bytes.Buffer{}, &stderr)
	m.Getenv = func(string) string { return "" }
	index := filepath.Join(tmp, "index.bleve")
	for _, args := range [][]string{{"ingest", "-index", index, "../../fixtures"}, {"report", "-index", index, "-out", page}} {
		if err := m.Run(context.Background(), args); err != nil {
			t.Fatalf("veille %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
		}
	}

	// The browser must report a script error, or the checks below prove nothing.
	bad := filepath.Join(tmp, "bad.html")
	if err := os.WriteFile(bad, []byte(`<!DOCTYPE html><script>nosuch();</script>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, console := browse(t, bin, "file://"+bad); !jsErrors.MatchString(console) {
		t.Fatalf("chromium logged no error for a page that calls an undefined function; console:\n%s", console)
	}

	// rows lists the table's dates and amounts, in the order shown.
	rows := func(dom string) (dates, amounts []string) {
		for _, m := range tableRows.FindAllStringSubmatch(dom, -1) {
			dates, amounts = append(dates, m[1]), append(amounts, m[2])
		}
		return dates, amounts
	}
	// The fixtures report three amounts: Clearview AI's fine and liquidated
	// astreinte, Kaspr's fine (one row each whether or not sanctions are
	// extracted).
	const largestFirst, smallestFirst = "20000000.00 5200000.00 240000.00", "240000.00 5200000.00 20000000.00"
	join := func(xs []string) string { return strings.Join(xs, " ") }

	dom, console := browse(t, bin, "file://"+page)
	if errs := jsErrors.FindAllString(console, -1); len(errs) > 0 {
		t.Errorf("the report logged errors:\n%s", strings.Join(errs, "\n"))
	}
	var ids []string
	for _, m := range charts.FindAllStringSubmatch(dom, -1) {
		ids = append(ids, m[1])
	}
	if strings.Join(ids, " ") != "groups gdpr sanction-gdpr orgs" {
		t.Errorf("charts %v, want groups gdpr sanction-gdpr orgs", ids)
	}
	if n := strings.Count(dom, "<rect "); n != 3+2+2+2 {
		t.Errorf("%d bars, want 9 (3 sanction groups, 2 GDPR refs cited, 2 tied to sanctions, 2 organisations)", n)
	}
	if _, amounts := rows(dom); join(amounts) != largestFirst {
		t.Errorf("amounts %q, want %s", amounts, largestFirst)
	}

	dom, console = browse(t, bin, "file://"+page+"#sort=amount")
	if errs := jsErrors.FindAllString(console, -1); len(errs) > 0 {
		t.Errorf("#sort=amount logged errors:\n%s", strings.Join(errs, "\n"))
	}
	if _, amounts := rows(dom); join(amounts) != smallestFirst || !strings.Contains(dom, `data-sorted="amount"`) {
		t.Errorf("#sort=amount: amounts %q, want %s", amounts, smallestFirst)
	}

	// Clicking: the page with a script that clicks the Date title twice
	// (ascending, then descending: the dated article first).
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	click := `<script>var b = document.querySelector('th[data-key=date] button'); b.click(); b.click();</script></body>`
	clicked := filepath.Join(tmp, "clicked.html")
	if err := os.WriteFile(clicked, bytes.Replace(html, []byte("</body>"), []byte(click), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, console = browse(t, bin, "file://"+clicked)
	if errs := jsErrors.FindAllString(console, -1); len(errs) > 0 {
		t.Errorf("clicking logged errors:\n%s", strings.Join(errs, "\n"))
	}
	dates, _ := rows(dom)
	if len(dates) != 3 || !slices.IsSortedFunc(dates, func(a, b string) int { return strings.Compare(b, a) }) ||
		dates[0] == dates[2] || !strings.Contains(dom, `data-sorted="-date"`) {
		t.Errorf("after two clicks on Date: dates %q, want them latest first, sorted -date", dates)
	}
	if !strings.Contains(dom, `<th data-key="date" aria-sort="descending">`) {
		t.Errorf("after two clicks on Date, its title does not say it sorts descending")
	}
}

func TestReportRows(t *testing.T) {
	str := func(s string) *string { return &s }
	num := func(v float64) *float64 { return &v }
	rec := &extract.JSONRecord{ID: "a", Title: "Deux sanctions", Source: "nowhere/a.txt", Published: str("2024-12"),
		Entities: []extract.JSONEntity{{Type: "ORG", Name: "Kaspr"}, {Type: "ORG", Name: "Kaspr"}, {Type: "ORG", Name: "LinkedIn"}},
		GDPRRefs: []extract.JSONGDPRRef{{Ref: "15"}, {Ref: "15"}, {Ref: "5-1-e"}}}
	got := reportRows(index.SanctionedArticle{Record: rec, Authority: "CNIL", MaxFine: 240000})
	want := []report.Row{{Date: "2024-12", Authority: "CNIL", Target: "Kaspr, LinkedIn", Kind: "fine", Amount: 240000,
		GDPR: []string{"15", "5-1-e"}, Title: "Deux sanctions", Source: "nowhere/a.txt"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reportRows of an article without sanctions = %+v, want %+v", got, want)
	}
	rec.URL = str("https://example.org/a")
	rec.Sanctions = []extract.JSONSanction{
		{Authority: str("CNIL"), Target: "Kaspr", Kind: "fine", Amount: num(240000), Currency: str("EUR"), Date: str("2024-12-05"), GDPRRefs: []string{"5-1-e"}},
		{Target: "LinkedIn", Kind: "warning"},
	}
	got = reportRows(index.SanctionedArticle{Record: rec, Authority: "CNIL", MaxFine: 240000})
	base := report.Row{Title: "Deux sanctions", URL: "https://example.org/a", Source: "nowhere/a.txt"}
	first, second := base, base
	first.Date, first.Authority, first.Target, first.Kind, first.Amount, first.GDPR = "2024-12-05", "CNIL", "Kaspr", "fine", 240000, []string{"5-1-e"}
	second.Date, second.Target, second.Kind = "2024-12", "LinkedIn", "warning"
	if want := []report.Row{first, second}; !reflect.DeepEqual(got, want) {
		t.Errorf("reportRows of an article with sanctions =\n%+v\nwant\n%+v", got, want)
	}
}
