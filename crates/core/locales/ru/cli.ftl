# cli: the derbes command's own refusals and the sentences it prints to people. Tables of
# people, keys, JSON and --help stay as they are.

## Refusals of the command line
reason-cli_stdin_ended = Стандартный ввод закончился раньше, чем был получен пароль или ключ.
reason-cli_no_terminal = Нет терминала, чтобы запросить пароль; используйте --password-stdin.
reason-cli_vault_missing = Укажите хранилище: --vault DIR (или задайте DERBES_VAULT).
reason-cli_kind_unknown = Категория лица — beneficiary, employee или volunteer.
reason-cli_values_format = Задайте значения полей в виде KEY=VALUE, например surname=Серікова.
reason-cli_field_unknown = Поля «{ $key }» нет; см. `derbes subject add --help`.
reason-cli_service_format = Задайте услугу в виде DATE=TYPE, например 2024-02-15=legal_consultation.
reason-cli_import_rejected = Строк с ошибками: { $rejected } из { $rows }, поэтому ничего не импортировано; исправьте их и повторите импорт.
reason-cli_service_map_format = Задайте каждый вид услуги как ЗНАЧЕНИЕ=ВИД, например «Юрконсультация=legal_consultation» или «Обед=as-written».
reason-cli_service_type_unknown = «{ $value }» — не вид услуги: используйте legal_consultation, psychological_support, social_support, food_package, hygiene_kit, cash_assistance, medical_referral, shelter, training, home_visit или as-written.
reason-cli_access_unknown = Доступ — restricted или public.
reason-cli_region_unknown = Неизвестный регион; укажите ключ, например almaty_city, или название.
reason-cli_inventory_file_invalid = Файл перечня содержит ошибку: { $detail }.
reason-cli_consent_form_unknown = Форма согласия — paper, electronic, egov, consent_service или other.
reason-cli_withdrawal_scope_unknown = Объём отзыва — all, third_parties, cross_border или publication.
reason-cli_refusal_ground_unknown = Основание отказа — law (закон) или obligation (обязательство).
reason-cli_confirm_with_yes = Это нельзя отменить; для подтверждения добавьте --yes.
reason-cli_due_or_people = Назовите людей или используйте --due, но не то и другое сразу.
reason-cli_end_ground_unknown = Основание — retention_ended, consent_withdrawn, request, court_decision или unlawful_processing.
reason-cli_report_kind_unknown = Неизвестная категория лиц «{ $value }»: используйте beneficiary, employee или volunteer.
reason-cli_release_column_unknown = Неизвестный столбец «{ $value }»: используйте age, sex, place, disability, household_size, kind, programme или service_month.
reason-cli_report_by_unknown = Разбивка по «{ $value }» невозможна: используйте region, district, sex, age_band, kind, programme, service_type, disability, quarter или month.
reason-cli_sensitive_unknown = Неизвестный чувствительный столбец «{ $value }»: используйте service_type.
reason-cli_measure_unknown = Считайте людей (people), услуги (services) или новых людей (new_people).
reason-cli_transfer_not_found = Этого файла нет в реестре передачи данных, или его изменили после сохранения.

## Prompts (a space follows each)
cli-prompt-password = Пароль:
cli-prompt-current-password = Текущий пароль:
cli-prompt-new-password = Новый пароль:
cli-prompt-new-vault-password = Новый пароль хранилища:
cli-prompt-repeat-new-password = Повторите новый пароль:

## The vault
cli-default-user-name = Ответственное лицо
cli-vault-created = Хранилище создано в папке { $dir }.
cli-recovery-key-shown-once = Ключ восстановления (показывается один раз — запишите или распечатайте его и храните отдельно от ноутбука):
cli-recovery-key-only-way = Если пароль забыт, только этим ключом можно открыть хранилище.
cli-vault-opens = Хранилище открывается для пользователя { $user }; его файлы целы.
cli-journal-intact = { $count ->
    [one] { $count } запись журнала цела.
    [few] { $count } записи журнала целы.
   *[many] { $count } записей журнала целы.
}
cli-password-changed = Пароль изменён.

