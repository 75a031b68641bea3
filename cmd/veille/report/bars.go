package report

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// eighths are the block characters of a bar's last cell, from 1/8 to 7/8.
var eighths = []rune("▏▎▍▌▋▊▉")

// WriteBars draws a chart as horizontal bars of block characters, the
// longest width cells long, one line per bar: label, bar, value, note.
func WriteBars(w io.Writer, c Chart, width int) error {
	fmt.Fprintf(w, "%s\n", c.Title)
	if len(c.Bars) == 0 {
		_, err := fmt.Fprintln(w, "  (none)")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	textWidth := 0 // values are right-aligned
	for _, b := range c.Bars {
		textWidth = max(textWidth, utf8.RuneCountInString(b.Text))
	}
	for _, b := range c.Bars {
		pad := strings.Repeat(" ", textWidth-utf8.RuneCountInString(b.Text))
		fmt.Fprintf(tw, "  %s\t%s\t%s%s", b.Label, bar(c.Fraction(b.Value), width), pad, b.Text)
		if b.Note != "" {
			fmt.Fprintf(tw, "  %s", b.Note)
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// bar is a bar of a fraction of width cells, padded to width; a fraction
// above zero shows at least an eighth of a cell.
func bar(fraction float64, width int) string {
	n := 0 // eighths of a cell
	if fraction > 0 {
		n = max(int(math.Round(fraction*float64(width*8))), 1)
	}
	s := strings.Repeat("█", n/8)
	if n%8 > 0 {
		s += string(eighths[n%8-1])
	}
	cells := n / 8
	if n%8 > 0 {
		cells++
	}
	return s + strings.Repeat(" ", width-cells)
}
