# reports
# The words of donor reports, row-level releases and the files made of them, and the refusals
# of crates/core/src/reports. Read by the core (crates/core/src/words.rs) for the files it
# writes and for every error's English text, and by the UI. A message's id is stable; never
# parse the text.

## Refusals (reason-<code>)
reason-lang_unknown = Reports are made in Kazakh (kk), Russian (ru) or English (en).
reason-report_month_format = Write the month as YYYY-MM, for example 2026-01.
reason-report_period_order = The period ends before it starts.
reason-report_period_too_long = A report covers at most ten years.
reason-report_age_bands = Age bands start at 0 and go up, for example 0, 18, 30, 45, 60.
reason-report_by_too_many = Break a report down by at most three things.
reason-report_by_twice = Each breakdown can be chosen once.
reason-report_by_service_type = Only services can be broken down by service type: one person can receive several.
reason-report_threshold_range = The small-cell threshold is between { $min } and { $max }.
reason-report_too_fragmented = { $percent ->
    [-1] Too many small groups: most of this table would be hidden.
   *[other] Protecting the small counts would hide { $percent } % of the numbers this table could show, more than the { $limit } % a useful table can lose.
} Choose fewer or broader breakdowns (region instead of district, wider age bands) or a longer period.
reason-report_too_few_people = Too few people for this table to be published safely: choose fewer breakdowns, wider age bands or a longer period.
reason-release_columns_none = Choose at least one column to release.
reason-release_columns_twice = Each column can be chosen once.
reason-k_range = k is between { $min } and { $max }.
reason-l_needs_sensitive = l-diversity needs a sensitive column, such as the main service type.
reason-l_range = l is between { $min } and { $max }.
reason-release_max_suppressed = At most { $max } % of rows may be left out.
reason-release_impossible = No release of these { $people } people meets k = { $k } with at most { $percent } % of rows left out: release fewer columns, lower k or l, or choose a longer period.
reason-release_impossible_l = No release of these { $people } people meets k = { $k } and l = { $l } with at most { $percent } % of rows left out: release fewer columns, lower k or l, or choose a longer period.
reason-export_format_unknown = Reports are saved as CSV, XLSX or PDF.
reason-transfer_recipient_missing = Say who receives the file: the law asks for a record of every transfer.
reason-transfer_purpose_missing = Say why the file is sent.
reason-transfer_text_too_long = Keep the recipient under 300 characters and the purpose under 1,000.
reason-transfer_extension = The file name must end in .{ $ext } for this format.
reason-transfer_organisation_missing = Fill in the organisation's name in Settings first: the file says who sends it.
reason-transfer_not_found = There is no transfer № { $number } in the ledger.

## Words shared by reports and releases
report-not-stated = Not stated
report-total = Total
report-yes = Yes
report-no = No
# A quarter, from its key YYYY-Qn
report-quarter = Q{ $quarter } { $year }

## Service types (keys of the register's services)
report-service-legal_consultation = Legal consultation
report-service-psychological_support = Psychological support
report-service-social_support = Social support
report-service-food_package = Food package
report-service-hygiene_kit = Hygiene kit
report-service-cash_assistance = Cash assistance
report-service-medical_referral = Medical referral
report-service-shelter = Shelter
report-service-training = Training
report-service-home_visit = Home visit
report-service-other = Other services

## Kinds of person, sex, macro-regions
report-kind-beneficiary = Beneficiary
report-kind-employee = Employee
report-kind-volunteer = Volunteer
report-sex-male = Male
report-sex-female = Female
report-macro_region-north = North
report-macro_region-south = South
report-macro_region-east = East
report-macro_region-west = West
report-macro_region-central = Centre

## Aggregate reports: what is counted, what by
report-measure-people = People served
report-measure-services = Services delivered
report-measure-new_people = New people
report-dimension-region = Region
report-dimension-district = District
report-dimension-sex = Sex
report-dimension-age_band = Age band
report-dimension-kind = Category
report-dimension-programme = Programme
report-dimension-service_type = Service type
report-dimension-disability = Disability
report-dimension-quarter = Quarter
report-dimension-month = Month

