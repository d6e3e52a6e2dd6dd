"""The disease-claim check (compliance/claims.py; issue 10; DESIGN §5; 21 CFR 101.93(g)).

Pure functions: no database. The corpus (claims_corpus.py) must give 0 misses and 0 false alarms;
the figures are printed (run with -s to see them) and quoted in the README.
"""

import importlib.util
import subprocess
import sys
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from compliance.claims import (
    FAMILIES,
    ClaimFinding,
    claim_message,
    find_disease_claims,
    normalize,
)
from tests.compliance.claims_corpus import CLAIMS, LAWFUL

CLAIMS_MODULE = Path(__file__).resolve().parents[2] / "compliance" / "claims.py"


def _short(text: str) -> str:
    return text.encode("unicode_escape").decode()[:60]


# --- the corpus --------------------------------------------------------------------------------


def test_corpus_is_big_enough_and_covers_every_family():
    assert len(CLAIMS) >= 100
    assert len(LAWFUL) >= 50
    assert len(CLAIMS) + len(LAWFUL) >= 150
    assert {family for _, family in CLAIMS} == set(FAMILIES)
    texts = [text for text, _ in CLAIMS] + LAWFUL
    assert len(texts) == len(set(texts)), "a phrasing is listed twice"


def test_corpus_figures():
    """Every disease claim is caught and every lawful sentence passes; prints the figures."""
    misses = [text for text, _ in CLAIMS if not find_disease_claims(text)]
    false_alarms = {text: find_disease_claims(text) for text in LAWFUL}
    false_alarms = {text: found for text, found in false_alarms.items() if found}
    print(
        f"\nclaim-check corpus: {len(CLAIMS)} disease claims, {len(misses)} missed; "
        f"{len(LAWFUL)} lawful phrasings, {len(false_alarms)} false alarms"
    )
    assert misses == []
    assert false_alarms == {}


@pytest.mark.parametrize(("text", "family"), CLAIMS, ids=[_short(t) for t, _ in CLAIMS])
def test_claim_is_caught_with_its_family(text, family):
    findings = find_disease_claims(text)
    assert findings, f"missed: {text!r}"
    assert family in {f.family for f in findings}, findings


@pytest.mark.parametrize("text", LAWFUL, ids=[_short(t) for t in LAWFUL])
def test_lawful_copy_passes(text):
    assert find_disease_claims(text) == []


# --- the rules, one by one ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "This product is not intended to diagnose, treat, cure, or prevent any disease.",
        "If you have kidney disease, talk to your doctor before taking magnesium.",
        "A treat for your daily routine.",
        "Symptoms of deficiency are rare in healthy adults.",
        "Helps prevent nutrient shortfalls in a restricted diet.",
        "Supports healthy iron levels*",
        "Use only as directed by your doctor.",
    ],
)
def test_the_words_disease_treat_and_prevent_alone_are_not_claims(text):
    assert find_disease_claims(text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "family"),
    [
        ("Cures insomnia.", "cures insomnia", "claim-verb"),
        ("Cured my cramps.", "cured my cramps", "claim-verb"),
        ("Curing cramps nightly.", "curing cramps", "claim-verb"),
        ("Treats cramps.", "treats cramps", "claim-verb"),
        ("A treatment for cramps.", "treatment for cramps", "claim-verb"),
        ("Relief from cramps.", "relief from cramps", "claim-verb"),
        ("Prevention of cramps.", "prevention of cramps", "claim-verb"),
        ("Eases cramps.", "eases cramps", "claim-verb"),
        ("Eliminates fatigue.", "eliminates fatigue", "claim-verb"),
        ("Stops cramps.", "stops cramps", "claim-verb"),
        ("Fights inflammation.", "fights inflammation", "claim-verb"),
        ("Reduces the symptoms.", "reduces the symptoms", "claim-verb"),
        ("Treats iron deficiency anemia.", "treats iron deficiency anemia", "deficiency-disease"),
    ],
)
def test_claim_verbs_in_all_their_forms(text, phrase, family):
    assert ClaimFinding(phrase, family, find_disease_claims(text)[0].why) in (
        find_disease_claims(text)
    )


