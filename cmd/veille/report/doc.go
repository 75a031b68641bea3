// Package report draws the corpus aggregates of index.Stats: as horizontal
// bars on a terminal (veille stats) and as a self-contained HTML page with
// SVG charts and a sortable table (veille report). Both draw the same
// Charts, so the terminal and the page never disagree.
//
// Files:
//
//	doc.go         this list
//	chart.go       the charts of a Stats, euro formatting
//	bars.go        a chart as bars of block characters, for a terminal
//	page.go        the HTML page: its data (Page, Row) and Write
//	page.html.tmpl the page's template, with its inline CSS and script
//
// It is part of the CLI, not a stable API.
package report
