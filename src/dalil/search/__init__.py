"""Arabic-aware full-text search over every extracted text."""
