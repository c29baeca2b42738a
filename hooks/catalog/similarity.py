"""Similarity of content between papers: TF-IDF over their words, blended with category agreement.

A paper's document is its title and short name (counted twice: they say what the paper is about), its
abstract and the names of its data sets. Words are folded like the search's (`text.fold_for_search`),
English stop words and paper boilerplate are dropped, and a light stemmer makes 'zooming', 'zoomed'
and 'zooms' one term. Each term weighs (1 + log tf) * idf; a document keeps its TERMS_PER_DOCUMENT
heaviest terms (its signature), normalised. Terms found in more than COMMON_SHARE of the documents are
pruned (they say nothing about what a paper is about), and so are terms of one document only (they
can make no pair).

The model is built once per build (`SimilarityModel`) and serves the related papers of every paper page
and `catalog triage`. Nearest neighbours come from an inverted index, never from all pairs: a paper asks
only its QUERY_TERMS heaviest terms, and each term answers with at most POSTINGS_PER_TERM documents
(those where it weighs most); the best CANDIDATES of those are scored exactly. So the work per paper is
bounded, and the whole grows linearly with the catalog (`comparisons` counts it).
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from operator import itemgetter

from .models import Catalog, Paper
from .render.extras import dataset_name
from .text import fold_for_search

TERMS_PER_DOCUMENT = 30  # a document's signature: its heaviest terms
COMMON_SHARE = 0.3  # terms in more documents than this share are pruned...
COMMON_MINIMUM = 10  # ...but never those in this few (a small catalog has no common words to speak of)
QUERY_TERMS = 10  # a paper looks for neighbours through its heaviest terms only
POSTINGS_PER_TERM = 40  # and each term answers with the documents it weighs most in
CANDIDATES = 24  # candidates scored exactly, per paper
SUBCATEGORY_AGREEMENT = 0.1  # added to the similarity of two papers of one subcategory
CATEGORY_AGREEMENT = 0.05  # or of one category (either's home or boundary category)
SHARED_WORDS = 4  # words shown for a related paper
TOKEN = re.compile(r"[a-z][a-z0-9]+")
URL = re.compile(r"(?:https?://|www\.)\S+")  # code links in abstracts: their user names are no topic
# English stop words, then the boilerplate of abstracts: words that say nothing about what a paper is about.
STOP_WORDS_TEXT = """
a about above across after again against all almost along already also although always am among an and another
any are around as at be because been before being below between both but by can cannot could did do does doing
done down during each either else enough etc even ever every few for from further had has have having he her here
hers him his how however i if in into is it its itself just least less like made make makes many may me might more
most much must my neither never no nor not now of off often on once one only onto or other others otherwise our
ours out over own per perhaps rather same several she should since so some still such than that the their theirs
them then there therefore these they this those though through thus to together too toward towards under until up
upon us very via was we well were what whatever when where whether which while who whom whose why will with within
without would yet you your
paper papers propose proposed proposes present presents introduce introduces introduced approach approaches method
methods result results show shows shown demonstrate demonstrates experiment experiments experimental achieve
achieves achieved achieving outperform outperforms outperforming performance significant significantly novel existing
extensive state art new based using use used uses work works first specifically furthermore moreover respectively
code available github https http com www org html arxiv et al e g ie eg end
able ability actually additionally advance advanced advances advancing aim aims allow allows alternative
analysis apply applied assess best better beyond bring broad capability capabilities capable case
challenge challenges challenging clear closely common commonly compared comparison competitive complex
comprehensive consider consistent consistently core critical crucial current currently design designed despite
develop developed different difficult directly due effective effectively efficient efficiently emerge emerging
enable enables enabling encourage enhance enhanced enhances ensure especially establish evaluate evaluated
evaluation evidence example examples explore explores exploring fail fails feature features find finding findings
focus focuses following fully fundamental gain gains general generally given greatly high higher
highly human humans hypothesis identify important improve improved improvement improvements improves improving
include including increase increasingly inherent inspired instead interestingly issue issues key lack large
largely lead leading leads leverage leverages leveraging limit limitation limitations limited low main mainly
maintain major manner mechanism mechanisms notably observe observed obtain offer offers open order
overall particular particularly perform performs play potential powerful practical previous primarily primary
prior problem problems process processes promising provide provides question range recent recently reduce
relative relatively rely relies remain remains remarkable require requires research researchers robust role scale
separate set setting settings shift simple simultaneously single small solution solutions solve specific strong
study studies substantial substantially success successful suggest superior support surpass task tasks technique
techniques thereby three time times two type types typically understand underexplored unique
unlike utilize value various versatile way ways whereas wide widely yield yields
"""
STOP_WORDS = frozenset(STOP_WORDS_TEXT.split())


@dataclass(frozen=True)
class Document:
    """What the model reads of a paper (or of a candidate paper): heading words count twice."""

    id: str
    heading: str
    body: str = ""
    category: str = ""
    subcategory: str = ""
    secondary_category: str = ""


@dataclass(frozen=True)
class Neighbour:
    """A document near another one: its index in the model, the similarity, and the readable words they share."""

    index: int
    score: float
    shared: tuple[str, ...]


# Words


def stem(word: str) -> str:
    """A light English stemmer: plurals, -ing and -ed, so 'zooming', 'zoomed' and 'zooms' all give 'zoom'."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        root = word[: -len(suffix)]
        if word.endswith(suffix) and len(root) >= 3 and re.search("[aeiouy]", root) and not word.endswith("eed"):
            if root[-1] == root[-2] and root[-1] not in "lsz":  # cropping -> crop, but spelling -> spell
                root = root[:-1]
            return root
    return word


