"""Who applies in the demo data: names, emails, mobiles and addresses in six countries, the kinds
of work (tracks) with their titles and CV texts, and person(), which draws one applicant from them.

All people and employers are invented; streets, postal codes, cities and universities are real so the
data looks right on screen. Draws use rand() directly (not random.choice) because a
million-application run draws tens of millions of times.
"""

import phonenumbers

LANGUAGES = ("nb", "sv", "da", "fi", "nl", "en")
COUNTRY = {"nb": "NO", "sv": "SE", "da": "DK", "fi": "FI", "nl": "NL", "en": "GB"}
# How often each language occurs among a Norwegian employer's applicants.
LANGUAGE_WEIGHTS = (36, 16, 12, 8, 12, 16)
DOMAINS = ("example.com", "example.org", "example.net")

FIRST_NAMES = {
    "nb": "Kari Ola Ingrid Lars Silje Magnus Ida Henrik Marte Sindre Åse Øystein Solveig Bjørn Ragnhild Torbjørn "
          "Hanne Eirik Marius Thea Sigrid Håkon Nora Jørgen Tuva Anders Kristin Even Live Aksel Synnøve Vegard",
    "sv": "Anna Erik Maja Johan Elin Oscar Sofia Karl Linnéa Gustav Ebba Axel Astrid Björn Frida Viktor Ingrid Måns "
          "Saga Pontus Wilma Nils Agnes Hugo Klara Olle Matilda Jonas Ylva Sixten",
    "da": "Mette Søren Camilla Rasmus Louise Mads Sofie Frederik Line Anders Freja Mikkel Ida Jesper Signe Kasper Maja "
          "Christian Emma Thomas Laura Jens Astrid Troels Birgitte Nikolaj Karen Asger Cecilie Bo",
    "fi": "Aino Eino Mikko Laura Juha Sanna Antti Hanna Ville Emilia Jukka Kaisa Tuomas Riikka Matti Elina Heikki "
          "Johanna Lauri Noora Olli Päivi Sami Tiina Väinö Helmi Jari Veera Ilkka Sini",
    "nl": "Daan Emma Sem Julia Lucas Sophie Bram Lotte Thijs Anouk Jesse Fleur Ruben Sanne Joris Eva Stijn Iris "
          "Pieter Femke Maarten Noor Wouter Lieke Niels Marieke Sven Roos Gijs Esther",
    "en": "Oliver Amelia George Olivia Harry Isla Jack Emily Charlie Sophie Thomas Grace James Lily William Ella Alfie "
          "Freya Joshua Chloe Daniel Hannah Samuel Lucy Matthew Ruby Henry Evie Joseph Rosie",
}
LAST_NAMES = {
    "nb": "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen "
          "Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Halvorsen Henriksen Lund Sørensen Strand "
          "Bakken Solberg Ødegård Sæther Aas Bråthen Løvås Kvåle Haugland",
    "sv": "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson "
          "Jonsson Jansson Hansson Bengtsson Lindberg Lindström Lindqvist Åberg Ekström Söderberg Sjöberg Holmgren "
          "Nordström Lundqvist Björk Wallin Engström Håkansson Öberg",
    "da": "Nielsen Jensen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen Madsen "
          "Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen Knudsen Jakobsen Mikkelsen "
          "Frederiksen Holm Schmidt Lauridsen Dam Bach Østergaard Brøndum",
    "fi": "Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Lehtonen "
          "Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen Salonen Turunen Salo Laitinen Tuominen "
          "Rantanen Karjalainen Jokinen Mattila Savolainen Lahtinen Ahonen",
    "nl": "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot|"
          "Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|"
          "van der Linden|Kok|Jacobs|de Haan|Vermeulen|Huisman|Schouten",
    "en": "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright "
          "Walker White Edwards Hughes Green Hall Wood Harris Lewis Martin Jackson Clarke Turner Hill Scott Cooper",
}
FIRST_NAMES = {lang: tuple(names.split()) for lang, names in FIRST_NAMES.items()}
LAST_NAMES = {lang: tuple(n.strip() for n in (names.split("|") if "|" in names else names.split()))
              for lang, names in LAST_NAMES.items()}

# Letters that email local parts spell in plain ASCII.
ASCII_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "ä": "a", "ö": "o", "ü": "u", "é": "e", " ": "",
                            "'": ""})

