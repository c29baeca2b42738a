"""Synthetic catalogs for the benchmark: a copy of the project with N generated, valid papers.

`make_synthetic_project(src, dest, n)` copies what a build needs (mkdocs.yml, docs, overrides,
hooks, data/ except the papers) and writes data/papers/<category>.yaml with `n` entries that pass
every check of the loader:

- titles, short names and slug ids (unique), 1,000-character abstracts, venues for some papers (each
  listed in a generated data/venues.yaml);
- 3-15 authors a paper, drawn with a long tail from 45,000 possible names (a few prolific authors,
  most names once), so 10,000 papers have tens of thousands of distinct authors, some names with
  accents; and the source of each list;
- dates over three years, each with a unique arXiv id of that month (YYMM.NNNNN);
- every category and subcategory (weighted like the real catalog), 1-3 methods, a few secondary
  categories;
- 1-5 paper links (the first is the arXiv page) and 0-5 links of every other kind, with valid hosts
  (models on huggingface.co/<org>/<name>, data sets on huggingface.co/datasets/<org>/<name>);
- `added` days after the paper's month;
- the ids the taxonomy and data/activities.yaml name are generated too, so their references hold.

Generation is deterministic for a given (n, seed). Run alone to write one project:
    python benchmarks/synth.py 1000 /tmp/air-1k
"""
from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

COPIED_PATHS = ("mkdocs.yml", "docs", "overrides", "hooks")
SKIPPED_DATA = ("papers", "triage")  # data/papers is generated; triage is not read by the build
IGNORED = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
YEARS = (2023, 2024, 2025)
CATEGORY_WEIGHTS = {"multimodal": 25, "multi-round-acting": 45, "multi-agent": 20, "unified-generation": 10}
TRAINING_METHODS = ("pretrain", "sft", "rl", "prompt")
PAPER_METHODS = ("position", "survey")
# How many links of one kind a paper has: mostly 0 or 1, sometimes up to 5.
LINK_COUNT_WEIGHTS = (45, 38, 9, 4, 2, 2)
ABSTRACT_LENGTH = 1000
VENUES = ("NeurIPS", "ICML", "ICLR", "CVPR", "ICCV", "ECCV", "ACL", "EMNLP", "NAACL", "AAAI", "COLM")
SECONDARY_SHARE = 0.08
VENUE_SHARE = 0.2
AUTHOR_COUNTS = (3, 15)
GIVEN_NAMES = ("Wei", "Jing", "Yu", "Xin", "Hao", "Lei", "Chen", "Yang", "Min", "Jun", "Ana", "Lucas", "Sofia",
               "Mateo", "Zoë", "Amir", "Priya", "Arjun", "Kenji", "Yuki", "Olga", "Ivan", "Fatima", "Omar",
               "Léa", "Noah", "Emma", "Liam", "Mia", "Jonas", "Sara", "David", "Elena", "Marco", "Ines", "Tomás",
               "Hyun", "Ji-woo", "Minh", "Linh", "Aisha", "Kwame", "Nadia", "Pavel", "Björn", "Ingrid", "Raj",
               "Meera", "Diego", "Camila")
FAMILY_NAMES = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
                "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao", "Kim", "Park", "Lee", "Nguyen", "Tran", "Sato",
                "Suzuki", "Tanaka", "Müller", "Schmidt", "Novak", "García", "Martínez", "López", "Silva",
                "Santos", "Rossi", "Bianchi", "Dubois", "Martin", "Smith", "Johnson", "Brown", "Khan", "Patel",
                "Sharma", "Singh", "Ivanov", "Petrov", "Kowalski", "Nowak", "Andersson", "Nielsen", "Okafor",
                "Mensah", "Haddad", "Rahman", "Yilmaz", "Demir", "Costa")
MIDDLE_NAMES = ("", "", "", "A.", "B.", "C.", "J.", "M.", "S.", "T.", "Marie", "Lee", "Jun", "Ann", "Paul")
NAME_POOL = len(GIVEN_NAMES) * len(FAMILY_NAMES) * len(MIDDLE_NAMES)
AUTHOR_SKEW = 0.25

NAME_PARTS = ("Deep", "Vis", "Think", "Seek", "Look", "Agent", "Chain", "Tool", "Web", "Code", "Pixel", "Map",
              "Mind", "Reason", "Plan", "Act", "Sight", "Scene", "Focus", "Zoom", "Draw", "Sketch", "Trace",
              "Graph", "Loop", "Step", "Turn", "Hop", "Search", "Query", "Debate", "Council", "Swarm", "Team",
              "Lens", "Frame", "Probe", "Scout", "Pilot", "Forge", "Echo", "Nova", "Atlas", "Orbit", "Prism")