def document_of(paper: Paper) -> Document:
    """A catalog paper as the model reads it: title and short name, then abstract and data-set names."""
    datasets = " ".join(dataset_name(url).replace("/", " ") for url in paper.links.datasets)
    return Document(id=paper.id, heading=f"{paper.title} {paper.short_name}", body=f"{paper.abstract} {datasets}",
                    category=paper.category, subcategory=paper.subcategory,
                    secondary_category=paper.secondary_category)


def words_of(document: Document) -> list[str]:
    """The document's folded words in order, the heading's twice."""
    heading = TOKEN.findall(fold_for_search(document.heading))
    return heading + heading + TOKEN.findall(URL.sub(" ", fold_for_search(document.body)))


class Stems(dict):
    """word -> its stem, or None for a stop word; filled as words are met."""

    def __missing__(self, word: str) -> str | None:
        self[word] = None if word in STOP_WORDS else stem(word)
        return self[word]


# The model


class SimilarityModel:
    """TF-IDF signatures of a set of documents, and an inverted index over them for nearest neighbours."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = tuple(documents)
        self.comparisons = 0  # posting entries visited and candidates scored: the work, for tests
        self.stems = Stems()
        # One document's words at a time: the words of 10,000 abstracts held at once would be 1.75 million
        # strings, and the memory they take is not given back.
        counts = [self.term_counts(words_of(d)) for d in self.documents]
        frequency = Counter(chain.from_iterable(counts))
        common = max(COMMON_MINIMUM, COMMON_SHARE * len(self.documents))
        size = len(self.documents)
        self.idf = {t: math.log((1 + size) / (1 + df)) + 1 for t, df in frequency.items() if 1 < df <= common}
        self.vectors = [self.signature(c) for c in counts]
        postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for index, vector in enumerate(self.vectors):
            for term, weight in vector.items():
                postings[term].append((-weight, index))
        # term -> the documents holding it, those where it weighs most first
        self.postings = {t: [index for _, index in sorted(p)] for t, p in postings.items()}

    @classmethod
    def of_catalog(cls, catalog: Catalog) -> SimilarityModel:
        """The model of a catalog's papers, in catalog order."""
        return cls([document_of(p) for p in catalog.papers])

    def term_counts(self, words: Iterable[str]) -> Counter:
        """Counts of the stems of words (stop words left out)."""
        counts = Counter(map(self.stems.__getitem__, words))
        counts.pop(None, None)
        return counts

    def signature(self, counts: Counter) -> dict[str, float]:
        """The heaviest TERMS_PER_DOCUMENT terms, weighted (1 + log tf) * idf and normalised to length 1."""
        idf = self.idf
        weights = [(t, (1 + math.log(c)) * idf[t]) for t, c in counts.items() if t in idf]
        top = heapq.nlargest(TERMS_PER_DOCUMENT, weights, key=itemgetter(1))
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {t: w / norm for t, w in top}

    def written_forms(self, words: list[str], vector: dict[str, float]) -> dict[str, str]:
        """Each term of a signature as the document first writes it ('zooming'), to show instead of the stem."""
        first = dict(zip(map(self.stems.__getitem__, reversed(words)), reversed(words)))
        return {t: first[t] for t in vector}

    def vector_of(self, document: Document) -> tuple[dict[str, float], dict[str, str]]:
        """The signature of a document outside the model (a new paper), in the model's terms, and its
        terms as it writes them."""
        words = words_of(document)
        vector = self.signature(self.term_counts(words))
        return vector, self.written_forms(words, vector)

    # Neighbours

    def agreement(self, a: Document, b: Document) -> float:
        """What sharing a place in the taxonomy adds to two documents' similarity."""
        if a.category and a.category == b.category:
            return SUBCATEGORY_AGREEMENT if a.subcategory == b.subcategory else CATEGORY_AGREEMENT
        if {a.category, a.secondary_category} & {b.category, b.secondary_category} - {""}:
            return CATEGORY_AGREEMENT
        return 0.0

    @staticmethod
    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        """Cosine similarity of two signatures (both of length 1)."""
        return sum(a[t] * b[t] for t in a.keys() & b.keys())

    @staticmethod
    def shared_words(a: dict[str, float], b: dict[str, float], written: dict[str, str]) -> tuple[str, ...]:
        """The terms two signatures share, heaviest first, as the first document writes them."""
        shared = sorted((-a[t] * b[t], t) for t in a.keys() & b.keys())
        return tuple(written[t] for _, t in shared[:SHARED_WORDS])

    def nearest(self, index: int, count: int) -> list[Neighbour]:
        """The `count` documents most like document `index`. Candidates are the documents that share the most of
        its QUERY_TERMS heaviest terms, through each term's first POSTINGS_PER_TERM postings (counted at C
        speed); the best CANDIDATES of those are scored exactly."""
        vector, document = self.vectors[index], self.documents[index]
        terms = heapq.nlargest(QUERY_TERMS, vector, key=vector.__getitem__)
        found = Counter(chain.from_iterable(islice(self.postings.get(t, ()), POSTINGS_PER_TERM) for t in terms))
        self.comparisons += found.total()
        found.pop(index, None)
        best = sorted(found.items(), key=itemgetter(1), reverse=True)[:CANDIDATES]
        self.comparisons += len(best)
        scored = [(self.cosine(vector, self.vectors[j]) + self.agreement(document, self.documents[j]), j)
                  for j, _ in best]
        scored.sort(key=lambda pair: (-pair[0], self.documents[pair[1]].id))
        written = self.written_forms(words_of(document), vector)  # read again: cheaper than keeping every word
        return [Neighbour(j, score, self.shared_words(vector, self.vectors[j], written)) for score, j in scored[:count]]

    def nearest_to(self, document: Document, count: int) -> list[Neighbour]:
        """The `count` documents of the model most like a document from outside it, by cosine alone, every
        posting of every term read (for a few new papers at a time)."""
        vector, written = self.vector_of(document)
        found = set(chain.from_iterable(self.postings.get(t, ()) for t in vector))
        self.comparisons += len(found)
        scored = sorted(((self.cosine(vector, self.vectors[j]), j) for j in found),
                        key=lambda pair: (-pair[0], self.documents[pair[1]].id))
        return [Neighbour(j, score, self.shared_words(vector, self.vectors[j], written)) for score, j in scored[:count]]


# Related papers


@dataclass(frozen=True)
class RelatedPaper:
    """A paper shown as related to another (by id: the build keeps these in load_cache), with the words they share."""

    paper_id: str
    shared: tuple[str, ...]


def related_papers(catalog: Catalog, count: int) -> dict[str, tuple[RelatedPaper, ...]]:
    """For every paper, the `count` papers most like it in content, across categories."""
    model = SimilarityModel.of_catalog(catalog)
    papers = catalog.papers
    return {paper.id: tuple(RelatedPaper(papers[n.index].id, n.shared) for n in model.nearest(index, count))
            for index, paper in enumerate(papers)}
