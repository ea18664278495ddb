//! The consent form for signature (Art. 8(4)), in Kazakh or Russian: its text, pre-filled with
//! a consent's items, and the vault's printing of it, which is journaled because the form names
//! the person.

use serde_json::json;

use super::pdf::PdfDocument;
use super::{day, name_in, DocLang};
use crate::error::Result;
use crate::lifecycle::consent::{Consent, ConsentForm};
use crate::vault::journal::Action;
use crate::vault::Vault;

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
}
