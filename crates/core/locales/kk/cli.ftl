# cli: the derbes command's own refusals and the sentences it prints to people. Tables of
# people, keys, JSON and --help stay as they are.

## Refusals of the command line
reason-cli_stdin_ended = Стандартты кіріс күтілген құпиясөз немесе кілт келмей тұрып аяқталды.
reason-cli_no_terminal = Құпиясөзді сұрайтын терминал жоқ; --password-stdin параметрін пайдаланыңыз.
reason-cli_vault_missing = Қай қойма екенін көрсетіңіз: --vault DIR (немесе DERBES_VAULT айнымалысын орнатыңыз).
reason-cli_kind_unknown = Тұлғаның түрі beneficiary, employee немесе volunteer болуы керек.
reason-cli_values_format = Өріс мәндерін KEY=VALUE түрінде жазыңыз, мысалы surname=Серікова.
reason-cli_field_unknown = «{ $key }» деген өріс жоқ; `derbes subject add --help` қараңыз.
reason-cli_service_format = Қызметті DATE=TYPE түрінде жазыңыз, мысалы 2024-02-15=legal_consultation.
reason-cli_import_rejected = Файлдағы { $rows } жолдың { $rejected } жолында қате бар, сондықтан ештеңе импортталмады; оларды түзетіп, қайта импорттаңыз.
reason-cli_service_map_format = Әр қызмет түрін МӘН=ТҮР түрінде беріңіз, мысалы «Юрконсультация=legal_consultation» немесе «Обед=as-written».
reason-cli_service_type_unknown = «{ $value }» қызмет түрі емес: legal_consultation, psychological_support, social_support, food_package, hygiene_kit, cash_assistance, medical_referral, shelter, training, home_visit немесе as-written пайдаланыңыз.
reason-cli_access_unknown = Қолжетімділік restricted немесе public болуы керек.
reason-cli_region_unknown = Мұндай өңір жоқ; almaty_city сияқты кілтті немесе өңірдің атауын жазыңыз.
reason-cli_inventory_file_invalid = Тізбе файлы жарамсыз: { $detail }.
reason-cli_consent_form_unknown = Келісімнің нысаны paper, electronic, egov, consent_service немесе other болуы керек.
reason-cli_withdrawal_scope_unknown = Кері қайтарып алынатын бөлігі all, third_parties, cross_border немесе publication болуы керек.
reason-cli_refusal_ground_unknown = Бас тартудың негізі — law (заң) немесе obligation (міндеттеме).
reason-cli_confirm_with_yes = Мұны кері қайтару мүмкін емес; растау үшін --yes қосыңыз.
reason-cli_due_or_people = Тұлғаларды атаңыз немесе --due пайдаланыңыз, екеуін бірге емес.
reason-cli_end_ground_unknown = Негіз retention_ended, consent_withdrawn, request, court_decision немесе unlawful_processing болуы керек.
reason-cli_report_kind_unknown = «{ $value }» деген тұлға түрі жоқ: beneficiary, employee немесе volunteer жазыңыз.
reason-cli_release_column_unknown = «{ $value }» деген баған жоқ: age, sex, place, disability, household_size, kind, programme немесе service_month жазыңыз.
reason-cli_report_by_unknown = «{ $value }» бойынша бөлуге болмайды: region, district, sex, age_band, kind, programme, service_type, disability, quarter немесе month жазыңыз.
reason-cli_sensitive_unknown = «{ $value }» деген сезімтал баған жоқ: service_type жазыңыз.
reason-cli_measure_unknown = Тұлғаларды (people), қызметтерді (services) немесе жаңа тұлғаларды (new_people) санаңыз.
reason-cli_transfer_not_found = Бұл файл деректерді беру тізілімінде жоқ немесе сақталғаннан кейін өзгертілген.

## Prompts (a space follows each)
cli-prompt-password = Құпиясөз:
cli-prompt-current-password = Қазіргі құпиясөз:
cli-prompt-new-password = Жаңа құпиясөз:
cli-prompt-new-vault-password = Қойманың жаңа құпиясөзі:
cli-prompt-repeat-new-password = Жаңа құпиясөзді қайталаңыз:

## The vault
cli-default-user-name = Жауапты адам
cli-vault-created = Қойма құрылды: { $dir }.
cli-recovery-key-shown-once = Қалпына келтіру кілті (бір рет қана көрсетіледі — оны жазып алыңыз немесе басып шығарыңыз және ноутбуктен бөлек сақтаңыз):
cli-recovery-key-only-way = Құпиясөз ұмытылса, қоймаға кірудің жалғыз жолы — осы кілт.
cli-vault-opens = Қойма { $user } үшін ашылады; оның файлдары бүтін.
cli-journal-intact = Журналдың { $count } жазбасы бүтін.
cli-password-changed = Құпиясөз өзгертілді.