# Mobile ranges (E.164 prefix, digits that follow) that the phonenumbers library accepts as mobiles.
MOBILE_PREFIXES = {
    "NO": (("+4740", 6), ("+4741", 6), ("+4746", 6), ("+4747", 6), ("+4748", 6), ("+4790", 6), ("+4791", 6),
           ("+4792", 6), ("+4793", 6), ("+4795", 6), ("+4797", 6), ("+4798", 6), ("+4799", 6)),
    "SE": (("+4670", 7), ("+4672", 7), ("+4673", 7), ("+4676", 7), ("+4679", 7)),
    # Denmark's plan is fragmented: [2-5] then [124569] then [1-9] is all allocated to mobiles.
    "DK": tuple((f"+45{a}{b}{c}", 5) for a in "2345" for b in "124569" for c in "123456789"),
    "FI": (("+35840", 7), ("+35841", 7), ("+35844", 7), ("+35845", 7), ("+35846", 7), ("+35850", 7)),
    "NL": (("+3161", 7), ("+3162", 7), ("+3163", 7), ("+3164", 7), ("+3165", 7), ("+3168", 7)),
    "GB": (("+4471", 8), ("+4472", 8), ("+4473", 8)),
}

# Per country: (city, postal codes, streets). Postal codes and streets are real and belong to the city.
PLACES = {
    "NO": (("Oslo", "0150 0154 0171 0182 0355 0450 0555 0562 0657 0661",
            "Thorvald Meyers gate|Bogstadveien|Markveien|Ullevålsveien|Trondheimsveien|Schweigaards gate"),
           ("Bergen", "5003 5008 5011 5015 5055", "Nygårdsgaten|Sandviksveien|Kong Oscars gate|Strandgaten"),
           ("Trondheim", "7010 7011 7012 7030 7042", "Munkegata|Olav Tryggvasons gate|Prinsens gate|Innherredsveien"),
           ("Stavanger", "4006 4008 4010 4014", "Kirkegata|Pedersgata|Løkkeveien|Madlaveien"),
           ("Tromsø", "9008 9009 9010", "Storgata|Grønnegata|Sjøgata")),
    "SE": (("Stockholm", "111 20|113 30|114 35|116 45|118 50", "Drottninggatan|Götgatan|Sveavägen|Hornsgatan"),
           ("Göteborg", "411 05|413 14|414 63|416 64", "Linnégatan|Vasagatan|Kungsportsavenyen|Sprängkullsgatan"),
           ("Malmö", "211 22|211 47|214 21|217 41", "Södra Förstadsgatan|Regementsgatan|Amiralsgatan"),
           ("Uppsala", "753 10|753 20|752 36", "Svartbäcksgatan|Kungsgatan|Dragarbrunnsgatan")),
    "DK": (("København V", "1620", "Istedgade|Vesterbrogade|Enghavevej"),
           ("København N", "2200", "Nørrebrogade|Jagtvej|Blågårdsgade"),
           ("København Ø", "2100", "Østerbrogade|Classensgade|Nordre Frihavnsgade"),
           ("Aarhus C", "8000", "Frederiksgade|Søndergade|Jægergårdsgade"),
           ("Odense C", "5000", "Vestergade|Kongensgade|Overgade"),
           ("Aalborg", "9000", "Boulevarden|Vesterbro|Jomfru Ane Gade")),
    "FI": (("Helsinki", "00100 00120 00150 00530 00180", "Mannerheimintie|Fredrikinkatu|Hämeentie|Bulevardi"),
           ("Espoo", "02100 02150 02600", "Kauppamiehentie|Merituulentie|Leppävaarankatu"),
           ("Tampere", "33100 33200 33500", "Hämeenkatu|Satakunnankatu|Kalevantie"),
           ("Turku", "20100 20500", "Aurakatu|Yliopistonkatu|Humalistonkatu"),
           ("Oulu", "90100", "Kirkkokatu|Isokatu")),
    "NL": (("Amsterdam", "1015 1016 1017 1054 1073 1091", "Prinsengracht|Keizersgracht|Overtoom|Ferdinand Bolstraat"),
           ("Rotterdam", "3012 3014 3015 3024", "Witte de Withstraat|Nieuwe Binnenweg|Oudedijk"),
           ("Utrecht", "3511 3512 3572 3581", "Oudegracht|Biltstraat|Twijnstraat|Amsterdamsestraatweg"),
           ("Den Haag", "2514 2517 2563 2582", "Laan van Meerdervoort|Frederik Hendriklaan|Prinsestraat"),
           ("Eindhoven", "5611 5612 5622", "Stratumseind|Kruisstraat|Boschdijk")),
    "GB": (("London", "E1|N1|SE1|SW9|NW1|E8", "Brick Lane|Upper Street|Holloway Road|Kingsland Road|Camden Road"),
           ("Manchester", "M1|M4|M14|M20", "Oxford Road|Deansgate|Wilmslow Road|Burton Road"),
           ("Edinburgh", "EH1|EH3|EH6|EH9", "Leith Walk|Bruntsfield Place|Dalry Road"),
           ("Bristol", "BS1|BS6|BS8", "Gloucester Road|Whiteladies Road|Park Street")),
}
PLACES = {country: tuple((city, tuple(codes.split("|" if "|" in codes else " ")), tuple(streets.split("|")))
                         for city, codes, streets in places) for country, places in PLACES.items()}
