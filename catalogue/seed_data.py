"""The RLS range as data: nutrients (DESIGN §6), categories, products and shipping.

Names, descriptions and claims are structure/function wording only (DESIGN §5): a product may
"support normal muscle function", never "relieve restless legs".
"""

from decimal import Decimal as D

# code, name, unit, FDA Daily Value, adult UL, UL unit (blank: the unit of the amounts), what the
# UL counts ("whole": the amount; "share": the part each product's row records), UL note.
# Nutrient.position comes from the FDA label order (compliance.labels), not from this list.
# A product's "nutrients" rows: (code, amount per serving, source form), plus for a "share"
# nutrient the share of the amount its UL counts, in the UL unit (0 for methylfolate).
NUTRIENTS = [
    ("iron", "Iron", "mg", D("18"), D("45"), "", "whole", "total intake"),
    ("magnesium", "Magnesium", "mg", D("420"), D("350"), "", "whole", "from supplements only"),
    (
        "folate",
        "Folate",
        "mcg DFE",
        D("400"),
        D("1000"),
        "mcg folic acid",
        "share",
        "from supplements and fortified food; food folate and methylfolate are not counted",
    ),
    ("vitamin-b12", "Vitamin B12", "mcg", D("2.4"), None, "", "whole", ""),
    (
        "vitamin-e",
        "Vitamin E",
        "mg alpha-tocopherol",
        D("15"),
        D("1000"),
        "",
        "whole",
        "supplemental",
    ),
    ("vitamin-b6", "Vitamin B6", "mg", D("1.7"), D("100"), "", "whole", "EU/UK advise 10-12 mg"),
    ("thiamin", "Thiamin (Vitamin B1)", "mg", D("1.2"), None, "", "whole", ""),
    (
        "vitamin-a",
        "Vitamin A",
        "mcg RAE",
        D("900"),
        D("3000"),
        "mcg preformed vitamin A",
        "share",
        "retinol and retinyl esters; beta-carotene is not counted",
    ),
]

# slug, name, description, label color (also used for the generated product images)
CATEGORIES = [
    ("minerals", "Minerals", "Iron and magnesium in gentle, well-absorbed forms.", "#7a3b2e"),
    (
        "b-vitamins",
        "B Vitamins",
        "Folate, B12, B6 and thiamin, one nutrient per bottle.",
        "#2f5d8a",
    ),
    ("vitamins-a-e", "Vitamins A & E", "The fat-soluble vitamins, in modest doses.", "#8a6d1f"),
    (
        "combination-formulas",
        "Combination Formulas",
        "Several nutrients in one daily serving.",
        "#3d6b4f",
    ),
]

DIRECTIONS = "Adults: take {serving} daily with food, or as directed by your doctor."

