"""Stage 2 of the pipeline, the model: the report domain as frozen attrs classes.

Amounts, periods, text, statuses, organisation and every document kind, with each
derived figure computed from exact inputs. Nothing here reads files or knows about
templates; the other stages build on it.
"""
