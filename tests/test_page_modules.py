"""The page's scripts as modules: each file of ``graph/templates/js`` keeps its names inside
a function and exports one namespace; a file uses only the namespaces of files before it in
:data:`graph._html.SCRIPT_MODULES`; the only names assigned across files are the fields of
``State`` (and each of ``Actions`` by the one file that defines it), both in ``state.js``.

ESLint (``make jslint``) checks the rest: no name from nowhere (``no-undef`` against each
file's ``/* global */`` list), no unused import, no redeclaration.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph import _html

JS = Path(_html.__file__).parent / "templates" / "js"

#: The shared objects of state.js, which every later file may use.
SHARED = ("State", "Actions")

_IDENT = r"[A-Za-z_$][\w$]*"
_HEADER = re.compile(
    r"\A(?P<comment>(?://[^\n]*\n)+)"
    r"(?:/\* global (?P<globals>[^*]*) \*/\n)?"
    r"(?:/\* exported (?P<exported>[^*]*) \*/\n)?"
)
_OPEN = re.compile(rf"(?:const (?P<ns>{_IDENT}) = )?\(function \(\) {{\n")
_IMPORT = re.compile(rf"^const \{{(?P<names>[^}}]*)\}} = (?P<ns>{_IDENT});\n", re.M)
_RETURN = re.compile(r"\nreturn \{(?P<names>[^}]*)\};\n\}\)\(\);\n\Z")
_CLOSE = re.compile(r"\n\}\)\(\);\n\Z")
#: A ``/`` after one of these words starts a regular expression, not a division.
_AFTER_WORD = re.compile(r"(?<![\w$.])(?:return|typeof|case|in|of|delete|void|throw|else|do)\s*\Z")
_ASSIGN_OP = r"(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=(?!=)"


def namespace(module: str) -> str:
    """The namespace a module file exports: its name capitalised (``i18n`` -> ``I18n``)."""
    return module[0].upper() + module[1:]


def code_only(text: str) -> str:
    """``text`` with comments, strings and regular expressions blanked (to spaces), so that
    the names left are code."""
    out: list[str] = []
    i, n = 0, len(text)
    last = "("  # the last significant character of code, to tell a regex from a division
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.index("*/", i) + 2
        elif c in "'\"`" or (
            c == "/" and (last in "(,=:[!&|?{};+-*%<>~^" or _AFTER_WORD.search("".join(out[-12:])))
        ):
            j = i + 1
            in_class = False
            while j < n:
                if text[j] == "\\":
                    j += 2
                    continue
                if c == "/" and text[j] == "[":
                    in_class = True
                elif c == "/" and text[j] == "]":
                    in_class = False
                elif text[j] == c and not in_class:
                    break
                j += 1
            j += 1
            k = j
            if c == "/":
                while k < n and text[k].isalpha():  # flags
                    k += 1
            out.append(
                c + re.sub(r"[^\n]", " ", text[i + 1 : j - 1]) + text[j - 1 : j] + " " * (k - j)
            )
            j = k
            last = "a"
            i = j
            continue
        else:
            out.append(c)
            if not c.isspace():
                last = c
            i += 1
            continue
        out.append(re.sub(r"[^\n]", " ", text[i:j]))
        i = j
    return "".join(out)


def _names(listed: str | None) -> list[str]:
    return [x.strip() for x in (listed or "").split(",") if x.strip()]


def problems(sources: dict[str, str]) -> list[str]:
    """What is wrong with the modules ``sources`` (name -> text, in load order)."""
    found: list[str] = []
    order = list(sources)
    exports: dict[str, set[str]] = {}
    state_fields: set[str] = set()
    action_fields: set[str] = set()
    actions_set: dict[str, list[str]] = {}
    for at, (module, text) in enumerate(sources.items()):
        ns = namespace(module)
        earlier = {namespace(m) for m in order[:at]}
        allowed = (earlier | set(SHARED)) if "state" in order[:at] else earlier
        head = _HEADER.match(text)
        if head is None:
            found.append(f"{module}: does not start with its // -- comment")
            continue
        own = set(SHARED) if module == "state" else {ns}
        if module == "state":
            body = text[head.end() :]
            state_fields = set(re.findall(rf"^  ({_IDENT}):", _object(body, "State"), re.M))
            action_fields = set(re.findall(rf"^  ({_IDENT}):", _object(body, "Actions"), re.M))
            found += [f"state: {x}" for x in _undocumented(body, order)]
            exports[module] = set()
        else:
            opened = _OPEN.match(text, head.end())
            if (
                opened is None
                or (opened.group("ns") or ns) != ns
                or (module == "main") != (opened.group("ns") is None)
            ):
                want = "(function () {" if module == "main" else f"const {ns} = (function () {{"
                found.append(f"{module}: the code after the header comments must open with {want}")
                continue
            closing = (_CLOSE if module == "main" else _RETURN).search(text)
            if closing is None:
                found.append(f"{module}: must end with `return {{ ... }};` and `}})();`")
                continue
            names = closing.groupdict().get("names")
            exports[module] = set(_names(names))
            body = text[opened.end() : closing.start()]
        if module not in ("state", "main") and _names(head.group("exported")) != [ns]:
            found.append(f"{module}: /* exported {ns} */ missing")
        for used in _names(head.group("globals")):
            if used not in allowed:
                found.append(f"{module}: /* global */ names {used}, not a module before it")
        code = code_only(body)
        for word in set(re.findall(rf"(?<![\w$.]){_IDENT}", code)):
            owner = next((m for m in order if namespace(m) == word), None)
            if owner is not None and word not in allowed | own:
                found.append(f"{module}: uses {word}, of {owner}, which loads after it")
        imported: set[str] = set()
        for imp in _IMPORT.finditer(body):
            source = next((m for m in order[:at] if namespace(m) == imp.group("ns")), None)
            if source is None:
                found.append(f"{module}: imports from {imp.group('ns')}, not a module before it")
                continue
            for name in _names(imp.group("names")):
                imported.add(name)
                if name not in exports.get(source, set()):
                    found.append(f"{module}: imports {name}, which {source} does not export")
        for name in sorted(imported):
            if re.search(
                rf"(?<![\w$.]){re.escape(name)}\s*{_ASSIGN_OP}|(?:\+\+|--)\s*{re.escape(name)}(?![\w$])"
                rf"|(?<![\w$.]){re.escape(name)}\s*(?:\+\+|--)",
                code,
            ):
                found.append(f"{module}: assigns {name}, which it imports")
        for m in re.finditer(rf"(?<![\w$.])({_IDENT})\.({_IDENT})\s*{_ASSIGN_OP}", code):
            target, field = m.group(1), m.group(2)
            if target == "State":
                if field not in state_fields:
                    found.append(f"{module}: assigns State.{field}, not a field of State")
            elif target == "Actions":
                actions_set.setdefault(field, []).append(module)
            elif target in {namespace(x) for x in order}:
                found.append(f"{module}: assigns {target}.{field}: only State is shared")
    for field in sorted(action_fields):
        setters = actions_set.get(field, [])
        if len(setters) != 1:
            found.append(f"Actions.{field} is set by {setters or 'no module'}; one module must")
    for field in sorted(set(actions_set) - action_fields):
        found.append(f"{actions_set[field][0]}: sets Actions.{field}, not a field of Actions")
    return found


def _undocumented(body: str, order: list[str]) -> list[str]:
    """Fields of State and Actions not under a comment ``// module: …`` naming their owner."""
    found = []
    for name in SHARED:
        owner = None
        for line in _object(body, name).splitlines()[1:]:
            comment = re.match(r"  // (\w+):", line)
            field = re.match(rf"  ({_IDENT}):", line)
            if comment:
                owner = comment.group(1) if comment.group(1) in order else None
            elif field and owner is None:
                found.append(
                    f"{name}.{field.group(1)} has no comment naming the module that owns it"
                )
            elif not line.strip():
                owner = None
    return found


