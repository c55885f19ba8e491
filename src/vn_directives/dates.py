"""Vietnamese date forms → ISO 8601, with impossible dates kept as written."""

from __future__ import annotations

import datetime as _dt


def iso_date(day: str | int, month: str | int, year: str | int) -> tuple[str, bool]:
    """``("07", "4", "2014")`` → ``("2014-04-07", True)``; an impossible date → (as written, False).

    The as-written form of an impossible date is ``dd/mm/yyyy`` with the digits given.
    """
    try:
        d, m, y = int(day), int(month), int(year)
        return _dt.date(y, m, d).isoformat(), True
    except (TypeError, ValueError):
        return f"{day}/{month}/{year}", False
