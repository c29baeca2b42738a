"""Citations: one model per paper (model.py), rendered as BibTeX, RIS and CSL-JSON files (export.py)
and as the page metadata reference managers read (highwire.py for paper pages, coins.py for table rows)."""
