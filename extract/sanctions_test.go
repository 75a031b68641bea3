package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestSanctions reads decisions written the way the news writes them; each
// want line is a sanction's String() without its span.
func TestSanctions(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		pub  CivilDate
		want []string
	}{
		{"fine with its date, party and articles", "Par une délibération du 3 mars 2023, la CNIL a infligé une amende de 150 000 euros à la société Zorgmail pour avoir méconnu l'article 5-1-e du RGPD et l'article 32.", CivilDate{},
			[]string{"fine CNIL -> Zorgmail EUR 150000 date=2023-03-03 gdpr=5-1-e,32"}},
		{"passive, authority after « par »", "Zorgbank a été sanctionnée d'une amende de 2 millions d'euros par l'AMF, qui lui reproche un défaut de vigilance.", CivilDate{},
			[]string{"fine AMF -> Zorgbank EUR 2000000"}},
		{"sums paired with the parties named after them", "La CNIL a prononcé des amendes de 60 et 40 millions d'euros contre Zorg LLC, la maison mère, et contre Zorg Ireland Limited.", CivilDate{},
			[]string{"fine CNIL -> Zorg LLC EUR 60000000", "fine CNIL -> Zorg Ireland Limited EUR 40000000"}},
		{"a proposal, a ceiling and a total are no sanctions", "Le rapporteur avait proposé une amende de 3 millions d'euros contre Zorgtel. La société encourait jusqu'à 20 millions d'euros. Les deux sociétés paieront au total 5 millions d'euros.", CivilDate{},
			nil},
		{"a share of a fine is no sanction of its own", "L'ARCEP a infligé à Zorgtel une amende de 500 000 euros, dont 300 000 euros pour les retards de raccordement.", CivilDate{},
			[]string{"fine ARCEP -> Zorgtel EUR 500000"}},
		{"the shares a sanction breaks down into are no sanctions", "La CNIL a infligé 380 000 euros à Zorgsanté. Le montant se décompose en 280 000 euros au titre du RGPD et 100 000 euros au titre des cookies.", CivilDate{},
			[]string{"fine CNIL -> Zorgsanté EUR 380000"}},
		{"a court that confirms is not the authority", "En 2021, la CNIL a infligé une amende de 1 million d'euros à Zorgshop. Le Conseil d'État a confirmé la sanction de 1 million d'euros infligée à Zorgshop.", CivilDate{},
			[]string{"fine CNIL -> Zorgshop EUR 1000000"}},
		{"an appeal that sets a new sum is its own sanction", "L'Autorité de la concurrence avait infligé 40 millions d'euros à Zorgnet. La cour d'appel de Paris a ramené l'amende à 25 millions d'euros.", CivilDate{},
			[]string{"fine Autorité de la concurrence -> Zorgnet EUR 40000000", "fine Cour d'appel de Paris -> Zorgnet EUR 25000000"}},
		{"sanctions without a sum", "La CNIL a prononcé un rappel à l'ordre à l'encontre de la société Zorgcity. L'AMF a adressé un avertissement à Zorgfin.", CivilDate{},
			[]string{"reprimand CNIL -> Zorgcity", "warning AMF -> Zorgfin"}},
		{"a liquidated astreinte", "Le 4 avril 2023, la CNIL a liquidé l'astreinte prononcée contre Zorgface à 5,2 millions d'euros.", CivilDate{},
			[]string{"penalty_liquidation CNIL -> Zorgface EUR 5200000 date=2023-04-04"}},
		{"the object of the sanction verb, not a name in apposition", "Le Garante a sanctionné Zorgbot Inc., éditrice du robot Zorgchat, d'une amende de 5 millions d'euros.", CivilDate{},
			[]string{"fine Garante -> Zorgbot Inc EUR 5000000"}},
		{"the party after who and when", "Elle rappelle la sanction de 1,75 M€ infligée par la CNIL en novembre 2020 à la société Zorgassur.", CivilDate{},
			[]string{"fine CNIL -> Zorgassur EUR 1750000 date=2020-11"}},
		{"a person sanctioned in a list row", "L'AMF a sanctionné les dirigeants :\n- M. Zorglub Martin, directeur : 3 M€ et un blâme.", CivilDate{},
			[]string{"fine AMF -> Zorglub Martin EUR 3000000", "other AMF -> Zorglub Martin"}},
		{"a public body condemned, not the person named before", "Suivant son rapporteur public, Zorglub Martin, le Conseil d'État condamne l'État à payer 20 millions d'euros d'astreinte.", CivilDate{},
			[]string{"penalty_liquidation Conseil d'État -> État EUR 20000000"}},
		{"the authority named in the next sentence of the paragraph", "La société Zorgverre a été sanctionnée par une amende de 450 000 € pour des cookies déposés sans consentement. La décision a été prise le 4 avril 2023 par la formation restreinte de la CNIL.", CivilDate{},
			[]string{"fine CNIL -> Zorgverre EUR 450000 date=2023-04-04"}},
		{"the sanctions body standing alone for its one authority", "La chambre contentieuse inflige à Zorgads une amende de 250 000 euros.", CivilDate{},
			[]string{"fine APD -> Zorgads EUR 250000"}},
		{"a liquidation is of the astreinte ordered before it", "Le Conseil d'État a enjoint au ministre de l'intérieur de délivrer un titre de séjour à M. Zorg dans un délai de deux mois, sous astreinte de 150 euros par jour de retard. Faute d'exécution, il a procédé le 3 février 2022 à la liquidation de l'astreinte, pour un montant de 9 000 euros.", CivilDate{},
			[]string{"penalty_liquidation Conseil d'État -> ministre de l'intérieur EUR 9000 date=2022-02-03"}},
		{"a group and its subsidiary fined together, their nouns without article", "L'Autorité de la concurrence a infligé une amende de 28 millions d'euros au groupe Zorgtuile et à sa filiale Zorgtuile Distribution SAS.", CivilDate{},
			[]string{"fine Autorité de la concurrence -> Zorgtuile", "fine Autorité de la concurrence -> Zorgtuile Distribution SAS"}},
		{"passive pronouncement against the party, by the authority", "Une sanction de 500 000 euros a été prononcée contre la société Zorgcap par l'AMF le 12 juin 2023.", CivilDate{},
			[]string{"fine AMF -> Zorgcap EUR 500000 date=2023-06-12"}},
		{"the sanction's noun between the sum and its party", "La CNIL inflige 800 000 euros d'amende à Zorgclean pour avoir filmé ses salariés.", CivilDate{},
			[]string{"fine CNIL -> Zorgclean EUR 800000"}},
		{"a party reminded of its duties in the passive", "Le même jour, l'opérateur Zorgphone a été rappelé à l'ordre par l'ARCEP.", CivilDate{},
			[]string{"reprimand ARCEP -> Zorgphone"}},
		{"« à son encontre » stands for the party named paragraphs before", "La société Zorgdata SAS a fait l'objet d'un contrôle en 2022. Sur Légifrance, la délibération détaille les manquements.\n\nII. La décision\n\nPar une délibération du 10 octobre 2024, la CNIL a prononcé à son encontre une amende de 900 000 euros.", CivilDate{},
			[]string{"fine CNIL -> Zorgdata SAS EUR 900000 date=2024-10-10"}},
		{"a court that confirms a sanction but lowers its sum", "L'Autorité de la concurrence a infligé le 19 décembre 2023 une amende de 150 millions d'euros à Zorgle. Saisie par Zorgle, la cour d'appel de Paris a confirmé la sanction en octobre 2024 mais en a réduit le montant à 120 millions d'euros.", CivilDate{},
			[]string{"fine Autorité de la concurrence -> Zorgle EUR 150000000 date=2023-12-19", "fine Cour d'appel de Paris -> Zorgle EUR 120000000 date=2024-10"}},
		{"a party named with what it is and a complement, a person after a possessive and a role", "La commission des sanctions de l'AMF a prononcé une sanction de 300 000 euros à l'encontre de la société de gestion Zorgam et de 50 000 euros à l'encontre de son dirigeant, M. Paul Zorgat.", CivilDate{},
			[]string{"fine AMF -> Zorgam EUR 300000", "fine AMF -> Paul Zorgat EUR 50000"}},
		{"rows headed by their party, what it is and a separator", "En 2024, la CNIL a prononcé 87 sanctions. Voici les principales :\n\nZorgshop (e-commerce) : 800 000 euros, le 12 mars 2024, pour des cookies ;\nZorgcar, constructeur automobile : 1,2 million d'euros (décision du 4 juin 2024) ;\nZorgbank – 350 000 € – 18 septembre 2024 – article 32 du RGPD.", CivilDate{},
			[]string{"fine CNIL -> Zorgshop EUR 800000 date=2024-03-12", "fine CNIL -> Zorgcar EUR 1200000 date=2024-06-04", "fine CNIL -> Zorgbank EUR 350000 date=2024-09-18 gdpr=32"}},
		{"a row whose head says more than what the party is is no row", "Au total :\nZorgshop a indiqué, dans un communiqué : 800 000 euros, c'est trop.", CivilDate{},
			[]string{}},
		{"the party of a liquidated astreinte after its noun", "Le tribunal judiciaire de Paris a liquidé à 150 000 euros l'astreinte prononcée contre la société Zorgparking.", CivilDate{},
			[]string{"penalty_liquidation Tribunal judiciaire de Paris -> Zorgparking EUR 150000"}},
		{"another authority's decision dates none of this one's sanctions", "Par sa décision du 20 mars 2024, l'Autorité de la concurrence a sanctionné Zorgmed à hauteur de 8 millions d'euros.\n\nL'ARCEP a annoncé jeudi avoir sanctionné l'opérateur Zorgfibre d'une amende de 2 millions d'euros.", CivilDate{},
			[]string{"fine Autorité de la concurrence -> Zorgmed EUR 8000000 date=2024-03-20", "fine ARCEP -> Zorgfibre EUR 2000000"}},
		{"the subject that must pay the sum, though nothing else says it is an organisation", "L'amende infligée à la société Zorgdelta a été rendue publique.\n\nZorgepsilon devra verser 500 000 euros, a décidé l'AMF le 25 septembre 2024.", CivilDate{},
			[]string{"fine AMF -> Zorgepsilon EUR 500000 date=2024-09-25"}},
		{"a sum lowered during the procedure, with no one named to revise it, is no sanction", "La CNIL a sanctionné la société Zorgads d'une amende de 40 millions d'euros. L'entreprise exploite la plateforme Zorgmatch.\n\nLe montant de l'amende a été réduit de 60 à 40 millions d'euros au cours de la procédure, après les observations de la société.", CivilDate{},
			[]string{"fine CNIL -> Zorgads EUR 40000000"}},
		{"a public body after « à l'encontre de »", "La CNIL a prononcé un rappel à l'ordre à l'encontre de la mairie de Zorgville.", CivilDate{},
			[]string{"reprimand CNIL -> mairie de Zorgville"}},
		{"a list row's total is its party's one sanction", "Les sanctions prononcées par la CNIL cette année :\n• Zorgvoyance (3 mai 2023) – 90 k€ au total. L'amende se décompose en 60 000 € au titre du RGPD et 30 000 € pour les cookies.\n• Zorgcab (9 juin 2023) – 40 000 €.", CivilDate{},
			[]string{"fine CNIL -> Zorgvoyance EUR 90000 date=2023-05-03", "fine CNIL -> Zorgcab EUR 40000 date=2023-06-09"}},
		{"articles cited where the party is named again, by a shorter name", "La CNIL a sanctionné :\n• Groupe Zorgtélé+ (2 mars 2023) – 300 000 €.\n• Zorgmail Europe Limited (5 avril 2023) – 1 M€.\nRetour sur Zorgtélé+. Son information était incomplète au regard des articles 12 et 13 du RGPD.", CivilDate{},
			[]string{"fine CNIL -> Groupe Zorgtélé+ EUR 300000 date=2023-03-02 gdpr=12,13", "fine CNIL -> Zorgmail Europe Limited EUR 1000000 date=2023-04-05"}},
		{"the date its statement writes, not one a headline borrows", "Zorgmedia : le Conseil d'État confirme l'amende de 2 millions d'euros prononcée par la CNIL\nPar une décision lue le 4 mars dernier, le Conseil d'État a rejeté le recours de Zorgmedia contre la délibération du 15 juin 2023 par laquelle la CNIL lui avait infligé une amende de 2 millions d'euros.", CivilDate{2026, 3, 10},
			[]string{"fine CNIL -> Zorgmedia EUR 2000000 date=2023-06-15"}},
		{"a headline's short name takes the authority and date of the body's statement, not the announcement's", "Transferts : Zorgbook SA écope d'une amende record de 300 M€ en Irlande | Par Zorglub Martin, à Dublin | C'est la plus lourde sanction jamais prononcée. La Data Protection Commission (DPC), l'autorité irlandaise, a annoncé lundi 22 mai 2023 avoir infligé une amende de 300 millions d'euros à Zorgbook SA Ireland Limited, la filiale européenne. La décision est datée du 12 mai 2023.", CivilDate{2023, 5, 23},
			[]string{"fine DPC -> Zorgbook SA Ireland Limited EUR 300000000 date=2023-05-12"}},
		{"one sum for the parties counted then listed, the first with its abbreviation's full stop", "Dans une décision du 4 mai 2024, l'Autorité de la concurrence inflige une amende de 90 millions d'euros à trois sociétés du groupe, Zorgsoft Inc., Zorgsoft LLC et Zorgsoft France.", CivilDate{},
			[]string{"fine Autorité de la concurrence -> Zorgsoft Inc date=2024-05-04", "fine Autorité de la concurrence -> Zorgsoft LLC date=2024-05-04", "fine Autorité de la concurrence -> Zorgsoft France date=2024-05-04"}},
		{"the same sum by another authority is another sanction; articles go to the authority that found them", "La société Zorgface a été sanctionnée un peu partout en Europe : 20 M€ par le Garante en mars 2022, la même somme par la CNIL le 17 octobre 2022. Au Royaume-Uni, l'ICO a prononcé en mai 2022 une amende de 7,5 millions de livres.\nPour le Garante, le traitement ne reposait sur aucune base légale (article 6 du RGPD).", CivilDate{},
			[]string{"fine Garante -> Zorgface EUR 20000000 date=2022-03 gdpr=6", "fine CNIL -> Zorgface EUR 20000000 date=2022-10-17", "fine ICO -> Zorgface GBP 7500000 date=2022-05"}},
		{"a court that lowers a fine while keeping a warning pronounces no warning", "Le 25 juillet 2017, la commission des sanctions de l'AMF a infligé à Zorgestion un avertissement et 35 millions d'euros. Par un arrêt du 6 novembre 2019, le Conseil d'État a ramené cette amende à 20 millions d'euros, tout en maintenant l'avertissement.", CivilDate{},
			[]string{"warning AMF -> Zorgestion date=2017-07-25", "fine AMF -> Zorgestion EUR 35000000 date=2017-07-25", "fine Conseil d'État -> Zorgestion EUR 20000000 date=2019-11-06"}},
		{"listed fines take the authority that decided, not one named in passing", "L'Autorité de la concurrence a sanctionné trois fabricants de tuiles. L'enquête avait commencé après un signalement de la DGCCRF. Le détail des amendes : Zorgtuile : 10 millions d'euros ; Zorgbrique : 5 millions d'euros.", CivilDate{},
			[]string{"fine Autorité de la concurrence -> Zorgtuile EUR 10000000", "fine Autorité de la concurrence -> Zorgbrique EUR 5000000"}},
		{"« la commission » stands for the sanctions body named before, not for the court named after", "La commission des sanctions de l'AMF a sanctionné Zorgfin. En 2019, la commission avait infligé 2 millions d'euros à Zorgcap, amende que le Conseil d'État a ensuite confirmée. La commission des lois a débattu.", CivilDate{},
			[]string{"fine AMF -> Zorgcap EUR 2000000"}},
		{"a headline takes who and when from the sentence that tells it", "La banque a formé un recours devant le Conseil d'État.\nFuite de données : 180 000 € pour Zorgpay\nLe 28 décembre 2021, la CNIL a sanctionné Zorgpay d'une amende de 180 000 €.", CivilDate{},
			[]string{"fine CNIL -> Zorgpay EUR 180000 date=2021-12-28"}},
		{"« il a infligé » is the authority named last, not one that sanctioned before", "L'ICO a infligé 7 millions d'euros à Zorgface. Le Garante a été le premier à agir contre Zorgbot. Il a infligé le 20 décembre 2024 à Zorgbot une amende de 15 millions d'euros.", CivilDate{},
			[]string{"fine ICO -> Zorgface EUR 7000000", "fine Garante -> Zorgbot EUR 15000000 date=2024-12-20"}},
		{"one sum for each of two parties, not their total", "En mai 2016, la DGCCRF avait sanctionné Zorgtel et Zorgnet, alors en pleine fusion, d'une amende de 200 000 euros chacune.", CivilDate{},
			[]string{"fine DGCCRF -> Zorgtel EUR 200000 date=2016-05", "fine DGCCRF -> Zorgnet EUR 200000 date=2016-05"}},
		{"one sum for two parties is their total", "La DGCCRF a sanctionné Zorgtel et Zorgnet d'une amende de 400 000 euros.", CivilDate{},
			[]string{"fine DGCCRF -> Zorgtel", "fine DGCCRF -> Zorgnet"}},
		{"a party fined twice breached for each what is said next to that fine", "La CNIL a infligé 20 millions d'euros à Zorgview pour avoir violé l'article 6 du RGPD. L'ICO a infligé 7 millions d'euros à Zorgview, qui avait méconnu l'article 9 du RGPD.", CivilDate{},
			[]string{"fine CNIL -> Zorgview EUR 20000000 gdpr=6", "fine ICO -> Zorgview EUR 7000000 gdpr=9"}},
		{"a confirmed fine is dated by the sentence that says when it was pronounced, not by the court", "Par une décision du 31 décembre 2024, le Conseil d'État a confirmé la sanction de 120 000 euros infligée par l'Arcom à la société Zorg TV. Les deux sanctions avaient été prononcées le 21 juin 2023.", CivilDate{},
			[]string{"fine Arcom -> Zorg TV EUR 120000 date=2023-06-21"}},
		{"the decision's date stated after the fine, not its publication", "Le Garante a sanctionné Zorgbot d'une amende de 15 millions d'euros. La décision, adoptée le 2 novembre 2024, a été rendue publique le 20 décembre 2024.", CivilDate{},
			[]string{"fine Garante -> Zorgbot EUR 15000000 date=2024-11-02"}},
		{"a liquidation dated by the sentence after it that tells it", "La CNIL liquide l'astreinte de la société Zorgface\nZorgface devra verser 5,2 millions d'euros de plus au titre de l'astreinte. Son collège a procédé le 17 avril 2023 à la liquidation.", CivilDate{},
			[]string{"penalty_liquidation CNIL -> Zorgface EUR 5200000 date=2023-04-17"}},
		{"a sum restated in euros in brackets is the same fine", "L'ICO a infligé une amende de 7 552 800 livres (environ 8,9 millions d'euros) à la société Zorgview.", CivilDate{},
			[]string{"fine ICO -> Zorgview GBP 7552800"}},
		{"a sum restated in euros after « soit » is the same fine", "L'ICO a infligé à la société Zorgview une amende de 7 552 800 livres sterling, soit environ 8,9 millions d'euros.", CivilDate{},
			[]string{"fine ICO -> Zorgview GBP 7552800"}},
		{"a participle after a comma names the party", "L'ancien record, 746 M€, infligé à Zorgzon Europe par la CNPD en juillet 2021.", CivilDate{},
			[]string{"fine CNPD -> Zorgzon Europe EUR 746000000 date=2021-07"}},
		{"a sum already pronounced, restated without its party, is no new fine for the party named last", "La CNIL a infligé une amende de 40 millions d'euros à la société Zorgads. La plainte venait de l'association Zorgrights. Celle-ci a finalement retenu 40 millions d'euros.", CivilDate{},
			[]string{"fine CNIL -> Zorgads EUR 40000000"}},
		{"one fine of a company and its parent together, each breaching the article cited", "L'AP a infligé conjointement à Zorgride B.V. et à sa maison mère Zorgride Inc. une amende de 290 millions d'euros, en violation de l'article 44 du RGPD.", CivilDate{},
			[]string{"fine AP -> Zorgride B.V. gdpr=44", "fine AP -> Zorgride Inc gdpr=44"}},
		{"« lui » stands for the party named before, however far", "La DGCCRF a sanctionné la société Zorgtel en 2025.\nUn opérateur récidiviste. Ce n'est pas la première fois. Le 18 novembre 2019, la DGCCRF lui avait notifié une amende de 3,7 millions d'euros.", CivilDate{},
			[]string{"fine DGCCRF -> Zorgtel EUR 3700000 date=2019-11-18"}},
		{"a sum « pour le groupe » is the total of its companies' fines", "La DGCCRF a sanctionné Zorgtel et Zorgnet d'une amende de 375 000 € chacune, soit 750 000 euros pour le groupe.", CivilDate{},
			[]string{"fine DGCCRF -> Zorgtel EUR 375000", "fine DGCCRF -> Zorgnet EUR 375000"}},
		{"the subject that receives a fine, not a name inside its description", "La CNIL a contrôlé la société Zorgscrap. En décembre 2024, la société qui aspire les profils des membres de Zorgnetwork a reçu une amende de 240 000 €.", CivilDate{},
			[]string{"fine CNIL -> Zorgscrap EUR 240000 date=2024-12"}},
		{"the daily rate of a liquidation's reckoning and a sum already paid are no sanctions", "Le 9 février 2021, le tribunal judiciaire de Paris a liquidé l'astreinte due par la société Zorglog à 35 000 euros, soit 350 jours à 100 euros. La société, qui avait déjà versé 10 700 euros, a fait appel.", CivilDate{},
			[]string{"penalty_liquidation Tribunal judiciaire de Paris -> Zorglog EUR 35000 date=2021-02-09"}},
		{"a ministry after « à l'encontre du », not the one named before", "Le ministère de l'Agriculture a été contrôlé. La CNIL a prononcé un rappel à l'ordre à l'encontre du ministère de la Culture.", CivilDate{},
			[]string{"reprimand CNIL -> ministère de la Culture"}},
		{"a total for two parties adds nothing to their own fines", "La CNIL inflige 135 millions d'euros d'amende à Zorgle et Zorgzon. Zorgle LLC paiera 100 millions d'euros et Zorgzon Europe Core 35 millions d'euros.", CivilDate{},
			[]string{"fine CNIL -> Zorgle LLC EUR 100000000", "fine CNIL -> Zorgzon Europe Core EUR 35000000"}},
		{"a headline is dated by its decision, not by its publication", "35 M€ d'amende pour la société Zorgzon\nLa CNIL a infligé, le 7 décembre 2020, une amende de 35 millions d'euros à la société Zorgzon. La décision a été rendue publique le 10 décembre 2020.", CivilDate{},
			[]string{"fine CNIL -> Zorgzon EUR 35000000 date=2020-12-07"}},
		{"a court revises a sum from one to the other", "La cour d'appel de Paris a réduit de 40 à 25 millions d'euros l'amende infligée par l'Autorité de la concurrence au laboratoire Zorgpharma.", CivilDate{},
			[]string{"fine Autorité de la concurrence -> Zorgpharma EUR 40000000", "fine Cour d'appel de Paris -> Zorgpharma EUR 25000000"}},
		{"a confirmed fine is dated by its authority's decision, not the court's", "Le Conseil d'État confirme l'amende de 50 millions d'euros infligée à Zorgle LLC | Par une décision du 19 juin 2020, le Conseil d'État a rejeté le recours formé par Zorgle LLC contre la sanction prononcée par la CNIL le 21 janvier 2019. Le montant de 50 millions d'euros est jugé proportionné.", CivilDate{},
			[]string{"fine CNIL -> Zorgle LLC EUR 50000000 date=2019-01-21"}},
		{"a liquidation is not dated by the decision that ordered the astreinte", "Par une décision du 17 octobre 2022, la CNIL avait enjoint à la société Zorgface de supprimer les données, sous astreinte. La CNIL a liquidé l'astreinte : Zorgface devra payer 5 200 000 euros pour ne pas avoir respecté l'injonction formulée dans la décision d'octobre 2022.", CivilDate{},
			[]string{"penalty_liquidation CNIL -> Zorgface EUR 5200000"}},
		{"a liquidation is dated by the judgment that liquidates", "Le tribunal judiciaire de Paris avait ordonné à la société Zorglog de remettre les documents sous astreinte. Par un jugement du 9 février 2021, il a liquidé l'astreinte. Zorglog doit ainsi 35 000 euros au titre de l'astreinte.", CivilDate{},
			[]string{"penalty_liquidation Tribunal judiciaire de Paris -> Zorglog EUR 35000 date=2021-02-09"}},
		{"a group the party belongs to is not the party; « la chaîne » stands for the one named before", "Le 5 mai 2023, l'Arcom a infligé une amende de 90 000 euros à la société Zorgvision.\n\nUn an plus tard, le Conseil d'État a rejeté le recours de la chaîne, filiale du groupe Zorgmédia, contre l'amende de 2 millions d'euros prononcée le 3 février 2023.", CivilDate{},
			[]string{"fine Arcom -> Zorgvision EUR 90000 date=2023-05-05", "fine Arcom -> Zorgvision EUR 2000000 date=2023-02-03"}},
		{"the holder of a record is its party", "Le précédent record était détenu par Zorgshop, à qui la CNIL avait infligé 40 millions d'euros en juin 2021.", CivilDate{},
			[]string{"fine CNIL -> Zorgshop EUR 40000000 date=2021-06"}},
		{"« elle » may stand for the authority: no party named far before is taken", "Le 2 mai 2024, l'ANJ a mis en demeure la société Zorgbet de cesser son offre. Le site a fermé depuis. Son dirigeant n'a pas répondu.\n\nRéunie le 2 juin 2024, la commission des sanctions de l'ANJ a examiné sept dossiers. Elle a prononcé un avertissement et six sanctions pécuniaires allant de 3 000 à 80 000 euros.", CivilDate{},
			nil},
		{"an authority named by its capital, not the one named before it", "Le Comité européen de la protection des données (CEPD) a rendu un avis sur les robots. L'autorité de Rome est l'une des plus actives. Elle avait infligé 10 millions d'euros à Zorgface en mars 2022.", CivilDate{},
			[]string{"fine Garante -> Zorgface EUR 10000000 date=2022-03"}},
		{"an old sum restated before its sanction is told, and the new one, are its party's", "Entrepôts : la photo du site Zorgbox de Lyon.\nDe 20 millions, l'amende a été ramenée à 9. Par une décision du 3 mars 2025, le Conseil d'État a donné partiellement raison à Zorgstore Logistique. Le 2 février 2023, la CNIL avait infligé à Zorgstore Logistique une amende de 20 millions d'euros.", CivilDate{},
			[]string{"fine Conseil d'État -> Zorgstore Logistique EUR 9000000 date=2025-03-03", "fine CNIL -> Zorgstore Logistique EUR 20000000 date=2023-02-02"}},
		{"« du même montant » repeats the sum stated before", "En mars 2016, la DGCCRF a sanctionné Zorgtel d'une amende de 375 000 euros. Zorgcopter, sanctionnée par la DGCCRF en mai 2016, avait écopé du même montant.", CivilDate{},
			[]string{"fine DGCCRF -> Zorgtel EUR 375000 date=2016-03", "fine DGCCRF -> Zorgcopter EUR 375000 date=2016-05"}},
		{"« respectivement » pairs the sums with the parties listed last before it", "Zorgcopter, sanctionnée par la DIRECCTE de Normandie, avait écopé de 375 000 euros, tandis que Jean Zorgman et Zorgsud s'étaient vu infliger respectivement 100 000 € et 87 900 €.", CivilDate{},
			[]string{"fine DIRECCTE Normandie -> Zorgcopter EUR 375000", "fine DIRECCTE Normandie -> Jean Zorgman EUR 100000", "fine DIRECCTE Normandie -> Zorgsud EUR 87900"}},
		{"« d'un montant respectif de » pairs the sums with the parties of the sentence", "Les sociétés Zorgsearch LLC et Zorgsearch Ireland Limited contestent la délibération de la CNIL du 7 décembre 2020 prononçant à leur encontre des amendes d'un montant respectif de 60 et 40 millions d'euros.", CivilDate{},
			[]string{"fine CNIL -> Zorgsearch LLC EUR 60000000 date=2020-12-07", "fine CNIL -> Zorgsearch Ireland Limited EUR 40000000 date=2020-12-07"}},
		{"a row's companies that make up a group share its sum; a participle after the sum names no authority", "Par une décision du 3 mai 2019, l'Autorité de la concurrence a sanctionné trois fabricants de sols. L'enquête avait été ouverte après un signalement de la DGCCRF.\nLe détail des amendes\nZorgflex : 20 millions d'euros ;\nles sociétés Zorgsol, Zorgmid et Zorgtop, qui composent le groupe Zorgsol : 12 millions d'euros, prononcés solidairement.", CivilDate{},
			[]string{"fine Autorité de la concurrence -> Zorgflex EUR 20000000 date=2019-05-03", "fine Autorité de la concurrence -> Zorgsol date=2019-05-03", "fine Autorité de la concurrence -> Zorgmid date=2019-05-03", "fine Autorité de la concurrence -> Zorgtop date=2019-05-03"}},
		{"an authority named in a clause of its own after the sum is not the sum's", "Le 22 mai 2023, la DPC a rendu publique sa décision du 12 mai 2023 visant Zorgbook Ireland Limited. Son communiqué parle d'une amende de 1,2 milliard d'euros, infligée pour les transferts de données, alors que la CJUE avait invalidé le Privacy Shield dans son arrêt du 16 juillet 2020.", CivilDate{},
			[]string{"fine DPC -> Zorgbook Ireland Limited EUR 1200000000 date=2023-05-12"}},
		{"a sentence that writes its year borrows no date of another year", "En juin 2019, la CNIL a sanctionné la société Zorgsec d'une amende de 60 000 €. En 2022, la société Zorgprivé a été sanctionnée par une amende de 400 000 € pour ses cookies.", CivilDate{},
			[]string{"fine CNIL -> Zorgsec EUR 60000 date=2019-06", "fine CNIL -> Zorgprivé EUR 400000"}},
		{"an unnamed party is not the one named before", "En 2022, la CNIL a sanctionné la société Zorgprivé d'une amende de 400 000 €. Fin 2020, une TPE de deux salariés avait reçu une amende de 7 000 €.", CivilDate{},
			[]string{"fine CNIL -> Zorgprivé EUR 400000"}},
		{"a liquidation « à la charge de l'État »", "La cour administrative d'appel de Nantes, par un arrêt du 3 juin 2024, a liquidé l'astreinte à hauteur de 9 400 euros, à la charge de l'État, faute pour l'administration d'avoir remboursé la société Zorgform.", CivilDate{},
			[]string{"penalty_liquidation Cour administrative d'appel de Nantes -> État EUR 9400 date=2024-06-03"}},
		{"a person condemned, not the company that describes him", "Le 3 mai 2024, le tribunal correctionnel de Lyon a condamné M. Paul Zorgman, dirigeant de la société Zorgbat, à 50 000 euros d'amende pour travail dissimulé. La société a été condamnée à 200 000 euros.", CivilDate{},
			[]string{"fine Tribunal correctionnel de Lyon -> Paul Zorgman EUR 50000 date=2024-05-03", "fine Tribunal correctionnel de Lyon -> Zorgbat EUR 200000 date=2024-05-03"}},
		{"a name that opens the sentence and « écope » of the sum is its party", "Zorgbank écope d'une amende de 5 millions d'euros, infligée le 3 mai 2024 par l'ACPR.", CivilDate{},
			[]string{"fine ACPR -> Zorgbank EUR 5000000 date=2024-05-03"}},
		{"the party named as the complement of a sanction's noun, not the one named before", "La CNIL a rappelé à l'ordre la commune de Zorgville.\n\nL'ACPR a prononcé le retrait de l'agrément de la société Zorgassur. Elle a aussi retiré l'agrément de Zorgvie.", CivilDate{},
			[]string{"reprimand CNIL -> commune de Zorgville", "other ACPR -> Zorgassur", "other ACPR -> Zorgvie"}},
		{"a body's name ends with its line", "Rappel à l'ordre pour la mairie de Zorgville\n\nLa CNIL a prononcé un rappel à l'ordre à l'encontre de la commune de Zorgville.", CivilDate{},
			[]string{"reprimand CNIL -> mairie de Zorgville", "reprimand CNIL -> commune de Zorgville"}},
		{"sums paired with their parties one after the other", "La commission des sanctions de l'AMF a sanctionné la société de gestion Zorgasset à hauteur de 2 millions d'euros et son dirigeant, M. Jean Zorgier, à hauteur de 300 000 euros.", CivilDate{},
			[]string{"fine AMF -> Zorgasset EUR 2000000", "fine AMF -> Jean Zorgier EUR 300000"}},
		{"an incise after « et » does not part the second party from its sum", "La CNIL a sanctionné la société Zorgalpha à hauteur de 2 M€ et, pour la première fois, la société Zorgbeta à hauteur de 300 000 €.", CivilDate{},
			[]string{"fine CNIL -> Zorgalpha EUR 2000000", "fine CNIL -> Zorgbeta EUR 300000"}},
		{"an incise in the passive voice", "La société Zorgalpha a été condamnée par l'ACPR à hauteur de 2 M€ et, fait inédit, son sous-traitant Zorgbeta à hauteur de 300 000 €.", CivilDate{},
			[]string{"fine ACPR -> Zorgalpha EUR 2000000", "fine ACPR -> Zorgbeta EUR 300000"}},
		{"a party named inside the incise is not paired", "La CNIL a sanctionné Zorgalpha à hauteur de 2 M€ et, malgré les protestations de Zorgbeta, a porté à 300 000 € l'amende due par Zorgalpha.", CivilDate{},
			[]string{"fine CNIL -> Zorgalpha EUR 2000000", "fine CNIL -> Zorgalpha EUR 300000"}},
		{"a second sum for a party named after it is not paired with the party before", "La CNIL a infligé une amende de 2 millions d'euros à Zorgone et une amende de 1 million d'euros à Zorgtwo.", CivilDate{},
			[]string{"fine CNIL -> Zorgone EUR 2000000", "fine CNIL -> Zorgtwo EUR 1000000"}},
		{"a liquidated astreinte whose party is the object of a verb after the sum", "Le juge de l'exécution a liquidé l'astreinte à 45 000 euros et condamné la société Zorgimmo à la payer au syndicat.", CivilDate{},
			[]string{"penalty_liquidation  -> Zorgimmo EUR 45000"}},
		{"a liquidated astreinte, then a verb with its auxiliary", "La cour a liquidé l'astreinte à 45 000 euros, puis a condamné Zorgimmo à verser cette somme.", CivilDate{},
			[]string{"penalty_liquidation  -> Zorgimmo EUR 45000"}},
		{"a liquidated astreinte whose party is the subject of a coordinated passive verb", "L'astreinte a été liquidée à 12 000 euros et la société Zorgimmo condamnée à la verser.", CivilDate{},
			[]string{"penalty_liquidation  -> Zorgimmo EUR 12000"}},
		{"a liquidated astreinte with its noun after the sum", "Le juge a liquidé à 45 000 euros l'astreinte provisoire et condamné Zorgimmo à la régler.", CivilDate{},
			[]string{"penalty_liquidation  -> Zorgimmo EUR 45000"}},
		{"a party that is the subject of another verb", "L'astreinte a été liquidée à 12 000 euros et la société Zorgimmo a annoncé qu'elle ferait appel.", CivilDate{},
			nil},
		{"a party named after the sum but not the verb's object", "Le tribunal a liquidé l'astreinte à 45 000 euros et rappelé que la société Zorgimmo avait déjà été condamnée.", CivilDate{},
			nil},
		{"a sum cut in the sentence after a court's review is the court's", "Le 12 décembre 2025, le Conseil d'État a partiellement annulé la sanction que la CNIL avait infligée à la société Zorglog. De 30 millions d'euros, l'amende a été ramenée à 12 millions d'euros.", CivilDate{},
			[]string{"fine CNIL -> Zorglog EUR 30000000 date=2025-12-12", "fine Conseil d'État -> Zorglog EUR 12000000 date=2025-12-12"}},
		{"a court that annuls a sanction does not pronounce it", "La CNIL avait sanctionné la société Zorglog. Le Conseil d'État a annulé l'amende de 10 millions d'euros de la société Zorglog.", CivilDate{},
			[]string{"fine CNIL -> Zorglog EUR 10000000"}},
		{"a sum a rapporteur asked for is not pronounced", "Le rapporteur a demandé à la formation restreinte de prononcer une sanction de 500 000 euros à l'encontre de la société Zorgnet. La formation restreinte de la CNIL a finalement infligé une amende de 300 000 euros à Zorgnet.", CivilDate{},
			[]string{"fine CNIL -> Zorgnet EUR 300000"}},
		{"a sum the college asks the sanctions committee for is not pronounced", "Le collège de l'AMF avait demandé à la commission des sanctions de prononcer une amende de 5 millions d'euros contre la société Zorgasset.", CivilDate{},
			nil},
		{"a foreign authority by its acronym and nationality", "L'APD belge a infligé une amende de 150.000 euros à Zorgun.", CivilDate{},
			[]string{"fine APD -> Zorgun EUR 150000"}},
		{"the press names a regulator by its role", "Le gendarme boursier a infligé 1,2 million d'euros d'amende à la société Zorgbourse.", CivilDate{},
			[]string{"fine AMF -> Zorgbourse EUR 1200000"}},
		{"a court named by its kind or its noun alone pronounces the sum, not the regulator named before", "La CNIL avait mis en demeure la société Zorgsix en 2023.\n\nLe tribunal correctionnel a condamné Zorgsix à une amende de 50 000 euros. Le tribunal de commerce de Lille a jugé Zorghuit en mai. Le tribunal l'a condamnée à 8 000 euros d'amende.", CivilDate{},
			[]string{"fine Tribunal correctionnel -> Zorgsix EUR 50000", "fine Tribunal de commerce de Lille -> Zorghuit EUR 8000"}},
		{"the object of a sanction verb after the sum", "Concurrence\n\n8,2 millions d'euros : c'est le montant auquel l'Autorité de la concurrence a condamné Zorgvital le 3 juin 2025 pour avoir dénigré les génériques.", CivilDate{},
			[]string{"fine Autorité de la concurrence -> Zorgvital EUR 8200000 date=2025-06-03"}},
		{"one sum pronounced against the laboratories named after it is their total", "Une amende de 300 millions d'euros prononcée contre les laboratoires Zorgnova et Zorgroche par l'Autorité de la concurrence a été annulée en appel.", CivilDate{},
			[]string{"fine Autorité de la concurrence -> Zorgnova", "fine Autorité de la concurrence -> Zorgroche"}},
		{"a name that opens the sentence and must « s'acquitter » of the sum is its party; the energy regulator is an authority", "La CRE a sanctionné Zorgwatt en mars.\n\nZorgpower devra s'acquitter d'une amende de 1,5 million d'euros, a indiqué la Commission de régulation de l'énergie le 4 avril 2025.", CivilDate{},
			[]string{"fine CRE -> Zorgpower EUR 1500000 date=2025-04-04"}},
		{"the rows of a list of fines", "La CNIL a sanctionné plusieurs sociétés en 2023 :\n• Zorgscoot (16 mars 2023) – 125 000 €\n• Zorgcom (8 juin 2023) – 150 000 €", CivilDate{},
			[]string{"fine CNIL -> Zorgscoot EUR 125000 date=2023-03-16", "fine CNIL -> Zorgcom EUR 150000 date=2023-06-08"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &Record{Article: Article{Text: c.in, Published: c.pub}}
			r.Facts = Default().Extract(&r.Article)
			var got []string
			for _, s := range r.Sanctions {
				if !s.Valid(c.in) || s.Text != c.in[s.Start:s.End] {
					t.Errorf("sanction span %v is not its text", s.Span)
				}
				got = append(got, strings.SplitN(s.String(), " ", 2)[1])
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("Sanctions(%q) =\n%s\nwant\n%s", c.in, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestYearWritten reads the year a sentence writes alone, and nothing else.
func TestYearWritten(t *testing.T) {
	sr := Default().sanctions
	for _, c := range []struct {
		in   string
		want int
	}{
		{"En 2022, la société a été sanctionnée.", 2022},
		{"La société, sanctionnée fin 2020, a fait appel.", 2020},
		{"Le règlement 2016/679 s'applique en 20 jours.", 0},
		{"Le 3 mars 2022, la CNIL a sanctionné la société.", 0},
		{"Elle a payé 2022 euros en 12022.", 0},
		{"Depuis\u00a02019 la société conteste.", 2019},
	} {
		if got := sr.yearWritten(c.in, 0, len(c.in)); got != c.want {
			t.Errorf("yearWritten(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// TestSameSumTails checks that the ends of the same-sum phrases open at a
// word of each text that holds a phrase, however it is written, and at
// none of a text that holds only their first words.
func TestSameSumTails(t *testing.T) {
	sr := Default().sanctions
	if got := phraseTails([]string{"la même somme", "à l'ordre", "du (même) montant", "amende"}); !slices.Equal(got, []string{"même somme", "à l'ordre", "du (même) montant", "amende"}) {
		t.Fatalf("phraseTails: %q", got)
	}
	for _, text := range []string{"Il a infligé la même somme.", "LA MÊME  SOMME", "pour  un\tmontant  identique,", "d’une somme identique", "De la même\nsomme"} {
		toks := tokens(text)
		if !sr.sameSumTail.opensAtWord(text, toks) || len(sr.sameSum.find(text, toks)) == 0 {
			t.Errorf("%q: no same sum found", text)
		}
	}
	for _, text := range []string{"la somme de 20 000 euros", "le montant de l'amende, identique à la même", "la mêmesomme"} {
		if sr.sameSumTail.opensAtWord(text, tokens(text)) {
			t.Errorf("%q: the tails open", text)
		}
	}
}

// TestFindToBody checks findToBody against toBody at every byte of the
// fixtures and of texts where its words stand in their cases and spacings.
func TestFindToBody(t *testing.T) {
	sr := Default().sanctions
	for _, text := range append(fixtureTexts(t), " , à l'encontre de la commune", "\u00a0,\u202fcontre l’État", " d'amende à la mairie", "d’amendes  au ministère",
		" A la commune", ", pour le ministère", "  visant la ville", " à la charge du département", ",", "") {
		for i := range len(text) + 1 {
			if got, want := sr.findToBody(text[i:]), sr.toBody.FindStringIndex(text[i:]); !slices.Equal(got, want) {
				t.Fatalf("findToBody(%q) = %v, regexp %v", text[i:], got, want)
			}
		}
	}
}

// FuzzParagraphStart checks paragraphStart against strings.LastIndexAny.
func FuzzParagraphStart(f *testing.F) {
	for _, s := range []string{"", "a", "ab\ncd", "0123456789|abcdefghij", "\n\n\n\n\n\n\n\n\n", "é\u2028|\x0a\xff\x7c", "abcdefghijklmnopqrstuvwxyz\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range len(s) + 1 {
			if got, want := paragraphStart(s, i), strings.LastIndexAny(s[:i], "\n|")+1; got != want {
				t.Fatalf("paragraphStart(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

// TestEqualSums checks that equalSums compares sums as their amountKeys do.
func TestEqualSums(t *testing.T) {
	sums := []*Amount{nil, {Currency: "EUR", Minor: 12}, {Currency: "EUR", Minor: 12}, {Currency: "USD", Minor: 12}, {Currency: "EUR", Minor: 120}, {Currency: "EUR"}, {}}
	for _, a := range sums {
		for _, b := range sums {
			if got, want := equalSums(a, b), amountKey(a) == amountKey(b); got != want {
				t.Errorf("equalSums(%v, %v) = %v, amountKey says %v", a, b, got, want)
			}
		}
	}
}
