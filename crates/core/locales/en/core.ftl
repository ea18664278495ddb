# The core's words in English: every refusal of derbes-core by its stable code, the problems
# of a person's record, and the names of the fields they point at. Read by the core
# (crates/core/src/words.rs) for the CLI and every error's English text, and by the UI for
# the core's errors (ui/src/lib/errors.ts). A message's id is its code; never parse the text.

## Errors: one per code of derbes_core::Error
error-wrong_password = That password does not open this vault. Check the keyboard layout and Caps Lock.
error-key_file_needed = This password also needs its key file: choose the key file (usually on a USB stick). Lost it? Open the vault with the recovery key.
error-not_a_vault = This folder is not a Derbes vault.
error-vault_exists = A vault already exists in this folder; Derbes never overwrites a vault.
error-folder_not_empty = The folder is not empty; choose an empty or a new folder for the vault.
error-vault_damaged = The vault file is damaged; restore the vault from a backup.
error-keyslots_missing = The key file (keyslots) is missing, so the vault cannot be opened; restore it from a backup.
error-keyslots_damaged = The key file (keyslots) is damaged or was edited; restore it from a backup.
error-newer_version = This vault was created by a newer version of Derbes (schema { $found }; this version knows up to { $known }). Update Derbes to open it.
error-read_only = The vault folder is read-only; Derbes needs to be able to write to it.
error-password_mismatch = The two passwords do not match.
error-password_weak = The password is too weak: { $problems }.
error-password_empty = The password is empty.
error-recovery_key_invalid = That is not a valid recovery key: it has 8 groups of 4 letters and digits; check for a typo.
error-recovery_key_wrong = That recovery key does not open this vault.
error-recovery_group_mismatch = The group you typed does not match the last group of the recovery key.
error-vault_in_use = The vault is open in another Derbes window or command; close it there first.
error-locked = The vault is locked; unlock it first.
error-invalid_input = Check the field “{ $field }”.
error-io = Could not read or write a file: { $detail }.
error-internal = Something went wrong inside Derbes; nothing was changed. Try again; if it happens again, restart the app.
error-invalid = Some fields need checking.
error-duplicate_iin = A person with this IIN is already in the register (record № { $existing }).
error-subject_not_found = There is no person with this number in the register.
error-file_exists = A file with this name is already there; choose another name, or replace it.
error-disk_full = The disk is full; nothing was changed. Free some space and try again.
error-blocked = Record № { $number } is blocked, so it cannot be changed, exported, anonymised or destroyed; unblock it first.
error-on_hold = Record № { $number } is under legal hold, so it cannot be anonymised or destroyed; release the hold first.
error-publication_consent_required = Record № { $number } can be public only with an active consent to publication in public sources; record that consent first.
error-representative_required = The person was under 18 on the day of the consent, so a legal representative must give it: enter their name, relation and document.
error-consent_not_found = There is no consent with this number.
error-act_not_found = There is no act with this number.
error-locked_on_full_disk = Everything you did is saved, but the disk is full, so the vault could not be tidied as it closed; free some space and unlock it once to finish.
error-not_permitted = Only the { $role } may { $permission }. Ask them to do it, or to change what your account may do.
error-user_not_found = This vault has no user with that name.
error-user_exists = This vault already has a user with that name; choose another.
error-last_responsible = This is the vault's only responsible person; make someone else responsible first.
error-remove_self = You cannot remove yourself; another responsible person must do it.
error-unlock_wait = Too many wrong passwords in a row. Wait { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
} and try again; the vault is not locked for good.
error-rekey_old_slots = The vault cannot be re-keyed yet: { $count ->
    [one] one way in dates
   *[other] { $count } ways in date
} from an older Derbes and would stop working. Open the vault once with each user's password and once with the recovery key (derbes --recovery-key-stdin unlock-check), then re-key.
role-responsible = responsible person
role-staff = staff member
permission-manage_users = add or remove users, set their passwords or re-key the vault
permission-change_settings = change settings, the organisation's details, the data inventory or retention rules
permission-end_life = anonymise or destroy records
permission-decide_keeping = place or release a hold, or unblock a record
permission-export_rows = export records row by row
permission-reveal_sensitive = show health data and identity numbers

