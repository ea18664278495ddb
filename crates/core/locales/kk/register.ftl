# register: the refusals of the register (crates/core/src/register), by code. The problems of a
# person's record and of an import's rows are the problem-* messages in core.ftl.

## The operating organisation (Settings → Organisation)
reason-organisation_too_long = Тым ұзын (ең көбі { $max } таңба).
reason-organisation_control_chars = Бұл өрістен басқару таңбаларын алып тастаңыз.
reason-organisation_name_required = Ұйымның атауын жазыңыз.
reason-bin_length = БСН дәл 12 цифрдан тұруы тиіс.
reason-bin_check_digit = БСН-да қате бар: соңғы цифры қалғандарымен сәйкес келмейді.

## The data inventory (тізбе)
reason-inventory_no_purpose = Тізбеде дербес деректерді өңдеудің кемінде бір мақсаты болуы тиіс.
reason-inventory_purpose_key = «{ $key }» мақсатының кілті тек кіші латын әріптерінен, цифрлардан және астыңғы сызықтан тұруы тиіс.
reason-inventory_purpose_twice = «{ $key }» мақсаты екі рет көрсетілген.
reason-inventory_purpose_names = «{ $key }» мақсатының қазақ, орыс және ағылшын тілдеріндегі атауы болуы тиіс ({ $max } таңбаға дейін).
reason-inventory_field_sensitive = «{ $key }» өрісі құпия санатта қалуы тиіс.

## Listing the register
reason-age_band_unknown = Жас тобы мыналардың бірі болуы тиіс: { $allowed }.

## Reading an import file; { $unit } is gb, mb or bytes
reason-import_not_a_table = Бұл файл CSV немесе Excel (XLSX) кестесі емес.
reason-import_no_rows = Файлда импорттауға толтырылған жол жоқ.
reason-import_xlsx_damaged = Бұл Excel файлы бүлінген, оны оқу мүмкін емес: Excel-де ашып, қайта сақтаңыз да, тағы көріңіз.
reason-import_old_or_locked_excel = Бұл ескі Excel (XLS) файлы немесе құпиясөзбен қорғалған файл: оны Excel-де құпиясөзсіз XLSX түрінде немесе CSV түрінде сақтап, қайталап көріңіз.
reason-import_open_document = Бұл OpenDocument (ODS) кестесі: оны XLSX немесе CSV түрінде сақтап, қайталап көріңіз.
reason-import_file_too_large = Файлдың көлемі { $unit ->
        [gb] { $size } ГБ
        [mb] { $size } МБ
       *[bytes] { $size } байт
    } шамасынан асады: оны кішірек файлдарға бөліп, бірінен соң бірін импорттаңыз.
reason-import_xlsx_unpacks_too_large = Бұл Excel файлы ашылғанда { $unit ->
        [gb] { $size } ГБ
        [mb] { $size } МБ
       *[bytes] { $size } байт
    } шамасынан асады: оны CSV түрінде сақтаңыз немесе кішірек файлдарға бөліңіз.
reason-import_too_many_rows = Кестеде { $rows } жолдан көп жол бар: оны кішірек файлдарға бөліп, бірінен соң бірін импорттаңыз.
reason-import_too_many_columns = { $row }-жолда { $columns } бағаннан көп: қажет емес бағандарды алып тастап, қайталап көріңіз.
