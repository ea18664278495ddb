//! Documents the law asks for, generated from what the vault knows: the consent form for
//! signature (Art. 8(4)) and the destruction or anonymisation act (Art. 18, 25), in Kazakh or
//! Russian, as PDF with the font embedded.
//!
//! A consent form names the person, so it is personal data: it is written only where the user
//! chooses, and each printing is journaled. An act names people only by internal number.
//!
//! This area owns the documents' texts and their typesetting ([`pdf`]); it reads what the
//! register and the lifecycle record, and is read by nothing below it except the reports'
//! PDF export, which typesets with [`pdf`].

pub mod pdf;

use std::fs;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::documents::pdf::PdfDocument;
use crate::error::{Error, Result};
use crate::lifecycle::consent::{Consent, ConsentForm};
use crate::lifecycle::end::{Act, EndAction, Ground};
use crate::vault::journal::Action;
use crate::vault::Vault;

/// The language of a generated document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocLang {
    /// Kazakh.
    Kk,
    /// Russian.
    Ru,
}

impl DocLang {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            DocLang::Kk => "kk",
            DocLang::Ru => "ru",
        }
    }

    /// Parse `kk` or `ru`.
    pub fn from_key(s: &str) -> Option<DocLang> {
        match s {
            "kk" => Some(DocLang::Kk),
            "ru" => Some(DocLang::Ru),
            _ => None,
        }
    }

    /// Parse `kk` or `ru`, or say in a sentence what is accepted.
    pub fn parse(s: &str) -> Result<DocLang> {
        Self::from_key(s).ok_or(Error::InvalidInput {
            field: "lang",
            reason: "Documents are made in Kazakh (kk) or Russian (ru).".into(),
        })
    }

    fn pick<'a>(self, kk: &'a str, ru: &'a str) -> &'a str {
        match self {
            DocLang::Kk => kk,
            DocLang::Ru => ru,
        }
    }
}

/// The name for `key` in a (key, Kazakh, Russian) table; the key itself when it is not there.
fn name_in(table: &[(&str, &str, &str)], key: &str, lang: DocLang) -> String {
    table
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, kk, ru)| lang.pick(kk, ru).to_string())
        .unwrap_or_else(|| key.to_string())
}

fn field_name(key: &str, lang: DocLang) -> String {
    const NAMES: [(&str, &str, &str); 19] = [
        ("surname", "Тегі", "Фамилия"),
        ("name", "Аты", "Имя"),
        ("patronymic", "Әкесінің аты", "Отчество"),
        ("iin", "ЖСН", "ИИН"),
        ("birth_date", "Туған күні", "Дата рождения"),
        ("sex", "Жынысы", "Пол"),
        ("phone", "Телефон", "Телефон"),
        ("email", "Электрондық пошта", "Электронная почта"),
        ("region", "Өңір", "Регион"),
        ("district", "Аудан", "Район"),
        ("settlement", "Елді мекен", "Населённый пункт"),
        ("address", "Мекенжай", "Адрес"),
        (
            "id_document",
            "Жеке басын куәландыратын құжаттың нөмірі",
            "Номер документа, удостоверяющего личность",
        ),
        (
            "programme",
            "Бағдарлама немесе жоба",
            "Программа или проект",
        ),
        ("services", "Көрсетілген қызметтер", "Оказанные услуги"),
        ("disability", "Мүгедектігі", "Инвалидность"),
        (
            "household_size",
            "Отбасы мүшелерінің саны",
            "Число членов семьи",
        ),
        (
            "health_notes",
            "Денсаулығы туралы мәліметтер",
            "Сведения о здоровье",
        ),
        ("notes", "Ескертпелер", "Примечания"),
    ];
    name_in(&NAMES, key, lang)
}

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

/// `YYYY-MM-DD…` as `dd.mm.yyyy`.
pub(crate) fn day(iso: &str) -> String {
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}.{m}.{y}"),
        _ => iso.to_string(),
    }
}

