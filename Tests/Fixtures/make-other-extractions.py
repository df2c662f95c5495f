#!/usr/bin/env python3
"""Extracts the committed sample PDFs with five Python extractors: python3 Tests/Fixtures/make-other-extractions.py

For each Tests/Fixtures/extractions/<stem>.pdf (made by make-extractions.py), writes beside it:
  <stem>.pymupdf.txt   PyMuPDF's page.get_text() of every page, joined with nothing between them: no page marks,
                       so the running header and the page number stand inside the text where a page ends
  <stem>.pdfminer.txt  pdfminer.six's extract_text() (its layout analysis; a form feed after each page)
  <stem>.pdfminer-tight.txt, <stem>.pdfminer-loose.txt
                       the same with a small line margin and character margin (LAParams(line_margin=0.2,
                       char_margin=1.0): each line a block, a blank line after it) and with large ones
                       (LAParams(line_margin=1.0, char_margin=4.0, word_margin=0.2): a table's cells run together)
  <stem>.pdfminer-flow.txt
                       the same with boxes placed by another flow (LAParams(boxes_flow=-0.5)): an item's end after the
                       next item's bullet, a list's glyphs together ahead of its items across a page break
  <stem>.pdfminer-noflow.txt, <stem>.pdfminer-vertical.txt
                       the same with boxes placed by their position alone (LAParams(boxes_flow=None)) and by their
                       vertical position first (LAParams(boxes_flow=1.0)): a table's column titles ahead of its
                       columns, a table's columns one after another
  <stem>.pdfminer-flow0.txt
                       the same with their horizontal and vertical positions weighed alike (LAParams(boxes_flow=0)):
                       a page's glyphs together ahead of its items, the page's number before them
  <stem>.pdfplumber.txt         pdfplumber's page.extract_text() of every page, joined with a line break: its
                                columns one space apart, no page marks
  <stem>.pdfplumber-layout.txt  the same with extract_text(layout=True): columns squeezed to fit the page's width
  <stem>.pypdf.txt              pypdf's page.extract_text() of every page, joined with a line break: the text in
                                the order the PDF draws it
  <stem>.pypdf-layout.txt       the same with extract_text(extraction_mode="layout")
  <stem>.pymupdf4llm.md         pymupdf4llm's to_markdown(): Markdown for language-model pipelines, its tables as
                                pipe tables ("|Force|Q1. Preventing<br>crime and …|")
and appends what it used to extractions/README.md's "Other extractors" section (replacing an earlier one).

Not run by the tests or CI (they read the committed files). Needs, in a virtual environment:
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pymupdf pdfminer.six
    /tmp/venv/bin/python Tests/Fixtures/make-other-extractions.py [flavour ...]
Named flavours ("pdfminer-tight pdfminer-loose") are written alone, and extractions/README.md is left as it is.
"""
import glob
import os
import sys

import pdfminer
import pdfplumber
import pymupdf
import pymupdf4llm
import pypdf
from pdfminer.high_level import extract_text
from pdfminer.layout import LAParams

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "extractions")
MARK = "## Other extractors"