## The register
cli-person-added = № { $number } жазба қосылды.
cli-person-changed = № { $number } жазба өзгертілді.
cli-import-row = жол { $row }  { $field }  { $problem }
cli-imported = { $count } тұлға импортталды.
cli-import-dry-run-ok = Барлық { $count } жолды импорттауға болады (сынап көру: ештеңе жазылған жоқ).
cli-service-type-line = { $value } ({ $rows }) → { $type }
cli-service-type-unknown = танылмады: --map арқылы таңдаңыз
cli-services-imported = { $people } адамның { $count } қызметі импортталды (тізілімде бұрыннан бар: { $already }).
cli-services-dry-run-ok = { $people } адамның { $count } қызметін импорттауға болады, { $already } қызмет тізілімде бұрыннан бар (сынап көру: ештеңе жазылған жоқ).
cli-inventory-heading = Дербес деректер тізбесі, { $version }-нұсқа (бекітілген күні { $at }, бекіткен пайдаланушы { $by }):
cli-org-name = Атауы:
cli-org-bin = БСН:
cli-org-address = Мекенжайы:
cli-org-responsible = Жауапты адам:
cli-org-contacts = Байланыс деректері:
cli-org-head = Басшы:
cli-org-head-position = Басшының лауазымы:
cli-demo-added = { $count } ойдан шығарылған тұлға қосылды.

## Consents
cli-consent-heading = № { $person } тұлғаның № { $number } келісімі — { $state }
cli-consent-purposes = мақсаттары:
cli-consent-given-on = берілген күні:
cli-consent-valid = қолданылу мерзімі:
cli-consent-valid-range = { $from } – { $until }
cli-consent-until-purpose = мақсатқа жеткенге дейін
cli-consent-third-parties = үшінші тұлғалар:
cli-consent-cross-border = трансшекаралық беру:
cli-consent-publication = жариялау:
cli-consent-form = нысаны:
cli-consent-given-by = берген:
cli-consent-by-representative = заңды өкілі ({ $relation })
cli-consent-evidence = келісімнің сканы:
cli-consent-no-evidence = тіркелмеген
cli-yes = иә
cli-yes-where = иә ({ $where })
cli-no = жоқ
cli-no-consents = Келісімдер енгізілмеген.
cli-consent-form-written = Келісім нысаны сақталды: { $path }.
cli-scan-attached = Скан ({ $type }, { $size } байт) № { $consent } келісімге тіркелді.

## Blocking and legal hold
cli-record-blocked = № { $number } жазбаның деректері бұғатталды.
cli-record-unblocked = № { $number } жазбаның деректері бұғаттан шығарылды.
cli-record-held = № { $number } жазбаға жоюға тыйым салынды.
cli-record-released = № { $number } жазбадан жоюға тыйым алынды.

## Retention, anonymisation and destruction
cli-rule-any-purpose = кез келген мақсат
cli-rule-months-after = { $anchor ->
        [collection] жиналған күннен
        [last_service] соңғы қызметтен
        [programme_end] бағдарлама аяқталғаннан
        [employment_end] еңбек қатынастары аяқталғаннан
       *[consent_end] келісім аяқталғаннан
    } кейін { $months } ай
cli-rule-for-life = өмір бойы
cli-rule-until-purpose = мақсатқа жеткенге дейін
cli-due-summary = { $date } күнге { $count } тұлғаның сақтау мерзімі өтті (тағы { $held } тұлғаға жоюға тыйым салынған).
cli-due-row = № { $number } { $kind } мерзімі өткен күн { $since }  { $name }
cli-due-blocked = {"["}бұғатталған]
cli-left-alone-blocked = қозғалмады (бұғатталған): { $numbers }
cli-act-heading = № { $number } акт: { $action }, { $count } тұлға ({ $ground }), { $at }, орындаған { $by }
cli-act-people = тұлғалар:
cli-act-categories = деректер санаттары:
cli-no-acts = Әзірге акт жоқ.
cli-acts-row = № { $number } { $action } { $ground } { $count } тұлға  { $at }  { $by }
cli-act-written = Акт сақталды: { $path }.

## Reports and transfers
cli-report-saved = { $path } файлына сақталды және деректерді беру тізіліміне № { $number } болып жазылды (SHA-256 { $sha256 }).
cli-release-summary = Қол жеткен k = { $k } (ең кіші топ), { $classes } топ, { $rows } жол берілді, { $suppressed } жол алынып тасталды, ақпарат жоғалту { $loss } %.
cli-release-l = Қол жеткен l = { $l }.
cli-release-more-rows = … тағы { $count } жол (толығын --out арқылы сақтаңыз).
cli-no-transfers = Әзірге деректер берілмеген.
cli-transfer-found = Бұл файл — № { $number } беру: { $recipient }, { $date } ({ $purpose }).

