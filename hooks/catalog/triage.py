"""Triage of new papers: which of a listing's papers fit the catalog, where, and why. It suggests; a person decides.

Each candidate of a listing (`listings.read_listing`) is looked up in the catalog and in the triage
records (by arXiv id, else by folded title, else, for a paper with only an abstract, by a near-identical
abstract), and scored by the similarity model over the catalog's papers and the rejected papers of
data/triage/ (their titles, and abstracts where the record keeps one):

* fit = the mean similarity of its NEIGHBOURS nearest catalog papers: a paper that reads like the
  catalog fits. (Subtracting part of its similarity to the nearest rejected paper was tried and
  changed nothing measurable, see benchmarks/README.md; that paper is shown instead, with the reason
  it was turned away, for the person deciding);
* the suggested category is the one those NEIGHBOURS weigh most for (each votes with its similarity),
  the subcategory likewise among those of that category, and the methods those carrying at least
  METHOD_SHARE of that weight. The NEAREST_SHOWN nearest are given as evidence.

`evaluate` measures this honestly on the decisions already taken: each paper is held out of the model
(leave one out) before it is scored.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from .edit import normalise_title
from .importer import entry_id
from .listings import Candidate
from .models import Catalog, Paper, TriageRecord
from .similarity import Document, Neighbour, SimilarityModel, document_of

NEIGHBOURS = 5  # nearest catalog papers whose similarity makes the fit, and who vote for the place
NEAREST_SHOWN = 3  # of them, given as evidence
METHOD_SHARE = 0.5
SAME_ABSTRACT = 0.8  # similarity above which an untitled abstract is taken for a catalog paper's own


@dataclass(frozen=True)
class Nearest:
    """A catalog paper near a candidate, with their similarity and the words they share."""

    paper: Paper
    similarity: float
    shared: tuple[str, ...]


@dataclass(frozen=True)
class Presence:
    """Where a candidate already is: catalog papers (found by arXiv id, title, or its abstract) and triage records."""

    papers: tuple[Paper, ...]
    by_abstract: bool  # the one paper was found by a near-identical abstract
    records: tuple[TriageRecord, ...]

    @property
    def places(self) -> tuple[str, ...]:
        """'in the catalog as deepeyes', 'in data/triage/seed-003.yaml:236 (added)'."""
        how = " (the same abstract)" if self.by_abstract else ""
        return (tuple(f"in the catalog as {p.id}{how}" for p in self.papers)
                + tuple(f"in {r.file}:{r.line} ({r.decision})" for r in self.records))


@dataclass(frozen=True)
class Assessment:
    """What triage says of one candidate."""

    candidate: Candidate
    present: tuple[str, ...]  # where it already is: 'in the catalog as deepeyes', 'in data/triage/x.yaml:3 (rejected)'
    fit: float
    category: str
    subcategory: str
    methods: tuple[str, ...]
    nearest: tuple[Nearest, ...]
    rejected: tuple[TriageRecord, float] | None  # the nearest rejected paper, and its similarity


# The model


def rejected_document(record: TriageRecord) -> Document:
    """A rejected paper as the model reads it: its title, and its abstract if the record keeps one."""
    return Document(id=f"{record.file}:{record.line}", heading=record.title, body=record.abstract)


def candidate_document(candidate: Candidate) -> Document:
    """A listing's paper as the model reads it."""
    return Document(id=f"{candidate.source}:{candidate.line}", heading=candidate.title, body=candidate.abstract)


