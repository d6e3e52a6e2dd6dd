"""The disease-claim check for consumer-facing copy (DESIGN §5; FDA, 21 CFR 101.93(g)).

A dietary supplement may describe the normal structure or function of the body and nutrient
status ("Supports normal muscle function*", "Supports healthy iron levels*"). It may not claim,
expressly or by implication, to diagnose, treat, cure, mitigate or prevent a disease: by naming
the disease or its characteristic symptoms, by promising to fix a deficiency disease, by naming or
comparing itself with a drug, or by a claim verb aimed at a condition. On this store the product
range sits next to articles about RLS, so product copy may not name RLS at all.

How it works:

1. ``normalize`` turns what a reader sees into plain lower-case text: HTML tags stripped (their
   ``alt``/``title`` text kept), entities unescaped, NFKC, accents and zero-width/format characters
   (soft hyphens, zero-width spaces, joiners) removed, look-alike letters (Cyrillic, Greek, small
   capitals) mapped to Latin, every hyphen and dash folded to a space, letter-spaced words
   ("R.L.S.", "r e s t") joined, whitespace folded (line breaks kept: a line is a sentence).
2. A lexicon finds terms: RLS and its other names (with misspellings), its characteristic
   symptoms, other diseases, deficiency diseases, drugs and drug classes, and generic condition
   words ("cramps", "symptoms", "disease") that only matter when a claim is aimed at them. Long
   drug and disease names also match with one typo.
3. Rules decide what is a claim. RLS names, RLS symptoms and comparisons with a drug always are.
   Other diseases, deficiency diseases and drugs are, except inside a warning sentence ("If you
   have kidney disease, talk to your doctor before taking magnesium."). A claim verb (cures,
   treats, relieves, prevents, eases, reduces, fixes ... in all their forms) or an intended-use
   phrase ("for", "suffer from", "anti-", "-free", "relief") is a claim when it is aimed at a
   condition within a few words and not negated (the FDA statement "not intended to diagnose,
   treat, cure, or prevent any disease" passes).

Everything is the standard library; regexes are compiled once at import.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["FAMILIES", "ClaimFinding", "claim_message", "find_disease_claims", "normalize"]

FAMILIES = (
    "disease",
    "symptom",
    "other-disease",
    "deficiency-disease",
    "drug",
    "drug-comparison",
    "claim-verb",
)


@dataclass(frozen=True)
class ClaimFinding:
    phrase: str  # the words as they read in the normalised text, e.g. "restless legs"
    family: str  # one of FAMILIES
    why: str  # short plain-English reason, e.g. "names a disease"


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

_BLOCK_TAGS = (
    "address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|"
    "header|hr|li|main|nav|ol|option|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul"
)
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)", re.S)
_SCRIPT_RE = re.compile(r"<(script|style|template)\b[^>]*>.*?(?:</\1\s*>|$)", re.S | re.I)
_TAG_RE = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>")
_BLOCK_RE = re.compile(rf"(?:{_BLOCK_TAGS})", re.I)
_ATTR_TEXT_RE = re.compile(
    r"\b(?:alt|title|aria-label)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))", re.I
)
_LOOKS_LIKE_HTML = re.compile(r"<[a-zA-Z/!]|&#?\w+;")

# Look-alike letters NFKC leaves alone, to their Latin twins (Unicode confusables, abridged).
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i",
        "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "һ": "h", "ɡ": "g",
        "ь": "b", "з": "3", "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M",
        "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S",
        "І": "I", "Ї": "I", "Ј": "J", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I", "Һ": "H",
        # Greek
        "α": "a", "ο": "o", "ρ": "p", "ι": "i", "κ": "k", "ν": "v", "τ": "t", "υ": "u",
        "χ": "x", "ε": "e", "γ": "y", "η": "n", "ω": "w", "Α": "A", "Β": "B", "Ε": "E",
        "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
        "Τ": "T", "Υ": "Y", "Χ": "X",
        # Armenian
        "օ": "o", "ս": "u", "հ": "h", "ո": "n", "ց": "g", "զ": "q",
        # Latin variants and small capitals
        "ı": "i", "ȷ": "j", "ɩ": "i", "ǀ": "l", "ɑ": "a", "ʀ": "r", "ᴀ": "a", "ʙ": "b",
        "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j", "ᴋ": "k",
        "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u",
        "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
        "ø": "o", "Ø": "O", "ð": "d", "đ": "d", "ł": "l", "Ł": "L", "ß": "ss",
        # quotes and apostrophes
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u02bc": "'", "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"',
        "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        # invisible fillers that are letters, not format characters
        "\u115f": "", "\u1160": "", "\u3164": "", "\uffa0": "", "\u2800": "",
    }
)  # fmt: skip
# Hyphens, dashes, minus signs, underscores: all fold to a space ("restless-legs").
_DASHES_RE = re.compile(r"[\u002d\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d_~]")
# "R.L.S.", "r e s t l e s s", "r*l*s": three or more single letters with separators.
_SPACED_LETTERS_RE = re.compile(r"(?<![\w'])(?:[a-z][ .*\u00b7\u2022/]+){2,}[a-z](?![\w'])", re.I)
_SPACED_SEPARATORS_RE = re.compile(r"[ .*\u00b7\u2022/]+")
_SPACED_HINT_RE = re.compile(r"\b[a-zA-Z][ .*\u00b7\u2022/]+[a-zA-Z][ .*\u00b7\u2022/]+[a-zA-Z]\b")
_ASCII_FOLD = str.maketrans({"`": "'", "-": " ", "_": " ", "~": " "})


def _strip_html(text: str) -> str:
    """The text a reader sees: tags dropped (block tags end a line), alt/title text kept."""
    text = _COMMENT_RE.sub(" ", text)
    text = _SCRIPT_RE.sub("\n", text)
    text = re.sub(r"\s+", " ", text)  # in HTML a raw line break is only a space

    def tag(match: re.Match) -> str:
        attrs = match.group(2) or ""
        said = [next(v for v in m.groups() if v is not None) for m in _ATTR_TEXT_RE.finditer(attrs)]
        extra = "".join(f"\n{value}\n" for value in said)
        if _BLOCK_RE.fullmatch(match.group(1)):
            return "\n" + extra
        return extra

    return _TAG_RE.sub(tag, text)


def _unescape(text: str) -> str:
    for _ in range(3):  # "&amp;shy;" too
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    return text


def _fold(text: str) -> str:
    """Everything `normalize` does except lower-casing (acronyms like WED need the case)."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _LOOKS_LIKE_HTML.search(text):
        text = _unescape(_strip_html(text))
    if text.isascii():
        text = text.translate(_ASCII_FOLD)
    else:
        text = unicodedata.normalize("NFKC", text)
        # Drop format characters (soft hyphen, zero-width spaces and joiners, bidi controls) and
        # combining marks (accents, variation selectors), keeping the base letters.
        text = unicodedata.normalize("NFD", text)
        text = "".join(
            ch for ch in text if ch.isascii() or unicodedata.category(ch) not in ("Cf", "Mn", "Me")
        )
        text = unicodedata.normalize("NFC", text).translate(_CONFUSABLES)
        text = _DASHES_RE.sub(" ", unicodedata.normalize("NFKC", text))
    if _SPACED_HINT_RE.search(text):
        text = _SPACED_LETTERS_RE.sub(lambda m: _SPACED_SEPARATORS_RE.sub("", m.group(0)), text)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # keep offsets shared with the cased text
        lowered = "".join(ch.lower()[:1] or ch for ch in text)
    return lowered


def normalize(text: str) -> str:
    """Copy as plain, comparable text: HTML stripped and unescaped, NFKC, look-alike letters to
    Latin, zero-width characters and soft hyphens removed, hyphens/dashes and whitespace folded
    (a line break is kept as one "\\n"), letter-spaced words joined, lower-cased."""
    return _lower(_fold(text or ""))


