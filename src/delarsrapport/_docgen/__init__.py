"""What writes the generated pages of docs/: the Mallguide, the finding codes, the input reference."""