fn yes_no(lang: DocLang, yes: bool, detail: Option<&str>) -> String {
    match (yes, detail.filter(|d| !d.is_empty())) {
        (true, Some(d)) => format!("{}: {d}", lang.pick("Иә", "Да")),
        (true, None) => lang.pick("Иә", "Да").to_string(),
        (false, _) => lang.pick("Жоқ", "Нет").to_string(),
    }
}

fn form_name(form: ConsentForm, lang: DocLang) -> &'static str {
    match form {
        ConsentForm::Paper => lang.pick(
            "жазбаша (қағаз нысанда, қолы қойылған)",
            "письменно (на бумаге, с подписью)",
        ),
        ConsentForm::Electronic => lang.pick("электрондық құжат", "электронный документ"),
        ConsentForm::Egov => lang.pick(
            "мемлекеттік сервис (eGov) арқылы",
            "через государственный сервис (eGov)",
        ),
        ConsentForm::ConsentService => lang.pick(
            "мемлекеттік емес сервис арқылы",
            "через негосударственный сервис",
        ),
        ConsentForm::Other => lang.pick(
            "келісімді алғанын растайтын өзге тәсілмен",
            "иным способом, подтверждающим получение согласия",
        ),
    }
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

/// Render a consent form for signature, pre-filled with a recorded consent's items.
pub fn consent_form(c: &Consent, purposes: &[String], lang: DocLang, taken_by: &str) -> Vec<u8> {
    let l = lang;
    let title = format!(
        "{} № {}",
        l.pick(
            "Дербес деректерді жинауға, өңдеуге келісім",
            "Согласие на сбор и обработку персональных данных"
        ),
        // A form printed before the consent is recorded has its number written in by hand.
        if c.number == 0 {
            "____".to_string()
        } else {
            c.number.to_string()
        }
    );
    let mut doc = PdfDocument::new(&title);
    doc.header_line(&format!(
        "{} · {} {}",
        c.operator_name,
        l.pick("БСН", "БИН"),
        c.operator_bin
    ));
    doc.title(&title);
    doc.subtitle(l.pick(
        "Қазақстан Республикасының 2013 жылғы 21 мамырдағы № 94-V «Дербес деректер және оларды қорғау туралы» Заңының 7, 8-баптарына сәйкес",
        "в соответствии со статьями 7, 8 Закона Республики Казахстан от 21 мая 2013 года № 94-V «О персональных данных и их защите»",
    ));
    doc.space(4.0);
    let giver = match &c.representative {
        Some(r) => match l {
            DocLang::Kk => format!(
                "Мен, {}, {} ({}) ретінде, {} заңды өкілі бола отырып, төменде көрсетілген шарттармен оның дербес деректерін жинауға және өңдеуге келісім беремін.",
                r.name, r.relation, r.document, c.subject_name
            ),
            DocLang::Ru => format!(
                "Я, {}, являясь законным представителем ({}; {}) лица {}, даю согласие на сбор и обработку его (её) персональных данных на следующих условиях.",
                r.name, r.relation, r.document, c.subject_name
            ),
        },
        None => match l {
            DocLang::Kk => format!(
                "Мен, {}, төменде көрсетілген шарттармен өзімнің дербес деректерімді жинауға және өңдеуге келісім беремін.",
                c.subject_name
            ),
            DocLang::Ru => format!(
                "Я, {}, даю согласие на сбор и обработку моих персональных данных на следующих условиях.",
                c.subject_name
            ),
        },
    };
    doc.paragraph(&giver);
    doc.space(2.0);
    doc.heading(l.pick(
        "Келісімнің мазмұны (8-баптың 4-тармағы)",
        "Содержание согласия (пункт 4 статьи 8)",
    ));
    doc.field(
        l.pick("1. Оператор", "1. Оператор"),
        &format!(
            "{}, {} {}",
            c.operator_name,
            l.pick("БСН", "БИН"),
            c.operator_bin
        ),
    );
    doc.field(l.pick("2. Субъект", "2. Субъект"), &c.subject_name);
    let until = match &c.valid_until {
        Some(u) => day(u),
        None => l
            .pick(
                "өңдеу мақсатына қол жеткізілгенге дейін",
                "до достижения цели обработки",
            )
            .to_string(),
    };
    doc.field(
        l.pick(
            "3. Келісімнің қолданылу мерзімі",
            "3. Срок действия согласия",
        ),
        &format!("{} — {}", day(&c.valid_from), until),
    );
    doc.field(
        l.pick("4. Үшінші тұлғаларға беру", "4. Передача третьим лицам"),
        &yes_no(l, c.third_parties, c.third_party_recipients.as_deref()),
    );
    doc.field(
        l.pick("5. Трансшекаралық беру", "5. Трансграничная передача"),
        &yes_no(l, c.cross_border, c.cross_border_countries.as_deref()),
    );
    doc.field(
        l.pick(
            "6. Жалпыға бірдей қолжетімді көздерде тарату",
            "6. Распространение в общедоступных источниках",
        ),
        &yes_no(l, c.publication, c.publication_where.as_deref()),
    );
    let data: Vec<String> = c.data_fields.iter().map(|f| field_name(f, l)).collect();
    doc.field(
        l.pick(
            "7. Жиналатын деректердің тізбесі",
            "7. Перечень собираемых данных",
        ),
        &data.join("; "),
    );
    doc.field(
        l.pick("8. Өңдеу мақсаттары", "8. Цели обработки"),
        &purposes.join("; "),
    );
    doc.field(
        l.pick("Келісім беру тәсілі", "Способ дачи согласия"),
        &match &c.form_reference {
            Some(r) => format!("{} (№ {r})", form_name(c.form, l)),
            None => form_name(c.form, l).to_string(),
        },
    );
    doc.space(2.0);
    doc.heading(l.pick(
        "Жеке келісімдер (7-баптың 6-тармағы)",
        "Отдельные согласия (пункт 6 статьи 7)",
    ));
    doc.checkbox(
        c.third_parties,
        l.pick(
            "Дербес деректерді үшінші тұлғаларға беруге келісемін",
            "Согласен(на) на передачу персональных данных третьим лицам",
        ),
    );
    doc.checkbox(
        c.cross_border,
        l.pick(
            "Дербес деректерді трансшекаралық беруге келісемін",
            "Согласен(на) на трансграничную передачу персональных данных",
        ),
    );
    doc.checkbox(
        c.publication,
        l.pick(
            "Дербес деректерді жалпыға бірдей қолжетімді көздерде таратуға келісемін",
            "Согласен(на) на распространение персональных данных в общедоступных источниках",
        ),
    );
    doc.space(2.0);
    doc.paragraph(l.pick(
        "Келісім жазбаша өтініш немесе оны алғанын растайтын өзге тәсілмен кері қайтарып алынуы мүмкін, бұл Қазақстан Республикасының заңдарына қайшы келетін не орындалмаған міндеттеме бар жағдайларды қоспағанда (8-баптың 2-тармағы). Субъект өз дербес деректеріне тегін қол жеткізуге, оларды түзетуге, бұғаттауға және жоюға құқылы (24-бап).",
        "Согласие может быть отозвано письменным заявлением или иным способом, подтверждающим его получение, кроме случаев, когда это противоречит законам Республики Казахстан либо при наличии неисполненного обязательства (пункт 2 статьи 8). Субъект вправе бесплатно получать доступ к своим персональным данным, требовать их изменения, блокирования и уничтожения (статья 24).",
    ));
    doc.space(6.0);
    doc.set_signature_captions(l.pick("қолы", "подпись"), l.pick("күні", "дата"));
    let signer = match &c.representative {
        Some(r) => format!(
            "{}: {}",
            l.pick("Заңды өкіл", "Законный представитель"),
            r.name
        ),
        None => format!("{}: {}", l.pick("Субъект", "Субъект"), c.subject_name),
    };
    doc.signature(&signer);
    doc.signature(&format!(
        "{}: {}",
        l.pick("Келісімді қабылдаған қызметкер", "Согласие принял(а)"),
        taken_by
    ));
    doc.space(2.0);
    doc.paragraph(&format!(
        "{}: {}",
        l.pick("Келісім берілген күн", "Дата дачи согласия"),
        day(&c.given_on)
    ));
    doc.finish()
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

/// What to do when a file is already at the path chosen for a document or an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IfExists {
    /// Refuse with [`Error::FileExists`]: the default, so an earlier act or a file already sent
    /// to a donor is never lost by saving a second one under the same name.
    Refuse,
    /// Replace it: the user confirmed (the system's save dialog asks, or the user said so).
    Replace,
}

