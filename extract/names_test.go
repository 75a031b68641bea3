package extract

import (
	"strings"
	"testing"
)

// nameCases are names in French sentences written for this test, each with
// the kind and name the finder must give the surface, or "" when the surface
// names nothing.
var nameCases = []struct {
	name, in, surface, want string
}{
	// organisations, with their evidence
	{"legal form after", "Le contrôle a visé Dubreuil Emballages SAS en mars.", "Dubreuil Emballages SAS", "ORG Dubreuil Emballages SAS"},
	{"cue before", "La CNIL a sanctionné la société Vendôme Optique pour ses cookies.", "Vendôme Optique", "ORG Vendôme Optique"},
	{"a passive sanction after the name", "Zorgcloud a été condamnée à payer 8 millions d'euros.", "Zorgcloud", "ORG Zorgcloud"},
	{"a sanction received after the name", "Zorgcloud s'est vu infliger une amende.", "Zorgcloud", "ORG Zorgcloud"},
	{"a given name makes a sanctioned party a person", "Marie Zorgier a été condamnée à 5 000 euros d'amende.", "Marie Zorgier", "PERSON Marie Zorgier"},
	{"back reference past a relative clause", "La CNIL a sanctionné la société Zorgprospect, qui aspire les profils publiés sur Zorgnet. La société conteste la sanction.", "La société", "ORG Zorgprospect"},
	{"back reference to the last name", "La CNIL a sanctionné la société Zorgprospect. Elle a aussi contrôlé Zorgnet. La société conteste la sanction.", "La société", "ORG Zorgnet"},
	{"cue with adjectives", "Elle vise la société lyonnaise Pixelune, éditrice de jeux.", "Pixelune", "ORG Pixelune"},
	{"association cue in lower case", "L'association ravel a déposé une plainte.", "ravel", "ORG ravel"},
	{"syndicat cue", "Le syndicat Solidaires Numérique conteste la décision.", "Solidaires Numérique", "ORG Solidaires Numérique"},
	{"operator cue", "L'opérateur Telcovia a été mis en demeure.", "Telcovia", "ORG Telcovia"},
	{"cue after with an article", "Brindille, la filiale du groupe, n'a pas répondu.", "Brindille", "ORG Brindille"},
	{"a plus sign closing the name", "La chaîne appartient au groupe Zorgtélé+, qui conteste la sanction.", "Zorgtélé+", "ORG Zorgtélé+"},
	{"acronym defined in brackets", "La Fédération des loueurs de matériel (FLM) s'est jointe à la procédure.", "FLM", "ORG FLM"},
	{"acronym first", "Le FNCC (Fonds national des coopératives culturelles) a été entendu.", "FNCC", "ORG FNCC"},
	{"lexicon", "Selon la CNIL, Google a manqué à ses obligations.", "Google", "ORG Google"},
	{"a name with de la and elision", "L'Alliance de la presse d'information générale a saisi l'Autorité.", "Alliance de la presse d'information générale", "ORG Alliance de la presse d'information générale"},
	{"a name with &", "Le cabinet Rivière & Associés conseille la plaignante.", "Rivière & Associés", "ORG Rivière & Associés"},
	{"a name with a hyphen", "La société Val-Médic Services a notifié la violation.", "Val-Médic Services", "ORG Val-Médic Services"},
	{"a company tail", "Les données ont été cédées à Ostrowski Group en 2021.", "Ostrowski Group", "ORG Ostrowski Group"},
	{"a dotted legal form", "La plateforme est exploitée par Lumen Play B.V. depuis Malte.", "Lumen Play B.V.", "ORG Lumen Play B.V."},
	{"a company name with digits", "L'assureur Mut3 Prévoyance Santé a été contrôlé.", "Mut3 Prévoyance Santé", "ORG Mut3 Prévoyance Santé"},
	{"a ministry", "La CNIL a rappelé à l'ordre le ministère de l'Intérieur pour ses caméras.", "ministère de l'Intérieur", "ORG ministère de l'Intérieur"},
	{"a ministry with a long portfolio", "Le ministère de l'Enseignement supérieur, de la Recherche et de l'Innovation a publié le code source.", "ministère de l'Enseignement supérieur, de la Recherche et de l'Innovation", "ORG ministère de l'Enseignement supérieur, de la Recherche et de l'Innovation"},
	{"a commune", "La garante italienne a sanctionné la commune de Vérone pour ses micros.", "commune de Vérone", "ORG commune de Vérone"},
	{"a préfecture", "Les drones de la préfecture de police survolaient la ville.", "préfecture de police", "ORG préfecture de police"},
	{"a league", "La Ligue des droits de l'Homme a saisi le juge des référés.", "Ligue des droits de l'Homme", "ORG Ligue des droits de l'Homme"},
	{"a high council", "Le Haut Conseil pour le climat juge l'effort insuffisant.", "Haut Conseil pour le climat", "ORG Haut Conseil pour le climat"},
	{"a heading names a known company", "ORANGE FAIT APPEL\nOrange conteste la sanction de l'Arcep.", "ORANGE", "ORG Orange"},
	{"one canonical name at a sentence start", "Le recours de La Quadrature du Net est rejeté. Quadrature du Net a fait appel.", "Quadrature du Net a", "ORG La Quadrature du Net"},
	{"a regional service defined by its acronym and seat", "La direction régionale des douanes (DRD) de Normandie a contrôlé l'entrepôt.", "DRD", "ORG DRD Normandie"},
	{"a regional service by its acronym and seat", "Sanctionnée par la DREAL de Bretagne, la société a fait appel.", "DREAL", "ORG DREAL Bretagne"},
	{"a service that pronounces sanctions, with its seat, is an authority", "La société a été sanctionnée par la DIRECCTE de Normandie en 2016.", "DIRECCTE", "AUTHORITY DIRECCTE Normandie"},
	{"a service with its seat after « du »", "La DDPP du Rhône a infligé une amende à la société.", "DDPP du Rhône", "AUTHORITY DDPP Rhône"},
	{"a service with its seat after « de la »", "La DDPP de la Gironde a infligé une amende à la société.", "DDPP de la Gironde", "AUTHORITY DDPP Gironde"},
	{"a service defined by its acronym, with its seat, is an authority", "La Direction régionale de l'économie, de l'emploi, du travail et des solidarités (DREETS) de Bretagne a infligé l'amende.", "DREETS", "AUTHORITY DREETS Bretagne"},
	{"an acronym in lower case before its name", "La plainte de noyb (None of Your Business) vise Meta.", "noyb", "ORG noyb"},
	{"a senate", "Une commission d'enquête du Sénat a évalué le coût.", "Sénat", "ORG Sénat"},
	{"a body with an adjective after its head", "Les patients ont alerté la Caisse primaire d'assurance maladie de la Gironde.", "Caisse primaire", "ORG Caisse primaire d'assurance maladie de la Gironde"},
	{"an acronym with a hyphen keeps its capitals", "Les hôpitaux de l'AP-HP ne sont pas visés. L'AP-HP a répondu.", "AP-HP", "ORG AP-HP"},
	{"a two-word heading", "Questions Fréquentes\nLa CNIL répond.", "Fréquentes", ""},
	{"a numbered heading", "I. Faits et procédure\nLa société a été contrôlée.", "Faits", ""},
	{"a street", "Son siège est situé 12 rue de la Paix à Nantes.", "Paix", "PLACE Paix"},
	{"a statute named Act", "En vertu du Platform Work Act, la Commission peut agir.", "Platform Work Act", ""},
	{"an event", "Le Black Friday multiplie les traceurs publicitaires.", "Black Friday", ""},
	{"what the party is, with a complement, before its name", "La société Zorgle a été citée. L'AMF a sanctionné la société de gestion Zorgam.", "la société", ""},
	{"a town after its mayor", "Le tribunal a annulé l'arrêté du maire de Montbrison autorisant les caméras.", "Montbrison", "PLACE Montbrison"},
	{"the feminine title of an authority", "Le jugement confirme la position de la Défenseure des droits.", "Défenseure des droits", "AUTHORITY Défenseur des droits"},
	{"a person after « Madame »", "Intimée : Madame Sylvie Zorgel, représentée par son avocat.", "Sylvie Zorgel", "PERSON Sylvie Zorgel"},
	{"a capitalised role after a person's name", "Monsieur Karim Haddad, Conseiller\nGreffier : Madame Léa Fontaine", "Conseiller", ""},
	{"a court in a decision's header, in capitals", "COUR D'APPEL DE PARIS\nPôle 5 - Chambre 11\nARRÊT DU 14 MARS 2024", "COUR D'APPEL DE PARIS", "AUTHORITY Cour d'appel de Paris"},
	{"a legal database cited as a source", "Sur Légifrance, la délibération détaille les manquements.", "Légifrance", ""},
	{"a law review", "Comme le relève la doctrine (Dalloz IP/IT 2024, p. 512), la règle change.", "Dalloz IP", ""},
	// persons
	{"byline", "Par Héloïse Martin\nLa CNIL a publié son bilan.", "Héloïse Martin", "PERSON Héloïse Martin"},
	{"byline with an unknown given name", "Par Ysolde Kerbrat\nLa CNIL a publié son bilan annuel.", "Ysolde Kerbrat", "PERSON Ysolde Kerbrat"},
	{"a role after the name", "Selon Gwenaël Tanguy, avocat au barreau de Rennes, la sanction est lourde.", "Gwenaël Tanguy", "PERSON Gwenaël Tanguy"},
	{"par inside a sentence is no byline", "Le contrat a été signé par Ferrand Logistique en 2022.", "Ferrand Logistique", "ORG Ferrand Logistique"},
	{"a speaker after a quotation", "« Le message est clair », explique Yohann Le Bihan, qui a signalé la fuite.", "Yohann Le Bihan", "PERSON Yohann Le Bihan"},
	{"title Me", "Me Duvernoy, avocat de la plaignante, a plaidé la nullité.", "Duvernoy", "PERSON Duvernoy"},
	{"title Mme with a given name", "Mme Clarisse Beaulieu a présenté son rapport.", "Clarisse Beaulieu", "PERSON Clarisse Beaulieu"},
	{"rapporteur with a particle", "Rapporteur : M. Paul de La Ferté\nLa séance est levée.", "Paul de La Ferté", "PERSON Paul de La Ferté"},
	{"given name then surname", "Nadia Perrin, déléguée à la protection des données, le confirme.", "Nadia Perrin", "PERSON Nadia Perrin"},
	{"elided given name", "Le témoignage d'Élodie Marchand a été retenu.", "Élodie Marchand", "PERSON Élodie Marchand"},
	{"foreign given name", "Le militant Maximilian Brenner a déposé trois plaintes.", "Maximilian Brenner", "PERSON Maximilian Brenner"},
	// places
	{"city", "Le tribunal siège à Montélimar depuis 2019.", "Montélimar", "PLACE Montélimar"},
	{"département", "Les entrepôts de la Drôme ont été contrôlés.", "Drôme", "PLACE Drôme"},
	{"département in brackets names the place before", "Un entrepôt situé à Saint-Riquier (Somme) a été visité.", "Saint-Riquier", "PLACE Saint-Riquier"},
	{"foreign city", "La conférence s'est tenue à Munich en février.", "Munich", "PLACE Munich"},
	{"hyphenated département", "La société est installée dans les Hauts-de-Seine.", "Hauts-de-Seine", "PLACE Hauts-de-Seine"},
	{"a company and its site", "Les salariés de l'entrepôt Amazon de Montélimar ont été surveillés.", "Amazon", "ORG Amazon"},
	{"elided country", "L'Irlande a été mise en minorité par ses homologues.", "Irlande", "PLACE Irlande"},
	// not names
	{"heading in capitals", "UN CONTRÔLE OUVERT AU PRINTEMPS\nLa CNIL a contrôlé la société.", "CONTRÔLE OUVERT AU PRINTEMPS", ""},
	{"heading in title case", "Ce Qu'il Faut Retenir\nLa CNIL a sanctionné la société.", "Faut Retenir", ""},
	{"title-case heading after a colon", "Lire aussi : Amende Record Pour Le Groupe Sarenza\nLa CNIL a parlé.", "Record Pour Le Groupe", ""},
	{"section title", "Préambule\nLa présente délibération porte sur les cookies.", "Préambule", ""},
	{"communiqué", "Communiqué\nLa CNIL publie ses recommandations.", "Communiqué", ""},
	{"decision chrome", "Au nom du peuple français\nLe Conseil d'État statuant au contentieux.", "Au nom du peuple français", ""},
	{"recueil", "Décision mentionnée au Recueil Lebon, n° 450000.", "Recueil Lebon", ""},
	{"common noun also in lower case", "La Convention a été signée. Cette convention lie les parties.", "Convention", ""},
	{"roman number", "Le point IV de la délibération précise la sanction.", "IV", ""},
	{"a term defined by an acronym", "Le taux de retour aux joueurs (TRJ) dépasse le plafond ; le TRJ est contrôlé.", "TRJ", ""},
	{"a minister's portfolio", "Le ministre de l'Économie a saisi l'Autorité.", "Économie", ""},
	{"a product after its cue", "La fonctionnalité Smart Replay collecte des données.", "Smart Replay", ""},
	{"a plan", "Le plan France Très Haut Débit mobilise des subventions.", "France Très Haut Débit", ""},
	{"a ruling", "Depuis l'arrêt Schrems II, les transferts sont encadrés.", "Schrems II", ""},
	{"generic acronym", "Les OPCVM gérés par la société ont été suspendus.", "OPCVM", ""},
	{"a town after where a company is established", "La CNIL a contrôlé la société Zorgassur, courtier établi à Zorgeville.", "Zorgeville", "PLACE Zorgeville"},
	{"a region after « dans le »", "Le marché des tuiles est verrouillé dans le Grand Zorgest.", "Grand Zorgest", "PLACE Grand Zorgest"},
	{"an elided article is not part of a name", "L'UFC-Zorg Choisir salue la décision.", "UFC-Zorg Choisir", "ORG UFC-Zorg Choisir"},
	{"a known name keeps its article", "L'Oréal a été sanctionnée par la DGCCRF.", "L'Oréal", "ORG L'Oréal"},
	{"a share bar's networks are chrome", "Lecture 4 min | Partager sur Zorgbook | Zorgtweet\nLa CNIL a sanctionné Zorgco.", "Zorgbook", ""},
	{"a breadcrumb's links are chrome", "Accueil > Zorgactus > Droit du numérique\nLa CNIL a sanctionné Zorgco.", "Zorgactus", ""},
	{"a copyright line's site is chrome", "La CNIL a sanctionné la société Zorgco.\n© Zorgpress 2024 - Tous droits réservés", "Zorgpress", ""},
	{"an association known by its name", "Saisie par La Quadrature du Net, la CNIL enquête.", "Quadrature du Net", "ORG La Quadrature du Net"},
	{"a law firm is counsel", "Selon Zorgval Lemaire Avocats, la décision est fragile.", "Zorgval Lemaire Avocats", ""},
	{"counsel's firm named before « avocat »", "La parole a été donnée à la SCP Zorgwnica, Molinzé, avocat de la société Zorgdata.", "Zorgwnica", ""},
	{"a decision's reporting mark is chrome", "Conseil d'État, 12/06/2023, 465123, Inédit au recueil Lebon", "Inédit", ""},
	{"a company after « en » keeps its cue", "Il a investi en Zorgtech, la start-up lyonnaise.", "Zorgtech", "ORG Zorgtech"},
	{"a cue written with a capital belongs to the name", "Hier, la Banque Zorgienne a été sanctionnée.", "Banque Zorgienne", "ORG Banque Zorgienne"},
	{"a generic cue with a capital stays out of the name", "Hier, la Société Zorgmarine a été sanctionnée.", "Zorgmarine", "ORG Zorgmarine"},
	{"a legal form alone names no one", "Limited, la filiale britannique, conteste la décision.", "Limited", ""},
	{"an acronym of a term in lower case", "Elle relève des carences dans la lutte contre le blanchiment (LCB-FT) de la banque.", "LCB-FT", ""},
	{"an acronym of a body named in lower case", "La fédération royale zorgienne de tennis (FRZT) a vendu les données de ses membres. La FRZT conteste.", "FRZT", "ORG FRZT"},
	{"a photo credit line is chrome", "La CNIL a sanctionné la société Zorgcam.\nCrédit photo : Zorgpix Images\nLa société conteste.", "Zorgpix Images", ""},
	{"the agency of a photo credit closing a caption", "La CNIL a sanctionné la société Zorgcam.\nLe siège de la société, le 3 mars. Zoé Martin / ZPA\nLa société conteste.", "ZPA", ""},
	{"a bare acronym is the one service of that kind named with its seat", "La décision a été prise par la DREAL de Bretagne. Les contrôles menés par la DREAL ont duré un an.", "DREAL ont", "ORG DREAL Bretagne"},
	{"a case's name is no organisation", "Le même jour, la Cour a rendu l'arrêt Zorgas Visuomenes (C-999/21), qui pose les mêmes exigences.", "Zorgas Visuomenes", ""},
	{"an event is no organisation", "Depuis le Brexit, la banque a déménagé ses équipes.", "Brexit", ""},
	{"the first half of a country's name is none", "Les États membres ont adopté le texte.", "États", ""},
	{"a word opening a sentence, then a clause, then a cue", "Le marché est tendu. Zorgretail, qui vend des chaussures, a été sanctionnée par la DGCCRF.", "Zorgretail", "ORG Zorgretail"},
	{"a word opening a sentence, then a clause, and no cue", "Le marché est tendu. Pourtant, selon les experts, la reprise viendra.", "Pourtant", ""},
	{"the verb opening a line of a judgment's operative part", "PAR CES MOTIFS,\nCondamnons la société Zorgpresse aux dépens.", "Condamnons", ""},
	{"a ministry whose portfolio starts with an elided article", "Le ministère de l'Agriculture utilisait un algorithme.", "ministère de l'Agriculture", "ORG ministère de l'Agriculture"},
}

func TestNames(t *testing.T) {
	if len(nameCases) < 40 {
		t.Fatalf("only %d name cases, want at least 40", len(nameCases))
	}
	lx := testLexicon(t)
	for _, c := range nameCases {
		t.Run(c.name, func(t *testing.T) {
			i := strings.Index(c.in, c.surface)
			if i < 0 {
				t.Fatalf("surface %q not in %q", c.surface, c.in)
			}
			got := ""
			for _, e := range lx.Entities(c.in) {
				if e.Start < i+len(c.surface) && e.End > i {
					got = string(e.Type) + " " + e.Name
					break
				}
			}
			if got != c.want {
				t.Errorf("Entities(%q) gives %q at %q, want %q", c.in, got, c.surface, c.want)
			}
		})
	}
}
