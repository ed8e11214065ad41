"""The log file is opened after the first paint and still starts with what came before it."""

from __future__ import annotations

import logging

from beian_desktop.core.paths import user_log_dir
from beian_desktop.gui.app import add_log_file, configure_logging
from beian_desktop.gui.crash import RingBufferHandler


def test_log_file_replays_the_ring_buffer_and_redacts() -> None:
    ring = RingBufferHandler()
    logger = logging.getLogger("beian_desktop")
    before = list(logger.handlers)
    try:
        configure_logging(ring)
        logger.info("early line, phone 13800000001")
        add_log_file(ring)
        logger.info("late line")
        for handler in logger.handlers:
            handler.flush()
        text = (user_log_dir() / "app.log").read_text("utf-8")
    finally:
        for handler in set(logger.handlers) - set(before):
            logger.removeHandler(handler)
            handler.close()
    assert text.index("early line") < text.index("late line")
    assert "13800000001" not in text
