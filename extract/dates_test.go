package extract

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func dateSpan(d Date) (Span, string) { return d.Span, d.Text }

func TestDates(t *testing.T) {
	pub := CivilDate{2024, 12, 10}
	for _, c := range []struct {
		name string
		in   string
		pub  CivilDate
		want []string
	}{
		{"day month year", "Par une délibération du 17 octobre 2022, la CNIL", CivilDate{}, []string{
			`date[26:41] "17 octobre 2022" 2022-10-17`}},
		{"first of the month", "à compter du 1er juillet 2023 et du premier janvier 2020", CivilDate{}, []string{
			`date[14:30] "1er juillet 2023" 2023-07-01`, `date[37:57] "premier janvier 2020" 2020-01-01`}},
		{"month year, range of months", "entre avril 2021 et juillet 2023", CivilDate{}, []string{
			`date[6:16] "avril 2021" 2021-04`, `date[20:32] "juillet 2023" 2023-07`}},
		{"numeric forms", "le 12/07/2023, le 2023-07-12 et le 21/04/16", CivilDate{}, []string{
			`date[3:13] "12/07/2023" 2023-07-12`, `date[18:28] "2023-07-12" 2023-07-12`, `date[35:43] "21/04/16" 2016-04-21`}},
		{"a year, a month, a weekday, hier are no dates", "en 2022, en octobre, mercredi et hier", pub, []string{}},
		{"day and month resolved before publication", "le 3 mars dernier et le 10 décembre", pub, []string{
			`date[3:17] "3 mars dernier" 2024-03-03`, `date[24:36] "10 décembre" 2024-12-10`}},
		{"day after publication day is last year", "le 20 décembre", pub, []string{
			`date[3:15] "20 décembre" 2023-12-20`}},
		{"prochain looks forward", "le 3 mars prochain", pub, []string{
			`date[3:18] "3 mars prochain" 2025-03-03`}},
		{"the days of a list take the year written after the last", "déposés les 29 avril et 16 septembre 2024 puis les 5 février, 3 mars et 12 septembre 2025", CivilDate{2026, 3, 10}, []string{
			`date[14:22] "29 avril" 2024-04-29`, `date[26:43] "16 septembre 2024" 2024-09-16`, `date[53:63] "5 février" 2025-02-05`,
			`date[65:71] "3 mars" 2025-03-03`, `date[75:92] "12 septembre 2025" 2025-09-12`}},
		{"a list day later in the year than the next is of the year before", "les audiences du 20 décembre et du 5 janvier 2024", CivilDate{}, []string{
			`date[17:29] "20 décembre" 2023-12-20`, `date[36:50] "5 janvier 2024" 2024-01-05`}},
		{"a day followed by other words keeps the publication's year", "le 3 mars, la société a répondu à la lettre du 5 avril 2024", CivilDate{2025, 12, 10}, []string{
			`date[3:9] "3 mars" 2025-03-03`, `date[51:63] "5 avril 2024" 2024-04-05`}},
		{"no publication date", "le 10 décembre", CivilDate{}, []string{}},
		{"publication month only: earlier months this year, later ones last year", "le 10 décembre, le 3 mars", CivilDate{2024, 11, 0}, []string{
			`date[3:15] "10 décembre" 2023-12-10`, `date[20:26] "3 mars" 2024-03-03`}},
		{"publication month only: its own month", "le 10 décembre", CivilDate{2024, 12, 0}, []string{
			`date[3:15] "10 décembre" 2024-12-10`}},
		{"publication year only: not resolved", "le 10 décembre", CivilDate{2024, 0, 0}, []string{}},
		{"glued words and weekday", "lundi 12 janvier 2016.Le texte de décembre 2024.La", CivilDate{}, []string{
			`date[0:21] "lundi 12 janvier 2016" 2016-01-12`, `date[34:48] "décembre 2024" 2024-12`}},
		{"two days of one month", "les 3 et 4 mars 2023, du 3 au 5 mai 2023", CivilDate{}, []string{
			`date[4:5] "3" 2023-03-03`, `date[9:20] "4 mars 2023" 2023-03-04`,
			`date[25:26] "3" 2023-05-03`, `date[30:40] "5 mai 2023" 2023-05-05`}},
		{"impossible days", "le 31 avril 2023, le 29 février 2023 et le 30/02/2024", CivilDate{}, []string{}},
		{"leap day", "le 29 février 2024", CivilDate{}, []string{`date[3:19] "29 février 2024" 2024-02-29`}},
		{"article numbers and phone numbers are no dates", "l'article R. 10-1-13 et le 01.23.45.67.89", CivilDate{}, []string{}},
		{"no-break spaces and abbreviations", "le 12\u00a0janv. 2018 et le 3\u202fsept.\u00a02019", CivilDate{}, []string{
			`date[3:17] "12\u00a0janv. 2018" 2018-01-12`, `date[24:39] "3\u202fsept.\u00a02019" 2019-09-03`}},
		{"a full stop after a whole month name ends the sentence", "La CNIL a statué le 5 février. Puis le 3 sept. 2019.", CivilDate{2024, 12, 10}, []string{
			`date[21:31] "5 février" 2024-02-05`, `date[41:53] "3 sept. 2019" 2019-09-03`}},
		{"a month word inside another word", "la maison du 3 maisons 2022", CivilDate{}, []string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Dates(c.in, c.pub)
			assertSpans(t, c.in, got, dateSpan)
			g := []string{}
			for _, d := range got {
				g = append(g, d.String())
			}
			if !reflect.DeepEqual(g, c.want) {
				t.Errorf("Dates(%q, %s) = %q, want %q", c.in, c.pub, g, c.want)
			}
		})
	}
}

