"""Section widgets the dialogs are built from: each owns its fields, its texts and the
behaviour that is its alone, and tells its window what it needs (values, signals).

``fields``: small helpers more than one window uses; ``call``, ``complaint``, ``customer``:
the sections of the call window, the complaint window and the customer form.
"""
