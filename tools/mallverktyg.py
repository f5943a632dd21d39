"""Mechanical changes to the designer contract across the committed .docx templates.

The templates in ``templates/`` are the source of the shipped layouts (see
``templates/README.md``); nothing regenerates them. When the contract changes (a view
field or a filter is renamed), this tool makes the same change in every template, so the
rest of each file stays exactly as the designer left it::

    python tools/mallverktyg.py byt-namn ekonomi.sammanfattning ekonomi.sammandrag --torrkorning
    python tools/mallverktyg.py byt-namn --filter som_text text
    python tools/mallverktyg.py lista templates/uppsala
    python tools/mallverktyg.py visas-inte uppsala

It reads the Word XML the way docxtpl does: a paragraph's text is the text of its runs
joined, so a tag Word has split over several runs is still one tag. A renamed name is
written back into the run where it starts; the runs it spanned lose those characters.
Only the XML parts that changed are rewritten, and the archive around them is patched in
place (:func:`replace_members`), so every other member keeps its bytes.

``visas-inte`` prints the ``visas_inte`` block of a layout's ``installningar.yaml``: the
input fields the layout does not print (measured as ``layout check`` measures them), with
the reasons the file already gives, to paste over the old block when templates change.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import struct
import sys
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final, Literal

import attrs
from lxml import etree

__all__ = [
    "Change",
    "Part",
    "Reference",
    "Rename",
    "Tag",
    "default_layouts",
    "find_tags",
    "main",
    "references",
    "rename_in_docx",
    "rename_in_layouts",
    "replace_members",
    "template_parts",
    "visas_inte",
]

ROOT: Final = Path(__file__).resolve().parents[1]

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_P: Final = f"{_W}p"
_W_T: Final = f"{_W}t"
_XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"
_CONTENT_TYPES: Final = "{http://schemas.openxmlformats.org/package/2006/content-types}"

#: The parts docxtpl renders, by the last word of their content type, with a Swedish
#: label and their order in a listing: body, headers, footers, footnotes.
_PART_KINDS: Final = {
    "main+xml": (0, "brödtext"),
    "header+xml": (1, "sidhuvud"),
    "footer+xml": (2, "sidfot"),
    "footnotes+xml": (3, "fotnoter"),
}

#: Entities off: a template is a designer's file, not something to resolve against.
_PARSER: Final = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


# -- tags and the names in them ---------------------------------------------------------------

_OPENER: Final = re.compile(r"\{[{%#]")
_CLOSER: Final = {"{{": "}}", "{%": "%}", "{#": "#}"}
#: docxtpl's level prefixes: ``{%tr for … %}``, ``{{p text|stycken }}``.
_DOCXTPL_PREFIX: Final = re.compile(r"(?:tr|tc|p|r) ")
#: Word's typographic quotes count as straight ones, as docxtpl makes them before parsing.
_STRAIGHT_QUOTES: Final = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_TOKEN: Final = re.compile(
    r"""(?P<ws>\s+)
    |(?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    |(?P<number>\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)
    |(?P<name>[^\W\d]\w*)
    |(?P<op>==|!=|<=|>=|//|\*\*|.)""",
    re.VERBOSE | re.DOTALL,
)
#: Words of Jinja's expression syntax: never a variable, whatever follows them.
_KEYWORDS: Final = frozenset(
    {"and", "or", "not", "in", "is", "if", "else", "recursive", "true", "false", "none"}
    | {"True", "False", "None", "with", "without", "context", "ignore", "missing", "as"}
)
_IDENTIFIER: Final = re.compile(r"[^\W\d]\w*")
_PATH: Final = re.compile(r"[^\W\d]\w*(?:\.[^\W\d]\w*)*")


@attrs.frozen
class Tag:
    """A Jinja tag in a paragraph's text: its span and its text with Word's typographic
    quotes made straight; *complete* if it closes in the paragraph."""

    start: int
    end: int
    text: str
    complete: bool


@attrs.frozen
class Reference:
    """A name a tag uses: a variable with its field path (``ekonomi.sammanfattning.rader``)
    or a filter; *segments* holds each dotted part as (name, start, end) in the paragraph."""

    kind: Literal["variable", "filter"]
    segments: tuple[tuple[str, int, int], ...]


@attrs.frozen
class _Token:
    kind: str
    text: str
    start: int


def _tag_end(text: str, pos: int, opener: str) -> int | None:
    """Where the tag opened before *pos* ends; a closer inside a string literal does not count."""
    closer = _CLOSER[opener]
    if opener == "{#":
        end = text.find(closer, pos)
        return None if end == -1 else end + 2
    quote: str | None = None
    i = pos
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif text.startswith(closer, i):
            return i + 2
        i += 1
    return None


def find_tags(text: str) -> list[Tag]:
    """Every tag in a paragraph's text, in order; an unclosed last one is incomplete."""
    text = text.translate(_STRAIGHT_QUOTES)
    tags: list[Tag] = []
    i = 0
    while (m := _OPENER.search(text, i)) is not None:
        end = _tag_end(text, m.end(), m.group())
        if end is None:
            tags.append(Tag(m.start(), len(text), text[m.start() :], complete=False))
            break
        tags.append(Tag(m.start(), end, text[m.start() : end], complete=True))
        i = end
    return tags


def _tokens(tag: Tag) -> list[_Token]:
    """The significant tokens of a complete tag, positioned in the paragraph's text."""
    body_start = 2
    if m := _DOCXTPL_PREFIX.match(tag.text, body_start):
        body_start = m.end()
    body = tag.text[body_start:-2]
    offset = tag.start + body_start
    found = (_Token(m.lastgroup or "op", m.group(), offset + m.start()) for m in _TOKEN.finditer(body))
    return [t for t in found if t.kind != "ws"]


def references(tag: Tag) -> list[Reference]:
    """The variables (with field paths) and filters a complete tag uses, in order.

    Not references: the statement word of ``{% … %}`` (``for``, ``if``, ``cellbg``),
    Jinja's own words, fields reached other than by a dotted path from a name, tests
    (``is defined``), keyword arguments (``noll=''``), and anything inside a string or
    a comment.
    """
    if not tag.complete or tag.text.startswith("{#"):
        return []
    tokens = _tokens(tag)
    found: list[Reference] = []
    statement = -1
    if tag.text.startswith("{%"):
        statement = next((i for i, t in enumerate(tokens) if t.kind == "name"), -1)
    depth = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        before = [t.text for t in tokens[max(0, i - 2) : i]]
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if token.kind == "op":
            depth += token.text in "([{"
            depth -= token.text in ")]}"
        elif token.kind != "name" or i == statement:
            pass
        elif before[-1:] == ["|"] or (i - 1 == statement and tokens[statement].text == "filter"):
            found.append(Reference("filter", ((token.text, token.start, token.start + len(token.text)),)))
        elif (
            token.text in _KEYWORDS
            or before[-1:] in (["."], ["is"])
            or before == ["is", "not"]
            or (depth > 0 and after == "=")
        ):
            pass
        else:
            segments = [(token.text, token.start, token.start + len(token.text))]
            while i + 2 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 2].kind == "name":
                i += 2
                t = tokens[i]
                segments.append((t.text, t.start, t.start + len(t.text)))
            found.append(Reference("variable", tuple(segments)))
        i += 1
    return found


