"""Help desk: start the app, or run one of its commands.

    python main.py [--db PATH_OR_URL]            start the app
    python main.py demo --db PATH --customers N  fill a database with demo data
    python main.py find "QUERY" --db PATH --json   search the customers
    python main.py import-customers FILE.csv --db PATH   add customers from a CSV file
    python main.py export-customers FILE.csv --db PATH   write every customer to a CSV file
    python main.py report KIND --db PATH --from YYYY-MM-DD --to YYYY-MM-DD --lang en|fa --out FILE.pdf
        KIND: activity, complaints, satisfaction, staff; customer (--customer ID);
        incident (--session ID or --complaint ID)
    python main.py --version
"""
from __future__ import annotations

import argparse
import sys

import helpdesk


def _db_option(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", default=default,
        help="a SQLite file or a postgresql:// URL (default: $HELPDESK_DATABASE, else a file in your user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="helpdesk", description="A desktop help desk for front-desk staff.")
    parser.add_argument("--version", action="version", version=f"helpdesk {helpdesk.__version__}")
    _db_option(parser, None)
    commands = parser.add_subparsers(dest="command")
    run = commands.add_parser("run", help="start the app (the default)")
    _db_option(run, argparse.SUPPRESS)
    demo = commands.add_parser("demo", help="fill a database with realistic bilingual demo data")
    _db_option(demo, argparse.SUPPRESS)
    demo.add_argument("--customers", type=int, default=2000, metavar="N", help="how many customers (default 2000)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed, for the same data again")
    find = commands.add_parser("find", help="search the customers, best match first (at most 50)")
    _db_option(find, argparse.SUPPRESS)
    find.add_argument("query", help="a name, a phone fragment, an e-mail, ...")
    find.add_argument("--json", action="store_true", help="print a JSON list of id, name, phones and emails")
    imp = commands.add_parser("import-customers", help="add customers from a CSV file; rows with problems go to "
                              "FILE.rejected.csv with their reasons")
    _db_option(imp, argparse.SUPPRESS)
    imp.add_argument("file", metavar="FILE.csv", help="UTF-8, with or without a byte-order mark")
    exp = commands.add_parser("export-customers", help="write every customer to a CSV file (UTF-8 for Excel)")
    _db_option(exp, argparse.SUPPRESS)
    exp.add_argument("file", metavar="FILE.csv", help="the file to write; an existing one is replaced")
    rep = commands.add_parser("report", help="write a PDF report for supervisors")
    _db_option(rep, argparse.SUPPRESS)
    rep.add_argument("kind", choices=["activity", "complaints", "satisfaction", "staff", "customer", "incident"],
                     help="which report; customer needs --customer, incident needs --session or --complaint")
    rep.add_argument("--from", dest="date_from", type=_day, metavar="YYYY-MM-DD", help="first day of the period")
    rep.add_argument("--to", dest="date_to", type=_day, metavar="YYYY-MM-DD", help="last day of the period")
    rep.add_argument("--lang", choices=["en", "fa"], default="en")
    rep.add_argument("--staff", type=int, metavar="ID", help="only this staff member's work (period reports)")
    rep.add_argument("--customer", type=int, metavar="ID", help="the customer, for the customer history")
    rep.add_argument("--session", type=int, metavar="ID", help="a calm-down session, for the incident report")
    rep.add_argument("--complaint", type=int, metavar="ID", help="a complaint, for the incident report")
    rep.add_argument("--out", required=True, metavar="FILE.pdf")
    return parser


def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from helpdesk.config import resolve_target

    target = resolve_target(args.db)
    if args.command == "demo":
        from helpdesk.demo import main as demo_main

        return demo_main(target, customers=args.customers, seed=args.seed)
    if args.command == "find":
        return find_customers(target, args.query, args.json)
    if args.command == "import-customers":
        return import_customers(target, args.file)
    if args.command == "export-customers":
        return export_customers(target, args.file)
    if args.command == "report":
        return write_report(target, args)
    from ui.app import run

    return run(target)


def _on_database(command: str, target: str, work):
    """Open and migrate ``target``, then ``work()``. An expected problem becomes one line on
    stderr and exit code 2 (and None is returned); a bug keeps its traceback."""
    import peewee

    from helpdesk import migrations
    from helpdesk.errors import KnownError, classify_database_error

    try:
        migrations.open_and_migrate(target)
        return work()
    except (KnownError, peewee.PeeweeException) as error:
        known = error if isinstance(error, KnownError) else classify_database_error(error)
        if known is None:
            raise
        print(f"{command}: {known.detail or known.code}", file=sys.stderr)
        return None


REPORT_PROBLEMS = {  # what a refused request means, on the command line
    ("date_from", "required"): "--from is needed for this report",
    ("date_to", "required"): "--to is needed for this report",
    ("date_to", "before_start"): "--to is before --from",
    ("date_from", "date_range"): "--from must be a day from 1990-01-01 to 2199-12-31",
    ("date_to", "date_range"): "--to must be a day from 1990-01-01 to 2199-12-31",
    ("date_to", "period_too_long"): "a report covers at most 10 years: choose a shorter period with --from and --to",
    ("customer_id", "required"): "--customer is needed for the customer history",
    ("session_id", "required"): "give one of --session or --complaint for the incident report",
}


def write_report(target: str, args) -> int:
    from helpdesk import reports
    from helpdesk.errors import NotFound, ValidationError

    request = reports.Request(args.kind, args.lang, args.date_from, args.date_to, args.staff, args.customer,
                              args.session, args.complaint)
    try:
        reports.check(request)
    except ValidationError as error:
        print(f"report: {REPORT_PROBLEMS.get((error.field, error.code), error.detail)}", file=sys.stderr)
        return 2
    except NotFound as error:
        print(f"report: not found: {error.detail}", file=sys.stderr)
        return 2

    def work():
        from helpdesk.models import Staff

        who = Staff.select().where((Staff.role == "supervisor") & Staff.active).order_by(Staff.id).first()
        if who is None:
            print("report: the database has no supervisor to sign the report", file=sys.stderr)
            return None
        try:
            reports.generate(who, request, args.out)
        except NotFound as error:
            print(f"report: not found: {error.detail}", file=sys.stderr)
            return None
        return True

    try:
        done = _on_database("report", target, work)
    except OSError as error:
        print(f"report: cannot write {args.out}: {error.strerror}", file=sys.stderr)
        return 2
    if done is None:
        return 2
    print(args.out)
    return 0


def find_customers(target: str, query: str, as_json: bool) -> int:
    import json

    from helpdesk import customers

    found = _on_database("find", target, lambda: customers.find(query))
    if found is None:
        return 2
    if as_json:
        print(json.dumps([customers.as_json(r) for r in found], ensure_ascii=False, indent=2))
    else:
        for record in found:
            entry = customers.as_json(record)
            print(f"{entry['id']:>8}  {entry['name']}  {', '.join(entry['phones'])}  {', '.join(entry['emails'])}")
    return 0


def import_customers(target: str, path: str) -> int:
    from helpdesk import csv_io

    result = _on_database("import-customers", target, lambda: csv_io.import_rows(csv_io.first_supervisor(), path))
    if result is None:
        return 2
    print(f"imported: {result.imported}")
    print(f"rejected: {result.rejected}")
    if result.rejected_path is not None:
        print(f"rejected rows and their reasons: {result.rejected_path}")
    return 1 if result.rejected else 0


def export_customers(target: str, path: str) -> int:
    from helpdesk import csv_io

    count = _on_database("export-customers", target, lambda: csv_io.export(path))
    if count is None:
        return 2
    print(f"exported: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
