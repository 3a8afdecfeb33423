"""What Nordlys AS recruits with in the demo data: default projects, screening questions, the letters
applicants write, the messages and reminders it sends, and how applications turn out. Kept apart from
the engine so the engine reads as logic.
"""

from ats_app.applications.stages import STAGES
from ats_app.demo.people import LANGUAGES

COVER_LETTERS = {
    "nb": ("Hei!\n\nJeg søker herved på stillingen som {project} hos {company}. Jeg har {years} års erfaring som "
           "{title}, og trives best når jeg kan bidra til at kunder og kolleger får en god hverdag.\n\n"
           "Jeg forteller gjerne mer i et intervju.\n\nMed vennlig hilsen\n{name}",
           "Hei,\n\nStillingsannonsen for {project} fanget oppmerksomheten min med en gang. I dag jobber jeg med "
           "{skill}, og jeg ønsker meg nye utfordringer i et miljø som {company}.\n\nVennlig hilsen\n{name}"),
    "sv": ("Hej!\n\nJag söker tjänsten som {project} hos {company}. Jag har {years} års erfarenhet som {title} och "
           "trivs bäst när jag får ta ansvar och samarbeta med andra.\n\nJag berättar gärna mer vid en intervju."
           "\n\nMed vänliga hälsningar\n{name}",
           "Hej,\n\nAnnonsen för {project} väckte mitt intresse direkt. Just nu arbetar jag mycket med {skill}, och "
           "jag vill gärna utvecklas vidare hos {company}.\n\nVänliga hälsningar\n{name}"),
    "da": ("Kære rekrutteringsteam\n\nJeg søger hermed stillingen som {project} hos {company}. Jeg har {years} års "
           "erfaring som {title} og trives med at tage ansvar i et godt fællesskab.\n\nJeg fortæller gerne mere "
           "til en samtale.\n\nMed venlig hilsen\n{name}",
           "Hej\n\nJeres opslag om {project} fangede straks min interesse. I dag arbejder jeg med {skill}, og jeg "
           "vil gerne bruge mine erfaringer hos {company}.\n\nVenlig hilsen\n{name}"),
    "fi": ("Hei,\n\nHaen {company}:n avointa tehtävää: {project}. Minulla on {years} vuoden kokemus tehtävästä "
           "{title}, ja viihdyn parhaiten, kun saan kantaa vastuuta ja tehdä yhteistyötä muiden kanssa.\n\n"
           "Kerron mielelläni lisää haastattelussa.\n\nYstävällisin terveisin\n{name}",
           "Hei,\n\nIlmoituksenne tehtävästä {project} herätti heti kiinnostukseni. Työskentelen nykyään paljon "
           "osa-alueella {skill}, ja haluaisin kehittyä edelleen {company}:ssa.\n\nTerveisin\n{name}"),
    "nl": ("Beste recruiter,\n\nHierbij solliciteer ik naar de functie {project} bij {company}. Ik heb {years} jaar "
           "ervaring als {title} en haal energie uit samenwerken en verantwoordelijkheid nemen.\n\nIk vertel u "
           "graag meer in een gesprek.\n\nMet vriendelijke groet,\n{name}",
           "Hallo,\n\nUw vacature voor {project} sprak mij direct aan. Op dit moment werk ik veel met {skill} en "
           "ik zou mij graag verder ontwikkelen bij {company}.\n\nVriendelijke groet,\n{name}"),
    "en": ("Dear hiring team,\n\nI am applying for the position of {project} at {company}. I have {years} years of "
           "experience as a {title} and I do my best work when I can take responsibility and work closely with "
           "others.\n\nI would be glad to tell you more in an interview.\n\nKind regards,\n{name}",
           "Hello,\n\nYour advert for {project} caught my eye straight away. In my current role I work a lot with "
           "{skill}, and I would love to keep growing at {company}.\n\nBest wishes,\n{name}"),
}

