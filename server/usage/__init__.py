"""Usage counts: how often people listen and which reading settings they choose — counts only.

Nothing personal is stored: no cookies, no addresses, no user agents; a row is (day, origin, article, event,
value) and a number.
"""
