#!/usr/bin/env python3
"""The samples as plain web pages, for Chromium to print (make-chromium-extractions.sh).

    python3 Tests/Fixtures/samples-to-html.py OUT_DIR SAMPLE...

Each sample's lines become HTML as a web page would set them: `#` lines headings, `- `/`* ` lines list items, runs of
tab-separated lines one bordered table (a row a line, a cell a tab), `---` a rule, other lines paragraphs; `**…**` bold, and the
samples' own inline HTML (`<b>`, `<sup>`) kept. A page's body in 11pt sans-serif between 2 cm margins, so long
paragraphs wrap where Chromium's fonts put them, and table cells wrap inside their columns.
"""
import html, os, re, sys

STYLE = ("body{font-family:sans-serif;font-size:11pt;margin:2cm} table{border-collapse:collapse} "
         "td{border:1px solid #999;padding:3px;vertical-align:top}")


def inline(text):
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)


def page(sample):
    out = [f'<!doctype html><html><head><meta charset="utf-8"><style>{STYLE}</style></head><body>']
    table = bullets = False

    def close():
        nonlocal table, bullets
        if table:
            out.append("</table>")
        if bullets:
            out.append("</ul>")
        table = bullets = False

    for line in open(sample, encoding="utf-8").read().split("\n"):
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
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    for sample in sys.argv[2:]:
        stem = os.path.splitext(os.path.basename(sample))[0]
        with open(os.path.join(sys.argv[1], stem + ".html"), "w", encoding="utf-8") as out:
            out.write(page(sample))
