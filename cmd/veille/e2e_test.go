package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/veille/veille/extract"
	"github.com/veille/veille/index"
)

// These tests run the veille binary, built once, as a user would: they send
// it signals and run two at once. They are slow and skip under -short.

var builtVeille string

// buildVeille builds the binary into a temporary directory, once per test run.
func buildVeille(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("end-to-end test of the binary skipped under -short")
	}
	if builtVeille != "" {
		return builtVeille
	}
	dir, err := os.MkdirTemp("", "veille-e2e-")
	if err != nil {
		tb.Fatal(err)
	}
	bin := filepath.Join(dir, "veille")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	builtVeille = bin
	return bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtVeille != "" {
		os.RemoveAll(filepath.Dir(builtVeille))
	}
	os.Exit(code)
}

// writeDump writes genDump(n) to a file and returns its path and the ids of
// the articles that an ingest indexes (those extract does not skip).
func writeDump(t *testing.T, bin string, n int) (string, []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dump.jsonl")
	if err := os.WriteFile(path, genDump(t, n), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "extract", path).Output()
	if err != nil {
		t.Fatalf("veille extract: %v", err)
	}
	var ids []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r struct {
			ID      string  `json:"id"`
			Skipped *string `json:"skipped"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Skipped == nil {
			ids = append(ids, r.ID)
		}
	}
	slices.Sort(ids)
	return path, ids
}

// indexedIDs opens the index and returns the ids of its articles, sorted,
// checking that the count of the index agrees.
func indexedIDs(t *testing.T, dir string) []string {
	t.Helper()
	ix, err := index.Open(dir, false, index.Options{})
	if err != nil {
		t.Fatalf("the index does not open: %v", err)
	}
	defer ix.Close()
	var ids []string
	if err := ix.Each(func(r *extract.JSONRecord) error { ids = append(ids, r.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	n, err := ix.Count()
	if err != nil || n != uint64(len(ids)) {
		t.Errorf("index count %d (%v), but %d articles in it", n, err, len(ids))
	}
	slices.Sort(ids)
	return ids
}

// TestIngestSurvivesKills kills ingest (SIGKILL) at random times 20 times
// in a row, then lets it finish: the index opens and holds every article
// exactly once. Every other run is -reindex, which rewrites the articles
// already there, so that kills land while articles are replaced too, and
// not only on runs that have little left to do.
func TestIngestSurvivesKills(t *testing.T) {
	bin := buildVeille(t)
	start := time.Now()
	dump, want := writeDump(t, bin, 300)
	dir := filepath.Join(t.TempDir(), "index.bleve")
	// How long a whole run takes, to kill within it.
	t0 := time.Now()
	if out, err := exec.Command(bin, "ingest", "-index", filepath.Join(t.TempDir(), "ref.bleve"), dump).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	whole := time.Since(t0)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	killed, finished := 0, 0
	for i := range 20 {
		args := []string{"ingest", "-batch", "20", "-index", dir, dump}
		if i%2 == 1 {
			args = slices.Insert(args, 1, "-reindex")
		}
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wait := time.Duration(rng.Int64N(int64(whole)))
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		select {
		case err := <-exited:
			if err != nil {
				t.Fatalf("run %d ended before its kill: %v\n%s", i, err, stderr.String())
			}
			finished++
		case <-time.After(wait):
			cmd.Process.Signal(syscall.SIGKILL)
			<-exited
			killed++
		}
	}
	out, err := exec.Command(bin, "ingest", "-index", dir, dump).CombinedOutput()
	if err != nil {
		t.Fatalf("ingest after the kills: %v\n%s", err, out)
	}
	t.Logf("%d runs killed, %d finished first; then %s", killed, finished, strings.TrimSpace(string(out)))
	if got := indexedIDs(t, dir); !slices.Equal(got, want) {
		t.Errorf("after the kills the index holds %d articles, want the %d of the dump once each", len(got), len(want))
	}
	t.Logf("a whole run takes %v; the test %v", whole.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
}

// TestIngestBusy runs two ingests on one index at once: one of them says
// in one line that the index is busy and exits with status 1 at once; the
// other indexes everything.
func TestIngestBusy(t *testing.T) {
	bin := buildVeille(t)
	dump, want := writeDump(t, bin, 300)
	// On a fresh index, both start at once and race to create it; on an
	// index already there, the second starts while the first re-indexes it
	// all (it waits up to a second for the index before giving up), once
	// that one holds it.
	for _, fresh := range []bool{true, false} {
		dir := filepath.Join(t.TempDir(), "index.bleve")
		if !fresh {
			if out, err := exec.Command(bin, "ingest", "-index", dir, dump).CombinedOutput(); err != nil {
				t.Fatalf("ingest: %v\n%s", err, out)
			}
		}
		type result struct {
			stderr string
			err    error
			took   time.Duration
		}
		results := make(chan result, 2)
		for k := range 2 {
			if !fresh && k == 1 {
				waitHeld(t, dir)
			}
			args := []string{"ingest", "-index", dir}
			if !fresh && k == 0 {
				args = append(args, "-reindex")
			}
			args = append(args, dump)
			go func() {
				cmd := exec.Command(bin, args...)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				t0 := time.Now()
				err := cmd.Run()
				results <- result{stderr.String(), err, time.Since(t0)}
			}()
		}
		var busy, done int
		for range 2 {
			r := <-results
			switch {
			case r.err == nil:
				done++
			case strings.Contains(r.stderr, "busy"):
				busy++
				// how long it waited is logged, not asserted: the cores are shared
				t.Logf("the busy run gave up after %v", r.took)
				if ee, ok := r.err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || strings.Count(r.stderr, "\n") != 1 {
					t.Errorf("the busy run exited with %v, saying %q: want status 1 and one line", r.err, r.stderr)
				}
			default:
				t.Errorf("ingest: %v\n%s", r.err, r.stderr)
			}
		}
		if busy != 1 || done != 1 {
			t.Errorf("fresh index %v: %d runs found it busy, %d indexed: want one each", fresh, busy, done)
		}
		got := indexedIDs(t, dir)
		if !fresh {
			got = slices.DeleteFunc(got, func(id string) bool {
				return !strings.HasPrefix(id, "gen-") && len(id) != 16 || id == "6ca6861ed053943e" || id == "d1705f149e82d801"
			})
		}
		if !slices.Equal(got, want) {
			t.Errorf("fresh index %v: the index holds %d articles, want %d", fresh, len(got), len(want))
		}
	}
}

// waitHeld returns once another process holds the index at dir.
func waitHeld(t *testing.T, dir string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		ix, err := index.Open(dir, false, index.Options{LockTimeout: "10ms"})
		if errors.Is(err, index.ErrBusy) {
			return
		}
		if err == nil {
			ix.Close()
		}
	}
	t.Fatalf("no process took %s", dir)
}

// TestIngestResumeTime interrupts (SIGINT) an ingest half-way through its
// input, checks that the run that finishes the job skips what was indexed,
// and logs its time against a whole run's.
func TestIngestResumeTime(t *testing.T) {
	bin := buildVeille(t)
	dump, want := writeDump(t, bin, 1000)
	data, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	timed := func(args ...string) (time.Duration, time.Duration, string) {
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		t0 := time.Now()
		if err := cmd.Run(); err != nil {
			t.Fatalf("veille %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
		}
		cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		return time.Since(t0), cpu, strings.TrimSpace(stderr.String())
	}
	wholeWall, wholeCPU, _ := timed("ingest", "-index", filepath.Join(t.TempDir(), "whole.bleve"), dump)

	// The interrupted run reads its input from a pipe: half of the dump,
	// then SIGINT, then the end of its input.
	dir := filepath.Join(t.TempDir(), "index.bleve")
	cmd := exec.Command(bin, "ingest", "-index", dir, "-")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for _, l := range lines[:len(lines)/2] {
		if _, err := stdin.Write(l); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(200 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	time.Sleep(100 * time.Millisecond)
	stdin.Close()
	if err := cmd.Wait(); err == nil || !strings.Contains(stderr.String(), "interrupted") {
		t.Fatalf("interrupted ingest: %v\n%s", err, stderr.String())
	}
	first := strings.SplitN(stderr.String(), "\n", 2)[0]

	resumeWall, resumeCPU, summary := timed("ingest", "-index", dir, dump)
	t.Logf("whole run: %v wall, %v CPU; interrupted: %s", wholeWall.Round(time.Millisecond), wholeCPU.Round(time.Millisecond), first)
	t.Logf("resumed: %v wall (%.0f%%), %v CPU (%.0f%%): %s", resumeWall.Round(time.Millisecond), 100*resumeWall.Seconds()/wholeWall.Seconds(),
		resumeCPU.Round(time.Millisecond), 100*resumeCPU.Seconds()/wholeCPU.Seconds(), summary)
	if got := indexedIDs(t, dir); !slices.Equal(got, want) {
		t.Errorf("the resumed index holds %d articles, want %d", len(got), len(want))
	}
	// The resumed run skips what the interrupted one indexed rather than
	// extracting it again. Its time is logged, not asserted: the cores are
	// shared (about 60% of a whole run's CPU on 1000 articles).
	m := regexp.MustCompile(`(\d+) already indexed`).FindStringSubmatch(summary)
	if m == nil || m[1] == "0" {
		t.Errorf("the resumed run skipped nothing already indexed: %s", summary)
	}
}
