"""The rule pack (resources/rules/*.toml) and what it says about a filing."""

from beian_desktop.core.rules.facts import FilingFacts
from beian_desktop.core.rules.pack import RulePack
from beian_desktop.core.rules.selection import choose_pack, import_pack, load_pack

__all__ = ["FilingFacts", "RulePack", "choose_pack", "import_pack", "load_pack"]
