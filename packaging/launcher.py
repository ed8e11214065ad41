"""The frozen app's entry point (PyInstaller's script): the desktop GUI, beian-desktop-gui."""

import sys

from beian_desktop.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
