//! The destruction or anonymisation act (Art. 18, 25), in Kazakh or Russian: its text, which
//! names people by internal number only, and the vault's journaled printing of it.

use serde_json::json;

use super::pdf::PdfDocument;
use super::{day, name_in, DocLang};
use crate::error::Result;
use crate::lifecycle::end::{Act, EndAction, Ground};
use crate::vault::journal::Action;
use crate::vault::Vault;

fn category_name(key: &str, lang: DocLang) -> String {
    const NAMES: [(&str, &str, &str); 11] = [
        (
            "identity",
            "Жеке басын анықтайтын деректер",
            "Сведения о личности",
        ),
        ("contact", "Байланыс деректері", "Контактные данные"),
        (
            "id_number",
            "Сәйкестендіру нөмірлері (ЖСН, құжат)",
            "Идентификационные номера (ИИН, документ)",
        ),
        ("financial", "Қаржылық деректер", "Финансовые данные"),
        ("health", "Денсаулық туралы деректер", "Сведения о здоровье"),
        (
            "biometric",
            "Биометриялық деректер",
            "Биометрические данные",
        ),
        (
            "social_status",
            "Әлеуметтік жағдай туралы деректер",
            "Сведения о социальном положении",
        ),
        ("other", "Басқа деректер", "Прочие данные"),
        (
            "services",
            "Көрсетілген қызметтер туралы жазбалар",
            "Записи об оказанных услугах",
        ),
        (
            "consents",
            "Келісімдер мен оларды кері қайтарып алу",
            "Согласия и их отзывы",
        ),
        (
            "attachments",
            "Қол қойылған келісімдердің сканерленген көшірмелері",
            "Сканы подписанных согласий",
        ),
    ];
    name_in(&NAMES, key, lang)
}

fn ground_name(g: Ground, lang: DocLang) -> &'static str {
    match g {
        Ground::RetentionEnded => lang.pick(
            "сақтау мерзімінің өтуі (94-V Заңның 18-бабының 1) тармақшасы)",
            "истечение срока хранения (подпункт 1) статьи 18 Закона № 94-V)",
        ),
        Ground::ConsentWithdrawn => lang.pick(
            "субъектінің келісімді кері қайтарып алуы",
            "отзыв субъектом согласия",
        ),
        Ground::Request => lang.pick(
            "субъектінің (оның заңды өкілінің) талабы (24-бап)",
            "требование субъекта (его законного представителя) (статья 24)",
        ),
        Ground::CourtDecision => lang.pick(
            "заңды күшіне енген сот шешімі (18-баптың 3) тармақшасы)",
            "вступившее в законную силу решение суда (подпункт 3) статьи 18)",
        ),
        Ground::UnlawfulProcessing => lang.pick(
            "келісімсіз жинау мен өңдеудің анықталуы (18-баптың 3-1) тармақшасы)",
            "выявление сбора и обработки без согласия (подпункт 3-1) статьи 18)",
        ),
    }
}

