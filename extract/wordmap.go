package extract

import "iter"

// A wordMap maps the words of a lexicon to values, as a map does, for the
// lookups of a text's words, which the passes make at almost every word: an
// open-addressing table hashed by wordHash, which reads four bytes of a
// word where the map's hash reads them all.
type wordMap[V any] struct {
	slots []wordSlot[V] // a power of two of them, at most half used
}

// A wordSlot holds a word and its value, if used.
type wordSlot[V any] struct {
	word string
	val  V
	used bool
}

// newWordMap returns the wordMap of m.
func newWordMap[V any](m map[string]V) wordMap[V] {
	size := 2
	for size < 2*len(m) {
		size *= 2
	}
	wm := wordMap[V]{slots: make([]wordSlot[V], size)}
	for w, v := range m {
		h := wm.slot(w)
		wm.slots[h] = wordSlot[V]{w, v, true}
	}
	return wm
}

// slot returns the index of w's slot, or of the free slot where it would go.
func (wm wordMap[V]) slot(w string) int {
	mask := len(wm.slots) - 1
	h := int(wordHash(w)) & mask
	for wm.slots[h].used && wm.slots[h].word != w {
		h = (h + 1) & mask
	}
	return h
}

// lookup returns the value of w and whether it has one.
func (wm wordMap[V]) lookup(w string) (V, bool) {
	s := &wm.slots[wm.slot(w)]
	return s.val, s.used
}

// get returns the value of w, the zero value if it has none.
func (wm wordMap[V]) get(w string) V {
	return wm.slots[wm.slot(w)].val
}

// all yields the words and their values, in no order.
func (wm wordMap[V]) all() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for _, s := range wm.slots {
			if s.used && !yield(s.word, s.val) {
				return
			}
		}
	}
}
