"""PDF reports for supervisors (no Qt): ``build(kind, ...)`` writes one to a file."""
