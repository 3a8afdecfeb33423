"""Default email and letter texts in Dutch: kind code → (subject, body HTML).

Emails address the candidate with "je"; the paper letters are formal and use "u".
"""

TEMPLATES: dict[str, tuple[str, str]] = {
    "application_received": (
        "We hebben je sollicitatie op de vacature {projecttitle} ontvangen",
        """<p>Beste {firstname},</p>
<p>Bedankt voor je sollicitatie op de vacature {projecttitle} bij {companyname}. We hebben je sollicitatie in goede orde ontvangen en waarderen je interesse.</p>
<p>We gaan de sollicitaties nu bekijken en laten je zo snel mogelijk weten hoe het verdergaat.</p>
<p>Heb je in de tussentijd vragen? Neem dan gerust contact met me op via {recruiteremail}.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_application_review": (
        "Je sollicitatie op de vacature {projecttitle}",
        """<p>Beste {firstname},</p>
<p>Bedankt voor je sollicitatie op de vacature {projecttitle} en voor de tijd die je erin hebt gestoken.</p>
<p>We hebben je sollicitatie zorgvuldig gelezen en hebben besloten om in deze procedure niet verder te gaan met je sollicitatie.</p>
<p>{message}</p>
<p>We wensen je veel succes met je zoektocht naar een nieuwe baan.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_screening": (
        "Je sollicitatie op de vacature {projecttitle}",
        """<p>Beste {firstname},</p>
<p>Bedankt voor je sollicitatie op de vacature {projecttitle} en voor de tijd die je erin hebt gestoken.</p>
<p>Uit je antwoorden op de selectievragen blijkt dat je niet voldoet aan wat deze functie vraagt: {requirement}. Je sollicitatie gaat daarom niet verder in deze procedure.</p>
<p>{message}</p>
<p>We laten het je liever vroeg en duidelijk weten, zodat je je tijd aan andere kansen kunt besteden. Je bent van harte welkom om te solliciteren op andere vacatures bij ons die beter aansluiten bij je achtergrond.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.timed": (
        "Je sollicitatie op de vacature {projecttitle}",
        """<p>Beste {firstname},</p>
<p>Bedankt voor je sollicitatie op de vacature {projecttitle} en voor je geduld terwijl we de sollicitaties hebben behandeld.</p>
<p>Je sollicitatie is in deze procedure niet verder gekomen, en we sluiten die nu af. Het spijt ons dat het even heeft geduurd voordat je van ons hoorde.</p>
<p>{message}</p>
<p>Bedankt voor je interesse in {companyname}. We wensen je veel succes met je zoektocht naar een nieuwe baan.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_initial_meeting": (
        "Je sollicitatie op de vacature {projecttitle}",
        """<p>Beste {firstname},</p>
<p>Bedankt voor het gesprek over de vacature {projecttitle} en voor de tijd die je tot nu toe in de procedure hebt gestoken.</p>
<p>We hebben goed nagedacht over de volgende stap en zijn tot de conclusie gekomen dat we niet verdergaan met je sollicitatie.</p>
<p>{message}</p>
<p>Wil je meer horen over hoe we tot dit besluit zijn gekomen? Neem dan gerust contact met me op via {recruiteremail}. Ik wens je het allerbeste.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_first_interview": (
        "Je sollicitatie op de vacature {projecttitle}",
        """<p>Beste {firstname},</p>
<p>Bedankt dat je bij ons op gesprek bent geweest voor de vacature {projecttitle}. We hebben het gesprek gewaardeerd, en ook dat je de tijd nam om je voor te bereiden en over jezelf te vertellen.</p>
<p>Na zorgvuldige afweging hebben we besloten om niet met je verder te gaan in de procedure. We begrijpen dat dit niet het antwoord is waarop je had gehoopt.</p>
<p>{message}</p>
<p>Wil je feedback op het gesprek? Dan bespreek ik dat graag met je. Beantwoord deze e-mail of neem contact met me op via {recruiteremail}.</p>
<p>Nogmaals bedankt voor je interesse in {companyname}, en veel succes in de toekomst.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_second_interview": (
        "Je sollicitatie op de vacature {projecttitle}",
        """<p>Beste {firstname},</p>
<p>Bedankt dat je voor een tweede gesprek bij ons bent geweest voor de vacature {projecttitle}, en voor alle tijd en energie die je in de procedure hebt gestoken. Het was fijn om je te leren kennen.</p>
<p>Het was een moeilijke keuze, en we hebben besloten om niet verder te gaan met je sollicitatie. Het spijt me dat het antwoord deze keer nee is.</p>
<p>{message}</p>
<p>Ik geef je graag feedback op de procedure als je dat wilt. Beantwoord deze e-mail of neem contact met me op via {recruiteremail}, dan plannen we een moment om te praten.</p>
<p>Nogmaals bedankt voor het vertrouwen dat je in ons hebt gesteld. Ik wens je veel succes.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_third_interview": (
        "Je sollicitatie op de vacature {projecttitle}",
        """<p>Beste {firstname},</p>
<p>Bedankt voor de tijd en energie die je in de hele procedure voor de vacature {projecttitle} hebt gestoken, met drie gesprekken. We hebben het erg gewaardeerd om je te leren kennen.</p>
<p>Je hoorde bij de laatste kandidaten die we overwogen, en het besluit was moeilijk. Uiteindelijk hebben we voor een andere kandidaat gekozen, en het spijt me dat ik je dit moet laten weten.</p>
<p>{message}</p>
<p>Ik geef je heel graag feedback als je dat wilt. Beantwoord deze e-mail of neem contact met me op via {recruiteremail}, dan plannen we een moment om te praten.</p>
<p>We zouden het fijn vinden als je in de toekomst weer bij {companyname} solliciteert. Het allerbeste.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.initial": (
        "Uitnodiging voor een kennismakingsgesprek: {projecttitle}",
        """<p>Beste {firstname},</p>
<p>Bedankt voor je sollicitatie op de vacature {projecttitle}. We willen je graag wat beter leren kennen en nodigen je uit voor een kort kennismakingsgesprek.</p>
<ul>
<li><strong>Wat:</strong> {interviewtype}</li>
<li><strong>Wanneer:</strong> {interviewdate} om {interviewtime} uur ({duration})</li>
<li><strong>Waar:</strong> {address}</li>
<li><strong>Met:</strong> {interviewers}</li>
</ul>
<p>Wil je via de link hieronder op de uitnodiging reageren? Dan weten we of het tijdstip je uitkomt. Komt het niet uit, dan kun je ons vragen een nieuw tijdstip te zoeken.</p>
<p>{confirmlink}</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.first": (
        "Uitnodiging voor een sollicitatiegesprek: {projecttitle}",
        """<p>Beste {firstname},</p>
<p>Bedankt voor je sollicitatie op de vacature {projecttitle}. We hebben die met interesse gelezen en nodigen je graag uit voor een gesprek, om je beter te leren kennen en je meer te vertellen over de functie en over ons.</p>
<ul>
<li><strong>Wat:</strong> {interviewtype}</li>
<li><strong>Wanneer:</strong> {interviewdate} om {interviewtime} uur ({duration})</li>
<li><strong>Waar:</strong> {address}</li>
<li><strong>Met:</strong> {interviewers}</li>
</ul>
<p>Wil je via de link hieronder op de uitnodiging reageren? Komt het tijdstip niet uit, dan kun je ons vragen contact met je op te nemen voor een nieuw tijdstip.</p>
<p>{confirmlink}</p>
<p>Heb je vragen voordat we elkaar zien? Neem dan gerust contact met me op via {recruiteremail}. We kijken ernaar uit je te ontmoeten.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.second": (
        "Uitnodiging voor een tweede gesprek: {projecttitle}",
        """<p>Beste {firstname},</p>
<p>Bedankt voor het gesprek over de vacature {projecttitle}. We vonden het prettig om met je te praten en nodigen je graag uit voor een tweede gesprek, waarin we dieper ingaan op de functie en je ervaring.</p>
<ul>
<li><strong>Wat:</strong> {interviewtype}</li>
<li><strong>Wanneer:</strong> {interviewdate} om {interviewtime} uur ({duration})</li>
<li><strong>Waar:</strong> {address}</li>
<li><strong>Met:</strong> {interviewers}</li>
</ul>
<p>Wil je via de link hieronder op de uitnodiging reageren? Komt het tijdstip niet uit, dan kun je ons vragen contact met je op te nemen voor een nieuw tijdstip.</p>
<p>{confirmlink}</p>
<p>Heb je vragen voordat we elkaar zien? Neem dan gerust contact met me op via {recruiteremail}. We kijken ernaar uit je weer te zien.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.third": (
        "Uitnodiging voor een derde gesprek: {projecttitle}",
        """<p>Beste {firstname},</p>
<p>Bedankt voor de gesprekken tot nu toe. We naderen een besluit en nodigen je graag uit voor een derde gesprek over de vacature {projecttitle}.</p>
<ul>
<li><strong>Wat:</strong> {interviewtype}</li>
<li><strong>Wanneer:</strong> {interviewdate} om {interviewtime} uur ({duration})</li>
<li><strong>Waar:</strong> {address}</li>
<li><strong>Met:</strong> {interviewers}</li>
</ul>
<p>Wil je via de link hieronder op de uitnodiging reageren? Komt het tijdstip niet uit, dan kun je ons vragen contact met je op te nemen voor een nieuw tijdstip.</p>
<p>{confirmlink}</p>
<p>Heb je vragen voordat we elkaar zien? Neem dan gerust contact met me op via {recruiteremail}. We kijken ernaar uit je weer te zien.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.reminder": (
        "Herinnering: je gesprek op {interviewdate}",
        """<p>Beste {firstname},</p>
<p>Dit is een herinnering aan je gesprek over de vacature {projecttitle}.</p>
<ul>
<li><strong>Wat:</strong> {interviewtype}</li>
<li><strong>Wanneer:</strong> {interviewdate} om {interviewtime} uur ({duration})</li>
<li><strong>Waar:</strong> {address}</li>
<li><strong>Met:</strong> {interviewers}</li>
</ul>
<p>Heb je nog niet op de uitnodiging gereageerd, of zijn je plannen veranderd? Laat het ons dan weten via de link hieronder.</p>
<p>{confirmlink}</p>
<p>We kijken uit naar het gesprek.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "offer": (
        "Aanbod: {offerposition} bij {companyname}",
        """<p>Beste {firstname},</p>
<p>Bedankt voor de goede gesprekken tijdens de sollicitatieprocedure. Met veel plezier bied ik je de functie van {offerposition} bij {companyname} aan.</p>
<p>{offersummary}</p>
<p>{offerterms}</p>
<p>Laat ons uiterlijk {offervaliduntil} je antwoord weten via de link hieronder. Daar kun je het aanbod aannemen, afwijzen of mij een vraag stellen.</p>
<p>{offerlink}</p>
<p>Neem gerust contact met me op als je iets wilt bespreken. We hopen van harte dat je ja zegt en kijken ernaar uit om met je samen te werken.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "candidate_saved": (
        "Je profiel in de cv-database van {companyname}",
        """<p>Beste {firstname},</p>
<p>Bedankt voor je interesse in {companyname}. We hebben je gegevens opgeslagen in onze cv-database, zodat we contact met je kunnen opnemen wanneer er een vacature vrijkomt die bij je achtergrond past.</p>
<p>Je kunt je profiel op elk moment bekijken en bijwerken, en je kunt het ook intrekken en je gegevens laten verwijderen wanneer je wilt. Om toegang te krijgen, stel je via de link hieronder je eigen wachtwoord in.</p>
<p>{setpasswordlink}</p>
<p>De link is 48 uur geldig en kan maar één keer worden gebruikt. Voor je veiligheid sturen we nooit wachtwoorden per e-mail. Is de link verlopen, neem dan contact met me op via {recruiteremail}, dan stuur ik je een nieuwe.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "transferred_to_cv_database": (
        "Je gegevens staan in onze cv-database",
        """<p>Beste {firstname},</p>
<p>Bedankt voor je interesse in {companyname}. We hebben je gegevens overgezet naar onze cv-database, zodat we contact met je kunnen opnemen wanneer er een vacature vrijkomt die bij je achtergrond past.</p>
<p>Wil je je gegevens inzien of bijwerken, of heb je liever dat we ze verwijderen? Beantwoord dan gewoon deze e-mail of neem contact met me op via {recruiteremail}. Je kunt je gegevens op elk moment laten verwijderen.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "panel_review": (
        "Beoordeel de kandidaten voor {projecttitle}",
        """<p>Beste {reviewername},</p>
<p>Ik wil graag je hulp bij het beoordelen van de {candidatecount} kandidaten voor de vacature {projecttitle}. Via de link hieronder kun je de kandidaten bekijken, iedere kandidaat een score geven van 1 (laagst) tot 7 (hoogst) en een opmerking toevoegen.</p>
<p>{reviewlink}</p>
<p>De link is persoonlijk, dus stuur hem niet door; de gegevens van de kandidaten zijn vertrouwelijk. Geef je beoordeling uiterlijk {duedate}; tot dan kun je die nog wijzigen.</p>
<p>Alvast bedankt!</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "contract": (
        "Je arbeidsovereenkomst: {projecttitle}",
        """<p>Beste {firstname},</p>
<p>We zijn blij dat je bij {companyname} komt werken als {projecttitle}. Je arbeidsovereenkomst zit als pdf bij deze e-mail.</p>
<p>Lees de overeenkomst zorgvuldig door. Open daarna de link hieronder om te bevestigen dat je haar hebt ontvangen en ermee akkoord gaat; daar kun je de overeenkomst ook opnieuw downloaden:</p>
<p>{contractlink}</p>
<p>Is er iets onduidelijk of mis je iets, beantwoord dan deze e-mail, dan lossen we het op.</p>
<p>We kijken ernaar uit je te verwelkomen.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "letter.application_received": (
        "Uw sollicitatie op de vacature {projecttitle}",
        """<p>Geachte {fullname},</p>
<p>Hartelijk dank voor uw sollicitatie op de vacature {projecttitle} bij {companyname}. Wij hebben uw sollicitatie op {applicationdate} ontvangen.</p>
<p>Wij bekijken alle sollicitaties zorgvuldig en laten u zo snel mogelijk weten hoe de procedure verder verloopt.</p>
<p>Heeft u vragen, dan kunt u mij bereiken via {recruiteremail}.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "letter.application_rejected": (
        "Uw sollicitatie op de vacature {projecttitle}",
        """<p>Geachte {fullname},</p>
<p>Hartelijk dank voor uw sollicitatie op de vacature {projecttitle} bij {companyname}, en voor de tijd die u erin heeft gestoken.</p>
<p>Wij hebben uw sollicitatie zorgvuldig overwogen en moeten u helaas laten weten dat wij niet verdergaan met uw sollicitatie.</p>
<p>{message}</p>
<p>Wij wensen u veel succes in uw verdere loopbaan.</p>
<p>Met vriendelijke groet,<br>{recruitername}<br>{companyname}</p>""",
    ),
}
