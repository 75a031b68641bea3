package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// mentions builds the facts of every occurrence of surface in text.
func mentions[T any](text, surface string, fact func(Span, string) T) []T {
	var out []T
	for i := 0; ; {
		j := strings.Index(text[i:], surface)
		if j < 0 {
			return out
		}
		s := Span{i + j, i + j + len(surface)}
		out = append(out, fact(s, surface))
		i = s.End
	}
}

func org(name string) func(Span, string) Entity {
	return func(s Span, t string) Entity { return Entity{Span: s, Text: t, Type: Org, Name: name} }
}

func authority(name string) func(Span, string) Entity {
	return func(s Span, t string) Entity { return Entity{Span: s, Text: t, Type: Authority, Name: name} }
}

func TestInjunctions(t *testing.T) {
	type given struct {
		orgs        map[string]string // surface -> canonical name
		authorities map[string]string
		daily       map[string]int64 // surface of a daily astreinte -> euros
		durations   map[string]string
		dates       map[string]CivilDate
	}
	cnil := map[string]string{"CNIL": "CNIL", "formation restreinte": "CNIL"}
	tests := []struct {
		name  string
		in    string
		given given
		want  []string
	}{
		{
			name: "inline, two coordinated obligations, terms in the next sentence",
			in: "La formation restreinte avait prononcé une amende et enjoint à la société de ne pas procéder, sans base légale, à la collecte de données, et de supprimer les données de ces personnes. " +
				"La formation restreinte avait assorti l'injonction d'une astreinte de 100000 euros par jour de retard à l'issue du délai de deux mois.",
			given: given{orgs: map[string]string{"CLEARVIEW": "Clearview AI"}, authorities: cnil,
				daily: map[string]int64{"100000 euros": 100000}, durations: map[string]string{"deux mois": "P2M"}},
			want: nil, // no organisation named before « la société »: nothing to attach the order to
		},
		{
			name: "list of obligations after a colon, deadline in the following sentence",
			in: "La CNIL a sanctionné Kaspr. Elle a enjoint à la société KASPR de :\n\ncesser de collecter les données ;\n\n- informer les personnes ;\n\nfaire suite aux demandes d'accès.\n\n" +
				"La CNIL a assorti ces injonctions d'un délai de mise en conformité de six mois expirant le 18 juin 2025.\n\nDans sa décision publiée hier.",
			given: given{orgs: map[string]string{"Kaspr": "Kaspr", "KASPR": "Kaspr"}, authorities: cnil,
				durations: map[string]string{"six mois": "P6M"}, dates: map[string]CivilDate{"18 juin 2025": {2025, 6, 18}}},
			want: []string{"injunction[36:170] CNIL -> Kaspr injunction/ordered obligations=3 deadline=P6M2025-06-18"},
		},
		{
			name: "order to several companies at once, inline terms",
			in:   "La CNIL a sanctionné Google LLC et Facebook Ireland Limited. La CNIL a en outre enjoint aux deux sociétés de proposer, dans un délai de trois mois, un moyen de refuser les cookies aussi simple que celui qui permet de les accepter, sous astreinte de 100 000 euros par jour de retard.",
			given: given{orgs: map[string]string{"Google LLC": "Google LLC", "Facebook Ireland Limited": "Facebook Ireland Limited"}, authorities: cnil,
				daily: map[string]int64{"100 000 euros": 100000}, durations: map[string]string{"trois mois": "P3M"}},
			want: []string{
				"injunction[81:286] CNIL -> Google LLC injunction/ordered obligations=1 deadline=P3M penalty=EUR 10000000/day",
				"injunction[81:286] CNIL -> Facebook Ireland Limited injunction/ordered obligations=1 deadline=P3M penalty=EUR 10000000/day",
			},
		},
		{
			name: "pronoun target and a calendar deadline",
			in:   "Orange a été contrôlée. L'ARCEP lui demande, avant le 1er janvier 2020 :\n1. de respecter les délais de raccordement ;\n2. de réparer les pannes.\nOrange conteste.",
			given: given{orgs: map[string]string{"Orange": "Orange"}, authorities: map[string]string{"ARCEP": "ARCEP"},
				dates: map[string]CivilDate{"1er janvier 2020": {2020, 1, 1}}},
			want: []string{"injunction[40:149] ARCEP -> Orange injunction/ordered obligations=2 deadline=2020-01-01"},
		},
		{
			name:  "denied orders are not orders",
			in:    "La CNIL a sanctionné EDF. La sanction n'est assortie d'aucune injonction. La CNIL n'a pas assorti ses décisions d'injonctions de cesser de traiter.",
			given: given{orgs: map[string]string{"EDF": "EDF"}, authorities: cnil},
			want:  nil,
		},
		{
			name: "an order restated twice keeps its most detailed statement",
			in: "La CNIL avait ordonné à Clearview AI de cesser de collecter les données et de supprimer celles déjà collectées, dans un délai de deux mois. " +
				"L'amende a été accompagnée d'une injonction interdisant à la société de collecter des données, sous astreinte de 100 000 euros par jour.",
			given: given{orgs: map[string]string{"Clearview AI": "Clearview AI"}, authorities: cnil,
				daily: map[string]int64{"100 000 euros": 100000}, durations: map[string]string{"deux mois": "P2M"}},
			want: []string{"injunction[14:146] CNIL -> Clearview AI injunction/past obligations=2 deadline=P2M penalty=EUR 10000000/day"},
		},
		{
			name: "an inline delay is the order's, not the appeal's that follows",
			in:   "La CNIL a sanctionné Cegedim. Elle a enjoint à Cegedim de supprimer les données, dans un délai de trois mois. La société peut former un recours dans un délai de deux mois.",
			given: given{orgs: map[string]string{"Cegedim": "Cegedim"}, authorities: cnil,
				durations: map[string]string{"trois mois": "P3M", "deux mois": "P2M"}},
			want: []string{"injunction[38:113] CNIL -> Cegedim injunction/ordered obligations=1 deadline=P3M"},
		},
		{
			name: "coordinated targets; the next order's astreinte is not this one's",
			in:   "L'ARCEP a mis en demeure SFR et Bouygues Telecom de respecter leurs obligations avant le 31 décembre 2024. La CNIL a enjoint à Doctolib, sous astreinte de 10 000 euros par jour de retard, de cesser toute transmission.",
			given: given{orgs: map[string]string{"SFR": "SFR", "Bouygues Telecom": "Bouygues Telecom", "Doctolib": "Doctolib"},
				authorities: map[string]string{"ARCEP": "ARCEP", "CNIL": "CNIL"},
				daily:       map[string]int64{"10 000 euros": 10000}, dates: map[string]CivilDate{"31 décembre 2024": {2024, 12, 31}}},
			want: []string{
				"injunction[10:107] ARCEP -> SFR formal_notice/ordered obligations=1 deadline=2024-12-31",
				"injunction[10:107] ARCEP -> Bouygues Telecom formal_notice/ordered obligations=1 deadline=2024-12-31",
				"injunction[118:219] CNIL -> Doctolib injunction/ordered obligations=1 penalty=EUR 1000000/day",
			},
		},
		{
			name: "a later sentence about another company lends no delay, and a court's sentence is its own order",
			in:   "L'ARCEP a ordonné à Orange de rétablir le service d'ici au 15 novembre 2024. Le tribunal a condamné la société Xcorp à communiquer les documents dans un délai de 15 jours.",
			given: given{orgs: map[string]string{"Orange": "Orange", "Xcorp": "Xcorp"}, authorities: map[string]string{"ARCEP": "ARCEP"},
				durations: map[string]string{"15 jours": "P15D"}, dates: map[string]CivilDate{"15 novembre 2024": {2024, 11, 15}}},
			want: []string{"injunction[10:79] ARCEP -> Orange injunction/ordered obligations=1 deadline=2024-11-15",
				"injunction[94:179]  -> Xcorp injunction/ordered obligations=1 deadline=P15D"},
		},
		{
			name:  "a request for access is not an order",
			in:    "La CNIL a reçu une demande d'accès de Kaspr et des demandes d'effacement.",
			given: given{orgs: map[string]string{"Kaspr": "Kaspr"}, authorities: cnil},
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f Facts
			for surface, name := range tt.given.orgs {
				f.Entities = append(f.Entities, mentions(tt.in, surface, org(name))...)
			}
			for surface, name := range tt.given.authorities {
				f.Entities = append(f.Entities, mentions(tt.in, surface, authority(name))...)
			}
			f.Entities = ResolveOverlaps(f.Entities)
			for surface, euros := range tt.given.daily {
				f.Amounts = append(f.Amounts, mentions(tt.in, surface, func(s Span, t string) Amount {
					return Amount{Span: s, Text: t, Minor: euros * 100, Currency: "EUR", Per: PerDay, Role: RolePenaltyPayment}
				})...)
			}
			var durations []Duration
			for surface, iso := range tt.given.durations {
				durations = append(durations, mentions(tt.in, surface, func(s Span, t string) Duration { return Duration{s, t, iso} })...)
			}
			for surface, d := range tt.given.dates {
				f.Dates = append(f.Dates, mentions(tt.in, surface, func(s Span, t string) Date { return Date{s, t, d} })...)
			}
			got := Injunctions(tt.in, f, durations)
			var gotS []string
			for _, in := range got {
				gotS = append(gotS, in.String())
				for _, o := range in.Obligations {
					assertSpans(t, tt.in, []Clause{o}, func(c Clause) (Span, string) { return c.Span, c.Text })
				}
				if !in.Span.Valid(tt.in) {
					t.Errorf("injunction span %v not valid", in.Span)
				}
			}
			if strings.Join(gotS, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Injunctions(%q) =\n%s\nwant\n%s", tt.in, strings.Join(gotS, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// BenchmarkInjunctions measures the linking step alone, on the fixtures'
// articles with their other facts already found.
func BenchmarkInjunctions(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "fixtures", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no fixtures: %v", err)
	}
	x, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	type input struct {
		text  string
		facts Facts
		durs  []Duration
	}
	var inputs []input
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		inputs = append(inputs, input{text, x.Extract(&Article{Text: text}), Durations(text)})
		size += len(text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, in := range inputs {
			Injunctions(in.text, in.facts, in.durs)
		}
	}
}

// TestInjunctionKindAndStatus reads the kind of an order from its trigger and
// its status from the words before it.
func TestInjunctionKindAndStatus(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"La CNIL a enjoint à la société Kaspr de supprimer les fichiers.", "injunction/ordered"},
		{"La CNIL a mis en demeure la société Kaspr de supprimer les fichiers.", "formal_notice/ordered"},
		{"En 2019, la CNIL avait mis en demeure la société Kaspr de supprimer les fichiers.", "formal_notice/past"},
		{"Le juge rejette la demande tendant à ce qu'il soit enjoint à la société Kaspr de supprimer les fichiers.", "injunction/rejected"},
		{"L'association a demandé au juge d'ordonner à la société Kaspr de supprimer les fichiers.", "injunction/requested"},
		{"La CNIL pourrait enjoindre à la société Kaspr de supprimer les fichiers.", "injunction/hypothetical"},
		{"Si elle ne se conforme pas, la CNIL pourra enjoindre à la société Kaspr de supprimer les fichiers.", "injunction/hypothetical"},
		{"Selon l'avocat de la plaignante, l'autorité aurait dû enjoindre à la société Zorgtel de cesser la collecte.", "injunction/hypothetical"},
		{"La CNIL envisage de mettre en demeure la société Zorgmedia de fermer son site.", "formal_notice/hypothetical"},
		{"La mise en demeure adressée par la CNIL l'an dernier, qui avait enjoint à la société Zorgface de supprimer les photographies, était restée sans réponse.", "formal_notice/past"},
		{"La requérante demandait qu'il soit enjoint à la société Kaspr de supprimer ses données ; le juge a rejeté cette demande.", "injunction/rejected"},
		{"La requérante a demandé qu'il soit enjoint à la société Zorgkaspr de supprimer ses données ; le juge a rejeté cette demande.", "injunction/rejected"},
		{"La CNIL a demandé à la société Zorgkaspr de supprimer ses données.", "injunction/ordered"},
		{"Le rapporteur a proposé à la formation restreinte d'enjoindre à la société Zorgnet de supprimer les données.", "injunction/requested"},
		{"Si elle ne se conforme pas, la société Zorgnet pourrait se voir enjoindre de suspendre le traitement.", "injunction/hypothetical"},
		{"Faute de réponse, la société Zorgpay pourrait recevoir l'ordre de cesser la collecte.", "injunction/hypothetical"},
		{"La société Zorgpay avait déjà reçu injonction de cesser la collecte en 2021.", "injunction/past"},
	} {
		r := &Record{Article: Article{Text: c.in}}
		r.Facts = Default().Extract(&r.Article)
		if len(r.Injunctions) != 1 {
			t.Errorf("%q: %d injunctions, want 1", c.in, len(r.Injunctions))
			continue
		}
		if got := string(r.Injunctions[0].Kind) + "/" + string(r.Injunctions[0].Status); got != c.want {
			t.Errorf("%q: %s, want %s", c.in, got, c.want)
		}
	}
}

// TestObligationsOfAListHead reads the items of the list a general
// obligation heads (« de se mettre en conformité, notamment pour : »).
func TestObligationsOfAListHead(t *testing.T) {
	in := "La CNIL a enjoint à la société Zorgmail de se mettre en conformité, notamment pour :\n– recueillir le consentement ;\n– informer les personnes ;\n– fixer une durée de conservation.\nUne astreinte de 1 000 € par jour de retard court à l'issue d'un délai de deux mois."
	r := &Record{Article: Article{Text: in}}
	r.Facts = Default().Extract(&r.Article)
	if len(r.Injunctions) != 1 {
		t.Fatalf("%d injunctions: %v", len(r.Injunctions), r.Injunctions)
	}
	in0 := r.Injunctions[0]
	if len(in0.Obligations) != 3 || in0.Deadline == nil || in0.Deadline.Duration != "P2M" || in0.Penalty == nil || in0.Penalty.Minor != 100000 {
		t.Errorf("got %v", in0)
	}
}

// TestImpliedAndRestatedOrders reads the order an astreinte implies and the
// same order restated for another party.
func TestImpliedAndRestatedOrders(t *testing.T) {
	in := "La CNIL a sanctionné Zorgsearch LLC et Zorgshop SA. Zorgsearch LLC a trois mois pour se mettre en conformité, sous peine d'une astreinte de 100 000 euros par jour de retard. Zorgshop SA est soumise à la même injonction."
	r := &Record{Article: Article{Text: in}}
	r.Facts = Default().Extract(&r.Article)
	var got []string
	for _, o := range r.Injunctions {
		got = append(got, fmt.Sprintf("%s %s obligations=%d deadline=%v penalty=%v", o.Target, o.Kind, len(o.Obligations), o.Deadline != nil && o.Deadline.Duration == "P3M", o.Penalty != nil && o.Penalty.Minor == 10000000))
	}
	want := []string{"Zorgsearch LLC injunction obligations=1 deadline=true penalty=true", "Zorgshop SA injunction obligations=1 deadline=true penalty=true"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestOrdersWrittenOtherwise reads an order in apposition, a formal notice
// whose verb frames its target, and an inline enumerated list.
func TestOrdersWrittenOtherwise(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Zorgview, mise en demeure en novembre 2021 de cesser la collecte, n'a jamais répondu.", "Zorgview formal_notice 1"},
		{"Le 17 mars 2022, l'ARCEP avait mis Zorgtel en demeure de respecter ses engagements.", "Zorgtel formal_notice 1"},
		{"Après avoir mis la France en demeure de respecter la directive, la Commission européenne a saisi la Cour.", "France formal_notice 1"},
		{"L'autorité a mis la société Zorgtel en demeure de réparer son réseau.", "Zorgtel formal_notice 1"},
		{"La présidente de la CNIL a mis en demeure la société Zorgloc, qui récupérait des données. Le consentement manquait. Zorgloc devait, dans un délai de trois mois :\ncesser de traiter les données ;\nsupprimer les données ;\njustifier de sa mise en conformité.\nFin.", "Zorgloc formal_notice 3"},
		{"La CNIL a enjoint à Zorgcall, dans un délai d'un mois : (i) de cesser les appels ; (ii) de supprimer les fichiers ; (iii) d'informer les personnes.", "Zorgcall injunction 3"},
		{"La CNIL a enjoint à la société Zorgchauffe de (i) cesser de démarcher les opposants, (ii) informer les prospects et (iii) encadrer ses sous-traitants, dans un délai de trois mois.", "Zorgchauffe injunction 3"},
		{"La société Zorgdata s'est vu enjoindre de désigner un délégué à la protection des données dans un délai d'un mois.", "Zorgdata injunction 1"},
		{"La CNIL a sanctionné la société Zorgisol. Elle a aussi prononcé à son encontre une injonction de mise en conformité de ses fichiers de prospection, sous astreinte de 1 000 euros par jour de retard.", "Zorgisol injunction 1"},
		{"Faute d'avoir répondu à la mise en demeure de la CNIL, la société Zorgfail a manqué à son obligation de coopération.", ""},
		{"La société Zorgbank devra, dans un délai de six mois, mettre fin au traitement, sous astreinte de 10 000 euros par jour de retard, a décidé l'ACPR.", "Zorgbank injunction 1"},
		{"La société Zorgbank devra rembourser ses clients de 10 000 euros chacun.", ""},
		{"La CNIL a sanctionné la société Zorgloc. Elle devra aussi, sous trois mois, cesser la géolocalisation permanente, sous astreinte de 500 euros par jour de retard.", "Zorgloc injunction 1"},
		{"Elle devra, sous trois mois, cesser la collecte, sous astreinte de 500 euros par jour de retard.", ""},
		{"L'association Zorgasso a assigné Zorgdate afin de voir ordonner la suppression des vidéos.", ""},
		{"La CNIL a sanctionné Zorgloc. Le Conseil d'État a été saisi. Il devra trancher sous trois mois, l'astreinte de 500 euros par jour de retard étant suspendue.", ""},
		{"La CNIL a sanctionné la société Zorgloc. Elle devra désormais verser une astreinte de 500 euros par jour de retard.", ""},
		{"Le tribunal judiciaire a condamné la société Zorgvideo à retirer les vidéos dans un délai de huit jours, sous astreinte de 1 000 euros par jour de retard.", "Zorgvideo injunction 1"},
		{"La salariée avait obtenu que son employeur, la société Zorglog, soit condamné à lui remettre ses bulletins de paie et à lui communiquer ses données.", "Zorglog injunction 2"},
		{"Le tribunal a condamné la société Zorgvideo à payer 5 000 euros de dommages et intérêts.", ""},
		{"La présidente de la CNIL a décidé de mettre en demeure la société Zorgcam de cesser de filmer ses salariés.", "Zorgcam formal_notice 1"},
		{"L'ANJ a sommé l'opérateur Zorgbet de fermer son site dans un délai de cinq jours.", "Zorgbet formal_notice 1"},
		{"La société Zorgshop est tenue de supprimer les données dans un délai de trois mois, sous astreinte de 200 euros par jour de retard.", "Zorgshop injunction 1"},
		{"Le Garante a ordonné à la société Zorgbot la limitation temporaire du traitement des données des utilisateurs italiens.", "Zorgbot injunction 1"},
		{"La CNIL a ordonné à la société Zorgbot la semaine dernière de fermer son site.", "Zorgbot injunction 1"},
		{"La présidente de la CNIL a adressé une mise en demeure à la société Zorgcam, lui demandant de cesser de filmer ses salariés en continu.", "Zorgcam formal_notice 1"},
		{"Le tribunal de commerce a ordonné à Zorgmail, sous astreinte de 1 000 euros par jour de retard, la restitution des données de son ancien client.", "Zorgmail injunction 1"},
		{"La CNIL a également prononcé une injonction de mettre en conformité les traitements, assortie d'une astreinte de 500 euros par jour de retard, à l'encontre de la société Zorgtex.", "Zorgtex injunction 1"},
		{"Le Conseil d'État prononce contre l'État une astreinte de 5 millions d'euros par semestre de retard s'il ne justifie pas avoir exécuté sa décision dans un délai de six mois.", "État injunction 1"},
		{"Le tribunal a prononcé à l'encontre de la société Zorgbeton une astreinte de 500 euros par jour si elle ne justifie pas avoir retiré ses gravats.", "Zorgbeton injunction 1"},
		// what is ordered as a clause whose subject is the target
		{"Le président de l'Arcom a mis en demeure la chaîne Zorgtv afin qu'elle respecte ses quotas de diffusion d'ici la fin de l'année.", "Zorgtv formal_notice 1"},
		{"La CNIL a mis en demeure la mutuelle Zorgsanté, pour qu'elle chiffre les dossiers de ses adhérents sous trois mois.", "Zorgsanté formal_notice 1"},
		{"L'autorité exige de Zorgcloud qu'elle ne transfère plus les données hors de l'Union.", "Zorgcloud injunction 1"},
		{"Le gendarme des télécoms exige que Zorgfibre raccorde les communes oubliées avant le 1er mars.", "Zorgfibre injunction 1"},
		{"La CNIL a mis en demeure Zorgpay, qu'elle surveille depuis deux ans.", ""},
		{"Le règlement exige que les données soient exactes.", ""},
		// a judge's own voice, and a court that forbids
		{"PAR CES MOTIFS,\nOrdonnons à la société Zorgjournal de retirer la vidéo litigieuse, sous astreinte de 2 000 euros par jour de retard.", "Zorgjournal injunction 1"},
		{"Interdisons à la société Zorgjournal de publier tout nouvel article sur la procédure.", "Zorgjournal injunction 1"},
		{"Le juge des référés a interdit à Zorgtrack de revendre les données de localisation de ses abonnés.", "Zorgtrack injunction 1"},
		// a delay an authority gives a party « pour » doing something orders it
		{"La CNIL a donné trois mois à la société Zorgalpha pour se mettre en conformité.", "Zorgalpha injunction 1"},
		{"La CNIL a sanctionné Zorgbeta. Elle lui a laissé quinze jours pour supprimer les fichiers.", "Zorgbeta injunction 1"},
		{"Zorggamma a donné trois mois à ses équipes pour migrer.", ""},
		{"La CNIL a demandé à Zorgdelta de cesser la prospection par SMS.", "Zorgdelta injunction 1"},
		// a verb of receiving an order: its subject is the target, as in the passive voice
		{"La société Zorgmedia a reçu l'ordre de retirer les vidéos sous huit jours.", "Zorgmedia injunction 1"},
		{"Zorgpay reçoit injonction de cesser la collecte des données.", "Zorgpay injunction 1"},
		{"Zorgtel avait déjà reçu l'ordre, en 2021, de réparer son réseau.", "Zorgtel injunction 1"},
		{"Les sociétés Zorgone et Zorgtwo ont reçu l'ordre de la CNIL de supprimer les données.", "Zorgone injunction 1, Zorgtwo injunction 1"},
		{"La société Zorgbar a reçu un rappel à l'ordre de la CNIL.", ""},
		{"La société Zorgbar a reçu l'ordre de virement de son client.", ""},
		{"Le salarié a reçu l'ordre de son employeur de supprimer les fichiers.", ""},
		// an order given in so many words
		{"La CNIL a intimé l'ordre à la société Zorgpay de cesser la collecte.", "Zorgpay injunction 1"},
		{"La société Zorgpay s'est vu intimer l'ordre de cesser la collecte.", "Zorgpay injunction 1"},
		{"La cour d'appel a confirmé le jugement rendu contre la société Zorgpay, intimée, et rejeté l'ordre du jour.", ""},
		// a rule that imposes is no body that orders the companies named before
		{"La CNIL a sanctionné Zorgpub et Zorgmark. La loi impose aux plateformes de vérifier l'âge de leurs utilisateurs.", ""},
		{"La CNIL a sanctionné Zorgpub et Zorgmark. Elle a enjoint aux deux sociétés de vérifier l'âge de leurs utilisateurs.", "Zorgpub injunction 1, Zorgmark injunction 1"},
	} {
		r := &Record{Article: Article{Text: c.in}}
		r.Facts = Default().Extract(&r.Article)
		var got []string
		for _, o := range r.Injunctions {
			got = append(got, fmt.Sprintf("%s %s %d", o.Target, o.Kind, len(o.Obligations)))
		}
		if strings.Join(got, ", ") != c.want {
			t.Errorf("%q: %q, want %s", c.in, got, c.want)
		}
	}
}

// TestCoordinatedObligations splits what is ordered at each coordinated
// infinitive: one right after the infinitive before it, one after « puis »
// whose object is an elided pronoun, one after an adverb, the items of a numbered
// list; verbs that share an object stay one obligation; the terms and the
// verb of the sentence that follow what is ordered are cut from it; and no
// split before a noun.
func TestCoordinatedObligations(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"La CNIL a ordonné à la société Zorgface de supprimer les photos, de ne plus en collecter et de nommer un représentant.",
			[]string{"de supprimer les photos", "de ne plus en collecter", "de nommer un représentant"}},
		{"Le régulateur a enjoint à Zorgads de rédiger un plan de mise en conformité, puis de l'appliquer sous six mois.",
			[]string{"de rédiger un plan de mise en conformité", "de l'appliquer sous six mois"}},
		{"La CNIL a enjoint à la société Zorglog de remettre à la salariée ses bulletins de salaire et de lui communiquer ses données.",
			[]string{"de remettre à la salariée ses bulletins de salaire", "de lui communiquer ses données"}},
		{"La CNIL a mis en demeure Zorgcam de coopérer et de lui transmettre les documents demandés.",
			[]string{"de coopérer", "de lui transmettre les documents demandés"}},
		{"La CNIL a ordonné à Zorgbus de supprimer les données de géolocalisation du conducteur et de l'usager.",
			[]string{"de supprimer les données de géolocalisation du conducteur et de l'usager"}},
		{"La CNIL a mis en demeure Zorgécole de cesser le tri automatique des dossiers et de mieux informer les candidats.",
			[]string{"de cesser le tri automatique des dossiers", "de mieux informer les candidats"}},
		{"Le juge a ordonné à Zorgdrone de cesser de filmer, d'enregistrer ou de diffuser les passants et de détruire les images.",
			[]string{"de cesser de filmer, d'enregistrer ou de diffuser les passants", "de détruire les images"}},
		{"Le juge a ordonné à Zorgdrone de cesser d’enregistrer et de diffuser les passants, et d’effacer les images.",
			[]string{"de cesser d’enregistrer et de diffuser les passants", "d’effacer les images"}},
		{"La CNIL a enjoint à la société Zorgmarket, dans un délai de trois mois, de : 1) recueillir le consentement des personnes ; 2) informer les clients.",
			[]string{"recueillir le consentement des personnes", "informer les clients"}},
		{"Le Garante a ordonné à Zorgbot d'informer les utilisateurs et de permettre leur opposition, le tout dans un délai de 30 jours.",
			[]string{"d'informer les utilisateurs", "de permettre leur opposition"}},
		{"La société Zorgface collecte des photos en ligne. La mise en demeure que lui avait adressée la CNIL, qui lui enjoignait de cesser cette collecte et d'effacer les photos déjà réunies, est restée lettre morte.",
			[]string{"de cesser cette collecte", "d'effacer les photos déjà réunies"}},
		{"Le tribunal ordonne à la société Zorgjournal de retirer la vidéo, sous astreinte de 2 000 euros par jour de retard, passé le délai de huit jours suivant la signification.",
			[]string{"de retirer la vidéo"}},
		{"La CNIL a enjoint à Zorgtel de revoir les conditions de l'abonnement et de l'offre groupée.",
			[]string{"de revoir les conditions de l'abonnement et de l'offre groupée"}},
	} {
		r := &Record{Article: Article{Text: c.in}}
		r.Facts = Default().Extract(&r.Article)
		if len(r.Injunctions) != 1 {
			t.Errorf("%q: injunctions %+v, want one", c.in, r.Injunctions)
			continue
		}
		var got []string
		for _, o := range r.Injunctions[0].Obligations {
			got = append(got, o.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: obligations %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSentenceAfterAWideSpace reads a court's sentence whose verb follows a
// non-breaking space, two bytes long: the order's span starts on the verb.
func TestSentenceAfterAWideSpace(t *testing.T) {
	in := "Le tribunal a\u00a0condamné la société Zorgvideo à retirer les vidéos."
	r := &Record{Article: Article{Text: in}}
	r.Facts = Default().Extract(&r.Article)
	if len(r.Injunctions) != 1 {
		t.Fatalf("%d injunctions, want 1", len(r.Injunctions))
	}
	if in := r.Injunctions[0]; !in.Valid(r.Text) || !strings.HasPrefix(r.Text[in.Start:], "condamné") {
		t.Errorf("injunction span %v does not start on the verb", in.Span)
	}
}

// TestInjunctionTargets reads the targets of orders written the way the news
// writes them: public bodies, a clause before the target, what the target is.
// TestInjunctionIssuer checks who gives an order: the authority a noun
// trigger names as its own, though another is named before it, and the
// court that a passive sentence names as its agent.
func TestInjunctionIssuer(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Le 12 mars 2019, la société Zorgcam a été mise en demeure par la présidente de la CNIL de revoir son dispositif de vidéosurveillance.", "CNIL -> Zorgcam"},
		{"La société Zorge a été condamnée par le tribunal judiciaire de Paris à retirer les contenus sous astreinte de 500 euros par jour.", "Tribunal judiciaire de Paris -> Zorge"},
		{"Le Conseil d'État a rejeté la requête de la société Zorgmedia, qui contestait l'injonction de la CNIL de cesser de déposer des cookies.", "CNIL -> Zorgmedia"},
		{"La CNIL a rappelé à la société Zorgmedia la mise en demeure de l'Arcep de respecter ses obligations.", "ARCEP -> Zorgmedia"},
		{"Le Conseil d'État a confirmé la mise en demeure adressée par la CNIL à la société Zorgmedia de cesser la collecte.", "CNIL -> Zorgmedia"},
	} {
		var got []string
		for _, in := range Default().Extract(&Article{Text: c.in}).Injunctions {
			got = append(got, in.Authority+" -> "+in.Target)
		}
		if strings.Join(got, ", ") != c.want {
			t.Errorf("%q: orders %q, want %q", c.in, got, c.want)
		}
	}
}

func TestInjunctionTargets(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Le Conseil d'État a enjoint à l'État de prendre toutes les mesures utiles.", "État"},
		{"La CNIL a enjoint au ministère de l'Intérieur de cesser les vols de drones.", "ministère de l'Intérieur"},
		{"Le tribunal a ordonné à la commune de Zorgville de retirer les caméras.", "commune de Zorgville"},
		{"La société Zorgtel a été mise en demeure, à deux reprises, par l'ARCEP, de réparer son réseau.", "Zorgtel"},
		{"L'autorité a mis en demeure, le 3 juin 2024, les sociétés Zorgbet Ltd et Zorgplay Ltd de fermer leurs sites.", "Zorgbet Ltd, Zorgplay Ltd"},
		{"L'autorité a ordonné aux opérateurs Zorgnet SA, Société zorglubienne des télécoms (SZT), Zorgbox et Zorgmobile SAS de bloquer le site.", "Zorgnet SA, SZT, Zorgbox, Zorgmobile SAS"},
		{"Le président de l'autorité a ordonné, par une décision du 2 mai 2024, aux fournisseurs d'accès Zorgnet SA et Zorgtel SAS de bloquer le site.", "Zorgnet SA, Zorgtel SAS"},
		{"Le Conseil d'État a enjoint au Premier ministre et au ministre chargé de l'écologie de publier un plan.", "Premier ministre, ministre chargé de l'écologie"},
		{"La CNIL a sanctionné le ministère de la Culture. Elle a également enjoint au ministère de cesser toute collecte.", "ministère de la Culture"},
		{"L'ANJ a mis en demeure, le 4 avril 2024, les sociétés Zorgplay Ltd, établie à Malte, et Zorgbet N.V., immatriculée à Curaçao, de cesser leur activité.", "Zorgplay Ltd, Zorgbet N.V."},
		{"La DGCCRF avait sanctionné Zorgtel et Zorgnet d'une amende. Elle leur avait en outre ordonné de publier un avis.", "Zorgtel, Zorgnet"},
		{"L'Arcom a refusé d'agir. Saisi par l'association Zorgpress, le Conseil d'État lui avait enjoint, le 3 mai 2024, de réexaminer le dossier.", "Arcom"},
		{"L'Arcom a refusé d'agir. Saisi par Reporters sans frontières (RSF), le Conseil d'État lui a enjoint, le 3 mai 2024, de réexaminer dans un délai de six mois le respect par la chaîne Zorg TV de ses obligations.", "Arcom"},
		{"Le ministère de l'Agriculture utilisait un algorithme. Mis en demeure le 3 février 2019 de cesser de l'utiliser, le ministère a obtenu la clôture de la procédure.", "ministère de l'Agriculture"},
		{"La CNPD a sanctionné Zorgshop Sàrl. Sa décision ordonnait aussi à la société de mettre ses traitements en conformité.", "Zorgshop Sàrl"},
		{"L'Arcom a sanctionné la société Zorg TV. Le juge a rejeté le recours de la chaîne, filiale du groupe Zorgmédia. La chaîne avait été mise en demeure par le CSA de respecter ses obligations.", "Zorg TV"},
		{"La CNIL avait sanctionné Zorgtel. Dans son guide, elle recommande aux entreprises de limiter la conservation et leur demande de supprimer les données inutiles.", ""},
		{"La CNIL a mis en demeure la société Zorgcar de fournir une information complète. Zorgnet est sommée de supprimer les données d'ici au 31 décembre 2024.", "Zorgcar, Zorgnet"},
		{"Zorgnet s'est vu enjoindre par le tribunal de retirer les photographies.", "Zorgnet"},
		{"Les sociétés Zorgspot et Zorgtaury ont été mises en demeure le 8 octobre 2018 de recueillir le consentement des personnes.", "Zorgspot, Zorgtaury"},
		{"La CNIL a sanctionné la société Zorga d'une amende. Elle a également ordonné la mise en conformité de ses traitements dans un délai de deux mois.", "Zorga"},
		{"La CNIL a contrôlé la société Zorga et lui a ordonné la suppression des fichiers.", "Zorga"},
		{"La société Zorga a été contrôlée.\n\nLa CNIL a ordonné la suspension du traitement.", ""},
		{"La société Zorgtel a été contrôlée en 2023. La CNIL a adressé une mise en demeure à plusieurs sites de commerce en ligne de recueillir le consentement des internautes.", ""},
		// parties no name gives, and one of them named
		{"La présidente de la CNIL a mis en demeure plusieurs organismes, dont la société Zorgcom, de se conformer au RGPD dans un délai de trois mois.", "Zorgcom"},
		{"La CNIL a mis en demeure des collectivités, parmi lesquelles la commune de Zorgville et Zorgmétropole, de sécuriser leurs sites.", "commune de Zorgville, Zorgmétropole"},
		{"La CNIL a mis en demeure plusieurs sites, dont certains hébergés par Zorghost, de recueillir le consentement des internautes.", ""},
		// an organisation named in a relative clause about another is not what the pronoun stands for
		{"La CNIL a sanctionné la société Zorgprospect, qui aspire les profils publiés sur Zorgnet. Elle lui a aussi enjoint de supprimer les données.", "Zorgprospect"},
		{"La CNIL a sanctionné la société Zorgprospect, dont les clients achètent des fichiers à Zorgdata. Elle lui a enjoint de supprimer les fichiers.", "Zorgprospect"},
		{"La CNIL a contrôlé Zorgprospect. Elle a ensuite sanctionné Zorgdata. Elle lui a enjoint de supprimer les fichiers.", "Zorgdata"},
		{"La CNIL a sanctionné la société Zorgprospect, qui a fait appel, puis a mis en demeure Zorgnet. Elle lui a enjoint de supprimer les données.", "Zorgnet"},
	} {
		r := &Record{Article: Article{Text: c.in}}
		r.Facts = Default().Extract(&r.Article)
		var got []string
		for _, in := range r.Injunctions {
			got = append(got, in.Target)
		}
		if strings.Join(got, ", ") != c.want {
			t.Errorf("%q: targets %q, want %s", c.in, got, c.want)
		}
	}
}

// TestOrderOfAPassiveAgent gives a passive order to the authority named as
// its agent, not to the one named before it.
func TestOrderOfAPassiveAgent(t *testing.T) {
	in := "L'Arcom a sanctionné Zorg TV. La chaîne avait auparavant été mise en demeure, à deux reprises, par le CSA, de respecter ses obligations."
	r := &Record{Article: Article{Text: in}}
	r.Facts = Default().Extract(&r.Article)
	if len(r.Injunctions) != 1 || r.Injunctions[0].Authority != "CSA" || r.Injunctions[0].Target != "Zorg TV" {
		t.Errorf("got %v, want one formal notice by the CSA to Zorg TV", r.Injunctions)
	}
}

// TestGivesOrder checks that reading a sentence's verb triggers with the
// article's words finds what reading them in the sentence alone finds, for
// sentences cut anywhere.
func TestGivesOrder(t *testing.T) {
	ir := Default().injunctions
	texts := append(fixtureTexts(t), "La CNIL a enjoint à X de cesser. Elle a ordonné la suppression ; elle met en demeure Y. Une injonction.")
	for _, text := range texts {
		toks := tokens(text)
		found := 0
		for s := 0; s < len(text); s += 7 {
			for _, e := range []int{sentenceEnd(text, s), min(len(text), s+13), min(len(text), s+40)} {
				sentence := text[s:e]
				want := slices.ContainsFunc(ir.triggers(sentence, tokens(sentence)), func(t trigger) bool { return t.verb })
				if got := ir.givesOrder(text, toks, s, e); got != want {
					t.Fatalf("givesOrder(%q) = %v, want %v", sentence, got, want)
				}
				if want {
					found++
				}
			}
		}
		if found == 0 {
			t.Errorf("%.40q: no verb trigger", text)
		}
	}
}

// TestDescribes checks describes against the regexp it stands for.
func TestDescribes(t *testing.T) {
	re := regexp.MustCompile(`^[\p{Ll}'’ -]{0,60}$`)
	texts := append(fixtureTexts(t), "aux fournisseurs d'accès à internet ", "l’éditeur", "la société-mère", "ŉ ǆ ß", "Orange", "a\xffb",
		strings.Repeat("é", 60), strings.Repeat("é", 61), strings.Repeat("ab", 30), strings.Repeat("ab", 30)+"c", "a\tb", "")
	for _, text := range texts {
		for i := 0; i < len(text); i += 3 {
			for _, n := range []int{0, 5, 30, 70, 200} {
				if s := text[i:min(len(text), i+n)]; describes(s) != re.MatchString(s) {
					t.Fatalf("describes(%q) = %v, regexp %v", s, describes(s), re.MatchString(s))
				}
			}
		}
	}
}

// TestDutyNeedsMust checks that the duty after a name matches only where
// one of the words of « devra » is, which dutiesUnderAstreinte looks for
// first.
func TestDutyNeedsMust(t *testing.T) {
	ir := Default().injunctions
	matched := 0
	for _, text := range append(fixtureTexts(t), ", qui édite le site, devra, dans un délai de six mois, cesser ; DEVRA supprimer ; est  tenue de payer") {
		for i := range text {
			s := text[i:min(len(text), i+120)]
			if ir.dutyAfter.MatchString(s) {
				matched++
				if !ir.must.in(s) {
					t.Fatalf("%q: a duty with no « devra »", s)
				}
			}
		}
	}
	if matched == 0 {
		t.Error("no duty")
	}
}

// TestTriggerAcrossLineBreaks extracts from an article whose every space is
// a line break, where a trigger's words lie in several « sentences »: it
// once read past the end of the sentence it was found in and panicked.
func TestTriggerAcrossLineBreaks(t *testing.T) {
	in := "La CNIL a prononcé une mise en demeure à l'encontre de la société Zorgcam, lui enjoignant de cesser la collecte dans un délai de deux mois."
	a := &Article{Text: strings.ReplaceAll(in, " ", "\n")}
	if f := Default().Extract(a); len(f.Entities) == 0 {
		t.Errorf("no name read from %q", a.Text)
	}
}

// FuzzOpensObligation checks that the obligation grammar's opens tells what
// its start matches, at every start of a clause.
func FuzzOpensObligation(f *testing.F) {
	g := Default().injunctions.obligation
	for _, s := range []string{"de cesser", "De  supprimer les", "d’informer", "dʼ effacer", "de la société", "de données",
		"de (i) cesser", "de ii) cesser", "de a) cesser", "de 1° cesser", "de 12°retirer", "de ne pas conserver", "de ne plus",
		"d'y remédier", "de les supprimer", "de leur fournir", "de lui remettre", "de se conformer", "de s'abstenir", "d'en cesser",
		"de n'utiliser", "de n’ pas conserver", "de rire", "de ire", "de voir", "de cesserX", "de cesser2", "de cesserÉ", "de ceSSer",
		"de cesser\xff", "de écrire", "de \u00a0cesser", "de\tcesser", "DE CESSER", "de b)c", "de enjoindre", "de yoyo", "de"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := g.opens(s), g.start.MatchString(s); got != want {
			t.Fatalf("opens(%q) = %v, start %v", s, got, want)
		}
	})
}

// TestOpensObligationOnFixtures checks the obligation grammar's opens
// against its start at every byte of the fixtures.
func TestOpensObligationOnFixtures(t *testing.T) {
	g := Default().injunctions.obligation
	for _, text := range fixtureTexts(t) {
		for i := range len(text) {
			if got, want := g.opens(text[i:]), g.start.MatchString(text[i:]); got != want {
				t.Fatalf("opens(%q) = %v, start %v", text[i:min(len(text), i+40)], got, want)
			}
		}
	}
}

// FuzzObligationSplits checks that the obligation grammar's splits finds
// what its split finds (splitsByRegexp).
func FuzzObligationSplits(f *testing.F) {
	g := Default().injunctions.obligation
	for _, s := range []string{"de cesser, et de supprimer", "de cesser ; (ii) de supprimer", "de cesser, ii) informer",
		"de cesser et d'informer", "de cesser puis de notifier", "de cesser ainsi que de publier", "de lui remettre et à lui communiquer",
		"de cesser,et de", "de cesser , 2° de retirer", "de cesser, De supprimer", "de cesser  et\tde supprimer", "de cesser en partie et par",
		"de ne plus en collecter et de désigner", "de cesser, puis de l'exécuter", "de cesser et de l'usager", "de cesser et de mieux informer"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := g.splits(s), splitsByRegexp(g, s); !reflect.DeepEqual(got, want) {
			t.Fatalf("splits(%q) = %v, split %v", s, got, want)
		}
	})
}

