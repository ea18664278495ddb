# documents: the papers the law asks for, as PDF, and where they are saved
reason-doc_lang_unknown = Documents are made in Kazakh (kk) or Russian (ru).
reason-save_folder_missing = The folder to save into does not exist.
reason-save_path_is_folder = That is a folder; add a file name to the path.
reason-document_template_broken = The template "{ $template }" of the document could not be typeset: { $detail }. This is a bug in Derbes; your data is untouched.
reason-inventory_version_unknown = There is no version { $version } of the inventory.
reason-sees_data_beneficiary = Undertakings are for employees and volunteers, not beneficiaries.
reason-confidant_unknown = This person is neither a user of the vault nor marked as seeing the data.
reason-paper_person_needed = Choose whose undertaking to make.

# The compliance pack's tables: column headers (documents/papers/pack.rs)
pack-column-consent = Consent №
pack-column-person = Person's internal №
pack-column-name = Full name
pack-column-given_on = Given on
pack-column-valid_until = Valid until
pack-column-form = Form
pack-column-reference = Reference
pack-column-representative = Legal representative
pack-column-withdrawn = Withdrawn
pack-column-scans = Scans
pack-column-taken_by = Taken by
pack-column-act = Act №
pack-column-action = Action
pack-column-ground = Ground
pack-column-people = People
pack-column-performed_at = Performed at
pack-column-performed_by = Performed by
pack-column-backups = Backups
pack-column-transfer = Transfer №
pack-column-at = At
pack-column-user = User
pack-column-kind = Kind
pack-column-format = Format
pack-column-recipient = Recipient
pack-column-purpose = Purpose
pack-column-sha256 = SHA-256
pack-column-size = Size, bytes
pack-column-seq = №
pack-column-object = Object
pack-column-details = Details
pack-column-user_id = User id
pack-column-prev_hash = Previous entry's hash
pack-column-hash = Hash

# What the compliance pack lacks (documents/papers/pack.rs)
pack-missing-org_name_missing = The organisation's name is not set.
pack-missing-org_bin_missing = The organisation's BIN is not set.
pack-missing-org_address_missing = The organisation's address is not set.
pack-missing-responsible_missing = No person responsible for processing is set.
pack-missing-responsible_contacts_missing = The responsible person's contacts are not set.
pack-missing-head_missing = The head of the organisation is not set.
pack-missing-policy_not_approved = No policy was approved before: the pack's is a draft.
pack-missing-no_consents = People are registered but no consent is recorded.
pack-missing-no_acts = No destruction acts yet.
pack-missing-requests_not_kept = Subject requests are not kept yet.
pack-missing-breaches_not_kept = Breaches are not recorded yet.
