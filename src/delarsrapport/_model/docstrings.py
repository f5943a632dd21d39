"""The documentation the model carries: a class's docstring and the docstring under each field.

The input reference, the JSON Schema and the Mallguide describe fields with these texts,
so a field is described where it is declared and the documents cannot drift from it.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from functools import cache

__all__ = ["class_doc", "field_docs"]


@cache
def field_docs(cls: type) -> dict[str, str]:
    """The docstring written under each field in the class body."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    tree = ast.parse(source)
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for node, following in zip(body, [*body[1:], None], strict=True):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[node.target.id] = " ".join(following.value.value.split())
    return docs


def class_doc(cls: type) -> str:
    """The first paragraph of a class's docstring, on one line."""
    doc = inspect.getdoc(cls) or ""
    return doc.split("\n\n")[0].replace("\n", " ")
