"""The Mallguide's chapter on the settings: every field of
:class:`~delarsrapport._render.layout.Installningar`, recursively, with its Swedish text.

The settings classes document themselves in English; their Swedish text for designers is
written here, once, keyed by path. A setting without Swedish text (or text for a setting
that no longer exists) makes the generator raise, so nothing new can be left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from typing import Any, Final, Literal, cast, get_args, get_origin, get_type_hints

import attrs
from ruamel.yaml import YAML

from delarsrapport._designer import typer
from delarsrapport._docgen.mallbruk import layoutordning
from delarsrapport._docgen.markdown import cell, kod, kort, tabell
from delarsrapport._render.layout import INSTALLNINGSFIL, Installningar

__all__ = [
    "INSTALLNINGAR_SV",
    "Installningsrad",
    "installningsavsnitt",
    "installningsprefix",
    "installningsrader",
]

INSTALLNINGAR_SV: Final[dict[str, str]] = {
    "namn": 'Layoutens namn: "Uppsala kommun". `layout new` sätter det till den nya layoutens namn.',
    "talstil": "Hur tal skrivs: minustecken, procenttecken, noll och saknade värden. Gäller alla filter.",
    "talstil.minus": 'Minustecknet: "-" (bindestreck, som rapporterna brukar skriva) eller "−" '
    "(U+2212, det minustecken Språkrådet rekommenderar).",
    "talstil.procent_mellanslag": 'Fast mellanslag före procenttecknet: `true` ger "9 %", `false` ger "9%".',
    "talstil.noll": "Det som skrivs för ett belopp som avrundas till noll. Utelämnat skrivs 0; "
    '`""` lämnar cellen tom.',
    "talstil.saknas": 'Det som skrivs där ett värde saknas helt, till exempel `""` eller `"-"`.',
    "namnordning": '`fornamn_efternamn` ger "Thomas Fäldt", `efternamn_fornamn` ger "Fäldt Thomas".',
    "handlaggare_skiljetecken": 'Det som står mellan flera handläggare: `", "` eller `" och "`.',
    "namnd_i_lopande_text": 'Nämndens namn mitt i en mening: `gemen` ger "Tjänsteskrivelse till '
    'socialnämnden", `versal` ger "… till Socialnämnden".',
    "beslut": "Hur förslagen till beslut numreras och binds ihop.",
    "beslut.stil": 'Layoutens form för förslagen: `att` ("1. att godkänna …,") eller `mening` '
    '("1. Socialnämnden godkänner …."). Mallen väljer själv vad den skriver: `sats.text` '
    "för att-form, `sats.mening` för hel mening.",
    "beslut.samt": 'Skriv ", samt" efter den näst sista att-satsen i stället för ",".',
    "beslut.numrera_ensam": "Numrera också ett ensamt förslag (`sats.numrerad`).",
    "sjalvreferens": "Första raden i beslutsunderlaget. `{datum}` blir tjänsteskrivelsens datum i "
    "stilen `sjalvreferens_datumstil`, `{forvaltning}` förvaltningens namn i genitiv.",
    "sjalvreferens_datumstil": "Datumstilen för `{datum}` i `sjalvreferens` (se filtret datum).",
    "bilagereferens": "Raden för varje bilaga i beslutsunderlaget; `{nummer}` och `{titel}` kommer "
    "från bilageregistret.",
    "status": "Ord, mening och färg för varje status hos uppdrag, nämndmål och åtgärder. En status "
    "som saknas här skrivs med sitt namn i indata (till exempel `ej_paborjad`).",
    "status.*.ord": 'Ordet som skrivs ut: "Påbörjad".',
    "status.*.mening": "Statusmeningen. `{ar}` blir året uppdraget väntas vara klart; saknas året "
    "blir meningen tom.",
    "status.*.farg": "Cellens bakgrundsfärg, sex hexadecimala siffror (`92D050`). Färgen står alltid "
    "tillsammans med ordet, aldrig ensam.",
    "status.*.forklaring": "Vad ordet och färgen betyder, i teckenförklaringen "
    '(`installningar.visa.teckenforklaring`): "Uppdraget är påbörjat och går enligt plan."',
    "bedomning": "Ord, standardmening och färg för varje bedömning, per målnivå. En bedömning som "
    "saknas här skrivs med sitt namn i indata, med stor bokstav och utan understreck.",
    "bedomning.*.*.ord": 'Ordet som skrivs ut: "Delvis uppfyllt".',
    "bedomning.*.*.mening": "Meningen som skrivs när nämnden inte har skrivit en egen; utan mening "
    "här används delarsrapports standardmening för målnivån.",
    "bedomning.*.*.farg": "Bakgrundsfärg, sex hexadecimala siffror.",
    "bedomning.*.*.forklaring": "Vad bedömningen betyder, för en teckenförklaring.",
    "kontrollresultat": "Ord, mening och färg för resultatet av ett kontrollmoment i internkontrollen. "
    "Ett resultat som saknas här skrivs med sitt namn i indata, med stor bokstav och utan understreck.",
    "kontrollresultat.*.ord": 'Ordet som skrivs ut: "Utan anmärkning".',
    "kontrollresultat.*.mening": "En mening om resultatet, om layouten vill ha en.",
    "kontrollresultat.*.farg": "Bakgrundsfärg, sex hexadecimala siffror.",
    "kontrollresultat.*.forklaring": "Vad resultatet betyder, för en teckenförklaring.",
    "avvikelseord": "Substantivet i internkontrollens sammanfattande mening, i singular och plural: "
    '`[anmärkning, anmärkningar]` ger "utan anmärkning" och "mindre anmärkningar".',
    "trendpilar": "Tecknet som visar en indikators trend.",
    "trend_saknas": "Det som skrivs när en indikator saknar trend, och när ett utfall saknas om "
    "`talstil.saknas` är tom.",
    "nyckeltal_decimaler": "Antal decimaler i nyckeltalens kvot (`matt.decimaler`), per volymtyp.",
    "statuskategorier": "Raderna i tjänsteskrivelsens tabell över uppdragen per status "
    "(`ts.uppdragsstatus`). En tom lista ger ingen tabell.",
    "statuskategorier[].text": "Radens text.",
    "statuskategorier[].statusar": "Statusarna som räknas på raden.",
    "stilar": "Formatmallarna som filtret stycken ger löptexten. Skriv namnen som Word visar dem, "
    'på engelska eller svenska ("Heading 2" eller "Rubrik 2").',
    "stilar.stycke": "Formatmallen för vanliga stycken.",
    "stilar.rubriker": "Formatmallarna för rubriker i löptext, en per nivå (Rubrik 1, Rubrik 2 …).",
    "stilar.punktlista": "Formatmallen för punktlistor.",
    "stilar.tabell": "Tabellformatet för tabeller som löptexten placerar (`{tabell: uppdragsstatus}`).",
    "filnamn": "Filnamnen på dokumenten som skapas.",
    "filnamn.tjansteskrivelse": "Tjänsteskrivelsens filnamn; `{arende}` är ärendets nummer.",
    "filnamn.bilaga": "En bilagas filnamn: `{arende}` ärendets nummer, `{nummer}` bilagans nummer, "
    "`{slag}` dokumentslaget och `{titel}` titeln med små bokstäver, utan å, ä, ö och mellanslag.",
    "filnamn.samlad": "Den samlade handlingens filnamn (`render --samlad`): alla ärendens "
    "tjänsteskrivelser och bilagor i en fil.",
    "visa": "Valfria delar som layouten visar eller utelämnar. Mallarna frågar efter dem med "
    "`{%p if installningar.visa.… %}`; ett val gör bara skillnad om mallen frågar.",
    "visa.diarienummer_med_bilagesuffix": "En bilagas diarienummer får bilagans nummer sist "
    '("SCN-2024-00493-1"). Det här valet följer delarsrapport själv (`dokument.diarienummer`).',
    "visa.metarad": 'Verksamhetsuppföljningen visar raden "Fas: … Rapportperiod: … Organisation: …".',
    "typografi": "Regler för sidbrytning som motorn ger varje mall i layouten, så att en rubrik inte "
    "blir ensam sist på en sida och en tabellrad inte delas mellan två sidor.",
    "typografi.hall_ihop_rubriker": 'Rubriker och korta fetstilta etiketter (t.ex. "Kommentar") hålls '
    "ihop med stycket efter (Håll ihop med nästa).",
    "typografi.hela_rader": "Tabellrader bryts inte över sidor; en rad med mer text än en sida rymmer "
    "får ändå brytas, annars skulle texten klippas.",
    "typografi.hall_ihop_tabeller": "Tabeller med högst så här många rader hålls på en sida; 0 stänger av.",
    "typografi.hall_ihop_underskrift": "Underskriften (namn och titel för varje undertecknare) hålls ihop.",
    "visas_inte": "Fält i indata som layouten inte skriver ut, vart och ett med skälet på en rad: "
    "`Namnd.forkortning: Kommunens form har ingen plats för förkortningen.` Fältet skrivs som i "
    "indatareferensen, klassen och fältet med en punkt emellan. `layout check` varnar "
    "(`MALL-VISAS-INTE`) för varje fält som en mall kan visa men som layouten aldrig skriver ut och "
    "som inte står här, och (`MALL-VISAS-INTE-POST`) för en rad som gäller ett fält som layouten "
    "skriver ut, som inte finns eller som saknar skäl. `render` läser inte inställningen.",
    "visa.avrundningsnot": 'Tabeller vars avrundade rader inte summerar får raden "Avrundningsdifferenser '
    'kan förekomma".',
    "visa.malposter_som_tabell": "Nämndmål och uppdrag står i en tabell per mål (Uppsala 2024) i stället "
    "för ett avsnitt per post (2020).",
    "visa.teckenforklaring": "Verksamhetsuppföljningen slutar med en teckenförklaring över statusarnas "
    "ord och färger.",
    "visa.brevhuvud": "Tjänsteskrivelsen skriver ut kommunens brevhuvud (adress, telefon, webb).",
    "visa.standardmeningar": "Där indata saknar egen text får den ekonomiska uppföljningens analys "
    "nämndens resultat-, avvikelse- och prognosmening, och en verksamhets avsnitt sin resultat- och "
    "avvikelsemening (se filtren resultatmening med flera). `false` lämnar texten tom.",
}
"""The settings in Swedish, by path: ``a.b`` for a field of a group, ``a.*.b`` for a field of
every value of a mapping, ``a[].b`` for a field of every item of a list."""


@attrs.frozen
class Installningsrad:
    """One setting: its path in ``installningar.yaml`` and its type."""

    sokvag: str
    tp: Any
    field: attrs.Attribute[Any] | None
    """The attrs field (None for the fields of a mapping's values and list items: same thing)."""
    klass: type | None
    """The settings class this path holds, if it is a group."""


def installningsrader(cls: type, texter: Mapping[str, str], prefix: str = "") -> list[Installningsrad]:
    """Every settings path under *cls*, in order; raises ``ValueError`` when a path has no
    Swedish text in *texter* (or *texter* has text for a path that no longer exists)."""
    rader: list[Installningsrad] = []

    def besok(klass: type, prefix: str) -> None:
        hints = get_type_hints(klass)
        for f in attrs.fields(klass):
            sokvag = f"{prefix}{f.name}"
            tp = hints[f.name]
            inre = typer.valfri(tp)[1]
            if typer.ar_klass(inre):
                rader.append(Installningsrad(sokvag, tp, f, inre))
                besok(inre, sokvag + ".")
                continue
            rader.append(Installningsrad(sokvag, tp, f, None))
            varde, stjarnor = inre, ""
            while get_origin(varde) is dict:
                varde, stjarnor = get_args(varde)[1], stjarnor + ".*"
            if stjarnor and typer.ar_klass(varde):
                besok(varde, f"{sokvag}{stjarnor}.")
            elem = typer.element(inre)
            if elem is not None and typer.ar_klass(elem):
                besok(elem, f"{sokvag}[].")

    besok(cls, prefix)
    saknas = [r.sokvag for r in rader if not texter.get(r.sokvag)]
    if saknas:
        raise ValueError(
            "mallguiden saknar svensk beskrivning av inställningarna "
            + ", ".join(saknas)
            + " (skriv den i INSTALLNINGAR_SV i delarsrapport/_docgen/installningar.py)"
        )
    overblivna = sorted(set(texter) - {r.sokvag for r in rader})
    if overblivna:
        raise ValueError("mallguiden beskriver inställningar som inte finns: " + ", ".join(overblivna))
    return rader


def _yaml(varde: object) -> str:
    """A value as it is written in ``installningar.yaml`` (flow style)."""
    if isinstance(varde, bool):
        return "true" if varde else "false"
    if varde is None:
        return "null"
    if isinstance(varde, Enum):
        return str(varde.value)
    if isinstance(varde, str):
        if re.fullmatch(r"[A-Za-zÅÄÖåäöé0-9_][\wÅÄÖåäöé .]*", varde) and varde not in (
            "true",
            "false",
            "null",
        ):
            return varde.strip() if varde == varde.strip() else f'"{varde}"'
        return '"' + varde.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(varde, (list, tuple)):
        return "[" + ", ".join(_yaml(v) for v in varde) + "]"
    if isinstance(varde, dict):
        return "{" + ", ".join(f"{_yaml(k)}: {_yaml(v)}" for k, v in varde.items()) + "}"
    if attrs.has(type(varde)):
        return _yaml(
            {
                f.name: getattr(varde, f.name)
                for f in attrs.fields(cast(Any, type(varde)))
                if getattr(varde, f.name) is not None
            }
        )
    return str(varde)


_ENUMORD: Final[dict[str, tuple[str, str]]] = {
    "Status": ("status", "statusar"),
    "Malniva": ("målnivå", "målnivåer"),
    "Bedomning": ("bedömning", "bedömningar"),
    "Kontrollresultat": ("kontrollresultat", "kontrollresultat"),
    "Trend": ("trend", "trender"),
    "Volymtyp": ("volymtyp", "volymtyper"),
}
"""Vocabularies in Swedish words, singular and plural (others: the class name in lower case)."""


def _enumord(cls: type, plural: bool = False) -> str:
    ord_ = _ENUMORD.get(cls.__name__, (cls.__name__.lower(), cls.__name__.lower()))
    return ord_[1] if plural else ord_[0]


def _installningstyp(tp: Any) -> str:
    valfri, inre = typer.valfri(tp)
    if valfri:
        return _installningstyp(inre) + " eller inget"
    if typer.ar_klass(inre):
        return "grupp"
    if get_origin(inre) is Literal:
        return "ett av orden"
    if isinstance(inre, type) and issubclass(inre, Enum):
        return _enumord(inre)
    if get_origin(inre) is dict:
        nycklar: list[str] = []
        varde: Any = inre
        while get_origin(varde) is dict:
            nyckel, varde = get_args(varde)
            nycklar.append(_installningstyp(nyckel))
        vardetyp = "grupp" if typer.ar_klass(varde) else _installningstyp(varde)
        return f"{vardetyp} per {' och '.join(nycklar)}"
    elem = typer.element(inre)
    if elem is not None and typer.ar_klass(elem):
        return "lista av grupper"
    if isinstance(elem, type) and issubclass(elem, Enum):
        return f"lista av {_enumord(elem, plural=True)}"
    if elem is not None:
        return f"lista av {_installningstyp(elem)}"
    if get_origin(inre) is tuple:
        args = get_args(inre)
        if all(a is str for a in args):
            return f"lista av {len(args)} texter"
    enkla: dict[Any, str] = {str: "text", int: "heltal", bool: "ja/nej (`true`/`false`)"}
    if inre in enkla:
        return enkla[inre]
    raise TypeError(f"mallguiden har inget ord för inställningstypen {tp!r}")


def _installningsval(rad: Installningsrad) -> str:
    """The allowed values (words, keys) of a setting."""
    inre = typer.valfri(rad.tp)[1]
    if get_origin(inre) is Literal:
        return ", ".join(kod(str(a)) for a in get_args(inre))
    if isinstance(inre, type) and issubclass(inre, Enum):
        return ", ".join(kod(m.value) for m in inre)
    elem = typer.element(inre)
    if elem is not None and isinstance(elem, type) and issubclass(elem, Enum):
        return ", ".join(kod(m.value) for m in elem)
    if get_origin(inre) is dict:
        delar = []
        tp = inre
        while get_origin(tp) is dict:
            nyckel, tp = get_args(tp)
            if isinstance(nyckel, type) and issubclass(nyckel, Enum):
                delar.append(f"{_enumord(nyckel, plural=True)}: " + ", ".join(kod(m.value) for m in nyckel))
        return "; ".join(delar)
    alternativ = getattr(rad.field.validator if rad.field else None, "options", None)
    if isinstance(alternativ, (tuple, list)):
        return ", ".join(kod(_yaml(a)) for a in alternativ)
    if rad.sokvag.endswith("farg"):
        return "sex hexadecimala siffror"
    return ""


def _standard(rad: Installningsrad) -> str:
    if rad.klass is not None or rad.field is None:
        return ""
    default = rad.field.default
    if default is attrs.NOTHING:
        return "**krävs**"
    if isinstance(default, cast(type, attrs.Factory)):
        default = cast(Any, default).factory()
    if default is None:
        return "inget"
    return kod(kort(_yaml(default)))


def _rad_ur_yaml(data: object, sokvag: str) -> object:
    """The value at *sokvag* in the loaded YAML (``*`` the first key, ``[]`` the first item)."""
    varde: object = data
    for del_ in re.findall(r"[^.\[\]]+|\[\]", sokvag):
        if del_ == "[]":
            if not isinstance(varde, list) or not varde:
                return None
            varde = varde[0]
        elif del_ == "*":
            if not isinstance(varde, dict) or not varde:
                return None
            varde = next(iter(varde.values()))
        else:
            if not isinstance(varde, dict) or del_ not in varde:
                return None
            varde = varde[del_]
    return varde


def installningsavsnitt() -> list[str]:
    """The lines of the chapter on the settings, with examples from the first layout's file."""
    fil = layoutordning()[0] / INSTALLNINGSFIL
    data = YAML(typ="safe", pure=True).load(fil.read_text(encoding="utf-8"))
    lines = [
        "## Inställningar (`installningar.yaml`)",
        "",
        "Varje layout har en fil `installningar.yaml` bredvid mallarna. Där står det som är ord, tal "
        "och val snarare än utseende: minustecken, namnordning, orden, meningarna och färgerna för "
        "statusar och bedömningar, vilka valfria delar som visas och filnamnen. Allt som inte står i "
        "filen får sitt standardvärde. Filen kontrolleras när layouten läses, och ett okänt namn eller "
        "ett otillåtet värde är ett fel som pekar ut raden.",
        "",
        f"Sökvägen skrivs med punkter: `talstil.minus` är `minus` under `talstil`. `*` står för varje "
        f"nyckel i en grupp med nycklar (`status.*.farg` är `farg` under varje status) och `[]` för "
        f"varje post i en lista. Exemplen kommer ur `templates/{fil.parent.name}/{INSTALLNINGSFIL}`; "
        "ett streck betyder att filen inte anger värdet.",
        "",
    ]
    rader = []
    for rad in installningsrader(Installningar, INSTALLNINGAR_SV):
        exempel = _rad_ur_yaml(data, rad.sokvag)
        rader.append(
            [
                kod(rad.sokvag),
                cell(INSTALLNINGAR_SV[rad.sokvag]),
                _installningstyp(rad.tp),
                _installningsval(rad),
                _standard(rad),
                "" if rad.klass is not None else "–" if exempel is None else kod(kort(_yaml(exempel))),
            ]
        )
    lines += tabell(["Inställning", "Betydelse", "Typ", "Tillåtna värden", "Standard", "Exempel"], rader)
    return lines


def installningsprefix() -> dict[type, str]:
    """Each settings class → its path in ``installningar.yaml`` (first where it occurs)."""
    out: dict[type, str] = {}
    for rad in installningsrader(Installningar, INSTALLNINGAR_SV):
        if rad.klass is not None:
            out.setdefault(rad.klass, rad.sokvag)
    return out
