"""Typed, immutable models of the catalog. Renderers and exports take these, never raw dicts."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

LINK_KINDS = ("paper", "project", "code", "models", "datasets")


@dataclass(frozen=True)
class Links:
    """A paper's links by kind; each kind holds zero or more absolute URLs."""

    paper: tuple[str, ...] = ()
    project: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    datasets: tuple[str, ...] = ()

    def items(self) -> list[tuple[str, tuple[str, ...]]]:
        """(kind, urls) pairs in display order, only kinds that have URLs."""
        return [(kind, getattr(self, kind)) for kind in LINK_KINDS if getattr(self, kind)]

    def kinds(self) -> list[str]:
        """The kinds that have URLs, in display order (what the tables' "Has" facet filters on)."""
        return [kind for kind in LINK_KINDS if getattr(self, kind)]


@dataclass(frozen=True)
class Author:
    """A person (name as the paper writes it, given names first) or an organisation, which no format splits."""

    name: str
    organisation: bool = False

    @cached_property
    def family(self) -> str:
        """The family name: the last word, with any lowercase particles before it ('van der Berg');
        an organisation's whole name."""
        if self.organisation:
            return self.name
        words = self.name.split()
        start = len(words) - 1
        while start > 1 and words[start - 1][:1].islower():
            start -= 1
        return " ".join(words[start:])

    @cached_property
    def given(self) -> str:
        """The given names: everything before the family name ('' for an organisation)."""
        return "" if self.organisation else self.name[: len(self.name) - len(self.family)].strip()


@dataclass(frozen=True)
class Venue:
    """A peer-reviewed venue of data/venues.yaml."""

    name: str  # short, with the year: NeurIPS 2025
    full_name: str  # the proceedings or journal
    kind: str  # conference, journal or workshop


@dataclass(frozen=True)
class Paper:
    """One catalog entry (also used for the standard-reasoning examples, with no category)."""

    id: str
    title: str
    date: str  # YYYY-MM
    links: Links
    category: str = ""
    subcategory: str = ""
    secondary_category: str = ""
    short_name: str = ""
    arxiv: str = ""
    methods: tuple[str, ...] = ()
    venue: Venue | None = None
    authors: tuple[Author, ...] = ()
    authors_complete: bool = True
    authors_source: str = ""
    shared_author_names: tuple[str, ...] = ()  # names two different authors of this paper both write
    abstract: str = ""
    abstract_source: str = ""
    added: str = ""  # YYYY-MM-DD
    notes: tuple[str, ...] = ()
    source_file: str = ""
    source_line: int = 0

    @property
    def name(self) -> str:
        """What a reader calls the paper: its short name, else its title."""
        return self.short_name or self.title

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def url(self) -> str:
        """Path of the paper's own page on the site."""
        return f"papers/{self.id}/"


@dataclass(frozen=True)
class Subcategory:
    id: str
    title: str
    description: str


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    short_title: str
    summary: str  # one line, for the overview and the home cards
    source_heading: str
    definition: str
    examples: tuple[str, ...]
    subcategories: tuple[Subcategory, ...]

    @property
    def url(self) -> str:
        return f"{self.id}/"

    @property
    def boundary_anchor(self) -> str:
        """The anchor, on another category's page, of the section of this category's papers bordering it."""
        return f"boundary-{self.id}"

    def subcategory(self, sub_id: str) -> Subcategory | None:
        return next((s for s in self.subcategories if s.id == sub_id), None)


@dataclass(frozen=True)
class Method:
    id: str
    label: str
    kind: str  # "training" or "paper"


@dataclass(frozen=True)
class Boundary:
    id: str
    between: tuple[str, str]
    rule: str
    reasoning: str
    example: str


@dataclass(frozen=True)
class Taxonomy:
    interleaving_reasoning: str
    standard_reasoning: str
    methods: tuple[Method, ...]
    categories: tuple[Category, ...]
    boundaries: tuple[Boundary, ...]

    def category(self, cat_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == cat_id), None)

    def method(self, method_id: str) -> Method | None:
        return next((m for m in self.methods if m.id == method_id), None)

    def section_anchors(self) -> set[str]:
        """The anchors of the table pages' sections (subcategories, boundary sections), beside the rows' (paper ids)."""
        return {s.id for c in self.categories for s in c.subcategories} | {c.boundary_anchor for c in self.categories}


@dataclass(frozen=True)
class Activity:
    """An item of the group's own activities (workshop, highlighted papers)."""

    id: str
    kind: str  # "workshop" or "paper"
    title: str
    summary: str
    links: tuple[tuple[str, str], ...]  # (label, url)
    paper: str = ""  # catalog id, when the item is a catalog paper


@dataclass(frozen=True)
class TriageRecord:
    """A decision on a candidate paper (data/triage/): added to the catalog as `id`, rejected, or suggested by
    `catalog triage` and not decided yet."""

    file: str
    line: int
    decision: str  # "added", "rejected" or "suggested"
    title: str = ""
    arxiv: str = ""
    abstract: str = ""
    seed: str = ""
    source: str = ""
    category: str = ""
    subcategory: str = ""
    methods: tuple[str, ...] = ()
    id: str = ""
    fit: float | None = None
    nearest: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class Catalog:
    """Everything the site is built from, validated."""

    taxonomy: Taxonomy
    papers: tuple[Paper, ...]  # newest first, then by name
    standard_examples: tuple[Paper, ...] = ()
    activities: tuple[Activity, ...] = ()
    venues: tuple[Venue, ...] = ()
    _by_id: dict = field(default_factory=dict, compare=False, repr=False)

    def paper(self, paper_id: str) -> Paper | None:
        if not self._by_id:
            self._by_id.update({p.id: p for p in self.papers})
        return self._by_id.get(paper_id)

    def in_category(self, cat_id: str) -> list[Paper]:
        return [p for p in self.papers if p.category == cat_id]

    def in_subcategory(self, cat_id: str, sub_id: str) -> list[Paper]:
        return [p for p in self.papers if p.category == cat_id and p.subcategory == sub_id]
