package source

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// walkWithin is walkAll, failing the test if the walk has not ended after d:
// a FIFO opened by mistake blocks forever.
func walkWithin(t *testing.T, d time.Duration, paths []string) []Doc {
	t.Helper()
	var docs []Doc
	done := make(chan error, 1)
	go func() {
		done <- Walk(context.Background(), paths, nil, Options{}, func(doc Doc) error {
			docs = append(docs, doc)
			return nil
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Walk(%q) = %v", paths, err)
		}
	case <-time.After(d):
		t.Fatalf("Walk(%q) still running after %v", paths, d)
	}
	return docs
}

// TestWalkSpecialFiles: a FIFO, a socket, a device, symbolic link loops and
// broken links under a directory are each reported, naming the path and the
// reason, and the walk neither hangs nor stops.
func TestWalkSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Un article.")
	if err := syscall.Mkfifo(filepath.Join(dir, "b-fifo.txt"), 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	l, err := net.Listen("unix", filepath.Join(dir, "c-socket.html"))
	if err != nil {
		t.Skipf("no Unix socket here: %v", err)
	}
	defer l.Close()
	link("/dev/null", "d-device.txt")
	// A device node itself needs privileges: when they are lacking, the link
	// above stands for it.
	devNode := syscall.Mknod(filepath.Join(dir, "d-node.txt"), syscall.S_IFCHR|0o644, 1<<8|3) == nil
	link("e-loop2.txt", "e-loop1.txt")
	link("e-loop1.txt", "e-loop2.txt")
	link("f-self.txt", "f-self.txt")
	link("no-such-file.txt", "g-dangling.txt")
	link(".", "h-here")
	if err := os.Mkdir(filepath.Join(dir, "i-sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	link("..", filepath.Join("i-sub", "up"))
	link(filepath.Join("..", "a.txt"), filepath.Join("i-sub", "j-a.txt")) // a link to a file is read
	other := t.TempDir()
	link(other, "k-elsewhere")
	write("z.txt", "Le dernier article.")

	docs := walkWithin(t, 10*time.Second, []string{dir})
	if devNode {
		if len(docs) < 5 || !strings.HasSuffix(docs[4].Article.Source, "d-node.txt") || docs[4].Err == nil ||
			!strings.Contains(docs[4].Err.Error(), "character device, not a regular file") {
			t.Fatalf("device node: %v", describeAll(docs))
		}
		docs = append(docs[:4:4], docs[5:]...)
	}
	var got []string
	for _, d := range docs {
		line := strings.TrimPrefix(d.Article.Source, dir+string(filepath.Separator))
		switch {
		case errors.Is(d.Err, ErrUnsupported):
			line += " unsupported"
		case d.Err != nil:
			line += " error"
		default:
			line += " " + d.Article.Text
		}
		got = append(got, line)
		if d.Err != nil && !strings.Contains(d.Err.Error(), d.Article.Source) {
			t.Errorf("error %q does not name %s", d.Err, d.Article.Source)
		}
	}
	want := []string{
		"a.txt Un article.",
		"b-fifo.txt error",
		"c-socket.html error",
		"d-device.txt error",
		"e-loop1.txt error",
		"e-loop2.txt error",
		"f-self.txt error",
		"g-dangling.txt error",
		"h-here error",
		"i-sub/j-a.txt Un article.",
		"i-sub/up error",
		"k-elsewhere unsupported",
		"z.txt Le dernier article.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Walk(%s) =\n%s\nwant\n%s", dir, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	reasons := map[string]string{
		"b-fifo.txt":     "named pipe (FIFO), not a regular file",
		"c-socket.html":  "socket, not a regular file",
		"d-device.txt":   "character device, not a regular file",
		"e-loop1.txt":    "symbolic link loop",
		"f-self.txt":     "symbolic link loop",
		"g-dangling.txt": "broken symbolic link",
		"h-here":         "symbolic link loop",
		"i-sub/up":       "symbolic link loop",
		"k-elsewhere":    "symbolic link to the directory",
	}
	for _, d := range docs {
		name := strings.TrimPrefix(d.Article.Source, dir+string(filepath.Separator))
		if want, ok := reasons[name]; ok && !strings.Contains(d.Err.Error(), want) {
			t.Errorf("%s: error %q, want it to say %q", name, d.Err, want)
		}
	}
	// The same from inside, with a relative path.
	t.Chdir(dir)
	for _, d := range walkWithin(t, 10*time.Second, []string{"."}) {
		if want, ok := reasons[d.Article.Source]; ok && (d.Err == nil || !strings.Contains(d.Err.Error(), want)) {
			t.Errorf("Walk(.): %s: error %v, want it to say %q", d.Article.Source, d.Err, want)
		}
	}
}

// TestWalkNamedPipe: a FIFO named on the command line (bash's <(…)) is read
// as a stream.
func TestWalkNamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "dump")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(`{"id":"p1","text":"Par un tube."}` + "\n")
		f.Close()
	}()
	docs := walkWithin(t, 10*time.Second, []string{fifo})
	if got := describeAll(docs); len(got) != 1 || got[0] != fifo+`#p1 id=p1 pub= title="" url= first="Par un tube."` {
		t.Errorf("Walk(fifo) = %q", got)
	}
}
