"""The wizard's pages, one module each (page ids in beian_desktop.gui.wizard.PageId)."""