## Aggregate reports: the method note
report-method-primary = Counts below { $threshold } are shown as "<{ $threshold }" (primary suppression): { $count ->
    [one] { $count } cell.
   *[other] { $count } cells.
}
report-method-secondary = So that no hidden count can be worked out from the totals, { $count ->
    [one] { $count } more cell is hidden
   *[other] { $count } more cells are hidden
} as "x" (secondary suppression); this was checked by linear programming.
report-method-chosen-optimal = The cells hidden as "x" were chosen by an integer programme over the whole table: the fewest cells, then the smallest counts (the optimal method of the statistical offices' tau-ARGUS).
report-method-chosen-integer_programme = The cells hidden as "x" were chosen by an integer programme over the whole table, refined until the check passed; no other method found fewer.
report-method-chosen-heuristic = The cells hidden as "x" were chosen step by step (the smallest count beside each exposed cell): the integer programme found nothing better in its time limit.
report-method-no-identifiers = The table holds no names, IINs, contacts or addresses (Article 17 of Law No. 94-V).
report-method-anonymous = Anonymised records are counted too: { $count }.
report-method-blocked = Blocked records were left out: { $count }.
report-method-first-service = Each person is counted once, in the month of their first service in the period.

## Row-level releases: columns and their levels of generalisation
release-column-age = Age
release-column-sex = Sex
release-column-place = Place
release-column-disability = Disability
release-column-household_size = Household size
release-column-kind = Category
release-column-programme = Programme
release-column-service_month = Month of first service
release-sensitive-service_type = Main service type
release-level-hidden = hidden (*)
release-level-exact = exact value
release-level-years = years
release-level-5-years = 5-year bands
release-level-10-years = 10-year bands
release-level-20-years = 20-year bands
release-level-district = district
release-level-region = region
release-level-macro-region = macro-region
release-level-month = month
release-level-quarter = quarter
release-level-year = year

## Row-level releases: the method note
release-method-k = Every row matches at least { $others ->
    [one] { $others } other
   *[other] { $others } others
} on every column (k = { $k }; { $required } was required).
release-method-rows = Of { $people ->
    [one] { $people } person
   *[other] { $people } people
} served in the period, { $kept ->
    [one] { $kept } row is released
   *[other] { $kept } rows are released
}; { $suppressed ->
    [one] { $suppressed } row in a group that was too small was left out.
   *[other] { $suppressed } rows in groups that were too small were left out.
}
release-method-search = Of all { $total } possible generalisations, the one losing the least information was chosen (ARX's globally optimal full-domain generalisation); information loss: { $loss } %.
release-method-no-identifiers = Names, IIN, phone, e-mail, address, document number and notes never leave the register (Article 17 of Law No. 94-V).
release-method-l = Every group holds at least { $l ->
    [one] { $l } main service type
   *[other] { $l } different main service types
} (l-diversity).

## The files: letterhead, facts, sheets and headings
export-organisation = Organisation
export-recipient = Recipient
export-purpose = Purpose
export-ledger-number = Transfer ledger №
export-date = Date
export-method = Method
export-bin = BIN
export-table = Table
export-broken-down-by = Broken down by
export-threshold = Threshold
export-sheet-data = Data
export-k-required = k required
export-k-achieved = k achieved
export-smallest-group = Smallest group
export-groups = Groups
export-rows-released = Rows released
export-rows-left-out = Rows left out
export-l-achieved = l achieved
export-information-loss = Information loss
export-release-title = Anonymised row-level release
export-people = People
export-rows = Rows

## Transfers that identify people (Art. 7(6), 15, 16, 19)
reason-recipient_country_missing = Give the recipient's country.
reason-recipient_protection_unknown = Say whether the recipient's country ensures the protection of personal data (Art. 16(2)).
reason-recipient_exists = A recipient with this name and country is already in the list.
reason-recipient_not_found = There is no recipient № { $number }.
reason-transfer_exception_unknown = Choose the exception of Art. 16(3): { $allowed }.
reason-transfer_people_missing = Choose the people whose data is transferred.
reason-transfer_fields_missing = Choose the data to transfer.
reason-transfer_basis_missing = Nothing was transferred: these people have no basis for this transfer (a consent naming this recipient, or an Art. 9 ground): { $people }.
reason-transfer_fields_not_covered = None of the chosen data is covered by every person's consent or ground: nothing to transfer.
reason-transfer_notice_not_owed = Person № { $number } is not owed a notice of this transfer.
