# Слова ядра на русском языке (пояснения — в ../en/core.ftl).

## Errors: one per code of derbes_core::Error
error-wrong_password = Этот пароль не открывает хранилище. Проверьте раскладку клавиатуры и Caps Lock.
error-key_file_needed = Этому паролю нужен ещё и файл-ключ: выберите его (обычно он на флешке). Потеряли? Откройте хранилище ключом восстановления.
error-not_a_vault = В этой папке нет хранилища Derbes. Выберите папку, в которой лежит хранилище.
error-vault_exists = В этой папке уже есть хранилище. Откройте его или выберите другую папку.
error-folder_not_empty = В этой папке уже есть другие файлы. Выберите пустую или новую папку.
error-vault_damaged = Файлы хранилища повреждены, и его нельзя открыть. Восстановите хранилище из резервной копии.
error-keyslots_missing = В папке нет ключевого файла хранилища (keyslots), поэтому его нельзя открыть.
error-keyslots_damaged = Ключевой файл хранилища (keyslots) повреждён, поэтому его нельзя открыть.
error-newer_version = Это хранилище создано более новой версией Derbes (схема { $found }; эта версия знает схемы до { $known }). Обновите Derbes, чтобы открыть его.
error-read_only = Derbes не может записывать в эту папку. Выберите папку, которую вам разрешено изменять.
error-password_mismatch = Пароли не совпадают.
error-password_weak = Этот пароль слишком легко подобрать. Воспользуйтесь подсказками под полем пароля.
error-password_empty = Введите пароль.
error-recovery_key_invalid = Это не похоже на ключ восстановления: в нём восемь групп по четыре символа.
error-recovery_key_wrong = Этот ключ восстановления не открывает хранилище. Сверьте каждую группу с вашим листом.
error-recovery_group_mismatch = Эта группа не совпадает с ключом на экране. Проверьте, что вы записали.
error-vault_in_use = Это хранилище уже открыто в другом окне Derbes или под другой учётной записью. Сначала закройте его там.
error-locked = Хранилище заблокировано. Разблокируйте его, чтобы продолжить.
error-invalid_input = Проверьте поле «{ $field }».
error-io = Derbes не удалось прочитать или записать файл: { $detail }
error-internal = В Derbes что-то пошло не так. Попробуйте ещё раз; если повторится, перезапустите программу.
error-invalid = Некоторые поля нужно проверить.
error-duplicate_iin = Лицо с таким ИИН уже есть в реестре (запись № { $existing }).
error-subject_not_found = Такого лица в реестре нет.
error-file_exists = Файл с таким именем уже есть. Измените имя или замените файл.
error-disk_full = Диск заполнен; ничего не изменено. Освободите место и попробуйте снова.
error-blocked = Запись № { $number } заблокирована: её нельзя изменить, выгрузить, обезличить или уничтожить. Сначала разблокируйте её.
error-on_hold = На запись № { $number } наложен запрет на уничтожение: её нельзя обезличить или уничтожить. Сначала снимите запрет.
error-publication_consent_required = Запись № { $number } может быть общедоступной только при действующем согласии на публикацию в общедоступных источниках. Сначала внесите такое согласие.
error-representative_required = В день согласия лицу не было 18 лет, поэтому согласие должен дать законный представитель.
error-consent_not_found = Такого согласия нет. Возможно, оно удалено вместе с записью лица.
error-act_not_found = Акта с таким номером нет.
error-locked_on_full_disk = Всё сделанное сохранено, но диск заполнен, и хранилище не удалось привести в порядок при закрытии; освободите место и разблокируйте его один раз, чтобы завершить.
error-not_permitted = Только { $role } может { $permission }. Попросите его сделать это или изменить права вашей учётной записи.
error-user_not_found = В этом хранилище нет пользователя с таким именем.
error-user_exists = В этом хранилище уже есть пользователь с таким именем; выберите другое.
error-last_responsible = Это единственное ответственное лицо хранилища; сначала назначьте ответственным другого пользователя.
error-remove_self = Нельзя удалить самого себя; это должно сделать другое ответственное лицо.
error-unlock_wait = Слишком много неверных паролей подряд. Подождите { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[other] { $seconds } секунд
} и попробуйте снова; хранилище не заблокировано навсегда.
error-rekey_old_slots = Ключ хранилища пока нельзя заменить: { $count ->
    [one] { $count } способ входа создан
    [few] { $count } способа входа созданы
   *[other] { $count } способов входа созданы
} старой версией Derbes и перестанет работать. Откройте хранилище один раз паролем каждого пользователя и один раз ключом восстановления (derbes --recovery-key-stdin unlock-check), затем замените ключ.
role-responsible = ответственное лицо
role-staff = сотрудник
permission-manage_users = добавлять и удалять пользователей, задавать им пароли и менять ключ хранилища
permission-change_settings = менять настройки, сведения об организации, перечень данных и сроки хранения
permission-end_life = обезличивать и уничтожать записи
permission-decide_keeping = устанавливать и снимать запрет на уничтожение и разблокировать записи
permission-export_rows = выгружать записи построчно
permission-reveal_sensitive = показывать сведения о здоровье и ИИН

