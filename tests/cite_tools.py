"""The real citation tools the tests run: TeX Live's bibtex, citeproc-js under node, and rispy.

bibtex comes from the OS packages (`make bibtex`), citeproc and its APA style from npm (`make node-tools`);
the fixtures of tests/conftest.py skip the tests that need a missing one, or fail them when CI=true.
"""
from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from catalog.cite.model import PARTIAL_AUTHORS_NOTE
from catalog.models import Paper

ROOT = Path(__file__).resolve().parents[1]
RENDER_APA = ROOT / "tests" / "tools" / "render_apa.cjs"
CITEPROC = ROOT / "node_modules" / "citeproc"
# TeX spellings of the characters BibTeX cannot hold as they are (independent of cite/bibtex.py's table).
TEX_CHARACTERS = {r"{\textbackslash}": "\\", r"{\textbraceleft}": "{", r"{\textbraceright}": "}", r"{\&}": "&",
                  r"{\%}": "%", r"{\$}": "$", r"{\#}": "#", r"{\_}": "_", r"{\textasciitilde}": "~",
                  r"{\textasciicircum}": "^", r"{\textless}": "<", r"{\textgreater}": ">"}
BLG_COUNT = re.compile(r"^\(There (?:was|were) (\d+) (warning|error message)s?\)$", re.MULTILINE)
# APA 7 (as the CSL style says with et-al-min 21, et-al-use-first 19, et-al-use-last): up to 20 authors are all
# listed; a longer list shows the first 19, an ellipsis and the last.
APA_ALL_AUTHORS, APA_FIRST_AUTHORS = 20, 19


RIS_TYPES = {"conference": "CONF", "workshop": "CONF", "journal": "JOUR"}


def inverted_names(paper: Paper) -> list[str]:
    """The paper's authors as citations name them: 'Family, Given' (an organisation, or a one-word name, whole)."""
    return [f"{a.family}, {a.given}" if a.given else a.name for a in paper.authors]


def cited_year(paper: Paper) -> str:
    """A published paper is cited by the year its venue's name ends with, else by the paper's own date."""
    if paper.venue and paper.venue.name[-4:].isdigit():
        return paper.venue.name[-4:]
    return paper.year


def expected_ris(paper: Paper) -> dict:
    """The record rispy should read back for a paper: the data's values under rispy's names."""
    kind = paper.venue.kind if paper.venue else ""
    record = {"type_of_reference": RIS_TYPES.get(kind, "GEN"), "authors": inverted_names(paper),
              "title": " ".join(paper.title.split()), "year": cited_year(paper),
              "date": f"{cited_year(paper)}///" if paper.venue else f"{paper.date.replace('-', '/')}//",
              "urls": [paper.links.paper[0]]}
    if paper.venue:
        record["secondary_title"] = paper.venue.full_name
    if kind == "journal":
        record["journal_name"] = paper.venue.full_name
    if paper.arxiv:
        record["doi"] = f"10.48550/arXiv.{paper.arxiv}"
    if not paper.authors_complete:
        record["notes"] = [PARTIAL_AUTHORS_NOTE]
    return record


def decode_tex(text: str) -> str:
    """A BibTeX field as a reader sees it: TeX character commands decoded, grouping braces dropped."""
    placeholders = {tex: chr(0xE000 + i) for i, tex in enumerate(TEX_CHARACTERS)}
    originals = {p: TEX_CHARACTERS[tex] for tex, p in placeholders.items()}
    pattern = re.compile("|".join(re.escape(tex) for tex in sorted(TEX_CHARACTERS, key=len, reverse=True)))
    text = pattern.sub(lambda m: placeholders[m.group()], text).replace("{", "").replace("}", "")
    return "".join(originals.get(c, c) for c in text)


@dataclass(frozen=True)
class BibtexRun:
    """What bibtex said: its exit code, the warnings and errors its log counts, the log and the .bbl."""

    returncode: int
    warnings: int
    errors: int
    log: str
    bbl: str

    def bibitems(self) -> list[str]:
        """The keys of the .bbl's \\bibitem entries, in order."""
        return re.findall(r"\\bibitem(?:\[.*?\])?\{([^}]*)\}", self.bbl, re.DOTALL)


def run_bibtex(bib: str, keys: list[str], workdir: Path, style: str = "plain") -> BibtexRun:
    """Compile an .aux citing `keys` against the BibTeX text `bib` with a standard style, as LaTeX would."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "refs.bib").write_text(bib, encoding="utf-8")
    citations = "".join(f"\\citation{{{key}}}\n" for key in keys)
    (workdir / "paper.aux").write_text(f"\\relax\n{citations}\\bibstyle{{{style}}}\n\\bibdata{{refs}}\n",
                                       encoding="utf-8")
    result = subprocess.run(["bibtex", "paper"], cwd=workdir, capture_output=True, timeout=120, check=False)
    log = (workdir / "paper.blg").read_text(encoding="utf-8", errors="replace")
    counts = {kind: int(n) for n, kind in BLG_COUNT.findall(log)}
    bbl_path = workdir / "paper.bbl"
    bbl = bbl_path.read_text(encoding="utf-8", errors="replace") if bbl_path.exists() else ""
    return BibtexRun(result.returncode, counts.get("warning", 0), counts.get("error message", 0), log, bbl)


def render_apa(csl_json: str, workdir: Path) -> dict:
    """CSL-JSON rendered in APA by citeproc-js: {"entries": {id: text}, "errors": [...], "warnings": [...]}."""
    workdir.mkdir(parents=True, exist_ok=True)
    items = workdir / "items.json"
    items.write_text(csl_json, encoding="utf-8")
    result = subprocess.run(["node", str(RENDER_APA), str(items)], capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