# Screening questions: key -> (the answer that knocks a candidate out, None for free text; texts nb|sv|da|fi|nl|en).
QUESTIONS = {
    "work_permit": ("no", "Har du arbeidstillatelse i EU/EØS?|Har du arbetstillstånd inom EU/EES?|"
                          "Har du arbejdstilladelse i EU/EØS?|Onko sinulla työlupa EU/ETA-alueella?|"
                          "Heb je een werkvergunning voor de EU/EER?|Do you have the right to work in the EU/EEA?"),
    "driving_licence": ("no", "Har du førerkort klasse B?|Har du B-körkort?|Har du kørekort til bil (kategori B)?|"
                              "Onko sinulla B-luokan ajokortti?|Heb je rijbewijs B?|"
                              "Do you hold a category B driving licence?"),
    "scandinavian": ("no", "Snakker og skriver du norsk, svensk eller dansk flytende?|"
                           "Talar och skriver du svenska, norska eller danska flytande?|"
                           "Taler og skriver du dansk, norsk eller svensk flydende?|"
                           "Puhutko ja kirjoitatko sujuvasti ruotsia, norjaa tai tanskaa?|"
                           "Spreek en schrijf je vloeiend Noors, Zweeds of Deens?|"
                           "Do you speak and write Norwegian, Swedish or Danish fluently?"),
    "shift_work": ("no", "Kan du jobbe skift, også enkelte helger?|Kan du arbeta skift, även vissa helger?|"
                         "Kan du arbejde i skiftehold, også nogle weekender?|"
                         "Voitko tehdä vuorotyötä, myös joinakin viikonloppuina?|"
                         "Kun je in ploegendienst werken, ook in sommige weekenden?|"
                         "Can you work shifts, including some weekends?"),
    "years": (None, "Hvor mange års relevant erfaring har du?|Hur många års relevant erfarenhet har du?|"
                    "Hvor mange års relevant erfaring har du?|Kuinka monta vuotta alan kokemusta sinulla on?|"
                    "Hoeveel jaar relevante ervaring heb je?|How many years of relevant experience do you have?"),
    "notice": (None, "Hvor lang oppsigelsestid har du?|Hur lång uppsägningstid har du?|"
                     "Hvor lang opsigelsesperiode har du?|Kuinka pitkä irtisanomisaikasi on?|"
                     "Wat is je opzegtermijn?|What is your notice period?"),
}
QUESTIONS = {key: (knockout, dict(zip(LANGUAGES, texts.split("|")))) for key, (knockout, texts) in QUESTIONS.items()}
# What a knocked-out candidate is told they do not meet ({requirement} in the rejection email; nb|sv|da|fi|nl|en).
REQUIREMENTS = {key: dict(zip(LANGUAGES, texts.split("|"))) for key, texts in {
    "work_permit": "arbeidstillatelse i EU/EØS|arbetstillstånd inom EU/EES|arbejdstilladelse i EU/EØS|"
                   "työlupa EU/ETA-alueella|een werkvergunning voor de EU/EER|the right to work in the EU/EEA",
    "driving_licence": "førerkort klasse B|B-körkort|kørekort til bil (kategori B)|B-luokan ajokortti|rijbewijs B|"
                       "a category B driving licence",
    "scandinavian": "flytende norsk, svensk eller dansk|flytande svenska, norska eller danska|"
                    "flydende dansk, norsk eller svensk|sujuva ruotsin, norjan tai tanskan kielen taito|"
                    "vloeiend Noors, Zweeds of Deens|fluent Norwegian, Swedish or Danish",
    "shift_work": "å kunne jobbe skift, også enkelte helger|att kunna arbeta skift, även vissa helger|"
                  "at kunne arbejde i skiftehold, også nogle weekender|"
                  "valmius vuorotyöhön, myös joinakin viikonloppuina|"
                  "kunnen werken in ploegendienst, ook in sommige weekenden|being able to work shifts, including some "
                  "weekends",
}.items()}
NOTICE = {
    "nb": ("Ingen", "1 måned", "2 måneder", "3 måneder"), "sv": ("Ingen", "1 månad", "2 månader", "3 månader"),
    "da": ("Ingen", "1 måned", "2 måneder", "3 måneder"),
    "fi": ("Ei irtisanomisaikaa", "1 kuukausi", "2 kuukautta", "3 kuukautta"),
    "nl": ("Direct beschikbaar", "1 maand", "2 maanden", "3 maanden"),
    "en": ("Available now", "1 month", "2 months", "3 months"),
}

# The default demo projects: (title, track, status, deadline in days from today, languages, questions, weight).
PROJECTS = (
    ("Senior backend-utvikler", "dev", "open", 14, ["nb", "en"], ["work_permit", "scandinavian", "years"], 14),
    ("Frontend Developer (React)", "dev", "open", 21, ["en"], ["work_permit", "years", "notice"], 12),
    ("Kundtjänstmedarbetare, Stockholm", "support", "open", 10, ["sv", "en"], ["work_permit", "shift_work"], 16),
    ("Key Account Manager, Danmark", "sales", "open", 30, ["da", "en"], ["driving_licence", "years"], 8),
    ("Asiakaspalveluneuvoja, Helsinki", "support", "open", 5, ["fi", "sv", "en"], ["work_permit", "shift_work",
                                                                                    "notice"], 9),
    ("Økonomicontroller", "finance", "closed", -40, ["nb", "en"], ["work_permit", "scandinavian", "years",
                                                                  "notice"], 10),
    ("Lagermedarbeider, Alnabru", "logistics", "closed", -70, ["nb", "sv", "en"], ["work_permit", "shift_work",
                                                                                  "driving_licence"], 12),
    ("Accountmanager Benelux", "sales", "closed", -20, ["nl", "en"], ["work_permit", "years"], 9),
    ("HR-rådgiver", "hr", "draft", 45, ["nb", "en"], ["work_permit", "scandinavian"], 0),
)
PROJECT_CITIES = {"nb": ("Oslo", "Bergen", "Trondheim"), "sv": ("Stockholm", "Göteborg"),
                  "da": ("København", "Aarhus"), "fi": ("Helsinki", "Tampere"), "nl": ("Amsterdam", "Utrecht"),
                  "en": ("London", "Remote")}

