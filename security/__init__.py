"""Request-level protections that more than one app uses (rate limits)."""
