"""Put this folder on PYTHONPATH of a subprocess to forbid it any network use."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from support import nonet

nonet.install()