# Held messages: (subject, body) per purpose and language; {first_name}, {project}, {company}, {when}.
MESSAGES = {
    "application_received": {
        "nb": ("Vi har mottatt søknaden din: {project}", "Hei {first_name},\n\nTakk for søknaden din på {project}. "
               "Vi går gjennom alle søknader etter søknadsfristen og tar kontakt så snart vi kan."),
        "sv": ("Vi har tagit emot din ansökan: {project}", "Hej {first_name},\n\nTack för din ansökan till "
               "{project}. Vi går igenom alla ansökningar efter sista ansökningsdag och hör av oss så snart vi kan."),
        "da": ("Vi har modtaget din ansøgning: {project}", "Hej {first_name},\n\nTak for din ansøgning til "
               "{project}. Vi gennemgår alle ansøgninger efter fristen og vender tilbage hurtigst muligt."),
        "fi": ("Olemme vastaanottaneet hakemuksesi: {project}", "Hei {first_name},\n\nKiitos hakemuksestasi "
               "tehtävään {project}. Käymme hakemukset läpi haun päätyttyä ja olemme yhteydessä mahdollisimman pian."),
        "nl": ("We hebben je sollicitatie ontvangen: {project}", "Beste {first_name},\n\nBedankt voor je "
               "sollicitatie voor {project}. We bekijken alle sollicitaties na de sluitingsdatum en laten zo snel "
               "mogelijk van ons horen."),
        "en": ("We have received your application: {project}", "Dear {first_name},\n\nThank you for applying for "
               "{project}. We will read every application after the closing date and be in touch as soon as we can."),
    },
    "interview_invitation": {
        "nb": ("Invitasjon til intervju: {project}", "Hei {first_name},\n\nVi vil gjerne invitere deg til intervju "
               "for stillingen {project} {when}. Gi oss beskjed om tidspunktet passer."),
        "sv": ("Inbjudan till intervju: {project}", "Hej {first_name},\n\nVi vill gärna bjuda in dig till en "
               "intervju för tjänsten {project} {when}. Hör av dig om tiden passar."),
        "da": ("Invitation til samtale: {project}", "Hej {first_name},\n\nVi vil gerne invitere dig til samtale om "
               "stillingen {project} {when}. Giv os besked, om tidspunktet passer."),
        "fi": ("Kutsu haastatteluun: {project}", "Hei {first_name},\n\nKutsumme sinut haastatteluun tehtävään "
               "{project} {when}. Kerrothan, sopiiko aika sinulle."),
        "nl": ("Uitnodiging voor een gesprek: {project}", "Beste {first_name},\n\nWe nodigen je graag uit voor een "
               "gesprek over de functie {project} op {when}. Laat je weten of dit tijdstip je schikt?"),
        "en": ("Invitation to interview: {project}", "Dear {first_name},\n\nWe would like to invite you to an "
               "interview for {project} on {when}. Please let us know whether the time suits you."),
    },
    "rejection": {
        "nb": ("Søknaden din på {project}", "Hei {first_name},\n\nTakk for interessen for stillingen {project} og "
               "for tiden du brukte på søknaden. Etter en grundig vurdering har vi valgt å gå videre med andre "
               "kandidater. Vi ønsker deg lykke til videre."),
        "sv": ("Din ansökan till {project}", "Hej {first_name},\n\nTack för ditt intresse för tjänsten {project} "
               "och för tiden du lade på din ansökan. Efter noggrant övervägande har vi valt att gå vidare med andra "
               "kandidater. Vi önskar dig lycka till framöver."),
        "da": ("Din ansøgning til {project}", "Hej {first_name},\n\nTak for din interesse for stillingen {project} "
               "og for den tid, du har brugt på din ansøgning. Efter grundig overvejelse har vi valgt at gå videre "
               "med andre kandidater. Vi ønsker dig held og lykke fremover."),
        "fi": ("Hakemuksesi tehtävään {project}", "Hei {first_name},\n\nKiitos kiinnostuksestasi tehtävää {project} "
               "kohtaan ja ajasta, jonka käytit hakemukseesi. Huolellisen harkinnan jälkeen olemme päättäneet jatkaa "
               "muiden hakijoiden kanssa. Toivotamme sinulle onnea jatkoon."),
        "nl": ("Je sollicitatie voor {project}", "Beste {first_name},\n\nBedankt voor je interesse in de functie "
               "{project} en voor de tijd die je in je sollicitatie hebt gestoken. Na zorgvuldige afweging hebben we "
               "besloten verder te gaan met andere kandidaten. We wensen je veel succes."),
        "en": ("Your application for {project}", "Dear {first_name},\n\nThank you for your interest in {project} "
               "and for the time you spent on your application. After careful consideration we have decided to go "
               "ahead with other candidates. We wish you every success."),
    },
}
SIGN_OFF = {"nb": "Med vennlig hilsen", "sv": "Med vänliga hälsningar", "da": "Med venlig hilsen",
            "fi": "Ystävällisin terveisin", "nl": "Met vriendelijke groet", "en": "Kind regards"}
