# reports
# Донорларға арналған есептердің, жолдық деректердің және олардан жасалған файлдардың сөздері,
# сондай-ақ crates/core/src/reports бас тартулары. Хабар идентификаторы тұрақты; мәтін ешқашан
# талданбайды.

## Бас тартулар (reason-<code>)
reason-lang_unknown = Есептер қазақ (kk), орыс (ru) немесе ағылшын (en) тілінде жасалады.
reason-report_month_format = Айды ЖЖЖЖ-АА түрінде жазыңыз, мысалы 2026-01.
reason-report_period_order = Кезең басталмай тұрып аяқталады.
reason-report_period_too_long = Есеп ең көбі он жылды қамтиды.
reason-report_age_bands = Жас топтары 0-ден басталып, өсу ретімен жүреді, мысалы 0, 18, 30, 45, 60.
reason-report_by_too_many = Есепті ең көбі үш белгі бойынша бөлуге болады.
reason-report_by_twice = Әр белгіні бір рет қана таңдауға болады.
reason-report_by_service_type = Қызмет түрі бойынша тек қызметтерді бөлуге болады: бір адам бірнеше қызмет алуы мүмкін.
reason-report_threshold_range = Шағын ұяшық шегі { $min }-тен { $max }-ге дейін.
reason-report_too_fragmented = { $percent ->
    [-1] Шағын топтар тым көп: кестенің көп бөлігі жасырылып қалар еді.
   *[other] Шағын сандарды қорғау кесте көрсете алатын сандардың { $percent } %-ын жасырар еді — бұл рұқсат етілген { $limit } %-дан көп.
} Бөлінуді азайтыңыз немесе ірілендіріңіз (аудан орнына өңір, кеңірек жас топтары) немесе ұзағырақ кезең таңдаңыз.
reason-report_too_few_people = Бұл кестені қауіпсіз жариялау үшін адамдар тым аз: белгілерді азайтыңыз, жас топтарын кеңейтіңіз немесе ұзағырақ кезең таңдаңыз.
reason-release_columns_none = Берілетін кемінде бір бағанды таңдаңыз.
reason-release_columns_twice = Әр бағанды бір рет қана таңдауға болады.
reason-k_range = k { $min }-ден { $max }-ге дейін.
reason-l_needs_sensitive = l-әртүрлілік үшін сезімтал баған керек, мысалы негізгі қызмет түрі.
reason-l_range = l { $min }-ден { $max }-ға дейін.
reason-release_max_suppressed = Жолдардың ең көбі { $max } %-ын алып тастауға болады.
reason-release_impossible = Осы { $people } адамның деректерін жолдардың { $percent } %-ынан көбін алып тастамай k = { $k } талабымен беру мүмкін емес: бағандарды азайтыңыз, k немесе l мәнін төмендетіңіз не ұзағырақ кезең таңдаңыз.
reason-release_impossible_l = Осы { $people } адамның деректерін жолдардың { $percent } %-ынан көбін алып тастамай k = { $k } және l = { $l } талабымен беру мүмкін емес: бағандарды азайтыңыз, k немесе l мәнін төмендетіңіз не ұзағырақ кезең таңдаңыз.
reason-export_format_unknown = Есептер CSV, XLSX немесе PDF түрінде сақталады.
reason-transfer_recipient_missing = Файлды кім алатынын көрсетіңіз: заң әр беруді есепке алуды талап етеді.
reason-transfer_purpose_missing = Файл не үшін берілетінін көрсетіңіз.
reason-transfer_text_too_long = Алушы 300 таңбадан, мақсаты 1000 таңбадан аспауы керек.
reason-transfer_extension = Бұл пішім үшін файл атауы .{ $ext } деп аяқталуы керек.
reason-transfer_organisation_missing = Алдымен баптауларда ұйымның атауын толтырыңыз: файлда оны кім беретіні жазылады.
reason-transfer_not_found = Деректерді беру тізілімінде № { $number } жазба жоқ.

## Есептер мен жолдық деректерге ортақ сөздер
report-not-stated = Көрсетілмеген
report-total = Барлығы
report-yes = Иә
report-no = Жоқ
# ЖЖЖЖ-Qn кілті бойынша тоқсан
report-quarter = { $year } ж. { $quarter }-тоқсан

## Қызмет түрлері (тізілімдегі қызметтердің кілттері)
report-service-legal_consultation = Заң кеңесі
report-service-psychological_support = Психологиялық қолдау
report-service-social_support = Әлеуметтік қолдау
report-service-food_package = Азық-түлік жиынтығы
report-service-hygiene_kit = Гигиеналық жиынтық
report-service-cash_assistance = Ақшалай көмек
report-service-medical_referral = Дәрігерге жолдама
report-service-shelter = Уақытша баспана
report-service-training = Оқыту
report-service-home_visit = Үйге бару
report-service-other = Басқа қызметтер

## Адам санаттары, жынысы, макроөңірлер
report-kind-beneficiary = Бенефициар
report-kind-employee = Қызметкер
report-kind-volunteer = Ерікті
report-sex-male = Ер
report-sex-female = Әйел
report-macro_region-north = Солтүстік
report-macro_region-south = Оңтүстік
report-macro_region-east = Шығыс
report-macro_region-west = Батыс
report-macro_region-central = Орталық

## Жиынтық есептер: не саналады, не бойынша бөлінеді
report-measure-people = Қызмет алған адамдар
report-measure-services = Көрсетілген қызметтер
report-measure-new_people = Жаңа адамдар
report-dimension-region = Өңір
report-dimension-district = Аудан
report-dimension-sex = Жынысы
report-dimension-age_band = Жас тобы
report-dimension-kind = Санаты
report-dimension-programme = Бағдарлама
report-dimension-service_type = Қызмет түрі
report-dimension-disability = Мүгедектігі
report-dimension-quarter = Тоқсан
report-dimension-month = Ай