/// Check that a document can be saved at `path`: its folder exists and, unless the user said to
/// replace it, no file is there yet. [`save`] checks again; this lets a slow export fail before
/// the work.
pub fn check_target(path: &Path, if_exists: IfExists) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(Error::InvalidInput {
            field: "path",
            reason: "The folder to save into does not exist.".into(),
        });
    }
    if path.is_dir() {
        return Err(Error::InvalidInput {
            field: "path",
            reason: "That is a folder; add a file name to the path.".into(),
        });
    }
    if if_exists == IfExists::Refuse && fs::symlink_metadata(path).is_ok() {
        return Err(Error::FileExists);
    }
    Ok(())
}

/// Write a generated document where the user chose, whole or not at all (a temporary file in
/// the same folder, then a rename), so a full disk leaves no half-written document behind. An
/// existing file is replaced only when `if_exists` says so.
pub fn save(path: &Path, bytes: &[u8], if_exists: IfExists) -> Result<()> {
    save_undoably(path, bytes, if_exists)?.keep();
    Ok(())
}

/// A document written by [`save_undoably`]: in place, with the file it replaced (if any) kept
/// aside until [`Saved::keep`] drops it or [`Saved::undo`] puts it back. Dropped without either,
/// it undoes (a panic between the write and the commit must not leave a file the ledger lacks).
#[must_use = "keep() or undo() the saved file"]
pub(crate) struct Saved {
    path: std::path::PathBuf,
    replaced: Option<std::path::PathBuf>,
    settled: bool,
}