def _object(body: str, name: str) -> str:
    """The text between ``const NAME = Object.seal({`` and its closing ``});``."""
    start = body.index(f"const {name} = Object.seal({{\n")
    return body[start : body.index("\n});", start)]


def page_sources() -> dict[str, str]:
    return {m: (JS / f"{m}.js").read_text(encoding="utf-8") for m in _html.SCRIPT_MODULES}


def test_every_script_file_is_loaded_once() -> None:
    files = sorted(p.stem for p in JS.glob("*.js"))
    assert sorted(_html.SCRIPT_MODULES) == files
    assert len(set(_html.SCRIPT_MODULES)) == len(_html.SCRIPT_MODULES)
    assert _html.SCRIPT_MODULES[0] == "state" and _html.SCRIPT_MODULES[-1] == "main"


def test_modules_use_only_earlier_modules_and_assign_only_state() -> None:
    assert problems(page_sources()) == []


def test_the_page_script_declares_only_namespaces() -> None:
    """Joined, the modules leave one name each at the top of the page's function."""
    script = _html.script()
    inner = code_only(
        script[script.index("\n", script.index('"use strict"')) : script.rindex("})();")]
    )
    depth, top = 0, []
    for token in re.finditer(r"[{}()\[\]]|\b(?:const|let|var|function)\s+[\w$]+", inner):
        word = token.group()
        if word in "{([":
            depth += 1
        elif word in "})]":
            depth -= 1
        elif depth == 0:
            top.append(word.split()[-1])
    wanted = ["State", "Actions"] + [namespace(m) for m in _html.SCRIPT_MODULES[1:-1]]
    assert top == wanted