NL_LETTERS = ("AB", "BK", "CD", "EH", "GJ", "HP", "KL", "LM", "NR", "PT", "RX", "TV", "VW", "XZ")
UK_INWARD = "ABDEFGHJLNPQRSTUWXYZ"

# Invented employers per country, and real places to study.
EMPLOYERS = {
    "NO": ("Bølgen Data AS", "Nordkapp Logistikk AS", "Vestlandsmat AS", "Fjellvann Energi AS",
           "Bryggen Regnskap AS"),
    "SE": ("Norrsken Teknik AB", "Skärgårdens Logistik AB", "Vättern Finans AB", "Dalarö Handel AB",
           "Kolmården IT AB"),
    "DK": ("Havnens Data ApS", "Jyllandsbyg A/S", "Limfjord Logistik A/S", "Bakkehus Regnskab ApS", "Nyhavn Salg ApS"),
    "FI": ("Revontuli Oy", "Saimaan Logistiikka Oy", "Kuusamo Data Oy", "Aurajoen Tilitoimisto Oy",
           "Pohjola Myynti Oy"),
    "NL": ("Polderdata B.V.", "Grachtenhuis Logistiek B.V.", "Dijkstra & Zonen B.V.", "Zeeland Finance B.V."),
    "GB": ("Thames Valley Systems Ltd", "Pennine Logistics Ltd", "Harbourside Finance Ltd", "Northgate Retail Ltd"),
}
SCHOOLS = {
    "NO": ("Universitetet i Oslo", "NTNU", "Universitetet i Bergen", "OsloMet", "Handelshøyskolen BI"),
    "SE": ("KTH", "Lunds universitet", "Uppsala universitet", "Göteborgs universitet", "Handelshögskolan i Stockholm"),
    "DK": ("Københavns Universitet", "Aarhus Universitet", "DTU", "Copenhagen Business School", "Aalborg Universitet"),
    "FI": ("Helsingin yliopisto", "Aalto-yliopisto", "Tampereen yliopisto", "Turun yliopisto"),
    "NL": ("TU Delft", "Universiteit van Amsterdam", "Universiteit Utrecht", "Erasmus Universiteit Rotterdam"),
    "GB": ("University of Manchester", "University of Leeds", "University of Edinburgh", "University of Bristol"),
}
SOURCES = {"NO": "finn.no", "SE": "platsbanken", "DK": "jobindex.dk", "FI": "duunitori.fi", "NL": "indeed.nl",
           "GB": "indeed.co.uk"}

# Tracks: the kinds of work Nordlys AS recruits for; each CV and each project follows one.
TRACKS = ("dev", "support", "sales", "finance", "logistics", "hr")
DEPARTMENTS = {"dev": "Technology", "support": "Customer Service", "sales": "Sales", "finance": "Finance",
               "logistics": "Logistics", "hr": "People & Culture"}
POSITIONS = {"dev": "Software Developer", "support": "Customer Service Advisor", "sales": "Account Manager",
             "finance": "Financial Controller", "logistics": "Warehouse Operative", "hr": "HR Adviser"}