class TriageModel:
    """The similarity model over the catalog's papers and the rejected papers, and what it says of a candidate."""

    def __init__(self, catalog: Catalog, records: tuple[TriageRecord, ...]) -> None:
        self.catalog, self.records = catalog, records
        self.rejected = [r for r in records if r.decision == "rejected"]
        papers = catalog.papers
        self.model = SimilarityModel([document_of(p) for p in papers] + [rejected_document(r) for r in self.rejected])
        self.paper_count = len(papers)

    def neighbours(self, document: Document) -> list[Neighbour]:
        """Every document of the model that shares a term with document, nearest first."""
        return self.model.nearest_to(document, len(self.model.documents))

    def presence(self, candidate: Candidate, neighbours: list[Neighbour]) -> Presence:
        """The catalog papers and triage records the candidate already is."""
        title = normalise_title(candidate.title) if candidate.title else ""
        papers = [i for i, p in enumerate(self.catalog.papers)
                  if (candidate.arxiv and p.arxiv == candidate.arxiv) or (title and normalise_title(p.title) == title)]
        by_abstract = (not candidate.title and not candidate.arxiv and bool(neighbours)
                       and neighbours[0].index < self.paper_count and neighbours[0].score >= SAME_ABSTRACT)
        if by_abstract:
            papers.append(neighbours[0].index)
        ids = {self.catalog.papers[i].id for i in papers}
        records = tuple(r for r in self.records
                        if (candidate.arxiv and r.arxiv == candidate.arxiv) or (title and normalise_title(r.title) == title)
                        or (r.decision == "added" and r.id in ids))
        return Presence(tuple(self.catalog.papers[i] for i in papers), by_abstract, records)

    def itself(self, presence: Presence) -> frozenset[int]:
        """The model's documents that are the candidate: to leave out of its evidence."""
        papers = {p.id for p in presence.papers}
        return frozenset([i for i, p in enumerate(self.catalog.papers) if p.id in papers]
                         + [self.paper_count + i for i, r in enumerate(self.rejected) if r in presence.records])

    def assess(self, candidate: Candidate) -> Assessment:
        """Presence, fit, suggested place and evidence of one candidate (the catalog paper or rejected paper it
        already is, if any, left out of its evidence)."""
        found = self.neighbours(candidate_document(candidate))
        presence = self.presence(candidate, found)
        itself = self.itself(presence)
        return self.judge(candidate, [n for n in found if n.index not in itself], presence.places)

    def judge(self, candidate: Candidate, found: list[Neighbour], present: tuple[str, ...] = ()) -> Assessment:
        """The assessment of a candidate from its neighbours in the model."""
        papers = [n for n in found if n.index < self.paper_count]
        rejected = next((n for n in found if n.index >= self.paper_count), None)
        category, subcategory, methods = self.suggest_place(papers[:NEIGHBOURS])
        return Assessment(candidate=candidate, present=present,
                          fit=round(sum(n.score for n in papers[:NEIGHBOURS]) / NEIGHBOURS, 3),
                          category=category, subcategory=subcategory, methods=methods,
                          nearest=tuple(Nearest(self.catalog.papers[n.index], n.score, n.shared)
                                        for n in papers[:NEAREST_SHOWN]),
                          rejected=(self.rejected[rejected.index - self.paper_count], rejected.score)
                          if rejected else None)

    def suggest_place(self, voters: list[Neighbour]) -> tuple[str, str, tuple[str, ...]]:
        """(category, subcategory, methods) the nearest papers weigh most for, each voting with its similarity."""
        if not voters:
            return "", "", ()
        papers = [(self.catalog.papers[n.index], n.score) for n in voters]
        category = heaviest((p.category, score) for p, score in papers)
        inside = [(p, score) for p, score in papers if p.category == category]
        subcategory = heaviest((p.subcategory, score) for p, score in inside)
        total = sum(score for _, score in inside)
        weights: dict[str, float] = defaultdict(float)
        for paper, score in inside:
            for method in paper.methods:
                weights[method] += score
        order = [m.id for m in self.catalog.taxonomy.methods]
        return category, subcategory, tuple(m for m in order if weights.get(m, 0.0) >= METHOD_SHARE * total)


def heaviest(votes) -> str:
    """The value with the largest summed weight of (value, weight) votes; ties go to the first voted."""
    totals: dict[str, float] = {}
    for value, weight in votes:
        totals[value] = totals.get(value, 0.0) + weight
    return max(totals, key=totals.get) if totals else ""


def assess_all(catalog: Catalog, records: tuple[TriageRecord, ...], candidates: list[Candidate]) -> list[Assessment]:
    """Every candidate assessed, best fit first (then in listing order)."""
    model = TriageModel(catalog, records)
    assessed = [model.assess(c) for c in candidates]
    return sorted(assessed, key=lambda a: -a.fit)


# The draft


