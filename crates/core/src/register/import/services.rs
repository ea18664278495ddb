//! Reading a log of services from the spreadsheets an NGO kept before Derbes: one row per visit
//! (who, when, what, under which programme). This module only reads; matching each row to a
//! person and writing is [`crate::register::services`].
//!
//! The person is named by IIN, by Derbes number, or by surname + name + birth date (with the
//! patronymic, when given, to tell namesakes apart). Headers are recognised in Kazakh, Russian and
//! English as for a people file.

use serde::{Deserialize, Serialize};

use super::headers::{best_score, normalise_header, MatchScore, FIELD_HEADERS};
use super::{is_full_name_header, parse_excel_serial, split_full_name, Table};
use crate::register::fields::Field;

/// What a column of a service log holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceColumn {
    /// The person's IIN.
    Iin,
    /// The person's number in Derbes.
    Number,
    /// Surname.
    Surname,
    /// Given name.
    Name,
    /// Patronymic (tells namesakes apart).
    Patronymic,
    /// The whole name in one cell ("ФИО").
    FullName,
    /// The person's birth date.
    BirthDate,
    /// The day the service was given.
    Date,
    /// The service type.
    ServiceType,
    /// The programme it was given under.
    Programme,
}

impl ServiceColumn {
    /// Every column, in the wizard's order.
    pub const ALL: [ServiceColumn; 10] = [
        ServiceColumn::Iin,
        ServiceColumn::Number,
        ServiceColumn::Surname,
        ServiceColumn::Name,
        ServiceColumn::Patronymic,
        ServiceColumn::FullName,
        ServiceColumn::BirthDate,
        ServiceColumn::Date,
        ServiceColumn::ServiceType,
        ServiceColumn::Programme,
    ];

    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            ServiceColumn::Iin => "iin",
            ServiceColumn::Number => "number",
            ServiceColumn::Surname => "surname",
            ServiceColumn::Name => "name",
            ServiceColumn::Patronymic => "patronymic",
            ServiceColumn::FullName => "full_name",
            ServiceColumn::BirthDate => "birth_date",
            ServiceColumn::Date => "date",
            ServiceColumn::ServiceType => "service_type",
            ServiceColumn::Programme => "programme",
        }
    }

    /// Parse a stable key.
    pub fn from_key(key: &str) -> Option<ServiceColumn> {
        ServiceColumn::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The people-file field whose header spellings this column shares.
    fn field(self) -> Option<Field> {
        match self {
            ServiceColumn::Iin => Some(Field::Iin),
            ServiceColumn::Surname => Some(Field::Surname),
            ServiceColumn::Name => Some(Field::Name),
            ServiceColumn::Patronymic => Some(Field::Patronymic),
            ServiceColumn::BirthDate => Some(Field::BirthDate),
            ServiceColumn::Programme => Some(Field::Programme),
            _ => None,
        }
    }

    /// Spellings of this column's header beyond those of a people file.
    fn own_spellings(self) -> &'static [&'static str] {
        match self {
            ServiceColumn::Number => &[
                "derbes",
                "нөмір",
                "номер",
                "number",
                "тіркеу нөмірі",
                "регистрационный номер",
                "номер в derbes",
                "derbes number",
                "номер карточки",
                "case number",
            ],
            ServiceColumn::FullName => &[
                "фио",
                "аты-жөні",
                "тегі аты",
                "фамилия имя",
                "фамилия и имя",
                "полное имя",
                "full name",
                "fullname",
            ],
            ServiceColumn::Date => &[
                "күні",
                "күн",
                "қызмет көрсетілген күні",
                "көмек көрсетілген күні",
                "келген күні",
                "дата",
                "дата услуги",
                "дата оказания услуги",
                "дата оказания",
                "дата визита",
                "дата обращения",
                "date",
                "service date",
                "visit date",
                "date of service",
            ],
            ServiceColumn::ServiceType => &[
                "қызмет",
                "қызмет түрі",
                "көмек",
                "көмек түрі",
                "услуга",
                "услуги",
                "вид услуги",
                "тип услуги",
                "вид помощи",
                "помощь",
                "service",
                "service type",
                "type of service",
                "assistance",
                "assistance type",
            ],
            _ => &[],
        }
    }

    fn spellings(self) -> Vec<&'static str> {
        let shared = self
            .field()
            .and_then(|f| FIELD_HEADERS.iter().find(|(g, _)| *g == f))
            .map(|(_, s)| *s)
            .unwrap_or(&[]);
        shared
            .iter()
            .chain(self.own_spellings())
            .copied()
            .chain([self.key()])
            .collect()
    }
}

