"""Default email and letter texts in Norwegian Bokmål: kind code → (subject, body HTML)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "application_received": (
        "Vi har mottatt søknaden din på {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Takk for at du har søkt på stillingen som {projecttitle} hos {companyname}. Vi har mottatt søknaden din, og vi setter pris på interessen.</p>
<p>Vi går nå gjennom søknadene, og du hører fra oss så snart vi vet mer om veien videre.</p>
<p>Har du spørsmål i mellomtiden, er du velkommen til å kontakte meg på {recruiteremail}.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_application_review": (
        "Søknaden din på {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Takk for at du søkte på stillingen som {projecttitle}, og for tiden du brukte på søknaden.</p>
<p>Vi har lest søknaden din nøye, og vi har kommet fram til at vi ikke går videre med den i denne rekrutteringen.</p>
<p>{message}</p>
<p>Vi ønsker deg lykke til videre med jobbsøkingen.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_screening": (
        "Søknaden din på {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Takk for at du søkte på stillingen som {projecttitle}, og for tiden du brukte på søknaden.</p>
<p>Svarene dine på utvalgsspørsmålene viser at du ikke oppfyller det stillingen krever: {requirement}. Søknaden din går derfor ikke videre i denne rekrutteringen.</p>
<p>{message}</p>
<p>Vi gir heller beskjed tidlig og tydelig, slik at du kan bruke tiden din på andre muligheter. Du er velkommen til å søke på andre stillinger hos oss der kravene passer bedre med bakgrunnen din.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.timed": (
        "Søknaden din på {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Takk for at du søkte på stillingen som {projecttitle}, og for tålmodigheten mens vi har behandlet søknadene.</p>
<p>Søknaden din har ikke gått videre i denne rekrutteringen, og vi avslutter den nå. Vi beklager at det har tatt tid før du hørte fra oss.</p>
<p>{message}</p>
<p>Takk for interessen for {companyname}. Vi ønsker deg lykke til videre med jobbsøkingen.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_initial_meeting": (
        "Søknaden din på {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Takk for samtalen om stillingen som {projecttitle}, og for tiden du har satt av til prosessen så langt.</p>
<p>Vi har tenkt nøye gjennom neste steg, og vi har kommet fram til at vi ikke går videre med søknaden din.</p>
<p>{message}</p>
<p>Vil du høre mer om hvordan vi kom fram til beslutningen, er du velkommen til å kontakte meg på {recruiteremail}. Jeg ønsker deg alt godt videre.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_first_interview": (
        "Søknaden din på {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Takk for at du kom på intervju til stillingen som {projecttitle}. Vi satte pris på samtalen, og på at du tok deg tid til å forberede deg og fortelle oss om deg selv.</p>
<p>Etter en grundig vurdering har vi bestemt oss for ikke å gå videre med deg i prosessen. Vi vet at dette ikke er svaret du håpet på.</p>
<p>{message}</p>
<p>Ønsker du en tilbakemelding på intervjuet, tar jeg gjerne en prat med deg. Svar på denne e-posten eller kontakt meg på {recruiteremail}.</p>
<p>Takk igjen for interessen for {companyname}, og lykke til videre.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_second_interview": (
        "Søknaden din på {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Takk for at du kom på andre intervju til stillingen som {projecttitle}, og for all tiden og innsatsen du har lagt ned i prosessen. Det har vært hyggelig å bli kjent med deg.</p>
<p>Dette har vært et vanskelig valg, og vi har bestemt oss for ikke å gå videre med søknaden din. Jeg beklager at svaret blir nei denne gangen.</p>
<p>{message}</p>
<p>Jeg gir deg gjerne en tilbakemelding på prosessen om du ønsker det. Svar på denne e-posten eller kontakt meg på {recruiteremail}, så finner vi et tidspunkt å snakke sammen.</p>
<p>Takk igjen for tilliten du har vist oss. Jeg ønsker deg lykke til videre.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_third_interview": (
        "Søknaden din på {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Takk for tiden og energien du har lagt ned i hele prosessen for stillingen som {projecttitle}, gjennom tre intervjuer. Vi har satt stor pris på å bli kjent med deg.</p>
<p>Du var blant de siste kandidatene vi vurderte, og beslutningen var vanskelig. Til slutt har vi valgt en annen kandidat til stillingen, og jeg beklager at jeg må gi deg denne beskjeden.</p>
<p>{message}</p>
<p>Jeg gir deg svært gjerne en tilbakemelding om du ønsker det. Svar på denne e-posten eller kontakt meg på {recruiteremail}, så finner vi et tidspunkt å snakke sammen.</p>
<p>Vi vil gjerne se deg søke hos {companyname} igjen senere. Alt godt videre.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.initial": (
        "Invitasjon til en første samtale om {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Takk for søknaden din på stillingen som {projecttitle}. Vi vil gjerne bli litt bedre kjent med deg, og inviterer deg til en kort første samtale.</p>
<ul>
<li><strong>Hva:</strong> {interviewtype}</li>
<li><strong>Når:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Hvor:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Svar på invitasjonen via lenken nedenfor, så vi vet om tidspunktet passer. Passer det ikke, kan du be oss finne et nytt tidspunkt.</p>
<p>{confirmlink}</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.first": (
        "Invitasjon til intervju – {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Takk for søknaden din på stillingen som {projecttitle}. Vi har lest den med interesse, og vil gjerne møte deg til et intervju for å bli bedre kjent med deg og fortelle mer om stillingen og om oss.</p>
<ul>
<li><strong>Hva:</strong> {interviewtype}</li>
<li><strong>Når:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Hvor:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Svar på invitasjonen via lenken nedenfor. Passer ikke tidspunktet, kan du be oss kontakte deg for å finne et nytt.</p>
<p>{confirmlink}</p>
<p>Har du spørsmål før vi møtes, er du velkommen til å kontakte meg på {recruiteremail}. Vi gleder oss til å møte deg.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.second": (
        "Invitasjon til andre intervju – {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Takk for intervjuet til stillingen som {projecttitle}. Det var hyggelig å snakke med deg, og vi vil gjerne invitere deg til et andre intervju der vi går dypere inn i stillingen og erfaringen din.</p>
<ul>
<li><strong>Hva:</strong> {interviewtype}</li>
<li><strong>Når:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Hvor:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Svar på invitasjonen via lenken nedenfor. Passer ikke tidspunktet, kan du be oss kontakte deg for å finne et nytt.</p>
<p>{confirmlink}</p>
<p>Har du spørsmål før vi møtes, er du velkommen til å kontakte meg på {recruiteremail}. Vi gleder oss til å se deg igjen.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.third": (
        "Invitasjon til tredje intervju – {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Takk for intervjuene så langt. Vi nærmer oss en beslutning, og vil gjerne invitere deg til et tredje intervju til stillingen som {projecttitle}.</p>
<ul>
<li><strong>Hva:</strong> {interviewtype}</li>
<li><strong>Når:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Hvor:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Svar på invitasjonen via lenken nedenfor. Passer ikke tidspunktet, kan du be oss kontakte deg for å finne et nytt.</p>
<p>{confirmlink}</p>
<p>Har du spørsmål før vi møtes, er du velkommen til å kontakte meg på {recruiteremail}. Vi gleder oss til å se deg igjen.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.reminder": (
        "Påminnelse: intervju {interviewdate}",
        """<p>Hei {firstname},</p>
