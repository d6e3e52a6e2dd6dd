"""The one place the notice wordings live (DESIGN §5); `seed_store` copies them into the database.

The medical-advice, FDA and iron texts are fixed by regulation or by the client: seed them verbatim.
"""

MEDICAL_ADVICE = "medical-advice"
FDA_STATEMENT = "fda-statement"
FDA_STATEMENT_SINGLE = "fda-statement-single"
IRON_WARNING = "iron-warning"
PREGNANCY = "pregnancy-nursing"

# Wordings the law fixes word for word: staff see them with their regulation, and cannot edit.
FIXED_BY_REGULATION = {
    FDA_STATEMENT: "21 CFR 101.93(c)",
    FDA_STATEMENT_SINGLE: "21 CFR 101.93(c)",
    IRON_WARNING: "21 CFR 101.17(e)",
}

# slug, kind, title, text
NOTICES = [
    (
        MEDICAL_ADVICE,
        "disclaimer",
        "Medical advice",
        "Supplements should only be taken on the advice of your doctor. Talk to your doctor or "
        "pharmacist before starting any supplement, especially if you are pregnant or nursing, "
        "take medication, or have a medical condition. The information on this site is not "
        "medical advice.",
    ),
    (
        FDA_STATEMENT,
        "statement",
        "FDA statement",
        "These statements have not been evaluated by the Food and Drug Administration. This "
        "product is not intended to diagnose, treat, cure, or prevent any disease.",
    ),
    (
        FDA_STATEMENT_SINGLE,
        "statement",
        "FDA statement (one claim)",
        "This statement has not been evaluated by the Food and Drug Administration. This "
        "product is not intended to diagnose, treat, cure, or prevent any disease.",
    ),
    (
        IRON_WARNING,
        "warning",
        "Iron warning",
        "WARNING: Accidental overdose of iron-containing products is a leading cause of fatal "
        "poisoning in children under 6. Keep this product out of reach of children. In case of "
        "accidental overdose, call a doctor or poison control center immediately.",
    ),
    (
        PREGNANCY,
        "warning",
        "Pregnancy and nursing",
        "If you are pregnant or nursing a baby, ask a health professional before use.",
    ),
    (
        "vitamin-b6-warning",
        "warning",
        "Vitamin B6",
        "Long-term use of vitamin B6 at high doses can damage nerves. Stop taking this product "
        "and see your doctor if you feel tingling, burning or numbness in your hands or feet.",
    ),
    (
        "vitamin-a-warning",
        "warning",
        "Vitamin A",
        "Too much preformed vitamin A (retinol) during pregnancy can harm the unborn baby. Do "
        "not take this product if you are pregnant or may become pregnant unless your doctor "
        "advises it.",
    ),
    (
        "magnesium-warning",
        "warning",
        "Magnesium",
        "Magnesium from supplements may cause diarrhea above 350 mg a day. If you have kidney "
        "disease, talk to your doctor before taking magnesium.",
    ),
    (
        "vitamin-e-warning",
        "warning",
        "Vitamin E",
        "Vitamin E may increase the risk of bleeding, especially if you take blood thinners such "
        "as warfarin. Talk to your doctor before use and before surgery.",
    ),
    (
        "folic-acid-warning",
        "warning",
        "Folic acid",
        "High intakes of folic acid can mask a vitamin B12 deficiency. Ask your doctor to check "
        "your B12 if you take folic acid long term.",
    ),
]

# Which good-practice warning a product carries because it contains the nutrient.
NUTRIENT_NOTICES = {
    "iron": IRON_WARNING,
    "magnesium": "magnesium-warning",
    "folate": "folic-acid-warning",
    "vitamin-e": "vitamin-e-warning",
    "vitamin-b6": "vitamin-b6-warning",
    "vitamin-a": "vitamin-a-warning",
}


def seeded_text(slug):
    """The wording this module seeds for `slug` (the only wording a fixed notice may have)."""
    return next((text for seeded, _kind, _title, text in NOTICES if seeded == slug), None)
