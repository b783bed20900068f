"""Published figures about child sexual exploitation in London and England & Wales, as sourced tidy tables.

Kept empty of imports on purpose: `python -m analysis verify` must start without pandas or matplotlib.
"""

__version__ = "0.1.0"
