package demo

import (
	"fmt"
	"math/rand/v2"

	"accord/data"
)

// A locale is where a partner is and the language its people speak: the parts its names, addresses and phone
// numbers are composed from. Templates use {d} (district, in the form a name needs), {s} (a surname), {w} (a
// word or short name), {saint}, {famous} (a person places are named after), {street}, {n} (a number) and {a}
// (a small ordinal).
type locale struct {
	code     string // BCP 47 language
	weight   int    // how often partners come from here
	city     string
	tld      string
	site     string // format naming a branch in another district: name, district, its name form
	branch   string // last resort to tell apart two partners with the same name: name, number
	twoNames bool   // people carry two surnames (Spanish)

	districts []district
	streets   []string
	words     []string
	saints    []string
	famous    []string
	ordinals  []string
	female    []string
	male      []string
	surnames  [][2]string // male and female form
	templates map[data.PartnerKind][]string

	phone    func(r *rand.Rand) string
	postcode func(r *rand.Rand) string
	address  string // format: street, number, postcode
}

// district is a neighbourhood; gen is the form a partner's name uses ("Σύλλογος Γειτονιάς Κυψέλης").
type district struct{ name, gen string }

func districts(names ...string) []district {
	out := make([]district, len(names))
	for i, n := range names {
		out[i] = district{n, n}
	}
	return out
}

func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

var english = &locale{
	code: "en", weight: 28, city: "Dublin", tld: "ie", branch: "%s (branch %d)", site: "%[1]s – %[2]s",
	districts: districts("Stoneybatter", "Phibsborough", "Rathmines", "Drimnagh", "Ballymun", "Crumlin", "Cabra",
		"Inchicore", "Smithfield", "Ringsend", "Finglas", "Kilmainham", "Marino", "Donnycarney", "Harold's Cross",
		"The Liberties", "East Wall", "Dolphin's Barn"),
	streets: []string{"Manor Street", "Prussia Street", "Dominick Street", "Thomas Street", "Meath Street",
		"Cork Street", "Dorset Street", "Capel Street", "Camden Street", "Sheriff Street", "Seville Place",
		"Emmet Road", "Old Cabra Road", "Church Street", "North Circular Road"},
	words: []string{"Open Door", "New Leaf", "Lantern", "Bridgeway", "Harbour", "Sunrise", "Second Chance",
		"Green Shoots", "Common Table", "Kinship", "Welcome Mat", "Anchor"},
	saints: []string{"Brigid", "Patrick", "Kevin", "Laurence O'Toole", "Columba", "Agnes", "Michan", "Audoen"},
	famous: []string{"Seán O'Casey", "Countess Markievicz", "James Larkin", "Maureen O'Hara", "Brendan Behan"},
	female: []string{"Siobhán", "Aoife", "Niamh", "Orla", "Mary", "Sarah", "Gráinne", "Fatima", "Chloe", "Róisín", "Éabha", "Agnieszka"},
	male:   []string{"Seán", "Pádraig", "Ciarán", "John", "Liam", "Darragh", "Tomás", "David", "Eoin", "Kevin", "Chukwuemeka", "Oisín"},
	surnames: append(pairs("O'Connor", "Murphy", "Kelly", "Byrne", "Walsh", "Doyle", "Nolan", "Okafor", "Nowak",
		"McCarthy", "Brennan", "Fitzgerald", "Kavanagh"), [2]string{"Ó Súilleabháin", "Ní Shúilleabháin"},
		[2]string{"Ó Briain", "Ní Bhriain"}),
	templates: map[data.PartnerKind][]string{
		data.PartnerCommunityOrg: {"{d} Community Association", "{d} Community Centre", "{w} Community Project", "{d} Neighbourhood Forum", "{w} Centre, {d}", "{w} Community Project, {d}"},
		data.PartnerGovernment:   {"Dublin City Council – {d} Area Office", "{d} Local Area Committee", "Dublin City Libraries – {d} Library"},
		data.PartnerEducation:    {"{d} Community College", "St {saint}'s National School, {d}", "{d} Educate Together National School", "{d} Adult Learning Centre", "{famous} Secondary School"},
		data.PartnerBusiness:     {"{s}'s Pharmacy", "{s} & Sons Hardware", "{s}'s Bakery", "The {w} Café", "{d} Credit Union", "{s} Family Butchers", "{s}'s Corner Shop, {street}", "{w} Bookshop, {d}"},
		data.PartnerResidents:    {"{d} Residents' Association", "{street} Residents Group", "{d} Tenants' Forum", "{street} Tenants' Association"},
		data.PartnerSocial:       {"HSE Primary Care Team – {d}", "{d} Family Resource Centre", "Tusla Family Support – {d}", "{d} Citizens Information Centre"},
		data.PartnerNonProfit:    {"{w} Food Bank, {d}", "{d} Men's Shed", "{d} Tidy Towns", "{w} Housing Trust", "{w} Refugee Welcome", "{w} Youth Project, {d}"},
		data.PartnerFaith:        {"St {saint}'s Parish, {d}", "{d} Mosque and Community Centre", "{d} Methodist Church", "{d} Quaker Meeting"},
		data.PartnerFunder:       {"{s} Family Foundation", "Community Foundation – {d} Fund", "{d} Credit Union Community Fund", "{w} Trust"},
		data.PartnerMedia:        {"{d} Community Radio", "The {d} Gazette", "{d} News Online", "{w} Podcast"},
		data.PartnerOther:        {"{d} GAA Club", "{d} Allotment Society", "{d} Chess Club", "{d} Boxing Club"},
	},
	phone: func(r *rand.Rand) string { return "+353 1 " + digits(r, 3) + " " + digits(r, 4) },
	postcode: func(r *rand.Rand) string {
		return fmt.Sprintf("D%02d %c%d%c%d", 1+r.IntN(24), 'A'+r.IntN(26), r.IntN(10), 'A'+r.IntN(26), r.IntN(10))
	},
	address: "%[2]d %[1]s, Dublin, %[3]s, Ireland",
}

