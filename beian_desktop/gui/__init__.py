"""The PySide6 shell around beian_desktop.core."""
