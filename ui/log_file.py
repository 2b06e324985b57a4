"""The log file's handler, imported when the log is set up (``ui.errors.setup_logging``), after the
main window's first paint: ``logging.handlers`` brings socket, pickle and queue with it."""

from __future__ import annotations

import logging.handlers

from helpdesk import private


class PrivateLogFile(logging.handlers.RotatingFileHandler):
    """The log names customers and staff: each of its files is created readable by its owner only."""

    def _open(self):
        return open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors, opener=private.opener)
