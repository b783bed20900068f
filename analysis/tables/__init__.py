"""tables stage: records → processed tables, the data package, and `load` for every reader of data/processed/.

Analysts list the tables with `analysis.table_names()` (a plain function: the stage package keeps its own name).
"""
