#!/usr/bin/env python3
"""Makes real PDF extractions of the five sample reports: python3 Tests/Fixtures/make-extractions.py

Each sample in Tests/Fixtures/samples/ is laid out as a Flat ODT document (A4, running header with the
report's title, page number in the footer, real headings, bulleted lists, bordered tables whose cells wrap,
superscript footnote markers), printed to PDF by LibreOffice Writer (soffice --headless) and extracted
again by poppler's pdftotext, once with -layout and once in plain reading order. Outputs go to
Tests/Fixtures/extractions/: <stem>.pdf, <stem>.layout.txt, <stem>.reading.txt and a README.md.

With an argument, `a5`, `large`, `small`, `b5`, `serif`, `justified` or `justified-a5`, the samples are set on another page instead and only
their text is kept: `a5` an A5 page (lines of some 65 characters: tables' cells and force names wrap more), `large` A4
with the body in 14 point (footnotes and tables stay small, set wider than the text), `small` A4 with 1 cm margins and
the body in 9 point (lines of some 150 characters, page breaks elsewhere), `b5` a B5 page in 10 point, `serif` A4 with
3.5 cm margins in 13-point Liberation Serif, `justified` and `justified-a5` A4 and A5 with the text justified and
hyphenated (needs Debian's hyphen-en-gb); their extractions are <stem>.<argument>-layout.txt and
<stem>.<argument>-reading.txt, and no PDF is kept.

Standard library only. Needs soffice (LibreOffice) and pdftotext (poppler-utils) on PATH, and the
Liberation fonts. The .fodt files are written to a temporary directory and thrown away.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "samples")
OUT = os.path.join(HERE, "extractions")

# Page geometry (cm) and the body text's size, by the argument. The text width is what tables are sized against.
SANS, SERIF = "Liberation Sans", "Liberation Serif"
PAGES = {"a4": (21.0, 29.7, 2.0, 1.5, "11pt", SANS), "a5": (14.8, 21.0, 1.5, 1.2, "11pt", SANS),
         "large": (21.0, 29.7, 2.0, 1.5, "14pt", SANS), "small": (21.0, 29.7, 1.0, 1.0, "9pt", SANS),
         "b5": (17.6, 25.0, 1.8, 1.5, "10pt", SANS), "serif": (21.0, 29.7, 3.5, 2.5, "13pt", SERIF),
         "justified": (21.0, 29.7, 2.0, 1.5, "11pt", SANS), "justified-a5": (14.8, 21.0, 1.5, 1.2, "11pt", SANS)}
# Pages whose body text is justified and hyphenated (LibreOffice's en-GB patterns: Debian's hyphen-en-gb), tables' cells too.
JUSTIFIED = {"justified", "justified-a5"}
PAGE = sys.argv[1] if len(sys.argv) > 1 else "a4"
if PAGE not in PAGES:
    sys.exit("usage: make-extractions.py [a5 | large | small | b5 | serif | justified | justified-a5]")
PAGE_W, PAGE_H, MARGIN_LR, MARGIN_TB, BODY_SIZE, FACE = PAGES[PAGE]
TEXT_W = PAGE_W - 2 * MARGIN_LR
FIXED_DATE = "2018-03-01T00:00:00"

SUPERSCRIPT_DIGITS = {chr(c): str(i) for i, c in enumerate([0x2070, 0xB9, 0xB2, 0xB3] + list(range(0x2074, 0x207A)))}
SUPERSCRIPT_RUN = "[" + "".join(SUPERSCRIPT_DIGITS) + "]+"


# --------------------------------------------------------------------------------------------------
# Inline markup: a line of text becomes a list of spans (text, bold, italic, superscript).

# A few footnote markers in the plain samples are TeX-style: '^{*}', '^{8 9 10}', '$^{5\\,6\\,7}$'.
TEX_SUP = r"(?P<texsup>\$?\^\{(?P<texbody>[^{}]*)\}\$?)"
MD_TOKEN = re.compile(
    r"(?P<dblesc>\\\\(?P<dblch>[_*]))"  # '\\_' (doubly escaped in the source) is a plain '_'
    r"|(?P<esc>\\(?P<escch>[\\`*_{}\[\]()#+\-.!<>|~]))"
    r"|(?P<btag></?b>)"
    r"|(?P<stag></?sup>)"
    r"|(?P<strong>\*\*)"
    r"|(?P<em>\*)"
    r"|(?P<link>\[(?P<ltext>[^\]]*)\]\((?P<lurl>[^)\s]*)\))"
    r"|(?P<auto><(?P<aurl>https?://[^>\s]+)>)"
    r"|(?P<usup>" + SUPERSCRIPT_RUN + r")"
    r"|" + TEX_SUP
)
TXT_TOKEN = re.compile(r"(?P<usup>" + SUPERSCRIPT_RUN + r")|" + TEX_SUP)


def tokenize(text, markdown):
    """Yields ('text', s) and ('mark', kind) tokens."""
    pattern = MD_TOKEN if markdown else TXT_TOKEN
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            yield ("text", text[pos:m.start()])
        pos = m.end()
        kind = m.lastgroup
        if m.group("usup"):
            yield ("usup", "".join(SUPERSCRIPT_DIGITS[c] for c in m.group("usup")))
        elif m.group("texsup"):
            yield ("usup", m.group("texbody").replace("\\,", " "))
        elif markdown and m.group("dblesc"):
            yield ("text", m.group("dblch"))
        elif markdown and m.group("esc"):
            yield ("text", m.group("escch"))
        elif markdown and m.group("btag"):
            yield ("mark", m.group("btag"))
        elif markdown and m.group("stag"):
            yield ("mark", m.group("stag"))
        elif markdown and m.group("strong"):
            yield ("mark", "**")
        elif markdown and m.group("em"):
            yield ("mark", "*")
        elif markdown and m.group("link"):
            yield ("link", m.group("ltext"))
        elif markdown and m.group("auto"):
            yield ("text", m.group("aurl"))
        else:  # pragma: no cover
            raise AssertionError(kind)
    if pos < len(text):
        yield ("text", text[pos:])


def spans_of(text, markdown):
    """Returns [(text, bold, italic, sup)], merging neighbours with the same formatting.
    A '**' or '*' with no partner on the line is kept as literal text."""
    tokens = []
    for kind, value in tokenize(text, markdown):
        if kind == "link":
            tokens.extend(tokenize(value, markdown))  # the link's text, with its own markup
        else:
            tokens.append((kind, value))
    # Unpaired toggles become text.
    for toggle in ("**", "*"):
        where = [i for i, t in enumerate(tokens) if t == ("mark", toggle)]
        if len(where) % 2:
            tokens[where[-1]] = ("text", toggle)
    bold = italic = False
    sup = 0
    out = []

    def add(s, b, i, p):
        if not s:
            return
        if out and out[-1][1:] == (b, i, p):
            out[-1] = (out[-1][0] + s, b, i, p)
        else:
            out.append((s, b, i, p))

    for kind, value in tokens:
        if kind == "text":
            add(value, bold, italic, sup > 0)
        elif kind == "usup":
            add(value, bold, italic, True)
        elif value == "**":
            bold = not bold
        elif value == "*":
            italic = not italic
        elif value == "<b>":
            bold = True
        elif value == "</b>":
            bold = False
        elif value == "<sup>":
            sup += 1
        elif value == "</sup>":
            sup = max(0, sup - 1)
    return out


def plain(text, markdown):
    return "".join(s for s, *_ in spans_of(text, markdown))


# --------------------------------------------------------------------------------------------------
# Blocks: the sample's lines become headings, paragraphs, lists, tables and contents entries.

def is_blank(line):
    return line.strip() == ""  # str.strip also takes the no-break spaces some samples use as blanks


LIST_ITEM = re.compile(r"^(?P<indent> *)(?:- |• )(?P<text>.*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,3}) +(?P<text>.*?)\s*#*\s*$")
RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
PAGE_NUMBER = re.compile(r"^\d*$")


def wholly_bold(text):
    t = text.strip()
    m = re.fullmatch(r"\*\*(.+)\*\*", t)
    if m and "**" not in m.group(1):
        return m.group(1)
    m = re.fullmatch(r"<b>(.+)</b>", t)
    if m and "<b>" not in m.group(1) and "</b>" not in m.group(1):
        return m.group(1)
    return None


def parse_blocks(lines, markdown):
    """Returns a list of blocks:
    ('h', level, text) ('p', style, [texts]) ('list', [(level, text)]) ('table', rows) ('toc', rows) ('rule',)"""
    blocks = []
    n = len(lines)
    i = 0
    first_text_seen = False
    while i < n:
        line = lines[i].rstrip("\n")
        if is_blank(line):
            i += 1
            continue
        # Tables: runs of lines holding a tab; blank lines inside the run (page breaks in the source)
        # do not end it when the next non-blank line is a tab row with as many cells.
        if "\t" in line:
            rows = []
            while i < n:
                cur = lines[i].rstrip("\n")
                if "\t" in cur:
                    rows.append(cur.split("\t"))
                    i += 1
                    continue
                if is_blank(cur):
                    j = i
                    while j < n and is_blank(lines[j]):
                        j += 1
                    if j < n and "\t" in lines[j] and len(lines[j].rstrip("\n").split("\t")) == len(rows[-1]):
                        i = j
                        continue
                break
            is_contents = all(len(r) == 2 and PAGE_NUMBER.match(plain(r[1], markdown).strip()) for r in rows)
            blocks.append(("toc" if is_contents else "table", rows))
            first_text_seen = True
            continue
        if markdown and RULE.match(line):
            blocks.append(("rule",))
            i += 1
            continue
        m = LIST_ITEM.match(line)
        if m:
            items = []
            while i < n:
                m = LIST_ITEM.match(lines[i].rstrip("\n"))
                if not m:
                    break
                items.append((len(m.group("indent").expandtabs()) // 2, m.group("text").strip()))
                i += 1
            blocks.append(("list", items))
            first_text_seen = True
            continue
        if markdown:
            m = HEADING.match(line)
            if m:
                blocks.append(("h", len(m.group("hashes")), m.group("text")))
                i += 1
                first_text_seen = True
                continue
            # A markdown hard line break (two trailing spaces) keeps the next line in this paragraph.
            texts = [line.strip()]
            while line.endswith("  ") and i + 1 < n:
                nxt = lines[i + 1].rstrip("\n")
                if is_blank(nxt) or "\t" in nxt or LIST_ITEM.match(nxt) or HEADING.match(nxt) or RULE.match(nxt):
                    break
                i += 1
                line = nxt
                texts.append(line.strip())
            i += 1
            inner = wholly_bold(texts[0]) if len(texts) == 1 else None
            if inner is not None:
                blocks.append(("p", "Bold", [inner]))
            else:
                blocks.append(("p", paragraph_style(texts[0], markdown), texts))
            first_text_seen = True
            continue
        # Plain text: the first line is the title; a short line standing alone between blank lines,
        # starting with a capital and without final punctuation, is a heading; anything else a paragraph.
        text = line.strip()
        alone = (i == 0 or is_blank(lines[i - 1])) and (i + 1 >= n or is_blank(lines[i + 1]))
        if not first_text_seen:
            blocks.append(("h", 1, text))
        elif alone and looks_like_heading(text):
            blocks.append(("h", 2, text))
        else:
            blocks.append(("p", paragraph_style(text, markdown), [text]))
        first_text_seen = True
        i += 1
    return blocks


def looks_like_heading(text):
    if len(text) > 160 or not text[0].isupper():
        return False
    if text.endswith("?"):
        return len(text) <= 160
    return len(text) <= 110 and text[-1] not in ".,;:!)*%" and not text[-1].isdigit()


def paragraph_style(text, markdown):
    """Footnotes (a line opening with a superscript marker) are set small."""
    t = text.lstrip()
    if re.match(SUPERSCRIPT_RUN + "|" + TEX_SUP, t) or (markdown and t.startswith("<sup>")):
        return "Footnote"
    return "Body"


# --------------------------------------------------------------------------------------------------
# Flat ODT writing.

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def esc_text(s):
    """Escapes text content, keeping runs of spaces (ODF collapses them otherwise)."""
    out = []
    for piece in re.split(r"( {2,})", s):
        if piece.startswith("  "):
            out.append(' <text:s text:c="%d"/>' % (len(piece) - 1))
        else:
            out.append(esc(piece))
    return "".join(out)


SPAN_STYLES = {}  # (bold, italic, sup) -> automatic style name


def span_style(bold, italic, sup):
    key = (bold, italic, sup)
    if key not in SPAN_STYLES:
        SPAN_STYLES[key] = "T%d" % (len(SPAN_STYLES) + 1)
    return SPAN_STYLES[key]


def inline_xml(text, markdown, strip=True):
    spans = spans_of(text, markdown)
    if strip and spans:
        spans[0] = (spans[0][0].lstrip(),) + spans[0][1:]
        spans[-1] = (spans[-1][0].rstrip(),) + spans[-1][1:]
    out = []
    for s, b, i, p in spans:
        if not s:
            continue
        if not (b or i or p):
            out.append(esc_text(s))
        else:
            out.append('<text:span text:style-name="%s">%s</text:span>' % (span_style(b, i, p), esc_text(s)))
    return "".join(out)


STYLE_NAMES = {
    "Body": "Text_20_body",
    "Bold": "Bold_20_paragraph",
    "Footnote": "Footnote_20_text",
}


def text_width_cm(text, markdown, bold):
    """A rough width of text in the 9.5pt table font (Liberation Sans averages about half an em a glyph)."""
    per_char = 0.19 if bold else 0.175
    return len(plain(text, markdown).strip()) * per_char


def column_widths(rows, markdown, header):
    """Automatic table layout: every column gets at least its longest word, then the room left is shared
    in proportion to how much more each column would need to hold its longest cell on one line."""
    ncols = max(len(r) for r in rows)
    pad = 0.5  # left + right cell padding and borders
    longest, widest_word = [0.0] * ncols, [0.0] * ncols
    for ri, row in enumerate(rows):
        for ci in range(ncols):
            cell = row[ci] if ci < len(row) else ""
            bold = (header and ri == 0) or "<b>" in cell or "**" in cell
            longest[ci] = max(longest[ci], text_width_cm(cell, markdown, bold) + pad)
            words = plain(cell, markdown).split() or [""]
            widest_word[ci] = max(widest_word[ci], max(text_width_cm(w, False, bold) for w in words) + pad)
    if sum(longest) <= TEXT_W:
        widths = [max(w, 1.5) for w in longest]
        if sum(widths) > TEXT_W:
            widths = longest
        return widths
    base = widest_word
    if sum(base) >= TEXT_W:
        return [w * TEXT_W / sum(base) for w in base]
    extra = [l - b for l, b in zip(longest, base)]
    room = TEXT_W - sum(base)
    return [b + room * e / sum(extra) if sum(extra) else b for b, e in zip(base, extra)]


class Document:
    def __init__(self, markdown):
        self.markdown = markdown
        self.body = []
        self.tables = []  # (name, widths)

    def paragraph(self, style, texts):
        parts = [inline_xml(t, self.markdown) for t in texts]
        self.body.append('<text:p text:style-name="%s">%s</text:p>' % (STYLE_NAMES[style], "<text:line-break/>".join(parts)))

    def heading(self, level, text):
        self.body.append('<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>'
                         % (level, level, inline_xml(text, self.markdown)))

    def rule(self):
        self.body.append('<text:p text:style-name="Rule"/>')

    def bullet_list(self, items):
        """items: [(level, text)]; an item deeper than the one before goes into a sub-list of that item."""
        lowest = min(level for level, _ in items)
        items = [(level - lowest, text) for level, text in items]

        def render(k, level):
            out = ['<text:list%s>' % (' text:style-name="Bullets"' if level == 0 else "")]
            while k < len(items) and items[k][0] >= level:
                out.append('<text:list-item><text:p text:style-name="List_20_Paragraph">%s</text:p>'
                           % inline_xml(items[k][1], self.markdown))
                k += 1
                if k < len(items) and items[k][0] > level:
                    sub, k = render(k, level + 1)
                    out.append(sub)
                out.append("</text:list-item>")
            out.append("</text:list>")
            return "".join(out), k

        k = 0
        while k < len(items):
            xml, k = render(k, 0)
            self.body.append(xml)

    def contents(self, rows):
        for title, page in rows:
            # The source's dot leaders become a real leader tab.
            title = re.sub(r"[\s.]*\.{2,}\s*(?=(</b>|\*\*)?\s*$)", "", title.rstrip())
            page = page.strip()
            xml = inline_xml(title, self.markdown)
            if plain(page, self.markdown).strip():
                xml += "<text:tab/>" + inline_xml(page, self.markdown)
            self.body.append('<text:p text:style-name="Contents_20_1">%s</text:p>' % xml)

    def table(self, rows):
        ncols = max(len(r) for r in rows)
        rows = [[c.strip() for c in r] + [""] * (ncols - len(r)) for r in rows]
        header = len(rows) > 1 and all(plain(c, self.markdown).strip()[:1].isupper() for c in rows[0])
        widths = column_widths(rows, self.markdown, header)
        name = "Table%d" % (len(self.tables) + 1)
        self.tables.append((name, widths))
        out = ['<table:table table:name="%s" table:style-name="%s">' % (name, name)]
        for ci in range(ncols):
            out.append('<table:table-column table:style-name="%s.C%d"/>' % (name, ci + 1))

        def row_xml(cells, para_style):
            cells_xml = "".join(
                '<table:table-cell table:style-name="TableCell" office:value-type="string">'
                '<text:p text:style-name="%s">%s</text:p></table:table-cell>' % (para_style, inline_xml(c, self.markdown))
                for c in cells)
            return '<table:table-row table:style-name="TableRow">%s</table:table-row>' % cells_xml

        body_rows = rows
        if header:
            out.append("<table:table-header-rows>%s</table:table-header-rows>" % row_xml(rows[0], "Table_20_Heading"))
            body_rows = rows[1:]
        for r in body_rows:
            out.append(row_xml(r, "Table_20_Contents"))
        out.append("</table:table>")
        self.body.append("".join(out))
        # A little space after a table, as a document would have.
        self.body.append('<text:p text:style-name="Table_20_After"/>')


def build_fodt(blocks, markdown, running_title, title):
    doc = Document(markdown)
    for block in blocks:
        kind = block[0]
        if kind == "h":
            doc.heading(block[1], block[2])
        elif kind == "p":
            doc.paragraph(block[1], block[2])
        elif kind == "list":
            doc.bullet_list(block[1])
        elif kind == "table":
            doc.table(block[1])
        elif kind == "toc":
            doc.contents(block[1])
        elif kind == "rule":
            doc.rule()

    auto = []
    for (bold, italic, sup), name in sorted(SPAN_STYLES.items(), key=lambda kv: int(kv[1][1:])):
        props = []
        if bold:
            props.append('fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"')
        if italic:
            props.append('fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"')
        if sup:
            props.append('style:text-position="super 58%"')
        auto.append('<style:style style:name="%s" style:family="text"><style:text-properties %s/></style:style>'
                    % (name, " ".join(props)))
    for name, widths in doc.tables:
        total = sum(widths)
        auto.append('<style:style style:name="%s" style:family="table"><style:table-properties style:width="%.3fcm" '
                    'table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0cm" style:may-break-between-rows="true"/>'
                    '</style:style>' % (name, total))
        for ci, w in enumerate(widths):
            auto.append('<style:style style:name="%s.C%d" style:family="table-column">'
                        '<style:table-column-properties style:column-width="%.3fcm" style:rel-width="%d*"/></style:style>'
                        % (name, ci + 1, w, max(1, round(w * 1000))))
    auto.append('<style:style style:name="TableRow" style:family="table-row">'
                '<style:table-row-properties fo:keep-together="always"/></style:style>')
    auto.append(
        '<style:style style:name="TableCell" style:family="table-cell"><style:table-cell-properties '
        'fo:padding-left="0.12cm" fo:padding-right="0.12cm" fo:padding-top="0.05cm" fo:padding-bottom="0.05cm" '
        'fo:border="0.5pt solid #000000" style:vertical-align="top"/></style:style>')
    auto.append(
        '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="%.1fcm" fo:page-height="%.1fcm" '
        'style:print-orientation="portrait" fo:margin-top="%.1fcm" fo:margin-bottom="%.1fcm" fo:margin-left="%.1fcm" '
        'fo:margin-right="%.1fcm" style:writing-mode="lr-tb"/>'
        '<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style>'
        '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"/></style:footer-style>'
        '</style:page-layout>' % (PAGE_W, PAGE_H, MARGIN_TB, MARGIN_TB, MARGIN_LR, MARGIN_LR))

    return TEMPLATE.format(
        body_size=BODY_SIZE,
        title=esc(title),
        date=FIXED_DATE,
        text_w="%.2fcm" % TEXT_W,
        automatic_styles="\n".join(auto),
        running_title=esc_text(running_title),
        body="\n".join(doc.body),
    )


def list_level_styles():
    out = []
    for level in range(1, 11):
        char = "•" if level % 2 else "–"
        indent = 0.63 * level
        out.append(
            '<text:list-level-style-bullet text:level="%d" text:bullet-char="%s">'
            '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
            '<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="%.2fcm" '
            'fo:text-indent="-0.63cm" fo:margin-left="%.2fcm"/></style:list-level-properties>'
            '<style:text-properties style:font-name="Liberation Sans"/></text:list-level-style-bullet>'
            % (level, char, indent, indent))
    return "".join(out)


TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta>
 <dc:title>{title}</dc:title>
 <dc:creator>HMIC</dc:creator>
 <meta:initial-creator>HMIC</meta:initial-creator>
 <meta:creation-date>{date}</meta:creation-date>
 <dc:date>{date}</dc:date>
 <meta:generator>make-extractions.py</meta:generator>
 <dc:language>en-GB</dc:language>
</office:meta>
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="{body_size}" fo:language="en" fo:country="GB" fo:hyphenate="false" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
 </style:default-style>
 <style:default-style style:family="table">
  <style:table-properties table:border-model="collapsing"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="{body_size}" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%" fo:orphans="2" fo:widows="2"/>
 </style:style>
 <style:style style:name="Bold_20_paragraph" style:display-name="Bold paragraph" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Footnote_20_text" style:display-name="Footnote text" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.15cm"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">
  <style:paragraph-properties fo:margin-bottom="0.12cm"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
  <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text">
  <style:text-properties fo:font-size="18pt"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text">
  <style:text-properties fo:font-size="14pt"/>
 </style:style>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text">
  <style:text-properties fo:font-size="12pt"/>
 </style:style>
 <style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph" style:parent-style-name="Standard" style:class="index">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.12cm">
   <style:tab-stops><style:tab-stop style:position="{text_w}" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops>
  </style:paragraph-properties>
 </style:style>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:text-properties fo:font-size="9.5pt"/>
 </style:style>
 <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Table_20_After" style:display-name="Table After" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:line-height="0.3cm"/>
  <style:text-properties fo:font-size="4pt"/>
 </style:style>
 <style:style style:name="Rule" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:margin-top="0.1cm" fo:margin-bottom="0.2cm" fo:margin-right="11cm" fo:line-height="0.1cm" fo:border-bottom="0.5pt solid #000000" fo:padding="0cm"/>
  <style:text-properties fo:font-size="2pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="end" fo:border-bottom="0.5pt solid #808080" fo:padding-bottom="0.1cm"/>
  <style:text-properties fo:font-size="9pt" fo:color="#404040"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <text:list-style style:name="Bullets">{list_levels}</text:list-style>
</office:styles>
<office:automatic-styles>
{automatic_styles}
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">{running_title}</text:p></style:header>
  <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body>
<office:text>
{body}
</office:text>
</office:body>
</office:document>
""".replace("{list_levels}", list_level_styles())


