"""Help desk core: domain, data, services and reports. No Qt here."""

__version__ = "0.1.0"
