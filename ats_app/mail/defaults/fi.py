"""Default email and letter texts in Finnish: kind code → (subject, body HTML).

Finnish inflects names, and a tag cannot be inflected: the vacancy title stands in apposition to an
inflected noun ("tehtävään {projecttitle}") and the company is "meillä"/"meitä" in running text.
"""

TEMPLATES: dict[str, tuple[str, str]] = {
    "application_received": (
        "Hakemuksesi on vastaanotettu: {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Kiitos, että hait tehtävää {projecttitle}. Hakemuksesi on tullut perille, ja arvostamme kiinnostustasi meitä kohtaan.</p>
<p>Käymme nyt hakemukset läpi ja kerromme sinulle jatkosta heti, kun tiedämme enemmän.</p>
<p>Jos sinulla on sillä välin kysyttävää, voit lähettää minulle sähköpostia osoitteeseen {recruiteremail}.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_application_review": (
        "Hakemuksesi tehtävään {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Kiitos, että hait tehtävää {projecttitle}, ja kiitos ajasta, jonka käytit hakemukseesi.</p>
<p>Olemme lukeneet hakemuksesi huolellisesti ja päättäneet, ettei se etene tässä rekrytoinnissa.</p>
<p>{message}</p>
<p>Toivotamme sinulle onnea työnhakuun.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_screening": (
        "Hakemuksesi tehtävään {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Kiitos, että hait tehtävää {projecttitle}, ja kiitos ajasta, jonka käytit hakemukseesi.</p>
<p>Vastauksesi karsintakysymyksiin osoittavat, ettet täytä kaikkia tehtävän vaatimuksia: {requirement}. Hakemuksesi ei siksi etene tässä rekrytoinnissa.</p>
<p>{message}</p>
<p>Kerromme tämän mieluummin ajoissa ja selkeästi, jotta voit käyttää aikasi muihin mahdollisuuksiin. Olet tervetullut hakemaan meiltä muita tehtäviä, joiden vaatimukset vastaavat paremmin taustaasi.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.timed": (
        "Hakemuksesi tehtävään {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Kiitos, että hait tehtävää {projecttitle}, ja kiitos kärsivällisyydestäsi sillä aikaa, kun olemme käsitelleet hakemuksia.</p>
<p>Hakemuksesi ei ole edennyt tässä rekrytoinnissa, ja suljemme sen nyt. Pahoittelemme, että vastauksemme on viipynyt.</p>
<p>{message}</p>
<p>Kiitos kiinnostuksestasi meitä kohtaan. Toivotamme sinulle onnea työnhakuun.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_initial_meeting": (
        "Hakemuksesi tehtävään {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Kiitos, että keskustelit kanssamme tehtävästä {projecttitle}, ja kiitos ajasta, jonka olet tähän mennessä antanut prosessille.</p>
<p>Olemme harkinneet seuraavaa vaihetta huolellisesti ja päätyneet siihen, ettei hakemuksesi etene pidemmälle.</p>
<p>{message}</p>
<p>Jos haluat kuulla lisää siitä, miten päädyimme ratkaisuun, voit lähettää minulle sähköpostia osoitteeseen {recruiteremail}. Toivotan sinulle kaikkea hyvää jatkoon.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_first_interview": (
        "Hakemuksesi tehtävään {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Kiitos, että tulit haastatteluun tehtävään {projecttitle}. Arvostimme keskustelua ja sitä, että käytit aikaa valmistautumiseen ja kerroit meille itsestäsi.</p>
<p>Huolellisen harkinnan jälkeen olemme päättäneet, ettet etene prosessissa pidemmälle. Tiedämme, ettei tämä ole se vastaus, jota toivoit.</p>
<p>{message}</p>
<p>Jos haluat palautetta haastattelusta, keskustelen siitä mielelläni kanssasi. Vastaa tähän viestiin tai lähetä minulle sähköpostia osoitteeseen {recruiteremail}.</p>
<p>Kiitos vielä kiinnostuksestasi meitä kohtaan, ja kaikkea hyvää jatkoon.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_second_interview": (
        "Hakemuksesi tehtävään {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Kiitos, että tulit toiseen haastatteluun tehtävään {projecttitle}, ja kiitos kaikesta ajasta ja vaivasta, jonka olet prosessiin käyttänyt. Oli ilo tutustua sinuun.</p>
<p>Valinta oli vaikea, ja olemme päättäneet, ettei hakemuksesi etene pidemmälle. Olen pahoillani, että vastaus on tällä kertaa kielteinen.</p>
<p>{message}</p>
<p>Annan mielelläni palautetta prosessista, jos haluat. Vastaa tähän viestiin tai lähetä minulle sähköpostia osoitteeseen {recruiteremail}, niin sovitaan aika keskustelulle.</p>
<p>Kiitos vielä luottamuksestasi. Toivotan sinulle menestystä.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_third_interview": (
        "Hakemuksesi tehtävään {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Kiitos ajasta ja energiasta, jonka olet antanut koko prosessille kolmen haastattelun aikana. Olemme todella arvostaneet sitä, että saimme tutustua sinuun.</p>
<p>Olit viimeisten harkitsemiemme hakijoiden joukossa, ja päätös oli vaikea. Lopulta valitsimme tehtävään {projecttitle} toisen hakijan, ja olen pahoillani, että joudun kertomaan tämän.</p>
<p>{message}</p>
<p>Annan sinulle erittäin mielelläni palautetta, jos haluat. Vastaa tähän viestiin tai lähetä minulle sähköpostia osoitteeseen {recruiteremail}, niin sovitaan aika keskustelulle.</p>
<p>Olisimme iloisia, jos hakisit meille uudelleen tulevaisuudessa. Kaikkea hyvää.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.initial": (
        "Kutsu alustavaan keskusteluun: {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Kiitos hakemuksestasi tehtävään {projecttitle}. Haluaisimme tutustua sinuun hieman paremmin ja kutsumme sinut lyhyeen alustavaan keskusteluun.</p>
<ul>
<li><strong>Tapaaminen:</strong> {interviewtype}</li>
<li><strong>Aika:</strong> {interviewdate} klo {interviewtime} ({duration})</li>
<li><strong>Paikka:</strong> {address}</li>
<li><strong>Haastattelijat:</strong> {interviewers}</li>
</ul>
<p>Vastaa kutsuun alla olevan linkin kautta, jotta tiedämme, sopiiko aika sinulle. Jos aika ei sovi, voit pyytää meitä sopimaan uuden ajan.</p>
<p>{confirmlink}</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.first": (
        "Kutsu haastatteluun: {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Kiitos hakemuksestasi tehtävään {projecttitle}. Luimme sen kiinnostuksella ja haluaisimme tavata sinut haastattelussa, jotta opimme tuntemaan sinut paremmin ja voimme kertoa lisää tehtävästä ja meistä.</p>
<ul>
<li><strong>Tapaaminen:</strong> {interviewtype}</li>
<li><strong>Aika:</strong> {interviewdate} klo {interviewtime} ({duration})</li>
<li><strong>Paikka:</strong> {address}</li>
<li><strong>Haastattelijat:</strong> {interviewers}</li>
</ul>
<p>Vastaa kutsuun alla olevan linkin kautta. Jos aika ei sovi, voit pyytää meitä ottamaan yhteyttä ja sopimaan uuden ajan.</p>
<p>{confirmlink}</p>
<p>Jos sinulla on kysyttävää ennen tapaamista, voit lähettää minulle sähköpostia osoitteeseen {recruiteremail}. Odotamme tapaamista innolla.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.second": (
        "Kutsu toiseen haastatteluun: {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Kiitos haastattelusta tehtävään {projecttitle}. Oli mukava keskustella kanssasi, ja haluaisimme kutsua sinut toiseen haastatteluun, jossa syvennymme tehtävään ja kokemukseesi.</p>
<ul>
<li><strong>Tapaaminen:</strong> {interviewtype}</li>
<li><strong>Aika:</strong> {interviewdate} klo {interviewtime} ({duration})</li>
<li><strong>Paikka:</strong> {address}</li>
<li><strong>Haastattelijat:</strong> {interviewers}</li>
</ul>
<p>Vastaa kutsuun alla olevan linkin kautta. Jos aika ei sovi, voit pyytää meitä ottamaan yhteyttä ja sopimaan uuden ajan.</p>
<p>{confirmlink}</p>
<p>Jos sinulla on kysyttävää ennen tapaamista, voit lähettää minulle sähköpostia osoitteeseen {recruiteremail}. Odotamme innolla, että tapaamme taas.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.third": (
        "Kutsu kolmanteen haastatteluun: {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Kiitos tähänastisista haastatteluista. Lähestymme päätöstä ja haluaisimme kutsua sinut kolmanteen haastatteluun tehtävään {projecttitle}.</p>
<ul>
<li><strong>Tapaaminen:</strong> {interviewtype}</li>
<li><strong>Aika:</strong> {interviewdate} klo {interviewtime} ({duration})</li>
<li><strong>Paikka:</strong> {address}</li>
<li><strong>Haastattelijat:</strong> {interviewers}</li>
</ul>
<p>Vastaa kutsuun alla olevan linkin kautta. Jos aika ei sovi, voit pyytää meitä ottamaan yhteyttä ja sopimaan uuden ajan.</p>
<p>{confirmlink}</p>
<p>Jos sinulla on kysyttävää ennen tapaamista, voit lähettää minulle sähköpostia osoitteeseen {recruiteremail}. Odotamme innolla, että tapaamme taas.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.reminder": (
        "Muistutus: haastattelu {interviewdate}",
        """<p>Hei {firstname},</p>
<p>Muistutamme haastattelustasi tehtävään {projecttitle}.</p>
<ul>
<li><strong>Tapaaminen:</strong> {interviewtype}</li>
<li><strong>Aika:</strong> {interviewdate} klo {interviewtime} ({duration})</li>
<li><strong>Paikka:</strong> {address}</li>
<li><strong>Haastattelijat:</strong> {interviewers}</li>
</ul>
<p>Jos et ole vielä vastannut kutsuun tai suunnitelmasi ovat muuttuneet, kerro siitä meille alla olevan linkin kautta.</p>
<p>{confirmlink}</p>
<p>Odotamme keskustelua kanssasi.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "offer": (
        "Työtarjous: {offerposition}, {companyname}",
        """<p>Hei {firstname},</p>
<p>Kiitos hyvistä keskusteluista rekrytointiprosessin aikana. Minulla on ilo tarjota sinulle tehtävää {offerposition} yrityksessä {companyname}.</p>
<p>{offersummary}</p>
<p>{offerterms}</p>
<p>Kerrothan vastauksesi viimeistään {offervaliduntil} alla olevan linkin kautta. Siellä voit hyväksyä tarjouksen, hylätä sen tai esittää minulle kysymyksen.</p>
<p>{offerlink}</p>
<p>Ota rohkeasti yhteyttä, jos haluat keskustella jostakin. Toivomme kovasti, että vastaat myöntävästi, ja odotamme innolla yhteistyötä kanssasi.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "candidate_saved": (
        "Profiilisi CV-tietokannassamme",
        """<p>Hei {firstname},</p>
<p>Kiitos kiinnostuksestasi meitä kohtaan. Olemme tallentaneet tietosi CV-tietokantaamme, jotta voimme ottaa sinuun yhteyttä, kun taustaasi sopiva tehtävä avautuu.</p>
<p>Voit milloin tahansa katsoa ja päivittää profiiliasi, ja voit myös perua sen ja poistaa tietosi milloin haluat. Pääset profiiliisi asettamalla oman salasanan alla olevan linkin kautta.</p>
<p>{setpasswordlink}</p>
<p>Linkki on voimassa 48 tuntia, ja sitä voi käyttää vain kerran. Turvallisuussyistä emme koskaan lähetä salasanoja sähköpostitse. Jos linkki on ehtinyt vanhentua, lähetä minulle sähköpostia osoitteeseen {recruiteremail}, niin lähetän uuden.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "transferred_to_cv_database": (
        "Tietosi on tallennettu CV-tietokantaamme",
        """<p>Hei {firstname},</p>
<p>Kiitos kiinnostuksestasi meitä kohtaan. Olemme siirtäneet tietosi CV-tietokantaamme, jotta voimme ottaa sinuun yhteyttä, kun taustaasi sopiva tehtävä avautuu.</p>
<p>Jos haluat nähdä tai päivittää tietojasi tai haluat mieluummin, että poistamme ne, vastaa tähän viestiin tai lähetä minulle sähköpostia osoitteeseen {recruiteremail}. Voit perua tietojesi tallennuksen milloin tahansa.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "panel_review": (
        "Arvioi hakijat tehtävään {projecttitle}",
        """<p>Hei {reviewername},</p>
<p>Toivoisin apuasi, kun arvioimme tehtävään {projecttitle} valittuja hakijoita ({candidatecount}). Alla olevan linkin kautta näet hakijat ja voit antaa jokaiselle arvosanan asteikolla 1–7 (1 heikoin, 7 paras) sekä lisätä kommentin.</p>
<p>{reviewlink}</p>
<p>Linkki on henkilökohtainen, joten älä välitä sitä eteenpäin; hakijoiden tiedot ovat luottamuksellisia. Anna arviosi viimeistään {duedate}; siihen asti voit muuttaa niitä.</p>
<p>Kiitos avustasi!</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "contract": (
        "Työsopimuksesi: {projecttitle}",
        """<p>Hei {firstname},</p>
<p>Olemme iloisia, että tulet {companyname}:lle tehtävään {projecttitle}. Työsopimuksesi on tämän sähköpostin liitteenä PDF-tiedostona.</p>
<p>Lue sopimus huolellisesti. Avaa sitten alla oleva linkki ja vahvista, että olet saanut sopimuksen ja hyväksyt sen; voit myös ladata sopimuksen sieltä uudelleen:</p>
<p>{contractlink}</p>
<p>Jos jokin on epäselvää tai sopimuksesta mielestäsi puuttuu jotain, vastaa tähän sähköpostiin, niin selvitetään asia.</p>
<p>Odotamme innolla, että pääsemme toivottamaan sinut tervetulleeksi.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "letter.application_received": (
        "Hakemuksesi tehtävään {projecttitle}",
        """<p>Hyvä {fullname},</p>
<p>Kiitos hakemuksestasi tehtävään {projecttitle}. Vastaanotimme hakemuksesi {applicationdate}.</p>
<p>Käymme kaikki hakemukset huolellisesti läpi ja olemme sinuun yhteydessä jatkosta niin pian kuin mahdollista.</p>
<p>Jos sinulla on kysyttävää, tavoitat minut sähköpostitse osoitteesta {recruiteremail}.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
    "letter.application_rejected": (
        "Hakemuksesi tehtävään {projecttitle}",
        """<p>Hyvä {fullname},</p>
<p>Kiitos hakemuksestasi tehtävään {projecttitle} ja ajasta, jonka käytit sen laatimiseen.</p>
<p>Olemme nyt harkinneet hakemustasi huolellisesti, ja valitettavasti joudumme ilmoittamaan, ettei se etene tässä rekrytoinnissa.</p>
<p>{message}</p>
<p>Toivotamme sinulle menestystä jatkossa.</p>
<p>Ystävällisin terveisin<br>{recruitername}<br>{companyname}</p>""",
    ),
}
