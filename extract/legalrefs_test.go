package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// legalRefsCases are citation forms of French decisions and news. A want
// entry is "gdpr|surface|ref" or "law|surface|law name|ref"; the test finds
// each surface in the input, in order, to write the fact's String().
var legalRefsCases = []struct {
	name string
	in   string
	want []string
}{
	// GDPR: one article, every way of writing paragraph and point.
	{"dashes", "en méconnaissance de l'article 5-1-e du RGPD.", []string{"gdpr|article 5-1-e du RGPD|5-1-e"}},
	{"bracketed bare articles take the text of a later bracketed one", "La loi Informatique et Libertés s'applique aussi (article 8 de cette loi). La CNIL retient un contrat incomplet (art. 28), une sécurité insuffisante (art. 32) et un défaut d'information (art. 34 RGPD).",
		[]string{"gdpr|art. 28|28", "gdpr|art. 32|32", "gdpr|art. 34 RGPD|34", "law|article 8 de cette loi|loi Informatique et Libertés|8"}},
	{"a bracketed article keeps its own text when a later one names another unbracketed", "Le RGPD impose la sécurité (article 32) et la notification (article 33), et le dépôt de cookies est contraire à l'article 82 de la loi Informatique et Libertés.",
		[]string{"gdpr|article 32|32", "gdpr|article 33|33", "law|article 82 de la loi Informatique et Libertés|loi Informatique et Libertés|82"}},
	{"dots and bracket", "contraire à l'article 5.1.e) du RGPD.", []string{"gdpr|article 5.1.e) du RGPD|5-1-e"}},
	{"dots bare after RGPD", "Le RGPD encadre la conservation ; l'article 5.1.e) est méconnu.", []string{"gdpr|article 5.1.e)|5-1-e"}},
	{"brackets", "ce qui méconnaît l'art. 5(1)(e) RGPD.", []string{"gdpr|art. 5(1)(e) RGPD|5-1-e"}},
	{"paragraphe point", "l'article 5, paragraphe 1, point e) du RGPD", []string{"gdpr|article 5, paragraphe 1, point e) du RGPD|5-1-e"}},
	{"section sign sous", "au sens de l'article 5, § 1, sous c) du RGPD", []string{"gdpr|article 5, § 1, sous c) du RGPD|5-1-c"}},
	{"law first", "une durée excessive (RGPD, art. 5§, 1, c).", []string{"gdpr|art. 5§, 1, c)|5-1-c"}},
	{"space before dot", "contraire à l'art 5 .1.e du RGPD.", []string{"gdpr|art 5 .1.e du RGPD|5-1-e"}},
	{"spaced brackets", "Le RGPD prévoit, à l'article 83 (4) (a), un plafond.", []string{"gdpr|article 83 (4) (a)|83-4-a"}},
	{"dotted paragraph", "Le RGPD s'applique : l'article 28.3 impose un contrat.", []string{"gdpr|article 28.3|28-3"}},
	{"english", "The authority found a breach of Article 32 GDPR.", []string{"gdpr|Article 32 GDPR|32"}},
	{"english of the", "infringed Article 46(1) of the GDPR because", []string{"gdpr|Article 46(1) of the GDPR|46-1"}},
	{"full name", "contrevient à l'article 17 du règlement général sur la protection des données.", []string{"gdpr|article 17 du règlement général sur la protection des données|17"}},
	{"regulation number", "l'article 56 § 1 du règlement (UE) 2016/679 prévoit", []string{"gdpr|article 56 § 1 du règlement (UE) 2016/679|56-1"}},
	{"regulation n°", "l'article 4 du règlement (UE) n° 2016/679", []string{"gdpr|article 4 du règlement (UE) n° 2016/679|4"}},
	{"definition point", "la définition de l'article 4, point 11, du RGPD : libre", []string{"gdpr|article 4, point 11, du RGPD|4-11"}},
	{"definition point bracket", "au sens de l'article 4, point 16), du règlement général sur la protection des données", []string{"gdpr|article 4, point 16), du règlement général sur la protection des données|4-16"}},
	{"paragraphe only", "la société a méconnu l'article 7, paragraphe 1, du RGPD.", []string{"gdpr|article 7, paragraphe 1, du RGPD|7-1"}},
	{"plural points expand", "l'article 5, paragraphe 1, points a) et c), du RGPD", []string{"gdpr|article 5, paragraphe 1, points a) et c), du RGPD|5-1-a", "gdpr|article 5, paragraphe 1, points a) et c), du RGPD|5-1-c"}},
	{"plural paragraphs expand and are no articles", "l'article 83, paragraphes 4 et 5, du RGPD", []string{"gdpr|article 83, paragraphes 4 et 5, du RGPD|83-4", "gdpr|article 83, paragraphes 4 et 5, du RGPD|83-5"}},
	{"a list after a paragraph goes on", "les articles 12, paragraphe 1, et 13 du RGPD", []string{"gdpr|articles 12, paragraphe 1|12-1", "gdpr|13 du RGPD|13"}},
	// « RGPD » opening a sentence names the text of the bare article that
	// follows in it, as « Le RGPD » does (the sentence once began a letter in).
	{"GDPR opens the sentence", "L'article 8 de la loi Informatique et Libertés est cité. RGPD et sécurité, selon l'article 32, la société doit protéger les données.",
		[]string{"gdpr|article 32|32", "law|article 8 de la loi Informatique et Libertés|loi Informatique et Libertés|8"}},
	{"the GDPR opens the sentence", "L'article 8 de la loi Informatique et Libertés est cité. Le RGPD et la sécurité, selon l'article 32, la société doit protéger les données.",
		[]string{"gdpr|article 32|32", "law|article 8 de la loi Informatique et Libertés|loi Informatique et Libertés|8"}},
	{"paragraphe 1er", "l'article 32, paragraphe 1er, du RGPD", []string{"gdpr|article 32, paragraphe 1er, du RGPD|32-1"}},
	{"premier", "l'article premier du RGPD définit son objet", []string{"gdpr|article premier du RGPD|1"}},
	{"1er", "l'article 1er du RGPD", []string{"gdpr|article 1er du RGPD|1"}},
	{"capital Art.", "Art. 33 RGPD : notification.", []string{"gdpr|Art. 33 RGPD|33"}},
	{"acronym in brackets", "l'article 33 du règlement général sur la protection des données (RGPD)", []string{"gdpr|article 33 du règlement général sur la protection des données|33"}},
	{"no-break spaces", "l'article\u00a05, paragraphe\u00a01, point\u202fe) du\u00a0RGPD", []string{"gdpr|article\u00a05, paragraphe\u00a01, point\u202fe) du\u00a0RGPD|5-1-e"}},
	{"typographic apostrophe", "en violation de l’article 32 du RGPD.", []string{"gdpr|article 32 du RGPD|32"}},
	{"sous d", "sur le fondement de l'article 58, paragraphe 2, sous d), du RGPD", []string{"gdpr|article 58, paragraphe 2, sous d), du RGPD|58-2-d"}},
	{"section sign letter", "l'article 17, § 1, a) du RGPD", []string{"gdpr|article 17, § 1, a) du RGPD|17-1-a"}},
	{"dotted 6.1.f", "sur la base de l'article 6.1.f du RGPD", []string{"gdpr|article 6.1.f du RGPD|6-1-f"}},
	{"dashed 83-5-a", "l'article 83-5-a du RGPD", []string{"gdpr|article 83-5-a du RGPD|83-5-a"}},
	{"point without comma", "l'article 4 point 7 du RGPD", []string{"gdpr|article 4 point 7 du RGPD|4-7"}},
	{"glued by tag stripping", "(article 15 du RGPD)Globalement, la Commission", []string{"gdpr|article 15 du RGPD|15"}},
	{"glued capital after dot", "Le RGPD impose une sécurité adaptée (l'article 32.Des cookies", []string{"gdpr|article 32|32"}},
	{"sentence end dot", "La CNIL relève, au regard du RGPD, une violation de l'article 15.1. Le retrait", []string{"gdpr|article 15.1|15-1"}},

	// GDPR: lists and ranges, the text named once after the list.
	{"list of three", "au regard des articles 12, 13 et 14 du RGPD ;", []string{"gdpr|articles 12|12", "gdpr|13|13", "gdpr|14 du RGPD|14"}},
	{"range", "les droits prévus aux articles 15 à 17 du RGPD", []string{"gdpr|articles 15|15", "gdpr|15 à 17|16", "gdpr|17 du RGPD|17"}},
	{"range bare", "Le RGPD garantit des droits (articles 15 à 18).", []string{"gdpr|articles 15|15", "gdpr|15 à 18|16", "gdpr|15 à 18|17", "gdpr|18|18"}},
	{"range with head", "de l'article 15 à l'article 17 du RGPD", []string{"gdpr|article 15|15", "gdpr|15 à l'article 17|16", "gdpr|article 17 du RGPD|17"}},
	{"pair bare", "Le RGPD s'applique. L'information était incomplète (articles 13 et 14).", []string{"gdpr|articles 13|13", "gdpr|14|14"}},
	{"règlement anaphora", "Le RGPD s'impose. La société a méconnu les articles 6 et 7 du règlement.", []string{"gdpr|articles 6|6", "gdpr|7 du règlement|7"}},
	{"list of dashed", "les articles 5-1-a, 5-1-b et 5-1-e du RGPD", []string{"gdpr|articles 5-1-a|5-1-a", "gdpr|5-1-b|5-1-b", "gdpr|5-1-e du RGPD|5-1-e"}},
	{"list of dotted", "les articles 5.1.c) et 5.1.e) du RGPD", []string{"gdpr|articles 5.1.c)|5-1-c", "gdpr|5.1.e) du RGPD|5-1-e"}},
	{"et suivants", "les articles 44 et suivants du RGPD", []string{"gdpr|articles 44|44"}},
	{"list then law article", "Pour les manquements aux articles 25, 32 et 35, l'article 83, paragraphe 4, du RGPD prévoit une amende.", []string{"gdpr|articles 25|25", "gdpr|32|32", "gdpr|35|35", "gdpr|article 83, paragraphe 4, du RGPD|83-4"}},
	{"mixed list", "les articles 15, 17 et 21 du RGPD et L34-5 du CPCE", []string{"gdpr|articles 15|15", "gdpr|17|17", "gdpr|21 du RGPD|21", "law|L34-5 du CPCE|CPCE|L34-5"}},

	// Bare articles take the text of their passage.
	{"bare after GDPR", "l'article 6 du RGPD. Les demandes restaient sans suite, en violation des articles 12, 15 et 17. Enfin, l'article 31.", []string{"gdpr|article 6 du RGPD|6", "gdpr|articles 12|12", "gdpr|15|15", "gdpr|17|17", "gdpr|article 31|31"}},
	{"bare before other law later in sentence", "l'article 5-1-e du RGPD. S'y ajoutent des failles (article 32) et des cookies, contraires à l'article 82 de la loi Informatique et Libertés.", []string{"gdpr|article 5-1-e du RGPD|5-1-e", "gdpr|article 32|32", "law|article 82 de la loi Informatique et Libertés|loi Informatique et Libertés|82"}},
	{"bare named later in sentence", "L'absence de registre (article 30) méconnaît le RGPD.", []string{"gdpr|article 30|30"}},
	{"bare with nothing named", "La société conteste l'application de l'article 32 par la formation restreinte.", nil},
	{"bare after competition law", "contraires à l'article L. 420-1 du code de commerce et à l'article 101 du TFUE. L'article 102 est aussi invoqué.", []string{"law|article L. 420-1 du code de commerce|code de commerce|L420-1", "law|article 101 du TFUE|TFUE|101", "law|article 102|TFUE|102"}},
	{"relative after MAR", "au sens de l'article 12 du règlement (UE) n° 596/2014 sur les abus de marché, dit règlement MAR, dont l'article 15 interdit ces pratiques", []string{"law|article 12 du règlement (UE) n° 596/2014|MAR|12", "law|article 15|MAR|15"}},
	{"lettered bare takes a code", "Le code monétaire et financier permet une sanction de 100 millions d'euros (article L. 621-15).", []string{"law|article L. 621-15|code monétaire et financier|L621-15"}},
	{"lettered never GDPR", "Le RGPD et le CPCE s'appliquent : article L. 34-5.", []string{"law|article L. 34-5|CPCE|L34-5"}},

	{"bare of another document", "Le RGPD s'applique, mais l'article 3 du contrat et l'article 12 des conditions générales aussi.", nil},
	{"cited text over a passing mention", "l'article 5-1-e du RGPD. La CNIL applique aussi la loi Informatique et Libertés. La sécurité était insuffisante (article 32).", []string{"gdpr|article 5-1-e du RGPD|5-1-e", "gdpr|article 32|32"}},
	{"mention in the same sentence", "l'article 82 de la loi Informatique et Libertés. Le RGPD impose, à son article 32, la sécurité.", []string{"gdpr|article 32|32", "law|article 82 de la loi Informatique et Libertés|loi Informatique et Libertés|82"}},

	// Other texts.
	{"loi IL", "contraire à l'article 82 de la loi Informatique et Libertés.", []string{"law|article 82 de la loi Informatique et Libertés|loi Informatique et Libertés|82"}},
	{"loi 1978", "l'article 82 de la loi du 6 janvier 1978 modifiée", []string{"law|article 82 de la loi du 6 janvier 1978|loi Informatique et Libertés|82"}},
	{"loi 78-17", "l'article 20, III, de la loi n° 78-17 du 6 janvier 1978", []string{"law|article 20, III, de la loi n° 78-17 du 6 janvier 1978|loi Informatique et Libertés|20"}},
	{"GDPR 82 vs loi 82", "l'article 82 du RGPD et l'article 82 de la loi Informatique et Libertés", []string{"gdpr|article 82 du RGPD|82", "law|article 82 de la loi Informatique et Libertés|loi Informatique et Libertés|82"}},
	{"CPCE full", "en vertu de l'article L. 34-5 du code des postes et des communications électroniques.", []string{"law|article L. 34-5 du code des postes et des communications électroniques|CPCE|L34-5"}},
	{"CPCE glued", "l'article L34-5 du CPCE", []string{"law|article L34-5 du CPCE|CPCE|L34-5"}},
	{"lettered without head", "au titre du L. 34-5 du CPCE", []string{"law|L. 34-5 du CPCE|CPCE|L34-5"}},
	{"ePrivacy paragraph", "qui transpose l'article 5, paragraphe 3, de la directive 2002/58/CE.", []string{"law|article 5, paragraphe 3, de la directive 2002/58/CE|directive ePrivacy|5-3"}},
	{"ePrivacy quoted", "l'article 5, paragraphe 3, de la directive « ePrivacy »", []string{"law|article 5, paragraphe 3, de la directive « ePrivacy »|directive ePrivacy|5-3"}},
	{"code civil", "sur le fondement de l'article 1240 du code civil", []string{"law|article 1240 du code civil|code civil|1240"}},
	{"code pénal", "puni par l'article 226-16 du code pénal", []string{"law|article 226-16 du code pénal|code pénal|226-16"}},
	{"code de la consommation", "l'article L. 221-5 du code de la consommation", []string{"law|article L. 221-5 du code de la consommation|code de la consommation|L221-5"}},
	{"CJA", "l'article L. 521-1 du code de justice administrative", []string{"law|article L. 521-1 du code de justice administrative|code de justice administrative|L521-1"}},
	{"lettered pair", "les articles L. 420-1 et L. 420-2 du code de commerce", []string{"law|articles L. 420-1|code de commerce|L420-1", "law|L. 420-2 du code de commerce|code de commerce|L420-2"}},
	{"lettered range", "les articles L. 420-1 à L. 420-3 du code de commerce", []string{"law|articles L. 420-1|code de commerce|L420-1", "law|L. 420-1 à L. 420-3|code de commerce|L420-2", "law|L. 420-3 du code de commerce|code de commerce|L420-3"}},
	{"Roman section", "l'article L. 464-2, I, du code de commerce", []string{"law|article L. 464-2, I, du code de commerce|code de commerce|L464-2"}},
	{"même code", "l'article L. 34-5 du CPCE et l'article L. 36-11 du même code", []string{"law|article L. 34-5 du CPCE|CPCE|L34-5", "law|article L. 36-11 du même code|CPCE|L36-11"}},
	{"TFUE", "l'article 102 du TFUE", []string{"law|article 102 du TFUE|TFUE|102"}},
	{"TFUE no connector", "au regard de l'article 101 TFUE", []string{"law|article 101 TFUE|TFUE|101"}},
	{"MAR name", "l'article 15 du règlement MAR", []string{"law|article 15 du règlement MAR|MAR|15"}},
	{"CPI", "inscrits à l'article L. 218-4 du code de la propriété intellectuelle", []string{"law|article L. 218-4 du code de la propriété intellectuelle|code de la propriété intellectuelle|L218-4"}},
	{"CEDH", "l'article 8 de la Convention européenne des droits de l'homme", []string{"law|article 8 de la Convention européenne des droits de l'homme|CEDH|8"}},
	{"Charte", "l'article 8 de la Charte des droits fondamentaux de l'Union européenne", []string{"law|article 8 de la Charte des droits fondamentaux de l'Union européenne|Charte des droits fondamentaux|8"}},
	{"dated statute", "Le RGPD s'applique, mais l'article 3 de la loi du 24 juillet 2019 aussi.", []string{"law|article 3 de la loi du 24 juillet 2019|loi du 24 juillet 2019|3"}},
	{"numbered decree", "l'article 5 du décret n° 2019-536 du 29 mai 2019", []string{"law|article 5 du décret n° 2019-536 du 29 mai 2019|décret n° 2019-536 du 29 mai 2019|5"}},
	{"code by subject", "l'article L. 110-1 du code de l'environnement", []string{"law|article L. 110-1 du code de l'environnement|code de l'environnement|L110-1"}},
	{"other directive", "l'article 15 de la directive (UE) 2019/790", []string{"law|article 15 de la directive (UE) 2019/790|directive (UE) 2019/790|15"}},
	{"other law before", "l'article L. 34-5 du CPCE et 82 de la loi Informatique et Libertés", []string{"law|article L. 34-5 du CPCE|CPCE|L34-5", "law|82 de la loi Informatique et Libertés|loi Informatique et Libertés|82"}},

	// Numbers that are not articles.
	{"decision number", "la délibération SAN-2019-001 et la décision n° 430810 du RGPD", nil},
	{"amount after article", "Le RGPD, à l'article 83, prévoit 20 000 000 euros.", []string{"gdpr|article 83|83"}},
	{"thousands not an article", "un article 1 000 fois relu sur le RGPD", nil},
	{"word article", "Dans un article publié en 2019 sur le RGPD, Partager cet article", nil},
	{"GDPR has 99 articles", "l'article 120 du RGPD", nil},
	{"three points expand", "La délibération vise l'article 5, paragraphe 1, points b), d) et f), du RGPD.", []string{"gdpr|article 5, paragraphe 1, points b), d) et f), du RGPD|5-1-b", "gdpr|article 5, paragraphe 1, points b), d) et f), du RGPD|5-1-d", "gdpr|article 5, paragraphe 1, points b), d) et f), du RGPD|5-1-f"}},
	{"a paragraph range expands, its end is no article", "Le juge lit l'article 83, paragraphes 2 à 5, du RGPD ensemble.", []string{"gdpr|article 83, paragraphes 2 à 5, du RGPD|83-2", "gdpr|article 83, paragraphes 2 à 5, du RGPD|83-3", "gdpr|article 83, paragraphes 2 à 5, du RGPD|83-4", "gdpr|article 83, paragraphes 2 à 5, du RGPD|83-5"}},
	{"three paragraphs", "Les pouvoirs de l'article 58, paragraphes 1, 2 et 3, du RGPD sont rappelés.", []string{"gdpr|article 58, paragraphes 1, 2 et 3, du RGPD|58-1", "gdpr|article 58, paragraphes 1, 2 et 3, du RGPD|58-2", "gdpr|article 58, paragraphes 1, 2 et 3, du RGPD|58-3"}},
	{"double section sign", "Les données de santé relèvent de l'article 9, §§ 1 et 2, du RGPD.", []string{"gdpr|article 9, §§ 1 et 2, du RGPD|9-1", "gdpr|article 9, §§ 1 et 2, du RGPD|9-2"}},
	{"a point range", "Le rapporteur cite l'article 5, paragraphe 1, points a) à c), du RGPD.", []string{"gdpr|article 5, paragraphe 1, points a) à c), du RGPD|5-1-a", "gdpr|article 5, paragraphe 1, points a) à c), du RGPD|5-1-b", "gdpr|article 5, paragraphe 1, points a) à c), du RGPD|5-1-c"}},
	{"a list after points in dashes", "La société a méconnu les articles 5-1-c), 15 et 21 du RGPD.", []string{"gdpr|articles 5-1-c)|5-1-c", "gdpr|15|15", "gdpr|21 du RGPD|21"}},
	{"a list of four articles", "Elle retient les articles 7, 13, 21 et 32 du RGPD.", []string{"gdpr|articles 7|7", "gdpr|13|13", "gdpr|21|21", "gdpr|32 du RGPD|32"}},
	{"glosses between the items", "La CNIL relève des manquements aux articles 6 (base légale), 13 (information) et 32 (sécurité) du RGPD.", []string{"gdpr|articles 6|6", "gdpr|13|13", "gdpr|32|32"}},
	{"ainsi que joins the last item", "Sont en cause les articles 12, 17 ainsi que 21 du RGPD.", []string{"gdpr|articles 12|12", "gdpr|17|17", "gdpr|21 du RGPD|21"}},
	{"des articles repeats the head", "Elle cite l'article 25, ainsi que des articles 30 et 35 du RGPD.", []string{"gdpr|article 25|25", "gdpr|articles 30|30", "gdpr|35 du RGPD|35"}},
	{"premier alinéa is read past", "L'intérêt légitime de l'article 6, paragraphe 1, premier alinéa, point f), du RGPD suffit.", []string{"gdpr|article 6, paragraphe 1, premier alinéa, point f), du RGPD|6-1-f"}},
	{"bare paragraph then a point", "Le traitement se fonde sur l'article 6, 1, f) du RGPD.", []string{"gdpr|article 6, 1, f) du RGPD|6-1-f"}},
	{"règlement général de la protection", "Le droit d'opposition de l'article 21 du Règlement général de la protection des données s'applique.", []string{"gdpr|article 21 du Règlement général de la protection des données|21"}},
	{"règlement européen de protection", "L'analyse d'impact de l'article 35 du règlement européen de protection des données manquait.", []string{"gdpr|article 35 du règlement européen de protection des données|35"}},
	{"regulation number without n°", "Le transfert méconnaît l'article 44 du règlement (UE) 2016/679.", []string{"gdpr|article 44 du règlement (UE) 2016/679|44"}},
	{"le règlement after the GDPR is named", "Le RGPD s'applique au cabinet. L'article 30 du règlement impose un registre.", []string{"gdpr|article 30 du règlement|30"}},
	{"section sign paragraph", "Le guichet unique de l'article 56 § 1 du RGPD ne joue pas.", []string{"gdpr|article 56 § 1 du RGPD|56-1"}},
	{"alinéa as a paragraph", "La notification tardive relève de l'article 33, alinéa 4, du RGPD.", []string{"gdpr|article 33, alinéa 4, du RGPD|33-4"}},
	{"accountability", "Le principe de responsabilité de l'article 5, paragraphe 2, du RGPD est cité.", []string{"gdpr|article 5, paragraphe 2, du RGPD|5-2"}},
	{"bis of a French statute", "Il invoque l'article 226-16 bis du code pénal.", []string{"law|article 226-16 bis du code pénal|code pénal|226-16bis"}},
	{"ter of the loi Informatique et Libertés", "Le texte renvoie à l'article 8 ter de la loi Informatique et Libertés.", []string{"law|article 8 ter de la loi Informatique et Libertés|loi Informatique et Libertés|8ter"}},
	{"bis is no GDPR article", "L'article 32 bis du RGPD n'existe pas.", []string{}},
	{"a closing bracket with no list", "Le RGPD s'applique (voir l'article 5-1-c) et la société en répond.", []string{"gdpr|article 5-1-c|5-1-c"}},
	{"range of three articles", "Les transferts relèvent des articles 44 à 46 du RGPD.", []string{"gdpr|articles 44|44", "gdpr|44 à 46|45", "gdpr|46 du RGPD|46"}},
	{"english brackets after GDPR", "The controller relied on Article 6(1)(f) GDPR for the profiling.", []string{"gdpr|Article 6(1)(f) GDPR|6-1-f"}},
	{"section sign without comma", "Les données sensibles de l'article 9 § 2 du RGPD sont en cause.", []string{"gdpr|article 9 § 2 du RGPD|9-2"}},
	{"contract point", "Le contrat omet les mentions de l'article 28, paragraphe 3, point a), du RGPD.", []string{"gdpr|article 28, paragraphe 3, point a), du RGPD|28-3-a"}},
	{"two articles of the numbered regulation", "Elle rappelle les articles 13 et 14 du règlement (UE) 2016/679.", []string{"gdpr|articles 13|13", "gdpr|14 du règlement (UE) 2016/679|14"}},
	{"lettered code article", "La prospection viole l'article L. 34-5 du CPCE.", []string{"law|article L. 34-5 du CPCE|CPCE|L34-5"}},
	{"compensation under the French law is no GDPR", "La victime invoque l'article 82 de la loi Informatique et Libertés.", []string{"law|article 82 de la loi Informatique et Libertés|loi Informatique et Libertés|82"}},
	{"plural points in brackets form", "Sont visés les articles 5.1.b) et 5.1.e) du RGPD.", []string{"gdpr|articles 5.1.b)|5-1-b", "gdpr|5.1.e) du RGPD|5-1-e"}},
	{"year after law", "l'article 6 de la loi de 1978 et le RGPD de 2016", []string{"law|article 6 de la loi de 1978|loi Informatique et Libertés|6"}},
}