/// Render a destruction or anonymisation act. It names people by internal number only.
pub fn act(a: &Act, lang: DocLang) -> Vec<u8> {
    let l = lang;
    let title = match a.action {
        EndAction::Destroy => format!(
            "{} № {}",
            l.pick(
                "Дербес деректерді жою туралы акт",
                "Акт об уничтожении персональных данных"
            ),
            a.number
        ),
        EndAction::Anonymise => format!(
            "{} № {}",
            l.pick(
                "Дербес деректерді иесіздендіру туралы акт",
                "Акт об обезличивании персональных данных"
            ),
            a.number
        ),
    };
    let mut doc = PdfDocument::new(&title);
    doc.header_line(&format!(
        "{} · {} {}",
        a.operator_name,
        l.pick("БСН", "БИН"),
        a.operator_bin
    ));
    doc.title(&title);
    doc.subtitle(l.pick(
        "Қазақстан Республикасының «Дербес деректер және оларды қорғау туралы» Заңының 18, 25-баптарына сәйкес",
        "в соответствии со статьями 18, 25 Закона Республики Казахстан «О персональных данных и их защите»",
    ));
    doc.space(4.0);
    doc.field(
        l.pick("Актінің нөмірі", "Номер акта"),
        &a.number.to_string(),
    );
    doc.field(
        l.pick("Күні мен уақыты (UTC)", "Дата и время (UTC)"),
        &format!(
            "{} {}",
            day(&a.performed_at),
            a.performed_at.get(11..16).unwrap_or("")
        ),
    );
    doc.field(
        l.pick("Оператор", "Оператор"),
        &format!(
            "{}, {} {}",
            a.operator_name,
            l.pick("БСН", "БИН"),
            a.operator_bin
        ),
    );
    doc.field(l.pick("Әрекет", "Действие"), match a.action {
        EndAction::Destroy => l.pick("жою: деректер қалпына келтіру мүмкіндігінсіз жойылды", "уничтожение: данные удалены без возможности восстановления"),
        EndAction::Anonymise => l.pick("иесіздендіру: тікелей сәйкестендіргіштер жойылды, тек иесіз статистикалық жазба сақталды", "обезличивание: прямые идентификаторы удалены, сохранена только обезличенная статистическая запись"),
    });
    let ground = match &a.reference {
        Some(r) => format!("{} ({r})", ground_name(a.ground, l)),
        None => ground_name(a.ground, l).to_string(),
    };
    doc.field(l.pick("Негізі", "Основание"), &ground);
    let cats: Vec<String> = a.categories.iter().map(|c| category_name(c, l)).collect();
    doc.field(
        l.pick(
            "Жойылған деректер санаттары",
            "Категории уничтоженных данных",
        ),
        &cats.join("; "),
    );
    doc.field(
        l.pick("Тәсілі", "Способ"),
        l.pick(
            "шифрланған қоймадан қауіпсіз жою (жойылған жазбалар мен бос беттерді нөлдермен қайта жазу, іздеу индексінен қауіпсіз жою, WAL журналын қысқарту)",
            "безопасное удаление из зашифрованного хранилища (перезапись нулями удалённых записей и свободных страниц, безопасное удаление из поискового индекса, усечение журнала WAL)",
        ),
    );
    doc.field(
        l.pick("Тұлғалар саны", "Количество лиц"),
        &a.subjects.len().to_string(),
    );
    doc.field(l.pick("Орындаған", "Исполнитель"), &a.performed_by_name);
    doc.space(2.0);
    doc.heading(l.pick("Тұлғалардың ішкі нөмірлері", "Внутренние номера лиц"));
    doc.paragraph(l.pick(
        "Акт дербес деректерді қамтымайды: тұлғалар тек тізілімдегі ішкі нөмірімен көрсетілген.",
        "Акт не содержит персональных данных: лица указаны только внутренними номерами в реестре.",
    ));
    let numbers: Vec<String> = a.subjects.iter().map(|n| format!("№ {n}")).collect();
    doc.paragraph(&numbers.join(", "));
    // Art. 18 reaches the copies: every backup made while these people were in the register.
    if !a.backups.is_empty() {
        doc.space(2.0);
        doc.heading(l.pick(
            "Осы тұлғалардың деректері бар сақтық көшірмелер",
            "Резервные копии, содержащие данные этих лиц",
        ));
        doc.paragraph(l.pick(
            "Төмендегі сақтық көшірмелерді жаңа көшірмемен ауыстыру немесе жою қажет; олардан қалпына келтіргенде жою журналы осы актіні қайта қолданады.",
            "Указанные резервные копии нужно заменить новой копией или уничтожить; при восстановлении из них журнал уничтожений повторно применяет этот акт.",
        ));
        for b in &a.backups {
            let state = if b.gone {
                l.pick(" — жойылған/ауыстырылған", " — уничтожена/заменена")
            } else {
                ""
            };
            doc.paragraph(&format!("{} · {}{state}", day(&b.made_at), b.place));
        }
    }
    doc.space(8.0);
    doc.set_signature_captions(l.pick("қолы", "подпись"), l.pick("күні", "дата"));
    doc.signature(&format!(
        "{}: {}",
        l.pick("Орындаған", "Исполнитель"),
        a.performed_by_name
    ));
    doc.signature(l.pick(
        "Дербес деректерді өңдеуді ұйымдастыруға жауапты адам",
        "Лицо, ответственное за организацию обработки персональных данных",
    ));
    doc.finish()
}

impl Vault {
    /// An act as PDF. Journaled.
    pub fn act_pdf(&self, number: i64, lang: DocLang) -> Result<Vec<u8>> {
        let a = self.act(number)?;
        let bytes = act(&a, lang);
        self.record(
            Action::ActPrinted,
            Some(&a.id.to_string()),
            json!({"act": number, "lang": lang.key()}),
        )?;
        Ok(bytes)
    }
}
