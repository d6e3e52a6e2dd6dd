"""The one list of words that turn product copy into a disease claim (DESIGN §5).

A supplement may say what a nutrient does in the body ("supports normal muscle function"), never
that it cures, treats, prevents or relieves a disease, and a product may not be sold "for RLS".
Articles are education, not product copy, and are exempt.
"""

import re

from django.utils.html import strip_tags

DISEASE_CLAIM_TERMS = (
    r"restless legs?",
    r"rls",
    r"willis[- ]ekbom",
    r"cures?",
    r"cured",
    r"treats?",
    r"treating",
    r"treatment",
    r"prevents?",
    r"prevention",
    r"heals?",
    r"healing",
    r"relieves?",
    r"relief",
    r"alleviates?",
    r"remed(?:y|ies)",
    r"symptoms?",
    r"diseases?",
    r"an(?:a)?emia",
)

DISEASE_CLAIM = re.compile(r"\b(" + "|".join(DISEASE_CLAIM_TERMS) + r")\b", re.IGNORECASE)

SUGGESTION = (
    "Describe what the nutrient does in a healthy body instead, e.g. "
    "'Supports normal muscle function*' or 'Supports healthy red blood cell formation*'."
)


def disease_claim_words(text):
    """The disease-claim words found in `text` (HTML allowed), in order, without repeats."""
    found = DISEASE_CLAIM.findall(strip_tags(text or ""))
    return list(dict.fromkeys(word.lower() for word in found))


def disease_claim_message(words):
    quoted = ", ".join(f"“{word}”" for word in words)
    return (
        f"This reads as a disease claim ({quoted}), which a dietary supplement may not make. "
        + SUGGESTION
    )
