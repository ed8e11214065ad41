"""Load a rule pack (a folder, a single TOML file, or a zip of the folder) and validate it.

Every file is checked against resources/schema/rulepack.schema.json, then across files
(references, condition names and literals, unique ids). Any problem raises RulePackError naming
the file, the key and the problem — one line, never a traceback.
"""

from __future__ import annotations

import json
import tomllib
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jsonschema

from beian_desktop.core.errors import RulePackError
from beian_desktop.core.resources import resource_path
from beian_desktop.core.rules import build

# Tables that must appear once in the whole pack; every other key holds arrays that add up.
_SINGLE_TABLES = {"pack", "material_defaults", "site_names"}
_FILE_SCOPED = {"province_code", "checked"}  # defaults for the rules of one file


def _schema_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(resource_path("schema", "rulepack.schema.json").read_text("utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema)


def _read_documents(origin: Path) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every TOML document in the pack, in a stable order."""
    if origin.is_dir():
        files = sorted(p for p in origin.rglob("*.toml") if p.is_file())
        return [(str(p.relative_to(origin)), p.read_bytes()) for p in files]
    if zipfile.is_zipfile(origin):
        with zipfile.ZipFile(origin) as archive:
            names = sorted(n for n in archive.namelist() if n.endswith(".toml"))
            return [(n, archive.read(n)) for n in names]
    return [(origin.name, origin.read_bytes())]


def _parse(name: str, data: bytes) -> dict[str, Any]:
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise RulePackError(name, "(file)", f"not UTF-8 text ({error.reason})") from None
    except tomllib.TOMLDecodeError as error:
        raise RulePackError(name, "(syntax)", str(error)) from None


def _key_path(document: dict[str, Any], path: Iterable[object]) -> str:
    """`rule[3] (41.nonlocal).when` from a jsonschema error path."""
    text = ""
    node_any: Any = document
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
            node_any = node_any[part] if isinstance(node_any, list) and part < len(node_any) else {}
            label = (
                node_any.get("id") or node_any.get("code") if isinstance(node_any, dict) else None
            )
            if isinstance(label, str):
                text += f" ({label})"
        else:
            text += ("." if text else "") + str(part)
            node_any = node_any.get(str(part), {}) if isinstance(node_any, dict) else {}
    return text or "(top level)"


def _validate_schema(
    validator: jsonschema.protocols.Validator, name: str, document: dict[str, Any]
) -> None:
    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    if error is not None:
        problem = error.message if len(error.message) < 200 else error.message[:200] + "…"
        raise RulePackError(name, _key_path(document, error.absolute_path), problem)


def _merge(documents: list[tuple[str, dict[str, Any]]]) -> dict[str, list[tuple[str, Any]]]:
    """Key -> [(file, value)], arrays flattened, file-scoped defaults applied to rules."""
    merged: dict[str, list[tuple[str, Any]]] = {}
    for name, document in documents:
        scope = {key: document[key] for key in _FILE_SCOPED if key in document}
        for key, value in document.items():
            if key in _FILE_SCOPED:
                continue
            if key in _SINGLE_TABLES:
                if key in merged:
                    raise RulePackError(name, key, f"already defined in {merged[key][0][0]}")
                merged[key] = [(name, value)]
            elif key == "source":
                merged.setdefault(key, []).extend((name, item) for item in value.items())
            else:
                items = value if isinstance(value, list) else [value]
                if key == "rule":
                    items = [_apply_scope(item, scope) for item in items]
                merged.setdefault(key, []).extend((name, item) for item in items)
    return merged


def _apply_scope(rule: dict[str, Any], scope: dict[str, Any]) -> dict[str, Any]:
    rule = dict(rule)
    if "province_code" in scope:
        rule.setdefault("province", scope["province_code"])
    if "checked" in scope:
        rule.setdefault("checked", scope["checked"])
    return rule


def load_pack_from(origin: Path) -> build.RulePack:
    """Load and validate the pack at `origin` (folder, .toml file or .zip)."""
    if not origin.exists():
        raise RulePackError(str(origin), "(file)", "does not exist")
    validator = _schema_validator()
    documents: list[tuple[str, dict[str, Any]]] = []
    for name, data in _read_documents(origin):
        document = _parse(name, data)
        _validate_schema(validator, name, document)
        documents.append((name, document))
    if not documents:
        raise RulePackError(str(origin), "(files)", "no .toml files in the pack")
    return build.build_pack(_merge(documents), str(origin))


def builtin_pack_dir() -> Path:
    return resource_path("rules")
