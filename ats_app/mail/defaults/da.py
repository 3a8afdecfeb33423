"""Default email and letter texts in Danish: kind code → (subject, body HTML)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "application_received": (
        "Vi har modtaget din ansøgning til {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Tak, fordi du har søgt stillingen som {projecttitle} hos {companyname}. Vi har modtaget din ansøgning og sætter pris på din interesse.</p>
<p>Vi gennemgår nu ansøgningerne, og du hører fra os, så snart vi ved mere om det videre forløb.</p>
<p>Har du spørgsmål i mellemtiden, er du velkommen til at kontakte mig på {recruiteremail}.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_application_review": (
        "Din ansøgning til {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Tak, fordi du søgte stillingen som {projecttitle}, og for den tid, du brugte på din ansøgning.</p>
<p>Vi har læst din ansøgning grundigt og har besluttet ikke at gå videre med den i denne rekruttering.</p>
<p>{message}</p>
<p>Vi ønsker dig held og lykke med jobsøgningen.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_screening": (
        "Din ansøgning til {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Tak, fordi du søgte stillingen som {projecttitle}, og for den tid, du brugte på din ansøgning.</p>
<p>Dine svar på screeningspørgsmålene viser, at du ikke opfylder det, stillingen kræver: {requirement}. Din ansøgning går derfor ikke videre i denne rekruttering.</p>
<p>{message}</p>
<p>Vi vil hellere give besked tidligt og tydeligt, så du kan bruge din tid på andre muligheder. Du er velkommen til at søge andre stillinger hos os, hvor kravene passer bedre til din baggrund.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.timed": (
        "Din ansøgning til {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Tak, fordi du søgte stillingen som {projecttitle}, og for din tålmodighed, mens vi har behandlet ansøgningerne.</p>
<p>Din ansøgning er ikke gået videre i denne rekruttering, og vi afslutter den nu. Vi beklager, at der er gået et stykke tid, før du hørte fra os.</p>
<p>{message}</p>
<p>Tak for din interesse for {companyname}. Vi ønsker dig held og lykke med jobsøgningen.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_initial_meeting": (
        "Din ansøgning til {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Tak for samtalen om stillingen som {projecttitle}, og for den tid, du har brugt på forløbet indtil nu.</p>
<p>Vi har overvejet næste skridt grundigt og er kommet frem til, at vi ikke går videre med din ansøgning.</p>
<p>{message}</p>
<p>Vil du høre mere om, hvordan vi nåede frem til beslutningen, er du velkommen til at kontakte mig på {recruiteremail}. Jeg ønsker dig alt godt fremover.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_first_interview": (
        "Din ansøgning til {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Tak, fordi du kom til jobsamtale om stillingen som {projecttitle}. Vi satte pris på samtalen, og på at du tog dig tid til at forberede dig og fortælle os om dig selv.</p>
<p>Efter grundig overvejelse har vi besluttet ikke at gå videre med dig i forløbet. Vi ved, at det ikke er det svar, du havde håbet på.</p>
<p>{message}</p>
<p>Ønsker du feedback på samtalen, tager jeg gerne en snak med dig. Svar på denne e-mail, eller kontakt mig på {recruiteremail}.</p>
<p>Tak igen for din interesse for {companyname}, og held og lykke fremover.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_second_interview": (
        "Din ansøgning til {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Tak, fordi du kom til anden samtale om stillingen som {projecttitle}, og for al den tid og energi, du har lagt i forløbet. Det har været en fornøjelse at lære dig at kende.</p>
<p>Det har været et svært valg, og vi har besluttet ikke at gå videre med din ansøgning. Jeg beklager, at svaret bliver nej denne gang.</p>
<p>{message}</p>
<p>Jeg giver dig gerne feedback på forløbet, hvis du ønsker det. Svar på denne e-mail, eller kontakt mig på {recruiteremail}, så finder vi et tidspunkt at tale sammen.</p>
<p>Tak igen for den tillid, du har vist os. Jeg ønsker dig alt det bedste.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_third_interview": (
        "Din ansøgning til {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Tak for den tid og energi, du har lagt i hele forløbet om stillingen som {projecttitle}, gennem tre samtaler. Vi har virkelig sat pris på at lære dig at kende.</p>
<p>Du var blandt de sidste kandidater, vi overvejede, og beslutningen var svær. Vi har i sidste ende valgt en anden kandidat til stillingen, og jeg beklager at skulle give dig den besked.</p>
<p>{message}</p>
<p>Jeg giver dig meget gerne feedback, hvis du ønsker det. Svar på denne e-mail, eller kontakt mig på {recruiteremail}, så finder vi et tidspunkt at tale sammen.</p>
<p>Vi vil gerne se dig søge hos {companyname} igen i fremtiden. Alt godt.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.initial": (
        "Invitation til en indledende samtale om {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Tak for din ansøgning til stillingen som {projecttitle}. Vi vil gerne lære dig lidt bedre at kende og inviterer dig til en kort indledende samtale.</p>
<ul>
<li><strong>Hvad:</strong> {interviewtype}</li>
<li><strong>Hvornår:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Hvor:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Svar på invitationen via linket nedenfor, så vi ved, om tidspunktet passer dig. Passer det ikke, kan du bede os finde et nyt tidspunkt.</p>
<p>{confirmlink}</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.first": (
        "Invitation til jobsamtale – {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Tak for din ansøgning til stillingen som {projecttitle}. Vi har læst den med interesse og vil gerne møde dig til en jobsamtale for at lære dig bedre at kende og fortælle mere om stillingen og om os.</p>
<ul>
<li><strong>Hvad:</strong> {interviewtype}</li>
<li><strong>Hvornår:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Hvor:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Svar på invitationen via linket nedenfor. Passer tidspunktet ikke, kan du bede os kontakte dig for at finde et nyt.</p>
<p>{confirmlink}</p>
<p>Har du spørgsmål, inden vi mødes, er du velkommen til at kontakte mig på {recruiteremail}. Vi glæder os til at møde dig.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.second": (
        "Invitation til anden samtale – {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Tak for samtalen om stillingen som {projecttitle}. Det var dejligt at tale med dig, og vi vil gerne invitere dig til en anden samtale, hvor vi går mere i dybden med stillingen og din erfaring.</p>
<ul>
<li><strong>Hvad:</strong> {interviewtype}</li>
<li><strong>Hvornår:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Hvor:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Svar på invitationen via linket nedenfor. Passer tidspunktet ikke, kan du bede os kontakte dig for at finde et nyt.</p>
<p>{confirmlink}</p>
<p>Har du spørgsmål, inden vi mødes, er du velkommen til at kontakte mig på {recruiteremail}. Vi glæder os til at se dig igen.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.third": (
        "Invitation til tredje samtale – {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Tak for samtalerne indtil nu. Vi nærmer os en beslutning og vil gerne invitere dig til en tredje samtale om stillingen som {projecttitle}.</p>
<ul>
<li><strong>Hvad:</strong> {interviewtype}</li>
<li><strong>Hvornår:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Hvor:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Svar på invitationen via linket nedenfor. Passer tidspunktet ikke, kan du bede os kontakte dig for at finde et nyt.</p>
<p>{confirmlink}</p>
<p>Har du spørgsmål, inden vi mødes, er du velkommen til at kontakte mig på {recruiteremail}. Vi glæder os til at se dig igen.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.reminder": (
        "Påmindelse: jobsamtale {interviewdate}",
        """<p>Kære {firstname},</p>
