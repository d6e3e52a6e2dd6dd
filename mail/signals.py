from django.dispatch import Signal

# Sent when a stored email finally leaves (a retry succeeded), with `email` (the OutboundEmail)
# and `message` (the EmailMessage sent), so whoever sent it can record that it was delivered.
email_delivered = Signal()
