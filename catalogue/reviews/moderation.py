"""Content-neutral checks a product review meets before it is published.

The FTC's rule on consumer reviews (16 CFR 465.7) lets a store hold back only reviews that are
unrelated to the product or break a policy applied whatever the review's sentiment; hiding or
delaying negative reviews is forbidden. So the star rating never enters here, and only the text
can hold a review: a disease claim (the store's own check, compliance.claims, as a review on a
supplement's page is the store's labeling too), personal data (an email address or a US phone
number) or abuse. Each check gives a reason for staff; no reason means publish.
"""

import re

from compliance.claims import claim_message, find_disease_claims

# jane.doe@example.com, also spelled out: jane (at) example [dot] com
EMAIL_RE = re.compile(
    r"[\w.+%-]+(?:@|\s*[(\[]at[)\]]\s*)[\w-]+(?:(?:\.|\s*[(\[]dot[)\]]\s*)[\w-]+)+", re.I
)
# (802) 555-0142, 802-555-0142, 802.555.0142, 802 555 0142, +1 802 555 0142, 8025550142
PHONE_RE = re.compile(r"(?<![\w.])(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?![\w])")
# A short list of profanity and slurs (whole words, common endings); criticism of the product,
# however harsh ("useless", "a waste of money"), is not abuse.
ABUSE_WORDS = (
    r"fuck\w*|motherfuck\w*|shit\w*|bullshit|bitch\w*|bastards?|assholes?|cunts?|dickheads?|"
    r"retard(?:s|ed)?|faggots?|fags?|whores?|sluts?|nigg\w*|spics?|kikes?|twats?|wankers?"
)
ABUSE_RE = re.compile(rf"\b(?:{ABUSE_WORDS})\b", re.I)


def hold_reasons(title, body):
    """Why a review with this title and body must wait for staff; [] when it may be published."""
    text = f"{title or ''}\n{body or ''}"
    reasons = []
    claims = find_disease_claims(text)
    if claims:
        reasons.append(f"Disease claim. {claim_message(claims)}")
    if EMAIL_RE.search(text):
        reasons.append("Personal data: the review contains an email address.")
    if PHONE_RE.search(text):
        reasons.append("Personal data: the review contains a phone number.")
    if ABUSE_RE.search(text):
        reasons.append("Abuse: the review contains profanity or a slur.")
    return reasons
