# reports
# Слова отчётов для доноров, построчных выгрузок и файлов из них, а также отказы
# crates/core/src/reports. Идентификатор сообщения постоянен; текст никогда не разбирается.

## Отказы (reason-<code>)
reason-lang_unknown = Отчёты составляются на казахском (kk), русском (ru) или английском (en) языке.
reason-report_month_format = Укажите месяц в виде ГГГГ-ММ, например 2026-01.
reason-report_period_order = Период заканчивается раньше, чем начинается.
reason-report_period_too_long = Отчёт охватывает не более десяти лет.
reason-report_age_bands = Возрастные группы начинаются с 0 и идут по возрастанию, например 0, 18, 30, 45, 60.
reason-report_by_too_many = Разбивка возможна не более чем по трём признакам.
reason-report_by_twice = Каждый признак можно выбрать только один раз.
reason-report_by_service_type = По виду услуги можно разбить только услуги: один человек может получить несколько.
reason-report_threshold_range = Порог малых ячеек — от { $min } до { $max }.
reason-report_too_fragmented = { $percent ->
    [-1] Слишком много малых групп: большая часть таблицы была бы скрыта.
   *[other] Защита малых значений скрыла бы { $percent } % чисел, которые таблица могла бы показать, — больше допустимых { $limit } %.
} Выберите меньше или более крупные разбивки (регион вместо района, более широкие возрастные группы) или более длинный период.
reason-report_too_few_people = Слишком мало людей, чтобы безопасно опубликовать эту таблицу: выберите меньше признаков, более широкие возрастные группы или более длинный период.
reason-release_columns_none = Выберите хотя бы один столбец для выгрузки.
reason-release_columns_twice = Каждый столбец можно выбрать только один раз.
reason-k_range = k — от { $min } до { $max }.
reason-l_needs_sensitive = Для l-разнообразия нужен чувствительный столбец, например основной вид услуги.
reason-l_range = l — от { $min } до { $max }.
reason-release_max_suppressed = Исключить можно не более { $max } % строк.
reason-release_impossible = Ни один вариант выгрузки { $people ->
    [1] этого 1 человека
    [one] этих { $people } человека
   *[other] этих { $people } человек
} не даёт k = { $k }, если исключать не более { $percent } % строк: выгрузите меньше столбцов, уменьшите k или l либо выберите более длинный период.
reason-release_impossible_l = Ни один вариант выгрузки { $people ->
    [1] этого 1 человека
    [one] этих { $people } человека
   *[other] этих { $people } человек
} не даёт k = { $k } и l = { $l }, если исключать не более { $percent } % строк: выгрузите меньше столбцов, уменьшите k или l либо выберите более длинный период.
reason-export_format_unknown = Отчёты сохраняются в CSV, XLSX или PDF.
reason-transfer_recipient_missing = Укажите, кто получает файл: закон требует учитывать каждую передачу.
reason-transfer_purpose_missing = Укажите, зачем передаётся файл.
reason-transfer_text_too_long = Получатель — не длиннее 300 знаков, цель — не длиннее 1000.
reason-transfer_extension = Для этого формата имя файла должно оканчиваться на .{ $ext }.
reason-transfer_organisation_missing = Сначала укажите название организации в настройках: в файле написано, кто его передаёт.
reason-transfer_not_found = В реестре передачи данных нет передачи № { $number }.

## Слова, общие для отчётов и выгрузок
report-not-stated = Не указано
report-total = Всего
report-yes = Да
report-no = Нет
# Квартал по ключу ГГГГ-Qn
report-quarter = { $quarter } кв. { $year }

## Виды услуг (ключи услуг реестра)
report-service-legal_consultation = Юридическая консультация
report-service-psychological_support = Психологическая поддержка
report-service-social_support = Социальная поддержка
report-service-food_package = Продуктовый набор
report-service-hygiene_kit = Гигиенический набор
report-service-cash_assistance = Денежная помощь
report-service-medical_referral = Направление к врачу
report-service-shelter = Временное убежище
report-service-training = Обучение
report-service-home_visit = Посещение на дому
report-service-other = Прочие услуги

## Категории лиц, пол, макрорегионы
report-kind-beneficiary = Благополучатель
report-kind-employee = Сотрудник
report-kind-volunteer = Волонтёр
report-sex-male = Мужской
report-sex-female = Женский
report-macro_region-north = Север
report-macro_region-south = Юг
report-macro_region-east = Восток
report-macro_region-west = Запад
report-macro_region-central = Центр

## Сводные отчёты: что считается и в какой разбивке
report-measure-people = Получившие услуги
report-measure-services = Оказанные услуги
report-measure-new_people = Новые люди
report-dimension-region = Регион
report-dimension-district = Район
report-dimension-sex = Пол
report-dimension-age_band = Возрастная группа
report-dimension-kind = Категория
report-dimension-programme = Программа
report-dimension-service_type = Вид услуги
report-dimension-disability = Инвалидность
report-dimension-quarter = Квартал
report-dimension-month = Месяц