// expectedRefs writes a case's want entries as the String() of their facts,
// finding each surface in the input from the previous one of its family on.
func expectedRefs(tb testing.TB, in string, want []string) []string {
	tb.Helper()
	var out []string
	from := map[string]int{}
	for _, w := range want {
		f := strings.Split(w, "|")
		i := strings.Index(in[from[f[0]]:], f[1])
		if i < 0 {
			tb.Fatalf("want %q: surface not in %q", w, in)
		}
		start := from[f[0]] + i
		from[f[0]] = start
		sp := Span{start, start + len(f[1])}
		switch f[0] {
		case "gdpr":
			out = append(out, fmt.Sprintf("gdpr[%d:%d] %q %s", sp.Start, sp.End, f[1], f[2]))
		case "law":
			out = append(out, LawRef{Span: sp, Text: f[1], Law: f[2], Ref: f[3]}.String())
		default:
			tb.Fatalf("want %q: unknown family", w)
		}
	}
	return out
}

// refStrings is the String() of every fact, GDPR ones first.
func refStrings(tb testing.TB, text string, gdpr []GDPRRef, laws []LawRef) []string {
	tb.Helper()
	assertSpans(tb, text, gdpr, func(g GDPRRef) (Span, string) { return g.Span, g.Text })
	assertSpans(tb, text, laws, func(l LawRef) (Span, string) { return l.Span, l.Text })
	var out []string
	for _, g := range gdpr {
		out = append(out, g.String())
	}
	for _, l := range laws {
		out = append(out, l.String())
	}
	return out
}