<p>Dette er en påminnelse om intervjuet ditt til stillingen som {projecttitle}.</p>
<ul>
<li><strong>Hva:</strong> {interviewtype}</li>
<li><strong>Når:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Hvor:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Har du ikke svart på invitasjonen ennå, eller har planene dine endret seg, gi oss beskjed via lenken nedenfor.</p>
<p>{confirmlink}</p>
<p>Vi gleder oss til å snakke med deg.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "offer": (
        "Jobbtilbud: {offerposition} hos {companyname}",
        """<p>Hei {firstname},</p>
<p>Takk for gode samtaler gjennom rekrutteringsprosessen. Det er en glede å kunne tilby deg stillingen som {offerposition} hos {companyname}.</p>
<p>{offersummary}</p>
<p>{offerterms}</p>
<p>Gi oss svaret ditt innen {offervaliduntil} via lenken nedenfor. Der kan du takke ja, takke nei eller stille meg et spørsmål.</p>
<p>{offerlink}</p>
<p>Ta gjerne kontakt med meg hvis du vil snakke om noe. Vi håper virkelig at du takker ja, og gleder oss til å jobbe sammen med deg.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "candidate_saved": (
        "Profilen din i CV-databasen til {companyname}",
        """<p>Hei {firstname},</p>
<p>Takk for interessen for {companyname}. Vi har lagret opplysningene dine i CV-databasen vår, slik at vi kan kontakte deg når det dukker opp en stilling som passer med bakgrunnen din.</p>
<p>Du kan når som helst se og oppdatere profilen din, og du kan også trekke den tilbake og få opplysningene dine slettet når du vil. For å få tilgang lager du ditt eget passord via lenken nedenfor.</p>
<p>{setpasswordlink}</p>
<p>Lenken virker i 48 timer og kan bare brukes én gang. Av hensyn til sikkerheten din sender vi aldri passord på e-post. Har lenken gått ut, kan du kontakte meg på {recruiteremail}, så sender jeg deg en ny.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "transferred_to_cv_database": (
        "Opplysningene dine er lagret i CV-databasen vår",
        """<p>Hei {firstname},</p>
<p>Takk for interessen for {companyname}. Vi har overført opplysningene dine til CV-databasen vår, slik at vi kan kontakte deg når det dukker opp en stilling som passer med bakgrunnen din.</p>
<p>Vil du se eller oppdatere opplysningene dine, eller vil du heller at vi sletter dem, svarer du bare på denne e-posten eller kontakter meg på {recruiteremail}. Du kan når som helst trekke opplysningene dine tilbake.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "panel_review": (
        "Vurder kandidatene til {projecttitle}",
        """<p>Hei {reviewername},</p>
<p>Jeg vil gjerne ha hjelp til å vurdere de {candidatecount} kandidatene til stillingen som {projecttitle}. Via lenken nedenfor kan du se kandidatene, gi hver av dem en karakter fra 1 (lavest) til 7 (høyest) og legge til en kommentar.</p>
<p>{reviewlink}</p>
<p>Lenken er personlig, så ikke send den videre; opplysningene om kandidatene er fortrolige. Gi vurderingene dine innen {duedate}; fram til da kan du endre dem.</p>
<p>Takk for hjelpen!</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "contract": (
        "Arbeidsavtalen din – {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Vi er glade for at du begynner hos {companyname} som {projecttitle}. Arbeidsavtalen din ligger vedlagt denne e-posten som PDF.</p>
<p>Les avtalen nøye. Åpne deretter lenken nedenfor for å bekrefte at du har mottatt og godtar den; der kan du også laste ned avtalen på nytt:</p>
<p>{contractlink}</p>
<p>Er noe uklart, eller mener du at noe mangler, svarer du bare på denne e-posten, så ordner vi det.</p>
<p>Vi gleder oss til å ta imot deg.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "letter.application_received": (
        "Søknaden din på stillingen som {projecttitle}",
        """<p>Hei {fullname},</p>
<p>Takk for søknaden din på stillingen som {projecttitle} hos {companyname}. Vi mottok den {applicationdate}.</p>
<p>Vi vil gå nøye gjennom alle søknadene, og vi skriver til deg igjen så snart vi kan om veien videre.</p>
<p>Har du spørsmål, kan du nå meg på {recruiteremail}.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "letter.application_rejected": (
        "Søknaden din på stillingen som {projecttitle}",
        """<p>Hei {fullname},</p>
<p>Takk for søknaden din på stillingen som {projecttitle} hos {companyname}, og for tiden du brukte på den.</p>
<p>Vi har nå vurdert søknaden din nøye, og må dessverre meddele at vi ikke går videre med den.</p>
<p>{message}</p>
<p>Vi ønsker deg lykke til videre i arbeidslivet.</p>
<p>Med vennlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
}