@attrs.frozen
class Rename:
    """A rename of the contract: a variable or field path, or (*filter*) a filter name.

    A path matches from its first name and at whole names only: ``ekonomi.sammanfattning``
    matches ``ekonomi.sammanfattning.rader`` but neither ``ekonomi.sammanfattningstext``
    nor ``r.ekonomi.sammanfattning``.
    """

    old: str
    new: str
    filter: bool = False

    def __attrs_post_init__(self) -> None:
        pattern = _IDENTIFIER if self.filter else _PATH
        what = (
            "ett filternamn" if self.filter else "ett namn eller en punktad sökväg (ekonomi.sammanfattning)"
        )
        for value in (self.old, self.new):
            if not pattern.fullmatch(value) or set(value.split(".")) & _KEYWORDS:
                raise ValueError(f"{value!r} är inte {what}")
        if self.old == self.new:
            raise ValueError("det gamla och det nya namnet är samma")

    def edits(self, text: str) -> list[tuple[int, int, str]]:
        """The replacements (start, end, new text) this rename makes in a paragraph's text."""
        old = self.old.split(".")
        out: list[tuple[int, int, str]] = []
        for tag in find_tags(text):
            for ref in references(tag):
                names = [name for name, _, _ in ref.segments]
                if (ref.kind == "filter") == self.filter and names[: len(old)] == old:
                    out.append((ref.segments[0][1], ref.segments[len(old) - 1][2], self.new))
        return out


# -- paragraphs of the Word XML ---------------------------------------------------------------


def _text_nodes(paragraph: etree._Element) -> list[etree._Element]:
    """A paragraph's own w:t nodes in order; a text box's paragraphs are paragraphs of their own."""
    nodes: list[etree._Element] = []
    for child in paragraph:
        if not isinstance(child.tag, str) or child.tag == _W_P:
            continue
        if child.tag == _W_T:
            nodes.append(child)
        else:
            nodes.extend(_text_nodes(child))
    return nodes