NAME_SUFFIXES = ("", "", "", "-R1", "-Zero", "-RL", "-7B", "++", "-V", "-o", "Bench", "-Pro", "-Mini", "GPT", "-X")
ORGS = ("openai", "deepmind", "meta-ai", "tiger-lab", "thu-ml", "pku-nlp", "sjtu-mm", "zju-vision",
        "hkust-nlp", "nvidia", "qwen", "mit-han-lab", "stanford-oval", "cmu-lti", "allenai", "salesforce")
VERBS = ("Incentivizing", "Teaching", "Scaling", "Learning", "Grounding", "Training", "Rethinking",
         "Unlocking", "Aligning", "Improving", "Benchmarking", "Understanding", "Bootstrapping", "Guiding")
OBJECTS = ("Multimodal Reasoning", "Tool Use", "Visual Search", "Web Agents", "Code Execution",
           "Interleaved Thinking", "GUI Agents", "Image Generation", "Agent Collaboration", "Retrieval",
           "Long-Horizon Planning", "Chain-of-Thought", "Spatial Reasoning", "Video Understanding",
           "Mathematical Reasoning", "Multi-Agent Debate", "Self-Reflection", "Visual Grounding")
MEANS = ("Reinforcement Learning", "Curriculum Fine-Tuning", "Self-Play", "Verifiable Rewards",
         "Process Supervision", "Tree Search", "Synthetic Trajectories", "Preference Optimization",
         "Zooming and Cropping", "Iterative Refinement", "Latent Sketches", "Dynamic Routing")
DOMAINS = ("Large Language Models", "Vision-Language Models", "Small Models", "Autonomous Agents",
           "Open-Domain Question Answering", "Software Engineering", "Embodied Tasks", "Scientific Discovery")
# Abstract words: common words most of the time, topic words (each in roughly 10-20% of the
# abstracts, like 'planning' in the real catalog) and many rare made-up terms, so word frequencies are
# skewed as in real text and the filter and search indexes see a realistic vocabulary.
COMMON_WORDS = (
    "we", "propose", "a", "framework", "that", "interleaves", "reasoning", "with", "actions", "and", "the", "model",
    "learns", "to", "of", "in", "on", "for", "by", "is", "are", "this", "our", "method", "approach", "results",
    "show", "improves", "over", "strong", "baselines", "experiments", "tasks", "benchmark", "data", "training",
    "performance", "large", "language", "models", "across", "while", "each", "step", "new", "from", "which")
TOPIC_WORDS = (
    "planning", "memory", "debate", "visual", "grounding", "retrieval", "browser", "diagram", "chart", "video",
    "audio", "spatial", "temporal", "verifier", "curriculum", "critique", "consensus", "mobile", "desktop",
    "math", "science", "table", "document", "crop", "zoom", "sketch", "policy", "reward", "trajectory", "tool")
SYLLABLES = ("ka", "lo", "mi", "tra", "ven", "dor", "sil", "qua", "ner", "bex", "pol", "zin", "ru", "fen", "gal")
RARE_WORDS = tuple(a + b + c for a in SYLLABLES for b in SYLLABLES for c in ("n", "x", "ra", "tor"))
# Per-word probabilities: a topic word ~0.1% of words (in ~15% of 150-word abstracts), a rare one ~0.01%.
ABSTRACT_VOCABULARY = COMMON_WORDS + TOPIC_WORDS + RARE_WORDS
ABSTRACT_WEIGHTS = tuple(
    [0.87 / len(COMMON_WORDS)] * len(COMMON_WORDS) + [0.001] * len(TOPIC_WORDS) + [0.0001] * len(RARE_WORDS))


# Names and text


def short_name(rng: random.Random) -> str:
    """'DeepFocus-R1', 'VisScout', 'CodeTrace++'."""
    return rng.choice(NAME_PARTS) + rng.choice(NAME_PARTS) + rng.choice(NAME_SUFFIXES)


def slug(text: str) -> str:
    """A lowercase id slug ('CodeTrace++' -> 'codetrace-plus-plus')."""
    text = text.replace("+", "-plus")
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(part for part in out.split("-") if part)[:60].strip("-")


def title(rng: random.Random, name: str) -> str:
    """'DeepFocus-R1: Incentivizing Visual Search via Self-Play for Vision-Language Models'."""
    body = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} via {rng.choice(MEANS)}"
    if rng.random() < 0.6:
        body += f" for {rng.choice(DOMAINS)}"
    return f"{name}: {body}" if name else body


def abstract(rng: random.Random, length: int = ABSTRACT_LENGTH) -> str:
    """About `length` characters of sentences made of the abstract vocabulary."""
    sentences: list[str] = []
    total = 0
    while total < length:
        words = rng.choices(ABSTRACT_VOCABULARY, weights=ABSTRACT_WEIGHTS, k=rng.randint(10, 22))
        sentence = " ".join(words).capitalize() + "."
        sentences.append(sentence)
        total += len(sentence) + 1
    return " ".join(sentences)[:length].rsplit(" ", 1)[0] + "."


