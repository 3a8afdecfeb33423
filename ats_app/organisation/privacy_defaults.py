"""The privacy text a new organisation starts with, in each language (admins replace it on Settings)."""

DEFAULT_PRIVACY_TEXTS: dict[str, str] = {
    "en": (
        "We use the information you send us (your contact details, your answers, your CV and cover letter) only "
        "to handle your application and to contact you about it. Only the recruiters and managers working on "
        "the position can read it. We keep it for up to 12 months after the recruitment has ended, then delete "
        "it. You may ask to see, correct or delete your data at any time through the candidate portal or by "
        "writing to us."
    ),
    "nb": (
        "Vi bruker opplysningene du sender oss (kontaktopplysninger, svar, CV og søknadsbrev) bare til å behandle "
        "søknaden din og kontakte deg om den. Bare rekrutterere og ledere som arbeider med stillingen, kan lese "
        "dem. Vi oppbevarer dem i inntil 12 måneder etter at rekrutteringen er avsluttet, og sletter dem deretter. "
        "Du kan når som helst be om innsyn, retting eller sletting gjennom kandidatportalen eller ved å skrive "
        "til oss."
    ),
    "sv": (
        "Vi använder uppgifterna du skickar oss (kontaktuppgifter, svar, CV och personligt brev) endast för att "
        "hantera din ansökan och kontakta dig om den. Endast rekryterare och chefer som arbetar med tjänsten kan "
        "läsa dem. Vi sparar dem i upp till 12 månader efter att rekryteringen avslutats och raderar dem sedan. "
        "Du kan när som helst begära att få se, rätta eller radera dina uppgifter via kandidatportalen eller "
        "genom att skriva till oss."
    ),
    "da": (
        "Vi bruger de oplysninger, du sender os (kontaktoplysninger, svar, CV og ansøgning), udelukkende til at "
        "behandle din ansøgning og kontakte dig om den. Kun de rekrutterere og ledere, der arbejder med "
        "stillingen, kan læse dem. Vi opbevarer dem i op til 12 måneder efter rekrutteringens afslutning og "
        "sletter dem derefter. Du kan til enhver tid bede om indsigt, rettelse eller sletning via kandidatportalen "
        "eller ved at skrive til os."
    ),
    "fi": (
        "Käytämme lähettämiäsi tietoja (yhteystiedot, vastaukset, CV ja hakemuskirje) vain hakemuksesi "
        "käsittelyyn ja siihen liittyvään yhteydenpitoon. Vain tehtävän rekrytoinnissa mukana olevat rekrytoijat "
        "ja esihenkilöt voivat lukea ne. Säilytämme tietoja enintään 12 kuukautta rekrytoinnin päättymisen "
        "jälkeen ja poistamme ne sitten. Voit milloin tahansa pyytää nähdä, korjata tai poistaa tietosi "
        "hakijaportaalin kautta tai kirjoittamalla meille."
    ),
    "nl": (
        "We gebruiken de gegevens die je ons stuurt (contactgegevens, antwoorden, cv en motivatiebrief) alleen om "
        "je sollicitatie te behandelen en daarover contact met je op te nemen. Alleen de recruiters en managers "
        "die aan de vacature werken, kunnen ze lezen. We bewaren ze tot 12 maanden na afloop van de werving en "
        "verwijderen ze daarna. Je kunt op elk moment vragen om inzage, correctie of verwijdering via het "
        "kandidatenportaal of door ons te schrijven."
    ),
}
