#!/usr/bin/env python3
"""Make a large, realistic, reproducible corpus of report texts for benchmarking `peel run` (issue 6).

Usage:
    python3 Benchmarks/make_corpus.py --mb 300 --out /tmp/bench/corpus [--seed 6] [--samples DIR] [--forces CSV]

Writes, under --out:
    files/docs/NNNNN-<name>.txt|.md   one file per document (every file's bytes are distinct)
    corpus.tar                        uncompressed tar of files/ (parse-bound benchmarks)
    corpus.tar.gz                     the same, `tar czf` (gzip at its default level)
    corpus.zip                        the same, deflate at zlib's default level
    summary.json                      what was made: counts, text bytes (run.sh reads `text_bytes`)

Standard library only. The same --seed and --mb give byte-identical files and archives.

What is in it (MB = 10^6 bytes of uncompressed text, counted over all files):
  * PEEL effectiveness reports (about two thirds of the documents), rendered from the five samples in
    Tests/Fixtures/samples: the sample's force replaced by each of the 43 forces of Pipeline/forces.csv in
    turn (full name and short name), the assessment year set to 2014-2017 in turn (a 2015-layout sample
    becomes a 2014 or 2015 report, a 2017-layout one a 2016 or 2017 report; every date in the text moves with
    it, Acts of Parliament keep theirs; the copyright holder is HMIC or HMICFRS as the year says), and the
    force's figures of 10 or more scaled by one factor per report within +-8 %, printed in their original
    precision (so a report still agrees with itself). Left as printed: England and Wales figures (every
    report of a year agrees on them), contents page numbers, dates, "per 1,000" bases, footnote marks,
    small numbers and grade count tables. National overviews are rare (4 % of PEEL documents).
  * Text flavours as the samples come (plain .txt and markdown .md), plus markdown stripped to plain, and
    variants of some reports: CRLF line ends, hard-wrapped at 80 columns (as the robustness tests wrap),
    page breaks (form feed + page number every 60 lines), NBSPs and ligatures, Windows-1252, UTF-16.
  * Non-PEEL documents (about a third): annual reports and police-and-crime plans made of shuffled sample
    paragraphs, committee minutes, and press releases whose first line is a PEEL title but which have no
    "An inspection of ..." title page (so they must be recognised as `other`).
  * A few bad entries: PNG and PDF blobs, random bytes, an empty file, text with NUL bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FIXED_MTIME = 1514764800  # 2018-01-01T00:00:00Z, for reproducible archives
YEARS = (2014, 2015, 2016, 2017)
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
TIME_UNITS = ("month", "year", "week", "day", "hour", "minute", "second", "am", "pm")
# A number after one of these words is a label or a base, not a measurement.
LABEL_WORDS = {"per", "figure", "figures", "table", "annex", "page", "pages", "paragraph", "paragraphs",
               "recommendation", "question", "section", "chapter", "step", "footnote", "appendix", "no",
               "number", "version", "phase", "tier", "level", "part", "stage", "article", "act", "schedule",
               "priority", "item"}
SPECIAL_NUMBERS = {"101", "999", "111"}


# ---------------------------------------------------------------------------------------------------------
# Reference data and samples
# ---------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Force:
    id: str
    name: str
    short: str
    aliases: tuple[str, ...]


def read_forces(path: Path) -> list[Force]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    forces = [Force(r["force_id"], r["name"], r["short_name"],
                    tuple(a.strip() for a in (r.get("aliases") or "").split(";") if a.strip())) for r in rows]
    if len(forces) != 43:
        sys.exit(f"{path}: expected 43 forces, found {len(forces)}")
    return forces


def name_key(name: str) -> str:
    text = name.lower().replace("&", " and ")
    for dash in "-–—.,":
        text = text.replace(dash, " ")
    return " ".join(w for w in text.split() if w not in {"police", "constabulary", "service", "force", "the"})


# Tokens the template remembers as slots: ("F", full_name?) force name, ("Y", year, sep, yy) a year,
# ("I",) the inspectorate, ("N", sign, value, decimals, commas, percent, literal) a number to perturb.
YEAR_RE = r"(?<![\w.,£])(?P<year>20[0-2][0-9])(?:(?P<ysep>[/–-])(?P<yy>[0-9]{2}))?(?![\w]|[.,][0-9])"
NUMBER_RE = (r"(?<![\w.,/:£-])(?P<sign>[+\-]?)(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<dec>\.[0-9]+)?"
             r"(?![\w/-]|[.,][0-9])")
INSPECTORATE_RE = r"\bHMIC(?:FRS)?\b"
CONTENTS_LINE = re.compile(r"(\t|\.\.)\s*(<b>)?[0-9]+(</b>)?\s*$")  # a contents line's page number
NUMBERS_ONLY = re.compile(r"[\s0-9,.%<>/b*+-]*")                   # with tabs: grade distribution counts


@dataclass
class Template:
    """A sample split once into literal text and slots, so each rendering is a cheap join."""
    name: str
    kind: str            # "force" or "national"
    year: int
    flavour: str         # "txt" or "md"
    force: Force | None
    source: str
    parts: list = field(default_factory=list)
    slots: int = 0

    def render(self, rng: random.Random, force: Force | None, year: int, spread: float) -> str:
        delta = year - self.year
        inspectorate = "HMICFRS" if year >= 2017 else "HMIC"
        out = []
        # One factor per report: a figure printed twice (at any precision), a count and its rate, an
        # outcome count and its percentage all move together, so the report still agrees with itself.
        factor = rng.uniform(1 - spread, 1 + spread)
        for part in self.parts:
            if part.__class__ is str:
                out.append(part)
                continue
            kind = part[0]
            if kind == "F":
                out.append(force.name if part[1] else force.short)
            elif kind == "Y":
                _, y, sep, yy = part
                out.append(str(y + delta) if sep is None else f"{y + delta}{sep}{(yy + delta) % 100:02d}")
            elif kind == "I":
                out.append(inspectorate)
            else:  # "N"
                _, sign, value, decimals, commas, percent, literal = part
                new = value * factor
                if percent and not sign:
                    new = min(new, 100.0)
                out.append(sign + (f"{new:,.{decimals}f}" if commas else f"{new:.{decimals}f}"))
        return "".join(out)


def read_template(path: Path, forces: list[Force]) -> Template:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    head = [re.sub(r"^#+\s*|\*\*|</?b>", "", l).strip() for l in lines[:60]]
    year = force = kind = None
    for i, line in enumerate(head):
        m = re.fullmatch(r"PEEL: Police effectiveness (\d{4})", line)
        if m:
            year = int(m.group(1))
            following = next((l for l in head[i + 1:] if l), "")
            if following.lower().startswith("a national overview"):
                kind = "national"
            elif following.lower().startswith("an inspection of "):
                kind = "force"
                subject = name_key(following[len("an inspection of "):].strip(" ."))
                force = next((f for f in forces
                              if subject in {name_key(n) for n in (f.name, f.short, *f.aliases)}), None)
                if force is None:
                    sys.exit(f"{path.name}: unknown force in {following!r}")
            break
    if year is None or kind is None:
        sys.exit(f"{path.name}: no PEEL effectiveness title page")

    alternatives = [f"(?P<year_>{YEAR_RE})", f"(?P<insp>{INSPECTORATE_RE})"]
    if force:
        variants = sorted({force.name, force.short, *force.aliases}, key=len, reverse=True)
        alternatives.insert(0, "(?P<force>(?<!\\w)(?:" + "|".join(map(re.escape, variants)) + ")(?!\\w))")
    alternatives.append(f"(?P<num>{NUMBER_RE})")
    token = re.compile("|".join(alternatives))

    template = Template(path.name, kind, year, "md" if path.suffix == ".md" else "txt", force, text)
    parts: list = []
    literal: list[str] = []
    # England and Wales figures stay as printed (every report of a year agrees on them): those on a line
    # that names England and Wales or follows one closely, and a table's columns from its England and
    # Wales heading on.
    recent: list[str] = []  # the last two non-blank lines
    ew_column: int | None = None
    for index, line in enumerate(lines):
        tabbed = "\t" in line
        if tabbed and "England and Wales" in line:
            ew_column = next(i for i, cell in enumerate(line.split("\t")) if "England and Wales" in cell)
        elif line.strip() and not tabbed:
            ew_column = None
        frozen_numbers = (index < 25 or "www" in line or "http" in line or "ISBN" in line
                          or CONTENTS_LINE.search(line) is not None
                          or (tabbed and NUMBERS_ONLY.fullmatch(line) is not None)
                          or (not tabbed and any("England and Wales" in l for l in (line, *recent))))
        if line.strip():
            recent = [*recent[-1:], line]
        pos = 0
        for m in token.finditer(line):
            frozen = frozen_numbers or (tabbed and ew_column is not None
                                        and line.count("\t", 0, m.start()) >= ew_column)
            slot = classify(m, line, force, frozen)
            if slot is None:
                continue
            literal.append(line[pos:m.start()])
            parts.append("".join(literal))
            literal = []
            parts.append(slot)
            template.slots += 1
            pos = m.end()
        literal.append(line[pos:])
        literal.append("\n")
    literal[-1:] = []  # no newline after the last line: split() added none
    parts.append("".join(literal))
    template.parts = [p for p in parts if p != ""]
    return template


def classify(m: re.Match, line: str, force: Force | None, frozen_numbers: bool):
    before = line[:m.start()]
    if force and m.group("force"):
        word = m.group("force")
        return ("F", bool(re.search(r"(Police|Constabulary|Service)$", word) or word.startswith("Heddlu")))
    if m.group("year_"):
        if re.search(r"\bAct\s*$", before):  # "Modern Slavery Act 2015" keeps its year
            return None
        yy = m.group("yy")
        return ("Y", int(m.group("year")), m.group("ysep"), int(yy) if yy else None)
    if m.group("insp"):
        return ("I",)
    if frozen_numbers:
        return None
    whole, sign, integer, dec = m.group("num"), m.group("sign"), m.group("int"), m.group("dec") or ""
    if integer in SPECIAL_NUMBERS or before.endswith("<sup>") or before.endswith("\\"):
        return None
    value = float(integer.replace(",", "") + dec)
    if value < 10:  # small numbers: ordinals, counts of forces, percentages printed once rounded, once not
        return None
    if not dec and "," not in integer and len(integer) == 4 and 1900 <= value <= 2099:
        return None  # a year outside the shifted range
    previous = re.search(r"([A-Za-z.]+)\s*$", before)
    if previous and previous.group(1).lower().rstrip(".") in LABEL_WORDS:
        return None
    after = line[m.end():m.end() + 14].lstrip().lower()
    if after.startswith(MONTHS) or after.startswith(TIME_UNITS):
        return None
    percent = after.startswith("%") or after.startswith("per cent") or line[m.end():m.end() + 1] == "%"
    return ("N", sign, value, len(dec) - 1 if dec else 0, "," in integer, percent, integer + dec)


# ---------------------------------------------------------------------------------------------------------
# Variants (the same transformations the robustness tests apply)
# ---------------------------------------------------------------------------------------------------------

def hard_wrapped(text: str, width: int = 80) -> str:
    out = []
    for line in text.split("\n"):
        if len(line) <= width or "\t" in line:
            out.append(line)
            continue
        current = ""
        for word in line.split(" "):
            if current and len(current) + 1 + len(word) > width:
                out.append(current)
                current = word
            else:
                current = current + " " + word if current else word
        out.append(current)
    return "\n".join(out)


def paged(text: str) -> str:
    out = []
    for index, line in enumerate(text.split("\n")):
        out.append(line)
        if index % 60 == 59:
            out.append(f"{index // 60 + 1}\n\f")
    return "\n".join(out)


def nbsp_and_ligatures(text: str) -> str:
    text = text.replace("fi", "\ufb01").replace("fl", "\ufb02")
    return re.sub(r" (?=[0-9])", "\u00a0", text)


MARKDOWN_PATTERNS = [(re.compile(p, re.M), r) for p, r in [
    (r"<sup>[^<]*</sup>", ""), (r"</?b>", ""), (r"\*\*", ""), (r"^#+ ", ""), (r"\[([^\]]*)\]\([^)]*\)", r"\1")]]


def markdown_stripped(text: str) -> str:
    for pattern, replacement in MARKDOWN_PATTERNS:
        text = pattern.sub(replacement, text)
    return text.replace("\\*", "*")


# ---------------------------------------------------------------------------------------------------------
# Non-PEEL documents
# ---------------------------------------------------------------------------------------------------------

SECTION_TITLES = ["Introduction", "Foreword", "Our priorities", "Performance", "Keeping people safe",
                  "Neighbourhood policing", "Protecting vulnerable people", "Working with partners",
                  "Tackling serious and organised crime", "Victims and witnesses", "Finance and resources",
                  "Our people", "Looking ahead", "Public engagement", "Summary of progress"]
COMMITTEES = ["Joint Audit Committee", "Police and Crime Panel", "Strategic Performance Board",
              "Ethics Committee", "Independent Advisory Group", "Estates Board"]
FIRST = ["Alison", "Ben", "Carys", "David", "Emma", "Fiona", "Gareth", "Helen", "Ian", "Joanna", "Kevin",
         "Lisa", "Mark", "Nia", "Owen", "Priya", "Rhys", "Sarah", "Tom", "Yasmin"]
LAST = ["Ahmed", "Baker", "Clarke", "Davies", "Evans", "Foster", "Green", "Hughes", "Jones", "Khan", "Lewis",
        "Morgan", "Patel", "Roberts", "Smith", "Taylor", "Thomas", "Walker", "Williams", "Wright"]
ROLES = ["Chair", "Chief Constable", "Deputy Chief Constable", "Police and Crime Commissioner",
         "Chief Finance Officer", "Head of Corporate Services", "Independent Member", "Secretary"]


def paragraphs_of(text: str) -> list[str]:
    plain = markdown_stripped(text)
    return [p.strip() for p in re.split(r"\n\s*\n", plain)
            if len(p.strip()) >= 120 and "\t" not in p and not p.lstrip().startswith(("|", "PEEL"))]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def heading(title: str, md: bool, level: int = 1) -> str:
    return f"{'#' * level} {title}" if md else title


def other_document(rng: random.Random, pool: list[str], force: Force, year: int, md: bool,
                   size: int) -> tuple[str, str]:
    """(slug, text) of a document that is not a PEEL report."""
    kind = rng.choices(["annual", "minutes", "press"], weights=[5, 4, 1])[0]
    month = rng.choice(MONTHS).capitalize()
    slug_force = force.id
    out: list[str] = []
    if kind == "annual":
        title = rng.choice([f"Police and Crime Plan {year}–{(year + 4) % 100:02d}",
                            f"Annual report {year}/{(year + 1) % 100:02d}",
                            f"Chief Constable's annual statement {year}"])
        out += ["", heading(force.name, md), "", title, "", f"{month} {year + 1}", "",
                f"Published by the Office of the Police and Crime Commissioner for {force.short}", ""]
        slug = f"annual-report-{year}-{slug_force}"
        while sum(map(len, out)) < size:
            out += [heading(rng.choice(SECTION_TITLES), md, 2), ""]
            for _ in range(rng.randint(2, 6)):
                out += [rng.choice(pool), ""]
    elif kind == "minutes":
        committee = rng.choice(COMMITTEES)
        day = rng.randint(1, 28)
        out += [heading(f"{force.name} – {committee}", md), "",
                f"Minutes of the meeting held on {day} {month} {year} at {force.short} headquarters", "",
                "Present:", *[f"{person(rng)}, {role}" for role in rng.sample(ROLES, 5)], "",
                f"Apologies: {person(rng)}", ""]
        slug = f"minutes-{committee.lower().replace(' ', '-')}-{year}-{slug_force}"
        item = 0
        while sum(map(len, out)) < size:
            item += 1
            topic = rng.choice(SECTION_TITLES + ["Minutes of the previous meeting", "Risk register",
                                                 "Internal audit progress", "HMIC inspection update"])
            out += [heading(f"{item}. {topic}", md, 2) if md else f"{item}. {topic}", ""]
            for _ in range(rng.randint(1, 3)):
                out += [rng.choice(pool), ""]
            if rng.random() < 0.3:
                out += ["Measure\tThis year\tLast year\tChange"]
                for name in rng.sample(["Calls for service", "Recorded crime", "Arrests", "Complaints",
                                        "Overtime hours", "Sickness days"], 3):
                    a, b = rng.randint(200, 90000), rng.randint(200, 90000)
                    out.append(f"{name}\t{a:,}\t{b:,}\t{(a - b) / b:+.1%}")
                out.append("")
            out += [f"Action: {person(rng)} to report back by {rng.randint(1, 28)} {rng.choice(MONTHS).capitalize()} {year}.",
                    ""]
    else:
        # A first line that is a PEEL title, but no "An inspection of" title page: not a PEEL report.
        out += ["", f"PEEL: Police effectiveness {year}", "",
                f"Press release – {force.name} responds to the inspectorate's report", "",
                f"{rng.randint(1, 28)} {month} {year + 1}", ""]
        slug = f"press-release-peel-{year}-{slug_force}"
        while sum(map(len, out)) < size:
            out += [rng.choice(pool), ""]
    return slug, "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------------------
# Bad entries
# ---------------------------------------------------------------------------------------------------------

def bad_entry(rng: random.Random, which: int) -> tuple[str, bytes]:
    noise = rng.randbytes(rng.randint(20_000, 200_000))
    kind = which % 5
    if kind == 0:
        return "figure-scan.png", b"\x89PNG\r\n\x1a\n" + noise
    if kind == 1:
        return "original.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + noise
    if kind == 2:
        return "attachment.txt", noise
    if kind == 3:
        return "empty.txt", b""
    text = "Minutes of the meeting (damaged export)\n\n" + "Item\x00 discussed\x00\n" * rng.randint(50, 500)
    return "damaged-export.txt", text.encode()


# ---------------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------------

def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16":
        return text.encode("utf-16")  # with BOM
    if encoding == "cp1252":
        return text.encode("cp1252", errors="replace")
    return text.encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.split("\n")[1:]))
    parser.add_argument("--mb", type=float, default=100, help="MB (10^6 bytes) of uncompressed text (default 100)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench/corpus"), help="output folder")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--samples", type=Path, default=REPO / "Tests/Fixtures/samples")
    parser.add_argument("--forces", type=Path, default=REPO / "Pipeline/forces.csv")
    parser.add_argument("--no-zip", action="store_true", help="skip corpus.zip")
    args = parser.parse_args()

    started = time.monotonic()
    rng = random.Random(args.seed)
    forces = read_forces(args.forces)
    templates = [read_template(p, forces) for p in sorted(args.samples.iterdir()) if p.suffix in (".txt", ".md")]
    force_templates = [t for t in templates if t.kind == "force"]
    national_templates = [t for t in templates if t.kind == "national"]
    if not force_templates:
        sys.exit(f"{args.samples}: no force report samples")

    out: Path = args.out
    files = out / "files"
    if files.exists():
        shutil.rmtree(files)
    (files / "docs").mkdir(parents=True)
    for name in ("corpus.tar", "corpus.tar.gz", "corpus.zip", "summary.json"):
        (out / name).unlink(missing_ok=True)

    target = int(args.mb * 1_000_000)
    bad_at = sorted({int(target * f) for f in (0.1, 0.3, 0.5, 0.7, 0.9)})  # byte offsets for bad entries
    force_order = forces[:]
    rng.shuffle(force_order)
    seen: set[bytes] = set()
    names: list[str] = []
    counts = {"force": 0, "national": 0, "other": 0, "bad": 0}
    variants: dict[str, int] = {}
    by_year: dict[int, int] = {}
    forces_used: set[str] = set()
    total = 0
    serial = 0
    peel_serial = 0

    def write(slug: str, ext: str, data: bytes) -> None:
        nonlocal total, serial
        serial += 1
        name = f"docs/{serial:05d}-{slug}.{ext}"
        path = files / name
        path.write_bytes(data)
        os.utime(path, (FIXED_MTIME, FIXED_MTIME))
        names.append(name)
        total += len(data)

    while total < target or bad_at:
        if bad_at and total >= bad_at[0]:
            bad_at.pop(0)
            slug, data = bad_entry(rng, counts["bad"])
            if hashlib.sha256(data).digest() in seen:
                continue
            seen.add(hashlib.sha256(data).digest())
            stem, ext = slug.rsplit(".", 1)
            write(stem, ext, data)
            counts["bad"] += 1
            continue

        # Every document's force and year: the 43 forces and four years in turn (43 and 4 are coprime,
        # so any 172 documents in a row hold every force-year pair).
        force = force_order[peel_serial % len(force_order)]
        year = YEARS[peel_serial % len(YEARS)]
        peel_serial += 1
        applied: list[str] = []
        if rng.random() < 1 / 3:
            template = rng.choice(templates)
            pool = paragraphs_of(template.render(rng, force if template.force else None, year, 0.08))
            md = rng.random() < 0.4
            size = int(min(250_000, max(3_000, rng.lognormvariate(10.6, 0.7))))
            slug, text = other_document(rng, pool, force, year, md, size)
            ext = "md" if md else "txt"
            kind = "other"
        else:
            family = [t for t in national_templates if (t.year <= 2015) == (year <= 2015)]
            if family and rng.random() < 0.04:
                template = rng.choice(family)
                kind, report_force = "national", None
                slug = f"peel-effectiveness-{year}-national-overview"
            else:
                # A 2015-layout sample becomes a 2014 or 2015 report, a 2017-layout one a 2016 or 2017 report.
                family = [t for t in force_templates if (t.year <= 2015) == (year <= 2015)] or force_templates
                template = rng.choice(family)
                kind, report_force = "force", force
                slug = f"peel-effectiveness-{year}-{force.id}"
            text = template.render(rng, report_force, year, 0.08)
            ext = template.flavour
            if ext == "md" and rng.random() < 0.3:
                text, ext = markdown_stripped(text), "txt"
                applied.append("markdown_stripped")
        # Variants, independently (encodings exclusive, NBSP/ligatures only in UTF-8).
        if rng.random() < 0.15:
            text = hard_wrapped(text)
            applied.append("wrapped80")
        if kind != "other" and rng.random() < 0.08:
            text = paged(text)
            applied.append("paged")
        encoding = rng.choices(["utf-8", "cp1252", "utf-16"], weights=[97, 2, 1])[0]
        if encoding == "utf-8" and kind != "other" and rng.random() < 0.05:
            text = nbsp_and_ligatures(text)
            applied.append("nbsp_ligatures")
        if rng.random() < 0.15:
            text = text.replace("\n", "\r\n")
            applied.append("crlf")
        if encoding != "utf-8":
            applied.append(encoding)
        data = encode(text, encoding)
        digest = hashlib.sha256(data).digest()
        if digest in seen:  # vanishingly rare with perturbed numbers; try again
            continue
        seen.add(digest)
        write(slug, ext, data)
        counts[kind] += 1
        if kind != "other":
            by_year[year] = by_year.get(year, 0) + 1
        if kind == "force":
            forces_used.add(force.id)
        for v in applied:
            variants[v] = variants.get(v, 0) + 1

    # Archives: same entries, same order, fixed metadata.
    tar_common = ["tar", "--sort=name", "--owner=0", "--group=0", "--numeric-owner",
                  f"--mtime=@{FIXED_MTIME}", "-C", str(files)]
    subprocess.run(tar_common + ["-cf", str(out / "corpus.tar"), "docs"], check=True)
    subprocess.run(tar_common + ["-czf", str(out / "corpus.tar.gz"), "docs"], check=True)
    if not args.no_zip:
        with zipfile.ZipFile(out / "corpus.zip", "w", zipfile.ZIP_DEFLATED) as z:
            for name in sorted(names):
                info = zipfile.ZipInfo(name, date_time=(2018, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, (files / name).read_bytes())

    summary = {
        "seed": args.seed, "mb_requested": args.mb, "files": len(names), "text_bytes": total,
        "peel_force_reports": counts["force"], "peel_national_overviews": counts["national"],
        "other_documents": counts["other"], "bad_entries": counts["bad"],
        "peel_reports_by_year": {str(k): v for k, v in sorted(by_year.items())},
        "forces_used": len(forces_used), "variants": dict(sorted(variants.items())),
        "archives": {name: (out / name).stat().st_size for name in ("corpus.tar", "corpus.tar.gz", "corpus.zip")
                     if (out / name).exists()},
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    peel = counts["force"] + counts["national"]
    print(f"{len(names)} files, {total / 1e6:.1f} MB of text in {out}/files "
          f"({time.monotonic() - started:.0f} s)")
    print(f"  PEEL {peel} ({counts['force']} force reports, {counts['national']} national overviews, "
          f"{len(forces_used)} forces, years {summary['peel_reports_by_year']})")
    print(f"  other {counts['other']}, bad {counts['bad']}; variants {summary['variants']}")
    print("  archives: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in summary["archives"].items()))


if __name__ == "__main__":
    main()
