"""The store's regulatory rules in one home (DESIGN §2, §5, §6): which notices a page carries,
what product copy may say, what may be published, and the dose arithmetic.

Plain functions over model instances; every page, the checkout, the order record, the emails,
the dashboard, the Django admin and the seed call them.
"""
