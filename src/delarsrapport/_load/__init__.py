"""Stage 1 of the pipeline, load: YAML, JSON or a dict into the model, every problem at once.

``reader`` turns text into plain data with a line for every field path, ``indatatyper``
holds the input's leaf types (how each is read, described and named), ``converter``
builds the model from plain data with cattrs, ``rules`` checks what spans fields, and
``load`` ties them together. ``schema`` describes the same input as a JSON Schema.
"""

from delarsrapport._load.errors import format_path
from delarsrapport._load.load import load, read_structured

__all__ = ["format_path", "load", "read_structured"]
