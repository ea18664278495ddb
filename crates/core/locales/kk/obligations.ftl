# Заң мерзімдері: жұмыс күндерінің күнтізбесі, субъектілердің өтініштері, қауіпсіздік бұзылулары.

## Күнтізбе
reason-calendar_year_missing = Жұмыс күндерінің күнтізбесінде { $year } жылдың деректері жоқ: мерзімді есептеу үшін Баптаулар → Күнтізбе бөлімінде сол жылғы Құрбан айт күнін және демалыс күндерінің ауыстырылуын енгізіңіз.
reason-working_days_range = Мерзім { $max } жұмыс күнінен аспауы керек.
reason-calendar_year_range = { $min } мен { $max } аралығындағы жылды таңдаңыз.
reason-calendar_day_outside_year = Бұл күн { $year } жылға жатпайды.
reason-calendar_day_both = { $date } екі рет көрсетілген: күн не демалыс, не жұмыс күні болады.
reason-calendar_note_too_long = Ескерту { $max } таңбадан аспауы керек.
holiday-new_year = Жаңа жыл
holiday-orthodox_christmas = Православиелік Рождество
holiday-womens_day = Халықаралық әйелдер күні
holiday-nauryz = Наурыз мейрамы
holiday-unity_day = Қазақстан халқының бірлігі мерекесі
holiday-defender_day = Отан Қорғаушы күні
holiday-victory_day = Жеңіс күні
holiday-capital_day = Астана күні
holiday-constitution_day = Конституция күні
holiday-republic_day = Республика күні
holiday-independence_day = Тәуелсіздік күні
holiday-kurban_ait = Құрбан айт
calendar-note-G24G0000436 = Үкіметтің 2024 жылғы № 436 қаулысы: 2025 жылы демалыс күндерін ауыстыру туралы
calendar-note-constitution_2026 = 2026 жылғы Конституция: Конституция күні 2027 жылдан бастап 30 тамыз емес, 15 наурыз