func FuzzDates(f *testing.F) {
	for _, s := range fixtureTexts(f) {
		f.Add(s, 2024, 12, 10)
	}
	f.Add("le 1er janvier 2020, 12/07/23, oct-2 et les 3 et 4 mars dernier", 2024, 12, 0)
	f.Fuzz(func(t *testing.T, s string, y, m, d int) {
		got := Dates(s, CivilDate{y, m, d}) // must not panic, whatever the bytes
		if utf8.ValidString(s) {            // an article's text is valid UTF-8; spans are checked on such text
			assertSpans(t, s, got, dateSpan)
		}
		for _, dt := range got {
			if _, err := ParseCivilDate(dt.Value.String()); err != nil {
				t.Fatalf("Dates(%q) gave %v: %v", s, dt, err)
			}
		}
	})
}

func BenchmarkDates(b *testing.B) {
	text := strings.Join(fixtureTexts(b), "\n")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Dates(text, CivilDate{2024, 12, 10})
	}
}

// FuzzTextDateAt checks textDateAt against the regexp of the text pattern
// at the start of any text.
func FuzzTextDateAt(f *testing.F) {
	for _, s := range []string{"lundi 12 janvier 2016", "mercredi, le 22 janvier", "Mardi ,le 1er-mai dernier", "lundi ,mars",
		"1ᵉʳ juin, 2020", "31 déc. passé", "premier\u00a0JUIN prochain", "45 mars", "3 ſeptembre", "12\tfévr.,\t2021", "lundi le mars",
		"jeudi,  LE  05-oct 202", "déc ision", "sept.2019", "vendredi lundi 3 mai", "7-\tmai", "0 août 8", "janvier,2020", "mai\xff 2020"} {
		f.Add(s)
	}
	dl := Default().dates
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := dl.textDateAt(s), dl.text.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Errorf("textDateAt(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestDigitLanes checks nextDigit, which reads eight bytes at a time, with
// each byte in each lane.
func TestDigitLanes(t *testing.T) {
	for c := range 256 {
		for lane := range 9 {
			text := strings.Repeat("a", lane) + string([]byte{byte(c)}) + strings.Repeat("\xff", 9)
			want := len(text)
			if isDigit(byte(c)) {
				want = lane
			}
			if got := nextDigit(text, 0, len(text)); got != want {
				t.Errorf("nextDigit(%q) = %d, want %d", text, got, want)
			}
		}
	}
}
