# documents: the papers the law asks for, as PDF, and where they are saved
reason-doc_lang_unknown = Құжаттар қазақ (kk) немесе орыс (ru) тілінде жасалады.
reason-save_folder_missing = Сақтауға арналған қалта жоқ.
reason-save_path_is_folder = Бұл қалта: жолдың соңына файл атауын жазыңыз.
reason-document_template_broken = Құжаттың «{ $template }» үлгісі жасалмады: { $detail }. Бұл Derbes-тің қатесі, деректеріңізге әсер етпейді.
reason-inventory_version_unknown = Тізбенің { $version }-нұсқасы жоқ.
reason-sees_data_beneficiary = Міндеттемені қызметкерлер мен еріктілер береді, бенефициарлар емес.
reason-confidant_unknown = Бұл адам тізілімнің пайдаланушысы емес және деректерді көретін адам ретінде белгіленбеген.
reason-paper_person_needed = Міндеттеме кімнің атынан жасалатынын таңдаңыз.

# The compliance pack's tables: column headers (documents/papers/pack.rs)
pack-column-consent = Келісім №
pack-column-person = Тұлғаның ішкі нөмірі
pack-column-name = Тегі, аты, әкесінің аты
pack-column-given_on = Берілген күні
pack-column-valid_until = Қолданылу мерзімі
pack-column-form = Нысаны
pack-column-reference = Растайтын құжат
pack-column-representative = Заңды өкіл
pack-column-withdrawn = Кері қайтарып алынды
pack-column-scans = Сканерленген көшірмелер
pack-column-taken_by = Қабылдаған
pack-column-act = Акт №
pack-column-action = Әрекет
pack-column-ground = Негіз
pack-column-people = Адамдар саны
pack-column-performed_at = Орындалған уақыты
pack-column-performed_by = Орындаған
pack-column-backups = Сақтық көшірмелер
pack-column-transfer = Беру №
pack-column-at = Уақыты
pack-column-user = Пайдаланушы
pack-column-kind = Түрі
pack-column-format = Пішімі
pack-column-recipient = Алушы
pack-column-purpose = Мақсаты
pack-column-sha256 = SHA-256
pack-column-size = Көлемі, байт
pack-column-seq = №
pack-column-object = Нысан
pack-column-details = Мәліметтер
pack-column-user_id = Пайдаланушының ішкі нөмірі
pack-column-prev_hash = Алдыңғы жазбаның хэші
pack-column-hash = Хэш

# What the compliance pack lacks (documents/papers/pack.rs)
pack-missing-org_name_missing = Ұйымның атауы көрсетілмеген.
pack-missing-org_bin_missing = Ұйымның БСН-і көрсетілмеген.
pack-missing-org_address_missing = Ұйымның мекенжайы көрсетілмеген.
pack-missing-responsible_missing = Жауапты адам көрсетілмеген.
pack-missing-responsible_contacts_missing = Жауапты адамның байланыс деректері көрсетілмеген.
pack-missing-head_missing = Ұйымның басшысы көрсетілмеген.
pack-missing-policy_not_approved = Саясат бұрын бекітілмеген: топтамадағысы — жоба.
pack-missing-no_consents = Тізілімде адамдар бар, бірақ келісім тіркелмеген.
pack-missing-no_acts = Жою актілері әлі жоқ.
pack-missing-requests_not_kept = Субъектілердің сұрау салулары әлі жүргізілмейді.
pack-missing-breaches_not_kept = Қауіпсіздіктің бұзылуы әлі тіркелмейді.