## The register
cli-person-added = Добавлена запись № { $number }.
cli-person-changed = Изменена запись № { $number }.
cli-import-row = строка { $row }  { $field }  { $problem }
cli-imported = { $count ->
    [one] Импортировано { $count } лицо.
    [few] Импортировано { $count } лица.
   *[many] Импортировано { $count } лиц.
}
cli-import-dry-run-ok = Все строки ({ $count }) можно импортировать (пробный запуск: ничего не записано).
cli-service-type-line = { $value } ({ $rows }) → { $type }
cli-service-type-unknown = не распознано: выберите с помощью --map
cli-services-imported = Импортировано услуг: { $count }, людей: { $people } (уже были в реестре: { $already }).
cli-services-dry-run-ok = Можно импортировать услуг: { $count }, людей: { $people }; уже в реестре: { $already } (пробный запуск: ничего не записано).
cli-inventory-heading = Перечень персональных данных, версия { $version } (утверждён { $at }, пользователь { $by }):
cli-org-name = Название:
cli-org-bin = БИН:
cli-org-address = Адрес:
cli-org-responsible = Ответственное лицо:
cli-org-contacts = Контакты:
cli-org-head = Руководитель:
cli-org-head-position = Должность руководителя:
cli-demo-added = { $count ->
    [one] Добавлено { $count } вымышленное лицо.
    [few] Добавлено { $count } вымышленных лица.
   *[many] Добавлено { $count } вымышленных лиц.
}

## Consents
cli-consent-heading = Согласие № { $number } лица № { $person } — { $state }
cli-consent-purposes = цели:
cli-consent-given-on = дата согласия:
cli-consent-valid = действует:
cli-consent-valid-range = { $from } – { $until }
cli-consent-until-purpose = до достижения цели
cli-consent-third-parties = третьи лица:
cli-consent-cross-border = трансграничная передача:
cli-consent-publication = публикация:
cli-consent-form = форма:
cli-consent-given-by = кем дано:
cli-consent-by-representative = законный представитель ({ $relation })
cli-consent-evidence = скан согласия:
cli-consent-no-evidence = не приложен
cli-yes = да
cli-yes-where = да ({ $where })
cli-no = нет
cli-no-consents = Согласий не внесено.
cli-consent-form-written = Форма согласия сохранена: { $path }.
cli-scan-attached = Скан ({ $type }, { $size } { $size ->
    [one] байт
    [few] байта
   *[many] байт
}) приложен к согласию № { $consent }.

## Blocking and legal hold
cli-record-blocked = Данные записи № { $number } заблокированы.
cli-record-unblocked = Данные записи № { $number } разблокированы.
cli-record-held = На запись № { $number } наложен запрет на уничтожение.
cli-record-released = С записи № { $number } снят запрет на уничтожение.

## Retention, anonymisation and destruction
cli-rule-any-purpose = любая цель
cli-rule-months-after = { $months } мес. после { $anchor ->
        [collection] сбора
        [last_service] последней услуги
        [programme_end] окончания программы
        [employment_end] окончания трудовых отношений
       *[consent_end] окончания согласия
    }
cli-rule-for-life = пожизненно
cli-rule-until-purpose = до достижения цели
cli-due-summary = На { $date } срок хранения истёк: { $count } чел. (ещё { $held } чел. — с запретом на уничтожение).
cli-due-row = № { $number } { $kind } срок истёк { $since }  { $name }
cli-due-blocked = {"["}заблокировано]
cli-left-alone-blocked = не затронуты (заблокированы): { $numbers }
cli-act-heading = Акт № { $number }: { $action }, { $count } чел. ({ $ground }), { $at }, выполнил(а) { $by }
cli-act-people = лица:
cli-act-categories = категории данных:
cli-no-acts = Актов пока нет.
cli-acts-row = № { $number } { $action } { $ground } { $count } чел.  { $at }  { $by }
cli-act-written = Акт сохранён: { $path }.

