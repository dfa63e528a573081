"""The docs page's reading of the OpenAPI document: operations and schemas as plain rows."""

from dataclasses import dataclass, field


@dataclass
class Field:
    name: str
    type: str
    required: bool
    description: str


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[Field] = field(default_factory=list)
    responses: list[tuple[str, str]] = field(default_factory=list)
    schema: str | None = None
    anchor: str = ""


def _type(schema: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = " | ".join(kind)
    if kind == "array" and "items" in schema:
        return f"array of {_type(schema['items'])}"
    if "enum" in schema:
        kind += " (" + ", ".join(str(v) for v in schema["enum"]) + ")"
    return kind


def operations(spec: dict) -> list[Operation]:
    """Every operation in the document, in path order."""
    result = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if method not in {"get", "head"}:
                continue
            ok = op.get("responses", {}).get("200", {})
            body = ok.get("content", {}).get("application/json", {}).get("schema", {})
            params = [
                Field(
                    p["name"],
                    f"{p['in']}, {_type(p.get('schema', {}))}",
                    p.get("required", False),
                    p.get("description", ""),
                )
                for p in op.get("parameters", [])
            ]
            result.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=op.get("summary", ""),
                    description=op.get("description", ""),
                    parameters=params,
                    responses=[(c, r.get("description", "")) for c, r in op["responses"].items()],
                    schema=_type(body) if body else None,
                    anchor=op.get("operationId") or f"{method}-{path}".replace("/", "-"),
                )
            )
    return result


def schemas(spec: dict) -> list[tuple[str, str, list[Field]]]:
    """Every schema in the document: (name, description, fields)."""
    result = []
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        required = set(schema.get("required", []))
        fields = [
            Field(key, _type(prop), key in required, prop.get("description", ""))
            for key, prop in schema.get("properties", {}).items()
        ]
        result.append((name, schema.get("description", ""), fields))
    return result