# Job titles per track, in the order of LANGUAGES: nb sv da fi nl en.
TITLES = {
    "dev": "Systemutvikler|Systemutvecklare|Softwareudvikler|Ohjelmistokehittäjä|Softwareontwikkelaar|"
           "Software developer",
    "support": "Kundeservicerådgiver|Kundtjänstmedarbetare|Kundeservicemedarbejder|Asiakaspalveluneuvoja|"
               "Klantenservicemedewerker|Customer service advisor",
    "sales": "Key account manager|Säljare|Salgskonsulent|Myyntipäällikkö|Accountmanager|Account manager",
    "finance": "Controller|Redovisningsekonom|Controller|Controller|Financieel controller|Financial controller",
    "logistics": "Lagermedarbeider|Lagerarbetare|Lagermedarbejder|Varastotyöntekijä|Magazijnmedewerker|"
                 "Warehouse operative",
    "hr": "HR-rådgiver|HR-specialist|HR-konsulent|HR-asiantuntija|HR-adviseur|HR adviser",
}
DEGREES = {
    "dev": "Bachelor i informatikk|Kandidatexamen i datavetenskap|Bachelor i datalogi|"
           "Tietojenkäsittelytieteen kandidaatti|Bachelor Informatica|BSc Computer Science",
    "support": "Bachelor i kommunikasjon|Kandidatexamen i medie- och kommunikationsvetenskap|Bachelor i kommunikation|"
               "Viestinnän kandidaatti|Bachelor Communicatie|BA Communication",
    "sales": "Bachelor i markedsføring og salg|Civilekonom, marknadsföring|Markedsføringsøkonom|"
             "Tradenomi, markkinointi|Bachelor Commerciële Economie|BA Marketing",
    "finance": "Master i økonomi og administrasjon|Civilekonomexamen|Cand.merc.aud.|Kauppatieteiden maisteri|"
               "Master Accountancy|MSc Accounting and Finance",
    "logistics": "Fagbrev i logistikkfaget|Truckkort A+B|Truckcertifikat B|Logistiikka-alan perustutkinto|"
                 "Mbo Logistiek medewerker|Level 2 Certificate in Warehousing",
    "hr": "Master i personalledelse|Personalvetarprogrammet|Cand.merc. HRM|Hallintotieteiden maisteri, HRM|"
          "Master Human Resource Studies|MA Human Resource Management",
}
TITLES = {t: dict(zip(LANGUAGES, s.split("|"))) for t, s in TITLES.items()}
DEGREES = {t: dict(zip(LANGUAGES, s.split("|"))) for t, s in DEGREES.items()}
SKILLS = {
    "dev": ("Python", "Java", "TypeScript", "React", "PostgreSQL", "Docker", "Kubernetes", "AWS", "Azure", "Django",
            "Kotlin", "CI/CD", "Git"),
    "support": ("Zendesk", "Salesforce", "Puzzel", "Freshdesk", "Microsoft 365", "Teams", "CRM", "live chat"),
    "sales": ("Salesforce", "HubSpot", "B2B", "key account management", "Pipedrive", "LinkedIn Sales Navigator"),
    "finance": ("SAP S/4HANA", "Visma", "Excel", "Power BI", "IFRS", "Tripletex", "Unit4", "budgeting"),
    "logistics": ("WMS", "forklift", "pick and pack", "SAP EWM", "ADR", "inventory control", "HSE"),
    "hr": ("Workday", "SAP SuccessFactors", "Sympa", "employment law", "recruitment", "onboarding"),
}
PROFILE = {
    "nb": "{title} med {years} års erfaring. Sterk på {skills}. Kjent for å jobbe grundig, rolig og godt i team.",
    "sv": "{title} med {years} års erfarenhet. Stark inom {skills}. Känd för att arbeta noggrant, lugnt och bra "
          "i team.",
    "da": "{title} med {years} års erfaring. Stærk i {skills}. Kendt for at arbejde grundigt, roligt og godt i teams.",
    "fi": "{title}, jolla on {years} vuoden kokemus. Vahvuuksiani ovat {skills}. Työskentelen huolellisesti ja "
          "rauhallisesti osana tiimiä.",
    "nl": "{title} met {years} jaar ervaring. Sterk in {skills}. Staat bekend om nauwkeurig, rustig werken en goede "
          "samenwerking.",
    "en": "{title} with {years} years of experience. Strong in {skills}, and known for calm, thorough work and good "
          "teamwork.",
}
DUTIES = {
    "nb": "Jobbet daglig med {skill} i et team på {n}.",
    "sv": "Arbetade dagligen med {skill} i ett team på {n} personer.",
    "da": "Arbejdede dagligt med {skill} i et team på {n}.",
    "fi": "Työskentelin {n} hengen tiimissä, päivittäisenä työkaluna {skill}.",
    "nl": "Werkte dagelijks met {skill} in een team van {n}.",
    "en": "Worked daily with {skill} in a team of {n}.",
}
AND = {"nb": "og", "sv": "och", "da": "og", "fi": "ja", "nl": "en", "en": "and"}
PRESENT = {"nb": "i dag", "sv": "nu", "da": "nu", "fi": "nyt", "nl": "heden", "en": "present"}

# The invented employer; its name goes into letters, messages and the interview address.
COMPANY = "Nordlys AS"
SKILL_RINGS = {track: skills + skills[:4] for track, skills in SKILLS.items()}
# Where applications come from: website, LinkedIn, the country's job board, referral, Facebook.
SOURCE_NAMES = {country: ("website", "linkedin", board, "referral", "facebook") for country, board in SOURCES.items()}
# Job titles as they read mid-sentence: "as a software developer", but "som HR-rådgiver".
MID_TITLES = {t: t if t[:2].isupper() else t[0].lower() + t[1:] for titles in TITLES.values() for t in titles.values()}


