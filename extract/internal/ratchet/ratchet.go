// Package ratchet holds the corpus tests to the best figures measured so far.
//
// A floors file lists one metric a line: its name, its floor (the last figure
// measured and accepted) and its target (what the issues ask for), then an
// optional note:
//
//	# metric          floor   target
//	amounts           0.963   0.970   issue 3
//
// Check fails when a figure falls below its floor. A figure above its floor
// does not raise it by itself: run the test with -ratchet to write the new
// floors, and commit the file with the change that earned them, so that every
// gain is deliberate and visible in review.
package ratchet

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var raise = flag.Bool("ratchet", false, "raise the floors of the ratchet files to the figures measured")

// A floor is one line of a floors file.
type floor struct {
	metric        string
	floor, target float64
	note          string
}

// Check compares the figures measured with the floors in path (see the
// package doc), logs each figure with its floor and target, and with
// -ratchet raises the floors to the figures.
func Check(t testing.TB, path string, figures map[string]float64) {
	t.Helper()
	floors, header, err := read(path)
	if err != nil {
		t.Fatalf("ratchet: %v (create it with -ratchet)", err)
	}
	var log strings.Builder
	fmt.Fprintf(&log, "%-18s %7s %7s %7s\n", "metric", "got", "floor", "target")
	listed := map[string]bool{}
	for i := range floors {
		f := &floors[i]
		listed[f.metric] = true
		got, ok := figures[f.metric]
		if !ok {
			t.Errorf("ratchet %s: metric %s is no longer measured; remove its line", path, f.metric)
			continue
		}
		fmt.Fprintf(&log, "%-18s %7.3f %7.3f %7.3f%s\n", f.metric, got, f.floor, f.target, gap(got, f.target))
		if got < f.floor-1e-9 {
			t.Errorf("%s = %.3f, below its floor %.3f in %s", f.metric, got, f.floor, path)
		}
		if *raise {
			f.floor = math.Max(f.floor, math.Floor(got*1000+1e-6)/1000)
		}
	}
	var unlisted []string
	for m := range figures {
		if !listed[m] {
			unlisted = append(unlisted, m)
		}
	}
	sort.Strings(unlisted)
	for _, m := range unlisted {
		if *raise {
			floors = append(floors, floor{metric: m, floor: math.Floor(figures[m]*1000+1e-6) / 1000, target: 1})
			continue
		}
		t.Errorf("ratchet %s: metric %s is measured but has no floor; add it with -ratchet", path, m)
	}
	t.Log("\n" + log.String())
	if *raise {
		if err := write(path, header, floors); err != nil {
			t.Fatal(err)
		}
	}
}

// gap says how far a figure stands below its target.
func gap(got, target float64) string {
	if got >= target-1e-9 {
		return ""
	}
	return fmt.Sprintf("  (%.3f to go)", target-got)
}

// read parses a floors file; header is its leading comment block.
func read(path string) ([]floor, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var floors []floor
	var header []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			if len(floors) == 0 {
				header = append(header, sc.Text())
			}
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 3 {
			return nil, nil, fmt.Errorf("%s:%d: want: metric floor target [note]", path, n)
		}
		fl, err1 := strconv.ParseFloat(fields[1], 64)
		tg, err2 := strconv.ParseFloat(fields[2], 64)
		if err1 != nil || err2 != nil {
			return nil, nil, fmt.Errorf("%s:%d: floor and target must be numbers", path, n)
		}
		floors = append(floors, floor{fields[0], fl, tg, strings.Join(fields[3:], " ")})
	}
	return floors, header, sc.Err()
}

func write(path string, header []string, floors []floor) error {
	var b strings.Builder
	for _, h := range header {
		b.WriteString(h + "\n")
	}
	for _, f := range floors {
		line := fmt.Sprintf("%-18s %.3f   %.3f", f.metric, f.floor, f.target)
		if f.note != "" {
			line += "   " + f.note
		}
		b.WriteString(line + "\n")
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
