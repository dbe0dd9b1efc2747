"""Scans of known documents: a PDF printed to paper and scanned back, as pictures without a text layer."""