def _apply(nodes: Sequence[etree._Element], edits: Sequence[tuple[int, int, str]]) -> None:
    """Make the edits (in paragraph-text positions) in the run texts they fall on.

    The new text goes where the old began; the characters after it, in the same or later
    runs, are removed. Edits are made from the end, so earlier positions stay valid.
    """
    places = [(n, j) for n, node in enumerate(nodes) for j in range(len(node.text or ""))]
    edited: set[int] = set()
    for start, end, new in sorted(edits, reverse=True):
        for pos in range(end - 1, start - 1, -1):
            n, j = places[pos]
            text = nodes[n].text or ""
            nodes[n].text = text[:j] + (new if pos == start else "") + text[j + 1 :]
            edited.add(n)
    for n in edited:
        # A run that now begins or ends with a space keeps it only when it says so.
        text = nodes[n].text or ""
        if text != text.strip() and nodes[n].get(_XML_SPACE) is None:
            nodes[n].set(_XML_SPACE, "preserve")


_PROLOG_ITEM: Final = re.compile(rb"\s*<[?!]")


def _serialise(original: bytes, root: etree._Element) -> bytes:
    """The edited part, with the original's declaration and line end before the root element."""
    start = 0
    while (m := _PROLOG_ITEM.match(original, start)) is not None:
        start = original.index(b">", m.end()) + 1
    while original[start : start + 1].isspace():
        start += 1
    return original[:start] + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


# -- templates and layouts ----------------------------------------------------------------------


@attrs.frozen
class Part:
    """An XML part docxtpl renders: its member name, Swedish label and order in a listing."""

    name: str
    label: str
    order: int


def template_parts(archive: zipfile.ZipFile) -> list[Part]:
    """The body, headers, footers and footnotes of a .docx, by their content types."""
    types = etree.fromstring(archive.read("[Content_Types].xml"), _PARSER)
    parts = []
    for override in types.iter(f"{_CONTENT_TYPES}Override"):
        kind = _PART_KINDS.get(override.get("ContentType", "").rsplit(".", 1)[-1])
        name = override.get("PartName", "").lstrip("/")
        if kind is not None and name in archive.namelist():
            parts.append(Part(name, kind[1], kind[0]))
    return sorted(parts, key=lambda p: (p.order, p.name))


def _paragraphs(archive: zipfile.ZipFile, part: Part) -> tuple[etree._Element, list[etree._Element]]:
    root = etree.fromstring(archive.read(part.name), _PARSER)
    return root, list(root.iter(_W_P))


@attrs.frozen
class Change:
    """One paragraph a rename changes: where it is and its text before and after."""

    file: Path
    part: Part
    paragraph: int
    before: str
    after: str

    def __str__(self) -> str:
        return (
            f"{_shown(self.file)}, {self.part.label} ({self.part.name}), stycke {self.paragraph}:\n"
            f"  före:  {self.before}\n  efter: {self.after}"
        )


def rename_in_docx(data: bytes, rename: Rename, file: Path) -> tuple[bytes, list[Change]]:
    """The template *data* with *rename* made, and the changes; unchanged data if none."""
    changes: list[Change] = []
    replaced: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in template_parts(archive):
            root, paragraphs = _paragraphs(archive, part)
            changed = False
            for number, paragraph in enumerate(paragraphs, start=1):
                nodes = _text_nodes(paragraph)
                text = "".join(n.text or "" for n in nodes)
                edits = rename.edits(text)
                if edits:
                    _apply(nodes, edits)
                    after = "".join(n.text or "" for n in nodes)
                    changes.append(
                        Change(file, part, number, " ".join(text.split()), " ".join(after.split()))
                    )
                    changed = True
            if changed:
                replaced[part.name] = _serialise(archive.read(part.name), root)
    return (replace_members(data, replaced) if replaced else data), changes


def rename_in_layouts(folders: Sequence[Path], rename: Rename, *, dry_run: bool = False) -> list[Change]:
    """Make *rename* in every template of the layout *folders*; with *dry_run* write nothing.

    Every template is read and changed before the first is written, so a template that
    cannot be read leaves all of them as they were.
    """
    changes: list[Change] = []
    written: list[tuple[Path, bytes]] = []
    for path in _templates(folders):
        data = path.read_bytes()
        try:
            new, found = rename_in_docx(data, rename, path)
        except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError) as exc:
            raise ValueError(f"{_shown(path)} går inte att läsa som .docx: {exc}") from None
        changes.extend(found)
        if new != data:
            written.append((path, new))
    if not dry_run:
        for path, new in written:
            _replace_file(path, new)
    return changes