def test_a_disease_name_inside_a_warning_is_lawful_but_rls_never_is():
    assert find_disease_claims("If you have diabetes, ask your doctor before use.") == []
    assert [f.family for f in find_disease_claims("Great for diabetes.")] == ["other-disease"]
    findings = find_disease_claims("If you have RLS, ask your doctor before use.")
    assert [(f.phrase, f.family) for f in findings] == [("rls", "disease")]


def test_a_warning_that_sells_is_not_a_warning():
    assert find_disease_claims("If you have insomnia, ask your doctor about our magnesium.")


def test_a_claim_verb_is_not_excused_by_a_warning_nearby():
    findings = find_disease_claims("Relieves cramps; ask your doctor before use.")
    assert [f.phrase for f in findings] == ["relieves cramps"]


def test_drugs_named_in_an_interaction_warning_are_lawful():
    assert find_disease_claims("If you take levodopa, take iron at least 2 hours apart.") == []
    assert [f.family for f in find_disease_claims("Take it with your levodopa.")] == ["drug"]


def test_negated_comparisons_are_lawful():
    assert find_disease_claims("Not a substitute for medicines your doctor prescribes.") == []
    assert find_disease_claims("Do not stop taking prescribed medication.") == []
    assert find_disease_claims("A substitute for medicines your doctor prescribes.")


def test_case_tells_the_wed_acronym_from_the_weekday():
    assert find_disease_claims("Ships Mon-Wed.") == []
    assert [f.phrase for f in find_disease_claims("For RLS/WED.")] == ["rls", "wed"]


def test_stomach_side_effects_are_not_conditions():
    assert find_disease_claims("Take with food to reduce stomach cramps.") == []
    assert find_disease_claims("Take with food to reduce cramps.")


@pytest.mark.parametrize(
    "text",
    ["Made for people taking pramipexol.", "B12 for neuropaty.", "Gabapentine alternative."],
)
def test_long_names_are_found_with_one_typo(text):
    assert find_disease_claims(text)


def test_findings_are_distinct_in_order_and_read_as_normalised_text():
    text = "R&#1077;stless legs? RLS relief, and more RLS relief, like <b>pramipexole</b>."
    findings = find_disease_claims(text)
    phrases = [f.phrase for f in findings]
    assert phrases == ["restless legs", "rls relief", "rls", "like pramipexole", "pramipexole"]
    assert all(f.phrase in normalize(text) for f in findings)
    assert all(f.family in FAMILIES and f.why for f in findings)


def test_findings_are_frozen_and_empty_text_is_clean():
    finding = find_disease_claims("Cures RLS.")[0]
    with pytest.raises(FrozenInstanceError):
        finding.phrase = "x"
    assert find_disease_claims("") == []
    assert find_disease_claims(None) == []
    assert find_disease_claims("<p> </p>&nbsp;") == []


# --- normalize -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<p>Rest<b>less</b> <i>legs</i></p>", "restless legs"),
        ("<p>one</p><p>two</p>", "one\ntwo"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("rest&shy;less&nbsp;legs", "restless legs"),
        ("restless&#8209;legs", "restless legs"),
        ("rest&amp;shy;less", "restless"),  # escaped twice
        ("restless\u2013legs \u2014 rls", "restless legs rls"),  # en and em dashes
        ("rest\u00adless\u200blegs\u200c\u200d\ufeff\u2060", "restlesslegs"),
        ("restless\u00a0legs\u202fnow\u3000ok", "restless legs now ok"),
        ("\uff32\uff2c\uff33", "rls"),  # fullwidth
        ("\U0001d42b\U0001d425\U0001d42c", "rls"),  # mathematical bold
        ("r\u0435stl\u0435ss l\u0435gs", "restless legs"),  # Cyrillic е
        ("\u0430n\u0435mi\u0430", "anemia"),  # Cyrillic а, е
        ("ins\u03bfmnia", "insomnia"),  # Greek ο
        ("\u0280\u029f\ua731", "rls"),  # small capitals
        ("re\u0301stless", "restless"),  # combining accent
        ("R.L.S.", "rls."),
        ("r e s t l e s s legs", "restless legs"),
        ("restless_legs", "restless legs"),
        ("  Many   spaces\t\there \n\n\n and lines  ", "many spaces here\nand lines"),
        ("It\u2019s \u201cgood\u201d", 'it\'s "good"'),
        ('<img src="a.jpg" alt="Iron for RLS">', "iron for rls"),
        ("<script>alert('rls')</script>Safe", "safe"),
        ("<!-- RLS -->Safe", "safe"),
        ("transferrin saturation < 20%", "transferrin saturation < 20%"),
        ("", ""),
    ],
)
def test_normalize(raw, expected):
    assert normalize(raw) == expected


