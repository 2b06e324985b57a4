"""Section widgets the dialogs are built from: each owns its fields, its texts and the
behaviour that is its alone, and tells its window what it needs (values, signals).

``fields``: small helpers and pickers more than one window uses; ``call``: the call window's
sections.
"""