func TestLegalRefs(t *testing.T) {
	if len(legalRefsCases) < 60 {
		t.Fatalf("only %d citation forms, want at least 60", len(legalRefsCases))
	}
	for _, c := range legalRefsCases {
		t.Run(c.name, func(t *testing.T) {
			gdpr, laws := LegalRefs(c.in)
			got := refStrings(t, c.in, gdpr, laws)
			want := expectedRefs(t, c.in, c.want)
			if !slices.Equal(got, want) {
				t.Errorf("LegalRefs(%q) = %v, want %v", c.in, got, want)
			}
		})
	}
}

// TestGDPRRefParts checks the parts behind the dash form.
func TestGDPRRefParts(t *testing.T) {
	gdpr, _ := LegalRefs("l'art. 83(5)(a) RGPD et l'article 4, point 11, du RGPD")
	if len(gdpr) != 2 {
		t.Fatalf("LegalRefs = %v, want two refs", gdpr)
	}
	if g := gdpr[0]; g.Article != 83 || g.Paragraph != 5 || g.Point != "a" {
		t.Errorf("art. 83(5)(a): got article %d paragraph %d point %q", g.Article, g.Paragraph, g.Point)
	}
	if g := gdpr[1]; g.Article != 4 || g.Paragraph != 0 || g.Point != "11" {
		t.Errorf("article 4, point 11: got article %d paragraph %d point %q", g.Article, g.Paragraph, g.Point)
	}
}

