"""The `catalog` command: validate, add, import, triage, export, stats and links for the catalog data.

Exit codes: 0 success; 1 the data (or the input) has problems, which are listed; 2 wrong usage.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from functools import partial
from pathlib import Path

from . import check, linkcheck
from .cite.export import BIBTEX, CSL_JSON, RIS, export_citations
from .edit import AddRefused, add_paper, build_entry, parse_arxiv, render_entries
from .export_json import export_json
from .export_markdown import export_markdown
from .importer import STANDARD_SECTION, ImportResult, entry_id, read_awesome_list, read_methods
from .listings import read_listing
from .load import TAXONOMY_FILE, TRIAGE_DIR, build_taxonomy, display_path, load_catalog, load_taxonomy, load_triage
from .models import Catalog, Taxonomy, TriageRecord
from .problems import CatalogError
from .triage import Assessment, Evaluation, assess_all, draft_record, evaluate

DEFAULT_DATA_DIR = Path("data")
DEFAULT_IMPORT_DIR = Path("imported")
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXPORTERS = {"json": export_json, "markdown": export_markdown,
             "bibtex": partial(export_citations, BIBTEX), "ris": partial(export_citations, RIS),
             "csl-json": partial(export_citations, CSL_JSON)}
MISSES_SHOWN = 5
IMPORT_HEADER = ("# Imported from {source} ({format} format) by `catalog import`.\n"
                 "# Review every entry before moving it into data/.\n\n")


class UsageError(Exception):
    """The command line is wrong or incomplete; reported like argparse's own errors, with exit code 2."""


class InputError(Exception):
    """A file given on the command line cannot be read as what it should be; reported as it is, with exit code 1."""


# Shared helpers


def read_taxonomy(data_dir: Path) -> Taxonomy:
    """The taxonomy of data_dir; CatalogError if it has problems."""
    raw, problems = load_taxonomy(data_dir.resolve())
    if problems:
        raise CatalogError(problems)
    return build_taxonomy(raw)


def require_file(path: Path) -> None:
    """UsageError unless path is a file (a directory, or nothing, is named as such)."""
    if path.is_dir():
        raise UsageError(f"{path}: is a directory, not a file")
    if not path.is_file():
        raise UsageError(f"{path}: no such file")