## Жиынтық есептер: әдістеме
report-method-primary = Шегі { $threshold }: одан кіші сандар «<{ $threshold }» деп көрсетілген (бастапқы жасыру): { $count } ұяшық.
report-method-secondary = Жасырылған сандарды жиындардан шығарып алуға болмас үшін тағы { $count } ұяшық «x» деп жасырылды (қосымша жасыру); бұл сызықтық бағдарламалау арқылы тексерілді.
report-method-chosen-optimal = «x» ұяшықтары бүкіл кесте бойынша бүтін санды бағдарламалау арқылы таңдалды: ең аз ұяшық, содан кейін ең кіші мәндер (статистика қызметтерінің tau-ARGUS бағдарламасының оңтайлы әдісі).
report-method-chosen-integer_programme = «x» ұяшықтары бүкіл кесте бойынша бүтін санды бағдарламалау арқылы таңдалып, тексеруден өткенше нақтыланды; басқа әдіс бұдан аз жасырмады.
report-method-chosen-heuristic = «x» ұяшықтары қадам-қадаммен таңдалды (ашылып қалатын әр ұяшықтың жанындағы ең кіші мән): бүтін санды бағдарламалау берілген уақыт ішінде жақсырақ шешім таппады.
report-method-no-identifiers = Кестеде ешкімнің аты-жөні, ЖСН-і, байланыс деректері немесе мекенжайы жоқ (94-V Заңның 17-бабы).
report-method-anonymous = Иесіздендірілген жазбалар да есептелді: { $count }.
report-method-blocked = Бұғатталған деректер есептелмеді: { $count }.
report-method-first-service = Әр адам кезеңдегі алғашқы қызметінің айында бір рет есептелді.

## Жолдық деректер: бағандар және жалпылау деңгейлері
release-column-age = Жасы
release-column-sex = Жынысы
release-column-place = Мекені
release-column-disability = Мүгедектігі
release-column-household_size = Отбасы саны
release-column-kind = Санаты
release-column-programme = Бағдарлама
release-column-service_month = Алғашқы қызмет айы
release-sensitive-service_type = Негізгі қызмет түрі
release-level-hidden = жасырылған (*)
release-level-exact = дәл мәні
release-level-years = толық жыл
release-level-5-years = 5 жылдық топ
release-level-10-years = 10 жылдық топ
release-level-20-years = 20 жылдық топ
release-level-district = аудан
release-level-region = өңір
release-level-macro-region = макроөңір
release-level-month = ай
release-level-quarter = тоқсан
release-level-year = жыл

## Жолдық деректер: әдістеме
release-method-k = Әр жол кемінде тағы { $others } жолмен барлық бағандар бойынша бірдей (k = { $k }, талап етілгені { $required }).
release-method-rows = Кезеңде қызмет алған { $people } адамның { $kept } жолы берілді; { $suppressed } жол тым шағын топта болғандықтан алынып тасталды.
release-method-search = Ең аз ақпарат жоғалтатын түрлендіру барлық { $total } нұсқаның ішінен таңдалды (ARX әдісі, толық домендік жалпылау); ақпарат жоғалту: { $loss } %.
release-method-no-identifiers = Аты-жөні, ЖСН, телефон, электрондық пошта, мекенжай, құжат нөмірі және ескертпелер ешқашан берілмейді (94-V Заңның 17-бабы).
release-method-l = Әр топта негізгі қызмет түрінің кемінде { $l } түрлі мәні бар (l-әртүрлілік).

## Файлдар: бланк, мәліметтер, парақтар мен тақырыптар
export-organisation = Ұйым
export-recipient = Алушы
export-purpose = Мақсаты
export-ledger-number = Деректерді беру тізіліміндегі №
export-date = Күні
export-method = Әдістеме
export-bin = БСН
export-table = Кесте
export-broken-down-by = Бөліну
export-threshold = Шек
export-sheet-data = Деректер
export-k-required = Талап етілген k
export-k-achieved = Қол жеткізілген k
export-smallest-group = Ең кіші топ
export-groups = Топтар саны
export-rows-released = Берілген жолдар
export-rows-left-out = Алынып тасталған жолдар
export-l-achieved = Қол жеткізілген l
export-information-loss = Ақпарат жоғалту
export-release-title = Иесіздендірілген жолдық деректер
export-people = Адам саны
export-rows = Жолдар

## Адамды анықтауға мүмкіндік беретін деректерді беру (7-баптың 6-тармағы, 15, 16, 19-баптар)
reason-recipient_country_missing = Алушының елін көрсетіңіз.
reason-recipient_protection_unknown = Алушының елі дербес деректердің қорғалуын қамтамасыз ете ме, көрсетіңіз (16-баптың 2-тармағы).
reason-recipient_exists = Осындай атауы мен елі бар алушы тізімде бар.
reason-recipient_not_found = № { $number } алушы жоқ.
reason-transfer_exception_unknown = 16-баптың 3-тармағындағы ерекшелікті таңдаңыз: { $allowed }.
reason-transfer_people_missing = Деректері берілетін адамдарды таңдаңыз.
reason-transfer_fields_missing = Берілетін деректерді таңдаңыз.
reason-transfer_basis_missing = Ештеңе берілмеді: мына адамдарда осы беруге негіз жоқ (осы алушы аталған келісім немесе 9-баптағы негіз): { $people }.
reason-transfer_fields_not_covered = Таңдалған деректердің бірде-біреуі әр адамның келісімімен немесе негізімен қамтылмаған: беретін ештеңе жоқ.
reason-transfer_notice_not_owed = № { $number } адамға бұл беру туралы хабарлау талап етілмейді.
