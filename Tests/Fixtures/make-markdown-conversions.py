#!/usr/bin/env python3
"""The samples as web pages (samples-to-html.py) turned into Markdown by two common converters:

  <stem>.markdownify.md  markdownify's markdownify(): headings underlined ("=====", "-----", setext), tables as pipe
                         tables, * and _ escaped
  <stem>.html2text.md    html2text's HTML2Text().handle(): "#" headings, tables as rows of cells a " | " apart,
                         lines wrapped at 78 columns

into Tests/Fixtures/extractions/. Not run by the tests or CI (they read the committed files). Needs, in a virtual
environment:
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install markdownify html2text
    /tmp/venv/bin/python Tests/Fixtures/make-markdown-conversions.py
"""
import glob
from importlib.metadata import version
import os
import subprocess
import sys
import tempfile

import html2text
import markdownify

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "extractions")

with tempfile.TemporaryDirectory() as pages:
    samples = sorted(glob.glob(os.path.join(HERE, "samples", "*")))
    subprocess.run([sys.executable, os.path.join(HERE, "samples-to-html.py"), pages] + samples, check=True, stdout=subprocess.DEVNULL)
    for page in sorted(glob.glob(os.path.join(pages, "*.html"))):
        stem = os.path.basename(page)[: -len(".html")]
        html = open(page, encoding="utf-8").read()
        with open(os.path.join(OUT, stem + ".markdownify.md"), "w", encoding="utf-8") as out:
            out.write(markdownify.markdownify(html))
        with open(os.path.join(OUT, stem + ".html2text.md"), "w", encoding="utf-8") as out:
            out.write(html2text.HTML2Text().handle(html))
print("markdownify", version("markdownify"), "html2text", version("html2text"))