def read_input(path: Path) -> str:
    """The text of a file given on the command line, without a UTF-8 byte-order mark (editors on Windows save one;
    it would glue itself to the first word); InputError, naming the line and byte, unless it is UTF-8 text (a NUL
    byte means a binary file, or UTF-16 without a byte-order mark)."""
    require_file(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(str(check.undecodable_problem(str(path), raw, err))) from None
    nul = raw.find(b"\0")
    if nul >= 0:
        line = raw[:nul].count(b"\n") + 1
        raise InputError(f"{path}:{line}: file is not text (a NUL byte at byte {nul}: binary, or UTF-16); "
                         "save it as UTF-8 text")
    return text.removeprefix("\ufeff")


def find_data_dir(path: Path) -> Path:
    """The data directory a file belongs to: the nearest parent holding taxonomy.yaml."""
    for parent in path.resolve().parents:
        if (parent / TAXONOMY_FILE).is_file():
            return parent
    raise UsageError(f"{path} is not inside a data directory (no {TAXONOMY_FILE} above it)")


def catalog_summary(catalog: Catalog) -> str:
    """'142 papers in 4 categories, 5 standard-reasoning examples'."""
    return (f"{len(catalog.papers)} papers in {len(catalog.taxonomy.categories)} categories, "
            f"{len(catalog.standard_examples)} standard-reasoning examples")


def plural(count: int, noun: str) -> str:
    """'1 line', '2 lines'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


# validate


def run_validate(args: argparse.Namespace) -> int:
    """Report every problem of each data directory (or only those of the files given)."""
    targets: dict[Path, set[str] | None] = {}  # data dir -> display paths to report, None for all
    for path in args.paths or [DEFAULT_DATA_DIR]:
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
        if path.is_dir():
            targets[path.resolve()] = None
            continue
        data_dir = find_data_dir(path)
        if data_dir not in targets or targets[data_dir] is not None:
            files = targets.setdefault(data_dir, set())
            files.add(display_path(path.resolve(), data_dir))
    return max(validate_dir(data_dir, files) for data_dir, files in targets.items())


def validate_dir(data_dir: Path, files: set[str] | None) -> int:
    """Load one data directory and its triage records and print the report (restricted to files when given)."""
    try:
        catalog, problems = load_catalog(data_dir), []
    except CatalogError as err:
        catalog, problems = None, list(err.problems)
    records, triage_problems = load_triage(data_dir)
    problems = sorted(problems + triage_problems)
    if not problems:
        decisions = f", {plural(len(records), 'triage record')}" if records else ""
        print(f"ok: {catalog_summary(catalog)}{decisions}")
        return EXIT_OK
    if files is None:
        print(CatalogError(problems), file=sys.stderr)
        return EXIT_PROBLEMS
    mine = [p for p in problems if p.file in files]
    for problem in mine:
        print(problem, file=sys.stderr)
    if mine:
        return EXIT_PROBLEMS
    print(f"ok: {', '.join(sorted(files))} ({len(problems)} problems in other files of {data_dir.name}/)")
    return EXIT_OK


# add


def ask(flag: str, given: str, interactive: bool, required: bool = True, choices: list[str] | None = None) -> str:
    """The value given on the command line, else one typed at the prompt (only when stdin is a terminal)."""
    if given or not interactive:
        if required and not given:
            raise UsageError(f"missing --{flag} (stdin is not a terminal, so it cannot be asked for)")
        return given
    hint = f" ({', '.join(choices)})" if choices else ""
    answer = input(f"{flag}{hint}{'' if required else ' [optional, Enter to skip]'}: ").strip()
    if required and not answer:
        raise UsageError(f"missing --{flag}")
    return answer


def accepted_record(data_dir: Path, path: Path, wanted: str) -> TriageRecord:
    """The record of a triage file whose id (or arXiv id) is wanted, once a person has marked it added."""
    require_file(path)
    records, problems = load_triage(data_dir, [path])
    if problems:
        raise CatalogError(problems)
    record = next((r for r in records if wanted in (r.id, r.arxiv)), None)
    if record is None:
        raise UsageError(f"{path}: no record with the id or arXiv id {wanted!r}")
    if record.decision != "added":
        raise AddRefused(f"{record.file}:{record.line}: entry {record.id or wanted}: decision: is {record.decision!r}; "
                         "set it to added (and give the reason) once you have decided to add the paper")
    return record


def fill_from_record(args: argparse.Namespace, record: TriageRecord) -> None:
    """The record's title, arXiv id, place and methods, where the command line gives none."""
    values = {"title": record.title, "arxiv": record.arxiv, "category": record.category,
              "subcategory": record.subcategory, "methods": ",".join(record.methods)}
    for name, value in values.items():
        setattr(args, name, getattr(args, name) or value)


def run_add(args: argparse.Namespace) -> int:
    """Scaffold an entry from the options (asking for missing ones), check it, then insert it."""
    taxonomy = read_taxonomy(args.data_dir)
    record = None
    if args.from_triage:
        try:
            record = accepted_record(args.data_dir, Path(args.from_triage[0]), args.from_triage[1])
        except AddRefused as err:
            print(f"refused to add {args.from_triage[1]!r}:\n{err}", file=sys.stderr)
            return EXIT_PROBLEMS
        fill_from_record(args, record)
    interactive = sys.stdin.isatty()
    title = ask("title", args.title, interactive)
    try:
        arxiv = parse_arxiv(ask("arxiv", args.arxiv, interactive))
    except ValueError as err:
        raise UsageError(f"--arxiv: {err}") from None
    category_ids = [c.id for c in taxonomy.categories]
    category = ask("category", args.category, interactive, choices=category_ids)
    if category not in category_ids:
        raise UsageError(f"--category: {category!r} is not a category ({', '.join(category_ids)})")
    subs = [s.id for s in taxonomy.category(category).subcategories]
    subcategory = ask("subcategory", args.subcategory, interactive and bool(subs), required=False, choices=subs)
    short_name = ask("short-name", args.short_name, interactive, required=False)
    try:
        methods = read_methods(ask("methods", args.methods, interactive, required=False), taxonomy)
        new_id = record.id if record and record.id and not short_name else entry_id(short_name or title)
    except ValueError as err:
        raise UsageError(str(err)) from None
    organisation = args.organisation.strip()
    names = [organisation] if organisation else ask("authors", args.authors, interactive).split(",")
    authors = [{"organisation": organisation}] if organisation else [" ".join(n.split()) for n in names if n.strip()]
    authors_source = ask("authors-source", args.authors_source, interactive)
    entry = build_entry(entry_id=new_id, title=title, arxiv=arxiv, category=category, subcategory=subcategory,
                        authors=authors, authors_source=authors_source,
                        short_name=short_name, methods=methods, code=ask("code", args.code, interactive, False),
                        project=ask("project", args.project, interactive, False), added=date.today().isoformat())
    try:
        file, line = add_paper(args.data_dir, entry, taxonomy, write=not args.dry_run)
    except AddRefused as err:
        print(f"refused to add {new_id!r}:\n{err}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.dry_run:
        print(f"would add {new_id!r} at {file}:{line}:\n\n{render_entries([entry])}", end="")
    else:
        print(f"added {new_id!r} at {file}:{line}")
    return EXIT_OK


# import


def run_import(args: argparse.Namespace) -> int:
    """Read an awesome list, write its entries per category into --out, report what was not read."""
    taxonomy = read_taxonomy(args.data_dir)
    text = read_input(args.file)
    try:
        result = read_awesome_list(text, taxonomy)
    except ValueError as err:
        raise InputError(f"{args.file}: {err}") from None
    print(f"read {len(result.entries)} entries from {args.file} ({result.format} format):")
    for section, count in result.counts.items():
        target = result.targets[section]
        print(f"  {section}{'' if target == section else f' -> {target}'}: {count}")
    for name, entries in write_import(result, args.out, args.file.name).items():
        print(f"wrote {args.out / name} ({len(entries)} entries)")
    if result.unmapped:
        print(f"{plural(len(result.unmapped), 'line')} in sections no catalog category fits (not written):")
        print("\n".join(result.unmapped))
    if result.unread_parts:
        print(f"imported, but could not read {plural(len(result.unread_parts), 'part')} of their lines (left out):",
              file=sys.stderr)
        print("\n".join(result.unread_parts), file=sys.stderr)
    if result.problems:  # only a lost entry fails the import
        print(f"could not read {plural(len(result.problems), 'line')}:", file=sys.stderr)
        print("\n".join(result.problems), file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def write_import(result: ImportResult, out: Path, source: str) -> dict[str, list[dict]]:
    """Write one YAML file per category (and one for standard reasoning) into out; file name -> entries."""
    files: dict[str, list[dict]] = {}
    for entry in result.entries:
        files.setdefault(f"{entry.get('category', STANDARD_SECTION)}.yaml", []).append(entry)
    out.mkdir(parents=True, exist_ok=True)
    header = IMPORT_HEADER.format(source=source, format=result.format)
    for name, entries in files.items():
        (out / name).write_text(header + render_entries(entries), encoding="utf-8")
    return files


# triage


def run_triage(args: argparse.Namespace) -> int:
    """Assess the papers of listings against the catalog and write a draft of suggested decisions; or, with
    --evaluate, measure the assessment on the decisions already taken."""
    catalog = load_catalog(args.data_dir)
    records, problems = load_triage(args.data_dir)
    if problems:
        raise CatalogError(problems)
    candidates = []
    for path in args.files:
        form, read = read_listing(read_input(path), path.name, catalog.taxonomy)
        print(f"read {plural(len(read), 'paper')} from {path} ({form})")
        candidates += read
    if args.evaluate:
        print(render_evaluation(evaluate(catalog, records, candidates)), end="")
        return EXIT_OK
    out = args.out or args.data_dir / TRIAGE_DIR / f"draft-{date.today().isoformat()}.yaml"
    if out.exists():
        raise UsageError(f"{out} exists; review it, or give another --out")
    assessments = assess_all(catalog, records, candidates)
    print(render_assessments(assessments), end="")
    new = [a for a in assessments if not a.present]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_draft(new, [a for a in assessments if a.present], args.files), encoding="utf-8")
    print(f"wrote {out}: {plural(len(new), 'new paper')} to decide, {len(assessments) - len(new)} already present "
          "left out")
    return EXIT_OK


def render_assessments(assessments: list[Assessment]) -> str:
    """The candidates, best fit first: title and id, where each already is, the suggestion and its evidence."""
    lines = []
    for rank, a in enumerate(assessments, start=1):
        arxiv = f" (arXiv {a.candidate.arxiv})" if a.candidate.arxiv else ""
        lines.append(f"{rank:>3}. fit {a.fit:.2f}  {a.candidate.label}{arxiv}  [{a.candidate.source}:{a.candidate.line}]")
        if a.present:
            lines.append(f"     already {'; '.join(a.present)}")
        place = "/".join(filter(None, (a.category, a.subcategory))) or (
            "nothing: no catalog paper shares its words" if a.candidate.title or a.candidate.abstract
            else "nothing: the listing gives only its arXiv id")
        methods = f", methods {', '.join(a.methods)}" if a.methods else ""
        lines.append(f"     suggests {place}{methods}")
        for n in a.nearest:
            lines.append(f"       near {n.paper.id} ({n.similarity:.2f}; shares {', '.join(n.shared)})")
        if a.rejected:
            record, similarity = a.rejected
            lines.append(f"       like rejected {record.title!r} ({similarity:.2f}): {record.reason}")
    return "\n".join(lines) + "\n" if lines else ""


def render_draft(new: list[Assessment], present: list[Assessment], sources: list[Path]) -> str:
    """The draft triage file: a header saying how to review it, then one suggested record per new paper."""
    header = [f"# Draft triage of {', '.join(p.name for p in sources)} by `catalog triage` on {date.today().isoformat()}:",
              "# one record per new paper, best fit first. Each decision is only suggested: set it to added (then run",
              "# `catalog add --from-triage FILE ID`) or rejected, and write the reason. A paper the listing gives",
              "# no title needs its title and an id before it can be added.",
              *(f"# Left out, already present: {a.candidate.label} ({'; '.join(a.present)})" for a in present)]
    return "\n".join(header) + "\n\n" + (render_entries([draft_record(a) for a in new]) if new else "[]\n")


def render_evaluation(result: Evaluation) -> str:
    """The leave-one-out figures, then the worst misses of each kind."""
    added, rejected = result.added, result.rejected
    lines = [(f"leave-one-out on {plural(len(result.scored), 'decision')} of data/triage/ found in the listings "
              f"({len(added)} added, {len(rejected)} rejected; {plural(result.unmatched, 'paper')} of the listings "
              "match no decision, or one met before):"),
             f"  fit: ROC AUC {result.auc:.3f} (the chance that an added paper fits better than a rejected one)",
             (f"  category of the added papers: {result.category_hits} of {len(added)} right "
              f"({percent(result.category_hits, len(added))})"),
             (f"  category of the catalog's papers, each held out: {result.catalog_hits} of {result.catalog_size} "
              f"right ({percent(result.catalog_hits, result.catalog_size)})")]
    misses = [("rejected papers that fit best", sorted(rejected, key=lambda ra: -ra[1].fit)),
              ("added papers that fit least", sorted(added, key=lambda ra: ra[1].fit)),
              ("added papers put in another category", [(r, a) for r, a in added if a.category != r.category])]
    for heading, pairs in misses:
        lines.append(f"{heading}:")
        lines += [f"  {a.fit:.2f}  {r.title or a.candidate.label}: {r.decision} as {r.category or '-'}, "
                  f"suggested {a.category or '-'}" for r, a in pairs[:MISSES_SHOWN]]
    return "\n".join(lines) + "\n"


def percent(part: int, whole: int) -> str:
    """'82%'."""
    return f"{100 * part / whole:.0f}%" if whole else "-"


# export


def run_export(args: argparse.Namespace) -> int:
    """Write the catalog as JSON, BibTeX, RIS, CSL-JSON or the awesome-list markdown."""
    text = EXPORTERS[args.format](load_catalog(args.data_dir))
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out} ({args.format})")
    return EXIT_OK


# stats


def render_table(heading: str, rows: list[tuple[str, int]]) -> str:
    """A two-column text table: heading and 'Papers', names left-aligned, counts right-aligned."""
    width = max(len(heading), *(len(name) for name, _ in rows)) if rows else len(heading)
    lines = [f"{heading:<{width}}  Papers", f"{'-' * width}  ------"]
    lines += [f"{name:<{width}}  {count:>6}" for name, count in rows]
    return "\n".join(lines)


def render_stats(catalog: Catalog) -> str:
    """Paper counts per category (and subcategory), method and year, as text tables."""
    taxonomy = catalog.taxonomy
    categories = []
    for category in taxonomy.categories:
        categories.append((category.short_title, len(catalog.in_category(category.id))))
        categories += [(f"  {s.title}", len(catalog.in_subcategory(category.id, s.id))) for s in category.subcategories]
    methods = Counter(m for p in catalog.papers for m in p.methods)
    method_rows = [(m.label, methods[m.id]) for m in taxonomy.methods]
    method_rows.append(("(none given)", sum(1 for p in catalog.papers if not p.methods)))
    years = Counter(p.year for p in catalog.papers)
    tables = [render_table("Category", categories), render_table("Method", method_rows),
              render_table("Year", sorted(years.items(), reverse=True))]
    return f"{catalog_summary(catalog)}\n\n" + "\n\n".join(tables) + "\n"


def run_stats(args: argparse.Namespace) -> int:
    """Print the counts tables."""
    sys.stdout.write(render_stats(load_catalog(args.data_dir)))
    return EXIT_OK


# links


def run_links(args: argparse.Namespace) -> int:
    """Ask every external URL of the catalog (opt-in, needs the network); list the dead ones by entry."""
    return linkcheck.run(args)


# The parser


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of `catalog` and its subcommands."""
    parser = argparse.ArgumentParser(prog="catalog", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run, parser=sub)
        return sub

    def data_dir_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="the data directory (default: data)")

    validate = command("validate", run_validate, "Check the data and list every problem as file:line: entry: field: "
                                                 "message.")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="data directories, or files inside one (default: data)")

    add = command("add", run_add, "Add a paper to data/papers/<category>.yaml after checking it (asks for missing "
                                  "values when run in a terminal).")
    add.add_argument("--title", default="", help="the paper's full title")
    add.add_argument("--arxiv", default="", help="arXiv id (2505.14362) or arxiv.org link; gives the date and link")
    add.add_argument("--category", default="", help="category id from data/taxonomy.yaml")
    add.add_argument("--subcategory", default="", help="subcategory id, where the category has them")
    add.add_argument("--short-name", default="", help="the name the paper goes by (e.g. DeepEyes); gives the id")
    add.add_argument("--methods", default="", help="comma-separated methods, e.g. sft,rl")
    add.add_argument("--authors", default="", help="comma-separated authors in the paper's order, given names first: "
                                                   "'Ziwei Zheng, Michael Yang'")
    add.add_argument("--organisation", default="", help="the organisation that is the only author (instead of --authors)")
    add.add_argument("--authors-source", default="", help="where the author list was read, e.g. "
                                                          "'arXiv abstract page (https://arxiv.org/abs/2505.14362)'")
    add.add_argument("--code", default="", help="code repository URL")
    add.add_argument("--project", default="", help="project page URL")
    add.add_argument("--from-triage", nargs=2, metavar=("FILE", "ID"), help="take title, arXiv id, category, "
                     "subcategory, methods and id from the record ID (its id or arXiv id) of a triage file, once "
                     "its decision is added; the options above still win")
    add.add_argument("--dry-run", action="store_true", help="check and show the entry, but write nothing")
    data_dir_option(add)

    imp = command("import", run_import, "Read an awesome-list README (either known format) into YAML files, one per "
                                        "category.")
    imp.add_argument("file", type=Path, metavar="FILE", help="the README (markdown) to read")
    imp.add_argument("--out", type=Path, default=DEFAULT_IMPORT_DIR, help="directory for the YAML files "
                                                                          "(default: imported)")
    data_dir_option(imp)

    triage = command("triage", run_triage, "Read listings of new papers (a copied Hugging Face daily-papers page, "
                                           "Abstract: blocks, arXiv abstract text, BibTeX, arXiv ids, an awesome "
                                           "list), tell which are already in the catalog or triaged, rank the others "
                                           "by fit with a suggested place and the nearest catalog papers, and write "
                                           "a draft triage file to review.")
    triage.add_argument("files", nargs="+", type=Path, metavar="FILE", help="listings to read")
    triage.add_argument("--out", type=Path, help="the draft to write (default: data/triage/draft-<today>.yaml)")
    triage.add_argument("--evaluate", action="store_true", help="write nothing; score the papers of the listings "
                                                                 "that data/triage/ has decided, each held out of "
                                                                 "the model, and print ROC AUC and category accuracy")
    data_dir_option(triage)

    export = command("export", run_export, "Write all papers as JSON, BibTeX, RIS, CSL-JSON or the awesome-list markdown.")
    export.add_argument("--format", required=True, choices=sorted(EXPORTERS), help="output format")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    data_dir_option(export)

    stats = command("stats", run_stats, "Count papers per category, subcategory, method and year.")
    data_dir_option(stats)

    links = command("links", run_links, "Check that every external URL of the catalog answers (HEAD, else GET; "
                                        "polite, cached for a week) and list dead ones as file:line: entry: field.")
    linkcheck.add_arguments(links)
    return parser


def report_usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    """Print the usage and the error as argparse does; the exit code of wrong usage."""
    parser.print_usage(sys.stderr)
    print(f"{parser.prog}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return args.run(args)
    except SystemExit as exit_:  # argparse: --help, or wrong usage
        return int(exit_.code or 0)
    except UsageError as err:
        return report_usage_error(args.parser, str(err))
    except OSError as err:  # a file the command line names cannot be read or written (an --out that is a directory)
        if err.filename is None:
            raise
        return report_usage_error(args.parser, f"{err.filename}: {err.strerror}")
    except (CatalogError, InputError) as err:
        print(err, file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
