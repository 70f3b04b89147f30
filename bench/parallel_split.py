"""Write the Indonesian–English parallel development set's two halves (issue 10).

    .venv/bin/python bench/parallel_split.py --source PAIRS.txt   # build from a source list
    .venv/bin/python bench/parallel_split.py                      # re-split the committed files

The split rule was fixed before anyone measured on the set: the SHA-1 of a pair's Indonesian text
(UTF-8); a first hex digit 0-7 puts the pair in ``tuning.jsonl``, 8-f in ``test.jsonl``. The pairs'
order, ids and genres do not take part in the rule, so re-running it over the committed files gives the
same two files byte for byte.

A source list holds one pair per block, blocks separated by a blank line: the first line is the genre
letter (``N`` news, ``P`` prose), a space and the Indonesian sentence; the second line is its English
translation. Ids ``p0001``, ``p0002``, ... follow the order of the blocks.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "parallel_id_en"
TUNING = DATA / "tuning.jsonl"
TEST = DATA / "test.jsonl"
GENRES = {"N": "news", "P": "prose"}

Pair = dict[str, str]


def half_of(id_text: str) -> str:
    """``"tuning"`` or ``"test"``: the half the SHA-1 of the Indonesian text (UTF-8) assigns."""
    first = hashlib.sha1(id_text.encode("utf-8")).hexdigest()[0]  # noqa: S324 - a split, not security
    return "tuning" if first in "01234567" else "test"


def read_source(path: Path) -> list[Pair]:
    """Pairs from a source list in block form (see the module docstring), ids in block order."""
    pairs: list[Pair] = []
    blocks = [block for block in path.read_text(encoding="utf-8").split("\n\n") if block.strip()]
    for number, block in enumerate(blocks, start=1):
        lines = block.strip().split("\n")
        if len(lines) != 2 or lines[0][:2] not in {"N ", "P "}:
            raise SystemExit(f"block {number} is not 'N|P <Indonesian>' then '<English>': {block!r}")
        pairs.append(
            {
                "id": f"p{number:04d}",
                "id_text": lines[0][2:].strip(),
                "en_text": lines[1].strip(),
                "genre": GENRES[lines[0][0]],
            }
        )
    return pairs


def read_committed() -> list[Pair]:
    """The pairs of both committed halves, in id order."""
    pairs: list[Pair] = []
    for path in (TUNING, TEST):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                pairs.append(json.loads(line))
    return sorted(pairs, key=lambda pair: pair["id"])


def write_halves(pairs: list[Pair]) -> dict[str, int]:
    """Write both halves in id order; return how many pairs each received."""
    ids = [pair["id"] for pair in pairs]
    texts = [pair["id_text"] for pair in pairs]
    if len(set(ids)) != len(ids) or len(set(texts)) != len(texts):
        raise SystemExit("ids and Indonesian texts must be unique")
    halves: dict[str, list[str]] = {"tuning": [], "test": []}
    for pair in sorted(pairs, key=lambda pair: pair["id"]):
        record = {key: pair[key] for key in ("id", "id_text", "en_text", "genre")}
        halves[half_of(pair["id_text"])].append(json.dumps(record, ensure_ascii=False))
    DATA.mkdir(parents=True, exist_ok=True)
    for name, path in (("tuning", TUNING), ("test", TEST)):
        path.write_text("".join(line + "\n" for line in halves[name]), encoding="utf-8")
    return {name: len(lines) for name, lines in halves.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--source", type=Path, help="a source list in block form; default: the committed halves"
    )
    args = parser.parse_args()
    pairs = read_source(args.source) if args.source else read_committed()
    counts = write_halves(pairs)
    print(f"tuning {counts['tuning']} pairs -> {TUNING}")
    print(f"test {counts['test']} pairs -> {TEST}")


if __name__ == "__main__":
    main()
