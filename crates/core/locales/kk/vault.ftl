# vault: the vault's folder, its users and settings, the journal's chain; the demo vault
reason-user_name_empty = Атыңызды жазыңыз: журнал кімнің не істегенін жазып отырады.
reason-user_name_too_long = Аты тым ұзын (ең көбі { $max } таңба).
reason-role_unknown = Рөлді таңдаңыз: жауапты адам немесе қызметкер.
reason-folder_is_file = Бұл жол қалтаны емес, файлды көрсетеді.
reason-auto_lock_range = Автоқұлыптау уақыты { $min } минуттан { $max } минутқа дейін болуы керек.
reason-demo_seed_collision = Ойдан шығарылған ЖСН-дердің кейбірі бұл қоймада бұрыннан бар: басқа --seed мәнін немесе бос қойманы пайдаланыңыз.

## Where the journal's hash chain breaks
reason-journal_entry_missing = Журналдың №{ $seq } жазбасы жоқ.
reason-journal_entry_reordered = Журналдың №{ $seq } жазбасы №{ $previous } жазбадан кейін тұрмайды: жазбалар тізбегі өзгертілген.
reason-journal_entry_changed = Журналдың №{ $seq } жазбасы жазылғаннан кейін өзгертілген.
reason-journal_truncated = Журнал үзіліп қалған: №{ $from }–№{ $to } жазбалар жоқ.
reason-journal_head_missing = Журналдың соңын белгілейтін жазба жоқ.
# A new vault's folder is one a cloud service synchronises ($service: OneDrive, Dropbox, ...).
vault-cloud-folder = Бұл қалтаны { $service } синхрондайды: қойма әр өзгерген сайын интернетке көшіріледі. Осы компьютердегі басқа қалтаны таңдаңыз.
reason-key_file_invalid = Бұл файл Derbes кілт файлы емес.
reason-key_file_not_found = Бұл жолда кілт файлы жоқ.
reason-share_invalid = { $number }-бөлікте қате бар: оны әріп бойынша тексеріңіз.
reason-share_other_vault = { $number }-бөлік басқа қоймаға тиесілі.
reason-shares_mixed = Бұл бөліктер қалпына келтіру кілтінің әртүрлі бөлінуінен: бір басылымның бөліктерін алыңыз.
reason-share_duplicate = Бір бөлік екі рет енгізілді.
reason-shares_too_few = Қойманы ашу үшін қажет бөліктер саны: { $needed }; енгізілгені: { $given }.
reason-shares_count = Қалпына келтіру кілтін { $min }–{ $max } адамға бөліңіз.
reason-shares_threshold = Қойманы бірге ашатын адамдар саны 2-ден { $count }-ке дейін болуы керек.
reason-share_holder_name = { $number }-бөлікті сақтайтын адамның атын енгізіңіз.
reason-shares_not_pending = Бөліктер кілт бөлінгенде бір рет қана көрсетіледі; жаңаларын басып шығару үшін оны қайта бөліңіз.
reason-clipboard_nothing = Бұл өріс бос: көшіретін ештеңе жоқ.
