"""The pure pipeline: rules, checks, conversion, bundle. Never imports Qt (a test enforces it)."""