// TestLawNameAt checks that the names sought by their first letter, and
// those of every name, are those the leftmost-longest regexp of the
// alternation of every name finds, at every place of the fixtures, with the
// embedded tables and with names that open with no letter, or with a
// letter whose cases are many (ſ, K).
func TestLawNameAt(t *testing.T) {
	mine, err := LoadRules(fstest.MapFS{"laws.txt": {Data: []byte("Mine: « loi zorg » | ſkat | kilo loi | (ue) zorg\n")}})
	if err != nil {
		t.Fatal(err)
	}
	texts := append(fixtureTexts(t), "le règlement (UE) 2016/679, le Règlement général sur la protection des données et la loi « Loi Zorg » ; SKAT, \u212Ailo loi, (UE) zorg")
	for _, rules := range []*Rules{DefaultRules(), mine} {
		lx, err := newLawLexicon(rules)
		if err != nil {
			t.Fatal(err)
		}
		alternation := alternationRegexp(lx.names)
		found := 0
		for _, text := range texts {
			for i := range text {
				wantEnd, want := alternationMatch(alternation, lx.names, text[i:])
				for name, match := range map[string]func(string) (int, lawPhrase){"nameAt": lx.nameAt, "names": lx.names.match} {
					if end, p := match(text[i:]); end != wantEnd || p != want {
						t.Fatalf("%s(%.30q) = %d %v, want %d %v", name, text[i:], end, p, wantEnd, want)
					}
				}
				end := wantEnd
				if end >= 0 {
					found++
				}
			}
		}
		if found == 0 {
			t.Error("no name found")
		}
	}
}