## Users (derbes user …)
cli-prompt-new-user-password = Жаңа пайдаланушының құпиясөзі:
cli-role-responsible = жауапты адам
cli-role-staff = қызметкер
cli-user-may-reveal = денсаулық туралы деректер мен ЖСН-ді көре алады
cli-user-you = сіз
cli-user-no-password = құпиясөзі әлі жоқ
cli-user-added = { $name } { $role } ретінде қосылды; ол өз құпиясөзімен кіреді (derbes --user "{ $name }").
cli-user-removed = { $name } жойылды: оның құпиясөзі бұл қойманы енді ашпайды.
cli-user-password-set = { $name } үшін жаңа құпиясөз орнатылды; басқалардың құпиясөзі өзгерген жоқ.
cli-user-role-set = { $name } енді — { $role }.
cli-user-reveal-on = { $name } енді денсаулық туралы деректер мен ЖСН-ді көре алады.
cli-user-reveal-off = { $name } енді денсаулық туралы деректер мен ЖСН-ді көре алмайды.
reason-cli_confirm_remove_user = Пайдаланушыны жойсаңыз, ол бұл қоймаға кіре алмайды; растау үшін --yes қосыңыз.
cli-rekeyed = Қойма жаңа кілтпен қайта шифрланды; оны { $slots } кіру жолы (құпиясөздер мен қалпына келтіру кілті) ашады. keyslots файлының ескі көшірмесі бұдан кейін жасалған ешбір көшірмені ашпайды.

## Сақтық көшірмелер және қалпына келтіру
cli-backup-made = Сақтық көшірме { $path } файлына жазылды ({ $size }, адам саны: { $people }). Оны кез келген пайдаланушының құпиясөзі немесе бүгінгі қалпына келтіру кілті ашады; жанында жою журналы жазылды.
cli-backup-verified = { $made } көшірмесі бүтін: { $pages } бет және журналдың { $entries } жазбасы тексерілді; ішінде { $people } адам бар.
cli-restored = { $dir } қалтасына қалпына келтірілді: { $people } адам, { $made } көшірмесінен.
cli-restore-replayed = Кейінгі жою не иесіздендіру актілері қайта қолданылды: { $acts }; жаңарақ қоймадағыдай { $people } адам қайтадан жойылды.
cli-restore-no-log = Жою журналы табылмады: { $made } кейін жойылғандардың бәрі бұл көшірмеде қайта пайда болды. --replay арқылы жаңарақ қойманың қалтасын немесе жаңарақ көшірменің журналын беріп, қайта қалпына келтіріңіз.
cli-restore-nothing-later = Табылған жою журналдарында ({ $logs }) бұл көшірмеден кейінгі жою жоқ.
cli-backup-state-kept = сақтаулы
cli-backup-state-replaced = ауыстырылған
cli-backup-state-deleted = жойылған
cli-backup-state-holds-ended = жойылған адамдар бар
cli-backup-last = Соңғы сақтық көшірме: { $made }, { $path }.
cli-backup-none = Сақтық көшірме әлі жасалған жоқ.
cli-backup-overdue = Соңғы сақтық көшірмеге { $days } күннен асты (немесе ол жоқ): көшірме жасаңыз.
cli-backup-holds-ended = { $made } көшірмесінде ({ $path }) одан кейін жойылған адамдар әлі бар: оны жаңа көшірмемен ауыстырыңыз немесе жойыңыз.
cli-backup-expired = { $made } көшірмесі ({ $path }) { $days } күннен ескі: оны жойыңыз.
cli-backup-forgotten = { $path } сақтық көшірмесі жойылған деп белгіленді.
cli-backup-settings = Сақтық көшірмелер: { $reminder } күннен кейін еске салу; { $retention } күн сақталады.
reason-cli_backup_out_missing = Көшірмені қайда жазу керегін көрсетіңіз: --out FILE.

## Кілт файлдары
cli-key-file-set = Кілт файлы { $path } жолына жазылды. Енді құпиясөзіңіз қойманы тек онымен бірге ашады: оны ноутбуктан бөлек, флешкада сақтаңыз және --key-file арқылы көрсетіңіз.
cli-key-file-removed = Құпиясөзіңіз қойманы қайтадан өзі ашады; ескі кілт файлы енді керек емес.
reason-cli_key_file_missing = Қазіргі кілт файлын --key-file арқылы көрсетіңіз.