// TestObligationSplitsOnFixtures checks the obligation grammar's splits
// against its split on stretches of the fixtures.
func TestObligationSplitsOnFixtures(t *testing.T) {
	g := Default().injunctions.obligation
	for _, text := range fixtureTexts(t) {
		for i := 0; i < len(text); i += 5 {
			s := text[i:min(len(text), i+400)]
			if got, want := g.splits(s), splitsByRegexp(g, s); !reflect.DeepEqual(got, want) {
				t.Fatalf("splits(%q) = %v, split %v", s, got, want)
			}
		}
	}
}

// splitsByRegexp is what g.splits finds, read with g.split
// alone: its matches, each searched from where nextSplitFrom resumes after
// the one before.
func splitsByRegexp(g *obligationGrammar, s string) [][]int {
	var out [][]int
	for from := 0; from < len(s); {
		m := g.split.FindStringSubmatchIndex(s[from:])
		if m == nil {
			break
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += from
			}
		}
		out = append(out, m)
		from = nextSplitFrom(s, m[1])
	}
	return out
}

// TestSharedLetters checks the letters that a word holding one of the
// phrases holds, and that sentencedTo finds a sentence wherever its words
// are written, in any case.
func TestSharedLetters(t *testing.T) {
	for _, c := range []struct {
		phrases []string
		want    string
	}{
		{[]string{"condamne", "condamnés", "CONDAMNÉE", "condamnait"}, "condamn"},
		{[]string{"verse", "versé"}, "ver"}, // « s » may be « ſ », which folds to itself
		{[]string{"mise en demeure", "demeure"}, "demeure"},
		{[]string{"œuvre", "ouvre"}, "uvre"},
		{[]string{"abc", "xyz"}, ""},
		{nil, ""},
	} {
		if got := sharedLetters(c.phrases); got != c.want {
			t.Errorf("sharedLetters(%q) = %q, want %q", c.phrases, got, c.want)
		}
	}
	ir := Default().injunctions
	for _, text := range []string{"Le tribunal a CONDAMNÉ la société", "2condamne", "Condamnées", "la société est condamnée"} {
		if !wordsHold(tokens(text), ir.sentenceLetters) || len(ir.sentence.FindAllStringIndex(text, -1)) == 0 {
			t.Errorf("%q: no sentence found", text)
		}
	}
	if text := "la condition de la damnation"; wordsHold(tokens(text), ir.sentenceLetters) {
		t.Errorf("%q: the letters are held", text)
	}
}

