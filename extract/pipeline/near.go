package pipeline

/*
Near duplicates: an article whose text is nearly that of an article read
before it (a republication with another headline or footer, a sentence
reworded, a paragraph cut) is skipped as a duplicate of it.

The method is MinHash with locality-sensitive hashing (Broder 1997; Leskovec,
Rajaraman and Ullman, Mining of Massive Datasets, ch. 3):

  - An article's text is cut into words (letters and digits, lower-cased, so
    spacing, punctuation and apostrophes do not count) and into shingles of
    shingleWords consecutive words; its shingle set S stands for the text.
  - Its signature is, for each of numHashes hash functions h_i, the minimum
    of h_i over S. For two sets A and B, each position of their signatures
    agrees with probability J = |A∩B| / |A∪B|, the Jaccard similarity: the
    share of agreeing positions estimates J. Only the low byte of each
    minimum is kept (b-bit MinHash, Li and König 2010): two bytes also agree
    by chance, 1 time in 256, which the estimate corrects for.
  - The similarity reported and compared with the threshold is the overlap
    |A∩B| / min(|A|, |B|), computed from J and the two set sizes: a
    republication that cuts a paragraph keeps an overlap of 1 where its
    Jaccard similarity falls with the length of the cut.
  - To find candidates without comparing with every article read, the first
    numBands*bandRows positions of the signature are cut into numBands bands
    of bandRows positions; two articles that agree on a whole band are
    candidates, and the most similar candidate is the one compared with the
    threshold. Two articles of Jaccard similarity J share a band with
    probability 1-(1-J^4)^16: 0.97 for J=2/3 (an overlap of 0.8 between two
    texts of the same length), 0.9999 for J=0.82 (an overlap of 0.9), 0.64
    for J=0.5, 0.12 for J=0.3; so near duplicates are all but certain to be
    compared, and unrelated articles rarely are.

Error: the estimate of J from 128 positions has a standard deviation of
sqrt(J(1-J)/128), 0.04 at J=2/3; the overlap, at equal lengths, about 0.03
at 0.8, and more when the lengths differ (the error of J is multiplied by
(|A|+|B|) / (min(|A|,|B|) (1+J)^2)). TestSimilarityError measures a root mean
square error of 0.037 on pairs cut from the development corpus. An article
within a few hundredths of the threshold may fall on either side of it.
Texts under shingleWords words have one shingle, so two of them are
duplicates only when their words are equal.

Memory: for each article kept (not a duplicate), its 128-byte signature, its
shingle count, its source and one map entry per band: about 0.5 kB.
*/

import (
	"encoding/binary"
	"math"
	"unicode"
	"unicode/utf8"
)

const (
	shingleWords = 5   // words per shingle
	numHashes    = 128 // signature positions
	numBands     = 16  // bands of the first positions, for lookup
	bandRows     = 4   // signature positions per band
)

// A signature is the low byte of each of the numHashes minimums; the first
// numBands*bandRows of them make the bands.
type signature [numHashes]byte

// hashParams are the multipliers (odd) and increments of the numHashes hash
// functions h_i(x) = a_i*x + b_i (mod 2^64), applied to a 64-bit hash of the
// shingle; fixed, so that runs agree.
var hashParams = func() (p [numHashes][2]uint64) {
	x := uint64(0x9E3779B97F4A7C15)
	next := func() uint64 { // splitmix64
		x += 0x9E3779B97F4A7C15
		z := x
		z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
		z = (z ^ z>>27) * 0x94D049BB133111EB
		return z ^ z>>31
	}
	for i := range p {
		p[i] = [2]uint64{next() | 1, next()}
	}
	return p
}()

// minHash returns the signature of text and the number of its shingles (0
// for a text without a word).
func minHash(text string) (signature, int) {
	// Each word is hashed once (FNV-1a of its lower-case runes); a shingle's
	// hash combines the hashes of its words in order.
	s := newSketch()
	h, in := uint64(fnvOffset), false
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf { // one byte, hashed as its rune
			i++
			if lower := latin1Words[c]; lower != 0 {
				h, in = (h^uint64(lower))*fnvPrime, true
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if r = wordRune(r); r != 0 {
				for ; r > 0; r >>= 8 { // the rune's bytes, low first: same words, same hash
					h = (h ^ uint64(r&0xff)) * fnvPrime
				}
				in = true
				continue
			}
		}
		if in {
			s.addWord(h)
			h, in = fnvOffset, false
		}
	}
	if in {
		s.addWord(h)
	}
	return s.signature()
}

// wordRune is r lower-cased if it is a letter or a digit (part of a word),
// else 0.
func wordRune(r rune) rune {
	if r < 0x100 {
		return rune(latin1Words[r])
	}
	if generalPunctuation(r) { // ’ – and the narrow no-break space of French text
		return 0
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return unicode.ToLower(r)
	}
	return 0
}

// generalPunctuation reports whether r is in the block of the typographic
// spaces, dashes and quotes, U+2000 to U+206F, which has no letter or digit.
func generalPunctuation(r rune) bool { return 0x2000 <= r && r <= 0x206F }

// latin1Words is wordRune of the runes below U+0100 (ASCII and Latin-1, most
// of a French text), read from a table: each of them lower-cases to a rune
// below U+0100.
var latin1Words = func() (t [0x100]byte) {
	for r := range rune(len(t)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			t[r] = byte(unicode.ToLower(r))
		}
	}
	return t
}()