# --------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------

_OPT_POSS = r"(?:(?:your|the|my|their|his|her|one's|both|his\s+or\s+her)\s+)?"
_LEG = r"(?:legs?|limbs|calf|calves|thighs)"

# Kinds of term, and how the rules treat them.
ALWAYS = "always"  # RLS and its symptoms: flagged wherever they appear
MENTION = "mention"  # other diseases, deficiency diseases, drugs: flagged outside warnings
TARGET = "target"  # generic condition words: flagged only when a claim is aimed at them
DRUGWORD = "drugword"  # "medication", "prescription": flagged only in a comparison

# (regex, kind, family, why); the earlier entry wins a tie between overlapping matches.
_TERMS: list[tuple[str, str, str, str]] = [
    # --- RLS itself: names, misspellings, other names -------------------------------------
    (
        r"\br+[e3]*s+t+\s?[l1]+[aeiouy3]*[s5]+\s?(?:[l1]+[e3]*g+(?:s|z)?|limbs?|arms?)\b"
        r"(?:\s+syndrome)?",
        ALWAYS,
        "disease",
        "names a disease (restless legs syndrome)",
    ),
    (r"\brestless(?:ness)?\s+" + _OPT_POSS + _LEG, ALWAYS, "disease", "names a disease (RLS)"),
    (r"\bleg\s+syndrome\b", ALWAYS, "disease", "names a disease (restless legs syndrome)"),
    (r"\brls", ALWAYS, "disease", "names a disease (RLS)"),
    (
        r"\b(?:w[iy]l+[iy]s\s?|wittmaa?c?k\s?)?[e3]kb[o0]h?m+\w*(?:\s+(?:disease|syndrome))?",
        ALWAYS,
        "disease",
        "names a disease (Willis-Ekbom disease, another name for RLS)",
    ),
    (r"\bplmd\b|\bplms\b", ALWAYS, "disease", "names a disease (periodic limb movement disorder)"),
    (
        r"\bperiodic\s+limb\s+movements?(?:\s+(?:disorder|of\s+sleep|in\s+sleep|during\s+sleep))?",
        ALWAYS,
        "symptom",
        "names a symptom of a disease (periodic limb movements, seen in RLS)",
    ),
    # --- RLS symptoms ---------------------------------------------------------------------
    (
        r"\b(?:urge|need|compulsion|impulse)\s+to\s+(?:move|stretch|kick|walk|shake|wiggle|"
        r"jiggle|get\s+up\s+and\s+move)(?:\s+" + _OPT_POSS + r"(?:legs?|limbs|feet|body))?",
        ALWAYS,
        "symptom",
        "describes a symptom of a disease (the urge to move, RLS)",
    ),
    (
        r"\b(?:twitchy|twitching|jumpy|jittery|fidgety|creepy|crawly|crawling|tingly|antsy|"
        r"jerky|jerking|kicking|wiggly|jumping|dancing|itchy|buzzing|fizzy|electric|unsettled|"
        r"agitated|uncomfortable|achy|aching|throbbing|nervous|wriggly|wriggling|busy|"
        r"cramping|cramped|crampy|irritable|painful|sore)\s+" + _LEG,
        ALWAYS,
        "symptom",
        "describes a symptom of a disease (RLS)",
    ),
    (r"\bcreepy\s?crawl\w*", ALWAYS, "symptom", "describes a symptom of a disease (RLS)"),
    (
        r"\b(?:crawling|creeping|pulling|electric|fizzing|itching|bugs?\s+crawling)\s+"
        r"(?:sensations?|feelings?)",
        ALWAYS,
        "symptom",
        "describes a symptom of a disease (RLS)",
    ),
    (
        r"\b(?:night|nighttime|night\s?time|nocturnal|evening|bedtime|nightly|overnight)\s+"
        r"(?:leg\s+|calf\s+|muscle\s+|foot\s+)?(?:cramps?|cramping|spasms?|twitch\w*|jerks?|"
        r"jerking|kicking|kicks|leg\s+movements?)",
        ALWAYS,
        "symptom",
        "describes a symptom of a disease (nocturnal leg cramps, RLS)",
    ),
    (
        r"\b(?:leg|calf|calves|thigh)\s+(?:muscle\s+)?(?:cramps?|cramping|spasms?|jerks?|"
        r"jerking|twitch\w*|kicks|kicking|jumps|discomfort|pains?|aches?|aching|movements?|"
        r"restlessness|tingling|numbness|crawling)",
        ALWAYS,
        "symptom",
        "describes a symptom of a disease (leg cramps, RLS)",
    ),
    (
        r"\b(?:cramps?|cramping|spasms?|twitch\w*|jerks?|jerking|kicking|discomfort|pains?|"
        r"aches?|aching|tingling|crawling|creeping|itching|itchiness|throbbing|pulling|burning|"
        r"restlessness|sensations?|feelings?|needles|numbness|jitters|fidgets)\s+(?:in|of)\s+"
        + _OPT_POSS
        + _LEG,
        ALWAYS,
        "symptom",
        "describes a symptom of a disease (RLS)",
    ),
    (
        r"\b(?:legs?|limbs)\s+(?:that\s+|which\s+)?(?:won't|will\s+not|can't|cannot|can\s+not|"
        r"don't|do\s+not|never|just\s+won't)\s+(?:keep|stay|sit|be|stop|settle|rest|relax|lie|"
        r"calm)\b",
        ALWAYS,
        "symptom",
        "describes a symptom of a disease (RLS)",
    ),
    (
        r"\b(?:legs?|limbs)\s+(?:that\s+|which\s+)?(?:feel|feels|are|is|get|gets|go|keep|start)"
        r"\s+(?:so\s+|all\s+|really\s+)?(?:restless|twitchy|jumpy|jittery|fidgety|crawly|tingly|"
        r"antsy|jerky|kicking|twitching|jerking|moving|jumping|crampy|cramping)",
        ALWAYS,
        "symptom",
        "describes a symptom of a disease (RLS)",
    ),
    (
        r"\b(?:legs?|limbs)\s+(?:keep|keeps|kept|keeping|wake|wakes|woke|waking)\s+(?:you|me|them|"
        r"him|her|us)\s+(?:up|awake)\b",
        ALWAYS,
        "symptom",
        "describes a symptom of a disease (RLS)",
    ),
    (
        r"\b(?:can't|cannot|can\s+not|unable\s+to|couldn't|hard\s+to)\s+keep\s+(?:your|my|their|"
        r"his|her)\s+legs\s+still",
        ALWAYS,
        "symptom",
        "describes a symptom of a disease (RLS)",
    ),
    (
        r"\blimb\s+movements?\s+(?:in|during|of)\s+sleep|\b(?:kick|kicking|jerk|jerking|twitch|"
        r"twitching)\s+(?:your|my|their|his|her)?\s*legs\s+(?:at\s+night|in\s+(?:your|my|their)?"
        r"\s*sleep|all\s+night)",
        ALWAYS,
        "symptom",
        "describes a symptom of a disease (periodic limb movements, RLS)",
    ),
    # --- other diseases -------------------------------------------------------------------
    (
        r"\b(?:peripheral\s+|diabetic\s+|small\s+fib(?:er|re)\s+|poly)?neuropath(?:y|ies|ic)\b"
        r"(?:\s+pain)?|\bpolyneuropath\w*|\bneuralgia\b|\bsciatica\b|\bnerve\s+damage\b|"
        r"\bdamaged\s+nerves\b",
        MENTION,
        "other-disease",
        "names a disease (neuropathy)",
    ),
    (
        r"\b(?:high|low|elevated|raised)\s+blood\s+pressure\b|\bhypertensi(?:on|ve)\b|"
        r"\bhypotension\b|\b(?:high|elevated|raised)\s+(?:cholesterol|blood\s+sugar|blood\s+"
        r"glucose|triglycerides)\b|\bhypercholesterol\w*",
        MENTION,
        "other-disease",
        "names a disease",
    ),
    (
        r"\binsomni(?:a|ac|acs)\b|\bsleep\s+(?:disorders?|apn(?:o|oe|e)a|disturbances?)\b|"
        r"\bnarcolepsy\b|\bsleeping\s+disorders?\b",
        MENTION,
        "other-disease",
        "names a disease (a sleep disorder)",
    ),
    (
        r"\b(?:clinical\s+|major\s+)?depression\b|\bdepressive\s+disorders?\b|\banxiety\b"
        r"(?:\s+disorders?)?|\bpanic\s+(?:attacks?|disorders?)\b|\bbipolar\b|\bschizophreni\w*|"
        r"\badhd\b|\battention\s+deficit\b|\bautism\b|\bptsd\b|\bocd\b",
        MENTION,
        "other-disease",
        "names a disease (a mental health condition)",
    ),
    (
        r"\b(?:pre\s?)?diabet(?:es|ic|ics)\b|\btype\s+[12]\s+diabetes\b|\binsulin\s+resistance\b",
        MENTION,
        "other-disease",
        "names a disease (diabetes)",
    ),
    (
        r"\b(?:osteo|rheumatoid\s+)?arthritis\b|\bosteoporosis\b|\bosteopenia\b|\bgout\b|"
        r"\bfibromyalgia\b|\blupus\b|\bmuscular\s+dystrophy\b",
        MENTION,
        "other-disease",
        "names a disease",
    ),
    (
        r"\bparkinson'?s?\b(?:\s+disease)?|\balzheimer'?s?\b(?:\s+disease)?|\bdementia\b|"
        r"\bmultiple\s+sclerosis\b|\bhuntington'?s?\s+disease\b|\bepilep\w*|\bseizures?\b|"
        r"\bconvulsions?\b|\bmigraines?\b|\bstrokes?\b",
        MENTION,
        "other-disease",
        "names a disease (a neurological condition)",
    ),
    (
        r"\bcancers?\b|\btumou?rs?\b|\bleuka?emia\b|\bheart\s+(?:disease|failure|attacks?)\b|"
        r"\bcardiovascular\s+disease\b|\bcoronary\b|\batheroscleros\w*|\barrhythmi\w*|"
        r"\bpalpitations\b|\bangina\b",
        MENTION,
        "other-disease",
        "names a disease",
    ),
    (
        r"\b(?:chronic\s+)?kidney\s+(?:disease|failure|stones?)\b|\brenal\s+(?:disease|failure|"
        r"insufficiency)\b|\bend\s+stage\s+renal\b|\bdialysis\b|\bckd\b|\bura?emi(?:a|c)\b|"
        r"\bliver\s+disease\b|\bcirrhosis\b|\bhepatitis\b|\b(?:hypo|hyper)thyroid\w*|"
        r"\bthyroid\s+disease\b|\bha?emochromatosis\b|\biron\s+overload\b",
        MENTION,
        "other-disease",
        "names a disease",
    ),
    (
        r"\bchronic\s+fatigue(?:\s+syndrome)?\b|\bmyalgic\s+encephalomyelitis\b|\bme\s+cfs\b|"
        r"\bvaricose\s+veins?\b|\b(?:deep\s+vein\s+)?thrombosis\b|\bdvt\b|\bperipheral\s+"
        r"arter(?:y|ial)\s+disease\b|\bpoor\s+circulation\b|\bclaudication\b|\basthma\b|"
        r"\beczema\b|\bpsoriasis\b|\bcrohn'?s\b|\bcolitis\b|\birritable\s+bowel\b|\bibs\b|"
        r"\bobesity\b|\balcoholism\b|\bneural\s+tube\s+defects?\b|\bbirth\s+defects?\b|"
        r"\bspina\s+bifida\b|\bcommon\s+colds?\b|\bcolds?\s+and\s+flu\b|\bflu\b|"
        r"\binfluenza\b|\bcovid\w*|\bcoronavirus\b",
        MENTION,
        "other-disease",
        "names a disease",
    ),
    # --- deficiency diseases --------------------------------------------------------------
    (
        r"\b(?:(?:iron|pernicious|megaloblastic|macrocytic|microcytic|b12|folate)\s+"
        r"(?:deficiency\s+)?)?an(?:a|ae|e)mi(?:a|as|c)\b|\biron\s+poor\s+blood\b|"
        r"\btired\s+blood\b|\bscurvy\b|\bpellagra\b|\bberi\s?beri\b|\brickets\b|"
        r"\bosteomalacia\b|\bhypomagnes(?:a|ae|e)mi(?:a|c)\b|\bhypoferritin(?:a|ae|e)mi(?:a|c)\b|"
        r"\bsideropeni(?:a|c)\b|\bhypokal(?:a|ae|e)mi(?:a|c)\b",
        MENTION,
        "deficiency-disease",
        "names a deficiency disease",
    ),
    (
        r"\b(?:iron|b\s?12|b\s?6|magnesium|folate|folic\s+acid|vitamin\s+[a-z0-9]{1,3}|thiamine?|"
        r"zinc|nutrient|vitamin|mineral)\s+deficient\b|\bdeficient\s+in\s+(?:iron|b\s?12|b\s?6|"
        r"magnesium|folate|folic\s+acid|vitamin\s+[a-z0-9]{1,3}|thiamine?|zinc)\b|"
        r"\b(?:iron|ferritin|b\s?12|magnesium|folate|hemoglobin|haemoglobin)(?:\s+(?:levels?|"
        r"stores|status))?\s+(?:is|are|runs?|running|being|gets?|got)\s+(?:too\s+|very\s+)?"
        r"(?:low|depleted)\b|\blow\s+(?:in|on)\s+(?:iron|b\s?12|magnesium|folate)\b|"
        r"\blow\s+(?:ferritin|iron|b\s?12|hemoglobin|haemoglobin|blood\s+counts?)\b(?!\s+(?:"
        r"absorption|intake|diets?|foods?|content|doses?|strength))|"
        r"\b(?:iron|ferritin|b\s?12|magnesium|folate)\b[^.;!?\n]{0,30}?\b(?:if|when|once)\s+"
        r"(?:it's|it\s+is|its|they're|they\s+are|yours\s+is)\s+(?:too\s+|very\s+)?low\b",
        MENTION,
        "deficiency-disease",
        "describes a deficiency as the reason to take the product",
    ),
    (
        r"\b(?:(?:iron|magnesium|folate|folic\s+acid|b\s?12|b\s?6|b\s?1|vitamin\s+[a-z0-9]{1,3}|"
        r"thiamine?|zinc|nutrient|nutritional|vitamin|mineral|dietary)\s+)?deficienc(?:y|ies)\b|"
        r"\blow\s+(?:ferritin|iron|b\s?12|magnesium|folate|hemoglobin|haemoglobin|blood\s+"
        r"counts?)(?:\s+(?:levels?|stores|status|counts?))?\b|\bdepleted\s+(?:iron|ferritin)"
        r"(?:\s+stores)?\b|\biron\s+stores\s+depleted\b",
        TARGET,
        "deficiency-disease",
        "claims to fix a deficiency disease",
    ),
    # --- drugs and drug classes -----------------------------------------------------------
    (
        r"\b(?:pramipexole|ropinirole|rotigotine|levodopa|l\s?dopa|carbidopa|gabapentin\w*|"
        r"enacarbil|pregabalin|clonazepam|diazepam|lorazepam|alprazolam|temazepam|zolpidem|"
        r"oxycodone|hydrocodone|methadone|tramadol|codeine|morphine|buprenorphine|cabergoline|"
        r"pergolide|apomorphine|amantadine|quinine|carboxymaltose|injectafer|mirapex(?:in)?|requip|"
        r"neupro|sinemet|madopar|neurontin|horizant|lyrica|klonopin|valium|xanax|ativan|ambien|"
        r"restoril|metformin|levothyroxine|synthroid|warfarin|coumadin|ibuprofen|advil|motrin|"
        r"acetaminophen|paracetamol|tylenol|naproxen|aleve|aspirin|melatonin\s+drugs?)\b",
        MENTION,
        "drug",
        "names a prescription drug",
    ),
    (
        r"\bdopamine\s+agonists?\b|\bdopaminergic\s+(?:drugs?|medications?|agents?|therapy)\b|"
        r"\balpha\s?2\s?delta\s+ligands?\b|\banti\s?convulsants?\b|\banti\s?epileptics?\b|"
        r"\banti\s?seizure\s+(?:drugs?|medications?)\b|\bbenzodiazepines?\b|\bbenzos\b|"
        r"\bopioids?\b|\bopiates?\b|\bsedatives?\b|\btranquill?i[sz]ers?\b|\bhypnotics\b|"
        r"\bmuscle\s+relaxants?\b|\banti\s?depressants?\b|\bssris?\b|\banti\s?histamines?\b|"
        r"\banti\s?psychotics?\b|\bblood\s+thinners?\b|\banti\s?coagulants?\b|\bstatins?\b|"
        r"\bbeta\s+blockers?\b|\bace\s+inhibitors?\b|\bsleeping\s+(?:pills?|tablets?)\b|"
        r"\bsleep(?:ing)?\s+(?:medications?|meds|drugs?)\b|\bpain\s?killers?\b|"
        r"\bpain\s+(?:relievers?|medications?|meds)\b|\biron\s+(?:infusions?|injections?|"
        r"transfusions?)\b|\b(?:iv|intravenous)\s+iron\b|\bthyroid\s+(?:medications?|medicines?|"
        r"hormones?)\b|\bblood\s+pressure\s+(?:medications?|medicines?|pills?|tablets?)\b",
        MENTION,
        "drug",
        "names a class of medicines",
    ),
    (
        r"\b(?:drugs?|medications?|medicines?|meds|pharmaceuticals?|prescriptions?|rx|pills?|"
        r"infusions?|injections?)\b",
        DRUGWORD,
        "drug",
        "a medicine",
    ),
    # --- generic condition words (only with a claim aimed at them) ------------------------
    (
        r"\b(?:diseases?|illness(?:es)?|sickness(?:es)?|ailments?|disorders?|syndromes?|"
        r"conditions?(?!\s+of\b)|symptoms?|infections?|health\s+(?:problems?|issues?)|"
        r"medical\s+problems?)\b",
        TARGET,
        "other-disease",
        "a condition",
    ),
    (
        r"\b(?:nerve\s+(?:pain|problems?)|pains?|aches?|aching|cramps?|cramping|spasms?|"
        r"twitch(?:es|ing)|jerks|jerking|tingling|numbness|burning\s+(?:sensations?|feet|"
        r"feelings?)|pins\s+and\s+needles|itching|fatigue|tiredness|exhaustion|weakness|"
        r"headaches?|swelling|oedema|edema|inflammation|inflammatory|blood\s+pressure|"
        r"cholesterol|blood\s+sugar|blood\s+glucose)\b",
        TARGET,
        "symptom",
        "a symptom",
    ),
    (r"\b(?:legs?|limbs)\b", TARGET, "symptom", "legs"),
]