var spanish = &locale{
	code: "es", weight: 15, city: "València", tld: "es", branch: "%s (sede %d)", site: "%[1]s – sede %[2]s", twoNames: true,
	districts: districts("Russafa", "Benimaclet", "El Cabanyal", "Orriols", "Patraix", "Campanar", "Benicalap",
		"Malilla", "Natzaret", "Ciutat Vella", "Algirós", "Torrefiel", "La Saïdia", "Jesús", "Benimàmet", "El Carme"),
	streets: []string{"Calle de Sueca", "Avenida del Puerto", "Calle de Cuba", "Plaza del Doctor Collado",
		"Calle de la Reina", "Calle de San Vicente Mártir", "Avenida de Blasco Ibáñez", "Calle del Literato Azorín",
		"Calle de José Benlliure", "Calle de Alboraya"},
	words: []string{"Esperanza", "Amanecer", "La Colmena", "Mano Amiga", "El Puente", "Semilla", "Solidaridad",
		"Ilusión", "Caminos", "Raíces", "Girasol", "Encuentro"},
	saints: []string{"San José", "Santa María", "San Vicente Ferrer", "Nuestra Señora de los Ángeles", "Santa Teresa", "San Juan de Ribera"},
	famous: []string{"Ausiàs March", "Lluís Vives", "Clara Campoamor", "Vicente Blasco Ibáñez", "Joaquín Sorolla", "María Moliner"},
	female: []string{"María José", "Lucía", "Carmen", "Inés", "Begoña", "Ángela", "Nuria", "Raquel", "Pilar", "Amparo"},
	male:   []string{"José Luis", "Álvaro", "Joaquín", "Andrés", "Jesús", "Rubén", "Íñigo", "Martín", "Vicent", "Ramón"},
	surnames: pairs("García", "Martínez", "Hernández", "Gómez", "Sánchez", "Pérez", "Muñoz", "Jiménez", "Ibáñez",
		"Núñez", "Peña", "Castaño", "Belloch", "Ferrer", "Llorens"),
	templates: map[data.PartnerKind][]string{
		data.PartnerCommunityOrg: {"Asociación Vecinal {d}", "Asociación Vecinal San José de {d}", "Centro Comunitario {w}", "Asociación Cultural {w} de {d}", "Centro Comunitario {w} de {d}"},
		data.PartnerGovernment:   {"Ayuntamiento de València – Junta Municipal de {d}", "Servicios Sociales Municipales de {d}", "Biblioteca Municipal de {d}"},
		data.PartnerEducation:    {"CEIP {famous}", "IES {d}", "Escuela de Personas Adultas de {d}", "Universitat de València – Aula {famous}"},
		data.PartnerBusiness:     {"Panadería {s}", "Farmacia {s}", "Ferretería {s} e Hijos", "Café {w}", "Cooperativa Agrícola de {d}", "Horchatería {s}", "Frutería {s} de {d}", "Librería {w}"},
		data.PartnerResidents:    {"Comunidad de Vecinos {street}", "Asociación de Vecinos de {d}", "Plataforma Vecinal {w}"},
		data.PartnerSocial:       {"Centro de Salud {d}", "Cáritas Parroquial de {d}", "Centro Municipal de Servicios Sociales {d}"},
		data.PartnerNonProfit:    {"Fundación {w}", "Banco de Alimentos de {d}", "Asociación {w} por la Inclusión", "Cruz Roja – Asamblea de {d}", "Asociación Juvenil {w} de {d}"},
		data.PartnerFaith:        {"Parroquia de {saint} de {d}", "Comunidad Evangélica de {d}", "Centro Islámico de {d}"},
		data.PartnerFunder:       {"Fundación {s}", "Fundación Comunitaria de {d}", "Obra Social {w}"},
		data.PartnerMedia:        {"Ràdio Comunitària de {d}", "Periódico de {d}", "Revista {w}"},
		data.PartnerOther:        {"Club Deportivo {d}", "Huerto Urbano de {d}", "Falla {street}", "Peña Ciclista {w}"},
	},
	phone:    func(r *rand.Rand) string { return "+34 96 " + digits(r, 3) + " " + digits(r, 2) + " " + digits(r, 2) },
	postcode: func(r *rand.Rand) string { return fmt.Sprintf("460%02d", 1+r.IntN(26)) },
	address:  "%[1]s, %[2]d, %[3]s València, España",
}