## Problems with one field of a record or one row of an import (FieldProblem and RowProblem
## codes, every one in derbes_core::register::PROBLEM_CODES)
problem-required = Заполните это поле.
problem-not_in_inventory = Этого поля нет в утверждённом перечне персональных данных для этой категории лиц.
problem-too_long = Слишком длинно.
problem-control_chars = Уберите невидимые управляющие символы.
problem-empty = Значение не заполнено.
problem-iin_length = В ИИН ровно 12 цифр.
problem-iin_check_digit = В ИИН опечатка: последняя цифра не сходится. Сверьте с документом.
problem-iin_birth_date = Первые шесть цифр ИИН — дата рождения (ггммдд); здесь это несуществующая дата.
problem-iin_century_sex = 7-я цифра ИИН (век и пол) должна быть от 1 до 6.
problem-iin_birth_date_mismatch = Дата рождения не совпадает с ИИН.
problem-iin_sex_mismatch = Пол не совпадает с ИИН.
problem-date_format = Введите дату в виде дд.мм.гггг, например 05.03.1990.
problem-date_invalid = Такой даты нет в календаре: проверьте день и месяц.
problem-date_future = Эта дата ещё не наступила.
problem-date_too_old = Дата раньше 1900 года неправдоподобна.
problem-sex_unknown = Выберите: женский или мужской.
problem-phone_characters = В номере телефона есть буквы или другие знаки, которых в номере не бывает.
problem-phone_length = В номере телефона после +7 или 8 должно быть 10 цифр, например +7 701 234 56 78.
problem-phone_not_kazakhstan = Это не казахстанский номер телефона: они начинаются с +7 6 или +7 7.
problem-email_invalid = Это не похоже на адрес электронной почты.
problem-region_unknown = Выберите одну из 17 областей или 3 городов.
problem-number_invalid = Введите целое число, например 4.
problem-before_birth = Дата услуги не может быть раньше даты рождения.
problem-registered_before_birth = Дата первого обращения не может быть раньше даты рождения.
problem-service_type = Выберите или введите услугу.
problem-duplicate_iin = Лицо с таким ИИН уже есть в реестре (запись № { $number }).
problem-duplicate_iin_in_file = Такой же ИИН есть и в строке { $row } файла.
problem-duplicate_iin_in_file_elsewhere = Такой же ИИН есть в другой строке файла.
problem-service_person_missing = В строке не указано, чья это услуга: нужен ИИН, номер в Derbes или фамилия, имя и дата рождения.
problem-service_person_not_found = { $by ->
    [iin] В реестре нет человека с таким ИИН.
    [number] В реестре нет человека с таким номером.
   *[name] В реестре нет человека с такими фамилией, именем и датой рождения.
}
problem-service_person_ambiguous = В реестре { $count } человека с такими фамилией, именем и датой рождения: укажите ИИН или номер в Derbes.
problem-service_person_blocked = Запись № { $number } заблокирована: пока блокировка не снята, в неё ничего нельзя добавить.
problem-service_type_unconfirmed = Выберите, какая это услуга: Derbes ещё не знает такого вида услуги.

## The fields problems and refusals point at
field-folder = папка хранилища
field-user_name = ваше имя
field-password = пароль
field-current = текущий пароль
field-auto_lock_minutes = время автоблокировки
field-group = группа ключа
field-kind = Категория лица
field-surname = Фамилия
field-name = Имя
field-patronymic = Отчество
field-iin = ИИН
field-birth_date = Дата рождения
field-sex = Пол
field-phone = Телефон
field-email = Электронная почта
field-region = Регион
field-district = Район
field-settlement = Населённый пункт
field-address = Адрес
field-id_document = Номер документа, удостоверяющего личность
field-programme = Программа или проект
field-services = Услуги
field-registered_on = Дата регистрации
field-person = Получатель
field-date = Дата услуги
field-service_type = Услуга
field-number = Номер в Derbes
field-disability = Инвалидность
field-household_size = Число членов семьи
field-health_notes = Сведения о здоровье
field-notes = Примечания
field-bin = БИН
field-responsible_name = ответственное лицо
field-responsible_contacts = контакты ответственного лица
field-row = Строка
field-purposes = Цели
field-given_on = Дата согласия
field-valid_from = Действует с
field-valid_until = Действует до
field-form = Форма согласия
field-form_reference = Номер в сервисе
field-representative_name = ФИО представителя
field-representative_relation = Кем приходится
field-representative_document = Документ представителя
field-third_parties = Третьи лица
field-cross_border = Страны
field-publication = Где публикуются
field-scope = Что отзывается
field-requested_on = Дата обращения
field-channel = Как поступило обращение
field-refusal_note = Основание отказа
field-reason = Причина
field-reference = Реквизиты
field-organisation = Организация
field-subject = Лицо
field-evidence = Скан согласия
field-legal_ground = Основание без согласия
field-ended_on = Дата окончания
field-hold = Запрет на уничтожение
field-due = Список к уничтожению
field-subjects = Лица
field-retention_rules = Правила хранения
field-path = Файл
field-as_of = Дата
field-lang = Язык

## A record with several problems names the first and counts the rest
invalid-first = { $field }: { $problem }
invalid-more = { $field }: { $problem } (ещё { $more ->
    [one] { $more } ошибка
    [few] { $more } ошибки
   *[many] { $more } ошибок
})
problem-outside_purposes = Это поле относится к цели ({ $purpose }), которую согласие или основание этого человека не охватывает (ст. 14): сначала оформите согласие на эту цель.
problem-minor_needs_representative = За ребёнка согласие даёт законный представитель, которого импорт указать не может: добавьте этого человека отдельно, указав представителя.
