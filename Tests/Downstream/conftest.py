import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
PEEL = os.environ.get("PEEL_BIN", str(ROOT / ".build" / "release" / "peel"))


def run_peel(inputs, output, *extra, expect=(0, 3)):
    """Runs the real peel binary; returns the completed process."""
    args = [PEEL, "run", "--output", str(output), "--config", str(ROOT / "Pipeline" / "pipeline.json"), *extra]
    for path in inputs:
        args += ["--input", str(path)]
    done = subprocess.run(args, capture_output=True, text=True)
    assert done.returncode in expect, done.stderr
    return done


@pytest.fixture(scope="session")
def dataset(tmp_path_factory):
    """The dataset of the embedded default input, in a folder named Outputs like the README's."""
    base = tmp_path_factory.mktemp("default")
    run_peel([ROOT / "Inputs"], base / "Outputs")
    return base / "Outputs"


@pytest.fixture(scope="session")
def tricky(tmp_path_factory):
    """A dataset whose text fields hold commas, quotes, non-ASCII, and the words NA and None."""
    base = tmp_path_factory.mktemp("tricky")
    text = (ROOT / "Tests" / "Fixtures" / "samples" / "peel-effectiveness-2017-west-mercia.txt").read_text()
    bullets = [
        "- The force should use \"quotes\", commas, and café – naïve text; 50% of it.",
        "- NA",
        "- None",
    ]
    old = "- The force should ensure that local policing teams routinely engage"
    start = text.index(old)
    end = text.index("\n", text.index("\n", text.index("\n", start) + 1) + 1)
    text = text[:start] + "\n".join(bullets) + text[end:]
    (base / "in").mkdir()
    (base / "in" / "report, \"quoted\" – é.txt").write_text(text)
    run_peel([base / "in"], base / "Outputs")
    return base / "Outputs", bullets


@pytest.fixture(scope="session")
def pdf_dataset(tmp_path_factory):
    """The dataset of the sample PDFs (Tests/Fixtures/extractions), read through pdftotext."""
    base = tmp_path_factory.mktemp("pdf")
    inputs = base / "pdfs"
    inputs.mkdir()
    for pdf in sorted((ROOT / "Tests" / "Fixtures" / "extractions").glob("*.pdf")):
        shutil.copy(pdf, inputs / pdf.name)
    run_peel([inputs], base / "Outputs")
    return base / "Outputs"
