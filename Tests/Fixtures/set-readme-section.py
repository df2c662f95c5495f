#!/usr/bin/env python3
"""Writes one section of Tests/Fixtures/extractions/README.md, for the scripts that make the extractions:
    python3 Tests/Fixtures/set-readme-section.py "## Title

    Text …"
The section (from its "## " line to the next one, or the end) replaces the section of the same title where there is
one, in its place, and is added at the end where there is none; a blank line stands between sections."""
import os
import sys

section = sys.argv[1].strip("\n")
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "extractions", "README.md")
title = section.split("\n", 1)[0]
text = open(path, encoding="utf-8").read().rstrip("\n")
start = text.find("\n" + title + "\n")
if start >= 0:
    rest = text.find("\n## ", start + 1)
    text = text[:start].rstrip("\n") + "\n\n" + section + ("\n\n" + text[rest + 1:] if rest >= 0 else "")
else:
    text = text + "\n\n" + section
open(path, "w", encoding="utf-8").write(text.rstrip("\n") + "\n")