var french = &locale{
	code: "fr", weight: 13, city: "Lyon", tld: "fr", branch: "%s (antenne %d)", site: "%[1]s – antenne %[2]s",
	districts: districts("Croix-Rousse", "Guillotière", "Vaise", "Gerland", "Part-Dieu", "Monplaisir", "États-Unis",
		"Mermoz", "La Duchère", "Saint-Rambert", "Brotteaux", "Saint-Just", "Bellecour", "Perrache", "Montchat"),
	streets: []string{"rue de la République", "cours Gambetta", "place des Terreaux", "rue Mercière",
		"montée de la Grande-Côte", "avenue Jean-Jaurès", "rue Paul-Bert", "boulevard de la Croix-Rousse",
		"rue Saint-Jean", "quai Claude-Bernard"},
	words: []string{"Espoir", "L'Arc-en-ciel", "La Passerelle", "Trait d'Union", "Les Lucioles", "Éclat", "Solidaire",
		"Le Lien", "La Ruche", "Horizons", "Mosaïque", "Élan"},
	saints:   []string{"Saint-Bruno", "Sainte-Blandine", "Saint-Pothin", "Saint-Irénée", "Notre-Dame", "Saint-Nizier"},
	famous:   []string{"Jean Jaurès", "Louise Michel", "Simone Veil", "Victor Hugo", "Marie Curie", "Aimé Césaire", "Lucie Aubrac"},
	ordinals: []string{"1er", "2e", "3e", "4e", "5e", "6e", "7e", "8e", "9e"},
	female:   []string{"Élise", "Amélie", "Hélène", "Chloé", "Inès", "Léa", "Françoise", "Mélanie", "Anaïs", "Zoé"},
	male:     []string{"François", "Jérôme", "Théo", "Benoît", "Noël", "Loïc", "André", "Raphaël", "Gaël", "Yanis"},
	surnames: pairs("Lefèvre", "Dubois", "Moreau", "Girard", "Bérard", "Rousseau", "Benali", "Mercier", "Lemaître",
		"Fabre", "Chevalier", "Nguyen", "Diallo", "Gauthier"),
	templates: map[data.PartnerKind][]string{
		data.PartnerCommunityOrg: {"Centre social {d}", "Maison de quartier {d}", "Association {w}", "Café Solidaire {w}", "Association {w} de {d}"},
		data.PartnerGovernment:   {"Mairie du {a} arrondissement", "Maison de la Métropole – {d}", "Bibliothèque municipale {d}"},
		data.PartnerEducation:    {"École élémentaire {famous}", "Collège {famous}", "Lycée professionnel {famous}", "Université Lumière Lyon 2 – antenne {d}"},
		data.PartnerBusiness:     {"Boulangerie {s}", "Épicerie {s}", "Pharmacie de {d}", "Café {w}", "Librairie {w}", "Boucherie {s} de {d}", "Fleuriste {w}"},
		data.PartnerResidents:    {"Conseil de quartier {d}", "Amicale des locataires {d}", "Collectif des habitants – {street}"},
		data.PartnerSocial:       {"CCAS – antenne {d}", "Maison de la Métropole pour les solidarités {d}", "Centre médico-social {d}"},
		data.PartnerNonProfit:    {"Restos du Cœur – {d}", "Secours populaire – comité {d}", "Association {w} Solidarité", "Les Jardins de {d}", "Collectif {w} de {d}"},
		data.PartnerFaith:        {"Paroisse {saint} de {d}", "Temple protestant de {d}", "Mosquée de {d}", "Synagogue de {d}"},
		data.PartnerFunder:       {"Fondation {s}", "Fonds de dotation {w}", "Fondation {w} pour les quartiers"},
		data.PartnerMedia:        {"Radio {w}", "La Gazette de {d}", "Le Petit Journal de {d}"},
		data.PartnerOther:        {"Football Club de {d}", "Jardin partagé {d}", "Ciné-club {w}", "Chorale {w}"},
	},
	phone: func(r *rand.Rand) string {
		return "+33 4 " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2)
	},
	postcode: func(r *rand.Rand) string { return fmt.Sprintf("6900%d", 1+r.IntN(9)) },
	address:  "%[2]d %[1]s, %[3]s Lyon, France",
}