// A sketch takes a text's word hashes in order and keeps the minimum of each
// hash function over its shingles. The shingles go through the hash
// functions shingleBatch at a time, so that each pass over hashParams and
// mins serves several of them.
type sketch struct {
	// mins are the minimums of a_i*x+b_i (mod 2^64): the high half of the
	// least is the least high half, the minimum of h_i.
	mins     [numHashes]uint64
	recent   [shingleWords]uint64 // the hashes of the last words, in order
	words    int
	batch    [shingleBatch]uint64
	inBatch  int
	shingles int
}

// shingleBatch is the number of shingles each pass takes; flush is written
// out for it. With 16, the compiler spills the products to the stack and a
// pass is no cheaper a shingle.
const shingleBatch = 8

// newSketch returns a sketch without a word.
func newSketch() *sketch {
	s := &sketch{}
	for i := range s.mins {
		s.mins[i] = math.MaxUint64
	}
	return s
}

// addWord adds the next word's hash; from the shingleWords-th word on, each
// word ends a shingle.
func (s *sketch) addWord(h uint64) {
	if s.words < shingleWords {
		s.recent[s.words] = h
	} else {
		copy(s.recent[:], s.recent[1:])
		s.recent[shingleWords-1] = h
	}
	s.words++
	if s.words >= shingleWords {
		s.addShingle(shingleHash(s.recent[:]))
	}
}

// shingleHash combines the hashes of a shingle's words in order.
func shingleHash(words []uint64) uint64 {
	x := uint64(0)
	for _, w := range words {
		x = (x ^ w) * fnvPrime
	}
	return x
}

// addShingle adds the hash of a shingle to the batch.
func (s *sketch) addShingle(x uint64) {
	s.batch[s.inBatch] = x
	s.inBatch++
	s.shingles++
	if s.inBatch == shingleBatch {
		s.flush()
	}
}

// flush folds the batch into mins. A part batch is filled with copies of its
// first shingle, which change no minimum.
func (s *sketch) flush() {
	for k := s.inBatch; k < shingleBatch; k++ {
		s.batch[k] = s.batch[0]
	}
	s.inBatch = 0
	x := &s.batch
	for j := range hashParams {
		a, b := hashParams[j][0], hashParams[j][1]
		// The batch is read from memory in the multiplications: kept in
		// registers, it leaves too few for the products. The products are
		// compared in pairs, so that each waits on fewer comparisons.
		m01 := min(a*x[0]+b, a*x[1]+b)
		m23 := min(a*x[2]+b, a*x[3]+b)
		m45 := min(a*x[4]+b, a*x[5]+b)
		m67 := min(a*x[6]+b, a*x[7]+b)
		s.mins[j] = min(s.mins[j], min(m01, m23), min(m45, m67))
	}
}

// signature ends the text: a text of fewer than shingleWords words is one
// shingle. It returns the signature and the number of shingles.
func (s *sketch) signature() (signature, int) {
	var sig signature
	if s.words == 0 {
		return sig, 0
	}
	if s.words < shingleWords {
		s.addShingle(shingleHash(s.recent[:s.words]))
	}
	if s.inBatch > 0 {
		s.flush()
	}
	for i, m := range s.mins {
		// The high bits of a multiplicative hash are the well-mixed ones.
		sig[i] = byte(m >> 32)
	}
	return sig, s.shingles
}

// The constants of 64-bit FNV-1a.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// similarity estimates the overlap |A∩B| / min(|A|, |B|) of two shingle sets
// from their signatures and sizes.
func similarity(a, b signature, na, nb int) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	const chance = 1.0 / 256
	j := (float64(same)/numHashes - chance) / (1 - chance)
	if j <= 0 {
		return 0
	}
	j = min(j, 1)
	inter := j * float64(na+nb) / (1 + j)
	return min(1, inter/float64(min(na, nb)))
}

// A nearIndex finds, among the articles added to it, one whose text is
// nearly that of another.
type nearIndex struct {
	threshold float64
	sigs      []signature
	sizes     []int32
	sources   []string
	bands     map[uint64]int32 // band number and contents -> the first article with it
}

func newNearIndex(threshold float64) *nearIndex {
	return &nearIndex{threshold: threshold, bands: map[uint64]int32{}}
}

// bandKey is the key of band b of sig.
func bandKey(sig *signature, b int) uint64 {
	var k [8]byte
	k[0] = byte(b)
	copy(k[1:], sig[b*bandRows:(b+1)*bandRows])
	return binary.LittleEndian.Uint64(k[:])
}

// find returns the source of the article most similar to text, if one is
// at least as similar as the threshold, and the similarity; the text is
// then a duplicate. Otherwise it adds text, read from source, to the index
// and returns "".
func (x *nearIndex) find(text, source string) (string, float64) {
	sig, n := minHash(text)
	if n == 0 {
		return "", 0
	}
	var keys [numBands]uint64
	var known [numBands]bool // band b of sig is in the index
	best, bestSim := int32(-1), 0.0
	for b := range numBands {
		keys[b] = bandKey(&sig, b)
		i, ok := x.bands[keys[b]]
		known[b] = ok
		if !ok || i == best {
			continue
		}
		if s := similarity(sig, x.sigs[i], n, int(x.sizes[i])); s > bestSim || s == bestSim && i < best {
			best, bestSim = i, s
		}
	}
	if best >= 0 && bestSim >= x.threshold {
		return x.sources[best], math.Round(bestSim*1e3) / 1e3
	}
	i := int32(len(x.sigs))
	x.sigs = append(x.sigs, sig)
	x.sizes = append(x.sizes, int32(min(n, math.MaxInt32)))
	x.sources = append(x.sources, source)
	// The keys of one signature differ (each holds its band's number): what
	// the lookups found is what the index holds.
	for b, k := range keys {
		if !known[b] {
			x.bands[k] = i
		}
	}
	return "", 0
}
