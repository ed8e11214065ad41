"""Beian Desktop (备案材料助手): scans in, an ICP filing package the upload system accepts out."""

__version__ = "0.1.0"
APP_NAME = "Beian Desktop"
APP_NAME_ZH = "备案材料助手"
