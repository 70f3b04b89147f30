"""Evidence matching: passages of a source, ranking them for a claim, locating and judging evidence.

Pure core: imports neither textual nor typer.
"""

from workbench.matching.batch import rank_batch
from workbench.matching.evidence import LocatedEvidence, locate_evidence
from workbench.matching.passages import sentence_passages, split_passages
from workbench.matching.rank import PassageIndex, rank_passages
from workbench.matching.suggest import suggest_verdict

__all__ = [
    "LocatedEvidence",
    "PassageIndex",
    "locate_evidence",
    "rank_batch",
    "rank_passages",
    "sentence_passages",
    "split_passages",
    "suggest_verdict",
]
