"""Rasd (رصد): Arabic news pages into a searchable record of who did what with whom, where and when."""
from rasd.doc import Doc, Entity, Event, Mention, Quote, Source

__all__ = ["analyze", "Doc", "Entity", "Event", "Mention", "Quote", "Source"]
__version__ = "0.1.0"


def analyze(content: str, **kwargs) -> Doc:
    """Analyse one article (text or HTML); see ``rasd.core.analyze``."""
    from rasd.core import analyze as _analyze

    return _analyze(content, **kwargs)
