#!/usr/bin/env python3
"""Write the independent oracle for Derbes's working-day calendar.

The Python `holidays` package (PyPI) keeps Kazakhstan's public holidays, the moves of those
that fall on a weekend, and the government's day transfers. This script lists, for each year,
the weekdays it says are days off and the weekend days it says are worked, as JSON; the core's
test `calendar::tests::oracle` compares the shipped calendar with it.

    python3 -m venv /tmp/h && /tmp/h/bin/pip install holidays
    /tmp/h/bin/python scripts/holidays-oracle.py > crates/core/tests/fixtures/holidays-kz.json
"""
import datetime
import json
import re
import sys

import holidays

YEARS = range(2025, 2028)


def main() -> None:
    out = {"package": "holidays", "version": holidays.__version__, "years": {}}
    for year in YEARS:
        kz = holidays.KZ(years=year, language="en_US")
        days_off, worked = set(), set()
        for day, name in kz.items():
            if day.weekday() < 5:
                days_off.add(day)
            # A transferred day off names the weekend day worked in exchange.
            for m, d, y in re.findall(r"substituted from (\d\d)/(\d\d)/(\d{4})", name):
                worked.add(datetime.date(int(y), int(m), int(d)))
        out["years"][str(year)] = {
            "daysOff": sorted(d.isoformat() for d in days_off),
            "workingWeekendDays": sorted(d.isoformat() for d in worked),
            "names": {d.isoformat(): n for d, n in sorted(kz.items())},
        }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
