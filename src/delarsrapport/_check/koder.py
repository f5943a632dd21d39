"""Every finding code the consistency check can report, with its documentation in Swedish.

The codes are stable: a user can look them up and a CI can filter on them. The
documentation in ``docs/kontroller.md`` is generated from this table.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

import attrs

__all__ = ["KODER", "Kod", "Koddoc", "Severity"]


class Severity(StrEnum):
    """How serious a finding is."""

    FEL = "fel"
    """The report contradicts itself or prints something wrong; fix it before the nämnd meets."""
    VARNING = "varning"
    """Probably wrong or incomplete; a person should look."""
    NOTERING = "notering"
    """Explained and acceptable (for example a rounding difference); for information."""


class Kod(StrEnum):
    """A finding code. The values are stable: a user looks them up and a CI filters on them."""

    RAPP_AVRUNDNING = "RAPP-AVRUNDNING"
    RAPP_AVVIKER = "RAPP-AVVIKER"
    RAPP_TOM = "RAPP-TOM"
    RAPP_SUMMA_TOM = "RAPP-SUMMA-TOM"
    TOTAL_AVRUNDADE_RADER = "TOTAL-AVRUNDADE-RADER"
    TOTAL_AVVIKER = "TOTAL-AVVIKER"
    AVRUNDNINGSDIFFERENS = "AVRUNDNINGSDIFFERENS"
    VARAV_SUMMA = "VARAV-SUMMA"
    VARAV_AVRUNDNING = "VARAV-AVRUNDNING"
    PROGNOSOSAKERHET_SAKNAS = "PROGNOSOSAKERHET-SAKNAS"
    PROGNOS_SAKNAS = "PROGNOS-SAKNAS"
    SAMMANFATTNING_RR = "SAMMANFATTNING-RR"
    RR_AVDELNINGAR = "RR-AVDELNINGAR"
    RR_AVDELNINGAR_AVVIKER = "RR-AVDELNINGAR-AVVIKER"
    FORDELNING_AVVIKER = "FORDELNING-AVVIKER"
    BUDGET_BRUTTO = "BUDGET-BRUTTO"
    INDIKATOR_KVOT = "INDIKATOR-KVOT"
    TREND_PIL = "TREND-PIL"
    STATUS_SAKNAS = "STATUS-SAKNAS"
    BEDOMNING_SAKNAS = "BEDOMNING-SAKNAS"
    BEDOMNINGSTEXT_MOTSAGER = "BEDOMNINGSTEXT-MOTSAGER"
    BEDOMNINGSTEXT_ANNAN = "BEDOMNINGSTEXT-ANNAN"
    ANTAL_AVVIKER = "ANTAL-AVVIKER"
    DATUM_BILAGA_EFTER = "DATUM-BILAGA-EFTER"
    DATUM_SJALVREFERENS = "DATUM-SJALVREFERENS"
    DATUM_NAMNDBEHANDLAS = "DATUM-NAMNDBEHANDLAS"
    DATUM_SAMMANTRADE = "DATUM-SAMMANTRADE"
    DIARIENUMMER_AVVIKER = "DIARIENUMMER-AVVIKER"
    DIARIENUMMER_SAKNAS = "DIARIENUMMER-SAKNAS"
    BILAGA_NUMMER_AVVIKER = "BILAGA-NUMMER-AVVIKER"
    BILAGA_TITEL_AVVIKER = "BILAGA-TITEL-AVVIKER"
    BILAGA_TITEL_PERIOD = "BILAGA-TITEL-PERIOD"
    BESLUTSUNDERLAG_AVVIKER = "BESLUTSUNDERLAG-AVVIKER"
    BILAGA_NUMRERING = "BILAGA-NUMRERING"
    PLATSHALLARE = "PLATSHALLARE"
    RUBRIKNIVA_HOPPAR = "RUBRIKNIVA-HOPPAR"
    PLATSHALLARE_TRYCKT = "PLATSHALLARE-TRYCKT"
    TOMT_FALT = "TOMT-FALT"
    KOMMUNBIDRAG_ANDRAS = "KOMMUNBIDRAG-ANDRAS"
    PROGNOS_TECKENBYTE = "PROGNOS-TECKENBYTE"
    STICKPROV = "STICKPROV"
    FOTNOT = "FOTNOT"
    PROSA_BELOPP = "PROSA-BELOPP"
    PROSA_TECKEN = "PROSA-TECKEN"
    PROSA_BALANS = "PROSA-BALANS"
    PROSA_ENHETSORD = "PROSA-ENHETSORD"
    DAGORDNING_NUMMER = "DAGORDNING-NUMMER"
    DAGORDNING_ARENDE_OKANT = "DAGORDNING-ARENDE-OKANT"
    DAGORDNING_ARENDE_DUBBLETT = "DAGORDNING-ARENDE-DUBBLETT"
    DAGORDNING_ORDNING = "DAGORDNING-ORDNING"
    DAGORDNING_ARENDE_SAKNAS = "DAGORDNING-ARENDE-SAKNAS"


@attrs.frozen
class Koddoc:
    """What one finding code means, in Swedish: the documentation of docs/kontroller.md."""

    kod: Kod
    severity: Severity
    rubrik: str
    betydelse: str
    varfor: str
    atgard: str


def _k(kod: Kod, severity: Severity, rubrik: str, betydelse: str, varfor: str, atgard: str) -> Koddoc:
    return Koddoc(kod, severity, rubrik, betydelse, varfor, atgard)


_F, _V, _N = Severity.FEL, Severity.VARNING, Severity.NOTERING

KODER: Final[dict[Kod, Koddoc]] = {
    k.kod: k
    for k in [
        _k(
            Kod.RAPP_AVRUNDNING,
            _N,
            "Tryckt värde skiljer sig inom avrundningen",
            "Ett värde som källan tryckte (under rapporterat) skiljer sig från det modellen räknar "
            "fram ur delarna, men bara så mycket som avrundningen förklarar (regeln för delar och "
            "helhet ovan).",
            "Källsystem summerar exakta kronor och avrundar varje cell för sig; därför kan en "
            "summa av tryckta celler skilja sig från den tryckta totalen. Det är inget fel.",
            "Inget behöver göras. Dokument som delarsrapport skapar räknar alltid från de exakta värdena.",
        ),
        _k(
            Kod.RAPP_AVVIKER,
            _F,
            "Tryckt värde stämmer inte med beräkningen",
            "Ett värde som källan tryckte skiljer sig från det modellen räknar fram ur raderna, "
            "mer än avrundning kan förklara (regeln för delar och helhet ovan).",
            "En summa, ett resultat eller en avvikelse som inte stämmer med sina delar gör att "
            "nämnden beslutar på fel siffror.",
            "Kontrollera raderna och det tryckta värdet i källan. Rätta indata om en rad är fel; "
            "stämmer raderna är det tryckta värdet fel och dokumenten får det beräknade.",
        ),
        _k(
            Kod.RAPP_TOM,
            _F,
            "Tom cell där ett värde ska stå",
            "Källan tryckte en tom cell där ett värde hör hemma (till exempel en gräns i prognosspannet).",
            "En saknad siffra i en tabell som nämnden beslutar om är ett fel i handlingen.",
            "Dokument från delarsrapport fyller i det beräknade värdet; rätta källan om den ska "
            "användas igen.",
        ),
        _k(
            Kod.RAPP_SUMMA_TOM,
            _V,
            "Tom summacell",
            "Källan lämnade en summacell tom (till exempel Summa i en kolumn).",
            "En summarad utan summa är ofullständig, även om värdet går att räkna fram.",
            "Inget behöver göras i indata; delarsrapport skriver den beräknade summan.",
        ),
        _k(
            Kod.TOTAL_AVRUNDADE_RADER,
            _N,
            "Totalen skiljer sig från summan av avrundade rader",
            "Sammanfattningens rader är avrundade värden (avrundade_indata) och källans total "
            "skiljer sig från deras summa så lite som avrundningen förklarar (regeln för delar "
            "och helhet ovan).",
            "Totalen räknades i källan fram ur exakta belopp; de avrundade raderna kan inte ge den exakt.",
            "Inget behöver göras. Har du de exakta beloppen, ange dem i stället och ta bort "
            "avrundade_indata.",
        ),
        _k(
            Kod.TOTAL_AVVIKER,
            _F,
            "Totalen stämmer inte med raderna",
            "Källans total för en kolumn skiljer sig från summan av raderna mer än avrundningen "
            "av raderna och totalen kan förklara (regeln för delar och helhet ovan).",
            "Då stämmer antingen en rad eller totalen inte.",
            "Jämför raderna med källan och rätta den rad eller total som är fel.",
        ),
        _k(
            Kod.AVRUNDNINGSDIFFERENS,
            _N,
            "De visade raderna summerar inte till den visade totalen",
            "I en tabell som dokumenten visar blir summan av de avrundade raderna inte den "
            "avrundade totalen, eftersom totalen räknas från exakta värden.",
            "Det är korrekt, men en läsare kan tro att något är fel.",
            "Layouten kan skriva 'Avrundningsdifferenser kan förekomma' under tabellen (variabeln "
            "avrundningsdifferens).",
        ),
        _k(
            Kod.VARAV_SUMMA,
            _F,
            "Varav-raderna summerar inte till raden de hör till",
            "Summan av en rads varav-rader skiljer sig från raden själv mer än avrundningen "
            "förklarar (regeln för delar och helhet ovan). Med exakta belopp ska de gå jämnt ut.",
            "Varav-rader är delar av sin rad; stämmer de inte är någon av dem fel.",
            "Rätta varav-raderna eller raden.",
        ),
        _k(
            Kod.VARAV_AVRUNDNING,
            _N,
            "Varav-raderna skiljer sig från raden inom avrundningen",
            "Sammanfattningens rader är avrundade (avrundade_indata) och varav-raderna summerar "
            "till något annat än raden, men bara så mycket som avrundningen förklarar.",
            "Raden och varav-raderna avrundades var för sig ur exakta belopp; deras avrundade "
            "värden kan inte alltid gå jämnt ut. Det är inget fel.",
            "Inget behöver göras. Har du de exakta beloppen, ange dem och ta bort avrundade_indata.",
        ),
        _k(
            Kod.PROGNOSOSAKERHET_SAKNAS,
            _V,
            "Helårsprognos utan prognososäkerhet",
            "Sammanfattningen har en helårsprognos men ingen prognososäkerhet att räkna prognosspannet ur.",
            "Kommunstyrelsen sammanställer prognosspannet för alla nämnder.",
            "Ange prognososakerhet med försämring och förbättring.",
        ),
        _k(
            Kod.PROGNOS_SAKNAS,
            _F,
            "Prognososäkerhet utan prognos",
            "Det finns en prognososäkerhet men ingen helårsprognos att räkna prognosspannet från.",
            "Utan prognos går spannet inte att räkna fram.",
            "Ange helårsprognosen i sammanfattningen eller resultaträkningen.",
        ),
        _k(
            Kod.SAMMANFATTNING_RR,
            _F,
            "Sammanfattningen stämmer inte med resultaträkningen",
            "Nämndens total i sammanfattningen (kommunbidrag, periodens utfall, helårsprognos) "
            "skiljer sig från samma värde i nämndens resultaträkning mer än avrundningen förklarar.",
            "Samma belopp visas två gånger i bilagan och ska vara lika.",
            "Rätta sammanfattningen eller resultaträkningen.",
        ),
        _k(
            Kod.RR_AVDELNINGAR,
            _N,
            "Avdelningarna summerar till nämnden inom avrundningen",
            "Summan av avdelningarnas resultaträkningar skiljer sig från nämndens, men bara så "
            "mycket som avrundningen av cellerna förklarar (regeln för delar och helhet ovan).",
            "Nämndens resultat är summan av avdelningarnas.",
            "Inget behöver göras.",
        ),
        _k(
            Kod.RR_AVDELNINGAR_AVVIKER,
            _F,
            "Avdelningarna summerar inte till nämnden",
            "Summan av avdelningarnas resultaträkningar skiljer sig från nämndens mer än "
            "avrundningen förklarar (regeln för delar och helhet ovan).",
            "Nämndens resultat är summan av avdelningarnas; stämmer de inte saknas eller är fel "
            "något belopp.",
            "Leta upp raden som skiljer och rätta den avdelning eller nämnd som är fel.",
        ),
        _k(
            Kod.FORDELNING_AVVIKER,
            _F,
            "Ett områdes fördelning summerar inte till driftbudgeten",
            "Nettot (budget netto, fjolårets budget netto eller förändringen) i ett områdes "
            "fördelning (4.5.x) skiljer sig från områdets rad i driftbudgeten (4.1).",
            "Fördelningen ska fördela exakt den ram som driftbudgeten ger området; en skillnad "
            "betyder att en av tabellerna är fel.",
            "Rätta raderna i fördelningen eller områdets rad i driftbudgeten.",
        ),
        _k(
            Kod.BUDGET_BRUTTO,
            _V,
            "Bruttobelopp i driftbudgeten skiljer sig från fördelningen",
            "Ett områdes kostnad eller intäkt i driftbudgeten (4.1) skiljer sig från summan i "
            "områdets fördelning (4.5.x), fast nettot kan stämma.",
            "Brutto kan fördelas olika utan att nettoramen ändras, men tabellerna bör visa samma sak.",
            "Jämför tabellerna och rätta den som är fel.",
        ),
        _k(
            Kod.INDIKATOR_KVOT,
            _F,
            "Indikatorns värde stämmer inte med täljare och nämnare",
            "Kommentaren anger antal (till exempel '39 av 42') som ger ett annat värde än det "
            "tryckta utfallet.",
            "Värdet i tabellen och texten under den motsäger varandra.",
            "Rätta utfallet eller antalen i kommentaren.",
        ),
        _k(
            Kod.TREND_PIL,
            _F,
            "Trendpilen pekar åt fel håll",
            "Den tryckta trendpilen stämmer inte med riktningen mellan de två senaste utfallen.",
            "Pilen visar bara riktning; en pil som pekar uppåt när värdet är oförändrat eller "
            "sjunker är fel.",
            "Ingen åtgärd i indata: delarsrapport räknar fram pilen. Rätta källan om den används igen.",
        ),
        _k(
            Kod.STATUS_SAKNAS,
            _V,
            "Status saknas",
            "Ett uppdrag, nämndmål eller en åtgärd saknar status medan andra på samma nivå har en.",
            "Uppföljningen ska visa var varje uppdrag står.",
            "Ange status (till exempel enligt_plan).",
        ),
        _k(
            Kod.BEDOMNING_SAKNAS,
            _V,
            "Bedömning saknas",
            "Ett mål saknar bedömning medan andra mål i samma bilaga har en.",
            "Bedömningen är det nämnden ska ta ställning till för varje mål.",
            "Ange bedomning.",
        ),
        _k(
            Kod.BEDOMNINGSTEXT_MOTSAGER,
            _F,
            "Bedömningsmeningen hör till en annan bedömning",
            "Den tryckta bedömningsmeningen är standardmeningen för ett annat värde än målets "
            "bedömning (till exempel 'Delvis uppfyllt' följt av 'I hög grad'-meningen).",
            "Värde och mening säger olika saker om samma mål.",
            "Ta bort den tryckta meningen: layouten skriver meningen som hör till värdet. Är "
            "värdet fel, rätta bedomning.",
        ),
        _k(
            Kod.BEDOMNINGSTEXT_ANNAN,
            _V,
            "Egen bedömningsmening liknar en annan bedömning",
            "En egen bedömningsmening (bedomningstext) är standardmeningen för ett annat värde än "
            "målets bedömning.",
            "Den som läser meningen får en annan bild än bedömningen.",
            "Ta bort bedomningstext eller ändra bedomning.",
        ),
        _k(
            Kod.ANTAL_AVVIKER,
            _F,
            "Ett tryckt antal stämmer inte med posterna",
            "Ett antal som rapporten anger (uppdrag per status eller totalt, nämndmål totalt, "
            "nämndspecifika eller kommungemensamma, åtgärder, mål per bedömning) stämmer inte med "
            "posterna i bilagan.",
            "Antal i tjänsteskrivelsen räknas fram ur bilagan och ska stämma med den.",
            "Ingen åtgärd i indata: delarsrapport räknar antalen ur posterna. Kontrollera att "
            "alla poster har rätt status.",
        ),
        _k(
            Kod.DATUM_BILAGA_EFTER,
            _F,
            "Bilagan är daterad efter tjänsteskrivelsen",
            "En bilaga har ett senare datum än tjänsteskrivelsen som hänvisar till den.",
            "Tjänsteskrivelsen kan inte hänvisa till en handling som inte fanns när den skrevs.",
            "Rätta bilagans eller tjänsteskrivelsens datum.",
        ),
        _k(
            Kod.DATUM_SJALVREFERENS,
            _F,
            "Tjänsteskrivelsen hänvisar till fel datum",
            "Beslutsunderlagets rad 'Tjänsteskrivelse, daterad …' har ett annat datum än tjänsteskrivelsen.",
            "Beslutsunderlaget ska peka ut just den handling nämnden har framför sig.",
            "Ingen åtgärd i indata: delarsrapport skriver raden ur tjänsteskrivelsens datum.",
        ),
        _k(
            Kod.DATUM_NAMNDBEHANDLAS,
            _F,
            "Nämndbehandlas före dokumentets datum",
            "Datumet då handlingen nämndbehandlas ligger före handlingens eget datum.",
            "En handling kan inte behandlas innan den är skriven.",
            "Rätta namndbehandlas eller datum.",
        ),
        _k(
            Kod.DATUM_SAMMANTRADE,
            _V,
            "Datum stämmer inte med sammanträdet",
            "En handling är daterad efter sammanträdet den ska behandlas på, eller anger ett annat "
            "nämndbehandlingsdatum än sammanträdets.",
            "Handlingarna till ett sammanträde ska vara klara före det.",
            "Kontrollera datumen.",
        ),
        _k(
            Kod.DIARIENUMMER_AVVIKER,
            _F,
            "Bilagan har ett annat diarienummer",
            "En bilaga trycker ett annat diarienummer än ärendets (en bilaga får bara lägga till "
            "ett suffix som '-1').",
            "Ett ärende har ett diarienummer; allt som hör dit ska bära det.",
            "Ingen åtgärd i indata: delarsrapport skriver ärendets diarienummer på alla bilagor.",
        ),
        _k(
            Kod.DIARIENUMMER_SAKNAS,
            _F,
            "Bilagan saknar diarienummer",
            "En bilaga tryckte fältet Diarienummer utan värde.",
            "Handlingen går inte att koppla till ärendet.",
            "Ingen åtgärd i indata: delarsrapport skriver ärendets diarienummer på alla bilagor.",
        ),
        _k(
            Kod.BILAGA_NUMMER_AVVIKER,
            _F,
            "Bilagan bär ett annat nummer än i beslutsunderlaget",
            "Bilagans egen rubrik anger ett annat bilagenummer än beslutsunderlaget, eller inget "
            "nummer alls.",
            "Beslutet hänvisar till bilagorna med nummer; fel nummer pekar på fel handling.",
            "Ingen åtgärd i indata: delarsrapport numrerar bilagorna en gång och skriver numret överallt.",
        ),
        _k(
            Kod.BILAGA_TITEL_AVVIKER,
            _V,
            "Bilagan har olika titlar",
            "Bilagans titel är formulerad på olika sätt i beslutsunderlaget, bilagans sidhuvud "
            "och dess rubrik, men anger samma period. Det är ingen avvikelse att titeln är "
            "uppdelad på titel och undertitel, att nämndens namn står med eller att rubriken "
            "är en kortform av titeln.",
            "Läsaren hittar rätt handling genom bilagans nummer, men samma handling bör heta "
            "samma sak överallt.",
            "Ingen åtgärd i indata: delarsrapport skriver registrets titel överallt.",
        ),
        _k(
            Kod.BILAGA_TITEL_PERIOD,
            _F,
            "Bilagans titel anger en annan period",
            "En tryckt titel på bilagan nämner ett år eller en månad som registrets titel och "
            "undertitel inte har (till exempel 'augusti 2019' på en rapport per augusti 2020).",
            "Läsaren tar handlingen för en annan periods rapport och kan besluta på fel underlag.",
            "Ingen åtgärd i indata: delarsrapport skriver registrets titel överallt. Rätta källan "
            "om den ska användas igen, och kontrollera att det är rätt handling.",
        ),
        _k(
            Kod.BESLUTSUNDERLAG_AVVIKER,
            _F,
            "Beslutsunderlaget stämmer inte med bilagorna",
            "Det tryckta beslutsunderlaget nämner en bilaga som inte finns, saknar en bilaga "
            "eller har ett annat antal rader än ärendet har handlingar.",
            "Beslutsunderlaget är listan över det nämnden beslutar på.",
            "Ingen åtgärd i indata: delarsrapport skriver beslutsunderlaget ur bilageregistret.",
        ),
        _k(
            Kod.BILAGA_NUMRERING,
            _V,
            "Bilagorna är inte numrerade 1, 2, 3 …",
            "Bilagenumren börjar inte på 1 eller har luckor.",
            "En lucka får läsaren att leta efter en bilaga som inte finns.",
            "Numrera bilagorna i följd.",
        ),
        _k(
            Kod.PLATSHALLARE,
            _V,
            "Texten innehåller något som liknar en platshållare",
            "En text innehåller till exempel 'XX', 'xxx', 'X antal', '-----' eller Words "
            "'Click or tap here to enter text.'",
            "Platshållare som blir kvar trycks i nämndens handlingar.",
            "Ersätt platshållaren med rätt text.",
        ),
        _k(
            Kod.RUBRIKNIVA_HOPPAR,
            _V,
            "En rubrik i löptexten hoppar över en nivå",
            "En rubrik i en text har en nivå som är mer än ett steg under rubriken före den, "
            "till exempel niva 3 direkt efter niva 1, eller niva 2 som första rubrik.",
            "Skärmläsare och innehållsförteckningar bygger på rubriknivåerna; ett hopp gör "
            "dokumentet svårare att navigera och bryter mot tillgänglighetskraven (WCAG 1.3.1).",
            "Ge rubriken en nivå som är högst ett steg under den föregående.",
        ),
        _k(
            Kod.PLATSHALLARE_TRYCKT,
            _F,
            "Källan tryckte en platshållare",
            "Källan tryckte en platshållare eller utfyllnad (under rapporterat.ovrig_text).",
            "En platshållare i en beslutshandling är ett fel.",
            "Ingen åtgärd i indata; delarsrapport skriver aldrig utfyllnad.",
        ),
        _k(
            Kod.TOMT_FALT,
            _F,
            "Ett fält trycktes utan värde",
            "Källan tryckte en etikett som 'Version:' utan värde.",
            "Ett tomt fält ser ut som ett misstag.",
            "Ingen åtgärd i indata: delarsrapport skriver inte fält som saknar värde.",
        ),
        _k(
            Kod.KOMMUNBIDRAG_ANDRAS,
            _V,
            "Kommunbidraget ändras mellan budget och prognos",
            "En verksamhets kommunbidrag för året är olika i budgetkolumnen och i en prognoskolumn.",
            "Kommunbidraget är beslutat av fullmäktige och ändras sällan under året; ett annat "
            "värde är ofta ett kopierat fel (till exempel förra årets).",
            "Kontrollera kommunbidraget i prognoskolumnerna.",
        ),
        _k(
            Kod.PROGNOS_TECKENBYTE,
            _V,
            "Prognosen har annat tecken än periodens resultat",
            "En verksamhet har underskott för perioden men prognostiserar överskott för året, eller tvärtom.",
            "Det kan vara rätt, men kräver en förklaring i texten.",
            "Kontrollera prognosen och att texten förklarar vändningen.",
        ),
        _k(
            Kod.STICKPROV,
            _V,
            "Stickprovet är mindre än minsta volym",
            "Antalet kontrollerade är färre än kontrollmetodens minsta volym.",
            "Kontrollen är då inte genomförd enligt planen.",
            "Kontrollera antalet eller beskriv avvikelsen i kommentaren.",
        ),
        _k(
            Kod.FOTNOT,
            _V,
            "Fotnotsmarkering utan fotnot",
            "En etikett har en markering som '**)' utan en fotnot med samma markering, eller en "
            "fotnot används inte.",
            "Läsaren hittar inte förklaringen.",
            "Gör markeringarna i etiketter och fotnoter lika.",
        ),
        _k(
            Kod.PROSA_BELOPP,
            _F,
            "Beloppet i texten stämmer inte med siffran",
            'Ett belopp i löptext ("ett underskott på 39,0 mnkr") handlar om en siffra som '
            "rapporten räknar fram, och skiljer sig från den mer än avrundningen till textens "
            "antal decimaler förklarar. Kontrollen vet vilken siffra beloppet gäller när meningen "
            'nämner verksamheten, avdelningen eller nämnden (eller börjar med "Verksamheten", '
            '"Resultatet" … i det egna avsnittet) och orden runt beloppet säger vad det är '
            '(resultat, avvikelse, "mot budget", nettokostnad, prognos, insatskostnad …). Andra '
            "belopp lämnas utan fynd.",
            "Texten är det nämnden läser; står där ett annat tal än i tabellen motsäger handlingen "
            'sig själv. Vanligast är ett heltal med ",0" ("48,0" för 47,7) och ett avkortat tal '
            '("294,7" för 294,8).',
            "Rätta beloppet i texten, eller skriv det som en referens (<<resultat>>, se "
            "docs/indata.md) så att texten alltid följer siffran.",
        ),
        _k(
            Kod.PROSA_TECKEN,
            _F,
            "Teckenordet i texten motsäger tecknet",
            "Texten kallar en siffra överskott, positiv eller ökning när den är negativ (eller "
            'tvärtom), eller skriver både ett teckenord och ett minustecken ("underskott på -65,0 '
            'mnkr", en dubbel negation).',
            "Ordet bär tecknet i löptext; ett fel ord säger motsatsen till tabellen.",
            "Skriv ordet som tecknet väljer och beloppet utan tecken efter det, eller använd en "
            "referens med teckenord: <<resultat | överskott>>.",
        ),
        _k(
            Kod.PROSA_BALANS,
            _F,
            '"Följer budget" om en avvikelse som inte är noll',
            'Texten säger att en verksamhet, avdelning eller kontorad följer budget ("följer '
            'budget", "i enlighet med budget", "visar en budget i balans"), men dess avvikelse '
            "mot budget avrundas inte till noll med en decimal i mnkr (utöver avrundningen i en "
            "resultaträkning). Saknar rapporten en budget för perioden jämförs med periodens resultat. "
            'Säger texten det om två ("Biblioteken och kulturskolan följer budget") gäller det var '
            "och en av dem.",
            "Balansorden får bara användas när avvikelsen är noll vid textens precision; "
            "annars döljer texten en avvikelse.",
            "Skriv avvikelsen (<<avvikelse | positiv>>) eller rätta siffrorna.",
        ),
        _k(
            Kod.PROSA_ENHETSORD,
            _V,
            '"1 miljoner kronor"',
            'Texten skriver "1 miljoner kronor".',
            'Talet 1 tar singular: "1 miljon kronor" (decimaltal tar plural: "1,5 miljoner kronor").',
            'Skriv "1 miljon kronor", eller en referens med enheten miljoner kronor, som väljer form själv.',
        ),
        _k(
            Kod.DAGORDNING_NUMMER,
            _F,
            "Dagordningens nummer ökar inte",
            "En punkt på dagordningen (under sammantrade) har samma nummer som punkten före eller "
            "ett lägre. En punkt utan nummer får numret efter punkten före.",
            "Ledamöterna och protokollet hänvisar till ärendena med dagordningens nummer; två "
            "punkter med samma nummer går inte att skilja åt.",
            "Rätta numret, eller ta bort det så att punkten numreras efter punkten före.",
        ),
        _k(
            Kod.DAGORDNING_ARENDE_OKANT,
            _F,
            "Dagordningen hänvisar till ett ärende som inte finns",
            "En punkt på dagordningen har arende: med ett nummer som rapporten inte har (1 är "
            "huvudärendet, 2 det första under ovriga_arenden).",
            "Punkten har inga handlingar att visa. Försättsbladet i den samlade handlingen kan inte "
            "skapas (de separata dokumenten kan det).",
            "Rätta ärendets nummer, eller skriv punktens titel om ärendet inte hör till rapporten.",
        ),
        _k(
            Kod.DAGORDNING_ARENDE_DUBBLETT,
            _V,
            "Ett ärende står två gånger på dagordningen",
            "Två punkter på dagordningen hänvisar till samma av rapportens ärenden.",
            "Ärendets handlingar finns en gång i den samlade handlingen; två punkter för dem är "
            "nästan alltid en felskrivning.",
            "Rätta numret under arende: på den ena punkten, eller skriv dess titel i stället.",
        ),
        _k(
            Kod.DAGORDNING_ORDNING,
            _V,
            "Dagordningen har ärendena i en annan ordning än rapporten",
            "Dagordningen tar upp rapportens ärenden i en annan ordning än rapporten har dem "
            "(huvudärendet, sedan ovriga_arenden i ordning).",
            "Den samlade handlingen har dokumenten i rapportens ordning; följer dagordningen en "
            "annan ordning hittar läsaren inte ärendena där dagordningen säger.",
            "Ordna ovriga_arenden som dagordningen, eller punkterna som rapporten.",
        ),
        _k(
            Kod.DAGORDNING_ARENDE_SAKNAS,
            _V,
            "Ett ärende saknas på dagordningen",
            "Ett av rapportens ärenden finns i den samlade handlingen men på ingen punkt av "
            "dagordningen (ingen punkt har arende: med dess nummer).",
            "Handlingar som inte står på dagordningen behandlas inte på sammanträdet.",
            "Lägg till en punkt med arende: och ärendets nummer, eller byt en punkts titel mot arende:.",
        ),
    ]
}
"""Every finding code, by code."""
