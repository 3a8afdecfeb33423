"""The package's shape, checked by `make lint`: no import cycles among ats_app's modules (imports inside
functions counted too), no import of the package's own modules inside a function, no
module over 400 lines but the data tables of email texts, and a wheel that ships no development code.

    python devtools/check_shape.py [--no-wheel]
"""

import ast
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "ats_app"
MAX_LINES = 400
LONG_ALLOWED = ("ats_app/mail/defaults/",)  # the default email texts: one table per language
IN_FUNCTION_ALLOWED: tuple[str, ...] = ()  # none, the CLI included (its development tools are not ats_app)
NOT_SHIPPED = ("ats_devtools", "fake_resend", "fake_sms", "fake_server", "bench", "check_shape", "tests/")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(current: str, is_package: bool, node: ast.AST, modules: set[str]) -> list[str]:
    """The package's own modules an import statement brings in."""
    if isinstance(node, ast.Import):
        targets = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            parts = current.split(".") if is_package else current.split(".")[:-1]
            parts = parts[:len(parts) - (node.level - 1)]
            base = ".".join(parts + ([node.module] if node.module else []))
        targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
    else:
        return []
    found = []
    for target in targets:
        while target and target not in modules and "." in target:
            target = target.rsplit(".", 1)[0]
        if target in modules and target != current:
            found.append(target)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for node in graph:
        if node not in index:
            visit(node)
    return found


def check_sources() -> list[str]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    problems = []
    for module, path in sorted(files.items()):
        relative = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        if lines > MAX_LINES and not relative.startswith(LONG_ALLOWED):
            problems.append(f"{relative}: {lines} lines (at most {MAX_LINES}: split it by concept)")
        tree = ast.parse(text, relative)
        functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        inside = {id(n) for f in functions for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))}
        for node in ast.walk(tree):
            own = imported(module, path.name == "__init__.py", node, modules)
            graph[module].update(own)
            if own and id(node) in inside and relative not in IN_FUNCTION_ALLOWED:
                problems.append(f"{relative}:{node.lineno}: imports {', '.join(own)} inside a function")
    for group in cycles(graph):
        problems.append("import cycle: " + " → ".join(group))
    return problems


def check_wheel() -> list[str]:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, str(ROOT)],
                       check=True, capture_output=True)
        [wheel] = Path(out).glob("*.whl")
        names = zipfile.ZipFile(wheel).namelist()
    problems = [f"the wheel ships {name}" for name in names if any(part in name for part in NOT_SHIPPED)]
    for needed in ("ats_app/portal/templates/home.html", "ats_app/mail/layouts/layout.html",
                   "ats_app/interviews/templates/answer.html", "ats_app/handling/templates/forward.html"):
        if needed not in names:
            problems.append(f"the wheel lacks {needed}")
    return problems


def main() -> int:
    problems = check_sources() + ([] if "--no-wheel" in sys.argv else check_wheel())
    for problem in problems:
        print(problem)
    print(f"shape: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
