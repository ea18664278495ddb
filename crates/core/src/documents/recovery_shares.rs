//! The printed shares of a split recovery key, in Kazakh or Russian: one page per holder, to be
//! cut apart and handed out. Printed once, when the key is split; the shares are never stored.

use super::pdf::PdfDocument;
use super::{day, DocLang};
use crate::vault::shares::RecoveryShare;

/// One page per share: who keeps it, which vault it opens, how many are needed, the share.
/// Dated today: shares are printed the day they are made.
pub fn recovery_shares(shares: &[RecoveryShare], vault: &str, lang: DocLang) -> Vec<u8> {
    let l = lang;
    let made_at = time::OffsetDateTime::now_utc().date().to_string();
    let title = l.pick(
        "Қалпына келтіру кілтінің бөлігі",
        "Часть ключа восстановления",
    );
    let mut doc = PdfDocument::new(title);
    for s in shares {
        doc.page_break();
        doc.header_line(&format!("Derbes · {vault}"));
        doc.title(&format!("{title} {} / {}", s.index, s.count));
        doc.space(4.0);
        doc.field(l.pick("Кімде сақталады", "Хранит"), &s.holder);
        doc.field(l.pick("Қойма", "Хранилище"), vault);
        doc.field(l.pick("Берілген күні", "Дата выдачи"), &day(&made_at));
        doc.field(
            l.pick("Қойманы ашу үшін", "Чтобы открыть хранилище"),
            &match l {
                DocLang::Kk => format!(
                    "{} бөліктің кез келген {} бөлігі керек",
                    s.count, s.threshold
                ),
                DocLang::Ru => format!("нужны любые {} из {} частей", s.threshold, s.count),
            },
        );
        doc.space(4.0);
        doc.heading(l.pick("Бөлік", "Часть"));
        doc.paragraph(&s.text);
        doc.space(4.0);
        doc.paragraph(l.pick(
            "Бұл бөлікті ешкімге көрсетпеңіз және ноутбукпен бірге сақтамаңыз. Құпиясөз ұмытылса, жауапты адам бөліктерді иелерінен жинап, Derbes-те «Қалпына келтіру кілті» → «Бөліктерім бар» арқылы енгізеді. Бір бөлік өздігінен ештеңе ашпайды.",
            "Никому не показывайте эту часть и не храните её вместе с ноутбуком. Если пароль забыт, ответственное лицо собирает части у их владельцев и вводит их в Derbes: «Ключ восстановления» → «У меня есть части». Одна часть сама по себе ничего не открывает.",
        ));
    }
    doc.finish()
}
