package ratchet

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps the errors reported to it.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper()         {}
func (r *recorder) Log(args ...any) {}
func (r *recorder) Errorf(format string, a ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, a...))
}
func (r *recorder) Fatalf(format string, a ...any) { r.Errorf(format, a...) }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "floors.txt")
	if err := os.WriteFile(path, []byte("# header\namounts 0.900 0.970 issue 3\ngdpr 0.500 0.980\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		figures map[string]float64
		want    []string // substrings of the errors, in order
	}{
		{"above and at the floors", map[string]float64{"amounts": 0.95, "gdpr": 0.5}, nil},
		{"below a floor", map[string]float64{"amounts": 0.899, "gdpr": 0.6}, []string{"amounts = 0.899, below its floor 0.900"}},
		{"a metric gone", map[string]float64{"amounts": 0.95}, []string{"gdpr is no longer measured"}},
		{"a metric new", map[string]float64{"amounts": 0.95, "gdpr": 0.6, "dates": 1}, []string{"dates is measured but has no floor"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &recorder{TB: t}
			Check(r, path, c.figures)
			if len(r.errors) != len(c.want) {
				t.Fatalf("errors %q, want %d", r.errors, len(c.want))
			}
			for i, w := range c.want {
				if !strings.Contains(r.errors[i], w) {
					t.Errorf("error %q, want it to say %q", r.errors[i], w)
				}
			}
		})
	}
}

func TestRaise(t *testing.T) {
	path := filepath.Join(t.TempDir(), "floors.txt")
	if err := os.WriteFile(path, []byte("# header\namounts 0.900 0.970 issue 3\ngdpr 0.500 0.980\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	*raise = true
	defer func() { *raise = false }()
	Check(&recorder{TB: t}, path, map[string]float64{"amounts": 0.95678, "gdpr": 0.4, "dates": 1})
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "# header\namounts            0.956   0.970   issue 3\ngdpr               0.500   0.980\ndates              1.000   1.000\n"
	if string(got) != want {
		t.Errorf("raised file:\n%s\nwant:\n%s", got, want)
	}
}