# --------------------------------------------------------------------------------------------------

def titles(lines, markdown):
    """The report's title and its running header, from the sample's first two text lines:
    'PEEL: Police effectiveness 2015' + 'An inspection of Wiltshire Police'."""
    texts = []
    for line in lines:
        if is_blank(line):
            continue
        t = line.strip()
        if markdown:
            t = re.sub(r"^#+\s*", "", t)
        texts.append(plain(t, markdown).strip())
        if len(texts) == 2:
            break
    title, subtitle = texts
    subject = re.sub(r"^An inspection of\s+", "", subtitle)
    subject = subject[:1].upper() + subject[1:]
    return title + " – " + subtitle, title + " – " + subject


def normalise_pdf(data):
    """Makes LibreOffice's PDF repeatable: the creation date becomes FIXED_DATE and the file IDs and checksum
    a hash of the rest of the file. Every replacement has the same length, so the xref offsets still hold."""
    fixed = FIXED_DATE.replace("-", "").replace("T", "").replace(":", "").encode()
    out = re.sub(rb"(/(?:CreationDate|ModDate)\(D:)\d{14}", lambda m: m.group(1) + fixed, data)
    hex32 = rb"[0-9A-Fa-f]{32}"
    blanked = re.sub(rb"(/ID\s*\[\s*<)" + hex32 + rb"(>\s*<)" + hex32 + rb">",
                     lambda m: m.group(1) + b"0" * 32 + m.group(2) + b"0" * 32 + b">", out)
    blanked = re.sub(rb"(/DocChecksum\s*/)" + hex32, lambda m: m.group(1) + b"0" * 32, blanked)
    digest = hashlib.md5(blanked).hexdigest().upper().encode()
    out = re.sub(rb"(/ID\s*\[\s*<)0{32}(>\s*<)0{32}>", lambda m: m.group(1) + digest + m.group(2) + digest + b">", blanked)
    out = re.sub(rb"(/DocChecksum\s*/)0{32}", lambda m: m.group(1) + digest, out)
    assert len(out) == len(data)
    return out


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, **kwargs)