def main():
    pdfs = sorted(glob.glob(os.path.join(OUT, "*.pdf")))
    if not pdfs:
        raise SystemExit("no PDFs in Tests/Fixtures/extractions: run make-extractions.py first")
    only = sys.argv[1:]
    # pdfminer.six's layout analysis with other margins than its defaults: each line a block of its own, or cells run
    # together.
    margins = {
        "pdfminer-tight": LAParams(line_margin=0.2, char_margin=1.0),
        "pdfminer-loose": LAParams(line_margin=1.0, char_margin=4.0, word_margin=0.2),
        "pdfminer-flow": LAParams(boxes_flow=-0.5),
        "pdfminer-noflow": LAParams(boxes_flow=None),
        "pdfminer-vertical": LAParams(boxes_flow=1.0),
        "pdfminer-flow0": LAParams(boxes_flow=0.0),
    }
    for pdf in pdfs:
        stem = pdf[: -len(".pdf")]
        for flavour, laparams in margins.items():
            if not only or flavour in only:
                with open(f"{stem}.{flavour}.txt", "w", encoding="utf-8") as out:
                    out.write(extract_text(pdf, laparams=laparams))
        if only:
            print("extracted", ", ".join(only), "of", os.path.basename(pdf))
            continue
        with pymupdf.open(pdf) as document:
            text = "".join(page.get_text() for page in document)
        with open(stem + ".pymupdf.txt", "w", encoding="utf-8") as out:
            out.write(text)
        with open(stem + ".pdfminer.txt", "w", encoding="utf-8") as out:
            out.write(extract_text(pdf))
        with pdfplumber.open(pdf) as document:
            plain = "\n".join(page.extract_text() or "" for page in document.pages)
            layout = "\n".join(page.extract_text(layout=True) or "" for page in document.pages)
        with open(stem + ".pdfplumber.txt", "w", encoding="utf-8") as out:
            out.write(plain)
        with open(stem + ".pdfplumber-layout.txt", "w", encoding="utf-8") as out:
            out.write(layout)
        pages = pypdf.PdfReader(pdf).pages
        with open(stem + ".pypdf.txt", "w", encoding="utf-8") as out:
            out.write("\n".join(page.extract_text() for page in pages))
        with open(stem + ".pypdf-layout.txt", "w", encoding="utf-8") as out:
            out.write("\n".join(page.extract_text(extraction_mode="layout") for page in pages))
        with open(stem + ".pymupdf4llm.md", "w", encoding="utf-8") as out:
            out.write(pymupdf4llm.to_markdown(pdf))
        print("extracted", os.path.basename(pdf))
    if only:
        return
    readme = os.path.join(OUT, "README.md")
    with open(readme, encoding="utf-8") as f:
        body = f.read()
    body = body.split("\n" + MARK)[0].rstrip("\n") + "\n"
    body += f"""
{MARK}

Made by `Tests/Fixtures/make-other-extractions.py` from the PDFs above (PyMuPDF, pdfminer.six, pdfplumber and pypdf
from PyPI, in a virtual environment; the script says how). pdfminer.six does not always place the text boxes of the
national overview's all-force table in the same order from one run to the next: the committed text is one of its
answers.

- `<stem>.pymupdf.txt` — PyMuPDF's `page.get_text()` of every page, the pages joined with nothing between them (as
  a script that concatenates them writes it): no form feeds, the running header and the page number inside the text.
- `<stem>.pdfminer.txt` — pdfminer.six's `extract_text()` (its layout analysis; a form feed after each page).
- `<stem>.pdfminer-tight.txt`, `<stem>.pdfminer-loose.txt` — the same with `LAParams(line_margin=0.2,
  char_margin=1.0)` (each line a block of its own, a blank line after it: the text double-spaced) and with
  `LAParams(line_margin=1.0, char_margin=4.0, word_margin=0.2)` (a table's cells run together, a grade table's counts
  out of their order).
- `<stem>.pdfminer-flow.txt` — the same with `LAParams(boxes_flow=-0.5)` (boxes placed by another flow: a list item's
  end after the next item's bullet, a list's glyphs together ahead of its items across a page break).
- `<stem>.pdfminer-noflow.txt`, `<stem>.pdfminer-vertical.txt` — the same with `LAParams(boxes_flow=None)` (boxes
  placed by their position alone: the outcomes table's "Rate" titles ahead of the force's name, its counts among the
  outcome types) and with `LAParams(boxes_flow=1.0)` (by their vertical position first: the judgments table's grades
  and years, each under its title, ahead of its questions).
- `<stem>.pdfminer-flow0.txt` — the same with `LAParams(boxes_flow=0)` (horizontal and vertical positions weighed
  alike: a page's glyphs together ahead of its items; without the form feeds, the page's number before them).
- `<stem>.pdfplumber.txt` — pdfplumber's `page.extract_text()` of every page, joined with a line break: a table's
  columns one space apart ("Avon and Somerset Good Requires Requires Good Requires"), a wrapped cell's second line
  under the row, no page marks.
- `<stem>.pdfplumber-layout.txt` — the same with `extract_text(layout=True)`: the page's layout kept, its columns
  squeezed (some one space apart).
- `<stem>.pypdf.txt` — pypdf's `page.extract_text()` of every page, joined with a line break: the text in the order
  the PDF draws it (a table row's cells in turn, each wrapped cell's lines on lines of their own).
- `<stem>.pypdf-layout.txt` — the same with `extract_text(extraction_mode="layout")`.
- `<stem>.pymupdf4llm.md` — pymupdf4llm's `to_markdown()` (Markdown for language-model pipelines): its tables as
  pipe tables, a wrapped cell's lines joined by `<br>`.

Made with PyMuPDF {pymupdf.VersionBind} (MuPDF {pymupdf.VersionFitz}), pymupdf4llm {pymupdf4llm.__version__}, pdfminer.six
{pdfminer.__version__}, pdfplumber {pdfplumber.__version__} and pypdf {pypdf.__version__}.
"""
    with open(readme, "w", encoding="utf-8") as f:
        f.write(body)


if __name__ == "__main__":
    main()
