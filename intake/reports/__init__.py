"""Team overview, management figures and their exports (CSV, XLSX, printable PDF).

Everything here reads; nothing edits case content. Figures are counts computed with aggregate
SQL (GROUP BY / COUNT), so a store of ten years answers in well under a second.
"""
