"""Simpul: the kecamatan registry of PSKS and PPKS."""

__version__ = "0.1.0"