def pick(rand, seq):
    """A uniform draw from seq, about three times cheaper than random.choice."""
    return seq[int(rand() * len(seq))]


def person(rand, lang: str, track: str, emails: dict, year: int, with_cv: bool) -> dict:
    """One invented applicant: name, contact details, address and CV text, all from one country.

    emails counts local parts already used, so the second Kari Hansen becomes kari.hansen1@…
    "letter" holds the fields a cover letter needs; with with_cv, "cv" holds render_cv_pdf's dict.
    """
    country = COUNTRY[lang]
    names, surnames = FIRST_NAMES[lang], LAST_NAMES[lang]
    first, last = names[int(rand() * len(names))], surnames[int(rand() * len(surnames))]
    base = f"{first}.{last}".lower().translate(ASCII_FOLD)
    n = emails[base] = emails.get(base, 0) + 1
    email = f"{base}{n - 1 if n > 1 else ''}@{DOMAINS[int(rand() * 3)]}"
    mobile = None
    if rand() < 0.95:
        prefixes = MOBILE_PREFIXES[country]
        prefix, digits = prefixes[int(rand() * len(prefixes))]
        mobile = f"{prefix}{int(rand() * 10 ** digits):0{digits}d}"
    places = PLACES[country]
    city, codes, streets = places[int(rand() * len(places))]
    street, number, postal = streets[int(rand() * len(streets))], 1 + int(rand() * 120), codes[int(rand() * len(codes))]
    address = f"{street} {number}"
    if country == "GB":
        address = f"{number} {street}"
        postal = f"{postal} {1 + int(rand() * 9)}{pick(rand, UK_INWARD)}{pick(rand, UK_INWARD)}"
    elif country == "NL":
        postal = f"{postal} {pick(rand, NL_LETTERS)}"
    elif country == "FI" and rand() < 0.5:
        address += f" {pick(rand, 'ABC')} {1 + int(rand() * 40)}"
    elif country == "DK" and rand() < 0.4:
        address += f", {1 + int(rand() * 5)}. {pick(rand, ('th.', 'tv.'))}"
    years = 1 + int(rand() * 18)
    ring = SKILL_RINGS[track]
    at = int(rand() * (len(ring) - 4))
    skills = ring[at:at + 4]
    title = TITLES[track][lang]
    profile = PROFILE[lang].format(title=title, years=years, skills=f"{skills[0]} {AND[lang]} {skills[1]}")
    employers = EMPLOYERS[country]
    at = int(rand() * len(employers))
    now_job, old_job = employers[at], employers[(at + 1 + int(rand() * (len(employers) - 1))) % len(employers)]
    since = year - 1 - int(rand() * max(1, min(years - 1, 6)))
    school = "" if track == "logistics" else pick(rand, SCHOOLS[country])
    degree, present = DEGREES[track][lang], PRESENT[lang]
    found = {"first": first, "last": last, "email": email, "mobile": mobile, "address": address, "postal": postal,
             "city": city, "country": country, "lang": lang, "years_text": str(years), "sources": SOURCE_NAMES[country],
             "letter": {"company": COMPANY, "years": years, "title": MID_TITLES[title], "skill": skills[0],
                        "name": f"{first} {last}"},
             "cv_text": f"{first} {last}\n{title}\n{profile}\n{now_job} ({since}–{present}); "
                        f"{old_job} ({year - years}–{since})\n{degree}{', ' + school if school else ''}\n"
                        f"{', '.join(skills)}"}
    if with_cv:
        contact = [email, f"{address}, {city} {postal}" if country == "GB" else f"{address}, {postal} {city}"]
        if mobile:
            contact.insert(1, phonenumbers.format_number(phonenumbers.parse(mobile),
                                                         phonenumbers.PhoneNumberFormat.INTERNATIONAL))
        found["cv"] = {
            "name": f"{first} {last}", "headline": title, "language": lang, "profile": profile, "skills": skills,
            "contact": contact,
            "experience": [{"title": title, "org": now_job, "period": f"{since} – {present}",
                            "text": DUTIES[lang].format(skill=skills[0], n=3 + int(rand() * 10))},
                           {"title": title, "org": old_job, "period": f"{year - years} – {since}",
                            "text": DUTIES[lang].format(skill=skills[2], n=3 + int(rand() * 10))}],
            "education": [{"title": degree, "org": school, "period": str(year - years)}],
        }
    return found
