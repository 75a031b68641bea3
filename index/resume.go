package index

import "fmt"

// Has reports whether an article with this id is in the index. ingest asks
// it before extracting an article, so that a run started again after an
// interruption skips what the first one indexed. Its answer is that of the
// index as last flushed: a Writer's pending batch is not seen.
func (ix *Index) Has(id string) (bool, error) {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return false, fmt.Errorf("cannot read the index: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return false, fmt.Errorf("cannot read the index: %w", err)
	}
	defer r.Close()
	in, err := r.InternalID(id)
	if err != nil {
		return false, fmt.Errorf("cannot read the index: %w", err)
	}
	return in != nil, nil
}

var extractionKey = []byte("veille_extraction")

// Extraction returns what SetExtraction last recorded: a fingerprint of the
// extraction (program and rules) that the indexed articles were extracted
// with; "" when none was recorded.
func (ix *Index) Extraction() (string, error) {
	v, err := ix.bleve.GetInternal(extractionKey)
	if err != nil {
		return "", fmt.Errorf("cannot read the index: %w", err)
	}
	return string(v), nil
}

// SetExtraction records the fingerprint of the extraction that every
// indexed article was extracted with. A caller records it on an empty
// index, or once it has indexed every article again.
func (ix *Index) SetExtraction(fingerprint string) error {
	if err := ix.bleve.SetInternal(extractionKey, []byte(fingerprint)); err != nil {
		return fmt.Errorf("cannot write to the index: %w", err)
	}
	return nil
}
