"""Catalog → HTML and Markdown fragments: one module per page kind, `html` for what they share."""
