"""Tools for template designers: checking a layout against the designer contract without data."""
