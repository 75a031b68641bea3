package source

/*
Compressed files and archives, read as streams.

  - NAME.gz is NAME compressed with gzip: it is read as NAME would be
    (a.html.gz is HTML, dump.jsonl.gz is JSON Lines); without an inner
    extension its content is sniffed as standard input is. Its Source stays
    the path as given.
  - .tar, .tar.gz and .tgz are read entry by entry, in archive order, without
    extracting anything to disk; each regular entry is read by its own
    extension, as "archive.tar.gz#inner/path.html". Entries that are not
    regular files, and hidden ones, are skipped; an entry of another kind is
    an unsupported Doc.
  - .zip needs random access: a file is read in place, entry by entry in the
    archive's order; a zip from a stream (standard input, a zip inside a tar)
    is first read into memory, bounded by Options.MaxFileSize.

A broken gzip or archive is an error Doc naming the archive (and the entry
when one is at fault); the entries already read stay read.
*/

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"path"
	"strings"
)

// gzip reads a gzip-compressed file whose name without ".gz" is inner.
func (w *walker) gzip(source, inner string, r io.Reader) error {
	return w.gzipStream(source, r, func(r io.Reader) error {
		if path.Ext(inner) == "" {
			return w.sniffed(source, r)
		}
		return w.read(source, inner, r)
	})
}

// gzipStream decompresses r and hands the stream to read.
func (w *walker) gzipStream(source string, r io.Reader, read func(io.Reader) error) error {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return w.fail(source, fmt.Errorf("broken gzip: %w", err))
	}
	defer gz.Close()
	return read(&gzipErrors{gz})
}

// gzipErrors names a failure in the middle of a gzip stream as such.
type gzipErrors struct{ r io.Reader }

func (g *gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("broken gzip: %w", err)
	}
	return n, err
}

func (w *walker) tarGzip(source string, r io.Reader) error {
	return w.gzipStream(source, r, func(r io.Reader) error { return w.tar(source, r) })
}

// tar reads the regular entries of a tar stream in order.
func (w *walker) tar(source string, r io.Reader) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return w.fail(source, fmt.Errorf("broken tar archive: %w", err))
		}
		if h.Typeflag != tar.TypeReg || hiddenEntry(h.Name) {
			continue
		}
		if err := w.entry(source, h.Name, tr); err != nil {
			return err
		}
	}
}

// zipFile reads a zip archive in place.
func (w *walker) zipFile(source string) error {
	zr, err := zip.OpenReader(source)
	if err != nil {
		return w.fail(source, fmt.Errorf("broken zip archive: %w", unwrapPathError(err)))
	}
	defer zr.Close()
	return w.zip(source, &zr.Reader)
}

// zipStream reads a zip archive from a stream, which it must hold whole.
func (w *walker) zipStream(source string, r io.Reader) error {
	data, err := readAll(r, w.opts.MaxFileSize)
	if err != nil {
		return w.fail(source, err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return w.fail(source, fmt.Errorf("broken zip archive: %w", err))
	}
	return w.zip(source, zr)
}

func (w *walker) zip(source string, zr *zip.Reader) error {
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || !f.Mode().IsRegular() || hiddenEntry(f.Name) {
			continue
		}
		err := func() error {
			rc, err := f.Open()
			if err != nil {
				return w.fail(source+"#"+f.Name, fmt.Errorf("broken zip entry: %w", err))
			}
			defer rc.Close()
			return w.entry(source, f.Name, rc)
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

// entry reads one archive member, as source#name.
func (w *walker) entry(source, name string, r io.Reader) error {
	inner := source + "#" + name
	if kindOf(name) == kindUnsupported {
		return w.unsupported(inner)
	}
	return w.read(inner, path.Base(name), r)
}

// hiddenEntry reports whether an archive member, or a directory above it, is
// hidden (".git/…", "__MACOSX/…" metadata of macOS zips).
func hiddenEntry(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." || part == "__MACOSX" {
			return true
		}
	}
	return false
}