var portuguese = &locale{
	code: "pt", weight: 10, city: "Porto", tld: "pt", branch: "%s (núcleo %d)", site: "%[1]s – núcleo de %[2]s",
	districts: districts("Bonfim", "Campanhã", "Paranhos", "Ramalde", "Cedofeita", "Lordelo do Ouro", "Aldoar",
		"Foz do Douro", "Miragaia", "Massarelos", "Vitória", "Sé", "Santo Ildefonso", "Nevogilde"),
	streets: []string{"Rua de Santa Catarina", "Rua do Bonfim", "Avenida da Boavista", "Praça da Batalha",
		"Rua de Cedofeita", "Travessa de São Vítor", "Rua de Costa Cabral", "Rua do Heroísmo", "Rua da Constituição"},
	words: []string{"Esperança", "Amanhecer", "Mãos Dadas", "Ponte", "Semente", "Aconchego", "Girassol", "Raízes",
		"Bairro Vivo", "Caminhar", "Alegria"},
	saints: []string{"São João", "Santo António", "São Nicolau", "Nossa Senhora da Conceição", "São Vítor"},
	famous: []string{"Alexandre Herculano", "Garcia de Orta", "Rodrigues de Freitas", "Sophia de Mello Breyner", "Aurélia de Sousa", "Infante D. Henrique"},
	female: []string{"Inês", "Conceição", "Leonor", "Beatriz", "Joana", "Luísa", "Graça", "Mariana", "Fátima", "Adélia"},
	male:   []string{"João", "Tomás", "Gonçalo", "Sebastião", "Rui", "André", "Simão", "Nuno", "Joaquim", "Vítor"},
	surnames: pairs("Gonçalves", "Magalhães", "Araújo", "Simões", "Fernandes", "Gomes", "Lourenço", "Guimarães",
		"Conceição", "Pereira", "Sá", "Brandão", "Mendonça"),
	templates: map[data.PartnerKind][]string{
		data.PartnerCommunityOrg: {"Associação de Moradores de {d}", "Centro Comunitário {w}", "Associação Cultural {w}", "Associação {w} de {d}"},
		data.PartnerGovernment:   {"Junta de Freguesia de {d}", "Câmara Municipal do Porto – Ação Social {d}", "Biblioteca Municipal de {d}"},
		data.PartnerEducation:    {"Escola Básica de {d}", "Agrupamento de Escolas {famous}", "Escola Secundária {famous}"},
		data.PartnerBusiness:     {"Padaria {s}", "Farmácia {s}", "Mercearia {s} & Filhos", "Café {w}", "Tasca do {s}", "Talho {s} de {d}", "Florista {w}"},
		data.PartnerResidents:    {"Comissão de Moradores da {street}", "Associação de Moradores do Bairro {d}"},
		data.PartnerSocial:       {"Centro de Saúde {d}", "Segurança Social – Serviço Local de {d}", "Santa Casa da Misericórdia – {d}"},
		data.PartnerNonProfit:    {"Banco Alimentar de {d}", "IPSS {w}", "Cooperativa {w}", "Associação {w} – Apoio ao Imigrante", "Associação Juvenil {w} de {d}"},
		data.PartnerFaith:        {"Paróquia de {saint}", "Igreja Evangélica de {d}", "Comunidade Islâmica de {d}"},
		data.PartnerFunder:       {"Fundação {s}", "Fundação {w} para a Comunidade"},
		data.PartnerMedia:        {"Rádio {w}", "Jornal de {d}", "Notícias de {d}"},
		data.PartnerOther:        {"Grupo Desportivo de {d}", "Horta Comunitária de {d}", "Rancho Folclórico de {d}"},
	},
	phone:    func(r *rand.Rand) string { return "+351 22 " + digits(r, 3) + " " + digits(r, 4) },
	postcode: func(r *rand.Rand) string { return fmt.Sprintf("4%03d-%03d", 50+r.IntN(400), r.IntN(1000)) },
	address:  "%[1]s, %[2]d, %[3]s Porto, Portugal",
}

