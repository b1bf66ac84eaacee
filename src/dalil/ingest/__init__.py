"""Ingestion: turn received files into sources (stored bytes + extracted text + metadata)."""
