"""The contract's JSON Schemas, shipped inside the package as ``rak_schemas``.

``rak.schema.json`` describes a RAK's JSON, ``pk.schema.json`` a Perjanjian Kinerja's; the
PK's refers to the RAK's for the objects they share (source, target, lokasi, signer).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))
    return data


@cache
def load_schema() -> dict[str, Any]:
    return _load("rak.schema.json")


@cache
def load_pk_schema() -> dict[str, Any]:
    return _load("pk.schema.json")


@cache
def pk_validator() -> Any:
    """A validator of PK JSON that resolves its references into rak.schema.json."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    registry: Registry[Any] = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema))
        for schema in (load_schema(), load_pk_schema())
    )
    return Draft202012Validator(load_pk_schema(), registry=registry)