def _modules(**texts: str) -> dict[str, str]:
    """Small modules for the checker's own tests."""
    return {"state": STATE_JS, **texts}


STATE_JS = """// -- state
/* exported State, Actions */
const State = Object.seal({
  // a: the language
  lang: "zh",
});
const Actions = Object.seal({
  // a: opens something
  open: null,
});
"""


def _module(name: str, body: str, *, uses: str = "", exports: str = "") -> str:
    ns = namespace(name)
    globals_ = f"/* global {uses} */\n" if uses else ""
    return (
        f"// -- {name}\n{globals_}/* exported {ns} */\nconst {ns} = (function () {{\n"
        f"{body}\nreturn {{ {exports} }};\n}})();\n"
    )


GOOD = _module(
    "a", "Actions.open = open;\nfunction open() { State.lang = 'en'; }", uses="State, Actions"
)


@pytest.mark.parametrize(
    ("texts", "problem"),
    [
        ({"a": GOOD}, None),
        (
            {
                "a": GOOD,
                "b": _module("b", "function f() { return C.x; }", uses="C"),
                "c": _module("c", "var x = 1;", exports="x"),
            },
            "b: uses C, of c, which loads after it",
        ),
        (
            {"a": GOOD, "b": _module("b", "const { y } = A;\nfunction g() { y = 2; }", uses="A")},
            "b: imports y, which a does not export",
        ),
        (
            {
                "a": _module("a", "var y = 1;", exports="y"),
                "b": _module("b", "const { y } = A;\nfunction g() { y += 2; }", uses="A"),
            },
            "b: assigns y, which it imports",
        ),
        (
            {"a": GOOD, "b": _module("b", "function g() { A.open = null; }", uses="A")},
            "b: assigns A.open: only State is shared",
        ),
        (
            {"a": GOOD, "b": _module("b", "function g() { State.colour = 'red'; }", uses="State")},
            "b: assigns State.colour, not a field of State",
        ),
        (
            {
                "a": GOOD,
                "state": STATE_JS.replace(
                    "\n});\nconst Actions", "\n\n  colour: null,\n});\nconst Actions"
                ),
            },
            "state: State.colour has no comment naming the module that owns it",
        ),
        (
            {"a": GOOD, "b": _module("b", "Actions.open = function () {};", uses="Actions")},
            "Actions.open is set by ['a', 'b']; one module must",
        ),
        (
            {
                "a": GOOD,
                "b": _module("b", "var s = 'C.x = 1; // D'; /* E.y */"),
                "c": _module("c", ""),
            },
            None,
        ),
    ],
)
def test_the_checker_finds_each_kind_of_problem(texts: dict[str, str], problem: str | None) -> None:
    found = problems(_modules(**texts))
    if problem is None:
        assert found == []
    else:
        assert problem in found


def test_code_only_blanks_strings_comments_and_regexes() -> None:
    text = "a = 'B.c'; // D\nx = /E\\/[/]/g.test(y) / 2; /* F */ `G`"
    code = code_only(text)
    assert len(code) == len(text)
    assert re.findall(r"[A-Za-z]+", code) == ["a", "x", "test", "y"]


def test_the_lint_is_pinned_and_its_packages_stay_out_of_git() -> None:
    """``make jslint`` installs exactly the versions package.json names (``npm ci`` from the
    lock file), and node_modules/ is not committed."""
    top = Path(__file__).parent.parent
    wanted = json.loads((top / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    lock = json.loads((top / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][""]["devDependencies"] == wanted
    for name, version in wanted.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned: {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    assert "node_modules/" in (top / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "eslint" in wanted and (top / "eslint.config.js").is_file()
    assert "jslint" in (top / "Makefile").read_text(encoding="utf-8")
    assert "KG_REQUIRE_JSLINT=1" in (top / ".ci" / "run").read_text(encoding="utf-8")
