import subprocess
import sys

from workbench.language import draft_english, english_terms, load_lexicon, stem_english, stem_indonesian
from workbench.language.identify import detect_language
from workbench.language.tokens import tokenize


def test_lexicon_is_large_and_knows_news_words() -> None:
    lexicon = load_lexicon()
    assert len(lexicon) > 10_000
    assert "protect" in lexicon.lookup("melindungi")
    assert "attack" in lexicon.lookup("serangannya")  # clitic -nya stripped
    assert "organization" in lexicon.lookup("organisasi-organisasi")  # reduplicated plural


def test_lookup_falls_back_to_the_root() -> None:
    # "dilindungi" is not a headword translation; its root "lindung" is.
    assert load_lexicon().lookup("dilindungi")


def test_draft_english_keeps_names_numbers_and_punctuation() -> None:
    draft = draft_english("Microsoft melindungi lebih dari 20 organisasi Ukraina, kata Brad Smith.")
    assert draft.startswith("Microsoft protected more than 20 organizations")  # past tense, plural
    assert draft.endswith(", said Brad Smith.")
    assert "NATO" in draft_english("NATO menyerang")


def test_english_terms_give_alternatives_per_word() -> None:
    terms = english_terms("serangan siber terhadap perusahaan")
    assert len(terms) == 4
    assert "attack" in terms[0]
    assert "cyber" in terms[1]
    assert "company" in terms[3]


def test_stemmers() -> None:
    assert stem_indonesian("melindungi") == "lindung"
    assert stem_english("organizations") == stem_english("organization")
    assert stem_english("attacked") == stem_english("attacks") == "attack"
    assert stem_english("protected") == stem_english("protect")


def test_tokens_offsets_on_non_ascii_text() -> None:
    text = "İstanbul — “Jum’at” 🎉 café\u0301 COVID-19."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.surface
    assert [t.surface for t in tokenize(text)] == ["İstanbul", "Jum’at", "café\u0301", "COVID-19"]
    assert tokenize(text)[1].key == "jumat"


def test_detect_language() -> None:
    assert detect_language("Perusahaan itu mengatakan bahwa serangan tersebut gagal") == "id"
    assert detect_language("The company said that the attack failed") == "en"


def test_lexicon_loads_lazily() -> None:
    # importing the package must not load the stemmer or the lexicon; loading them must work.
    # How long the load takes is measured by bench/extract_benchmark.py, not asserted here.
    code = (
        "import sys; import workbench.language as l; assert 'Sastrawi' not in sys.modules;"
        "print(len(l.load_lexicon().words))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) > 10_000