impl Saved {
    /// The file stays; the one it replaced is deleted.
    pub(crate) fn keep(mut self) {
        self.settled = true;
        if let Some(old) = &self.replaced {
            let _ = fs::remove_file(old);
        }
    }

    /// The file goes and the one it replaced, if any, comes back: for an action whose record
    /// could not be committed (an export and its ledger entry are kept together or not at all).
    pub(crate) fn undo(mut self) {
        self.settle_by_undoing();
    }

    fn settle_by_undoing(&mut self) {
        self.settled = true;
        match &self.replaced {
            // One rename: the path is never without a file.
            Some(old) => {
                let _ = fs::rename(old, &self.path);
            }
            None => {
                let _ = fs::remove_file(&self.path);
            }
        }
    }
}

impl Drop for Saved {
    fn drop(&mut self) {
        if !self.settled {
            self.settle_by_undoing();
        }
    }
}

/// [`save`], keeping what it replaced until the caller knows whether the action stands.
///
/// The path always holds a whole file: a new one appears by a link that fails if anything is
/// already there (no window between a check and the write), and a replaced one is first linked
/// (or, on file systems without links, copied) aside, then replaced by one rename.
pub(crate) fn save_undoably(path: &Path, bytes: &[u8], if_exists: IfExists) -> Result<Saved> {
    check_target(path, if_exists)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    sweep_leftovers(dir);
    let tmp = dir.join(format!(".derbes-{}.part", uuid::Uuid::new_v4()));
    let aside = dir.join(format!(".derbes-{}.old", uuid::Uuid::new_v4()));
    let mut replaced = None;
    let written = (|| -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        match if_exists {
            IfExists::Refuse => match fs::hard_link(&tmp, path) {
                Ok(()) => fs::remove_file(&tmp),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
                // No links here (FAT, exFAT): look, then rename.
                Err(_) => {
                    if fs::symlink_metadata(path).is_ok() {
                        return Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists));
                    }
                    fs::rename(&tmp, path)
                }
            },
            IfExists::Replace => {
                if fs::symlink_metadata(path).is_ok() {
                    if fs::hard_link(path, &aside).is_err() {
                        fs::copy(path, &aside)?;
                    }
                    replaced = Some(aside.clone());
                }
                fs::rename(&tmp, path)
            }
        }
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        if let Some(old) = &replaced {
            // The original is still in place (the rename failed): drop the spare.
            let _ = fs::remove_file(old);
        }
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            return Err(Error::FileExists);
        }
        return Err(e.into());
    }
    Ok(Saved {
        path: path.to_path_buf(),
        replaced,
        settled: false,
    })
}

