"""The fixed sentences of the resident's answer: purposes, sources, rights, legal ground.

Plain Dutch, 'u' form. A municipality fills in its own contact details for the privacy officer
(functionaris gegevensbescherming) in the README's set-up, not here.
"""

from __future__ import annotations

PURPOSES = (
    "Wij gebruiken uw gegevens om uw hulpvraag te begrijpen en u te helpen: de brede uitvraag, "
    "één plan voor uw huishouden, en de afspraken over wie wat doet.",
    "De wettelijke grondslag is de taak die de gemeente heeft onder de Jeugdwet, de Wmo 2015, "
    "de Participatiewet, de Wet gemeentelijke schuldhulpverlening en de Wet inburgering "
    "(artikel 6 lid 1 onder e AVG). Gegevens over gezondheid verwerken wij omdat die wetten dat "
    "vragen (artikel 9 lid 2 onder b, g en h AVG).",
    "Voor de cijfers waarmee de gemeente haar beleid stuurt, tellen wij hulpvragen zonder naam, "
    "adres of geboortedatum.",
)

SOURCES_INTRO = ("De meeste gegevens heeft u zelf gegeven, in gesprekken met een consulent, "
                 "regisseur of vindplaatsmedewerker. Wat een professional opschreef, staat bij "
                 "de hulpvraag, de brede uitvraag of het plan.")

RIGHTS = (
    "U mag uw gegevens inzien (dit overzicht) en een kopie krijgen in een bestand dat u aan een "
    "ander kunt geven (het JSON-bestand bij dit overzicht).",
    "U mag vragen om onjuiste gegevens te verbeteren of aan te vullen, en om gegevens te "
    "wissen die wij niet meer nodig hebben of niet mogen bewaren.",
    "U mag vragen het gebruik van uw gegevens te beperken, en bezwaar maken tegen het gebruik.",
    "U mag een toestemming om gegevens te delen altijd intrekken.",
    "Bent u het niet eens met hoe wij met uw gegevens omgaan, neem dan contact op met de "
    "functionaris gegevensbescherming van de gemeente. U mag ook een klacht indienen bij de "
    "Autoriteit Persoonsgegevens.",
)

LEGAL_GROUND = (
    "Aantekeningen over een signaal van onveiligheid en de stappen van de Meldcode huiselijk "
    "geweld en kindermishandeling staan niet in dit overzicht. Dat mag op grond van artikel 41 "
    "lid 1 onder i van de Uitvoeringswet AVG (bescherming van de betrokkene of van de rechten "
    "en vrijheden van anderen) en artikel 23 lid 1 onder i AVG. U kunt vragen om een gesprek "
    "hierover.")

REVIEW_NOTE = (
    "Voor de professional: dit overzicht bevat achtergehouden onderdelen. Beoordeel ze voordat "
    "het overzicht het team verlaat, en geef wat zonder bezwaar kan alsnog mee.")
