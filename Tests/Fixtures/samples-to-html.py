#!/usr/bin/env python3
"""The samples as plain web pages, for Chromium to print (make-chromium-extractions.sh).

    python3 Tests/Fixtures/samples-to-html.py [--grid N] OUT_DIR SAMPLE...

Each sample's lines become HTML as a web page would set them: `#` lines headings, `- `/`* ` lines list items, runs of
tab-separated lines one bordered table (a row a line, a cell a tab), `---` a rule, other lines paragraphs; `**…**` bold, and the
samples' own inline HTML (`<b>`, `<sup>`) kept. A page's body in 11pt sans-serif between 2 cm margins, so long
paragraphs wrap where Chromium's fonts put them, and table cells wrap inside their columns.

With `--grid N`, a force report's "Force in numbers" section is set as the reports set it, an infographic: each
graphic (its title and label, then its names and values) a bordered panel, N panels a row, so a PDF extractor that
keeps the page's layout prints the panels of a row side by side.
"""
import html, os, re, sys

STYLE = ("body{font-family:sans-serif;font-size:11pt;margin:2cm} table{border-collapse:collapse} "
         "td{border:1px solid #999;padding:3px;vertical-align:top}")


def inline(text):
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)


VALUE = re.compile(r"^\**[+-]?[\d,.]+%?\**$")
SECTION_ENDS = {"introduction", "risk-based inspection", "effectiveness overview"}


def plain(line):
    """A line without its Markdown marks: heading hashes, bold stars, the backslash of an escaped star."""
    return re.sub(r"^#+\s*", "", line.strip()).replace("**", "").replace("\\*", "*").strip()


def is_name(text):
    """The force's name, England and Wales, or both on one line, as a graphic's legend prints them."""
    return text == "England and Wales" or bool(re.fullmatch(r"([A-Z][\w&'-]*( and| of)? ?){1,4}(Police|Constabulary)( England and Wales)?", text))


def panels(lines):
    """A Force in numbers section's lines as its graphics: text lines (title, label), then the names and values that
    follow them; a text line after a name or value opens the next graphic."""
    found, current, values_seen = [], [], False
    for line in lines:
        text = plain(line)
        if not text:
            continue
        legend = is_name(text) or bool(VALUE.match(text))
        if not legend and values_seen:
            found.append(current)
            current, values_seen = [], False
        current.append(line)
        values_seen = values_seen or legend
    if current:
        found.append(current)
    return found


def grid(lines, columns):
    cells = "".join('<div style="border:1px solid #999;padding:4px">' + "".join(f"<div>{inline(html.escape(plain(line), quote=False))}</div>" for line in panel) + "</div>"
                    for panel in panels(lines))
    return f'<div style="display:grid;grid-template-columns:repeat({columns},1fr);gap:8px">{cells}</div>'


def force_in_numbers(lines):
    """The Force in numbers section (start, end) of a force report's lines: after its heading (not the contents
    line), up to the next section or the outcomes graphic's footnote; None where there is none."""
    start = next((i for i, line in enumerate(lines) if plain(line).lower() == "force in numbers" and "\t" not in line), None)
    if start is None:
        return None
    end = next(i for i in range(start + 1, len(lines))
               if plain(lines[i]).lower() in SECTION_ENDS or plain(lines[i]).startswith("*Figures"))
    return start + 1, end


def page(sample, columns=None):
    out = [f'<!doctype html><html><head><meta charset="utf-8"><style>{STYLE}</style></head><body>']
    table = bullets = False
    lines = open(sample, encoding="utf-8").read().split("\n")
    section = force_in_numbers(lines) if columns else None

    def close():
        nonlocal table, bullets
        if table:
            out.append("</table>")
        if bullets:
            out.append("</ul>")
        table = bullets = False

    for number, line in enumerate(lines):
        if section and section[0] <= number < section[1]:
            if number == section[0]:
                close()
                out.append(grid(lines[section[0]:section[1]], columns))
            continue
        line = line.rstrip()
        if "\t" in line:
            if bullets:
                out.append("</ul>")
                bullets = False
            if not table:
                out.append("<table>")
                table = True
            out.append("<tr>" + "".join(f"<td>{inline(cell)}</td>" for cell in line.split("\t")) + "</tr>")
            continue
        if line.startswith("- ") or line.startswith("* "):
            if table:
                out.append("</table>")
                table = False
            if not bullets:
                out.append("<ul>")
                bullets = True
            out.append(f"<li>{inline(line[2:])}</li>")
            continue
        close()
        if not line.strip():
            continue
        heading = re.match(r"^(#+)\s*(.*)", line)
        if re.fullmatch(r"-{3,}|\*{3,}|_{3,}", line.strip()):
            out.append("<hr>")
        elif heading:
            level = len(heading.group(1))
            out.append(f"<h{level}>{inline(heading.group(2))}</h{level}>")
        else:
            out.append(f"<p>{inline(line)}</p>")
    close()
    out.append("</body></html>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    arguments = sys.argv[1:]
    columns = None
    if arguments[:1] == ["--grid"]:
        columns, arguments = int(arguments[1]), arguments[2:]
    if len(arguments) < 2:
        sys.exit(__doc__)
    for sample in arguments[1:]:
        stem = os.path.splitext(os.path.basename(sample))[0]
        with open(os.path.join(arguments[0], stem + ".html"), "w", encoding="utf-8") as out:
            out.write(page(sample, columns))
