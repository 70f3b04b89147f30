"""The core does not depend on the front ends.

The import-linter contracts in pyproject.toml (`lint-imports`, run by `make lint`) check every import
statically. The tests here keep those contracts honest: every top-level module is either core or front
end, and importing the whole core and the use cases at run time loads neither Textual nor Typer.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import workbench

ROOT = Path(__file__).resolve().parent.parent

# Top-level modules that may use the front ends: the use cases, the two front ends, the entry point.
NOT_CORE = {"workbench.services", "workbench.cli", "workbench.tui", "workbench.__main__"}
# Folders of Alembic scripts, not importable modules.
SKIPPED_PACKAGES = {"migrations"}


def _contracts() -> dict[str, dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    return {contract["id"]: contract for contract in contracts}


def _names(value: object) -> list[str]:
    assert isinstance(value, list)
    return [str(name) for name in value]


def _core_packages() -> list[str]:
    return _names(_contracts()["core-without-front-ends"]["source_modules"])


def _top_level_modules() -> set[str]:
    return {f"workbench.{info.name}" for info in pkgutil.iter_modules(workbench.__path__)}


def _modules_under(packages: list[str]) -> list[str]:
    found: list[str] = []
    for name in packages:
        found.append(name)
        module_path = ROOT / Path(*name.split("."))
        if not module_path.is_dir():
            continue
        for info in pkgutil.walk_packages([str(module_path)], prefix=f"{name}."):
            if SKIPPED_PACKAGES.isdisjoint(info.name.split(".")):
                found.append(info.name)
    return found


def test_every_top_level_module_is_core_or_front_end() -> None:
    core = set(_core_packages())
    assert core.isdisjoint(NOT_CORE)
    unclassified = _top_level_modules() - core - NOT_CORE
    assert not unclassified, (
        f"{sorted(unclassified)}: add to source_modules of the core contract in pyproject.toml, "
        "or to NOT_CORE here if it is a front end"
    )
    missing = core - _top_level_modules()
    assert not missing, f"the core contract names modules that do not exist: {sorted(missing)}"


def test_contracts_forbid_the_front_ends_and_their_toolkits() -> None:
    contracts = _contracts()
    core = contracts["core-without-front-ends"]
    assert core["type"] == "forbidden"
    assert set(_names(core["forbidden_modules"])) >= {
        "workbench.services",
        "workbench.cli",
        "workbench.tui",
        "textual",
        "typer",
    }
    services = contracts["services-without-ui-toolkits"]
    assert set(_names(services["forbidden_modules"])) >= {"textual", "typer"}


def test_core_and_services_import_neither_textual_nor_typer() -> None:
    packages = [*_core_packages(), "workbench.services"]
    modules = _modules_under(packages)
    assert len(modules) > len(packages)  # the walk found the submodules
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'typer'))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"the core loaded {result.stdout.strip()}"
