"""The Awesome Interleaving Reasoning catalog: data → validated models → HTML and exports.

Nothing in this package imports MkDocs; the site's hooks and macros are thin adapters over it.
"""