# Fields


def arxiv_ids(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """n unique (date, arXiv id) pairs spread over the months of YEARS, newest first."""
    months = [(y, m) for y in YEARS for m in range(1, 13)]
    per_month = [n // len(months) + (1 if i < n % len(months) else 0) for i in range(len(months))]
    pairs = []
    for (year, month), count in zip(months, per_month):
        for number in rng.sample(range(1, 30000), count):
            pairs.append((f"{year}-{month:02d}", f"{year % 100:02d}{month:02d}.{number:05d}"))
    return sorted(pairs, reverse=True)


def link_count(rng: random.Random) -> int:
    return rng.choices(range(len(LINK_COUNT_WEIGHTS)), weights=LINK_COUNT_WEIGHTS)[0]


def links(rng: random.Random, arxiv: str, name_slug: str) -> dict:
    """1-5 paper links (arXiv first) and 0-5 of each other kind, on hosts the checks accept."""
    org = rng.choice(ORGS)
    extra_paper = [f"https://openreview.net/forum?id={arxiv.replace('.', 'x')}{i}" for i in range(min(link_count(rng), 4))]
    result = {"paper": [f"https://arxiv.org/abs/{arxiv}"] + extra_paper}
    kinds = {
        "project": lambda i: f"https://{org}.github.io/{name_slug}{'-' + str(i) if i else ''}/",
        "code": lambda i: f"https://github.com/{org}/{name_slug}{'-' + str(i) if i else ''}",
        "models": lambda i: f"https://huggingface.co/{org}/{name_slug}-{7 * (i + 1)}B",
        "datasets": lambda i: f"https://huggingface.co/datasets/{org}/{name_slug}-data{'-' + str(i) if i else ''}",
    }
    for kind, make in kinds.items():
        count = link_count(rng)
        if count:
            result[kind] = [make(i) for i in range(count)]
    return {kind: urls[0] if len(urls) == 1 else urls for kind, urls in result.items()}


def methods(rng: random.Random) -> list[str]:
    if rng.random() < 0.05:
        return [rng.choice(PAPER_METHODS)]
    return sorted(rng.sample(TRAINING_METHODS, rng.choice((1, 1, 2, 2, 3))), key=TRAINING_METHODS.index)


def added_day(rng: random.Random, date: str) -> str:
    """A day in the paper's month or up to a few months later (never past 2025-12)."""
    year, month = int(date[:4]), int(date[5:]) + rng.randint(0, 3)
    year, month = (year + 1, month - 12) if month > 12 else (year, month)
    year, month = (2025, 12) if year > 2025 else (year, month)
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


# Entries


def category_plan(rng: random.Random, taxonomy: dict, n: int) -> list[tuple[str, str]]:
    """(category, subcategory) for each of n papers, weighted by CATEGORY_WEIGHTS; every group used."""
    cats = {c["id"]: [s["id"] for s in c["subcategories"]] or [""] for c in taxonomy["categories"]}
    groups = [(c, s) for c, subs in cats.items() for s in subs]
    weights = [CATEGORY_WEIGHTS.get(c, 10) / len(cats[c]) for c, _ in groups]
    plan = groups[:n] + rng.choices(groups, weights=weights, k=max(0, n - len(groups)))
    rng.shuffle(plan)
    return plan


def required_ids(taxonomy: dict, activities: list, standard_ids: set[str]) -> dict[str, str]:
    """Ids the taxonomy and activities name -> the category to generate them in."""
    needed = {}
    for cat in taxonomy["categories"]:
        needed.update({ex: cat["id"] for ex in cat["examples"]})
    for boundary in taxonomy["boundaries"]:
        needed.setdefault(boundary["example"], boundary["between"][0])
    for item in activities or []:
        if item.get("paper"):
            needed.setdefault(item["paper"], taxonomy["categories"][0]["id"])
    return {pid: cat for pid, cat in needed.items() if pid not in standard_ids}


def author_name(index: int) -> str:
    """Name number `index` of the pool: given, middle (often none) and family name."""
    given, rest = GIVEN_NAMES[index % len(GIVEN_NAMES)], index // len(GIVEN_NAMES)
    family, middle = FAMILY_NAMES[rest % len(FAMILY_NAMES)], MIDDLE_NAMES[rest // len(FAMILY_NAMES)]
    return " ".join(part for part in (given, middle, family) if part)


def authors(rng: random.Random) -> list[str]:
    """3-15 distinct names, index NAME_POOL ** u**AUTHOR_SKEW for uniform u: at 10,000 papers about 33,000
    distinct names, the most prolific on some 50 papers, some 13,000 on one paper each."""
    count = rng.randint(*AUTHOR_COUNTS)
    chosen: dict[str, None] = {}
    while len(chosen) < count:
        chosen[author_name(int(NAME_POOL ** rng.random() ** AUTHOR_SKEW) - 1)] = None
    return list(chosen)


def generate_entries(n: int, taxonomy: dict, named: dict[str, str], seed: int = 1) -> list[dict]:
    """n valid paper entries (newest first), including one for every id in `named`."""
    rng = random.Random(seed)
    plan = category_plan(rng, taxonomy, n)
    by_cat = {c["id"]: c for c in taxonomy["categories"]}
    forced = list(named.items())
    used: set[str] = set(named)
    entries = []
    for i, ((date, arxiv), (cat, sub)) in enumerate(zip(arxiv_ids(rng, n), plan)):
        name = short_name(rng) if rng.random() < 0.8 else ""
        paper_title = title(rng, name)
        if i < len(forced):  # spread the named ids through the catalog, with their own category
            pid, cat = forced[i]
            sub = (by_cat[cat]["subcategories"] or [{"id": ""}])[0]["id"]
        else:
            pid = base = slug(name or paper_title)
            while pid in used:
                pid = f"{base}-{rng.randint(2, 99999)}"
        used.add(pid)
        entry = {"id": pid}
        if name:
            entry["short_name"] = name
        entry.update({"title": paper_title, "authors": authors(rng),
                      "authors_source": "synthetic (benchmarks/synth.py)", "category": cat})
        if sub:
            entry["subcategory"] = sub
        if rng.random() < SECONDARY_SHARE:
            entry["secondary_category"] = rng.choice([c for c in by_cat if c != cat])
        entry.update({"date": date, "arxiv": arxiv, "methods": methods(rng)})
        if rng.random() < VENUE_SHARE:
            entry["venue"] = f"{rng.choice(VENUES)} {date[:4]}"
        entry["links"] = links(rng, arxiv, slug(name) or pid[:30])
        entry.update({"abstract": abstract(rng), "abstract_source": f"arXiv abstract, v1 (arxiv.org/abs/{arxiv})",
                      "added": added_day(rng, date)})
        entries.append(entry)
    return entries


# Files


def read_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) if path.exists() else None


def write_papers(entries: list[dict], papers_dir: Path) -> None:
    """One YAML file per category, entries newest first (as generated)."""
    papers_dir.mkdir(parents=True, exist_ok=True)
    by_cat: dict[str, list[dict]] = {}
    for entry in entries:
        by_cat.setdefault(entry["category"], []).append(entry)
    for cat, items in by_cat.items():
        text = yaml.dump(items, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=120)
        (papers_dir / f"{cat}.yaml").write_text(f"# Synthetic benchmark data ({len(items)} papers).\n\n{text}",
                                               encoding="utf-8")


def write_venues(entries: list[dict], path: Path) -> None:
    """data/venues.yaml listing every venue the entries name (replacing the real one)."""
    names = sorted({e["venue"] for e in entries if "venue" in e})
    venues = [{"name": name, "full_name": f"Proceedings of {name}", "kind": "conference", "source": "synthetic"}
              for name in names]
    path.write_text(yaml.dump(venues, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")


def copy_project(src: Path, dest: Path, with_papers: bool) -> None:
    """Copy what a build needs; data/papers only when with_papers."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in COPIED_PATHS:
        path = src / name
        if path.is_dir():
            shutil.copytree(path, dest / name, ignore=IGNORED)
        elif path.exists():
            shutil.copy2(path, dest / name)
    (dest / "data").mkdir()
    for path in (src / "data").iterdir():
        if path.name in SKIPPED_DATA and not (with_papers and path.name == "papers"):
            continue
        (shutil.copytree(path, dest / "data" / path.name, ignore=IGNORED) if path.is_dir()
         else shutil.copy2(path, dest / "data" / path.name))


def make_synthetic_project(src: Path, dest: Path, n: int, seed: int = 1) -> list[dict]:
    """A copy of the project at dest whose catalog is n synthetic papers; returns the entries."""
    copy_project(src, dest, with_papers=False)
    data = dest / "data"
    taxonomy = read_yaml(data / "taxonomy.yaml")
    standard_ids = {e["id"] for e in read_yaml(data / "standard-reasoning.yaml") or []}
    named = required_ids(taxonomy, read_yaml(data / "activities.yaml"), standard_ids)
    entries = generate_entries(n, taxonomy, named, seed)
    write_papers(entries, data / "papers")
    write_venues(entries, data / "venues.yaml")
    return entries


if __name__ == "__main__":
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    source = Path(sys.argv[3]) if len(sys.argv) > 3 else Path(__file__).resolve().parents[1]
    make_synthetic_project(source, target, count)
    print(f"{count} papers written to {target / 'data' / 'papers'}")
