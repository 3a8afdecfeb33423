"""Default email and letter texts in Swedish: kind code → (subject, body HTML)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "application_received": (
        "Vi har tagit emot din ansökan till {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Tack för att du har sökt tjänsten som {projecttitle} hos {companyname}. Vi har tagit emot din ansökan och uppskattar ditt intresse.</p>
<p>Vi går nu igenom ansökningarna, och du hör av oss så snart vi vet mer om hur vi går vidare.</p>
<p>Har du frågor under tiden är du välkommen att kontakta mig på {recruiteremail}.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_application_review": (
        "Din ansökan till {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Tack för att du sökte tjänsten som {projecttitle} och för den tid du lade på din ansökan.</p>
<p>Vi har läst din ansökan noggrant och har beslutat att inte gå vidare med den i den här rekryteringen.</p>
<p>{message}</p>
<p>Vi önskar dig lycka till i ditt fortsatta jobbsökande.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_screening": (
        "Din ansökan till {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Tack för att du sökte tjänsten som {projecttitle} och för den tid du lade på din ansökan.</p>
<p>Dina svar på urvalsfrågorna visar att du inte uppfyller det som tjänsten kräver: {requirement}. Din ansökan går därför inte vidare i den här rekryteringen.</p>
<p>{message}</p>
<p>Vi ger hellre besked tidigt och tydligt, så att du kan lägga din tid på andra möjligheter. Du är välkommen att söka andra tjänster hos oss där kraven passar din bakgrund bättre.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.timed": (
        "Din ansökan till {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Tack för att du sökte tjänsten som {projecttitle} och för ditt tålamod medan vi har gått igenom ansökningarna.</p>
<p>Din ansökan har inte gått vidare i den här rekryteringen, och vi avslutar den nu. Vi beklagar att det har dröjt innan du hörde av oss.</p>
<p>{message}</p>
<p>Tack för ditt intresse för {companyname}. Vi önskar dig lycka till i ditt fortsatta jobbsökande.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_initial_meeting": (
        "Din ansökan till {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Tack för samtalet om tjänsten som {projecttitle} och för den tid du har lagt på processen hittills.</p>
<p>Vi har noga övervägt nästa steg och har kommit fram till att inte gå vidare med din ansökan.</p>
<p>{message}</p>
<p>Vill du höra mer om hur vi kom fram till beslutet är du välkommen att kontakta mig på {recruiteremail}. Jag önskar dig allt gott framöver.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_first_interview": (
        "Din ansökan till {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Tack för att du kom på intervju för tjänsten som {projecttitle}. Vi uppskattade samtalet, och att du tog dig tid att förbereda dig och berätta om dig själv.</p>
<p>Efter noggrant övervägande har vi beslutat att inte gå vidare med dig i processen. Vi vet att det inte är det svar du hade hoppats på.</p>
<p>{message}</p>
<p>Vill du ha återkoppling på intervjun pratar jag gärna med dig. Svara på det här mejlet eller kontakta mig på {recruiteremail}.</p>
<p>Tack igen för ditt intresse för {companyname}, och lycka till framöver.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_second_interview": (
        "Din ansökan till {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Tack för att du kom på en andra intervju för tjänsten som {projecttitle}, och för all tid och energi du har lagt på processen. Det har varit roligt att lära känna dig.</p>
<p>Det här har varit ett svårt val, och vi har beslutat att inte gå vidare med din ansökan. Jag beklagar att svaret blir nej den här gången.</p>
<p>{message}</p>
<p>Jag ger dig gärna återkoppling på processen om du vill. Svara på det här mejlet eller kontakta mig på {recruiteremail}, så hittar vi en tid att prata.</p>
<p>Tack igen för förtroendet du har visat oss. Jag önskar dig lycka till.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_third_interview": (
        "Din ansökan till {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Tack för den tid och energi du har lagt på hela processen för tjänsten som {projecttitle}, genom tre intervjuer. Vi har verkligen uppskattat att lära känna dig.</p>
<p>Du var en av de sista kandidaterna vi övervägde, och beslutet var svårt. Till slut har vi valt en annan kandidat till tjänsten, och jag beklagar att behöva ge dig det beskedet.</p>
<p>{message}</p>
<p>Jag ger dig mycket gärna återkoppling om du vill. Svara på det här mejlet eller kontakta mig på {recruiteremail}, så hittar vi en tid att prata.</p>
<p>Vi ser gärna att du söker dig till {companyname} igen i framtiden. Allt gott.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.initial": (
        "Inbjudan till ett första samtal om {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Tack för din ansökan till tjänsten som {projecttitle}. Vi vill gärna lära känna dig lite bättre och bjuder in dig till ett kort första samtal.</p>
<ul>
<li><strong>Vad:</strong> {interviewtype}</li>
<li><strong>När:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Var:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Svara på inbjudan via länken nedan, så att vi vet om tiden passar. Passar den inte kan du be oss hitta en ny tid.</p>
<p>{confirmlink}</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.first": (
        "Inbjudan till intervju – {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Tack för din ansökan till tjänsten som {projecttitle}. Vi har läst den med intresse och vill gärna träffa dig på en intervju, för att lära känna dig bättre och berätta mer om tjänsten och om oss.</p>
<ul>
<li><strong>Vad:</strong> {interviewtype}</li>
<li><strong>När:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Var:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Svara på inbjudan via länken nedan. Passar inte tiden kan du be oss kontakta dig för att hitta en ny.</p>
<p>{confirmlink}</p>
<p>Har du frågor innan vi ses är du välkommen att kontakta mig på {recruiteremail}. Vi ser fram emot att träffa dig.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.second": (
        "Inbjudan till en andra intervju – {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Tack för intervjun för tjänsten som {projecttitle}. Det var trevligt att prata med dig, och vi vill gärna bjuda in dig till en andra intervju där vi går djupare in på tjänsten och din erfarenhet.</p>
<ul>
<li><strong>Vad:</strong> {interviewtype}</li>
<li><strong>När:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Var:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Svara på inbjudan via länken nedan. Passar inte tiden kan du be oss kontakta dig för att hitta en ny.</p>
<p>{confirmlink}</p>
<p>Har du frågor innan vi ses är du välkommen att kontakta mig på {recruiteremail}. Vi ser fram emot att träffa dig igen.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.third": (
        "Inbjudan till en tredje intervju – {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Tack för intervjuerna hittills. Vi närmar oss ett beslut och vill gärna bjuda in dig till en tredje intervju för tjänsten som {projecttitle}.</p>
<ul>
<li><strong>Vad:</strong> {interviewtype}</li>
<li><strong>När:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Var:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Svara på inbjudan via länken nedan. Passar inte tiden kan du be oss kontakta dig för att hitta en ny.</p>
<p>{confirmlink}</p>
<p>Har du frågor innan vi ses är du välkommen att kontakta mig på {recruiteremail}. Vi ser fram emot att träffa dig igen.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.reminder": (
        "Påminnelse: intervju {interviewdate}",
        """<p>Hej {firstname},</p>
