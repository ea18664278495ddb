# The clocks of the law: the working-day calendar, subject requests, breaches.

## Calendar
reason-calendar_year_missing = The working-day calendar has no data for { $year }: add that year's Kurban Ait and the government's day transfers in Settings → Calendar before this deadline can be counted.
reason-working_days_range = A term can be at most { $max } working days.
reason-calendar_year_range = Choose a year between { $min } and { $max }.
reason-calendar_day_outside_year = This day is not in { $year }.
reason-calendar_day_both = { $date } is listed twice: a day is either a day off or a working day.
reason-calendar_note_too_long = A note can be at most { $max } characters.
holiday-new_year = New Year
holiday-orthodox_christmas = Orthodox Christmas
holiday-womens_day = International Women's Day
holiday-nauryz = Nauryz
holiday-unity_day = Unity Day of the People of Kazakhstan
holiday-defender_day = Defender of the Fatherland Day
holiday-victory_day = Victory Day
holiday-capital_day = Capital Day
holiday-constitution_day = Constitution Day
holiday-republic_day = Republic Day
holiday-independence_day = Independence Day
holiday-kurban_ait = Kurban Ait
calendar-note-G24G0000436 = Government Resolution No. 436 of 2024 on transferring days off in 2025
calendar-note-constitution_2026 = The 2026 Constitution: Constitution Day is 15 March from 2027, not 30 August
