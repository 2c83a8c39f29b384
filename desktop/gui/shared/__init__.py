"""Shared widgets, the lazy table model and the PDF preview that every room uses."""
