"""The facts around a Perjanjian Kinerja's table: title, unit, year, place/date, the two parties.

Title, unit, year and place/date are found as for a RAK (``meta.read_meta`` with the PK's
title: "PERJANJIAN KINERJA TAHUN 2024"). What is the PK's own is that two people sign it, and
it names them twice in its usual form (PermenPANRB 53/2014):

- the statement: ``Nama : ...`` / ``Jabatan : ...`` / "selanjutnya disebut pihak pertama",
  then the same for the one "selaku atasan pihak pertama, selanjutnya disebut pihak kedua";
- the signature blocks: "Pihak Kedua," and "Pihak Pertama,", each with a title, the name as
  printed and often a NIP, side by side.

The statement says who is who in words, so its name and title win; the signature fills in
what the statement lacks (a NIP, or everything when there is no statement). A paragraph may
wrap anywhere ("... disebut pihak" / "kedua"), so the statement is read as running text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .grid import Grid
from .meta import _gather, _unit_in, join_label_lines, read_meta
from .model import Signer
from .pk_model import PkMeta
from .signature import _NIP, _as_printed_name, _date_at, side_by_side

PK_TITLE = "PERJANJIAN KINERJA"

# The colon may be lost (a scan reads "Nama : FITRI" as "Nama FITRI" or "Nama. FITRI").
_NAMA = re.compile(r"^\s*nama\b\s*[:.;]?\s*(?P<v>\S.*?)\s*$", re.IGNORECASE)
_JABATAN = re.compile(r"^\s*jabatan\b\s*[:.;]?\s*(?P<v>\S.*?)\s*$", re.IGNORECASE)
_NIP_LABEL = re.compile(r"^\s*n\s?i\s?p\.?\s*:\s*(?P<v>[\d ]+?)\s*$", re.IGNORECASE)
_ANY_LABEL = re.compile(r"^\s*[A-Za-z][A-Za-z/ .]{1,30}?\s*:")
# The words that open the clause naming the party, after the name and title.
_CLAUSE = re.compile(
    r"^\s*(?:selanjutnya|selaku|dalam\s+hal|bertindak|yang\s+selanjutnya)\b", re.IGNORECASE
)
_CALLED = re.compile(r"disebut\s+(?:sebagai\s+)?pihak\s+(pertama|kedua)", re.IGNORECASE)
_PARTY = re.compile(r"pihak\s+(pertama|kedua)", re.IGNORECASE)
_PARTY_HEAD = re.compile(r"^\s*pihak\s+(pertama|kedua)\s*[,.:]?\s*$", re.IGNORECASE)
_STATEMENT_SPAN = 8  # lines after "Nama :" that may still belong to its party


def _party(text: str) -> str | None:
    """ "pertama"/"kedua": whom the clause names ("disebut pihak kedua" over any mention)."""
    found: list[str] = _CALLED.findall(text) or _PARTY.findall(text)
    return found[-1].lower() if found else None


_LONE_LABEL = re.compile(r"^\s*(nama|jabatan|nip)\s*[:.,;]?\s*$", re.IGNORECASE)


def _label_with_value(lines: Sequence[str]) -> list[str]:
    """``Nama`` and ``FITRI`` read as two parts of one line (the colon between them lost to
    a scan, or tab-stopped far apart) put back together as ``Nama : FITRI``."""
    out: list[str] = []
    for ln in lines:
        if out and (m := _LONE_LABEL.match(out[-1])) and not _LONE_LABEL.match(ln):
            out[-1] = f"{m.group(1)} : {ln.lstrip(':;., ')}"
        else:
            out.append(ln)
    return out


def _statement(lines: Sequence[str]) -> dict[str, Signer]:
    """The parties named by ``Nama :`` / ``Jabatan :`` and the clause after them."""
    out: dict[str, Signer] = {}
    lines = _label_with_value(lines)
    starts = [i for i, ln in enumerate(lines) if _NAMA.match(ln)]
    for k, start in enumerate(starts):
        end = min(starts[k + 1] if k + 1 < len(starts) else len(lines), start + _STATEMENT_SPAN)
        signer = Signer(nama=_NAMA.match(lines[start]).group("v"))  # type: ignore[union-attr]
        clause: list[str] = []
        in_title = False
        for ln in lines[start + 1 : end]:
            if m := _JABATAN.match(ln):
                signer.jabatan, in_title = m.group("v"), True
            elif m := _NIP_LABEL.match(ln):
                signer.nip, in_title = m.group("v").replace(" ", "") or None, False
            elif in_title and not clause and not _CLAUSE.match(ln) and not _ANY_LABEL.match(ln):
                signer.jabatan = f"{signer.jabatan} {ln.strip()}"  # the title wrapped
            else:
                in_title = False
                clause.append(ln)
        party = _party(" ".join(clause))
        if party and party not in out:
            out[party] = signer
    return out


def _block_signer(lines: Sequence[str]) -> Signer:
    """Title, name and NIP from the lines under "Pihak Pertama,", up to the next block."""
    body: list[str] = []
    nip: str | None = None
    for i, ln in enumerate(lines):
        if _PARTY_HEAD.match(ln) or _date_at(lines, i):
            break
        if m := _NIP.match(ln):
            nip = m.group("nip").replace(" ", "") or None
            break
        if ln.strip():
            body.append(ln.strip())
    if not body:
        return Signer(nip=nip)
    # The title ends with a comma ("Sekretaris KPU Kabupaten X,"); a name never does, even
    # with its degrees ("HERMAN SUSANTO, S.H."). Without such a line the name is the last.
    titled = [i for i, ln in enumerate(body) if ln.endswith(",")]
    end = titled[-1] + 1 if titled else len(body) - 1
    title = " ".join(body[:end]).rstrip(",").strip() or None
    names = body[end:]
    name = _as_printed_name(names[-1]) if names else None
    return Signer(jabatan=title, nama=name or None, nip=nip)


def _signatures(blocks: Sequence[Sequence[str]]) -> dict[str, Signer]:
    out: dict[str, Signer] = {}
    for block in blocks:
        for i, ln in enumerate(block):
            m = _PARTY_HEAD.match(ln)
            if m and m.group(1).lower() not in out:
                out[m.group(1).lower()] = _block_signer(block[i + 1 :])
    return out


def _merged(said: Signer | None, signed: Signer | None) -> Signer:
    said, signed = said or Signer(), signed or Signer()
    return Signer(
        jabatan=said.jabatan or signed.jabatan,
        nama=said.nama or signed.nama,
        nip=said.nip or signed.nip,
    )


def read_pk_meta(grid: Grid, used_tables: set[int]) -> PkMeta:
    base = read_meta(grid, used_tables, title=PK_TITLE)
    text = _gather(grid, used_tables)
    before = join_label_lines(text.before)
    after = join_label_lines([t for t, _ in text.after])
    tables = [join_label_lines(b) for b in text.after_tables]
    sides = [join_label_lines(b) for b in side_by_side(text.after)] if text.after else []
    said = _statement([*before, *after])
    signed = _signatures([before, *tables, *sides])
    first = _merged(said.get("pertama"), signed.get("pertama"))
    second = _merged(said.get("kedua"), signed.get("kedua"))
    unit = base.unit_organisasi
    if not unit and first.jabatan:
        unit = _unit_in(first.jabatan)  # "Sekretaris KPU Kabupaten X": the office it names
    return PkMeta(
        judul=base.judul,
        unit_organisasi=unit,
        tahun=base.tahun,
        tempat=base.tempat,
        tanggal=base.tanggal,
        pihak_pertama=first,
        pihak_kedua=second,
    )
