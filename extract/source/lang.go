package source

/*
Language detection.

A Detector tells the language of an article among the seven its readers
are likely to meet (French, English, German, Spanish, Italian, Dutch,
Portuguese), with lingua-go in high-accuracy mode: low-accuracy mode (trigrams
only) loads in 60 ms instead of 0.8 s but takes short French texts for other
languages (« La CNIL a infligé une amende de 5 000 euros. » came out Italian),
while on article-length texts both cost about the same per detection.

Detect looks at a bounded sample (the first maxSampleBytes of the text, cut
at a word), so its cost does not grow with the article, in two passes:

 1. A count of function words (quick.go): each of the seven languages has a
    list of its commonest short words, and only the words found in one list
    alone count (« les », « une », « dans » for French; « de », « la »,
    « que », shared, count for none). A sample of at least quickMinWords
    words where one language has at least quickMinHits such words, and every
    other at most a tenth as many, is settled: that language, with
    confidence 1 (what lingua-go gives every such text of the tests and of
    the development corpus). This settles articles of ordinary length, in
    tens of microseconds instead of the milliseconds of lingua-go.
 2. Anything else (short texts, titles, mixed languages, few function
    words) goes to lingua-go in high-accuracy mode, as before.

The first pass is tuned to abstain rather than differ: TestQuickAgreesWithLingua
checks, on every text of the tests and of the development corpus, that when
it decides, it decides as lingua-go does.

The lingua-go detector is built once per process, lazily, on the first text
the first pass leaves: loading its models takes a noticeable time
(TestShortFrench logs it), so a run that reads nothing, or only long
articles, pays nothing. It is safe for concurrent use.
*/

import (
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
)

// maxSampleBytes bounds the text a detection reads: some 120 words, plenty
// to tell the seven languages apart, at a third of the cost of 2 KiB.
const maxSampleBytes = 768

// languages are the languages a Detector chooses among.
var languages = []lingua.Language{
	lingua.French, lingua.English, lingua.German, lingua.Spanish,
	lingua.Italian, lingua.Dutch, lingua.Portuguese,
}

var (
	linguaOnce     sync.Once
	linguaDetector lingua.LanguageDetector
)

// linguaBuilt returns the process's lingua-go detector, building it on first use.
func linguaBuilt() lingua.LanguageDetector {
	linguaOnce.Do(func() {
		linguaDetector = lingua.NewLanguageDetectorBuilder().
			FromLanguages(languages...).
			WithPreloadedLanguageModels().
			Build()
	})
	return linguaDetector
}

// A Detector tells the language of a text. It is safe for concurrent use.
type Detector struct{}

// NewDetector returns a Detector; the models load on the first Detect of
// the process.
func NewDetector() *Detector { return &Detector{} }

// Detect returns the ISO 639-1 code of the language of text ("fr", "en", …)
// and the confidence of that language (0 to 1), or "" and 0 when the text
// gives no clue (no letters).
func (d *Detector) Detect(text string) (lang string, confidence float64) {
	s := sample(text, maxSampleBytes)
	if lang, confidence, ok := quickDetect(s); ok {
		return lang, confidence
	}
	return linguaDetect(s)
}

// linguaMu serializes lingua-go's confidence values: their sums go through
// shopspring/decimal's ExpTaylor, whose cache of factorials is a package
// slice appended to without a lock (v1.3.1 to v1.4.0), so two detections at
// once may panic. The quick pass leaves lingua-go a few articles in twenty.
var linguaMu sync.Mutex

// linguaDetect is Detect by lingua-go alone, on a sample.
func linguaDetect(s string) (lang string, confidence float64) {
	detector := linguaBuilt()
	linguaMu.Lock()
	values := detector.ComputeLanguageConfidenceValues(s)
	linguaMu.Unlock()
	if len(values) == 0 || values[0].Value() == 0 {
		return "", 0
	}
	// Four decimals: the last digits of lingua-go's sums vary from run to run.
	return strings.ToLower(values[0].Language().IsoCode639_1().String()), math.Round(values[0].Value()*1e4) / 1e4
}

// sample is the start of text, at most max bytes, cut after a space when one
// is near the end, and on a rune boundary.
func sample(text string, max int) string {
	if len(text) <= max {
		return text
	}
	for max > 0 && !utf8.RuneStart(text[max]) {
		max--
	}
	s := text[:max]
	if i := strings.LastIndexAny(s, " \n"); i > max*3/4 {
		s = s[:i]
	}
	return s
}
