"""Write the command reference at the end of docs/cli.md from the ``kg`` parser.

    python docs/cli_reference.py           # rewrite the reference in docs/cli.md
    python docs/cli_reference.py --check   # exit 1 if it is out of date

The reference is made from the same parser that prints ``kg COMMAND --help``:
each command's description, a synopsis, its arguments with their help, and its
examples. ``tests/test_cli.py`` fails when the committed page differs from what
this script writes, so the page cannot drift from the code. The text is laid
out here, not by argparse, so it is the same on every Python version.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "cli.md"
BEGIN = (
    "<!-- reference: written by docs/cli_reference.py from the kg parser; "
    "edit the commands, then run it -->"
)
END = "<!-- end of reference -->"
NOT_RUN = "<!-- not run -->"


def _commands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise ValueError("the parser has no commands")


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The parser of each ``kg`` command, by name, in the order ``kg --help`` lists them."""
    return dict(_commands(parser).choices)


def summaries(parser: argparse.ArgumentParser) -> dict[str, str]:
    """The one-line help of each command, as ``kg --help`` lists it."""
    return {a.dest: str(a.help) for a in _commands(parser)._choices_actions}


def _shown(p: argparse.ArgumentParser, quiet: bool = True) -> list[argparse.Action]:
    """The arguments ``--help`` shows, but ``-h`` (and ``-q`` unless ``quiet``)."""
    return [
        a
        for a in p._actions
        if a.help is not argparse.SUPPRESS
        and not isinstance(a, argparse._HelpAction | argparse._SubParsersAction)
        and (quiet or a.dest != "quiet")
    ]


def _metavar(a: argparse.Action) -> str:
    if isinstance(a.metavar, tuple):
        return " ".join(a.metavar)
    if a.metavar is not None:
        return a.metavar
    if a.choices is not None:
        return "{" + ",".join(map(str, a.choices)) + "}"
    return a.dest.upper() if a.option_strings else a.dest


def _takes_value(a: argparse.Action) -> bool:
    return a.nargs != 0


def _synopsis_word(a: argparse.Action) -> str:
    value = _metavar(a)
    if not a.option_strings:
        if a.nargs == "+":
            return f"{value} …"
        return f"[{value}]" if a.nargs == "?" else value
    flag = a.option_strings[0]
    if not _takes_value(a):
        return f"[{flag}]"
    more = " …" if isinstance(a, argparse._AppendAction) else ""
    return f"[{flag} {value}{more}]"


def _name(a: argparse.Action) -> str:
    if not a.option_strings:
        return f"`{_metavar(a)}`"
    value = f" {_metavar(a)}" if _takes_value(a) else ""
    *short, long = sorted(a.option_strings, key=len)
    return ", ".join([*(f"`{s}`" for s in short), f"`{long}{value}`"])


def _help(a: argparse.Action) -> str:
    text = str(a.help or "")
    if "%" in text:  # as argparse expands it
        text = text % {**vars(a), "prog": ""}
    return _escape(" ".join(text.split()))


def _escape(text: str) -> str:
    """``text`` for a Markdown table cell: ``|``, ``<``, ``>`` and ``&`` as themselves."""
    return html.escape(text, quote=False).replace("|", "\\|")


def _table(actions: list[argparse.Action]) -> list[str]:
    rows = ["| argument | meaning |", "|---|---|"]
    return rows + [f"| {_name(a)} | {_help(a)} |" for a in actions]


def _examples(p: argparse.ArgumentParser) -> list[str]:
    text = p.epilog or ""
    return [line.strip() for line in text.removeprefix("Example:").split("\n") if line.strip()]


def _block(lines: list[str]) -> list[str]:
    return [NOT_RUN, "```sh", *lines, "```"]


def reference(parser: argparse.ArgumentParser) -> str:
    """The reference section of docs/cli.md for ``parser`` (``graph._cli.build_parser()``)."""
    commands = subcommands(parser)
    out = [
        BEGIN,
        "",
        "| command | what it does |",
        "|---|---|",
        *(f"| [kg {n}](#kg-{n}) | {_escape(h)} |" for n, h in summaries(parser).items()),
        "",
        "Options before the command:",
        "",
        *_table(_shown(parser, quiet=True)),
        "",
        "Every command also takes `-h`/`--help` and `-q`/`--quiet` after its name.",
    ]
    for name, p in commands.items():
        actions = _shown(p, quiet=False)
        optionals = [a for a in actions if a.option_strings]
        positionals = [a for a in actions if not a.option_strings]
        synopsis = " ".join([f"kg {name}", *map(_synopsis_word, optionals + positionals)])
        out += ["", f"### kg {name}", "", _escape(str(p.description)), "", *_block([synopsis])]
        if actions:
            out += ["", *_table(actions)]
        out += ["", "Example" + ("s" if len(_examples(p)) > 1 else "") + ":", ""]
        out += _block(_examples(p))
    return "\n".join([*out, "", END])


def update(page: str, parser: argparse.ArgumentParser) -> str:
    """``page`` with its reference (from :data:`BEGIN` to :data:`END`) written anew."""
    start, end = page.index(BEGIN), page.index(END) + len(END)
    return page[:start] + reference(parser) + page[end:]


def main(argv: list[str]) -> int:
    from graph._cli import build_parser

    page = PAGE.read_text(encoding="utf-8")
    new = update(page, build_parser())
    if "--check" in argv:
        if new != page:
            print(f"{PAGE}: the reference is out of date; run python docs/cli_reference.py")
            return 1
        return 0
    if new != page:
        PAGE.write_text(new, encoding="utf-8")
        print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
