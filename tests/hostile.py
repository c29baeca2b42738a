"""Hostile catalog entries: titles, names, venues, links and abstracts holding markup, script, Jinja
and Markdown, for the tests that every output shows them as text."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import yaml
from catalog.load import load_catalog

SCRIPT = '<script>alert("x")</script>'
IMG = '"><img src=x onerror=alert(1)>'
JINJA = "{{ config.site_name }} {% if true %}jinja{% endif %}"
MARKDOWN = "| piped | *starred* _under_ `tick` **bold** [link](javascript:alert(1))"

HOSTILE_VENUE = {"name": "<b>Venue</b> | {{ 1+1 }} `v`", "full_name": f"Proceedings {SCRIPT} & {{{{ 2*2 }}}} 100%",
                 "kind": "workshop", "source": f"made up {IMG}"}
AUTHORS = ["Zoë \"><img src=x onerror=alert(document.cookie)>", "{Brace} Percent% & Ampersand", "José Müller", {"organisation": f"{SCRIPT} & {{Co}} %"}]
MARKUP = {
    "id": "hostile-markup",
    "short_name": "V*<i>_x_</i>{{ 7*7 }}",
    "title": f"A {SCRIPT} {IMG} {MARKDOWN} {JINJA} </script><!-- &amp; end",
    "category": "multi-agent", "subcategory": "debate", "date": "2024-01", "methods": ["rl"],
    "venue": HOSTILE_VENUE["name"],
    "authors": AUTHORS, "authors_source": f"a source {SCRIPT} & {{braces}} 100%",
    "links": {"paper": 'https://example.org/paper?a=1&b=<2>&c="x"',
              "code": "https://example.org/code'onmouseover='alert(1)"},
    "abstract": (f"First sentence has {SCRIPT} and </script><!-- and {JINJA} and `code` and **bold** and "
                 f"[link](javascript:alert(1)) and {IMG}. Second sentence | with | pipes.\n\n"
                 "Second paragraph {% raw %}x{% endraw %} _u_ *s* ```fence```."),
    "abstract_source": 'https://example.org/src?a="><script>alert(3)</script>',
    "notes": [f"Note with {SCRIPT} and {{{{ 3*3 }}}} and | pipe", f"Second `note` *em* {IMG}"],
}
SCRIPT_ONLY = {  # no short name: the title is also the name in link labels
    "id": "hostile-script", "title": "</script><script>alert(document.domain)</script>",
    "category": "multimodal", "date": "2023-02", "links": {"paper": "https://example.org/b?x=<y>"},
    "authors": [f"Ana {SCRIPT}"], "authors_source": "made up",
}
HOSTILE = {p["id"]: p for p in (MARKUP, SCRIPT_ONLY)}


def add_hostile_papers(project: Path) -> Path:
    """Append the hostile papers (and their venue) to a copied project's data, added last (so they lead the feed)."""
    with open(project / "data" / "venues.yaml", "a", encoding="utf-8") as out:
        out.write("\n" + yaml.safe_dump([HOSTILE_VENUE], sort_keys=False, allow_unicode=True, width=4096))
    latest = max(date.fromisoformat(p.added) for p in load_catalog(project / "data").papers if p.added)
    for offset, paper in enumerate(HOSTILE.values(), start=1):
        entry = {**paper, "added": (latest + timedelta(days=offset)).isoformat()}
        with open(project / "data" / "papers" / f"{paper['category']}.yaml", "a", encoding="utf-8") as out:
            out.write("\n" + yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=4096))
    return project
