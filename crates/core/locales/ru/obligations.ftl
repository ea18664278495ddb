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

## Обращения субъектов
reason-request_kind_unknown = Выберите, что просит человек.
reason-request_text_required = Заполните это поле.
reason-request_text_too_long = Слишком длинно (не больше { $max } символов).
reason-request_in_future = Обращение не может поступить в день, который ещё не наступил.
reason-request_answer_days_range = Собственный срок организации — от { $min } до { $max } рабочих дней.
reason-request_not_found = Обращения № { $number } нет.
reason-request_closed = Обращение № { $number } уже закрыто.
reason-request_evidence_missing = { $kind ->
    [access] Сначала подготовьте ответ на это обращение: он и есть подтверждение ответа.
    [correction] После поступления обращения запись этого человека не исправлялась: исправьте её или откажите с указанием причин.
    [blocking] После поступления обращения этот человек не заблокирован: заблокируйте его или откажите с указанием причин.
    [unblocking] После поступления обращения этот человек не разблокирован: разблокируйте его или откажите с указанием причин.
    [destruction] Данные этого человека не уничтожены: уничтожьте их (акт будет подтверждением) или откажите с указанием причин.
    [withdrawal] После поступления обращения ни одно согласие этого человека не отозвано: оформите отзыв или откажите с указанием причин.
   *[other] Этот человек всё ещё общедоступен: сделайте его данные ограниченного доступа или откажите с указанием причин.
}
reason-request_not_access = Обращение № { $number } — не запрос о доступе: такой ответ готовится только на запрос о доступе.
reason-request_subject_gone = Лица № { $number } больше нет в реестре: описывать нечего.

## Нарушения безопасности
reason-breach_text_required = Опишите, что произошло.
reason-breach_text_too_long = Слишком длинно (не больше { $max } символов).
reason-breach_in_future = Нарушение не может быть выявлено или сообщено в день, который ещё не наступил.
reason-breach_categories_required = Выберите хотя бы одну категорию затронутых данных.
reason-breach_category_unknown = Выберите категории из списка.
reason-breach_people_required = Укажите затронутых людей или отметьте, что затронуты все в реестре.
reason-breach_person_unknown = В реестре нет лица № { $number }.
reason-breach_not_found = Нарушения № { $number } нет.
reason-breach_closed = Нарушение № { $number } уже закрыто.
reason-breach_not_notified = Прежде чем закрыть нарушение № { $number }, укажите день уведомления уполномоченного органа.
reason-breach_notified_before_detection = Уведомление не может быть отправлено раньше, чем выявлено нарушение.
reason-breach_not_proposed = Нарушение № { $number } не было предложено Derbes: подтверждать или отклонять нечего.
reason-breach_threshold_range = Порог — от { $min } до { $max } неудачных попыток входа.
reason-request_channel_unknown = Укажите, как поступило обращение: in_person, post, email, egov или other.
reason-request_identity_unknown = Укажите, как проверена личность: id_document, egov_signature, known_in_person или representative_authority.
reason-breach_detected_format = Укажите время выявления в виде гггг-мм-ддTчч:мм, например 2026-03-20T18:30.
reason-breach_kind_unknown = Выберите, что произошло, из списка видов нарушений.
reason-breach_told_unknown = Укажите, уведомлены ли люди: yes, no или not_yet.

## Слова
request-kind-access = доступ к своим данным
request-kind-correction = уточнение
request-kind-blocking = блокирование
request-kind-unblocking = разблокирование
request-kind-destruction = уничтожение
request-kind-withdrawal = отзыв согласия
request-kind-publication_refusal = отказ от публикации
breach-kind-device_lost = кража или утеря устройства
breach-kind-media_lost = утеря носителя
breach-kind-unauthorised_access = несанкционированный доступ
breach-kind-accidental_publication = случайная публикация
breach-kind-malware = вредоносная программа
breach-kind-password_leaked = утечка пароля
breach-kind-wrong_recipient = отправлено не тому получателю
breach-kind-journal_broken = журнал изменён
breach-kind-unlock_attempts = много неверных паролей
breach-kind-other = иное
breach-status-proposed = предложено Derbes: подтвердите или отклоните
breach-status-open = открыто
breach-status-closed = закрыто
breach-status-dismissed = отклонено