PRODUCTS = [
    {
        "upc": "RLV-IRON-25",
        "article": "iron-and-rls",
        "title": "Iron Bisglycinate 25 mg",
        "category": "minerals",
        "price": D("14.95"),
        "stock": 120,
        "description": (
            "A gentle, chelated form of iron that is easy on the stomach. Iron is a part of "
            "hemoglobin, which carries oxygen in the blood. Ask your doctor to check your "
            "ferritin before you start taking iron: too much iron is harmful."
        ),
        "claims": "Supports healthy red blood cell formation\nSupports normal oxygen transport",
        "serving_size": "1 capsule",
        "servings_per_container": 60,
        "other_ingredients": "Hypromellose (capsule), microcrystalline cellulose",
        "allergens": "Free from gluten, dairy, soy and shellfish",
        "nutrients": [("iron", D("25"), "as ferrous bisglycinate chelate")],
    },
    {
        "upc": "RLV-IRON-65",
        "article": "iron-and-rls",
        "title": "Iron (Ferrous Sulfate) 65 mg",
        "category": "minerals",
        "price": D("11.95"),
        "stock": 80,
        "description": (
            "A high-strength iron tablet (325 mg ferrous sulfate, giving 65 mg of elemental "
            "iron). One tablet is above the adult upper limit for iron, so take it only when "
            "your doctor has advised it after a blood test."
        ),
        "claims": "Supports healthy red blood cell formation",
        "directions": "Use only as directed by your doctor.",
        "serving_size": "1 tablet",
        "servings_per_container": 90,
        "other_ingredients": "Microcrystalline cellulose, dicalcium phosphate, film coating",
        "allergens": "Free from gluten, dairy and soy",
        "nutrients": [("iron", D("65"), "as ferrous sulfate")],
    },
    {
        "upc": "RLV-MAG-120",
        "article": "magnesium-and-rls",
        "title": "Magnesium Glycinate 120 mg",
        "category": "minerals",
        "price": D("16.95"),
        "stock": 150,
        "servings_per_day": 2,
        "description": (
            "Magnesium bound to the amino acid glycine, a form that is well absorbed and less "
            "likely to upset the stomach than magnesium oxide. Two capsules a day give 240 mg."
        ),
        "claims": "Supports normal muscle function\nSupports normal nerve function",
        "serving_size": "1 capsule",
        "servings_per_container": 120,
        "other_ingredients": "Hypromellose (capsule), rice flour",
        "allergens": "Free from gluten, dairy and soy",
        "nutrients": [("magnesium", D("120"), "as magnesium bisglycinate")],
    },
    {
        "upc": "RLV-FOL-400",
        "article": "folate-and-rls",
        "title": "Folic Acid 400 mcg DFE",
        "category": "b-vitamins",
        "price": D("8.95"),
        "stock": 200,
        "description": (
            "Folate in its stable folic acid form: 240 mcg of folic acid, which is 400 mcg "
            "dietary folate equivalents. Folate has a role in normal cell division."
        ),
        "claims": "Supports normal red blood cell formation\nSupports normal cell division",
        "serving_size": "1 tablet",
        "servings_per_container": 100,
        "other_ingredients": "Microcrystalline cellulose, vegetable magnesium stearate",
        "allergens": "Free from gluten, dairy and soy",
        "nutrients": [("folate", D("400"), "as folic acid", D("240"))],
    },
    {
        "upc": "RLV-B12-1000",
        "article": "vitamin-b12-and-rls",
        "title": "Vitamin B12 1,000 mcg",
        "category": "b-vitamins",
        "price": D("12.95"),
        "stock": 140,
        "description": (
            "A lozenge of methylcobalamin, an active form of vitamin B12. B12 is needed for "
            "normal nerve function and red blood cell formation."
        ),
        "claims": "Supports normal nerve function\nSupports normal energy metabolism",
        "serving_size": "1 lozenge",
        "servings_per_container": 60,
        "other_ingredients": "Xylitol, microcrystalline cellulose, natural cherry flavor",
        "allergens": "Free from gluten, dairy and soy",
        "nutrients": [("vitamin-b12", D("1000"), "as methylcobalamin")],
    },
    {
        "upc": "RLV-VITE-67",
        "article": "vitamin-e-and-rls",
        "title": "Vitamin E 67 mg (100 IU)",
        "category": "vitamins-a-e",
        "price": D("13.95"),
        "stock": 90,
        "description": (
            "Natural-source vitamin E (d-alpha-tocopherol) in sunflower oil. Vitamin E is an "
            "antioxidant that helps protect cells from oxidative stress."
        ),
        "claims": "Supports the protection of cells from oxidative stress",
        "serving_size": "1 softgel",
        "servings_per_container": 100,
        "other_ingredients": "Sunflower oil, bovine gelatin, glycerin, purified water",
        "allergens": "Contains gelatin (bovine)",
        "nutrients": [("vitamin-e", D("67"), "as d-alpha-tocopherol")],
    },
    {
        "upc": "RLV-B6-10",
        "article": "other-vitamins-and-rls",
        "title": "Vitamin B6 10 mg",
        "category": "b-vitamins",
        "price": D("9.95"),
        "stock": 110,
        "description": (
            "Vitamin B6 as pyridoxal-5'-phosphate, kept at 10 mg, within the level UK and EU "
            "authorities advise for long-term use. B6 helps the body make neurotransmitters."
        ),
        "claims": "Supports normal nervous system function\nSupports normal energy metabolism",
        "serving_size": "1 capsule",
        "servings_per_container": 90,
        "other_ingredients": "Hypromellose (capsule), rice flour",
        "allergens": "Free from gluten, dairy and soy",
        "nutrients": [("vitamin-b6", D("10"), "as pyridoxal-5'-phosphate")],
    },
    {
        "upc": "RLV-B1-100",
        "article": "other-vitamins-and-rls",
        "title": "Thiamin (Vitamin B1) 100 mg",
        "category": "b-vitamins",
        "price": D("9.45"),
        "stock": 100,
        "description": (
            "Thiamin hydrochloride. Thiamin helps the body turn food into energy and supports "
            "normal nerve function."
        ),
        "claims": "Supports normal energy metabolism\nSupports normal nerve function",
        "serving_size": "1 tablet",
        "servings_per_container": 100,
        "other_ingredients": "Microcrystalline cellulose, vegetable stearic acid",
        "allergens": "Free from gluten, dairy and soy",
        "nutrients": [("thiamin", D("100"), "as thiamin hydrochloride")],
    },
    {
        "upc": "RLV-VITA-900",
        "article": "other-vitamins-and-rls",
        "title": "Vitamin A 900 mcg RAE",
        "category": "vitamins-a-e",
        "price": D("8.45"),
        "stock": 70,
        "description": (
            "Preformed vitamin A (retinyl palmitate) at 100% of the Daily Value. Vitamin A "
            "supports normal vision and the immune system."
        ),
        "claims": "Supports normal vision\nSupports normal immune function",
        "serving_size": "1 softgel",
        "servings_per_container": 100,
        "other_ingredients": "Soybean oil, bovine gelatin, glycerin",
        "allergens": "Contains soy and gelatin (bovine)",
        "nutrients": [("vitamin-a", D("900"), "as retinyl palmitate", D("900"))],
    },
    {
        "upc": "RLV-COMBO-DAILY",
        "article": "vitamins-for-restless-legs",
        "title": "Iron & B Vitamins Daily Complex",
        "category": "combination-formulas",
        "price": D("19.95"),
        "stock": 60,
        "description": (
            "One tablet with a moderate dose of iron and the B vitamins that work with it in "
            "making red blood cells. A sensible daily complement to a balanced diet."
        ),
        "claims": (
            "Supports healthy red blood cell formation\nSupports normal energy metabolism\n"
            "Supports normal nerve function"
        ),
        "serving_size": "1 tablet",
        "servings_per_container": 60,
        "other_ingredients": "Microcrystalline cellulose, croscarmellose sodium, film coating",
        "allergens": "Free from gluten, dairy and soy",
        "nutrients": [
            ("iron", D("18"), "as ferrous bisglycinate chelate"),
            ("folate", D("400"), "as folic acid", D("240")),
            ("vitamin-b12", D("25"), "as methylcobalamin"),
            ("vitamin-b6", D("2"), "as pyridoxal-5'-phosphate"),
            ("thiamin", D("1.5"), "as thiamin hydrochloride"),
        ],
    },
]