def tool_versions(env):
    soffice = subprocess.run(["soffice", "--version"], capture_output=True, text=True, env=env).stdout.strip()
    pdftotext = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
    pdftotext = (pdftotext.stdout + pdftotext.stderr).strip().splitlines()[0]
    return soffice, pdftotext


def pdf_pages(path):
    try:
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", out, re.M)
        return int(m.group(1)) if m else None
    except FileNotFoundError:
        return None


README = """# Real PDF extractions of the sample reports

Made by `Tests/Fixtures/make-extractions.py` from the five samples in `Tests/Fixtures/samples/`.
Remake them all with:

    python3 Tests/Fixtures/make-extractions.py

For each sample `<stem>` (its file name without the extension):

- `<stem>.pdf` — the sample laid out as a real document and printed to PDF by LibreOffice Writer:
  A4 pages; Liberation Sans 11pt body; bold Heading 1/2/3 paragraphs (markdown `#`/`##`/`###`; in
  the plain `.txt` samples, short stand-alone lines without final punctuation); bold paragraphs
  (lines wholly `**…**` or `<b>…</b>`); bold and italic spans; footnote markers (`<sup>n</sup>`,
  `¹²³`, and the TeX-style `^{{…}}` in two plain samples) as real superscripts; footnotes in 9pt;
  `- ` / `• ` lines as bulleted lists (• and – for nested items); runs of tab-separated lines as one
  bordered table (the first row a repeated heading row when its cells are capitalised; blank lines
  between rows with the same number of cells do not split a table) whose columns are sized so long
  cells wrap inside their cell, a row never split across pages; contents lines (a title, a tab, a
  page number) as contents entries with a dot-leader tab (the source's own trailing dots dropped);
  `---` as a short rule. Every page has a running header with the report's title and the page
  number in the footer. No hyphenation. The intermediate `.fodt` (Flat ODT) is written to a
  temporary directory and not kept.
- `<stem>.layout.txt` — `pdftotext -enc UTF-8 -layout <stem>.pdf` (physical layout: table columns
  separated by runs of spaces, pages separated by form feeds).
- `<stem>.reading.txt` — `pdftotext -enc UTF-8 <stem>.pdf` (poppler's reading order: one text
  block after another; a table comes out one cell per line (a wrapped cell over several lines), in the
  blocks poppler finds, which is often column by column rather than row by row).

Every output is the same on every run with the same tools and fonts: the script fixes the document
metadata, and replaces the creation date and the file IDs LibreOffice writes into the PDF with a fixed
date and a hash of the file.

| Sample | Pages |
|---|---|
{pages}

Made with:

    $ soffice --version
    {soffice}
    $ pdftotext -v
    {pdftotext}

Fonts: Liberation Sans (fonts-liberation2).
"""