def default_layouts() -> list[Path]:
    """Every layout folder in the repository's ``templates/``."""
    return sorted(p for p in (ROOT / "templates").iterdir() if p.is_dir() and any(p.glob("*.docx")))


def _templates(folders: Sequence[Path]) -> Iterator[Path]:
    for folder in folders:
        if not folder.is_dir():
            raise FileNotFoundError(f"layoutmappen {folder} finns inte")
        # Word's lock files (~$ekonomi.docx) sit beside an open template.
        yield from sorted(p for p in folder.glob("*.docx") if not p.name.startswith("~$"))


def _replace_file(path: Path, data: bytes) -> None:
    """Replace *path* all at once, keeping its permissions."""
    mode = path.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _shown(path: Path) -> str:
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)


# -- patching a zip archive -----------------------------------------------------------------

_LOCAL: Final = struct.Struct("<4s5H3L2H")
_CENTRAL: Final = struct.Struct("<4s6H3L5H2L")
_END: Final = struct.Struct("<4s4H2LH")
_DESCRIPTOR_SIGNATURE: Final = b"PK\x07\x08"


def replace_members(data: bytes, members: Mapping[str, bytes]) -> bytes:
    """The zip archive *data* with the content of *members* replaced.

    Every other member keeps its bytes, and all keep their order, times, attributes and
    compression method (a replaced deflated member is compressed at level 9); only the
    offsets change. Python's zipfile cannot copy a member without recompressing it,
    hence the archive records are read and written here.
    """
    end_at = data.rfind(b"PK\x05\x06")
    if end_at < 0:
        raise ValueError("ingen zip-fil")
    _, disk, _, count, total, cd_size, cd_offset, comment_len = _END.unpack_from(data, end_at)
    if disk or count != total or 0xFFFFFFFF in (cd_size, cd_offset) or total == 0xFFFF:
        raise ValueError("zip-filer i flera delar eller i zip64-format stöds inte")
    entries: list[tuple[int, bytes, bytes]] = []  # (local offset, central record, its name)
    pos = cd_offset
    for _ in range(total):
        fields = _CENTRAL.unpack_from(data, pos)
        size = _CENTRAL.size + fields[10] + fields[11] + fields[12]
        entries.append((fields[16], data[pos : pos + size], data[pos + 46 : pos + 46 + fields[10]]))
        pos += size
    wanted = dict(members)
    out = io.BytesIO()
    new_central: dict[int, bytes] = {}
    for offset, record, raw_name in sorted(entries):
        central = list(_CENTRAL.unpack_from(record))
        flags, method, csize = central[3], central[4], central[8]
        local = list(_LOCAL.unpack_from(data, offset))
        header_end = offset + _LOCAL.size + local[9] + local[10]
        body_end = header_end + csize
        if flags & 0x08:
            body_end += 16 if data[body_end : body_end + 4] == _DESCRIPTOR_SIGNATURE else 12
        name = raw_name.decode("utf-8" if flags & 0x800 else "cp437")
        central[16] = out.tell()
        if name in wanted:
            content = wanted.pop(name)
            packed = _compress(content, method)
            sizes = (zlib.crc32(content), len(packed), len(content))
            central[7:10] = sizes
            if not flags & 0x08:
                local[6:9] = sizes
            out.write(_LOCAL.pack(*local) + data[offset + _LOCAL.size : header_end] + packed)
            if flags & 0x08:
                signature = _DESCRIPTOR_SIGNATURE if body_end - header_end - csize == 16 else b""
                out.write(signature + struct.pack("<3L", *sizes))
        else:
            out.write(data[offset:body_end])
        new_central[offset] = _CENTRAL.pack(*central) + record[_CENTRAL.size :]
    if wanted:
        raise KeyError(f"finns inte i arkivet: {', '.join(sorted(wanted))}")
    start = out.tell()
    for offset, _record, _name in entries:
        out.write(new_central[offset])
    out.write(_END.pack(b"PK\x05\x06", 0, 0, count, total, out.tell() - start, start, comment_len))
    out.write(data[end_at + _END.size : end_at + _END.size + comment_len])
    result = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(result)) as check:
        if check.testzip() is not None:
            raise ValueError("det omskrivna arkivet går inte att läsa")
    return result


def _compress(content: bytes, method: int) -> bytes:
    if method == zipfile.ZIP_STORED:
        return content
    if method == zipfile.ZIP_DEFLATED:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        return compressor.compress(content) + compressor.flush()
    raise ValueError(f"komprimeringsmetod {method} stöds inte")


# -- listing the tags in use --------------------------------------------------------------------


