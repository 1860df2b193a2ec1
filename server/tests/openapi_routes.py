#!/usr/bin/env python3
"""Checks that the server's OpenAPI document describes exactly the routes of the router.

The document is generated (`vaardig-server openapi` prints the one `GET /api/openapi.json`
serves); `cargo xtask test` writes it to the target folder and passes its path.

Reads every `.route("path", get(..).post(..)...)` in server/src/handlers/mod.rs and compares the
(path, method) pairs with the document's paths and operations, both ways. Also checks that every
`{param}` of a path is declared as a path parameter (and no other), and that operation ids are unique.
Exits 1 with a list of the differences.

    vaardig-server openapi > openapi.json
    python3 server/tests/openapi_routes.py server/src/handlers/mod.rs openapi.json
"""

import json
import re
import sys
from pathlib import Path

METHODS = {"get", "post", "put", "delete", "patch", "head", "options", "trace"}


def call_arguments(text, start):
    """The text between the parenthesis at `start` and its match, skipping string literals."""
    depth, i, in_string = 0, start, False
    while i < len(text):
        c = text[i]
        if in_string:
            if c == "\\":
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i]
        i += 1
    raise ValueError(f"unbalanced parentheses after offset {start}")


def top_level_calls(chain):
    """Names of the calls at depth 0 of a method-router chain such as `get(a).post(b)`."""
    names, depth = [], 0
    for m in re.finditer(r"[A-Za-z_][A-Za-z0-9_:]*\s*\(|[()]", chain):
        token = m.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        else:
            if depth == 0:
                names.append(token.rstrip("( \t\n").split("::")[-1])
            depth += 1
    return names


def router_routes(source):
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("//"))
    routes, problems = set(), []
    for m in re.finditer(r"\.route\s*\(", code):
        args = call_arguments(code, m.end() - 1)
        path_match = re.match(r'\s*"([^"]+)"\s*,(.*)\Z', args, re.S)
        if not path_match:
            problems.append(f"cannot read route: .route({args.strip()[:60]}...)")
            continue
        path = re.sub(r"\{\*(\w+)\}", r"{\1}", path_match.group(1))
        calls = top_level_calls(path_match.group(2))
        for name in calls:
            if name in METHODS:
                routes.add((path, name))
            else:
                problems.append(f"{path}: cannot tell the method of `{name}(..)`")
    return routes, problems


def document_operations(doc):
    ops, problems, ids = set(), [], {}
    for path, item in doc.get("paths", {}).items():
        path_level = {p.get("name") for p in item.get("parameters", []) if p.get("in") == "path"}
        wanted = set(re.findall(r"\{(\w+)\}", path))
        for method, op in item.items():
            if method not in METHODS:
                continue
            ops.add((path, method))
            declared = path_level | {p.get("name") for p in op.get("parameters", []) if p.get("in") == "path"}
            if declared != wanted:
                problems.append(f"{method.upper()} {path}: path parameters {sorted(declared)}, path has {sorted(wanted)}")
            op_id = op.get("operationId")
            if not op_id:
                problems.append(f"{method.upper()} {path}: no operationId")
            elif op_id in ids:
                problems.append(f"{method.upper()} {path}: operationId {op_id} also used by {ids[op_id]}")
            else:
                ids[op_id] = f"{method.upper()} {path}"
    return ops, problems


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    router, openapi = Path(sys.argv[1]), Path(sys.argv[2])
    routes, problems = router_routes(router.read_text(encoding="utf-8"))
    try:
        doc = json.loads(openapi.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        print(f"{openapi}: not valid JSON: {e}")
        return 1
    documented, doc_problems = document_operations(doc)
    problems += doc_problems
    if not routes:
        problems.append(f"{router}: no routes found")
    for path, method in sorted(routes - documented):
        problems.append(f"not in the document: {method.upper()} {path}")
    for path, method in sorted(documented - routes):
        problems.append(f"not in the router: {method.upper()} {path}")
    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print(f"  - {p}")
        return 1
    print(f"ok: {len(routes)} operations on {len({p for p, _ in routes})} paths match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