PAGE_SECTION = """## Other pages and type sizes

Made by `Tests/Fixtures/make-extractions.py a5`, `… large`, `… small`, `… b5`, `… serif`, `… justified` and
`… justified-a5`: the same documents set
on another page, printed by LibreOffice and extracted by `pdftotext` as above (no PDF kept).

- `<stem>.a5-layout.txt`, `<stem>.a5-reading.txt` — an A5 page (14.8 × 21 cm, margins 1.5 cm): lines of some 65
  characters; table cells, force names and Force in numbers labels wrap more, the 2017 judgments table's columns
  in reading order come in parts.
- `<stem>.large-layout.txt`, `<stem>.large-reading.txt` — A4 with the body text in 14 point: footnotes and tables
  stay in 9 point, set wider than the text, one line in ten.
- `<stem>.small-layout.txt`, `<stem>.small-reading.txt` — A4 with 1 cm margins and the body in 9 point: lines of some
  150 characters; a page break parts the 2017 Gwent judgments table after its first row.
- `<stem>.b5-layout.txt`, `<stem>.b5-reading.txt` — a B5 page (17.6 × 25 cm) in 10 point: a page break parts the
  outcomes table before its last row, its header repeated with no caption.
- `<stem>.serif-layout.txt`, `<stem>.serif-reading.txt` — A4 with 3.5 cm margins in 13-point Liberation Serif: the
  outcomes' "<force> Number" wraps with "Rate" one space after it.
- `<stem>.justified-layout.txt`, `<stem>.justified-reading.txt`, `<stem>.justified-a5-layout.txt`,
  `<stem>.justified-a5-reading.txt` — A4 and A5 as above, the text justified and hyphenated (LibreOffice's en-GB
  patterns, Debian's hyphen-en-gb), tables' cells too: `-layout` keeps the hyphens that break words at lines' ends
  ("part-" / "ner") and spaces justified lines out; plain `pdftotext` joins a hyphenated line's parts, and with them the
  two lines, and sets a justified label's words in no order; a page's number may stand after a Force in numbers name
  whose value is on the next page."""


