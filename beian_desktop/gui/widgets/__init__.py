"""Reusable widgets: searchable combo, finding list, field with validation, and friends."""