// bodyTexts are texts where bodies, articles, adverbs and « à » stand in
// their cases and spacings.
var bodyTexts = []string{"à l'État de", "au ministère de l'Intérieur", "AUX  communes de Nice", "la\tCommune de Nice", "l’État", "lʼÉtat",
	"le Premier ministre et au ministre chargé de l'écologie", "Le préfet de police", "la mairie", "une commune", "l'", "au", "aux ", "État",
	", par une décision du 2 mai, aux sociétés", " , en outre, à la société", "  également à X", " ALORS à X", " a X", "\u00a0à X", "lui", "",
	"à\tX", " auxiliaire", " au X", " aux", "à", " A  X", " À la", "aux\n\nsociétés", "a"}

// TestBodyAndTargetGates checks bodyFinder.find against the body regexps, and
// toTargetEnd against toTarget, at every byte of the fixtures and of
// bodyTexts.
func TestBodyAndTargetGates(t *testing.T) {
	for _, text := range append(fixtureTexts(t), bodyTexts...) {
		for i := range len(text) + 1 {
			checkBodyAndTargetGates(t, text[i:])
		}
	}
}

// FuzzBodyAndTargetGates is TestBodyAndTargetGates on any text.
func FuzzBodyAndTargetGates(f *testing.F) {
	for _, s := range bodyTexts {
		f.Add(s)
	}
	f.Fuzz(checkBodyAndTargetGates)
}

