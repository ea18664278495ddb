# vault: the vault's folder, its users and settings, the journal's chain; the demo vault
reason-user_name_empty = Укажите ваше имя: в журнале записывается, кто что сделал.
reason-user_name_too_long = Имя слишком длинное (не более { $max } { $max ->
    [one] знака
   *[other] знаков
}).
reason-role_unknown = Выберите роль: ответственное лицо или сотрудник.
reason-folder_is_file = По этому пути находится файл, а не папка.
reason-auto_lock_range = Время автоблокировки — от { $min } до { $max } { $max ->
    [one] минуты
   *[other] минут
}.
reason-demo_seed_collision = Некоторые вымышленные ИИН уже есть в этом хранилище: укажите другой --seed или возьмите пустое хранилище.

## Where the journal's hash chain breaks
reason-journal_entry_missing = Запись журнала №{ $seq } отсутствует.
reason-journal_entry_reordered = Запись журнала №{ $seq } не следует за записью №{ $previous }: цепочка записей изменена.
reason-journal_entry_changed = Запись журнала №{ $seq } изменена после того, как была сделана.
reason-journal_truncated = Журнал обрывается: записи с №{ $from } по №{ $to } отсутствуют.
reason-journal_head_missing = Отсутствует запись, которой отмечен конец журнала.
# A new vault's folder is one a cloud service synchronises ($service: OneDrive, Dropbox, ...).
vault-cloud-folder = Эту папку синхронизирует { $service }: хранилище будет копироваться в интернет при каждом изменении. Лучше выберите папку на этом компьютере.
reason-key_file_invalid = Этот файл не является файлом-ключом Derbes.
reason-key_file_not_found = По этому пути нет файла-ключа.
reason-share_invalid = В части { $number } опечатка: проверьте её по буквам.
reason-share_other_vault = Часть { $number } относится к другому хранилищу.
reason-shares_mixed = Эти части от разных разделений ключа восстановления: возьмите части из одной распечатки.
reason-share_duplicate = Одна и та же часть введена дважды.
reason-shares_too_few = Чтобы открыть хранилище, нужно частей: { $needed }; введено: { $given }.
reason-shares_count = Разделите ключ восстановления между { $min }–{ $max } людьми.
reason-shares_threshold = Открывать хранилище должны вместе от 2 до { $count } человек.
reason-share_holder_name = Введите имя человека, который хранит часть { $number }.
reason-shares_not_pending = Части показываются только один раз, при разделении ключа; разделите его снова, чтобы напечатать новые.
reason-clipboard_nothing = Это поле пустое: копировать нечего.