var german = &locale{
	code: "de", weight: 12, city: "Leipzig", tld: "de", branch: "%s (Standort %d)", site: "%[1]s – Standort %[2]s",
	districts: districts("Connewitz", "Plagwitz", "Lindenau", "Gohlis", "Reudnitz", "Grünau", "Südvorstadt",
		"Eutritzsch", "Schönefeld", "Volkmarsdorf", "Mockau", "Stötteritz", "Anger-Crottendorf", "Möckern"),
	streets: []string{"Karl-Liebknecht-Straße", "Eisenbahnstraße", "Karl-Heine-Straße", "Georg-Schwarz-Straße",
		"Gohliser Straße", "Königstraße", "Schönefelder Allee", "Wurzner Straße", "Zschochersche Straße"},
	words: []string{"Lichtblick", "Brückenschlag", "Miteinander", "Sonnenschein", "Zukunft", "Grüne Höfe",
		"Morgenröte", "Kiezglück", "Wurzelwerk", "Nachbarschaft", "Lebensfreude"},
	saints: []string{"Laurentius", "Bonifatius", "Georg", "Elisabeth", "Trinitatis", "Nikolai"},
	famous: []string{"Erich Kästner", "Käthe Kollwitz", "Sophie Scholl", "Clara Zetkin", "Johann Sebastian Bach", "Louise Otto-Peters"},
	female: []string{"Bärbel", "Käthe", "Anja", "Lena", "Sabine", "Ursula", "Jana", "Jördis", "Ayşe", "Frauke"},
	male:   []string{"Jürgen", "Jörg", "Sören", "Björn", "Lukas", "Malte", "Mehmet", "Uwe", "Günther", "Tobias"},
	surnames: pairs("Müller", "Schröder", "Weiß", "Köhler", "Groß", "Krüger", "Schäfer", "Yılmaz", "Hoffmann",
		"Jäger", "Böhm", "Schulz", "Kowalczyk", "Lößner"),
	templates: map[data.PartnerKind][]string{
		data.PartnerCommunityOrg: {"Bürgerverein {d} e.V.", "Stadtteilzentrum {d}", "Nachbarschaftshilfe {d} e.V.", "Grüne Höfe {d} e.V.", "Verein {w} e.V.", "Nachbarschaftstreff {w} {d}"},
		data.PartnerGovernment:   {"Stadt Leipzig – Bürgeramt {d}", "Stadtbezirksbeirat {d}", "Stadtbibliothek Leipzig – Stadtteilbibliothek {d}"},
		data.PartnerEducation:    {"{famous}-Schule", "Grundschule {d}", "Volkshochschule Leipzig – Außenstelle {d}", "Oberschule {d}"},
		data.PartnerBusiness:     {"Bäckerei {s}", "{s} & Söhne GmbH", "Apotheke {d}", "Café {w}", "Fahrradladen {s}", "Metzgerei {s} {d}", "Blumenladen {w}"},
		data.PartnerResidents:    {"Mietergemeinschaft {street}", "Anwohnerinitiative {d}", "Hausgemeinschaft {street}"},
		data.PartnerSocial:       {"Jugendamt Leipzig – Außenstelle {d}", "Sozialstation {d}", "Familienzentrum {d}"},
		data.PartnerNonProfit:    {"Tafel {d} e.V.", "Gemeinschaftsgarten {d} e.V.", "Initiative {w} e.V.", "Repair-Café {d}", "Jugendprojekt {w} {d} e.V."},
		data.PartnerFaith:        {"Ev.-Luth. Kirchgemeinde {d}", "Katholische Pfarrei St. {saint}", "Moscheegemeinde {d}"},
		data.PartnerFunder:       {"{s}-Stiftung", "Bürgerstiftung {d}", "Stiftung {w}"},
		data.PartnerMedia:        {"Stadtteilzeitung {d}", "Radio {w}", "{d}er Nachrichten"},
		data.PartnerOther:        {"SV {d} 1990 e.V.", "Kleingartenverein {w} e.V.", "Schachklub {d}"},
	},
	phone:    func(r *rand.Rand) string { return "+49 341 " + digits(r, 3) + " " + digits(r, 4) },
	postcode: func(r *rand.Rand) string { return fmt.Sprintf("04%03d", 103+r.IntN(255)) },
	address:  "%[1]s %[2]d, %[3]s Leipzig, Deutschland",
}

