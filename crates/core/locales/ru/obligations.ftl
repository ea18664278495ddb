# Сроки закона: календарь рабочих дней, обращения субъектов, нарушения безопасности.

## Календарь
reason-calendar_year_missing = В календаре рабочих дней нет данных за { $year } год: добавьте дату Курбан айта и переносы выходных этого года в Настройках → Календарь, иначе срок не посчитать.
reason-working_days_range = Срок — не больше { $max } рабочих дней.
reason-calendar_year_range = Выберите год от { $min } до { $max }.
reason-calendar_day_outside_year = Этот день не в { $year } году.
reason-calendar_day_both = { $date } указан дважды: день либо выходной, либо рабочий.
reason-calendar_note_too_long = Примечание — не длиннее { $max } символов.
holiday-new_year = Новый год
holiday-orthodox_christmas = Православное Рождество
holiday-womens_day = Международный женский день
holiday-nauryz = Наурыз мейрамы
holiday-unity_day = Праздник единства народа Казахстана
holiday-defender_day = День защитника Отечества
holiday-victory_day = День Победы
holiday-capital_day = День Столицы
holiday-constitution_day = День Конституции
holiday-republic_day = День Республики
holiday-independence_day = День Независимости
holiday-kurban_ait = Курбан айт
calendar-note-G24G0000436 = Постановление Правительства № 436 от 2024 года о переносе выходных дней в 2025 году
calendar-note-constitution_2026 = Конституция 2026 года: День Конституции — 15 марта с 2027 года, а не 30 августа
