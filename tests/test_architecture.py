"""The shape of ``server/``: imports point down the layers (web → audio → speech, articles, usage → db) and
no module imports itself back through others. Read from the source, so a new import that breaks either
fails here rather than as a start-up surprise."""
from __future__ import annotations

import ast
from pathlib import Path

SERVER = Path(__file__).resolve().parents[1] / "server"
# From the bottom up; a module may import its own layer and those below. The app factory, the first
# start and the widget's build sit on top: they put the layers together.
LAYERS = [
    {"server.config", "server.db", "server.html_parser", "server.input_rules", "server.metrics"},
    {"server.speech", "server.articles", "server.usage"},
    {"server.audio"},
    {"server.web", "server.problems"},
    {"server", "server.bootstrap", "server.assets"},
]


def module_name(path: Path) -> str:
    parts = path.relative_to(SERVER.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = SERVER.parent / name.replace(".", "/")
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def imports(path: Path) -> set[str]:
    """The ``server`` modules ``path`` imports, at any depth of the file (functions included)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("server"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("server"):
                continue
            # ``from server.audio import cache`` imports the module; ``from server.audio import X`` the package.
            for alias in node.names:
                found.add(f"{target}.{alias.name}" if is_module(f"{target}.{alias.name}") else target)
    found.discard(name)
    return found


GRAPH = {module_name(path): imports(path) for path in SERVER.rglob("*.py")}


def layer(module: str) -> int:
    """The layer of ``module``: that of the longest listed name it is, or is inside of."""
    best, level = -1, -1
    for index, names in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > best:
                best, level = len(name), index
    assert level >= 0, f"{module} is in no layer of LAYERS"
    return level


def test_imports_point_down_the_layers():
    upward = sorted(f"{module} → {target}" for module, targets in GRAPH.items() for target in targets
                    if target in GRAPH and layer(target) > layer(module))
    assert upward == []


def test_no_module_imports_itself_back():
    cycles: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(GRAPH.get(module, ())):
            # A package's __init__ importing its own modules is how a package shows its face; the
            # reverse (a module importing its package) is what closes a loop, and is followed.
            if target.startswith(module + "."):
                continue
            if state.get(target) == "open":
                cycles.append(path[path.index(target):] + [target] if target in path else [module, target])
            elif target not in state and target in GRAPH:
                visit(target, path + [target])
        state[module] = "done"

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == []
