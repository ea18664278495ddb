# lifecycle: consents, retention, blocking and holds, anonymisation and destruction

## Shared by consents and retention

reason-lifecycle_date_format = { $problem ->
    [empty] Мән бос.
    [date_invalid] Мұндай күн күнтізбеде жоқ; күні мен айын тексеріңіз.
   *[date_format] Күн танылатын түрде жазылмаған; оны кк.аа.жжжж түрінде жазыңыз.
}
reason-lifecycle_too_long = Тым ұзын (ең көбі { $max } таңба).
reason-lifecycle_control_chars = Бұл өрістен көрінбейтін басқару таңбаларын алып тастаңыз.

## Recording a consent

reason-consent_operator_missing = Алдымен баптауларда ұйымның атауы мен БСН-ін енгізіңіз: келісімде оператор аталуы керек (8-баптың 4-тармағы).
reason-consent_subject_name_missing = Келісімде тұлға аталады: алдымен оның тегі мен атын енгізіңіз.
reason-consent_purpose_unknown = «{ $purpose }» бекітілген дербес деректер тізбесіндегі мақсат емес.
reason-consent_purpose_no_data = Бекітілген тізбеде «{ $purpose }» мақсаты бойынша { $kind ->
        [employee] қызметкер
        [volunteer] ерікті
       *[other] бенефициар
    } туралы деректер жиналмайды.
reason-consent_purposes_none = Өңдеудің кемінде бір мақсатын таңдаңыз.
reason-consent_given_in_future = Келісім берілген күн болашақта бола алмайды.
reason-consent_given_before_birth = Келісімнің күні тұлғаның туған күнінен бұрын бола алмайды.
reason-consent_start_in_future = Келісім күшіне енгеннен кейін ғана енгізіледі: оның басталу күні болашақта бола алмайды.
reason-consent_start_before_given = Келісім берілген күнінен бұрын күшінде бола алмайды.
reason-consent_end_before_start = Келісімнің аяқталу күні басталу күнінен ерте.
reason-consent_form_missing = Келісім қандай нысанда берілгенін таңдаңыз.
reason-consent_reference_missing = Келісімнің сервистегі нөмірін енгізіңіз.
reason-representative_name_missing = Өкілдің аты-жөнін енгізіңіз.
reason-representative_relation_missing = Өкіл тұлғаға кім болатынын енгізіңіз.
reason-representative_document_missing = Заңды өкілдің өкілеттігін растайтын құжатты енгізіңіз.
reason-third_parties_missing = Деректерді алатын үшінші тұлғаларды атаңыз.
reason-cross_border_countries_missing = Деректер берілетін елдерді атаңыз.
reason-publication_where_missing = Деректер қайда жарияланатынын көрсетіңіз.

## Withdrawing a consent

reason-consent_already_withdrawn = Бұл келісім толығымен кері қайтарылған.
reason-consent_scope_already_withdrawn = Келісімнің бұл бөлігі әлдеқашан кері қайтарылған.
reason-consent_scope_not_given = Келісім мұны рұқсат етпейді, сондықтан кері қайтаратын ештеңе жоқ.
reason-withdrawal_request_in_future = Өтініш күні болашақта бола алмайды.
reason-withdrawal_before_given = Келісімді ол берілген күннен бұрын кері қайтаруға болмайды.
reason-withdrawal_channel_missing = Өтініш қалай түскенін көрсетіңіз (жазбаша, eGov, электрондық пошта…).
reason-refusal_note_missing = Кері қайтаруға қай заң немесе қандай орындалмаған міндеттеме кедергі екенін жазыңыз.

## Grounds without consent, and the signed scan

reason-legal_ground_unknown = Негіз мыналардың бірі болуы керек: { $allowed }.
reason-evidence_missing = Бұл келісімге скан тіркелмеген.
reason-evidence_too_big = Скан { $max_mb } МБ-тан үлкен; оны төменірек ажыратымдылықпен сканерлеңіз.
reason-evidence_type = Сканды PDF, JPEG немесе PNG файлы ретінде тіркеңіз; бұл файл олардың ешқайсысы емес.