/// How old a leftover of an interrupted save must be before a later save removes it: far longer
/// than any save takes, so another window's save in progress is never touched.
const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Remove what an interrupted save left in `dir` (a `.derbes-<uuid>.part` being written, a
/// `.derbes-<uuid>.old` set aside). They are hidden, and a consent form names a person, so they
/// must not linger. Only names of exactly that shape are touched; failures are ignored.
fn sweep_leftovers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let ours = name
            .strip_prefix(".derbes-")
            .and_then(|rest| {
                rest.strip_suffix(".part")
                    .or_else(|| rest.strip_suffix(".old"))
            })
            .is_some_and(|id| uuid::Uuid::try_parse(id).is_ok());
        let stale = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > LEFTOVER_AGE);
        if ours && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The path to offer for a new document: `name` in `dir`, or — when a file of that name is
/// already there — the first free "name (2).ext", "name (3).ext", …, so the suggestion never
/// points at a file the user would lose.
pub fn free_path(dir: &Path, name: &str) -> std::path::PathBuf {
    let first = dir.join(name);
    if fs::symlink_metadata(&first).is_err() {
        return first;
    }
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    (2..10_000)
        .map(|n| dir.join(format!("{stem} ({n}){ext}")))
        .find(|p| fs::symlink_metadata(p).is_err())
        .unwrap_or(first)
}

impl Vault {
    /// The consent form of a recorded consent as PDF. Journaled: the form names the person.
    pub fn consent_form_pdf(&self, number: i64, lang: DocLang) -> Result<Vec<u8>> {
        let c = self.consent(number)?;
        // Printing is a use of the data, which blocking freezes.
        crate::lifecycle::consent::subject_facts(self.conn(), c.subject_id)?.ensure_changeable()?;
        let bytes = self.render_consent_form(&c, lang)?;
        self.record(
            Action::ConsentFormPrinted,
            Some(&c.subject_id.to_string()),
            json!({"number": c.subject_number, "consent": number, "lang": lang.key()}),
        )?;
        Ok(bytes)
    }

    /// The form for a consent not yet recorded, pre-filled from a checked draft, to print for
    /// signature. Journaled (without a consent number).
    pub fn consent_form_draft_pdf(
        &self,
        subject: uuid::Uuid,
        draft: &crate::lifecycle::consent::ConsentDraft,
        lang: DocLang,
    ) -> Result<Vec<u8>> {
        let c = self.draft_consent(subject, draft)?;
        let bytes = self.render_consent_form(&c, lang)?;
        self.record(
            Action::ConsentFormPrinted,
            Some(&subject.to_string()),
            json!({"number": c.subject_number, "consent": null, "lang": lang.key()}),
        )?;
        Ok(bytes)
    }

    fn render_consent_form(&self, c: &Consent, lang: DocLang) -> Result<Vec<u8>> {
        let inventory = self.inventory()?;
        let purposes: Vec<String> = c
            .purposes
            .iter()
            .map(|k| {
                inventory
                    .document
                    .purposes
                    .iter()
                    .find(|p| &p.key == k)
                    .map(|p| lang.pick(&p.names.kk, &p.names.ru).to_string())
                    .unwrap_or_else(|| k.clone())
            })
            .collect();
        let taken_by = c.taken_by_name.clone().unwrap_or_default();
        Ok(consent_form(c, &purposes, lang, &taken_by))
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::consent::{ConsentDraft, Representative};
    use crate::register::fields::{Field, Kind};
    use crate::test_support::{draft, vault};

    fn text_of(pdf: &[u8]) -> String {
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).unwrap()
    }