## Reports and transfers
cli-report-saved = Сохранено в { $path } и записано в реестр передачи данных под № { $number } (SHA-256 { $sha256 }).
cli-release-summary = Достигнутое k = { $k } (наименьшая группа), групп: { $classes }, выгружено строк: { $rows }, исключено строк: { $suppressed }, потеря информации { $loss } %.
cli-release-l = Достигнутое l = { $l }.
cli-release-more-rows = … ещё строк: { $count } (сохраните всё с --out).
cli-no-transfers = Передач данных пока нет.
cli-transfer-found = Этот файл — передача № { $number }: { $recipient }, { $date } ({ $purpose }).

## Users (derbes user …)
cli-prompt-new-user-password = Пароль нового пользователя:
cli-role-responsible = ответственное лицо
cli-role-staff = сотрудник
cli-user-may-reveal = может открывать сведения о здоровье и ИИН
cli-user-you = вы
cli-user-no-password = пароля ещё нет
cli-user-added = { $name } добавлен(а) как { $role }; входит со своим паролем (derbes --user "{ $name }").
cli-user-removed = { $name } удалён(а): его (её) пароль больше не открывает это хранилище.
cli-user-password-set = У пользователя { $name } новый пароль; пароли остальных не изменились.
cli-user-role-set = { $name } теперь { $role }.
cli-user-reveal-on = { $name } теперь может открывать сведения о здоровье и ИИН.
cli-user-reveal-off = { $name } больше не может открывать сведения о здоровье и ИИН.
reason-cli_confirm_remove_user = Удаление пользователя лишает его доступа к хранилищу; добавьте --yes, чтобы подтвердить.
cli-rekeyed = Хранилище перешифровано новым ключом; его открывают { $slots } способа входа (пароли и ключ восстановления). Старая копия файла keyslots не откроет ни одну копию, сделанную с этого момента.

## Резервные копии и восстановление
cli-backup-made = Резервная копия записана в { $path } ({ $size }, людей: { $people }). Её открывает пароль любого пользователя или сегодняшний ключ восстановления; рядом записан журнал уничтожений.
cli-backup-verified = Резервная копия от { $made } цела: проверено страниц — { $pages }, записей журнала — { $entries }; людей в ней — { $people }.
cli-restored = Восстановлено в { $dir }: людей — { $people }, из копии от { $made }.
cli-restore-replayed = Повторно применены более поздние акты уничтожения или обезличивания: { $acts }; снова удалено людей: { $people }, как в более новом хранилище.
cli-restore-no-log = Журнал уничтожений не найден: все, кого уничтожили после { $made }, снова есть в этой копии. Восстановите заново с --replay и папкой более нового хранилища или журналом более новой копии.
cli-restore-nothing-later = Найденные журналы уничтожений ({ $logs }) не называют уничтожений после этой копии.
cli-backup-state-kept = хранится
cli-backup-state-replaced = заменена
cli-backup-state-deleted = удалена
cli-backup-state-holds-ended = содержит уничтоженных людей
cli-backup-last = Последняя резервная копия: { $made }, { $path }.
cli-backup-none = Резервных копий ещё не было.
cli-backup-overdue = Последней резервной копии больше { $days } дн. (или её нет): сделайте копию.
cli-backup-holds-ended = Копия от { $made } ({ $path }) ещё содержит людей, уничтоженных после неё: замените её новой копией или удалите.
cli-backup-expired = Копия от { $made } ({ $path }) старше { $days } дн.: удалите её.
cli-backup-forgotten = Резервная копия { $path } отмечена как удалённая.
cli-backup-settings = Резервные копии: напоминание через { $reminder } дн.; хранятся { $retention } дн.
reason-cli_backup_out_missing = Укажите, куда записать копию: --out FILE.

## Файлы-ключи
cli-key-file-set = Файл-ключ записан в { $path }. Теперь ваш пароль открывает хранилище только вместе с ним: храните его на флешке, отдельно от ноутбука, и указывайте через --key-file.
cli-key-file-removed = Ваш пароль снова открывает хранилище сам по себе; старый файл-ключ больше не нужен.
reason-cli_key_file_missing = Укажите текущий файл-ключ через --key-file.