## Retention rules

reason-retention_rule_purpose_unknown = { $rule }-ереже: оның мақсаты бекітілген дербес деректер тізбесінде жоқ.
reason-retention_rule_anchor_missing = { $rule }-ереже: мерзім неден басталатынын таңдаңыз.
reason-retention_rule_months_range = { $rule }-ереже: мерзім 1 айдан 1200 айға дейін (100 жыл) болуы керек.
reason-retention_rule_basis_missing = { $rule }-ереже: сақтау мерзімінің негізін таңдаңыз.

## Blocking, legal holds and the end date

reason-block_reason_missing = Деректер неге бұғатталатынын жазыңыз.
reason-unblock_reason_missing = Деректер неге бұғаттан шығарылатынын жазыңыз.
reason-hold_reason_missing = Деректерді неге сақтау керек екенін жазыңыз.
reason-lifecycle_reason_too_long = Себеп бір жолдан тұруы және 500 таңбадан аспауы керек.
reason-subject_not_blocked = № { $number } жазба бұғатталмаған.
reason-subject_not_on_hold = № { $number } жазбаға жоюға тыйым салынбаған.
reason-end_date_in_future = Аяқталу күні болашақта бола алмайды.

## Anonymisation and destruction

reason-end_due_in_future = Болашақ күнге сақтау мерзімі әлі өтпеген: мерзімі бүгін немесе одан ертерек өткендерді ғана иесіздендіруге не жоюға болады.
reason-nobody_due = Бұл күнге сақтау мерзімі өткен ешкім жоқ.
reason-end_subjects_none = Кемінде бір тұлғаны таңдаңыз.
reason-end_reference_too_long = Құжат деректемелері бір жолдан тұруы және 200 таңбадан аспауы керек.
reason-court_decision_reference_missing = Сот шешімінің нөмірі мен күнін енгізіңіз.

## Әр адамға өңдеу негізі (7-баптың 1-тармағы, 9-бап)
reason-legal_ground_law_required = Өңдеу сүйенетін заңды көрсетіңіз (мысалы, «Еңбек кодексі, 23-бап»).
reason-legal_ground_law_too_long = Заңның атауы { $max } таңбадан аспайтын бір жол болуы керек.
reason-legal_ground_purpose_unknown = «{ $purpose }» — тұлғалардың осы санаты үшін бекітілген тізбенің мақсаты емес.
reason-basis_required = Осы адамның деректерін өңдеу негізін таңдаңыз: оның келісімі немесе заңы көрсетілген 9-баптағы негіз.
ground-art9_4 = 9-баптың 4) тармақшасы: ратификацияланған халықаралық шартты іске асыру
ground-art9_5 = 9-баптың 5) тармақшасы: келісім алу мүмкін болмағанда конституциялық құқықтарды қорғау
ground-art9_6 = 9-баптың 6) тармақшасы: заңды журналистік, ғылыми, шығармашылық немесе әдеби қызмет
ground-art9_7 = 9-баптың 7) тармақшасы: заңға сәйкес жарияланған деректер
ground-art9_8 = 9-баптың 8) тармақшасы: субъект деректерді беру жөніндегі заңды міндетін орындамаған
ground-art9_10 = 9-баптың 10) тармақшасы: заңдарда белгіленген өзге жағдайлар (мысалы, Еңбек кодексі, салық заңнамасы)
lapse-no_basis = негізсіз енгізілген
lapse-consent_expired = келісімнің мерзімі өтті
lapse-consent_withdrawn = келісім кері қайтарылды
lapse-ground_incomplete = заңы көрсетілмеген негіз
lapse-ground_not_for_ngo = тек мемлекеттік органдарға арналған негіз