var greek = &locale{
	code: "el", weight: 11, city: "Αθήνα", tld: "gr", branch: "%s (παράρτημα %d)", site: "%[1]s – παράρτημα %[3]s",
	districts: []district{{"Κυψέλη", "Κυψέλης"}, {"Πατήσια", "Πατησίων"}, {"Εξάρχεια", "Εξαρχείων"},
		{"Κολωνός", "Κολωνού"}, {"Πετράλωνα", "Πετραλώνων"}, {"Γκάζι", "Γκαζιού"}, {"Παγκράτι", "Παγκρατίου"},
		{"Βύρωνας", "Βύρωνα"}, {"Κουκάκι", "Κουκακίου"}, {"Σεπόλια", "Σεπολίων"}, {"Αμπελόκηποι", "Αμπελοκήπων"},
		{"Αθήνα", "Αθήνας"}, {"Γαλάτσι", "Γαλατσίου"}, {"Νέα Σμύρνη", "Νέας Σμύρνης"}},
	streets: []string{"Φωκίωνος Νέγρη", "Πατησίων", "Αχαρνών", "Λιοσίων", "Τροίας", "Βεΐκου", "Υμηττού",
		"Κεφαλληνίας", "Αγίου Μελετίου", "Δροσοπούλου"},
	words: []string{"Ελπίδα", "Αλληλεγγύη", "Γέφυρα", "Ανατολή", "Μαζί", "Φάρος", "Ηλιαχτίδα", "Κυψέλη",
		"Ανοιχτή Πόρτα", "Ρίζες", "Πυξίδα"},
	saints:   []string{"Αγίου Νικολάου", "Αγίου Γεωργίου", "Αγίας Ειρήνης", "Αγίου Δημητρίου", "Αγίας Παρασκευής", "Αγίου Παντελεήμονα"},
	famous:   []string{"Λαμπράκη", "Μαραγκόπουλου", "Μποδοσάκη", "Ωνάση", "Λάτση"},
	ordinals: []string{"1ο", "2ο", "3ο", "4ο", "5ο", "6ο", "7ο", "8ο", "9ο", "10ο", "11ο", "12ο", "14ο", "21ο", "36ο", "58ο"},
	female:   []string{"Ελένη", "Μαρία", "Κατερίνα", "Δέσποινα", "Σοφία", "Αικατερίνη", "Γεωργία", "Χαρά", "Ζωή", "Αφροδίτη"},
	male:     []string{"Γιώργος", "Νίκος", "Δημήτρης", "Κώστας", "Γιάννης", "Παναγιώτης", "Σπύρος", "Αλέξανδρος", "Θανάσης", "Στέλιος"},
	surnames: [][2]string{{"Παπαδόπουλος", "Παπαδοπούλου"}, {"Οικονόμου", "Οικονόμου"}, {"Γεωργίου", "Γεωργίου"},
		{"Νικολάου", "Νικολάου"}, {"Βασιλείου", "Βασιλείου"}, {"Καραγιάννης", "Καραγιάννη"},
		{"Αντωνόπουλος", "Αντωνοπούλου"}, {"Μαυρίδης", "Μαυρίδου"}, {"Δημητρίου", "Δημητρίου"},
		{"Κωνσταντίνου", "Κωνσταντίνου"}, {"Παπαδάκης", "Παπαδάκη"}, {"Ιωάννου", "Ιωάννου"}},
	templates: map[data.PartnerKind][]string{
		data.PartnerCommunityOrg: {"Σύλλογος Γειτονιάς {d}", "Πολιτιστικός Σύλλογος {d}", "Κοινωνικό Κέντρο «{w}»", "Σύλλογος «{w}» {d}"},
		data.PartnerGovernment:   {"Δήμος Αθηναίων – Δημοτική Κοινότητα {d}", "Δημοτική Βιβλιοθήκη {d}", "Κέντρο Κοινότητας {d}"},
		data.PartnerEducation:    {"{a} Δημοτικό Σχολείο {d}", "{a} Γυμνάσιο {d}", "Σχολείο Δεύτερης Ευκαιρίας {d}"},
		data.PartnerBusiness:     {"Φούρνος {s}", "Φαρμακείο {s}", "Καφενείο «{w}»", "Παντοπωλείο «{w}»", "Κρεοπωλείο {s} {d}", "Ζαχαροπλαστείο «{w}»"},
		data.PartnerResidents:    {"Επιτροπή Κατοίκων {d}", "Σύλλογος Κατοίκων {d}", "Κάτοικοι της οδού {street}"},
		data.PartnerSocial:       {"Κέντρο Υγείας {d}", "ΚΑΠΗ {d}", "Κοινωνικό Παντοπωλείο {d}"},
		data.PartnerNonProfit:    {"Αστική Μη Κερδοσκοπική Εταιρεία «{w}»", "Τράπεζα Τροφίμων {d}", "Εθελοντική Ομάδα «{w}»", "Ομάδα Νέων «{w}» {d}"},
		data.PartnerFaith:        {"Ιερός Ναός {saint}", "Ενορία {saint} {d}"},
		data.PartnerFunder:       {"Ίδρυμα {famous}", "Κοινωφελές Ίδρυμα «{w}»"},
		data.PartnerMedia:        {"Ραδιόφωνο «{w}»", "Εφημερίδα «Τα Νέα της {d}»", "Διαδικτυακό Ραδιόφωνο {d}"},
		data.PartnerOther:        {"Αθλητικός Σύλλογος {d}", "Κοινοτικός Λαχανόκηπος {d}", "Χορωδία {d}"},
	},
	phone:    func(r *rand.Rand) string { return "+30 210 " + digits(r, 3) + " " + digits(r, 4) },
	postcode: func(r *rand.Rand) string { return fmt.Sprintf("1%02d %02d", 4+r.IntN(14), r.IntN(100)) },
	address:  "%[1]s %[2]d, %[3]s Αθήνα, Ελλάδα",
}