<p>Dette er en påmindelse om din samtale om stillingen som {projecttitle}.</p>
<ul>
<li><strong>Hvad:</strong> {interviewtype}</li>
<li><strong>Hvornår:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Hvor:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Har du endnu ikke svaret på invitationen, eller har dine planer ændret sig, så giv os besked via linket nedenfor.</p>
<p>{confirmlink}</p>
<p>Vi glæder os til at tale med dig.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "offer": (
        "Jobtilbud: {offerposition} hos {companyname}",
        """<p>Hej {firstname},</p>
<p>Tak for de gode samtaler i løbet af rekrutteringsprocessen. Det er en glæde at kunne tilbyde dig stillingen som {offerposition} hos {companyname}.</p>
<p>{offersummary}</p>
<p>{offerterms}</p>
<p>Giv os dit svar senest {offervaliduntil} via linket nedenfor. Der kan du takke ja, takke nej eller stille mig et spørgsmål.</p>
<p>{offerlink}</p>
<p>Du er velkommen til at kontakte mig, hvis du vil tale om noget. Vi håber meget, at du siger ja, og glæder os til at arbejde sammen med dig.</p>
<p>Venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "candidate_saved": (
        "Din profil i CV-databasen hos {companyname}",
        """<p>Kære {firstname},</p>
<p>Tak for din interesse for {companyname}. Vi har gemt dine oplysninger i vores CV-database, så vi kan kontakte dig, når der bliver ledig en stilling, der passer til din baggrund.</p>
<p>Du kan når som helst se og opdatere din profil, og du kan også trække den tilbage og få dine oplysninger slettet, når du vil. For at få adgang vælger du din egen adgangskode via linket nedenfor.</p>
<p>{setpasswordlink}</p>
<p>Linket virker i 48 timer og kan kun bruges én gang. Af hensyn til din sikkerhed sender vi aldrig adgangskoder via e-mail. Er linket udløbet, kan du kontakte mig på {recruiteremail}, så sender jeg dig et nyt.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "transferred_to_cv_database": (
        "Dine oplysninger er gemt i vores CV-database",
        """<p>Kære {firstname},</p>
<p>Tak for din interesse for {companyname}. Vi har overført dine oplysninger til vores CV-database, så vi kan kontakte dig, når der bliver ledig en stilling, der passer til din baggrund.</p>
<p>Vil du se eller opdatere dine oplysninger, eller vil du hellere have, at vi sletter dem, så svar blot på denne e-mail, eller kontakt mig på {recruiteremail}. Du kan når som helst trække dine oplysninger tilbage.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "panel_review": (
        "Vurdér kandidaterne til {projecttitle}",
        """<p>Hej {reviewername},</p>
<p>Jeg vil gerne have din hjælp til at vurdere de {candidatecount} kandidater til stillingen som {projecttitle}. Via linket nedenfor kan du se kandidaterne, give hver af dem en karakter fra 1 (lavest) til 7 (højest) og tilføje en kommentar.</p>
<p>{reviewlink}</p>
<p>Linket er personligt, så send det ikke videre; oplysningerne om kandidaterne er fortrolige. Giv dine vurderinger senest {duedate}; indtil da kan du ændre dem.</p>
<p>Tak for hjælpen!</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "contract": (
        "Din ansættelseskontrakt – {projecttitle}",
        """<p>Kære {firstname},</p>
<p>Vi er glade for, at du starter hos {companyname} som {projecttitle}. Din ansættelseskontrakt er vedhæftet denne e-mail som PDF.</p>
<p>Læs kontrakten grundigt. Åbn derefter linket nedenfor, og bekræft, at du har modtaget og accepterer den; der kan du også downloade kontrakten igen:</p>
<p>{contractlink}</p>
<p>Er noget uklart, eller mener du, at noget mangler, så svar på denne e-mail, så finder vi ud af det.</p>
<p>Vi glæder os til at byde dig velkommen.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "letter.application_received": (
        "Din ansøgning til stillingen som {projecttitle}",
        """<p>Kære {fullname},</p>
<p>Tak for din ansøgning til stillingen som {projecttitle} hos {companyname}. Vi modtog den {applicationdate}.</p>
<p>Vi gennemgår alle ansøgninger grundigt og vender tilbage til dig om det videre forløb, så snart vi kan.</p>
<p>Har du spørgsmål, kan du kontakte mig på {recruiteremail}.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
    "letter.application_rejected": (
        "Din ansøgning til stillingen som {projecttitle}",
        """<p>Kære {fullname},</p>
<p>Tak for din ansøgning til stillingen som {projecttitle} hos {companyname}, og for den tid, du brugte på den.</p>
<p>Vi har nu overvejet din ansøgning grundigt og må desværre meddele, at vi ikke går videre med den.</p>
<p>{message}</p>
<p>Vi ønsker dig held og lykke fremover.</p>
<p>Med venlig hilsen<br>{recruitername}<br>{companyname}</p>""",
    ),
}
