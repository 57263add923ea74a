"""``/docs``: the API reference as a plain server-rendered page, built from the same
OpenAPI document ``/openapi.json`` serves. No script and no CDN (FastAPI's Swagger UI
and ReDoc load from a CDN, so they are switched off): it works offline.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Each operation of the spec as a flat dict: method, path, summary, description,
    parameters, request body and responses (schemas named by their component)."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "tag": (op.get("tags") or ["other"])[0],
                    "summary": op.get("summary") or "",
                    "description": op.get("description") or "",
                    "parameters": [_parameter(p) for p in op.get("parameters", [])],
                    "body": _body(op.get("requestBody")),
                    "responses": [
                        {
                            "status": status,
                            "description": r.get("description", ""),
                            "schema": _schema_name(_json_schema(r)),
                        }
                        for status, r in sorted(op.get("responses", {}).items())
                    ],
                }
            )
    return found


def _parameter(p: dict[str, Any]) -> dict[str, Any]:
    schema = p.get("schema", {})
    return {
        "name": p.get("name", ""),
        "in": p.get("in", ""),
        "required": bool(p.get("required")),
        "type": _schema_name(schema),
        "rules": _rules(schema),
        "description": p.get("description") or schema.get("description") or "",
    }


def _rules(schema: dict[str, Any]) -> str:
    """Constraints of a parameter in words (``1 ≤ n ≤ 200``, ``pattern ^\\d{4}$``)."""
    options = schema.get("anyOf") or [schema]
    parts = []
    for s in options:
        for key, label in (
            ("minimum", "≥"),
            ("maximum", "≤"),
            ("maxLength", "length ≤"),
            ("minLength", "length ≥"),
            ("pattern", "pattern"),
            ("default", "default"),
        ):
            if key in s:
                parts.append(f"{label} {s[key]}")
    if "default" in schema and "anyOf" in schema:
        parts.append(f"default {schema['default']}")
    return ", ".join(parts)


def _json_schema(container: dict[str, Any] | None) -> dict[str, Any]:
    content = (container or {}).get("content", {})
    for kind in ("application/json", "multipart/form-data"):
        if kind in content:
            return dict(content[kind].get("schema", {}))
    return {}


def _body(body: dict[str, Any] | None) -> str:
    return _schema_name(_json_schema(body)) if body else ""


def _schema_name(schema: dict[str, Any]) -> str:
    """A short name for a schema: its component, ``list[...]``, a type, or a union."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_schema_name(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list[{_schema_name(schema.get('items', {}))}]"
    return str(schema.get("type", ""))


def components(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Each component schema with its fields: name, type, required."""
    found = []
    for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        fields = [
            {"name": f, "type": _schema_name(s), "required": f in required}
            for f, s in schema.get("properties", {}).items()
        ]
        found.append(
            {
                "name": name,
                "description": schema.get("description", ""),
                "fields": fields,
                "open": schema.get("additionalProperties") is True,
            }
        )
    return found


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> Response:
    spec = request.app.openapi()
    data = {
        "info": spec.get("info", {}),
        "operations": operations(spec),
        "components": components(spec),
    }
    return request.app.state.templates.TemplateResponse(request, "docs.html", {"data": data})
