"""Script-level text primitives shared by every stage that reads names or prose."""
