"""Speech text pipeline: HTML -> readable blocks -> sentences -> phrases -> speakable segments.

Pure Python, no network. Each step is a small function in its own module.
"""

from .abbreviations import load_abbreviations
from .blocks import article_blocks, blocks_from_html
from .segments import PIPELINE_VERSION, Segment, segment_blocks
from .text import clean_text

__all__ = ["PIPELINE_VERSION", "Segment", "article_blocks", "blocks_from_html", "clean_text", "segment_blocks",
           "load_abbreviations"]