## Problems with one field of a record or one row of an import (FieldProblem and RowProblem
## codes, every one in derbes_core::register::PROBLEM_CODES)
problem-required = Fill this in.
problem-not_in_inventory = This field is not in the approved data inventory for this type of person.
problem-too_long = This is too long.
problem-control_chars = Remove the invisible control characters.
problem-empty = The value is empty.
problem-iin_length = An IIN has exactly 12 digits.
problem-iin_check_digit = This IIN has a typo: its last digit does not match. Compare it with the document.
problem-iin_birth_date = The first six digits of an IIN are the birth date (yymmdd); here they are not a real date.
problem-iin_century_sex = The 7th digit of an IIN (century and sex) must be 1 to 6.
problem-iin_birth_date_mismatch = The birth date does not match the IIN.
problem-iin_sex_mismatch = The sex does not match the IIN.
problem-date_format = Type the date as dd.mm.yyyy, for example 05.03.1990.
problem-date_invalid = The date does not exist in the calendar; check the day and the month.
problem-date_future = This date has not come yet.
problem-date_too_old = A date before 1900 is not plausible.
problem-sex_unknown = Choose female or male.
problem-phone_characters = The phone number contains letters or other characters that are not part of a number.
problem-phone_length = The phone number should have 10 digits after +7 or 8, like +7 701 234 56 78.
problem-phone_not_kazakhstan = The phone number is not a Kazakhstan number; they start with +7 6 or +7 7.
problem-email_invalid = This does not look like an e-mail address.
problem-region_unknown = Choose one of the 17 regions or 3 cities.
problem-number_invalid = Type a whole number, for example 4.
problem-before_birth = A service date cannot be before the birth date.
problem-registered_before_birth = The day the person first came cannot be before their birth date.
problem-service_type = Choose or type the service.
problem-duplicate_iin = A person with this IIN is already in the register (record № { $number }).
problem-duplicate_iin_in_file = The same IIN is also in row { $row } of the file.
problem-duplicate_iin_in_file_elsewhere = The same IIN is in another row of the file.
problem-service_person_missing = The row does not say whose service it is: give an IIN, a Derbes number, or surname, name and birth date.
problem-service_person_not_found = { $by ->
    [iin] No one in the register has this IIN.
    [number] No one in the register has this number.
   *[name] No one in the register has this surname, name and birth date.
}
problem-service_person_ambiguous = { $count } people in the register have this surname, name and birth date: give an IIN or a Derbes number.
problem-service_person_blocked = Person № { $number } is blocked: nothing may be added to their record until the block is lifted.
problem-service_type_unconfirmed = Choose which service this is: Derbes does not know this service type yet.

## The fields problems and refusals point at
field-folder = vault folder
field-user_name = your name
field-password = password
field-current = current password
field-auto_lock_minutes = auto-lock minutes
field-group = group of the key
field-kind = Type of person
field-surname = Surname
field-name = Name
field-patronymic = Patronymic
field-iin = IIN
field-birth_date = Birth date
field-sex = Sex
field-phone = Phone
field-email = E-mail
field-region = Region
field-district = District
field-settlement = Settlement
field-address = Address
field-id_document = Identity document number
field-programme = Programme or project
field-services = Services
field-registered_on = Registered on
field-person = Person
field-date = Date of the service
field-service_type = Service
field-number = Derbes number
field-disability = Disability
field-household_size = Household size
field-health_notes = Health notes
field-notes = Notes
field-bin = BIN
field-responsible_name = responsible person
field-responsible_contacts = contacts of the responsible person
field-row = Row
field-purposes = Purposes
field-given_on = Date the consent was given
field-valid_from = Valid from
field-valid_until = Valid until
field-form = Form of the consent
field-form_reference = Reference number
field-representative_name = Representative's full name
field-representative_relation = Relation to the person
field-representative_document = Representative's document
field-third_parties = Third parties
field-cross_border = Countries
field-publication = Where published
field-scope = What is withdrawn
field-requested_on = Date of the request
field-channel = How the request arrived
field-refusal_note = Reason for refusing
field-reason = Reason
field-reference = Reference
field-organisation = Organisation
field-subject = Person
field-evidence = Signed scan
field-legal_ground = Ground without consent
field-ended_on = End date
field-hold = Legal hold
field-due = Due list
field-subjects = People
field-retention_rules = Retention rules
field-path = File
field-as_of = Date
field-lang = Language

## A record with several problems names the first and counts the rest
invalid-first = { $field }: { $problem }
invalid-more = { $field }: { $problem } ({ $more ->
    [one] one more problem
   *[other] { $more } more problems
})
problem-outside_purposes = This field belongs to a purpose ({ $purpose }) this person's consent or ground does not cover (Art. 14): record a consent for that purpose first.
problem-minor_needs_representative = A child's consent is given by a legal representative, whom an import cannot name: add this person on their own, with the representative.