# name, code, price per order, free over, description
SHIPPING_METHODS = [
    (
        "Standard (3-5 business days)",
        "standard",
        D("4.95"),
        D("50.00"),
        "Free on orders of $50.00 or more.",
    ),
    (
        "Express (1-2 business days)",
        "express",
        D("12.95"),
        None,
        "Tracked; ships the next business day.",
    ),
]

PARTNER_NAME = "Restful Legs Vitamins"
PRODUCT_CLASS_NAME = "Supplement"

ABOUT_PAGE = (
    "/about/",
    "About Us",
    "<p>We are a small team who make a short, carefully chosen range of single vitamins and "
    "minerals and one daily complex, each clearly labeled.</p>"
    "<p>Every product carries its full Supplement Facts, the warnings the law requires, and a "
    "link to an article that explains, with references, what research says about the nutrient. "
    "Our articles also look at what research says about nutrients and restless legs syndrome "
    "(RLS): what is well supported, what is not, and what a doctor would check first.</p>"
    "<p>The articles are education, not medical advice. Please talk to your doctor before you "
    "start any supplement.</p>",
)
CONTACT_PAGE = (
    "/contact/",
    "Contact Us",
    "<p>Questions about an order, a product or an article? Use the form below and we will "
    "answer by email within one business day. Please include your order number if you have "
    "one.</p><p>We cannot give medical advice: for questions about your health, talk to your "
    "doctor or pharmacist.</p>",
)
