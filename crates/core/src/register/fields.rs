//! The register's vocabulary: kinds of people, the standard fields, and each field's category.
//!
//! Keys are stable English identifiers used everywhere — the database, JSON, CSV headers, the
//! inventory, the CLI — and translated only in the UI.

use serde::{Deserialize, Serialize};

/// Whom a record is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A person the NGO serves.
    Beneficiary,
    /// A member of staff.
    Employee,
    /// A volunteer.
    Volunteer,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 3] = [Kind::Beneficiary, Kind::Employee, Kind::Volunteer];

    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Beneficiary => "beneficiary",
            Kind::Employee => "employee",
            Kind::Volunteer => "volunteer",
        }
    }

    /// Parse a stable key.
    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Sex as recorded in the IIN and identity documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Male.
    Male,
    /// Female.
    Female,
}

impl Sex {
    /// The stable key: `male` or `female`.
    pub fn key(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    /// Parse a stable key.
    pub fn from_key(key: &str) -> Option<Sex> {
        match key {
            "male" => Some(Sex::Male),
            "female" => Some(Sex::Female),
            _ => None,
        }
    }
}

/// What kind of personal data a field holds; decides masking and what a consent must list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Names, birth date, sex.
    Identity,
    /// Phone, e-mail, address.
    Contact,
    /// IIN, identity document number.
    IdNumber,
    /// Bank details, salary.
    Financial,
    /// Health notes, disability.
    Health,
    /// Photographs and other biometric traits.
    Biometric,
    /// Household, programme, services — social status.
    SocialStatus,
    /// Anything else.
    Other,
}

impl Category {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Category::Identity => "identity",
            Category::Contact => "contact",
            Category::IdNumber => "id_number",
            Category::Financial => "financial",
            Category::Health => "health",
            Category::Biometric => "biometric",
            Category::SocialStatus => "social_status",
            Category::Other => "other",
        }
    }

    /// Sensitive categories are masked in lists and forms until revealed, and every reveal is
    /// journaled.
    pub fn is_sensitive(self) -> bool {
        matches!(
            self,
            Category::IdNumber | Category::Financial | Category::Health | Category::Biometric
        )
    }
}

/// A standard field of a person's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Тегі / Фамилия.
    Surname,
    /// Аты / Имя.
    Name,
    /// Әкесінің аты / Отчество.
    Patronymic,
    /// ЖСН / ИИН: 12 digits with a check digit.
    Iin,
    /// Date of birth.
    BirthDate,
    /// `male` / `female`.
    Sex,
    /// Phone, normalised to `+7XXXXXXXXXX`.
    Phone,
    /// E-mail.
    Email,
    /// One of the 17 oblasts or 3 cities of republican significance.
    Region,
    /// District (аудан / район).
    District,
    /// Settlement (елді мекен / населённый пункт).
    Settlement,
    /// Street address.
    Address,
    /// Identity document number.
    IdDocument,
    /// Programme or project.
    Programme,
    /// Services received (date + service type, many per person).
    Services,
    /// Disability group or description.
    Disability,
    /// Number of people in the household.
    HouseholdSize,
    /// Health notes.
    HealthNotes,
    /// Free-text notes.
    Notes,
}

impl Field {
    /// Every standard field, in form order.
    pub const ALL: [Field; 19] = [
        Field::Surname,
        Field::Name,
        Field::Patronymic,
        Field::Iin,
        Field::BirthDate,
        Field::Sex,
        Field::Phone,
        Field::Email,
        Field::Region,
        Field::District,
        Field::Settlement,
        Field::Address,
        Field::IdDocument,
        Field::Programme,
        Field::Services,
        Field::Disability,
        Field::HouseholdSize,
        Field::HealthNotes,
        Field::Notes,
    ];

    /// The stable key (`surname`, `iin`, `birth_date`, …).
    pub fn key(self) -> &'static str {
        match self {
            Field::Surname => "surname",
            Field::Name => "name",
            Field::Patronymic => "patronymic",
            Field::Iin => "iin",
            Field::BirthDate => "birth_date",
            Field::Sex => "sex",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Region => "region",
            Field::District => "district",
            Field::Settlement => "settlement",
            Field::Address => "address",
            Field::IdDocument => "id_document",
            Field::Programme => "programme",
            Field::Services => "services",
            Field::Disability => "disability",
            Field::HouseholdSize => "household_size",
            Field::HealthNotes => "health_notes",
            Field::Notes => "notes",
        }
    }

    /// Parse a stable key.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The field's default category (the inventory may not weaken a sensitive one).
    pub fn category(self) -> Category {
        match self {
            Field::Surname | Field::Name | Field::Patronymic | Field::BirthDate | Field::Sex => {
                Category::Identity
            }
            Field::Phone
            | Field::Email
            | Field::Region
            | Field::District
            | Field::Settlement
            | Field::Address => Category::Contact,
            Field::Iin | Field::IdDocument => Category::IdNumber,
            Field::Disability | Field::HealthNotes => Category::Health,
            Field::Programme | Field::Services | Field::HouseholdSize => Category::SocialStatus,
            Field::Notes => Category::Other,
        }
    }

    /// Whether the field is masked until revealed.
    pub fn is_sensitive(self) -> bool {
        self.category().is_sensitive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for f in Field::ALL {
            assert_eq!(Field::from_key(f.key()), Some(f));
        }
        for k in Kind::ALL {
            assert_eq!(Kind::from_key(k.key()), Some(k));
        }
        assert_eq!(Field::from_key("nope"), None);
    }

    #[test]
    fn identity_numbers_and_health_are_sensitive() {
        assert!(Field::Iin.is_sensitive());
        assert!(Field::IdDocument.is_sensitive());
        assert!(Field::HealthNotes.is_sensitive());
        assert!(Field::Disability.is_sensitive());
        assert!(!Field::Surname.is_sensitive());
        assert!(!Field::Phone.is_sensitive());
    }
}

/// A person as typed into a form, a CSV row or the CLI: raw text per field, not yet checked.
/// [`crate::register::subjects`] validates it against the rules and the approved inventory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonDraft {
    /// Beneficiary, employee or volunteer (`None` until chosen).
    pub kind: Option<Kind>,
    /// Field values as text (`birth_date` as `YYYY-MM-DD` or `DD.MM.YYYY`, `sex` as `male`/`female`
    /// or a word in kk/ru/en, `region` as a key or a name).
    pub values: std::collections::BTreeMap<Field, String>,
    /// Services received.
    pub services: Vec<ServiceDraft>,
    /// The day the person first came to the organisation, when it was before they were
    /// recorded in Derbes (an imported file's "registered on" or "first service"); reports of
    /// new people count this day instead of the day of recording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered_on: Option<String>,
}

/// One service received, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDraft {
    /// When (`YYYY-MM-DD` or `DD.MM.YYYY`).
    pub date: String,
    /// A service type key from [`SERVICE_TYPES`] or free text.
    pub service_type: String,
}

/// The service types an NGO commonly records, with stable keys (reports break down by them).
pub const SERVICE_TYPES: [&str; 10] = [
    "legal_consultation",
    "psychological_support",
    "social_support",
    "food_package",
    "hygiene_kit",
    "cash_assistance",
    "medical_referral",
    "shelter",
    "training",
    "home_visit",
];
