"""The resident's right of access (inzage, article 15 AVG)."""
