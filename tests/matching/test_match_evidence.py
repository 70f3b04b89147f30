from workbench.matching.evidence import CONTEXT, locate_evidence

SNAPSHOT = (
    "Ukraine update\r\n"
    "On Friday, March 4, Microsoft’s president Brad Smith wrote a post. "
    "“We have protected more than 20 Ukrainian organizations,” he said 🎉.\n"
    "İstanbul was not involved. The weather was cafe\u0301-like.\n"
    "- Nineteen attacks hit banks."
)


def test_offsets_and_context_are_exact_on_non_ascii_text() -> None:
    claim = "Brad Smith mengatakan Microsoft telah melindungi lebih dari 20 organisasi Ukraina"
    evidence = locate_evidence(claim, SNAPSHOT, claim_lang="id", top=3)
    assert evidence[0].quote.startswith("“We have protected more than 20")
    for item in evidence:
        assert SNAPSHOT[item.start : item.end] == item.quote
        assert SNAPSHOT[: item.start].endswith(item.prefix)
        assert SNAPSHOT[item.end :].startswith(item.suffix)
        assert len(item.prefix) <= CONTEXT
        assert len(item.suffix) <= CONTEXT
        assert item.start <= item.highlight_start <= item.highlight_end <= item.end
    selectors = evidence[0].selectors()
    assert selectors[0]["type"] == "TextQuoteSelector"
    assert selectors[1] == {
        "type": "TextPositionSelector",
        "start": evidence[0].start,
        "end": evidence[0].end,
    }


def test_evidence_after_a_dotless_i_and_combining_mark() -> None:
    evidence = locate_evidence("Nineteen attacks hit banks", SNAPSHOT, top=1)[0]
    assert evidence.quote == "Nineteen attacks hit banks."
    assert SNAPSHOT[evidence.start : evidence.end] == evidence.quote
    assert evidence.prefix.endswith("-like.\n- ")
