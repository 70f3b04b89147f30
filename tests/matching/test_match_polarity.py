from workbench.matching.polarity import opposite_sense
from workbench.matching.rank import rank_passages


def _keys(text: str) -> list[str]:
    return text.lower().replace(".", "").split()


def test_negation_and_direction_are_opposites() -> None:
    claim = _keys("Lindqvist resigned as chair of the club")
    assert opposite_sense(claim, _keys("Lindqvist denied that he would resign as chair"))
    assert not opposite_sense(claim, _keys("Lindqvist stepped down as chairman"))
    fell = _keys("Unemployment fell to 6.1 percent")
    assert opposite_sense(fell, _keys("Unemployment rose to 6.1 percent")) == [
        "direction: claim down, passage up"
    ]
    assert not opposite_sense(fell, _keys("The jobless rate dropped to 6.1%"))
    # a passage that says both ways ("rose ... down from") is not the opposite
    assert not opposite_sense(_keys("Inflation slowed to 3 percent"), _keys("Prices rose 3%, down from 3.8%"))


def test_near_miss_of_the_opposite_sense_ranks_below_the_paraphrase() -> None:
    passages = [
        "Unemployment in Corvin rose to 6.1 percent in June of last year.",
        "The jobless rate in Corvin dropped to 6.1 percent in June.",
    ]
    ranking = rank_passages("Unemployment in Corvin fell to 6.1 percent in June.", passages, claim_lang="en")
    assert ranking[0].index == 1
    assert ranking[1].parts["opposite"] == ["direction: claim down, passage up"]


def test_another_figure_ranks_no_higher_than_none() -> None:
    passages = ["Brandt said the city had planted 500 trees.", "Brandt said the city would plant trees."]
    ranking = rank_passages("Brandt said the city would plant 5,000 trees.", passages, claim_lang="en")
    assert ranking[0].index == 1
    assert ranking[1].parts["conflicts"] == ["claim: 5,000 — source: 500"]