// alternationRegexp returns the leftmost-longest regexp of the alternation
// of a's names, each in its group.
func alternationRegexp(a lawAlternation) *regexp.Regexp {
	groups := make([]string, len(a))
	for i, m := range a {
		groups[i] = "(" + strings.TrimSuffix(strings.TrimPrefix(m.re.String(), "(?i)^(?:"), ")") + ")"
	}
	re := regexp.MustCompile(`(?i)^(?:` + strings.Join(groups, "|") + `)`)
	re.Longest()
	return re
}

// alternationMatch returns the end of re's match at the start of s and
// the phrase of a whose group matched, or -1.
func alternationMatch(re *regexp.Regexp, a lawAlternation, s string) (int, lawPhrase) {
	m := re.FindStringSubmatchIndex(s)
	if m == nil {
		return -1, lawPhrase{}
	}
	for g := 1; 2*g < len(m); g++ {
		if m[2*g] >= 0 {
			return m[1], a[g-1].lawPhrase
		}
	}
	return m[1], lawPhrase{}
}

// TestTokensAreWordRuns checks that the words of tokens, which the law
// names and the citations' heads are sought at, are the runs of runes that
// isWordRune, wordStart and wordEnd see as words, from every byte of the
// fixtures and of words that mix scripts, digits and invalid bytes.
func TestTokensAreWordRuns(t *testing.T) {
	runes := func(text string, i int) (int, int) {
		start := -1
		for j, r := range text[i:] {
			if in := isWordRune(r); in && start < 0 {
				start = i + j
			} else if !in && start >= 0 {
				return start, i + j
			}
		}
		if start < 0 {
			return -1, -1
		}
		return start, len(text)
	}
	for _, text := range append(fixtureTexts(t), "L. 34-5 Ça, l'été\u00a02019 ; \xff\xfeabc_déf ٣٤ Δx  fin") {
		i := 0
		for _, tok := range tokens(text) {
			if ws, we := runes(text, i); tok.start != ws || tok.end != we || !wordStart(text, ws) || !wordEnd(text, we) {
				t.Fatalf("word of %q at %d: %d, %d, want %d, %d", text[i:min(len(text), i+20)], i, tok.start, tok.end, ws, we)
			}
			i = tok.end
		}
		if ws, _ := runes(text, i); ws >= 0 {
			t.Fatalf("no word at %d of %q", ws, text)
		}
	}
}