## Қалпына келтіру кілтін ауыстыру және бөлу
cli-recovery-key-replaced = Бұл жаңа қалпына келтіру кілті ескісін ауыстырады; ескісі қойманы енді ашпайды.
cli-shares-made = Жаңа қалпына келтіру кілті бөліктерге бөлінді: { $count }; қойманы кез келген { $threshold } бөлік бірге ашады. Ескі қалпына келтіру кілті енді жарамсыз.
cli-shares-once = Әр бөлік тек қазір көрсетіледі: әркімге өз бөлігін қағазда беріңіз, бұл ноутбукта ешқайсысын сақтамаңыз.

# derbes docs
cli-paper-written = { $paper } № { $number } жазылды ({ $pages } бет): { $path }
cli-paper-policy = Дербес деректерді өңдеу саясаты
cli-paper-inventory = Дербес деректер тізбесі
cli-paper-order = Жауапты адамды тағайындау туралы бұйрық
cli-paper-retention = Сақтау мерзімдерінің кестесі
cli-paper-undertaking = Құпиялылық туралы міндеттеме
cli-paper-never = әлі жасалмаған
cli-paper-current = № { $number }, { $at } жасалған, өзекті
cli-paper-outdated = № { $number }, { $at } жасалған, ескірген: { $why }
cli-paper-why-inventory-changed = тізбе өзгерді
cli-paper-why-responsible-changed = жауапты адам өзгерді
cli-paper-why-details-changed = мәліметтер өзгерді
cli-pack-written = Тексеруге арналған топтама № { $number } жазылды ({ $files } файл): { $path }
cli-pack-journal-broken = Назар аударыңыз: әрекеттер журналының тізбегі бұзылған; топтамада бұл көрсетілген.
cli-pack-missing = Тексеруші сұрайтын, бірақ әлі жоқ нәрселер:
cli-sees-data-on = { $person }: жұмыс бабында дербес деректерді көреді деп белгіленді.
cli-sees-data-off = { $person }: енді дербес деректерді көрмейді.

## Мерзімдер: күнтізбе, өтініштер, бұзылулар
cli-clock-running = мерзімі { $due }, қалған жұмыс күні: { $left }
cli-clock-today = мерзімі бүгін ({ $due })
cli-clock-overdue = МЕРЗІМІ ӨТТІ: { $due }
cli-clock-unknown = мерзімді есептеу мүмкін емес: күнтізбеде { $year } жылдың деректері жоқ
cli-calendar-year = { $year }: Құрбан айт { $kurban }{ $estimated ->
    [true] {" "}(болжалды күн)
   *[false] {""}
}, қосымша демалыс: { $off }, қосымша жұмыс күні: { $worked }{ $edited ->
    [true] {" "}(өзгертілген)
   *[false] {""}
}
cli-calendar-moved = { $holiday } (демалыс күнінен ауыстырылды)
cli-calendar-day-off = демалыс күні (осы жылдың күнтізбесі)
cli-calendar-working = жұмыс күні (осы жылдың күнтізбесі)
cli-calendar-weekend = демалыс күні
cli-calendar-due = { $from } күнінен кейін { $days } жұмыс күні: { $due }
cli-calendar-set = { $year } жылғы күнтізбе сақталды.
cli-calendar-reset = { $year } жылға Derbes күнтізбесі қайтарылды.
cli-request-line = № { $number } өтініш · № { $person } адам · { $kind } · түскен күні { $received } · { $state }
cli-request-closed-on = { $outcome ->
    [refused] бас тартылды
   *[done] орындалды
} { $on }
cli-request-answer-written = № { $number } өтінішке № { $answer } жауап { $path } файлына жазылды.
cli-breach-line = № { $number } бұзылу · { $kind } · анықталды { $detected } · зардап шеккендер: { $affected } · { $state }
cli-breach-notice-written = № { $number } бұзылу туралы № { $notice } хабарлама { $path } файлына жазылды.
cli-basis-set = Негіз жазылған адамдар саны: { $count }.
cli-lapse-line = № { $number } адам · { $reason }, { $since } бастап · { $due } дейін шара қолданыңыз
reason-cli_recipient_kind_unknown = Алушы түрі: donor, partner, state_body немесе other.
reason-cli_yes_or_no = yes немесе no деп жауап беріңіз.
reason-cli_out_required = Жазылатын файлды --out арқылы көрсетіңіз.
cli-recipient-added = № { $number } алушы қосылды: { $name }.
cli-transfer-written = № { $number } беру тізілімге жазылды: { $rows } адамның деректері { $path } файлына жазылды. Файлда дербес деректер ашық түрде: оны тек қорғалған арнамен жіберіңіз.
