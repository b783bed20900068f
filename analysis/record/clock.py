"""The one "today" the record's dates are judged by, in a module of its own so that what asks for it (the build's
stamp on every `make`, even one that skips everything) does not import the record's validators with it."""

from __future__ import annotations

import datetime as dt

#: The time zone furthest ahead (UTC+14, the Line Islands): its date is the latest that is today anywhere.
LATEST_TIME_ZONE = dt.timezone(dt.timedelta(hours=14))


def today_anywhere() -> dt.date:
    """The latest date that is today somewhere on Earth: the one "today" the record's dates are checked against. The
    machine's own (`date.today()`, its time zone's) made one record valid on one machine and refused on another: a
    source read on 6 December, written down in London at 03:00, was "in the future" to a machine in California
    (still 5 December there) and `make` failed there for a day's hours, as CI in UTC does for a date written in
    Sydney."""
    return dt.datetime.now(LATEST_TIME_ZONE).date()