# Email reminders of an interview: (subject, body) per language.
REMINDERS = {
    "nb": ("Påminnelse: intervju for {project}", "Hei {first_name},\n\nDette er en påminnelse om intervjuet {when}. "
           "Vi gleder oss til å treffe deg."),
    "sv": ("Påminnelse: intervju för {project}", "Hej {first_name},\n\nDetta är en påminnelse om intervjun {when}. "
           "Vi ser fram emot att träffa dig."),
    "da": ("Påmindelse: samtale om {project}", "Hej {first_name},\n\nDette er en påmindelse om samtalen {when}. "
           "Vi glæder os til at møde dig."),
    "fi": ("Muistutus: haastattelu, {project}", "Hei {first_name},\n\nMuistutamme haastattelusta {when}. "
           "Tervetuloa!"),
    "nl": ("Herinnering: gesprek voor {project}", "Beste {first_name},\n\nDit is een herinnering aan het gesprek "
           "op {when}. We kijken ernaar uit je te ontmoeten."),
    "en": ("Reminder: interview for {project}", "Dear {first_name},\n\nThis is a reminder of your interview on "
           "{when}. We look forward to meeting you."),
}
# Babel patterns for an interview time inside a sentence ("… for X {when}.").
WHEN = {"nb": "EEEE d. MMMM 'kl.' HH:mm", "sv": "EEEE 'den' d MMMM 'kl.' HH.mm", "da": "EEEE 'den' d. MMMM 'kl.' HH.mm",
        "fi": "EEEE d. MMMM 'klo' H.mm", "nl": "EEEE d MMMM 'om' HH:mm 'uur'", "en": "EEEE d MMMM 'at' HH:mm"}
RATING_COMMENTS = ("Strong, relevant experience.", "Good communicator; would like to meet.", "Solid CV, a bit junior.",
                   "Great motivation in the letter.", "Not quite the profile we need.", "Top candidate for me.")

# Outcome weights per project status; offers and hires are placed per project instead.
OUTCOMES = {
    "open": (("new", 60), ("invited", 13), ("rejected", 15), ("withdrawn", 3), ("saved", 5), ("transferred", 3),
             ("restored", 2)),
    "closed": (("rejected", 62), ("withdrawn", 10), ("saved", 12), ("new", 4), ("invited", 2), ("transferred", 5),
               ("restored", 2)),
}
OUTCOMES = {k: (tuple(s for s, _ in v), tuple(w for _, w in v)) for k, v in OUTCOMES.items()}
# Rejection stages with weights, the interview each stage follows, and the reasons that fit.
STAGE_NAMES = tuple(stage.code for stage in STAGES)
STAGE_WEIGHTS = (45, 18, 7, 10, 12, 6, 2)  # per stage, in process order (applications.stages)
STAGE_INTERVIEW = {stage.code: stage.after_interview for stage in STAGES}
REASONS = {
    "after_application_review": ("requirement_not_met", "insufficient_experience", "better_matched_candidates",
                                 "insufficient_language_skills"),
    "after_screening": ("requirement_not_met", "requirement_not_met", "insufficient_language_skills"),
    "timed": ("better_matched_candidates", "position_filled_internally", "no_response"),
    "interview": ("better_matched_candidates", "better_matched_candidates", "insufficient_experience",
                  "candidate_declined", "other"),
}
# The statuses an application passed through, in order, to reach its current one.
PATHS = {"new": (), "invited": ("invited",), "offer": ("invited", "offer"), "hired": ("invited", "offer", "hired"),
         "withdrawn": ("withdrawn",), "saved": ("saved",), "transferred": ("transferred",),
         "restored": ("restored",), "rejected": ("rejected",)}
