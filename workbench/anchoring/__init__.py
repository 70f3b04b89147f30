"""Re-anchoring pinned evidence quotes in changed source texts.

Pure core: imports neither textual nor typer, no storage or network.
"""

from workbench.anchoring.batch import anchor_batch
from workbench.anchoring.reanchor import reanchor_quote
from workbench.anchoring.selectors import AnchorResult, AnchorStatus, TextQuoteSelector

__all__ = ["AnchorResult", "AnchorStatus", "TextQuoteSelector", "anchor_batch", "reanchor_quote"]