<p>Det här är en påminnelse om din intervju för tjänsten som {projecttitle}.</p>
<ul>
<li><strong>Vad:</strong> {interviewtype}</li>
<li><strong>När:</strong> {interviewdate} kl. {interviewtime} ({duration})</li>
<li><strong>Var:</strong> {address}</li>
<li><strong>Med:</strong> {interviewers}</li>
</ul>
<p>Har du inte svarat på inbjudan ännu, eller har dina planer ändrats, meddela oss via länken nedan.</p>
<p>{confirmlink}</p>
<p>Vi ser fram emot att prata med dig.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "offer": (
        "Erbjudande om anställning: {offerposition} hos {companyname}",
        """<p>Hej {firstname},</p>
<p>Tack för bra samtal under rekryteringsprocessen. Det är med glädje jag kan erbjuda dig tjänsten som {offerposition} hos {companyname}.</p>
<p>{offersummary}</p>
<p>{offerterms}</p>
<p>Ge oss ditt svar senast {offervaliduntil} via länken nedan. Där kan du tacka ja, tacka nej eller ställa en fråga till mig.</p>
<p>{offerlink}</p>
<p>Hör gärna av dig om du vill prata om något. Vi hoppas verkligen att du tackar ja och ser fram emot att arbeta tillsammans med dig.</p>
<p>Vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "candidate_saved": (
        "Din profil i CV-databasen hos {companyname}",
        """<p>Hej {firstname},</p>
<p>Tack för ditt intresse för {companyname}. Vi har sparat dina uppgifter i vår CV-databas, så att vi kan kontakta dig när en tjänst som passar din bakgrund blir ledig.</p>
<p>Du kan när som helst se och uppdatera din profil, och du kan också dra tillbaka den och få dina uppgifter raderade när du vill. För att få tillgång väljer du ett eget lösenord via länken nedan.</p>
<p>{setpasswordlink}</p>
<p>Länken fungerar i 48 timmar och kan bara användas en gång. Av säkerhetsskäl skickar vi aldrig lösenord via e-post. Har länken hunnit gå ut kan du kontakta mig på {recruiteremail}, så skickar jag en ny.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "transferred_to_cv_database": (
        "Dina uppgifter finns nu i vår CV-databas",
        """<p>Hej {firstname},</p>
<p>Tack för ditt intresse för {companyname}. Vi har fört över dina uppgifter till vår CV-databas, så att vi kan kontakta dig när en tjänst som passar din bakgrund blir ledig.</p>
<p>Vill du se eller uppdatera dina uppgifter, eller vill du hellre att vi raderar dem, svarar du bara på det här mejlet eller kontaktar mig på {recruiteremail}. Du kan när som helst dra tillbaka dina uppgifter.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "panel_review": (
        "Bedöm kandidaterna till {projecttitle}",
        """<p>Hej {reviewername},</p>
<p>Jag skulle gärna vilja ha din hjälp att bedöma de {candidatecount} kandidaterna till tjänsten som {projecttitle}. Via länken nedan kan du se kandidaterna, ge var och en ett betyg från 1 (lägst) till 7 (högst) och lämna en kommentar.</p>
<p>{reviewlink}</p>
<p>Länken är personlig, så vidarebefordra den inte; uppgifterna om kandidaterna är konfidentiella. Lämna dina bedömningar senast {duedate}; fram till dess kan du ändra dem.</p>
<p>Tack för hjälpen!</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "contract": (
        "Ditt anställningsavtal – {projecttitle}",
        """<p>Hej {firstname},</p>
<p>Vi är glada att du börjar hos {companyname} som {projecttitle}. Ditt anställningsavtal är bifogat i det här mejlet som PDF.</p>
<p>Läs avtalet noggrant. Öppna sedan länken nedan och bekräfta att du har tagit emot och godkänner det; där kan du också ladda ned avtalet igen:</p>
<p>{contractlink}</p>
<p>Är något oklart, eller tycker du att något saknas, svara på det här mejlet så löser vi det.</p>
<p>Vi ser fram emot att välkomna dig.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "letter.application_received": (
        "Din ansökan till tjänsten som {projecttitle}",
        """<p>Hej {fullname},</p>
<p>Tack för din ansökan till tjänsten som {projecttitle} hos {companyname}. Vi tog emot den {applicationdate}.</p>
<p>Vi kommer att gå igenom alla ansökningar noggrant och återkommer till dig så snart vi kan om hur vi går vidare.</p>
<p>Har du frågor kan du nå mig på {recruiteremail}.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
    "letter.application_rejected": (
        "Din ansökan till tjänsten som {projecttitle}",
        """<p>Hej {fullname},</p>
<p>Tack för din ansökan till tjänsten som {projecttitle} hos {companyname}, och för den tid du lade på den.</p>
<p>Vi har nu noggrant övervägt din ansökan och måste tyvärr meddela att vi inte går vidare med den.</p>
<p>{message}</p>
<p>Vi önskar dig lycka till i ditt fortsatta yrkesliv.</p>
<p>Med vänliga hälsningar<br>{recruitername}<br>{companyname}</p>""",
    ),
}