var russian = &locale{
	code: "ru", weight: 11, city: "Санкт-Петербург", tld: "ru", branch: "%s (филиал № %d)", site: "%[1]s (%[2]s район)",
	districts: []district{{"Василеостровский", "Василеостровского"}, {"Петроградский", "Петроградского"},
		{"Фрунзенский", "Фрунзенского"}, {"Кировский", "Кировского"}, {"Невский", "Невского"},
		{"Выборгский", "Выборгского"}, {"Калининский", "Калининского"}, {"Московский", "Московского"},
		{"Адмиралтейский", "Адмиралтейского"}, {"Красногвардейский", "Красногвардейского"},
		{"Приморский", "Приморского"}, {"Центральный", "Центрального"}},
	streets: []string{"ул. Садовая", "Невский проспект", "ул. Большая Морская", "Лиговский проспект", "ул. Марата",
		"Московский проспект", "ул. Жуковского", "Большой проспект В. О.", "ул. Рубинштейна"},
	words: []string{"Рассвет", "Надежда", "Радуга", "Доброе дело", "Вместе", "Мост", "Исток", "Берёзка",
		"Открытая дверь", "Соседи", "Маяк", "Созвездие"},
	saints: []string{"Святителя Николая", "Покрова Пресвятой Богородицы", "Святой Троицы", "Святого Пантелеимона", "Вознесения Господня"},
	famous: []string{"Пушкина", "Ахматовой", "Менделеева", "Лихачёва"},
	female: []string{"Ольга", "Наталья", "Екатерина", "Анна", "Татьяна", "Светлана", "Мария", "Ирина", "Юлия", "Ксения"},
	male:   []string{"Алексей", "Дмитрий", "Сергей", "Андрей", "Михаил", "Николай", "Иван", "Павел", "Фёдор", "Артём"},
	surnames: [][2]string{{"Иванов", "Иванова"}, {"Смирнов", "Смирнова"}, {"Кузнецов", "Кузнецова"}, {"Попов", "Попова"},
		{"Соколов", "Соколова"}, {"Лебедев", "Лебедева"}, {"Новиков", "Новикова"}, {"Фёдоров", "Фёдорова"},
		{"Морозов", "Морозова"}, {"Волков", "Волкова"}, {"Ковалёв", "Ковалёва"}, {"Журавлёв", "Журавлёва"}},
	templates: map[data.PartnerKind][]string{
		data.PartnerCommunityOrg: {"Общественный центр «{w}»", "Соседский центр «{w}»", "Клуб по интересам «{w}» {d} района", "Соседский клуб «{w}» {d} района"},
		data.PartnerGovernment:   {"Администрация {d} района", "Муниципальный совет «{w}»", "Центральная библиотека {d} района"},
		data.PartnerEducation:    {"Школа № {n}", "Гимназия № {n}", "Детский сад № {n}", "Колледж «{w}»"},
		data.PartnerBusiness:     {"Пекарня «{w}»", "Аптека «{w}»", "ИП {s}", "Кафе «{w}»", "Цветочный магазин «{w}»", "Мастерская «{w}» {d} района"},
		data.PartnerResidents:    {"ТСЖ «{w}»", "Инициативная группа жителей {d} района", "Совет дома: {street}, {n}"},
		data.PartnerSocial:       {"Комплексный центр социального обслуживания {d} района", "Поликлиника № {n}", "Центр помощи семье и детям {d} района"},
		data.PartnerNonProfit:    {"АНО «{w}»", "Фонд помощи «{w}»", "Добровольческий центр «{w}»", "Волонтёрский отряд «{w}» {d} района"},
		data.PartnerFaith:        {"Приход храма {saint}", "Лютеранская община {d} района"},
		data.PartnerFunder:       {"Благотворительный фонд «{w}»", "Фонд развития {d} района", "Фонд имени {famous}"},
		data.PartnerMedia:        {"Районная газета «{w}»", "Радио «{w}»", "Телеграм-канал «{w}»"},
		data.PartnerOther:        {"Спортивный клуб «{w}»", "Шахматный клуб «{w}»", "Садоводство «{w}»"},
	},
	phone:    func(r *rand.Rand) string { return "+7 812 " + digits(r, 3) + "-" + digits(r, 2) + "-" + digits(r, 2) },
	postcode: func(r *rand.Rand) string { return "19" + digits(r, 4) },
	address:  "%[1]s, д. %[2]d, %[3]s Санкт-Петербург, Россия",
}

// locales are the places partners come from, in a fixed order so a seed always picks the same ones.
var locales = []*locale{english, spanish, french, portuguese, german, greek, russian}

// pairs makes surnames that do not change with the person's gender.
func pairs(names ...string) [][2]string {
	out := make([][2]string, len(names))
	for i, n := range names {
		out[i] = [2]string{n, n}
	}
	return out
}
