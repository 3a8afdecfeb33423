"""The contract templates every database starts with: one organisation-wide template per language.

Believable permanent-employment contracts in the shape each country's employers use (the Norwegian
Working Environment Act's § 14-6 list, the Swedish LAS, the Danish Ansættelsesbevisloven, the Dutch
arbeidsovereenkomst, the Finnish työsopimus), written in the editor's text format with the contract tags
and one variable of their own, the probation period in months. Admins edit or archive them like any other.
"""

from sqlmodel import Session, col, select

from ats_app.mail.markup import markdown_to_html
from ats_app.models import ContractTemplate, ContractTemplateVersion

PROBATION = {"en": "Probation period (months)", "nb": "Prøvetid (måneder)", "sv": "Provanställning (månader)",
             "da": "Prøvetid (måneder)", "nl": "Proeftijd (maanden)", "fi": "Koeaika (kuukautta)"}

TITLES = {"en": "Employment contract (permanent)", "nb": "Arbeidsavtale (fast ansettelse)",
          "sv": "Anställningsavtal (tillsvidare)", "da": "Ansættelseskontrakt (fastansættelse)",
          "nl": "Arbeidsovereenkomst (onbepaalde tijd)", "fi": "Työsopimus (toistaiseksi voimassa oleva)"}

TEXTS = {
    "en": """**1. The parties**

Employer: {companyname}, {companyaddress}
Employee: {fullname}, {candidateaddress}, born {birthdate}

**2. Position and place of work**

The employee is employed as {offerposition} in {offerdepartment}. The place of work is {placeofwork}.

**3. Start date and probation**

The employment is permanent and starts on {startdate}. The first {probation_months} months are a probation period.

**4. Working hours**

{hours}. Overtime is paid as agreed in the employer's staff handbook.

**5. Salary**

The salary is {salary}, paid on the 25th of each month into the employee's bank account.

**6. Holiday**

The employee is entitled to 25 working days' paid holiday a year.

**7. Notice**

During the probation period the notice period is 14 days for both parties; after it, one month, rising with length of service as the law provides. Notice is given in writing.

**8. Other terms**

{offerterms}

This contract is made in two copies, one for each party.""",
    "nb": """**1. Partene**

Arbeidsgiver: {companyname}, {companyaddress}
Arbeidstaker: {fullname}, {candidateaddress}, født {birthdate}

**2. Stilling og arbeidssted**

Arbeidstakeren ansettes som {offerposition} i {offerdepartment}. Arbeidsstedet er {placeofwork}.

**3. Tiltredelse og prøvetid**

Ansettelsen er fast og starter {startdate}. De første {probation_months} månedene er prøvetid, jf. arbeidsmiljøloven § 15-6.

**4. Arbeidstid**

{hours}. Overtid godtgjøres etter arbeidsmiljøloven § 10-6 og personalhåndboken.

**5. Lønn**

Lønnen er {salary}, og utbetales den 25. hver måned til arbeidstakerens bankkonto.

**6. Ferie**

Arbeidstakeren har rett til ferie etter ferieloven, fem uker i året. Feriepenger utbetales i juni.

**7. Oppsigelse**

I prøvetiden er den gjensidige oppsigelsesfristen 14 dager. Etter prøvetiden er fristen én måned, og lenger etter arbeidsmiljøloven § 15-3. Oppsigelse skal være skriftlig.

**8. Øvrige vilkår**

{offerterms}

Avtalen er skrevet i to eksemplarer, ett til hver av partene.""",
    "sv": """**1. Parter**

Arbetsgivare: {companyname}, {companyaddress}
Arbetstagare: {fullname}, {candidateaddress}, född {birthdate}

**2. Befattning och arbetsplats**

Arbetstagaren anställs som {offerposition} inom {offerdepartment}. Arbetsplatsen är {placeofwork}.

**3. Tillträde och provanställning**

Anställningen gäller tills vidare från och med {startdate}. De första {probation_months} månaderna är provanställning enligt 6 § lagen om anställningsskydd.

**4. Arbetstid**

{hours}. Övertid ersätts enligt gällande kollektivavtal.

**5. Lön**

Lönen är {salary} och betalas ut den 25:e varje månad.

**6. Semester**

Arbetstagaren har rätt till 25 semesterdagar per år enligt semesterlagen.

**7. Uppsägning**

Under provanställningen kan båda parter avsluta anställningen med 14 dagars varsel. Därefter gäller uppsägningstid enligt lagen om anställningsskydd, lägst en månad. Uppsägning ska ske skriftligen.

**8. Övriga villkor**

{offerterms}

Detta avtal har upprättats i två exemplar, varav parterna tagit var sitt.""",
    "da": """**1. Parterne**

Arbejdsgiver: {companyname}, {companyaddress}
Medarbejder: {fullname}, {candidateaddress}, født {birthdate}

**2. Stilling og arbejdssted**

Medarbejderen ansættes som {offerposition} i {offerdepartment}. Arbejdsstedet er {placeofwork}.

**3. Tiltrædelse og prøvetid**

Ansættelsen er tidsubegrænset og begynder {startdate}. De første {probation_months} måneder er prøvetid.

**4. Arbejdstid**

{hours}. Overarbejde honoreres efter personalehåndbogen.

**5. Løn**

Lønnen er {salary} og udbetales bagud den sidste bankdag i måneden.

**6. Ferie**

Medarbejderen har ret til ferie med løn efter ferieloven, 25 feriedage om året, samt fem feriefridage.

**7. Opsigelse**

Opsigelse sker efter funktionærloven. I prøvetiden er opsigelsesvarslet fra arbejdsgivers side 14 dage. Opsigelse skal ske skriftligt.

**8. Øvrige vilkår**

{offerterms}

Kontrakten er udfærdiget i to eksemplarer, ét til hver part.""",
    "nl": """**1. Partijen**

Werkgever: {companyname}, {companyaddress}
Werknemer: {fullname}, {candidateaddress}, geboren op {birthdate}

**2. Functie en standplaats**

De werknemer treedt in dienst als {offerposition} bij {offerdepartment}. De standplaats is {placeofwork}.

**3. Indiensttreding en proeftijd**

De arbeidsovereenkomst wordt aangegaan voor onbepaalde tijd met ingang van {startdate}. De eerste {probation_months} maanden gelden als proeftijd (artikel 7:652 BW).

**4. Arbeidsduur**

{hours}. Overwerk wordt vergoed volgens het personeelshandboek.

**5. Salaris**

Het salaris bedraagt {salary}, te betalen uiterlijk de 25e van iedere maand. De werknemer ontvangt 8% vakantietoeslag.

**6. Vakantie**

De werknemer heeft recht op 25 vakantiedagen per jaar bij een voltijds dienstverband.

**7. Opzegging**

Opzegging geschiedt schriftelijk tegen het einde van de maand, met inachtneming van de wettelijke opzegtermijn: voor de werknemer één maand, voor de werkgever volgens artikel 7:672 BW.

**8. Overige bepalingen**

{offerterms}

Aldus overeengekomen en in tweevoud opgemaakt.""",
    "fi": """**1. Sopijapuolet**

Työnantaja: {companyname}, {companyaddress}
Työntekijä: {fullname}, {candidateaddress}, syntynyt {birthdate}

**2. Tehtävä ja työntekopaikka**

Työntekijä palkataan tehtävään {offerposition} yksikköön {offerdepartment}. Työntekopaikka on {placeofwork}.

**3. Työsuhteen alkaminen ja koeaika**

Työsuhde on toistaiseksi voimassa oleva ja alkaa {startdate}. Työsuhteen ensimmäiset {probation_months} kuukautta ovat koeaikaa (työsopimuslaki 1:4).

**4. Työaika**

{hours}. Ylityöstä maksetaan korvaus työaikalain mukaan.

**5. Palkka**

Palkka on {salary}, ja se maksetaan kunkin kuukauden 25. päivänä työntekijän pankkitilille.

**6. Vuosiloma**

Vuosiloma määräytyy vuosilomalain mukaan, 2,5 arkipäivää kultakin täydeltä lomanmääräytymiskuukaudelta.

**7. Irtisanominen**

Koeaikana kumpikin osapuoli voi purkaa työsopimuksen. Koeajan jälkeen irtisanomisaika määräytyy työsopimuslain 6:3 mukaan. Irtisanominen tehdään kirjallisesti.

**8. Muut ehdot**

{offerterms}

Tätä sopimusta on tehty kaksi samansisältöistä kappaletta, yksi kummallekin sopijapuolelle.""",
}


def variables_for(language: str) -> list[dict]:
    """The default templates' own variable: the probation period in months."""
    return [{"key": "probation_months", "label": PROBATION[language], "type": "number"}]


def ensure_default_templates(session: Session) -> None:
    """Add the default template of each language that has no organisation-wide template yet (archived ones
    count: an admin who archived it meant it). Flushes, does not commit."""
    have = set(session.exec(select(ContractTemplate.language)
                            .where(col(ContractTemplate.department_id).is_(None))).all())
    for language, text in TEXTS.items():
        if language in have:
            continue
        template = ContractTemplate(title=TITLES[language], department_id=None, language=language)
        session.add(template)
        session.flush()
        session.add(ContractTemplateVersion(template_id=template.id, version=1, body_html=markdown_to_html(text),
                                            variables=variables_for(language)))
    session.flush()
