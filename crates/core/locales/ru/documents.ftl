# documents: the papers the law asks for, as PDF, and where they are saved
reason-doc_lang_unknown = Документы составляются на казахском (kk) или русском (ru) языке.
reason-save_folder_missing = Папки для сохранения не существует.
reason-save_path_is_folder = Это папка: допишите в конце пути имя файла.
reason-document_template_broken = Шаблон документа «{ $template }» не собрался: { $detail }. Это ошибка Derbes, ваши данные не затронуты.
reason-inventory_version_unknown = Версии { $version } перечня нет.
reason-sees_data_beneficiary = Обязательство дают работники и волонтёры, а не благополучатели.
reason-confidant_unknown = Этот человек не пользователь реестра и не отмечен как видящий данные.
reason-paper_person_needed = Выберите, от чьего имени составляется обязательство.

# The compliance pack's tables: column headers (documents/papers/pack.rs)
pack-column-consent = Согласие №
pack-column-person = Внутренний номер лица
pack-column-name = Фамилия, имя, отчество
pack-column-given_on = Дата дачи
pack-column-valid_until = Действует до
pack-column-form = Форма
pack-column-reference = Подтверждающий документ
pack-column-representative = Законный представитель
pack-column-withdrawn = Отозвано
pack-column-scans = Сканы
pack-column-taken_by = Принял(а)
pack-column-act = Акт №
pack-column-action = Действие
pack-column-ground = Основание
pack-column-people = Число лиц
pack-column-performed_at = Дата исполнения
pack-column-performed_by = Исполнитель
pack-column-backups = Резервные копии
pack-column-transfer = Передача №
pack-column-at = Время
pack-column-user = Пользователь
pack-column-kind = Вид
pack-column-format = Формат
pack-column-recipient = Получатель
pack-column-purpose = Цель
pack-column-sha256 = SHA-256
pack-column-size = Размер, байт
pack-column-seq = №
pack-column-object = Объект
pack-column-details = Подробности
pack-column-user_id = Внутренний номер пользователя
pack-column-prev_hash = Хэш предыдущей записи
pack-column-hash = Хэш

# What the compliance pack lacks (documents/papers/pack.rs)
pack-missing-org_name_missing = Не указано наименование организации.
pack-missing-org_bin_missing = Не указан БИН организации.
pack-missing-org_address_missing = Не указан адрес организации.
pack-missing-responsible_missing = Не указано ответственное лицо.
pack-missing-responsible_contacts_missing = Не указаны контакты ответственного лица.
pack-missing-head_missing = Не указан руководитель организации.
pack-missing-policy_not_approved = Политика ранее не утверждалась: в пакете — проект.
pack-missing-no_consents = В реестре есть люди, но нет ни одного согласия.
pack-missing-no_acts = Актов уничтожения пока нет.
pack-missing-requests_not_kept = Запросы субъектов ещё не ведутся.
pack-missing-breaches_not_kept = Нарушения безопасности ещё не регистрируются.