def main():
    samples = sorted(f for f in os.listdir(SAMPLES) if f.endswith((".txt", ".md")))
    if not samples:
        sys.exit("no samples in " + SAMPLES)
    os.makedirs(OUT, exist_ok=True)
    work = tempfile.mkdtemp(prefix="peel-extractions-")
    try:
        env = dict(os.environ, HOME=os.path.join(work, "home"), LC_ALL="C.UTF-8", TZ="UTC")
        os.makedirs(env["HOME"])
        fodts = []
        for name in samples:
            stem, ext = os.path.splitext(name)
            markdown = ext == ".md"
            with open(os.path.join(SAMPLES, name), encoding="utf-8") as f:
                lines = f.read().splitlines()
            title, running = titles(lines, markdown)
            SPAN_STYLES.clear()
            xml = build_fodt(parse_blocks(lines, markdown), markdown, running, title)
            if FACE != SANS:  # every style's face, the tables' and headings' too
                xml = xml.replace('style:font-name="%s"' % SANS, 'style:font-name="%s"' % FACE)
            if PAGE in JUSTIFIED:  # the body's paragraphs justified; every style hyphenated
                xml = xml.replace('fo:line-height="115%" fo:orphans', 'fo:line-height="115%" fo:text-align="justify" fo:orphans')
                xml = xml.replace('fo:hyphenate="false"', 'fo:hyphenate="true"')
            path = os.path.join(work, stem + ".fodt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(xml)
            fodts.append(path)
        profile = "file://" + os.path.join(work, "profile")
        done = subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--norestore", "--nologo",
                               "--convert-to", "pdf", "--outdir", os.path.join(work, "pdf")] + fodts,
                              env=env, capture_output=True, text=True)
        if done.returncode != 0:  # (its stderr otherwise only says that it found no Java)
            sys.exit("soffice failed:\n" + done.stdout + done.stderr)
        pages = []
        for name in samples:
            stem = os.path.splitext(name)[0]
            made = os.path.join(work, "pdf", stem + ".pdf")
            if not os.path.exists(made):
                sys.exit("soffice made no PDF for " + name)
            if PAGE != "a4":
                run(["pdftotext", "-enc", "UTF-8", "-layout", made, os.path.join(OUT, stem + "." + PAGE + "-layout.txt")])
                run(["pdftotext", "-enc", "UTF-8", made, os.path.join(OUT, stem + "." + PAGE + "-reading.txt")])
                print("made", stem + "." + PAGE + "-layout.txt and -reading.txt")
                continue
            pdf = os.path.join(OUT, stem + ".pdf")
            with open(made, "rb") as f:
                data = normalise_pdf(f.read())
            with open(pdf, "wb") as f:
                f.write(data)
            run(["pdftotext", "-enc", "UTF-8", "-layout", pdf, os.path.join(OUT, stem + ".layout.txt")])
            run(["pdftotext", "-enc", "UTF-8", pdf, os.path.join(OUT, stem + ".reading.txt")])
            pages.append("| `%s` | %s |" % (name, pdf_pages(pdf) or "?"))
            print("made", os.path.relpath(pdf))
        if PAGE != "a4":
            run([sys.executable, os.path.join(HERE, "set-readme-section.py"), PAGE_SECTION])
            return
        soffice, pdftotext = tool_versions(env)
        # The sections the other scripts wrote ("## …") are kept after this one's.
        readme = os.path.join(OUT, "README.md")
        kept = open(readme, encoding="utf-8").read() if os.path.exists(readme) else ""
        kept = kept[kept.find("\n## "):] if "\n## " in kept else ""
        with open(readme, "w", encoding="utf-8") as f:
            f.write(README.format(pages="\n".join(pages), soffice=soffice, pdftotext=pdftotext).rstrip("\n") + "\n" + kept)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