# Case matters for these: "WED" is RLS, "wed" is a weekday; "PLM" is periodic limb movements.
_ACRONYM_RE = re.compile(r"\b(?:WED|PLMs?|RLS)\b")
_ACRONYM_WHY = {
    "wed": ("disease", "names a disease (Willis-Ekbom disease, another name for RLS)"),
    "plm": ("symptom", "names a symptom of a disease (periodic limb movements, seen in RLS)"),
    "plms": ("symptom", "names a symptom of a disease (periodic limb movements, seen in RLS)"),
    "rls": ("disease", "names a disease (RLS)"),
}

# Long, distinctive names also match with one typo ("pramipexol", "neuropaty", "gabapentine").
_FUZZY_TERMS = {
    **{
        name: ("drug", "names a prescription drug")
        for name in (
            "pramipexole ropinirole rotigotine levodopa carbidopa gabapentin pregabalin "
            "clonazepam oxycodone methadone tramadol cabergoline apomorphine mirapex mirapexin "
            "neurontin horizant sinemet klonopin levothyroxine warfarin ibuprofen "
            "acetaminophen benzodiazepine benzodiazepines antidepressant antidepressants "
            "anticonvulsant anticonvulsants"
        ).split()
    },
    **{
        name: ("other-disease", "names a disease")
        for name in (
            "neuropathy insomnia diabetes arthritis osteoporosis fibromyalgia parkinsons "
            "parkinson alzheimers alzheimer hypertension depression dementia sciatica neuralgia "
            "epilepsy narcolepsy polyneuropathy"
        ).split()
    },
    **{
        name: ("deficiency-disease", "names a deficiency disease")
        for name in "anaemia hemochromatosis haemochromatosis".split()
    },
}
_FUZZY_INDEX: dict[str, set[str]] = {}
for _name in _FUZZY_TERMS:
    for _i in range(len(_name)):
        _FUZZY_INDEX.setdefault(_name[:_i] + _name[_i + 1 :], set()).add(_name)
