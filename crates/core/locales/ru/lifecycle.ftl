# lifecycle: consents, retention, blocking and holds, anonymisation and destruction

## Shared by consents and retention

reason-lifecycle_date_format = { $problem ->
    [empty] Значение не указано.
    [date_invalid] Такой даты нет в календаре; проверьте день и месяц.
   *[date_format] Дата записана в нераспознанном виде; запишите её как дд.мм.гггг.
}
reason-lifecycle_too_long = Слишком длинно (не более { $max } { $max ->
        [one] символа
       *[other] символов
    }).
reason-lifecycle_control_chars = Уберите из этого поля невидимые управляющие символы.

## Recording a consent

reason-consent_operator_missing = Сначала укажите название и БИН организации в настройках: согласие должно называть оператора (п. 4 ст. 8).
reason-consent_subject_name_missing = Согласие называет лицо: сначала укажите его фамилию и имя.
reason-consent_purpose_unknown = «{ $purpose }» — не цель из утверждённого перечня персональных данных.
reason-consent_purpose_no_data = Цель «{ $purpose }» по утверждённому перечню не предусматривает сбора данных о { $kind ->
        [employee] сотруднике
        [volunteer] волонтёре
       *[other] благополучателе
    }.
reason-consent_purposes_none = Выберите хотя бы одну цель обработки.
reason-consent_given_in_future = День, когда дано согласие, не может быть в будущем.
reason-consent_given_before_birth = Согласие не может быть датировано раньше рождения лица.
reason-consent_start_in_future = Согласие вносится, когда оно уже действует: дата начала не может быть в будущем.
reason-consent_start_before_given = Согласие не может действовать раньше дня, когда оно дано.
reason-consent_end_before_start = Дата окончания согласия раньше даты начала.
reason-consent_form_missing = Выберите, в какой форме дано согласие.
reason-consent_reference_missing = Укажите номер согласия в сервисе.
reason-representative_name_missing = Укажите ФИО представителя.
reason-representative_relation_missing = Укажите, кем представитель приходится лицу.
reason-representative_document_missing = Укажите документ, подтверждающий полномочия законного представителя.
reason-third_parties_missing = Укажите третьих лиц, которым можно передавать данные.
reason-cross_border_countries_missing = Укажите страны, куда можно передавать данные.
reason-publication_where_missing = Укажите, где можно публиковать данные.

## Withdrawing a consent

reason-consent_already_withdrawn = Это согласие уже отозвано полностью.
reason-consent_scope_already_withdrawn = Эта часть согласия уже отозвана.
reason-consent_scope_not_given = Согласие этого не разрешает, поэтому отзывать нечего.
reason-withdrawal_request_in_future = Дата обращения не может быть в будущем.
reason-withdrawal_before_given = Согласие нельзя отозвать раньше дня, когда оно дано.
reason-withdrawal_channel_missing = Укажите, как поступило обращение (письменно, через eGov, по электронной почте…).
reason-refusal_note_missing = Укажите, какой закон или какое неисполненное обязательство не позволяет отозвать согласие.

## Grounds without consent, and the signed scan

reason-legal_ground_unknown = Основание должно быть одним из следующих: { $allowed }.
reason-evidence_missing = К этому согласию не приложен скан.
reason-evidence_too_big = Скан больше { $max_mb } МБ; отсканируйте документ с меньшим разрешением.
reason-evidence_type = Приложите скан в виде файла PDF, JPEG или PNG; этот файл не относится ни к одному из этих форматов.

## Retention rules

reason-retention_rule_purpose_unknown = Правило { $rule }: его цели нет в утверждённом перечне персональных данных.
reason-retention_rule_anchor_missing = Правило { $rule }: выберите, от чего отсчитывается срок.
reason-retention_rule_months_range = Правило { $rule }: срок должен быть от 1 до 1200 месяцев (100 лет).
reason-retention_rule_basis_missing = Правило { $rule }: выберите основание такого срока хранения.

## Blocking, legal holds and the end date

reason-block_reason_missing = Укажите, почему данные блокируются.
reason-unblock_reason_missing = Укажите, почему снимается блокирование данных.
reason-hold_reason_missing = Укажите, почему данные нужно сохранить.
reason-lifecycle_reason_too_long = Причина должна быть одной строкой не длиннее 500 символов.
reason-subject_not_blocked = Запись № { $number } не заблокирована.
reason-subject_not_on_hold = На запись № { $number } не наложен запрет на уничтожение.
reason-end_date_in_future = Дата окончания не может быть в будущем.

## Anonymisation and destruction

reason-end_due_in_future = На будущий день срок хранения ещё не истёк: обезличить или уничтожить можно только тех, у кого он истёк сегодня или раньше.
reason-nobody_due = На этот день нет лиц с истёкшим сроком хранения.
reason-end_subjects_none = Выберите хотя бы одно лицо.
reason-end_reference_too_long = Реквизиты документа должны быть одной строкой не длиннее 200 символов.
reason-court_decision_reference_missing = Укажите номер и дату решения суда.

## Основание обработки для каждого (ст. 7 п. 1, ст. 9)
reason-legal_ground_law_required = Укажите закон, на который опирается обработка (например, «Трудовой кодекс, ст. 23»).
reason-legal_ground_law_too_long = Название закона — одна строка не длиннее { $max } символов.
reason-legal_ground_purpose_unknown = «{ $purpose }» — не цель утверждённого перечня для этой категории лиц.
reason-basis_required = Выберите основание обработки данных этого человека: его согласие или основание из ст. 9 с указанием закона.
ground-art9_4 = подп. 4) ст. 9: реализация ратифицированного международного договора
ground-art9_5 = подп. 5) ст. 9: защита конституционных прав, когда согласие получить невозможно
ground-art9_6 = подп. 6) ст. 9: законная журналистская, научная, творческая или литературная деятельность
ground-art9_7 = подп. 7) ст. 9: данные опубликованы в соответствии с законом
ground-art9_8 = подп. 8) ст. 9: субъект не исполнил обязанность предоставить данные по закону
ground-art9_10 = подп. 10) ст. 9: иные случаи, установленные законами (например, Трудовой кодекс, налоговое законодательство)
lapse-no_basis = внесён без основания
lapse-consent_expired = срок согласия истёк
lapse-consent_withdrawn = согласие отозвано
lapse-ground_incomplete = основание без указания закона
lapse-ground_not_for_ngo = основание только для государственных органов