def list_tags(folders: Sequence[Path]) -> Iterator[str]:
    """Lines naming every tag per layout, template and part, each once with its count."""
    for folder in folders:
        yield f"{_shown(folder)}/"
        for path in _templates([folder]):
            yield f"  {path.name}"
            with zipfile.ZipFile(path) as archive:
                for part in template_parts(archive):
                    tags: Counter[str] = Counter()
                    for paragraph in _paragraphs(archive, part)[1]:
                        text = "".join(n.text or "" for n in _text_nodes(paragraph))
                        for tag in find_tags(text):
                            shown = " ".join(tag.text.split())
                            tags[shown if tag.complete else f"{shown}  (ofullständig)"] += 1
                    if tags:
                        yield f"    {part.label} ({part.name})"
                        yield from (f"      {t}" + (f"  ×{n}" if n > 1 else "") for t, n in tags.items())


# -- command line -------------------------------------------------------------------------------


def _folders_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "mappar", metavar="MAPP", nargs="*", type=Path, help="layoutmappar; standard alla i templates/"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python tools/mallverktyg.py",
        description="Mekaniska ändringar av mallkontraktet i de incheckade .docx-mallarna.",
    )
    sub = parser.add_subparsers(dest="kommando", required=True, metavar="KOMMANDO")
    p = sub.add_parser(
        "byt-namn",
        help="byt namn på en variabel, en fältsökväg eller ett filter i taggarna",
        description="Byter GAMMALT mot NYTT i varje Jinja-tagg i brödtext, sidhuvuden, sidfötter och "
        "fotnoter i varje mall i mapparna. En sökväg matchar från sitt första namn och bara hela namn.",
    )
    p.add_argument("gammalt", metavar="GAMMALT", help="t.ex. ekonomi.sammanfattning, eller ett filter")
    p.add_argument("nytt", metavar="NYTT")
    _folders_argument(p)
    p.add_argument("--filter", action="store_true", help="GAMMALT och NYTT är filternamn (|belopp)")
    p.add_argument("--torrkorning", action="store_true", help="visa ändringarna men skriv ingenting")
    p = sub.add_parser("lista", help="lista taggarna per layout, mall och del")
    _folders_argument(p)
    p = sub.add_parser(
        "visas-inte",
        help="skriv blocket visas_inte för en layouts installningar.yaml",
        description="Skriver blocket visas_inte: fälten i indata som layouten inte skriver ut, med "
        "skälen som installningar.yaml redan har; ett nytt fält får ett tomt skäl att fylla i.",
    )
    p.add_argument("layout", metavar="LAYOUT", help="layoutens namn (uppsala) eller mapp")
    return parser


def visas_inte(layout: str) -> str:
    """The ``visas_inte`` block for the layout named *layout* (a shipped name or a folder)."""
    from delarsrapport._designer.visas_inte import visas_inte_block

    folder = Path(layout) if Path(layout).is_dir() else ROOT / "templates" / layout
    if not folder.is_dir():
        raise ValueError(f"layouten {layout} finns varken som mapp eller i templates/")
    return visas_inte_block(folder)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the tool; the exit status is 0 on success, 1 if a rename found nothing, 2 on error."""
    args = _parser().parse_args(argv)
    if args.kommando == "visas-inte":
        from delarsrapport import DelarsrapportError

        try:
            print(visas_inte(args.layout), end="")
        except (ValueError, DelarsrapportError) as exc:
            print(f"mallverktyg: {exc}", file=sys.stderr)
            return 2
        return 0
    try:
        folders: list[Path] = args.mappar or default_layouts()
        if args.kommando == "lista":
            for line in list_tags(folders):
                print(line)
            return 0
        rename = Rename(args.gammalt, args.nytt, filter=args.filter)
        changes = rename_in_layouts(folders, rename, dry_run=args.torrkorning)
    except (ValueError, OSError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        print(f"mallverktyg: {exc}", file=sys.stderr)
        return 2
    for change in changes:
        print(change)
    if not changes:
        print(f"{rename.old} finns inte i någon tagg; ingenting ändrat", file=sys.stderr)
        return 1
    files = len({c.file for c in changes})
    counted = (
        f"{len(changes)} {'stycke' if len(changes) == 1 else 'stycken'} "
        f"i {files} {'mall' if files == 1 else 'mallar'}"
    )
    if args.torrkorning:
        print(f"\n{counted} skulle ändras (torrkörning: inget skrevs)")
    else:
        print(f"\n{counted} ändrade. Kontrollera nu varje layout:")
        for folder in sorted({c.file.parent for c in changes}):
            print(f"  delarsrapport layout check {_shown(folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