// checkBodyAndTargetGates checks bodyFinder.find and toTargetEnd on s.
func checkBodyAndTargetGates(t *testing.T, s string) {
	ir, sr := Default().injunctions, Default().sanctions
	if got, want := ir.body.find(s), ir.body.re.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Fatalf("body.find(%q) = %v, regexp %v", s, got, want)
	}
	if got, want := sr.body.find(s), sr.body.re.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Fatalf("sanctions' body.find(%q) = %v, regexp %v", s, got, want)
	}
	want := -1
	if m := ir.toTarget.FindStringIndex(s); m != nil {
		want = m[1]
	}
	if got := ir.toTargetEnd(s); got != want {
		t.Fatalf("toTargetEnd(%q) = %d, regexp %d", s, got, want)
	}
}

// TestMayBeDuty checks that dutyAfter matches nowhere mayBeDuty rules out.
func TestMayBeDuty(t *testing.T) {
	ir := Default().injunctions
	texts := append(fixtureTexts(t), "Zorgbank devra, dans un délai de six mois, mettre fin", "X\tDEVRA cesser", "X, qui a été sanctionnée, doit cesser",
		"X est tenue de supprimer", "X  doivent retirer", "X")
	matched := 0
	for _, text := range texts {
		for i := range len(text) + 1 {
			if ir.dutyAfter.FindStringSubmatchIndex(text[i:]) == nil {
				continue
			}
			matched++
			if !ir.mayBeDuty(text, i) {
				t.Fatalf("dutyAfter matches %q, mayBeDuty rules it out", text[i:])
			}
		}
	}
	if matched < 5 {
		t.Fatalf("dutyAfter matched %d times", matched)
	}
}
