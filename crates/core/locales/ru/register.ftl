# register: the refusals of the register (crates/core/src/register), by code. The problems of a
# person's record and of an import's rows are the problem-* messages in core.ftl.

## The operating organisation (Settings → Organisation)
reason-organisation_too_long = Слишком длинно (не более { $max ->
        [one] { $max } символа
       *[other] { $max } символов
    }).
reason-organisation_control_chars = Уберите из этого поля управляющие символы.
reason-organisation_name_required = Введите название организации.
reason-bin_length = БИН должен состоять ровно из 12 цифр.
reason-bin_check_digit = В БИН опечатка: последняя цифра не сходится с остальными.

## The data inventory (тізбе)
reason-inventory_no_purpose = В перечне должна быть хотя бы одна цель обработки персональных данных.
reason-inventory_purpose_key = Ключ цели «{ $key }» может состоять только из строчных латинских букв, цифр и знаков подчёркивания.
reason-inventory_purpose_twice = Цель «{ $key }» указана дважды.
reason-inventory_purpose_names = У цели «{ $key }» должно быть название на казахском, русском и английском языках (до { $max ->
        [one] { $max } символа
       *[other] { $max } символов
    }).
reason-inventory_field_sensitive = Поле «{ $key }» должно оставаться в чувствительной категории.

## Listing the register
reason-age_band_unknown = Возрастная группа должна быть одной из следующих: { $allowed }.

## Reading an import file; { $unit } is gb, mb or bytes
reason-import_not_a_table = Этот файл не является таблицей CSV или Excel (XLSX).
reason-import_no_rows = В файле нет заполненных строк для импорта.
reason-import_xlsx_damaged = Этот файл Excel повреждён и не читается: откройте его в Excel, сохраните заново и повторите попытку.
reason-import_old_or_locked_excel = Это старый файл Excel (XLS) или файл, защищённый паролем: сохраните его в Excel как XLSX без пароля или как CSV и повторите попытку.
reason-import_open_document = Это таблица OpenDocument (ODS): сохраните её как XLSX или CSV и повторите попытку.
reason-import_file_too_large = Файл больше { $unit ->
        [gb] { $size } ГБ
        [mb] { $size } МБ
       *[bytes] { $size } байт
    }: разделите его на файлы поменьше и импортируйте их по одному.
reason-import_xlsx_unpacks_too_large = В распакованном виде этот файл Excel занимает больше { $unit ->
        [gb] { $size } ГБ
        [mb] { $size } МБ
       *[bytes] { $size } байт
    }: сохраните его как CSV или разделите на файлы поменьше.
reason-import_too_many_rows = В таблице больше { $rows ->
        [one] { $rows } строки
       *[other] { $rows } строк
    }: разделите её на файлы поменьше и импортируйте их по одному.
reason-import_too_many_columns = В строке { $row } больше { $columns ->
        [one] { $columns } столбца
       *[other] { $columns } столбцов
    }: удалите ненужные столбцы и повторите попытку.
