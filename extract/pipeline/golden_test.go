package pipeline

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille/veille/extract"
)

var update = flag.Bool("update", false, "rewrite the extraction goldens of testdata/golden")

// TestExtractionGolden holds the extraction of the fixtures and of the shared
// development corpus to testdata/golden/<set>/<article>.txt: each article's
// text with its facts marked inline (extract.Record.Annotate). A change of
// rules shows in review everything it changes, in every family; regenerate
// with go test ./extract/pipeline -run TestExtractionGolden -update and read
// the diff.
func TestExtractionGolden(t *testing.T) {
	for _, set := range []struct{ name, dir string }{
		{"fixtures", filepath.Join("..", "..", "fixtures")},
		{"dev", filepath.Join("..", "..", "..", "shared", "eval", "dev", "docs")},
	} {
		t.Run(set.name, func(t *testing.T) {
			if _, err := os.Stat(set.dir); err != nil {
				t.Skipf("no %s (the shared corpora sit beside the repository in development and CI only)", set.dir)
			}
			golden := filepath.Join("testdata", "golden", set.name)
			got := map[string]string{}
			_, err := Run(context.Background(), []string{set.dir}, strings.NewReader(""), Options{}, func(r *extract.Record) error {
				if r.Skipped == extract.NotSkipped {
					name := strings.NewReplacer("#", "_", "/", "_").Replace(strings.TrimPrefix(r.Source, set.dir+string(filepath.Separator))) + ".golden"
					got[name] = r.Annotate()
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := os.RemoveAll(golden); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(golden, 0o755); err != nil {
					t.Fatal(err)
				}
				for name, text := range got {
					if err := os.WriteFile(filepath.Join(golden, name), []byte(text), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			files, _ := filepath.Glob(filepath.Join(golden, "*.golden"))
			if len(files) != len(got) {
				t.Errorf("%d goldens in %s, %d articles extracted: run with -update", len(files), golden, len(got))
			}
			for name, text := range got {
				want, err := os.ReadFile(filepath.Join(golden, name))
				if err != nil {
					t.Errorf("%v (run with -update)", err)
					continue
				}
				if string(want) != text {
					t.Errorf("%s differs from its golden:\n%s", name, firstDifference(string(want), text))
				}
			}
		})
	}
}

// firstDifference shows the first line where want and got part.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, wl, gl)
		}
	}
	return ""
}
