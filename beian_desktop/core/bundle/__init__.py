"""The submission package: manifest, cover sheet and the zip."""