def draft_record(assessment: Assessment) -> dict:
    """The draft triage record of a new paper: decision 'suggested', with the fit, the place and the evidence."""
    candidate = assessment.candidate
    record: dict = {"source": candidate.source}
    for key in ("title", "arxiv"):
        if getattr(candidate, key):
            record[key] = getattr(candidate, key)
    record["decision"] = "suggested"
    record["fit"] = assessment.fit
    if assessment.category:
        record["category"] = assessment.category
    if assessment.subcategory:
        record["subcategory"] = assessment.subcategory
    if assessment.methods:
        record["methods"] = list(assessment.methods)
    if candidate.title:
        try:  # the name before a colon, as the catalog's ids go ('Nav-R1: Reasoning and ...' -> nav-r1)
            record["id"] = entry_id(candidate.title.split(":")[0])
        except ValueError:  # no ASCII letter in it: the reviewer gives one
            pass
    if assessment.nearest:
        record["nearest"] = [n.paper.id for n in assessment.nearest]
    if candidate.abstract:
        record["abstract"] = candidate.abstract
    return record


# Evaluation


@dataclass(frozen=True)
class Evaluation:
    """Leave-one-out figures of triage on decisions already taken."""

    scored: tuple[tuple[TriageRecord, Assessment], ...]  # each decided candidate, scored without itself
    unmatched: int  # candidates of the listings no decision names (or one already scored)
    auc: float  # fit of added papers above rejected ones: the probability that a random added one scores higher
    category_hits: int  # added papers whose suggested category is the one decided
    catalog_hits: int  # catalog papers whose suggested category, with themselves held out, is their own
    catalog_size: int

    @property
    def added(self) -> list[tuple[TriageRecord, Assessment]]:
        return [(r, a) for r, a in self.scored if r.decision == "added"]

    @property
    def rejected(self) -> list[tuple[TriageRecord, Assessment]]:
        return [(r, a) for r, a in self.scored if r.decision == "rejected"]


def decision_of(candidate: Candidate, model: TriageModel) -> TriageRecord | None:
    """The added or rejected record a candidate of a listing is (by arXiv id, title, or its catalog paper)."""
    records = model.presence(candidate, model.neighbours(candidate_document(candidate))).records
    return next((r for r in records if r.decision in ("added", "rejected")), None)


def held_out(catalog: Catalog, records: tuple[TriageRecord, ...], record: TriageRecord | None,
             paper: Paper | None) -> TriageModel:
    """The triage model without one decision and its catalog paper."""
    papers = tuple(p for p in catalog.papers if p != paper)
    return TriageModel(replace(catalog, papers=papers, _by_id={}), tuple(r for r in records if r != record))


def roc_auc(positives: list[float], negatives: list[float]) -> float:
    """The probability that a random positive scores above a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def evaluate(catalog: Catalog, records: tuple[TriageRecord, ...], candidates: list[Candidate]) -> Evaluation:
    """Score each decided candidate with its decision (and its catalog paper) held out of the model; and suggest
    each catalog paper's category with that paper held out."""
    full = TriageModel(catalog, records)
    scored, unmatched = [], 0
    for candidate in candidates:
        record = decision_of(candidate, full)
        if record is None or record in (r for r, _ in scored):  # each decision is scored once
            unmatched += 1
            continue
        paper = catalog.paper(record.id) if record.decision == "added" else None
        model = held_out(catalog, records, record, paper)
        scored.append((record, model.judge(candidate, model.neighbours(candidate_document(candidate)))))
    auc = roc_auc([a.fit for r, a in scored if r.decision == "added"],
                  [a.fit for r, a in scored if r.decision == "rejected"])
    category_hits = sum(a.category == r.category for r, a in scored if r.decision == "added")
    catalog_hits = 0
    for paper in catalog.papers:
        model = held_out(catalog, records, None, paper)
        alone = Candidate(source="catalog", line=paper.source_line, title=paper.title, abstract=paper.abstract)
        catalog_hits += model.judge(alone, model.neighbours(document_of(paper))).category == paper.category
    return Evaluation(scored=tuple(scored), unmatched=unmatched, auc=auc, category_hits=category_hits,
                      catalog_hits=catalog_hits, catalog_size=len(catalog.papers))