/// Guess what each column of a service log holds, from headers in Kazakh, Russian or English.
/// Each role goes to at most one column, the best-matching one (an exact header beats one
/// containing the words; longer spellings win, so "Дата рождения" is the birth date and not the
/// service's date), the leftmost on a tie.
pub fn guess_service_mapping(headers: &[String]) -> Vec<Option<ServiceColumn>> {
    let mut candidates: Vec<(MatchScore, usize, ServiceColumn)> = Vec::new();
    for (column, header) in headers.iter().enumerate() {
        let words = normalise_header(header);
        for role in ServiceColumn::ALL {
            if role != ServiceColumn::FullName && is_full_name_header(header) {
                continue;
            }
            if let Some(score) = best_score(&words, role.spellings()) {
                candidates.push((score, column, role));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut mapping = vec![None; headers.len()];
    let mut taken = Vec::new();
    for (_, column, role) in candidates {
        if taken.contains(&role) {
            continue;
        }
        if let Some(slot @ None) = mapping.get_mut(column) {
            *slot = Some(role);
            taken.push(role);
        }
    }
    mapping
}

/// One row of a service log, as written (trimmed), with the row number the user sees.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceLine {
    /// The row in the file (the header is row 1).
    pub row: usize,
    /// IIN as written.
    pub iin: String,
    /// Derbes number as written.
    pub number: String,
    /// Surname.
    pub surname: String,
    /// Given name.
    pub name: String,
    /// Patronymic.
    pub patronymic: String,
    /// Birth date as written (an Excel serial day number already turned into a date).
    pub birth_date: String,
    /// The service's day as written (likewise).
    pub date: String,
    /// The service type as written.
    pub service_type: String,
    /// The programme as written.
    pub programme: String,
}

/// The lines of a service log under `mapping` (as from [`guess_service_mapping`], corrected by
/// the user). When two columns share a role, the leftmost filled one wins; a full-name column
/// fills surname, name and patronymic where no column of their own did.
pub fn service_lines(table: &Table, mapping: &[Option<ServiceColumn>]) -> Vec<ServiceLine> {
    (0..table.rows.len())
        .map(|row| {
            let mut line = ServiceLine {
                row: table.row_number(row),
                ..ServiceLine::default()
            };
            let mut full_name = String::new();
            for (column, role) in mapping.iter().enumerate() {
                let Some(role) = *role else { continue };
                let cell = table.cell(row, column);
                if cell.is_empty() {
                    continue;
                }
                // A CSV saved from Excel may carry date columns as serial day numbers.
                let date_like = matches!(role, ServiceColumn::Date | ServiceColumn::BirthDate);
                let value = match parse_excel_serial(cell) {
                    Ok(d) if date_like && cell.bytes().all(|b| b.is_ascii_digit()) => d.to_string(),
                    _ => cell.to_owned(),
                };
                let slot = match role {
                    ServiceColumn::Iin => &mut line.iin,
                    ServiceColumn::Number => &mut line.number,
                    ServiceColumn::Surname => &mut line.surname,
                    ServiceColumn::Name => &mut line.name,
                    ServiceColumn::Patronymic => &mut line.patronymic,
                    ServiceColumn::FullName => &mut full_name,
                    ServiceColumn::BirthDate => &mut line.birth_date,
                    ServiceColumn::Date => &mut line.date,
                    ServiceColumn::ServiceType => &mut line.service_type,
                    ServiceColumn::Programme => &mut line.programme,
                };
                if slot.is_empty() {
                    *slot = value;
                }
            }
            if !full_name.is_empty() {
                let (surname, name, patronymic) = split_full_name(&full_name);
                for (slot, value) in [
                    (&mut line.surname, surname),
                    (&mut line.name, name),
                    (&mut line.patronymic, patronymic.unwrap_or_default()),
                ] {
                    if slot.is_empty() {
                        *slot = value;
                    }
                }
            }
            line
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn russian_kazakh_and_english_headers_are_recognised() {
        use ServiceColumn::*;
        assert_eq!(
            guess_service_mapping(&headers(&[
                "ИИН",
                "Дата рождения",
                "Дата услуги",
                "Вид услуги",
                "Программа"
            ])),
            vec![
                Some(Iin),
                Some(BirthDate),
                Some(Date),
                Some(ServiceType),
                Some(Programme)
            ]
        );
        assert_eq!(
            guess_service_mapping(&headers(&[
                "Тегі",
                "Аты",
                "Туған күні",
                "Күні",
                "Қызмет түрі"
            ])),
            vec![
                Some(Surname),
                Some(Name),
                Some(BirthDate),
                Some(Date),
                Some(ServiceType)
            ]
        );
        assert_eq!(
            guess_service_mapping(&headers(&["Derbes number", "Date", "Service", "Notes"])),
            vec![Some(Number), Some(Date), Some(ServiceType), None]
        );
        assert_eq!(
            guess_service_mapping(&headers(&["ФИО", "Дата", "Услуга"])),
            vec![Some(FullName), Some(Date), Some(ServiceType)]
        );
    }

    #[test]
    fn lines_split_a_full_name_and_read_excel_serial_dates() {
        let table = Table {
            headers: headers(&["ФИО", "Дата", "Услуга", "ИИН"]),
            rows: vec![vec![
                "Серікова Айгүл Болатқызы".into(),
                "45292".into(),
                "Продуктовый набор".into(),
                "900101400123".into(),
            ]],
            row_numbers: vec![2],
            header_row: 1,
            source: super::super::SourceInfo {
                format: super::super::Format::Csv,
                encoding: None,
                delimiter: None,
                sheet: None,
            },
        };
        let mapping = guess_service_mapping(&table.headers);
        let lines = service_lines(&table, &mapping);
        assert_eq!(lines.len(), 1);
        let l = &lines[0];
        assert_eq!((l.row, l.surname.as_str()), (2, "Серікова"));
        assert_eq!(
            (l.name.as_str(), l.patronymic.as_str()),
            ("Айгүл", "Болатқызы")
        );
        assert_eq!(l.date, "2024-01-01");
        // An IIN is digits too, but never a date.
        assert_eq!(l.iin, "900101400123");
        assert_eq!(l.service_type, "Продуктовый набор");
    }
}
