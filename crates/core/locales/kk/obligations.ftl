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

## Субъектілердің өтініштері
reason-request_kind_unknown = Адамның не сұрайтынын таңдаңыз.
reason-request_text_required = Бұл жолды толтырыңыз.
reason-request_text_too_long = Тым ұзын ({ $max } таңбадан аспауы керек).
reason-request_in_future = Өтініш әлі келмеген күні түсе алмайды.
reason-request_answer_days_range = Ұйымның өз мерзімі { $min } мен { $max } жұмыс күні аралығында болуы керек.
reason-request_not_found = № { $number } өтініш жоқ.
reason-request_closed = № { $number } өтініш жабылған.
reason-request_evidence_missing = { $kind ->
    [access] Алдымен осы өтінішке жауап дайындаңыз: жауаптың дәлелі — сол.
    [correction] Өтініш түскеннен кейін бұл адамның жазбасы түзетілмеген: оны түзетіңіз немесе себебін көрсетіп бас тартыңыз.
    [blocking] Өтініш түскеннен кейін бұл адам бұғатталмаған: оны бұғаттаңыз немесе себебін көрсетіп бас тартыңыз.
    [unblocking] Өтініш түскеннен кейін бұл адам бұғаттан шығарылмаған: оны бұғаттан шығарыңыз немесе себебін көрсетіп бас тартыңыз.
    [destruction] Бұл адамның деректері жойылмаған: оларды жойыңыз (акт — дәлел болады) немесе себебін көрсетіп бас тартыңыз.
    [withdrawal] Өтініш түскеннен кейін бұл адамның бірде-бір келісімі кері қайтарылмаған: кері қайтаруды тіркеңіз немесе себебін көрсетіп бас тартыңыз.
   *[other] Бұл адамның деректері әлі жалпыға қолжетімді: оларды қолжетімділігі шектеулі етіңіз немесе себебін көрсетіп бас тартыңыз.
}
reason-request_not_access = № { $number } өтініш деректерге қол жеткізу туралы емес: мұндай жауап тек қол жеткізу туралы сұрауға дайындалады.
reason-request_subject_gone = № { $number } адам тізілімде жоқ: сипаттайтын дерек қалмаған.

## Қауіпсіздіктің бұзылуы
reason-breach_text_required = Не болғанын сипаттаңыз.
reason-breach_text_too_long = Тым ұзын ({ $max } таңбадан аспауы керек).
reason-breach_in_future = Бұзылу әлі келмеген күні анықтала немесе хабарлана алмайды.
reason-breach_categories_required = Зардап шеккен деректердің кемінде бір санатын таңдаңыз.
reason-breach_category_unknown = Санаттарды тізімнен таңдаңыз.
reason-breach_people_required = Зардап шеккен адамдарды көрсетіңіз немесе тізілімдегі барлық адам зардап шеккенін белгілеңіз.
reason-breach_person_unknown = Тізілімде № { $number } адам жоқ.
reason-breach_not_found = № { $number } бұзылу жоқ.
reason-breach_closed = № { $number } бұзылу жабылған.
reason-breach_not_notified = № { $number } бұзылуды жаппас бұрын уәкілетті органға хабарланған күнді көрсетіңіз.
reason-breach_notified_before_detection = Хабарлама бұзылу анықталғанға дейін жіберіле алмайды.
reason-breach_not_proposed = № { $number } бұзылуды Derbes ұсынбаған: растайтын не қабылдамайтын ештеңе жоқ.
reason-breach_threshold_range = Шек { $min } мен { $max } сәтсіз кіру әрекеті аралығында болуы керек.
reason-request_channel_unknown = Өтініштің қалай түскенін көрсетіңіз: in_person, post, email, egov немесе other.
reason-request_identity_unknown = Жеке бастың қалай тексерілгенін көрсетіңіз: id_document, egov_signature, known_in_person немесе representative_authority.
reason-breach_detected_format = Анықталған уақытты жжжж-аа-ккTсс:мм түрінде беріңіз, мысалы 2026-03-20T18:30.
reason-breach_kind_unknown = Не болғанын бұзылу түрлерінің тізімінен таңдаңыз.
reason-breach_told_unknown = Адамдарға хабарланды ма, көрсетіңіз: yes, no немесе not_yet.

## Сөздер
request-kind-access = өз деректеріне қол жеткізу
request-kind-correction = түзету
request-kind-blocking = бұғаттау
request-kind-unblocking = бұғаттан шығару
request-kind-destruction = жою
request-kind-withdrawal = келісімді кері қайтарып алу
request-kind-publication_refusal = жариялаудан бас тарту
breach-kind-device_lost = құрылғының ұрлануы немесе жоғалуы
breach-kind-media_lost = жеткізгіштің жоғалуы
breach-kind-unauthorised_access = рұқсатсыз қол жеткізу
breach-kind-accidental_publication = абайсызда жариялау
breach-kind-malware = зиянды бағдарлама
breach-kind-password_leaked = құпиясөздің таралуы
breach-kind-wrong_recipient = қате алушыға жіберілді
breach-kind-journal_broken = журнал өзгертілген
breach-kind-unlock_attempts = көп қате құпиясөз
breach-kind-other = өзге
breach-status-proposed = Derbes ұсынды: растаңыз немесе қабылдамаңыз
breach-status-open = ашық
breach-status-closed = жабық
breach-status-dismissed = қабылданбады