def test_normalize_is_idempotent_and_keeps_plain_text():
    for text in LAWFUL + [t for t, _ in CLAIMS]:
        once = normalize(text)
        assert normalize(once) == once
    assert normalize("Supports normal muscle function*") == "supports normal muscle function*"
    assert normalize(None) == ""


# --- claim_message -------------------------------------------------------------------------


def test_claim_message_names_the_words_the_reason_and_a_fitting_lawful_wording():
    message = claim_message(find_disease_claims("Relieves restless legs."))
    assert "“restless legs”" in message
    assert "names a disease" in message
    assert "Supports normal muscle function*" in message
    assert message.count(". ") + 1 <= 3  # one sentence or two ("e.g." aside)


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        ("Corrects anemia.", "Supports healthy red blood cell formation*"),
        ("For low ferritin.", "Supports healthy iron levels*"),
        ("Cures insomnia.", "Supports healthy sleep*"),
        ("B12 for neuropathy.", "Supports normal nerve function*"),
        ("Magnesium for leg cramps at night.", "Supports normal muscle function*"),
        ("Eliminates fatigue.", "Supports normal energy metabolism*"),
    ],
)
def test_claim_message_suggestion_fits_the_claim(text, wording):
    assert wording in claim_message(find_disease_claims(text))


def test_claim_message_for_a_drug_comparison_says_not_to_name_medicines():
    message = claim_message(find_disease_claims("Works like pramipexole."))
    assert "compares the product with a drug" in message
    assert "medicine" in message


def test_claim_message_is_empty_without_findings_and_short_with_many():
    assert claim_message([]) == ""
    many = find_disease_claims(
        "Cures RLS, insomnia, neuropathy, anemia and depression, like gabapentin."
    )
    assert len(many) > 4
    message = claim_message(many)
    assert f"and {len(many) - 4} more" in message
    assert len(message) < 600


# --- the seeded copy -------------------------------------------------------------------------


def _seed_copy():
    from catalogue import seed_data

    for product in seed_data.PRODUCTS:
        for field in ("title", "description", "claims"):
            yield f"{product['upc']} {field}", product[field]
        # as the seed command builds them: the product's own directions, else the default
        directions = product.get("directions") or seed_data.DIRECTIONS.format(
            serving=f"{product['serving_size']} {product.get('servings_per_day', 1)} times"
        )
        yield f"{product['upc']} directions", directions
    for slug, name, description, *_ in seed_data.CATEGORIES:
        yield f"category {slug} name", name
        yield f"category {slug} description", description


def test_seeded_product_and_category_copy_passes():
    failures = {
        where: claim_message(found)
        for where, text in _seed_copy()
        if (found := find_disease_claims(text))
    }
    assert failures == {}


# --- independence ------------------------------------------------------------------------


def test_imports_without_django():
    """The module stands alone: loaded by file path in a fresh interpreter, no Django import."""
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('claims', {str(CLAIMS_MODULE)!r})\n"
        "module = sys.modules['claims'] = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "assert module.find_disease_claims('Cures RLS')\n"
        "assert not [name for name in sys.modules if name.split('.')[0] == 'django'], 'django'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={}, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert importlib.util.find_spec("compliance.claims") is not None