    #[test]
    fn the_consent_form_carries_every_item_in_kazakh_and_russian() {
        let (_t, dir, v) = vault();
        let id = v
            .add_subject(&draft(
                Kind::Beneficiary,
                &[
                    (Field::Surname, "Нұрланов"),
                    (Field::Name, "Ерасыл"),
                    (Field::BirthDate, "2015-05-05"),
                ],
            ))
            .unwrap()
            .id;
        let c = v
            .add_consent(
                id,
                &ConsentDraft {
                    purposes: vec!["legal_aid".into()],
                    form: Some(ConsentForm::Paper),
                    third_parties: Some("ЮНИСЕФ".into()),
                    representative: Some(Representative {
                        name: "Нұрланова Гүлнар".into(),
                        relation: "анасы".into(),
                        document: "туу туралы куәлік".into(),
                    }),
                    ..Default::default()
                },
            )
            .unwrap();
        let kk = text_of(&v.consent_form_pdf(c.number, DocLang::Kk).unwrap());
        for want in [
            "келісім",
            "Жәрдем",
            "Нұрланов Ерасыл",
            "Нұрланова Гүлнар",
            "ЮНИСЕФ",
            "Құқықтық көмек",
            "ЖСН",
            "қол жеткізілгенге",
        ] {
            assert!(kk.contains(want), "{want} missing from: {kk}");
        }
        let ru = text_of(&v.consent_form_pdf(c.number, DocLang::Ru).unwrap());
        for want in [
            "Согласие на сбор",
            "Правовая помощь",
            "Законный представитель",
            "Передача третьим лицам",
        ] {
            assert!(ru.contains(want), "{want} missing from: {ru}");
        }
        assert_eq!(v.journal(1, 0).unwrap().1[0].action, "consent.form_printed");
        // Before a consent is recorded, its form can be printed from the draft for signature.
        let draft = ConsentDraft {
            purposes: vec!["legal_aid".into()],
            form: Some(ConsentForm::Paper),
            representative: Some(Representative {
                name: "Нұрланова Гүлнар".into(),
                relation: "анасы".into(),
                document: "куәлік".into(),
            }),
            ..Default::default()
        };
        let blank = text_of(&v.consent_form_draft_pdf(id, &draft, DocLang::Ru).unwrap());
        assert!(
            blank.contains("№ ____") && blank.contains("Нұрланов Ерасыл"),
            "{blank}"
        );
        assert_eq!(v.consents(id).unwrap().len(), 1, "printing records nothing");
        assert!(
            v.consent_form_draft_pdf(
                id,
                &ConsentDraft {
                    representative: None,
                    ..draft
                },
                DocLang::Kk
            )
            .is_err(),
            "a minor's form names the representative"
        );
        // For a person to look at: target/consent-form-kk.pdf.
        let _ = fs::write(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/consent-form-kk.pdf"),
            v.consent_form_pdf(c.number, DocLang::Kk).unwrap(),
        );
        let out = dir.parent().unwrap().join("form.pdf");
        save(
            &out,
            &v.consent_form_pdf(c.number, DocLang::Kk).unwrap(),
            IfExists::Refuse,
        )
        .unwrap();
        assert!(fs::read(&out).unwrap().starts_with(b"%PDF-"));
        assert!(save(&dir.join("no/such/folder/x.pdf"), b"x", IfExists::Replace).is_err());
    }

    #[test]
    fn the_act_names_numbers_not_people() {
        let (_t, _d, v) = vault();
        let id = v
            .add_subject(&draft(
                Kind::Beneficiary,
                &[
                    (Field::Surname, "Жойылатын"),
                    (Field::Name, "Адам"),
                    (Field::Notes, "құпия"),
                ],
            ))
            .unwrap()
            .id;
        let a = v.destroy(&[id], Ground::Request, None).unwrap();
        let kk = text_of(&v.act_pdf(a.number, DocLang::Kk).unwrap());
        assert!(kk.contains("жою туралы акт") && kk.contains("№ 1"), "{kk}");
        assert!(!kk.contains("Жойылатын") && !kk.contains("құпия"));
        let ru_pdf = v.act_pdf(a.number, DocLang::Ru).unwrap();
        let _ = fs::write(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/act-ru.pdf"),
            &ru_pdf,
        );
        let ru = text_of(&ru_pdf);
        assert!(
            ru.contains("Акт об уничтожении") && ru.contains("требование субъекта"),
            "{ru}"
        );
    }