_FUZZY_TOKEN_RE = re.compile(r"\b[a-z]{6,}\b")


def _osa_distance(a: str, b: str) -> int:
    """Edit distance counting an adjacent swap as one edit (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=8192)
def _fuzzy(token: str) -> str | None:
    """The lexicon name `token` misspells by one edit, if any."""
    if token in _FUZZY_TERMS:
        return None  # spelled right: the regexes have it
    candidates = set(_FUZZY_INDEX.get(token, ()))
    for i in range(len(token)):
        deleted = token[:i] + token[i + 1 :]
        if deleted in _FUZZY_TERMS:
            candidates.add(deleted)
        candidates |= _FUZZY_INDEX.get(deleted, set())
    for name in sorted(candidates):
        if abs(len(name) - len(token)) <= 1 and _osa_distance(token, name) <= 1:
            return name
    return None


# --------------------------------------------------------------------------------------------
# Claim verbs, intended-use phrases, drug comparisons
# --------------------------------------------------------------------------------------------

# (regex for the verb in all its forms, what the product is said to do)
_VERBS = [
    (r"cur(?:e|es|ed|ing|ative)", "cures"),
    (r"treat(?:s|ed|ing|ment|ments)?", "treats"),
    (r"heal(?:s|ed|ing|er)?", "heals"),
    (r"reliev(?:e|es|ed|ing|er|ers)|relief", "relieves"),
    (r"alleviat(?:e|es|ed|ing|ion)", "alleviates"),
    (r"prevent(?:s|ed|ing|ion|ive|ative)?", "prevents"),
    (r"avoid(?:s|ed|ing)?", "prevents"),
    (r"eas(?:e|es|ed|ing)", "eases"),
    (r"sooth(?:e|es|ed|ing)", "soothes"),
    (r"eliminat(?:e|es|ed|ing|ion)", "eliminates"),
    (r"stop(?:s|ped|ping)?|halt(?:s|ed|ing)?", "stops"),
    (r"put(?:s|ting)?\s+an\s+end\s+to|an\s+end\s+to", "ends"),
    (r"fight(?:s|ing|er|ers)?|fought|combat(?:s|ed|ing|ted|ting|ive)?", "fights"),
    (r"reduc(?:e|es|ed|ing|tion)|lessen(?:s|ed|ing)?|diminish(?:es|ed|ing)?", "reduces"),
    (r"minimi[sz](?:e|es|ed|ing)|mitigat(?:e|es|ed|ing|ion)", "reduces"),
    (
        r"lower(?:s|ed|ing)?(?!\s+(?:legs?|limbs?|back|body|calf|calves|abdomen|doses?|amounts?|"
        r"strength|potency|price))",
        "lowers",
    ),
    (r"remed(?:y|ies|ied|ying)", "remedies"),
    (r"revers(?:e|es|ed|ing|al)", "reverses"),
    (r"fix(?:es|ed|ing)?|correct(?:s|ed|ing|ion)?|repair(?:s|ed|ing)?", "fixes"),
    (r"beat(?:s|ing)?|banish(?:es|ed|ing)?|conquer(?:s|ed|ing)?|defeat(?:s|ed|ing)?", "beats"),
    (r"overcom(?:e|es|ing)|overcame|tackl(?:e|es|ed|ing)|resolv(?:e|es|ed|ing)", "overcomes"),
    (r"counteract(?:s|ed|ing)?|suppress(?:es|ed|ing)?", "stops"),
    (r"block(?:s|ed|ing)?|kill(?:s|ed|ing)?", "stops"),
    (r"calm(?:s|ed|ing)?|quiet(?:s|ed|ing|en|ens|ened)?|settl(?:e|es|ed|ing)|tam(?:e|es|ed|ing)",
     "calms"),
    (r"relax(?:es|ed|ing)?", "relaxes"),
    (r"restor(?:e|es|ed|ing)|improv(?:e|es|ed|ing|ement)", "improves"),
    (r"manag(?:e|es|ed|ing|ement)|control(?:s|led|ling)?|regulat(?:e|es|ed|ing)", "controls"),
    (r"(?:protect(?:s|ed|ing|ion)?|guard(?:s|ed|ing)?|defend(?:s|ed|ing)?)\s+against",
     "protects against"),
    (r"get(?:s|ting)?\s+rid\s+of|rid(?:s)?\s+(?:you|yourself)\s+of", "gets rid of"),
    (r"(?:say(?:s|ing)?\s+)?(?:goodbye|good\s+bye|bye\s+bye|farewell)\s+to|no\s+more|"
     r"never\s+again|no\s+longer\s+(?:suffer\s+from|have|put\s+up\s+with)", "ends"),
    (r"(?:free(?:s|d|dom)?|relief)\s+(?:you\s+)?from", "frees you from"),
    (r"help(?:s|ed|ing)?\s+(?:with|against)|work(?:s|ed|ing)?\s+(?:for|against|on)|"
     r"effective\s+(?:for|against|in)|recover(?:y|ing)?\s+from", "works on"),
    (r"(?:the\s+|an?\s+)?(?:answer|solution|antidote|key|fix)\s+(?:to|for)", "fixes"),
    (r"ward(?:s|ed|ing)?\s+off|stav(?:e|es|ed|ing)\s+off|keep(?:s|ing)?", "prevents"),
    (r"boost(?:s|ed|ing)?|rais(?:e|es|ed|ing)|replenish(?:es|ed|ing)?|build(?:s|ing)?\s+up|"
     r"top(?:s|ping)?\s+up", "fixes"),
]  # fmt: skip
_DEFICIENCY_ONLY_VERBS = {len(_VERBS) - 1}  # "boosts low ferritin" yes, "boosts energy" no
_KEEP_VERB = len(_VERBS) - 2  # "keeps cramps at bay", "keeps leg cramps away"
_AWAY_RE = re.compile(r"\s+(?:at\s+bay|away|under\s+control)\b")
_LEG_VERB_RE = re.compile(r"sooth|calm|quiet|settl|relax|reliev|relief|eas|cur|treat|heal|stop|tam")

# A claim verb reaches at most this many words to its condition, within one clause.
_VERB_REACH = 5
_GAP_TOKEN_RE = re.compile(r"[\w']+")
_GAP_BREAK_RE = re.compile(r"[.;!?()\[\]\n\"]")
_GAP_NEW_CLAUSE_RE = re.compile(r",\s*(?:and|or|but|so|then|while|yet|which|who)\b")
_GAP_STOP_WORDS = frozenset(
    "if when whenever unless before after because since while until then so but though although "
    "take takes taking taken use uses using used see ask call consult talk contact speak keep "
    "avoid discontinue stomach tummy digestive gastric gut bowel intestinal abdominal upset "
    "nausea constipation product supplement tablet tablets capsule capsules dose doses".split()
)
# In an intended-use phrase ("for people with nighttime cramps") only these words may sit
# between the trigger and the condition.
_USE_FILLERS = frozenset(
    "the your my their his her a an any all some these those this that its nighttime night "
    "nightly occasional chronic mild severe frequent annoying uncomfortable painful persistent "
    "troublesome common bad terrible constant recurring recurrent daily muscle muscular people "
    "anyone adults women men patients sufferers individuals folks seniors athletes with who have "
    "has suffer suffers suffering from get gets experience living prone to of symptoms signs "
    "pregnant older elderly dealing struggling frequent night-time joint body nerve".split()
)
_USE_REACH = 5
_USE_PATTERN = (
    r"\b(?:for|suffer(?:s|ed|ing|ers?)?(?:\s+(?:from|with))?|sufferers?\s+of|struggl\w*\s+with|"
    r"liv(?:e|es|ing)\s+with|battl(?:e|es|ing)(?:\s+with)?|deal(?:s|ing|t)?\s+with|"
    r"plagued\s+by|troubled\s+by|bothered\s+by|prone\s+to|affected\s+by|"
    r"(?:if|when|whenever)\s+you\s+(?:have|get|feel|experience|suffer\s+from)|"
    r"(?:people|those|anyone|adults|women|men|patients|individuals|folks)\s+(?:with|who\s+"
    r"(?:have|get|experience|suffer\s+from)))\b"
)
# "cramp relief", "pain-free", "fatigue fighter", "symptom sufferers"; "anti-cramp"
_SUFFIX_RE = re.compile(
    r"\s?(?:free|relief|remed(?:y|ies)|treatments?|cures?|prevention|fighters?|fighting|"
    r"busters?|busting|killers?|killing|blockers?|blocking|relievers?|relieving|reducing|"
    r"soothers?|soothing|easing|beating|erasers?|formula|blend|aid|defen[cs]e|sufferers?)\b"
)
_ANTI_RE = re.compile(r"\banti\s?$")

# Comparisons with a drug: "works like pramipexole", "an alternative to gabapentin",
# "a natural dopamine agonist", "without a prescription", "drug-free".
_COMPARE_PATTERN = (
    r"\b(?:alternatives?\s+to|instead\s+of|in\s+place\s+of|rather\s+than|"
    r"replac(?:e|es|ed|ing|ement|ements)(?:\s+for)?|substitut(?:e|es|ed|ing)(?:\s+for)?|"
    r"swap(?:s|ped|ping)?|switch(?:es|ed|ing)?\s+(?:from|off)|without|no\s+need\s+for|ditch|"
    r"skip|quit|get\s+off|come\s+off|wean(?:\s+(?:yourself|you))?\s+off|"
    r"cut\s+(?:back|down)\s+on|reduc\w+\s+(?:your\s+|the\s+)?(?:need|reliance|dependence)\s+(?:for|on)|"
    r"stop(?:s|ped|ping)?\s+(?:taking|using|needing)|"
    r"(?:works?|worked|working|acts?|acting|functions?|behaves?|performs?)\s+(?:just\s+)?"
    r"(?:like|as)|just\s+like|much\s+like|similar\s+to|same\s+as|"
    r"as\s+(?:effective|good|strong|powerful|potent|well)\s+as|"
    r"(?:better|stronger|safer|gentler|more\s+effective|faster)\s+than|outperform\w*|rival\w*|"
    r"equivalent\s+to|comparable\s+to|mimic\w*|natural|nature's|herbal|plant\s+based|"
    r"compared\s+(?:to|with)|versus|vs|beats?|unlike|over\s+the\s+counter|non\s+prescription|"
    r"like|no)\b"
)
_COMPARE_FILLERS = frozenset(
    "a an the your my their prescription prescribed harsh strong expensive synthetic "
    "pharmaceutical conventional traditional usual daily nightly regular standard popular "
    "common other costly addictive habit forming side effects of with taking using on all those "
    "these any some many most risky nasty heavy doctor's".split()
)
_COMPARE_REACH = 5
# "like a dopamine agonist", "natural pramipexole", "no drugs": only an article in between.
_SHORT_COMPARE_TRIGGERS = frozenset(("like", "no", "natural", "herbal", "vs"))
_ARTICLES = frozenset(("a", "an", "the"))
_COMPARE_SUFFIX_RE = re.compile(
    r"\s?(?:like|alternatives?|substitutes?|replacements?|free|strength|equivalents?|grade\s+"
    r"relief|without\s+(?:the\s+|its\s+|their\s+|any\s+)?(?:side\s+effects|risks?|"
    r"prescription|augmentation|drowsiness|grogginess|hangover))\b"
)
_STANDALONE_COMPARE_PATTERN = (
    r"\bno\s+prescription\s+(?:needed|required|necessary)\b|\bprescription\s+strength\b|"
    r"\bnature's\s+(?:own\s+)?(?:sleeping\s+pill|sedative|valium|xanax|prozac|painkiller|"
    r"medicine|drug|pharmacy)\b|\bdrug\s+free\b|\bmedication\s+free\b|\bpill\s+free\b"
)

# --------------------------------------------------------------------------------------------
# Context: warnings, negation, who is doing the treating
# --------------------------------------------------------------------------------------------

_HEALTH_PRO = (
    r"(?:doctor|physician|pharmacist|gp|clinician|dietitian|nurse|midwife|"
    r"health\s*care\s+(?:provider|professional|practitioner)|health\s+(?:professional|"
    r"practitioner|provider)|medical\s+(?:doctor|professional|practitioner|provider)|"
    r"poison\s+control(?:\s+cent(?:er|re))?)"
)
_WARNING_PATTERN = (
    r"\b(?:warning|caution|precautions?)\s*:|"
    r"\b(?:ask|talk\s+(?:to|with)|speak\s+(?:to|with)|consult(?:ing)?|check\s+with|see|tell|"
    r"contact|call|inform|seek\s+(?:advice|help)\s+from|visit)\s+(?:with\s+)?(?:your|a|the)\s+"
    r"(?:own\s+)?" + _HEALTH_PRO + r"|"
    r"\b(?:as\s+(?:directed|advised|recommended|prescribed)|unless\s+(?:advised|directed|"
    r"recommended|prescribed)|under\s+(?:the\s+)?(?:care|supervision|direction|guidance|advice))"
    r"\s+(?:by|of)\s+(?:your|a)\s+" + _HEALTH_PRO + r"|"
    r"\b(?:your|a|the)\s+" + _HEALTH_PRO + r"'s\s+(?:advice|instructions|directions|guidance|"
    r"recommendations?)|"
    r"\b(?:your|a)\s+" + _HEALTH_PRO + r"\s+(?:has|have|may|can|will|should|might|would)\s+"
    r"(?:\w+\s+)?(?:advised?|recommend(?:ed)?|prescribed?|check(?:ed)?|test(?:ed)?|suggest(?:ed)?|"
    r"tell|told|want|decide|measure|order)|"
    r"\b(?:do\s+not|don't|never|must\s+not|should\s+not)\s+(?:take|use|exceed|give|combine|"
    r"stop|start|double|crush|chew)\b|"
    r"\bnot\s+(?:for\s+use|intended\s+for|to\s+be\s+(?:taken|used|given)|suitable|recommended|"
    r"advised|for\s+(?:people|those|anyone|children|adults))\b|"
    r"\bavoid\s+(?:taking|using|use|combining|if)\b|\bdiscontinue\b|\bstop\s+(?:use|using|taking)\b|"
    r"\bkeep\s+(?:out\s+of|away\s+from)\b|"
    r"\b(?:may|can|could|might|will)\s+(?:\w+\s+)?(?:interact|interfere|cause|mask|harm|worsen|"
    r"increase\s+(?:the\s+|your\s+)?risk|reduce\s+the\s+absorption|raise\s+the\s+risk|"
    r"be\s+harmful|be\s+dangerous|hide)\b|"
    r"\binteract\w*|\binteraction\w*|\babsorption\b|\bhours?\s+apart\b|\bapart\s+from\b|"
    r"\boverdose\b|\bpoison\w*|\bmedical\s+(?:advice|supervision|attention)\b"
)
# A sentence selling the product is not a warning, whatever else it says.
_NOT_A_WARNING_PATTERN = (
    r"\b(?:try\s+(?:our|this|it|these|them)|ideal|perfect|great\s+(?:for|if|when)|"
    r"best\s+(?:for|way)|(?<!not\s)recommended\s+for|about\s+(?:our|this|these)|"
    r"our\s+\w+\s+(?:is|are|can|will)\s+(?:help|work))\b"
)
# A sentence ends at a line break or at . ! ? followed by a space (not "e.g. ", "i.e. ").
_SENTENCE_END_RE = re.compile(r"\n|(?<!\be\.g)(?<!\bi\.e)[.!?]+(?=[\s\"')\]]|$)")
_CLAUSE_CUT_RE = re.compile(r".*(?:[;:.!?\n]|\bbut\b|\bso\b|\balthough\b|\bhowever\b)", re.S)
# A negation excuses a claim word only through words like these: "is not intended to diagnose,
# treat, cure, or prevent", "is not a substitute for", "does not replace", "do not stop taking".
_NEGATION_RE = re.compile(
    r"\b(?:not|nor|cannot)\b|n't\b|\bnever(?=\s+(?:use|replace|stop|substitute|take|change|"
    r"reduce|swap)\b)|\bno(?=\s+(?:substitute|replacement|cure|treatment)\b)"
)
_NEGATION_FILLERS = frozenset(
    "intended meant designed made able used use to be been being a an the any claimed approved "
    "proven shown evaluated known substitute substitutes replacement replacements for this these "
    "product products supplement supplements it they is are does do should will can may must "
    "yet diagnose diagnosed treat cure prevent mitigate or nor and self stop change replace "
    "swap take taking your treatment treatments cure cures remedy remedies medicine medicines "
    "medication drug".split()
)
_DOCTOR_SUBJECT_RE = re.compile(
    r"\b(?:your|a|the|their)\s+" + _HEALTH_PRO + r"\s+(?:may|can|will|might|could|should|would|"
    r"is|are|has|had)(?:\s+(?:be|been|able\s+to|want\s+to|need\s+to|decide\s+to|choose\s+to|"
    r"also|first|then))*\s*$"
)
_PASSIVE_RE = re.compile(
    r"\b(?:are|is|was|were|be|been|being|get|getting|got)\s+(?:currently\s+|already\s+|"
    r"being\s+|now\s+)?$"
)
_TREATMENT_NOUN_RE = re.compile(
    r"\b(?:your|under|receiving|having|undergoing|any|medical|ongoing|current|prescribed|on|in|"
    r"for|other|a)\s+(?:\w+\s+)?$"
)

# Fixed wordings that are lawful whatever words they contain (masked before the check).
_LAWFUL_RE = re.compile(
    r"\b(?:this|these)\s+statements?\s+ha(?:s|ve)\s+not\s+been\s+evaluated\s+by\s+the\s+"
    r"(?:food\s+and\s+drug\s+administration|fda)\b|"
    r"\b(?:this|the)\s+product\s+is\s+not\s+intended\s+to\s+diagnose,?\s+treat,?\s+cure,?\s+"
    r"(?:(?:or\s+|and\s+)?mitigate,?\s+)?(?:or\s+|and\s+)?prevent\s+any\s+diseases?\b|"
    r"\bfood\s+and\s+drug\s+administration\b"
)


class _Patterns:
    """Every pattern of the check, compiled once."""

    def __init__(self, patterns: list[str]):
        self.regexes = [re.compile(pattern) for pattern in patterns]

    def matches(self, text: str) -> list[tuple[int, re.Match]]:
        """(pattern number, match) for every non-empty match of every pattern in `text`."""
        return [
            (number, match)
            for number, regex in enumerate(self.regexes)
            for match in regex.finditer(text)
            if match.end() > match.start()
        ]


# Every pattern of the check.
_TERM, _VERB, _USE, _COMPARE, _STANDALONE, _WARNING, _NOT_A_WARNING = range(7)
_PATTERNS: list[tuple[int, int, str]] = [
    *((_TERM, rank, pattern) for rank, (pattern, *_) in enumerate(_TERMS)),
    *((_VERB, number, rf"\b(?:{pattern})\b") for number, (pattern, _) in enumerate(_VERBS)),
    (_USE, 0, _USE_PATTERN),
    (_COMPARE, 0, _COMPARE_PATTERN),
    (_STANDALONE, 0, _STANDALONE_COMPARE_PATTERN),
    (_WARNING, 0, _WARNING_PATTERN),
    (_NOT_A_WARNING, 0, _NOT_A_WARNING_PATTERN),
]
_COMPILED = _Patterns([pattern for *_, pattern in _PATTERNS])


# --------------------------------------------------------------------------------------------
# The check
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    kind: str
    family: str
    why: str
    rank: int


def _term_hits(text: str, cased: str, matches: list[tuple[int, re.Match]]) -> list[_Hit]:
    found: list[_Hit] = []
    for rank, match in matches:
        _, kind, family, why = _TERMS[rank]
        found.append(_Hit(match.start(), match.end(), kind, family, why, rank))
    if cased and len(cased) == len(text) and ("WED" in cased or "PLM" in cased):
        for match in _ACRONYM_RE.finditer(cased):
            family, why = _ACRONYM_WHY[match.group(0).lower()]
            found.append(_Hit(match.start(), match.end(), ALWAYS, family, why, -1))
    # Longest match wins an overlap ("leg cramps" over "cramps"); then the earlier entry.
    found.sort(key=lambda h: (-(h.end - h.start), h.rank, h.start))
    kept: list[_Hit] = []
    for hit in found:
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    misspelt = {token for token in _FUZZY_TOKEN_RE.findall(text) if _fuzzy(token)}
    for match in _FUZZY_TOKEN_RE.finditer(text) if misspelt else ():
        start, end = match.span()
        if match.group(0) not in misspelt or any(start < k.end and end > k.start for k in kept):
            continue
        name = _fuzzy(match.group(0))
        family, why = _FUZZY_TERMS[name]
        kept.append(_Hit(start, end, MENTION, family, f"{why} ({name}, misspelled)", 50))
    kept.sort(key=lambda h: h.start)
    return kept


class _Sentences:
    """The sentences of a text, and which of them are warnings."""

    def __init__(self, text: str, warnings: list[int], selling: list[int]):
        self.text = text
        self._ends: list[int] | None = None
        self.warnings = warnings  # where a warning marker starts ("ask your doctor")
        self.selling = selling  # where a sales phrase starts ("try", "ideal")

    def at(self, pos: int) -> tuple[int, int, bool]:
        """(start, end, is_warning) of the sentence holding `pos`."""
        if self._ends is None:
            self._ends = [m.end() for m in _SENTENCE_END_RE.finditer(self.text)]
            self._ends.append(len(self.text))
        start = 0
        end = len(self.text)
        for sentence_end in self._ends:
            if pos < sentence_end:
                end = sentence_end
                break
            start = sentence_end
        warning = any(start <= w < end for w in self.warnings) and not any(
            start <= s < end for s in self.selling
        )
        return start, end, warning


def _clause_before(text: str, sentence_start: int, pos: int) -> str:
    before = text[sentence_start:pos]
    cut = _CLAUSE_CUT_RE.match(before)
    return before[cut.end() :] if cut else before


def _negated(text: str, sentence_start: int, pos: int) -> bool:
    """Whether the claim word at `pos` is negated ("not intended to ... treat")."""
    before = _clause_before(text, sentence_start, pos)
    for match in _NEGATION_RE.finditer(before):
        words = _GAP_TOKEN_RE.findall(before[match.end() :])
        if len(words) <= 8 and all(word in _NEGATION_FILLERS for word in words):
            return True
    return False


def _gap_words(gap: str, reach: int, allowed: frozenset[str] | None) -> bool:
    """Whether `gap` (the text between a trigger and a term) keeps them in one short phrase."""
    if _GAP_BREAK_RE.search(gap) or _GAP_NEW_CLAUSE_RE.search(gap):
        return False
    words = _GAP_TOKEN_RE.findall(gap)
    if len(words) > reach:
        return False
    if allowed is not None:
        return all(word in allowed for word in words)
    return not any(word in _GAP_STOP_WORDS for word in words)


def _next_hit(hits: list[_Hit], pos: int, kinds: tuple[str, ...], drugs: bool) -> _Hit | None:
    """The first term at or after `pos` of one of `kinds`: drugs or else conditions."""
    for hit in hits:
        if hit.start >= pos and hit.kind in kinds and (hit.family == "drug") == drugs:
            return hit
    return None


_TARGET_KINDS = (ALWAYS, MENTION, TARGET)
_USE_KINDS = (TARGET,)
_DRUG_KINDS = (MENTION, DRUGWORD)


def _is_deficiency(hit: _Hit) -> bool:
    return hit.family == "deficiency-disease"


def find_disease_claims(text: str) -> list[ClaimFinding]:
    """The disease claims in `text` (HTML allowed), each distinct phrase once, in order of
    appearance; [] means the copy is clean."""
    cased = _fold(text or "")
    norm = _lower(cased)
    if not norm:
        return []
    work = norm
    if "diagnose" in work or "drug administration" in work:
        work = _LAWFUL_RE.sub(lambda m: " " * len(m.group(0)), work)
    by_kind: dict[int, list[tuple[int, re.Match]]] = {kind: [] for kind in range(7)}
    for number, match in _COMPILED.matches(work):
        kind, payload, _ = _PATTERNS[number]
        by_kind[kind].append((payload, match))
    hits = _term_hits(work, cased, by_kind[_TERM])
    spans = _Sentences(
        work,
        [m.start() for _, m in by_kind[_WARNING]],
        [m.start() for _, m in by_kind[_NOT_A_WARNING]],
    )
    findings: list[tuple[int, int, str, str]] = []  # start, end, family, why

    def add(start: int, end: int, family: str, why: str) -> None:
        findings.append((start, end, family, why))

    # 1. Names: RLS and its symptoms always; other diseases, deficiency diseases and drugs
    #    unless the sentence is a warning.
    for hit in hits:
        if hit.kind == ALWAYS:
            add(hit.start, hit.end, hit.family, hit.why)
        elif hit.kind == MENTION and not spans.at(hit.start)[2]:
            add(hit.start, hit.end, hit.family, hit.why)

    # 2. Claim verbs aimed at a condition.
    for index, match in sorted(by_kind[_VERB], key=lambda item: item[1].start()):
        target = _next_hit(hits, match.end(), _TARGET_KINDS, drugs=False)
        if target is None or not _gap_words(work[match.end() : target.start], _VERB_REACH, None):
            continue
        if index in _DEFICIENCY_ONLY_VERBS and not _is_deficiency(target):
            continue
        if index == _KEEP_VERB and match.group(0).startswith("keep"):
            if not _AWAY_RE.match(work, target.end):
                continue
        if target.why == "legs" and not _LEG_VERB_RE.match(match.group(0)):
            continue
        sentence_start, _, warning = spans.at(match.start())
        if _negated(work, sentence_start, match.start()):
            continue
        before = _clause_before(work, sentence_start, match.start())
        if _DOCTOR_SUBJECT_RE.search(before):
            continue
        verb = match.group(0)
        if warning and (
            (verb.startswith("treated") and _PASSIVE_RE.search(before))
            or (verb.startswith("treatment") and _TREATMENT_NOUN_RE.search(before))
        ):
            continue
        lemma = _VERBS[index][1]
        if _is_deficiency(target):
            why = f"says the product {lemma} a deficiency disease"
            add(match.start(), target.end, "deficiency-disease", why)
        else:
            add(match.start(), target.end, "claim-verb", f"says the product {lemma} a condition")

    # 3. Intended use: "for low ferritin", "if you suffer from cramps", "anti-fatigue",
    #    "cramp relief", "pain-free" (not in warnings: "not for use by people with ...").
    for _, match in by_kind[_USE]:
        target = _next_hit(hits, match.end(), _USE_KINDS, drugs=False)
        if target is None or target.why == "legs":
            continue
        if not _gap_words(work[match.end() : target.start], _USE_REACH, _USE_FILLERS):
            continue
        sentence_start, _, warning = spans.at(match.start())
        if warning:
            continue
        # "not for use by people with ..." is lawful; "won't suffer from cramps" is a claim.
        if match.group(0) == "for" and _negated(work, sentence_start, match.start()):
            continue
        if _is_deficiency(target):
            why = "presents the product as for a deficiency disease"
            add(match.start(), target.end, "deficiency-disease", why)
        else:
            add(match.start(), target.end, target.family, "presents the product as for a condition")
    for hit in hits:
        if hit.kind not in _TARGET_KINDS or hit.why == "legs" or hit.family == "drug":
            continue
        sentence_start, _, warning = spans.at(hit.start)
        if warning:
            continue
        family = "deficiency-disease" if _is_deficiency(hit) else "claim-verb"
        suffix = _SUFFIX_RE.match(work, hit.end)
        if suffix and not _negated(work, sentence_start, hit.start):
            add(hit.start, suffix.end(), family, "presents the product as relief for a condition")
        if _ANTI_RE.search(work, max(0, hit.start - 6), hit.start):
            anti = work.rfind("anti", 0, hit.start)
            add(anti, hit.end, family, "presents the product as against a condition")

    # 4. Comparisons with a drug, anywhere (a negation such as "not a substitute for your
    #    medication" or "do not stop taking your medication" is lawful).
    for _, match in by_kind[_COMPARE]:
        target = _next_hit(hits, match.end(), _DRUG_KINDS, drugs=True)
        if target is None:
            continue
        trigger = match.group(0)
        if trigger in _SHORT_COMPARE_TRIGGERS:
            reach, fillers = 2, _ARTICLES
        else:
            reach, fillers = _COMPARE_REACH, _COMPARE_FILLERS
        if not _gap_words(work[match.end() : target.start], reach, fillers):
            continue
        sentence_start, _, _ = spans.at(match.start())
        if _negated(work, sentence_start, match.start()):
            continue
        add(match.start(), target.end, "drug-comparison", "compares the product with a drug")
    for hit in hits:
        if hit.kind not in _DRUG_KINDS:
            continue
        suffix = _COMPARE_SUFFIX_RE.match(work, hit.end)
        if suffix:
            sentence_start = spans.at(hit.start)[0]
            if not _negated(work, sentence_start, hit.start):
                add(hit.start, suffix.end(), "drug-comparison", "compares the product with a drug")
    for _, match in by_kind[_STANDALONE]:
        sentence_start = spans.at(match.start())[0]
        if not _negated(work, sentence_start, match.start()):
            add(match.start(), match.end(), "drug-comparison", "compares the product with a drug")

    # Each distinct phrase once, in order of appearance; a shorter finding of the same family
    # inside a longer one adds nothing.
    findings.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    result: list[ClaimFinding] = []
    seen: set[str] = set()
    kept: list[tuple[int, int, str, str]] = []
    for start, end, family, why in findings:
        if any(k[0] <= start and end <= k[1] and k[2] == family for k in kept):
            continue
        phrase = norm[start:end].strip(" ,")
        if phrase in seen:
            continue
        seen.add(phrase)
        kept.append((start, end, family, why))
        result.append(ClaimFinding(phrase=phrase, family=family, why=why))
    return result


# --------------------------------------------------------------------------------------------
# The message for staff
# --------------------------------------------------------------------------------------------

# The first topic whose words appear in the phrase decides the suggested wording.
_SUGGESTIONS = [
    (r"sleep|insomni|apn|narcolep", "Supports healthy sleep*"),
    (r"ferritin|iron|tired blood", "Supports healthy iron levels*"),
    (r"an(?:a|ae|e)mi|blood count|h(?:a)?emoglobin|b\s?12|folate|folic|pellagra|beri",
     "Supports healthy red blood cell formation*"),
    (r"deficien|scurvy|rickets|osteomalacia|nutrient", "Helps maintain healthy nutrient levels*"),
    (r"neuropath|neuralg|sciatica|nerve|tingl|numb|needles|burning",
     "Supports normal nerve function*"),
    (r"depress|anxi|panic|mood|adhd|bipolar|stress", "Supports normal nervous system function*"),
    (r"blood pressure|hypert|hypot|heart|cholesterol|stroke|circulation|cardio|coronary|vein",
     "Supports normal heart function*"),
    (r"fatigue|tired|exhaust|diabet|blood sugar|glucose|energy",
     "Supports normal energy metabolism*"),
    (r"arthrit|joint|gout", "Supports healthy joints*"),
    (r"osteopor|osteopen|bone", "Supports healthy bones*"),
    (r"infect|cold|flu|covid|immun", "Supports normal immune function*"),
    (r"alzheimer|dementia|parkinson|memory|cogniti|migraine|epilep|seizure",
     "Supports normal nervous system function*"),
    (r"inflamm|oxidat", "Supports the protection of cells from oxidative stress*"),
]  # fmt: skip
_SUGGESTION_RES = [(re.compile(pattern), wording) for pattern, wording in _SUGGESTIONS]
_DEFAULT_SUGGESTION = "Supports normal muscle function*"
_MAX_LISTED = 4


def _suggestion(finding: ClaimFinding) -> str:
    for regex, wording in _SUGGESTION_RES:
        if regex.search(finding.phrase):
            return wording
    if finding.family == "deficiency-disease":
        return "Supports healthy red blood cell formation*"
    if finding.family in ("drug", "drug-comparison"):
        return "Supports normal nerve function*"
    return _DEFAULT_SUGGESTION


def claim_message(findings: list[ClaimFinding]) -> str:
    """One or two sentences for staff: the words, why they are a disease claim, and a lawful
    structure/function wording to use instead. "" when there are no findings."""
    if not findings:
        return ""
    listed = "; ".join(f"“{f.phrase}” {f.why}" for f in findings[:_MAX_LISTED])
    if len(findings) > _MAX_LISTED:
        listed += f"; and {len(findings) - _MAX_LISTED} more"
    suggestions = list(dict.fromkeys(_suggestion(f) for f in findings))[:2]
    example = " or ".join(f"“{wording}”" for wording in suggestions)
    drugs = any(f.family in ("drug", "drug-comparison") for f in findings)
    how = (
        "name no medicine and make no comparison with one; describe instead what the nutrient "
        "does in a healthy body"
        if drugs
        else "describe instead what the nutrient does in a healthy body"
    )
    return (
        f"This reads as a disease claim, which a dietary supplement may not make "
        f"(21 CFR 101.93(g)): {listed}. Please {how}, e.g. {example}."
    )