// TestLawFirstShapes checks that the shapes of the folded first words of
// the names let through every name that the first words alone find.
func TestLawFirstShapes(t *testing.T) {
	lx := Default().laws
	every := *lx // shapes that let any word through
	every.shapes = &wordShapes{}
	for b := range every.shapes.first {
		every.shapes.first[b], every.shapes.second[b] = ^uint64(0), ^uint64(0)
	}
	for _, text := range append(fixtureTexts(t), "Le RÈGLEMENT (UE) 2016/679, la LOI n° 78-17, le Code de la consommation, la Directive 95/46/CE",
		"règlement général sur la protection des données, RGPDLoi Informatique et Libertés, CODE CIVIL, ÉTAT, İ") {
		toks := tokens(text)
		if got, want := lx.all(text, toks), every.all(text, toks); !slices.Equal(got, want) {
			t.Errorf("all(%.40q) = %v, want %v", text, got, want)
		}
	}
}

// TestHeadsGates checks that heads, which tries its patterns only where the
// bytes of a word allow a match, finds what trying them at every word finds.
func TestHeadsGates(t *testing.T) {
	for _, text := range append(fixtureTexts(t), "ARTICLE 5, Art. 6, arts 7, aRt 8, article, Article premier, art L. 34-5, L.34-5, R10-1, L 5-2, Le 5, La loi, Lx, R",
		"l’article 12 et L\u00a012-1, R.\t3-4, Arte 5, A, ar") {
		toks := tokens(text)
		var want [][2]int
		next := 0
		for _, tok := range toks {
			if i := tok.start; i >= next {
				if m := headRE.FindStringIndex(text[i:]); m != nil {
					want, next = append(want, [2]int{i, i + m[1]}), i+m[1]
				} else if letteredRE.MatchString(text[i:]) {
					want = append(want, [2]int{i, i})
				}
			}
		}
		if got := heads(text, toks); !slices.Equal(got, want) {
			t.Errorf("heads(%.40q) = %v, want %v", text, got, want)
		}
	}
}