## Сводные отчёты: методика
report-method-primary = Значения меньше { $threshold } показаны как «<{ $threshold }» (первичное скрытие): ячеек — { $count }.
report-method-secondary = Чтобы скрытые значения нельзя было вычислить из итогов, дополнительно скрыты ячейки, показанные как «x» (вторичное скрытие), — всего { $count }; это проверено методом линейного программирования.
report-method-chosen-optimal = Ячейки «x» выбраны целочисленным программированием по всей таблице: наименьшее число ячеек, затем наименьшие значения (оптимальный метод программы статистических служб tau-ARGUS).
report-method-chosen-integer_programme = Ячейки «x» выбраны целочисленным программированием по всей таблице и уточнены до прохождения проверки; другой метод не скрыл меньше.
report-method-chosen-heuristic = Ячейки «x» выбраны пошагово (наименьшее значение рядом с каждой раскрываемой ячейкой): целочисленное программирование не нашло лучшего решения за отведённое время.
report-method-no-identifiers = Таблица не содержит ФИО, ИИН, контактов или адресов (статья 17 Закона № 94-V).
report-method-anonymous = Учтены и обезличенные записи: { $count }.
report-method-blocked = Заблокированные данные не учитывались: { $count }.
report-method-first-service = Каждый человек учтён один раз — в месяце первой услуги за период.

## Построчные выгрузки: столбцы и уровни обобщения
release-column-age = Возраст
release-column-sex = Пол
release-column-place = Место
release-column-disability = Инвалидность
release-column-household_size = Размер семьи
release-column-kind = Категория
release-column-programme = Программа
release-column-service_month = Месяц первой услуги
release-sensitive-service_type = Основной вид услуги
release-level-hidden = скрыто (*)
release-level-exact = точное значение
release-level-years = полных лет
release-level-5-years = группы по 5 лет
release-level-10-years = группы по 10 лет
release-level-20-years = группы по 20 лет
release-level-district = район
release-level-region = регион
release-level-macro-region = макрорегион
release-level-month = месяц
release-level-quarter = квартал
release-level-year = год

## Построчные выгрузки: методика
release-method-k = Каждая строка совпадает по всем столбцам ещё как минимум с { $others ->
    [one] { $others } строкой
   *[other] { $others } строками
} (k = { $k }, требовалось { $required }).
release-method-rows = Из { $people ->
    [one] { $people } человека, получившего
   *[other] { $people } человек, получивших
} услуги за период, выгружено строк: { $kept }; исключено строк из слишком малых групп: { $suppressed }.
release-method-search = Из всех { $total ->
    [one] { $total } варианта
   *[other] { $total } вариантов
} обобщения выбран теряющий меньше всего информации (метод ARX, полнодоменное обобщение); потеря информации: { $loss } %.
release-method-no-identifiers = ФИО, ИИН, телефон, электронная почта, адрес, номер документа и примечания никогда не выгружаются (статья 17 Закона № 94-V).
release-method-l = В каждой группе не менее { $l ->
    [one] { $l } различного значения
   *[other] { $l } различных значений
} основного вида услуги (l-разнообразие).

## Файлы: бланк, сведения, листы и заголовки
export-organisation = Организация
export-recipient = Получатель
export-purpose = Цель
export-ledger-number = № в реестре передачи данных
export-date = Дата
export-method = Методика
export-bin = БИН
export-table = Таблица
export-broken-down-by = Разбивка
export-threshold = Порог
export-sheet-data = Данные
export-k-required = Требуемое k
export-k-achieved = Достигнутое k
export-smallest-group = Наименьшая группа
export-groups = Число групп
export-rows-released = Выгружено строк
export-rows-left-out = Исключено строк
export-l-achieved = Достигнутое l
export-information-loss = Потеря информации
export-release-title = Обезличенные построчные данные
export-people = Число людей
export-rows = Строки

## Передача данных, позволяющих определить человека (ст. 7 п. 6, ст. 15, 16, 19)
reason-recipient_country_missing = Укажите страну получателя.
reason-recipient_protection_unknown = Укажите, обеспечивает ли страна получателя защиту персональных данных (п. 2 ст. 16).
reason-recipient_exists = Получатель с таким названием и страной уже есть в списке.
reason-recipient_not_found = Получателя № { $number } нет.
reason-transfer_exception_unknown = Выберите исключение из п. 3 ст. 16: { $allowed }.
reason-transfer_people_missing = Выберите людей, чьи данные передаются.
reason-transfer_fields_missing = Выберите передаваемые данные.
reason-transfer_basis_missing = Ничего не передано: у этих людей нет основания для такой передачи (согласия, где назван этот получатель, или основания из ст. 9): { $people }.
reason-transfer_fields_not_covered = Ни одно из выбранных сведений не охвачено согласием или основанием каждого человека: передавать нечего.
reason-transfer_notice_not_owed = Лицу № { $number } не требуется уведомление об этой передаче.
