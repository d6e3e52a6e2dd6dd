"""Phrasings the disease-claim check is tried against (issue 10; DESIGN §5; 21 CFR 101.93(g)).

CLAIMS: product copy a dietary supplement may not carry, each with the family the checker must
report among its findings. LAWFUL: structure/function and nutrient-status wording, the notices
the law requires, warnings and directions, which must pass. Written as real copy would be: titles,
descriptions, claim lines, directions, meta descriptions, image captions, category copy, Pin
descriptions, product→article link texts. Obfuscated spellings are written with escapes so the
invisible characters stay visible here.
"""

ZWSP = "\u200b"  # zero-width space
SHY = "\u00ad"  # soft hyphen
NBSP = "\u00a0"
NBHY = "\u2011"  # non-breaking hyphen
CYR_E = "\u0435"  # Cyrillic е
CYR_A = "\u0430"  # Cyrillic а
CYR_O = "\u043e"  # Cyrillic о
CYR_ES = "\u0441"  # Cyrillic с
GRK_O = "\u03bf"  # Greek ο

# (copy, family the checker must report)
CLAIMS = [
    # --- the disease named: RLS, its other names, misspelt and disguised ------------------
    ("Magnesium Glycinate for Restless Legs", "disease"),
    ("Iron for RLS 25 mg", "disease"),
    ("A gentle magnesium for people living with restless leg syndrome.", "disease"),
    ("Formulated for restless-legs sufferers who want a calmer night.", "disease"),
    ("The vitamin complex made for restles legs.", "disease"),
    ("Our best seller for restlesslegs, now in a bigger bottle.", "disease"),
    ("Trusted by the R.L.S. community since 2015.", "disease"),
    ("Willis-Ekbom disease support formula", "disease"),
    ("Recommended for anyone with willis ekbom.", "disease"),
    ("Iron bisglycinate for RLS/WED.", "disease"),
    ("Ideal for people with PLMD.", "disease"),
    ("Magnesium for restless arms and legs.", "disease"),
    (f"Made for r{CYR_E}stl{CYR_E}ss legs.", "disease"),
    (f"Calm r{CYR_E}stless l{CYR_E}gs naturally.", "disease"),
    (f"Support for rest{ZWSP}less legs at bedtime.", "disease"),
    (f"Support for rest{SHY}less{NBSP}legs at bedtime.", "disease"),
    ("<p>Our iron is made for rest&shy;less&nbsp;legs.</p>", "disease"),
    ("<p>Our iron is made for restless&#8209;legs.</p>", "disease"),
    ("<b>Rest</b>less <i>legs</i> formula with folate", "disease"),
    ("Restless\u2013legs relief in one capsule", "disease"),
    ("\uff32\uff2c\uff33 daily support", "disease"),  # fullwidth RLS
    ("For R L S, take one capsule at bedtime.", "disease"),
    ("Night-time support for r.e.s.t.l.e.s.s legs", "disease"),
    ("The #1 vitamin for restlss legs", "disease"),
    ("Vitamins for restless leg syndrome, doctor formulated.", "disease"),
    ("B12 for rls sufferers", "disease"),
    (f"{CYR_ES}alm your restless legs tonight", "disease"),
    ("Support for restless limbs at night.", "disease"),
    ('<img src="iron.jpg" alt="Iron for RLS">', "disease"),
    ("Restless Legs Syndrome (RLS) formula", "disease"),
    ("Restless \u2014 legs? Not after tonight.", "disease"),  # em dash
    ("Many customers with RLS tell us they sleep better.", "disease"),
    ("Doctors often recommend iron for restless legs; ours is gentle on the stomach.", "disease"),
    ("Ekbom syndrome support", "disease"),
    # --- the disease named by its symptoms -------------------------------------------------
    ("Quiets the urge to move your legs at night.", "symptom"),
    ("For that irresistible urge to move when you lie down.", "symptom"),
    ("Say goodnight to twitchy legs.", "symptom"),
    ("Helps with jumpy, jittery legs in the evening.", "symptom"),
    ("Magnesium for leg cramps at night.", "symptom"),
    ("Fewer night-time leg cramps from the first week.", "symptom"),
    ("Less creepy-crawly feelings after dinner.", "symptom"),
    ("For periodic limb movements during sleep.", "symptom"),
    ("Calms the crawling sensations in your legs.", "symptom"),
    ("When your legs won't keep still at bedtime, reach for magnesium.", "symptom"),
    ("For legs that feel twitchy the moment you sit down.", "symptom"),
    ("Made for nights when you can't keep your legs still.", "symptom"),
    ("Eases the tingling in your legs.", "symptom"),
    ("Nocturnal leg cramps? Try our magnesium.", "symptom"),
    ("Soothes uncomfortable legs after a long day.", "symptom"),
    ("Your answer to calf cramps and leg spasms.", "symptom"),
    ("Fewer PLMs, deeper sleep.", "symptom"),
    ("If your legs keep you up at night, this is for you.", "symptom"),
    ("<p>Helps with nighttime muscle cramps and lets your legs finally rest.</p>", "symptom"),
    ("Great for pregnant women with leg cramps.", "symptom"),
    # --- other diseases --------------------------------------------------------------------
    ("B12 for peripheral neuropathy.", "other-disease"),
    ("Supports nerve health in diabetic neuropathy.", "other-disease"),
    ("Magnesium for high blood pressure.", "other-disease"),
    ("Our magnesium helps people with insomnia sleep through the night.", "other-disease"),
    ("A natural choice for depression and low mood.", "other-disease"),
    ("Great for diabetics.", "other-disease"),
    ("Vitamin E for arthritis and stiff joints.", "other-disease"),
    ("Supports brain health in Parkinson's.", "other-disease"),
    ("Popular with migraine sufferers.", "other-disease"),
    ("Made for people on dialysis.", "other-disease"),
    ("Thiamin for fibromyalgia.", "other-disease"),
    ("Folate for people with anxiety.", "other-disease"),
    ("Vitamin A for your immune system during cold and flu season.", "other-disease"),
    ("Magnesium: nature's help for hypertension.", "other-disease"),
    ("B6 for sciatica and nerve damage.", "other-disease"),
    ("If you suffer from insomnia, try our magnesium.", "other-disease"),
    ("If you have insomnia, ask your doctor about our magnesium glycinate.", "other-disease"),
    ("Supports memory in people with dementia.", "other-disease"),
    ("A daily ally for people with neuropaty.", "other-disease"),  # misspelt
    (f"Magnesium for ins{GRK_O}mnia", "other-disease"),  # Greek omicron
    (f"Ins{CYR_O}mnia support", "other-disease"),  # Cyrillic о
    ("Helps keep blood sugar steady in diabetes.", "other-disease"),
    ("Doctors recommend magnesium for insomnia.", "other-disease"),
    ("Folate for neural tube defects.", "other-disease"),
    ("Designed for people with peripheral neuropathy.", "other-disease"),
    ("If you take magnesium for insomnia, you'll sleep better.", "other-disease"),
    ("Magnesium can increase energy in people with fibromyalgia.", "other-disease"),
    ("Healing support for damaged nerves.", "other-disease"),
    # --- deficiency diseases ----------------------------------------------------------------
    ("Fixes iron deficiency in weeks.", "deficiency-disease"),
    ("For low ferritin.", "deficiency-disease"),
    ("Corrects anemia gently.", "deficiency-disease"),
    ("Iron for iron-deficiency anaemia.", "deficiency-disease"),
    ("B12 for pernicious anemia.", "deficiency-disease"),
    ("Restores depleted iron stores.", "deficiency-disease"),
    ("Boosts low ferritin levels without stomach upset.", "deficiency-disease"),
    ("Reverses magnesium deficiency.", "deficiency-disease"),
    ("Treats iron deficiency anemia.", "deficiency-disease"),
    ("Perfect if you are iron deficient.", "deficiency-disease"),
    ("For iron-poor blood and tired blood.", "deficiency-disease"),
    ("Prevents folate deficiency in pregnancy.", "deficiency-disease"),
    ("Helps if your ferritin is low.", "deficiency-disease"),
    ("Made for women who are low in iron.", "deficiency-disease"),
    ("Tackles B12 deficiency at the root.", "deficiency-disease"),
    (f"Iron for {CYR_A}nemia", "deficiency-disease"),
    ("Low ferritin? We've got you.", "deficiency-disease"),
    ("Boost your ferritin if it's low.", "deficiency-disease"),
    ("Our iron is the answer to iron deficiency.", "deficiency-disease"),
    ("Iron for women with anemia who are tired all the time.", "deficiency-disease"),
    ("Iron that raises your ferritin when it is low.", "deficiency-disease"),
    # --- drugs named -------------------------------------------------------------------------
    ("Take alongside your gabapentin.", "drug"),
    ("Pairs well with ropinirole.", "drug"),
    ("Loved by people who have tried pregabalin.", "drug"),
    ("Many customers also take levodopa.", "drug"),
    ("Switch to iron if rotigotine patches irritate your skin.", "drug"),
    ("For anyone tired of dopamine agonists.", "drug"),
    ("Made for people taking pramipexol.", "drug"),  # misspelt
    ("Get off Mirapex for good.", "drug"),
    # --- comparisons with a drug ----------------------------------------------------------
    ("A natural dopamine agonist.", "drug-comparison"),
    ("Works like pramipexole, without the prescription.", "drug-comparison"),
    ("An alternative to ropinirole.", "drug-comparison"),
    ("Use it instead of gabapentin.", "drug-comparison"),
    ("As effective as pregabalin in our customer survey.", "drug-comparison"),
    ("Replaces your sleeping pills.", "drug-comparison"),
    ("Drug-free relief at bedtime.", "drug-comparison"),
    ("Help without a prescription.", "drug-comparison"),
    ("Vitamins may act as dopamine agonists.", "drug-comparison"),
    ("A gentler alternative to iron infusions.", "drug-comparison"),
    ("Nature's sleeping pill.", "drug-comparison"),
    ("Cut back on your medication with magnesium.", "drug-comparison"),
    ("Better than levodopa, with no augmentation.", "drug-comparison"),
    ("Just like a prescription, only natural.", "drug-comparison"),
    ("A rotigotine-like effect from a vitamin.", "drug-comparison"),
    ("Wean yourself off pramipexole with our iron.", "drug-comparison"),
    ("Prescription-strength magnesium.", "drug-comparison"),
    ("The natural alternative to Mirapex and Requip.", "drug-comparison"),
    ("Magnesium: nature's muscle relaxant.", "drug-comparison"),
    ("Reduces the need for sleeping pills.", "drug-comparison"),
    ("Gabapentin without the side effects.", "drug-comparison"),
    # --- claim verbs aimed at a condition ------------------------------------------------
    ("Cures muscle cramps.", "claim-verb"),
    ("Clinically shown to relieve nerve pain.", "claim-verb"),
    ("Helps prevent disease.", "claim-verb"),
    ("Treats the symptoms fast.", "claim-verb"),
    ("Relief from cramps all night.", "claim-verb"),
    ("Eliminates fatigue.", "claim-verb"),
    ("Fights inflammation.", "claim-verb"),
    ("Stops cramps before they start.", "claim-verb"),
    ("Reduces tingling and numbness.", "claim-verb"),
    ("Heals nerve damage.", "claim-verb"),
    ("Lowers blood pressure naturally.", "claim-verb"),
    ("Soothes your legs so you can sleep.", "claim-verb"),
    ("Say goodbye to cramps.", "claim-verb"),
    ("No more leg pain.", "symptom"),
    ("Eases aches and pains.", "claim-verb"),
    ("Alleviates the symptoms of your condition.", "claim-verb"),
    ("Cramp relief in one capsule.", "claim-verb"),
    ("Pain-free nights start here.", "claim-verb"),
    ("Anti-cramp formula.", "claim-verb"),
    ("Helps with cramps and spasms.", "claim-verb"),
    ("Cured my insomnia in a week!", "claim-verb"),
    ("Curing cramps, one night at a time.", "claim-verb"),
    ("Treatment for nerve pain.", "claim-verb"),
    ("Prevention of headaches.", "claim-verb"),
    ("Relieved my cramps in days.", "claim-verb"),
    ("Get rid of muscle spasms.", "claim-verb"),
    ("Combats fatigue and exhaustion.", "claim-verb"),
    ("Protects against heart disease.", "claim-verb"),
    (f"Cur{CYR_E}s cramps.", "claim-verb"),
    ("<p>Tre&shy;ats your symptoms.</p>", "claim-verb"),
    ("Reduce the frequency of your cramps.", "claim-verb"),
    ("Calm legs, calm mind: relieves restlessness in the legs.", "claim-verb"),
    ("Keeps cramps at bay.", "claim-verb"),
    ("Wards off cramps.", "claim-verb"),
    ("Fatigue-fighting iron.", "claim-verb"),
    ("Vitamin B12 to reverse nerve damage.", "claim-verb"),
    ("Anti-inflammatory formula.", "claim-verb"),
    ("Helps control blood sugar.", "claim-verb"),
    ("Don't wait, relieve your cramps today.", "claim-verb"),
    ("It's not magic, but it relieves cramps.", "claim-verb"),
    ("Not habit-forming and relieves cramps.", "claim-verb"),
    ("You won't suffer from cramps anymore.", "symptom"),
]

