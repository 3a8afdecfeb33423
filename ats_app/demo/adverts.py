"""The demo projects' adverts: a short, believable text per language (headline, introduction, the job, what we
offer, contact person) in the editor's text format, stored as the editor stores it; and where each project is."""

from ats_app.demo.people import LANGUAGES, TITLES
from ats_app.mail.markup import markdown_to_html

# Where the default projects are (the bulk ones carry their city in the title).
PLACES = {"Senior backend-utvikler": "Oslo", "Frontend Developer (React)": "Oslo", "Key Account Manager, Danmark":
          "København", "Økonomicontroller": "Oslo", "Accountmanager Benelux": "Utrecht", "HR-rådgiver": "Oslo"}

# Per language: introduction, what we offer, contact line ({city}, {owner}, {email}).
FRAMES = {
    "nb": ("Nordlys AS lager programvare som hjelper nordiske bedrifter å ansette bedre. Nå søker vi en ny kollega "
           "i {city}.", "- Fleksibel arbeidstid og mulighet for hjemmekontor\n- Gode pensjons- og "
           "forsikringsordninger\n- Et engasjert team som deler kunnskap", "{owner}, {email}"),
    "sv": ("Nordlys AS gör programvara som hjälper nordiska företag att anställa bättre. Nu söker vi en ny kollega "
           "i {city}.", "- Flexibla arbetstider och möjlighet till distansarbete\n- Tjänstepension och "
           "friskvårdsbidrag\n- Ett engagerat team som delar med sig", "{owner}, {email}"),
    "da": ("Nordlys AS laver software, der hjælper nordiske virksomheder med at ansætte bedre. Nu søger vi en ny "
           "kollega i {city}.", "- Fleksible arbejdstider og mulighed for hjemmearbejde\n- Pension og "
           "sundhedsforsikring\n- Et engageret team, der deler viden", "{owner}, {email}"),
    "fi": ("Nordlys AS tekee ohjelmistoja, jotka auttavat pohjoismaisia yrityksiä rekrytoimaan paremmin. Etsimme "
           "nyt uutta kollegaa: {city}.", "- Joustavat työajat ja mahdollisuus etätyöhön\n- Työterveyshuolto ja "
           "liikuntaetu\n- Innostunut tiimi, joka jakaa osaamistaan", "{owner}, {email}"),
    "nl": ("Nordlys AS maakt software waarmee Noordse bedrijven beter werven. Voor ons team in {city} zoeken we een "
           "nieuwe collega.", "- Flexibele werktijden en de mogelijkheid om thuis te werken\n- Een goede "
           "pensioenregeling\n- Een betrokken team dat kennis deelt", "{owner}, {email}"),
    "en": ("Nordlys AS makes software that helps Nordic companies hire better. We are looking for a new colleague "
           "in {city}.", "- Flexible hours and the option to work from home\n- A good pension and insurance\n"
           "- A committed team that shares what it knows", "{owner}, {email}"),
}
# Per track, in the order of LANGUAGES (nb sv da fi nl en): what the job is.
JOBS = {
    "dev": "Du utvikler og drifter tjenestene våre sammen med et lite, selvstendig team.|Du utvecklar och driftar "
           "våra tjänster tillsammans med ett litet, självständigt team.|Du udvikler og driver vores tjenester "
           "sammen med et lille, selvstændigt team.|Kehität ja ylläpidät palveluitamme pienessä, itsenäisessä "
           "tiimissä.|Je ontwikkelt en beheert onze diensten samen met een klein, zelfstandig team.|You build and "
           "run our services together with a small, independent team.",
    "support": "Du hjelper kundene våre på telefon, e-post og chat, og gjør dem gode i systemet.|Du hjälper våra "
               "kunder via telefon, e-post och chatt.|Du hjælper vores kunder på telefon, e-mail og chat.|Autat "
               "asiakkaitamme puhelimessa, sähköpostissa ja chatissa.|Je helpt onze klanten via telefoon, e-mail "
               "en chat.|You help our customers by phone, email and chat.",
    "sales": "Du tar ansvar for våre største kunder og finner nye.|Du ansvarar för våra största kunder och hittar "
             "nya.|Du får ansvaret for vores største kunder og finder nye.|Vastaat suurimmista asiakkaistamme ja "
             "hankit uusia.|Je bent verantwoordelijk voor onze grootste klanten en vindt nieuwe.|You look after "
             "our largest customers and win new ones.",
    "finance": "Du har ansvar for månedsavslutning, rapportering og budsjett.|Du ansvarar för månadsbokslut, "
               "rapportering och budget.|Du har ansvaret for månedsafslutning, rapportering og budget.|Vastaat "
               "kuukausikatkosta, raportoinnista ja budjetista.|Je bent verantwoordelijk voor de maandafsluiting, "
               "rapportage en begroting.|You own the monthly close, reporting and the budget.",
    "logistics": "Du plukker, pakker og sender varer, og holder lageret i orden.|Du plockar, packar och skickar "
                 "varor och håller ordning på lagret.|Du plukker, pakker og sender varer og holder orden på "
                 "lageret.|Keräilet, pakkaat ja lähetät tuotteita ja pidät varaston järjestyksessä.|Je pickt, "
                 "verpakt en verzendt goederen en houdt het magazijn op orde.|You pick, pack and ship goods and "
                 "keep the warehouse in order.",
    "hr": "Du gir ledere råd om ansettelser, arbeidsrett og utvikling.|Du ger chefer råd om rekrytering, "
          "arbetsrätt och utveckling.|Du rådgiver ledere om ansættelser, arbejdsret og udvikling.|Neuvot esihenkilöitä "
          "rekrytoinneissa, työoikeudessa ja kehittämisessä.|Je adviseert leidinggevenden over werving, "
          "arbeidsrecht en ontwikkeling.|You advise managers on hiring, employment law and development.",
}
JOBS = {track: dict(zip(LANGUAGES, texts.split("|"))) for track, texts in JOBS.items()}

# What a knocked-out candidate may be told, per question key, in the order of LANGUAGES (nb sv da fi nl en).
KINDS = {"years": "number", "notice": "short_text"}  # the questions without a knock-out answer


def question_extras(key: str) -> dict:
    """What a demo question without a knock-out answer adds to its stored shape: its kind (then mandatory, as
    the shape before kinds read it); the knock-out ones carry their requirement (recruiting.REQUIREMENTS)."""
    return {"kind": KINDS[key], "mandatory": True} if key in KINDS else {}


def place_of(title: str) -> str:
    """The project's city: named for the default projects, else the last part of the title."""
    return PLACES.get(title) or title.rsplit(", ", 1)[-1]


def advert_rows(title: str, track: str, language: str, main: bool, city: str, owner: str,
                email: str) -> dict[str, str]:
    """The advert's parts in one language, as the editor stores them (headline as text, the rest as clean HTML);
    the main language's headline is the project's title, the others the job's name in that language."""
    introduction, offer, contact = FRAMES[language]
    name = TITLES[track][language]
    headline = title if main else f"{name[0].upper()}{name[1:]}, {city}"
    return {"headline": headline, "introduction": markdown_to_html(introduction.format(city=city)),
            "job": markdown_to_html(JOBS[track][language]), "offer": markdown_to_html(offer),
            "contact": markdown_to_html(contact.format(owner=owner, email=email))}