## Замена и разделение ключа восстановления
cli-recovery-key-replaced = Этот новый ключ восстановления заменяет старый; старый больше не открывает хранилище.
cli-shares-made = Новый ключ восстановления разделён на части: { $count }; открывают хранилище вместе любые { $threshold }. Старый ключ восстановления больше не действует.
cli-shares-once = Каждая часть показана только сейчас: отдайте каждому его часть на бумаге и не храните ни одной на этом ноутбуке.

# derbes docs
cli-paper-written = { $paper } № { $number } записан(а) ({ $pages } стр.): { $path }
cli-paper-policy = Политика обработки персональных данных
cli-paper-inventory = Перечень персональных данных
cli-paper-order = Приказ о назначении ответственного лица
cli-paper-retention = График сроков хранения
cli-paper-undertaking = Обязательство о неразглашении
cli-paper-never = ещё не составлен
cli-paper-current = № { $number } от { $at }, актуален
cli-paper-outdated = № { $number } от { $at }, устарел: { $why }
cli-paper-why-inventory-changed = перечень изменился
cli-paper-why-responsible-changed = ответственное лицо сменилось
cli-paper-why-details-changed = сведения изменились
cli-pack-written = Пакет для проверки № { $number } записан ({ $files } файлов): { $path }
cli-pack-journal-broken = Внимание: цепочка журнала действий нарушена; в пакете это указано.
cli-pack-missing = Чего не хватает для проверки:
cli-sees-data-on = { $person }: отмечен(а) как видящий(ая) персональные данные по работе.
cli-sees-data-off = { $person }: больше не видит персональные данные.

## Сроки: календарь, обращения, нарушения
cli-clock-running = срок { $due }, осталось рабочих дней: { $left }
cli-clock-today = срок сегодня ({ $due })
cli-clock-overdue = ПРОСРОЧЕНО с { $due }
cli-clock-unknown = срок не посчитать: в календаре нет данных за { $year } год
cli-calendar-year = { $year }: Курбан айт { $kurban }{ $estimated ->
    [true] {" "}(ожидаемая дата)
   *[false] {""}
}, дополнительных выходных: { $off }, дополнительных рабочих дней: { $worked }{ $edited ->
    [true] {" "}(изменено)
   *[false] {""}
}
cli-calendar-moved = { $holiday } (перенесён с выходного)
cli-calendar-day-off = выходной (календарь этого года)
cli-calendar-working = рабочий день (календарь этого года)
cli-calendar-weekend = выходной
cli-calendar-due = { $days } раб. дн. после { $from }: { $due }
cli-calendar-set = Календарь на { $year } год сохранён.
cli-calendar-reset = Для { $year } года восстановлен календарь Derbes.
cli-request-line = Обращение № { $number } · лицо № { $person } · { $kind } · поступило { $received } · { $state }
cli-request-closed-on = { $outcome ->
    [refused] отказано
   *[done] исполнено
} { $on }
cli-request-answer-written = Ответ № { $answer } на обращение № { $number } записан в { $path }.
cli-breach-line = Нарушение № { $number } · { $kind } · выявлено { $detected } · затронуто: { $affected } · { $state }
cli-breach-notice-written = Уведомление № { $notice } о нарушении № { $number } записано в { $path }.
cli-basis-set = Основание записано для людей: { $count }.
cli-lapse-line = Лицо № { $number } · { $reason } с { $since } · действовать до { $due }
reason-cli_recipient_kind_unknown = Вид получателя: donor, partner, state_body или other.
reason-cli_yes_or_no = Ответьте yes или no.
reason-cli_out_required = Укажите файл для записи через --out.
cli-recipient-added = Получатель № { $number } добавлен: { $name }.
cli-transfer-written = Передача № { $number } записана в реестр: данные людей ({ $rows }) записаны в { $path }. Файл содержит персональные данные в открытом виде: отправляйте его только по защищённому каналу.