LAWFUL = [
    # --- notices fixed by regulation or by the client (DESIGN §5) -------------------------
    "These statements have not been evaluated by the Food and Drug Administration. This product "
    "is not intended to diagnose, treat, cure, or prevent any disease.",
    "*This statement has not been evaluated by the Food and Drug Administration. This product is "
    "not intended to diagnose, treat, cure, or prevent any disease.",
    "This product is not intended to diagnose, treat, cure, or prevent any disease.",
    "This product is not intended to diagnose, treat, cure, and prevent any disease.",
    "Our products do not treat, cure or prevent any disease.",
    "This product is not a treatment for any disease.",
    "This supplement is not a replacement for prescribed medication.",
    "Never stop or change your medication without asking your doctor.",
    "Supplements should only be taken on the advice of your doctor. Talk to your doctor or "
    "pharmacist before starting any supplement, especially if you are pregnant or nursing, take "
    "medication, or have a medical condition. The information on this site is not medical advice.",
    "WARNING: Accidental overdose of iron-containing products is a leading cause of fatal "
    "poisoning in children under 6. Keep this product out of reach of children. In case of "
    "accidental overdose, call a doctor or poison control center immediately.",
    "If you are pregnant or nursing a baby, ask a health professional before use.",
    # --- good-practice warnings --------------------------------------------------------------
    "If you have kidney disease, talk to your doctor before taking magnesium.",
    "Stop taking this product and see your doctor if you feel tingling, burning or numbness.",
    "Vitamin B6: stop and see a doctor if you feel tingling, burning or numbness in your hands "
    "or feet.",
    "Preformed vitamin A in excess during pregnancy can harm the baby.",
    "Magnesium may cause diarrhea above 350 mg a day from supplements.",
    "Vitamin E may increase the risk of bleeding, especially if you take blood thinners such as "
    "warfarin. Ask your doctor first.",
    "High intakes of folic acid can mask a vitamin B12 deficiency.",
    "Iron can reduce the absorption of levodopa and thyroid medicines; take them at least 2 "
    "hours apart.",
    "If you take levodopa, take iron at least 2 hours apart from it.",
    "Do not take iron if you have hemochromatosis or another iron overload disorder.",
    "Not for use by people with iron overload disorders.",
    "If you are being treated for depression, ask your doctor before taking supplements.",
    "People with diabetes should consult a doctor before using this product.",
    "If you take medicine for high blood pressure, talk to your pharmacist before use.",
    "Ask your doctor to check your ferritin before you start taking iron: too much iron is "
    "harmful.",
    "If your doctor has found that your ferritin is low, take this product only as directed "
    "by your doctor.",
    "Ask your doctor about testing your iron levels, especially if you have been told you are "
    "anemic.",
    "Supplements are not a substitute for medicines your doctor prescribes.",
    "Do not stop taking prescribed medication without talking to your doctor.",
    "This product does not replace a varied diet or any treatment from your doctor.",
    "Do not use this product to self-treat any condition; see your doctor.",
    "If symptoms persist, consult your doctor.",
    "Keep out of reach of children. Store in a cool, dry place.",
    "If you have been diagnosed with anemia, follow your doctor's advice on iron.",
    "Not intended for people with iron overload.",
    "People who take metformin for a long time can have lower vitamin B12 levels; ask your doctor "
    "about testing.",
    "Your doctor may prescribe iron if tests show low ferritin.",
    "Very high doses of B6 taken for a long time can cause nerve damage: stop taking this product "
    "and see your doctor if you feel tingling, burning or numbness in your hands or feet.",
    "Can I take magnesium with my other medicines? Ask your pharmacist: magnesium can interact "
    "with some antibiotics and bisphosphonates.",
    "Symptoms of iron deficiency, like tiredness, are common and have many causes: see your "
    "doctor rather than guessing.",
    # --- directions ------------------------------------------------------------------------
    "Adults: take 1 capsule daily with food, or as directed by your doctor.",
    "Use only as directed by your doctor.",
    "Directions: take one tablet a day with water. Do not exceed the stated dose.",
    "Take with food to reduce stomach upset.",
    "Take with food to reduce the chance of stomach upset, cramping or nausea.",
    "This 65 mg iron tablet is above the adult upper limit for iron. Use only as directed by your "
    "doctor, usually after a blood test shows you need it.",
    "Best taken at least 2 hours apart from tea, coffee or calcium.",
    "Best taken 2 hours apart from levodopa.",
    "Adults: take 2 capsules daily, in the evening, with a glass of water.",
    # --- structure/function and nutrient status -------------------------------------------
    "Supports normal muscle function*",
    "Supports normal nerve function*",
    "Supports healthy red blood cell formation*",
    "Supports healthy iron levels*",
    "Supports healthy sleep*",
    "Helps reduce occasional sleeplessness*",
    "Promotes relaxation and a sense of calm before bed*",
    "Supports normal energy metabolism*",
    "Supports the protection of cells from oxidative stress*",
    "Supports normal nervous system function*",
    "Helps maintain healthy iron stores in women with increased needs*",
    "Helps prevent nutrient shortfalls in a restricted diet.",
    "Symptoms of deficiency are rare in healthy adults.",
    "A treat for your daily routine.",
    "Treat yourself to a calmer evening routine.",
    "Iron is a part of hemoglobin, which carries oxygen in the blood.",
    "B6 helps the body make neurotransmitters.",
    "Folate has a role in normal cell division.",
    "Magnesium is involved in more than 300 enzyme reactions, including those of muscle "
    "contraction and relaxation.",
    "Vitamin C helps the body absorb iron from food.",
    "A gentle, chelated form of iron that is easy on the stomach.",
    "Magnesium bound to the amino acid glycine, a form that is well absorbed and less likely to "
    "upset the stomach than magnesium oxide.",
    "Restful evenings start with a calm routine.",
    "Keep your legs moving: a short evening walk is a simple habit many people enjoy.",
    "Supports muscle recovery after exercise.*",
    "Iron deficiency is common worldwide; a blood test is the only way to know your iron status.",
    "Our magnesium is third-party tested for purity and potency, and made in the USA in an "
    "FDA-registered, GMP-certified facility.",
    "Free from gluten, dairy and soy.",
    # --- titles, meta, captions, categories, Pins, link texts -----------------------------
    "Iron Bisglycinate 25 mg",
    "Magnesium Glycinate 120 mg | Restful Legs Vitamins",
    "Gentle iron bisglycinate: 25 mg of well-absorbed iron in a vegan capsule.",
    "Bottle of 60 magnesium glycinate capsules on a wooden table",
    "Minerals: iron and magnesium in gentle, well-absorbed forms.",
    "Combination Formulas: several nutrients in one daily serving.",
    "Magnesium glycinate: a gentle, well-absorbed form of an essential mineral. Pin it for your "
    "evening routine.",
    "Learn more: what research says about iron",
    "Learn more: what research says about magnesium",
    "<p>Vitamin B12 supports normal nerve function and red blood cell formation.*</p>",
    "<ul><li>Supports normal muscle function*</li><li>Supports healthy sleep*</li></ul>",
    "Our articles explain, with references, what research says about each nutrient.",
    "Ships Mon\u2013Wed from our warehouse; orders placed by noon leave the same day.",
    "Meta description: Gentle magnesium glycinate, 120 mg per capsule, for normal muscle and "
    "nerve function.* Free shipping over $50.",
    "Caption: a glass of water and two magnesium capsules on a bedside table.",
]