    #[test]
    fn saving_never_replaces_a_file_unless_told_to() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("act-1-kk.pdf");
        save(&path, b"first", IfExists::Refuse).unwrap();
        assert!(matches!(
            save(&path, b"second", IfExists::Refuse),
            Err(Error::FileExists)
        ));
        assert_eq!(
            fs::read(&path).unwrap(),
            b"first",
            "the first file is untouched"
        );
        save(&path, b"second", IfExists::Replace).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        // No temporary file is left behind either way.
        let names: Vec<_> = fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, ["act-1-kk.pdf"]);
        assert!(matches!(
            save(t.path(), b"x", IfExists::Replace),
            Err(Error::InvalidInput { field: "path", .. })
        ));
    }

    #[test]
    fn an_undone_save_puts_back_the_file_it_replaced() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("report.csv");
        save_undoably(&path, b"new", IfExists::Refuse)
            .unwrap()
            .undo();
        assert!(!path.exists(), "a new file goes");
        fs::write(&path, b"sent to the donor").unwrap();
        let saved = save_undoably(&path, b"replacement", IfExists::Replace).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"replacement");
        saved.undo();
        assert_eq!(fs::read(&path).unwrap(), b"sent to the donor");
        save_undoably(&path, b"replacement", IfExists::Replace)
            .unwrap()
            .keep();
        assert_eq!(fs::read(&path).unwrap(), b"replacement");
        let names: Vec<_> = fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, ["report.csv"], "nothing set aside is left behind");
        // Forgotten (a panic on the way), it undoes.
        {
            let _forgotten = save_undoably(&path, b"third", IfExists::Replace).unwrap();
        }
        assert_eq!(fs::read(&path).unwrap(), b"replacement");
        assert_eq!(fs::read_dir(t.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_later_save_removes_what_an_interrupted_one_left() {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path();
        let old_time = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 3600);
        let leftover = |name: &str, old: bool| {
            let f = fs::File::create(dir.join(name)).unwrap();
            if old {
                f.set_modified(old_time).unwrap();
            }
        };
        let stale_part = format!(".derbes-{}.part", uuid::Uuid::new_v4());
        let stale_old = format!(".derbes-{}.old", uuid::Uuid::new_v4());
        let fresh_part = format!(".derbes-{}.part", uuid::Uuid::new_v4());
        leftover(&stale_part, true);
        leftover(&stale_old, true);
        leftover(&fresh_part, false); // another window may be saving
        leftover(".derbes-notes.part", true); // not ours: no UUID
        leftover("form.pdf", true);
        save(&dir.join("act.pdf"), b"%PDF-", IfExists::Refuse).unwrap();
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        let mut expected = vec![
            fresh_part,
            ".derbes-notes.part".to_string(),
            "act.pdf".to_string(),
            "form.pdf".to_string(),
        ];
        expected.sort();
        assert_eq!(names, expected);
    }

    #[test]
    fn the_offered_path_is_a_free_one() {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path();
        assert_eq!(free_path(dir, "report.xlsx"), dir.join("report.xlsx"));
        fs::write(dir.join("report.xlsx"), b"1").unwrap();
        assert_eq!(free_path(dir, "report.xlsx"), dir.join("report (2).xlsx"));
        fs::write(dir.join("report (2).xlsx"), b"2").unwrap();
        assert_eq!(free_path(dir, "report.xlsx"), dir.join("report (3).xlsx"));
        fs::write(dir.join("notes"), b"n").unwrap();
        assert_eq!(free_path(dir, "notes"), dir.join("notes (2)"));
        fs::write(dir.join(".hidden"), b"h").unwrap();
        assert_eq!(free_path(dir, ".hidden"), dir.join(".hidden (2)"));
    }
}
