# lifecycle: consents, retention, blocking and holds, anonymisation and destruction

## Shared by consents and retention

reason-lifecycle_date_format = { $problem ->
    [empty] The value is empty.
    [date_invalid] The date does not exist in the calendar; check the day and the month.
   *[date_format] The date is not written in a recognised form; write it as DD.MM.YYYY.
}
reason-lifecycle_too_long = This is too long ({ $max } characters at most).
reason-lifecycle_control_chars = Remove the invisible control characters from this field.

## Recording a consent

reason-consent_operator_missing = Enter the organisation's name and BIN in Settings first: a consent must name the operator (Art. 8(4)).
reason-consent_subject_name_missing = A consent names the person: enter their surname and name first.
reason-consent_purpose_unknown = "{ $purpose }" is not a purpose in the approved data inventory.
reason-consent_purpose_no_data = The purpose "{ $purpose }" collects no data about { $kind ->
        [employee] an employee
        [volunteer] a volunteer
       *[other] a beneficiary
    } in the approved inventory.
reason-consent_purposes_none = Choose at least one purpose of processing.
reason-consent_given_in_future = The day the consent was given cannot be in the future.
reason-consent_given_before_birth = The consent cannot be dated before the person's birth.
reason-consent_start_in_future = A consent is recorded once it is in force: its start cannot be in the future.
reason-consent_start_before_given = A consent cannot be valid before the day it was given.
reason-consent_end_before_start = The consent's end date is before its start.
reason-consent_form_missing = Choose how the consent was given.
reason-consent_reference_missing = Enter the consent's reference number on the service.
reason-representative_name_missing = Enter the representative's full name.
reason-representative_relation_missing = Enter the representative's relation to the person.
reason-representative_document_missing = Enter the document that makes them the legal representative.
reason-third_parties_missing = Enter the third parties who may receive the data.
reason-cross_border_countries_missing = Enter the countries the data may be transferred to.
reason-publication_where_missing = Enter where the data may be published.

## Withdrawing a consent

reason-consent_already_withdrawn = This consent has already been withdrawn as a whole.
reason-consent_scope_already_withdrawn = This part of the consent has already been withdrawn.
reason-consent_scope_not_given = The consent does not allow this, so there is nothing to withdraw.
reason-withdrawal_request_in_future = The day of the request cannot be in the future.
reason-withdrawal_before_given = A consent cannot be withdrawn before the day it was given.
reason-withdrawal_channel_missing = Enter how the request arrived (in writing, eGov, e-mail…).
reason-refusal_note_missing = Enter which law or unfulfilled obligation prevents the withdrawal.

## Grounds without consent, and the signed scan

reason-legal_ground_unknown = The ground must be one of { $allowed }.
reason-evidence_missing = No scan is attached to this consent.
reason-evidence_too_big = The scan is larger than { $max_mb } MB; scan it at a lower resolution.
reason-evidence_type = Attach the scan as a PDF, JPEG or PNG file; this file is none of them.

## Retention rules

reason-retention_rule_purpose_unknown = Rule { $rule }: its purpose is not in the approved data inventory.
reason-retention_rule_anchor_missing = Rule { $rule }: choose where the period starts.
reason-retention_rule_months_range = Rule { $rule }: the period must be 1 to 1200 months (100 years).
reason-retention_rule_basis_missing = Rule { $rule }: choose why the data is kept this long.

## Blocking, legal holds and the end date

reason-block_reason_missing = Enter why the data is blocked.
reason-unblock_reason_missing = Enter why the data is unblocked.
reason-hold_reason_missing = Enter why the data must be kept.
reason-lifecycle_reason_too_long = The reason must be one line of at most 500 characters.
reason-subject_not_blocked = Record № { $number } is not blocked.
reason-subject_not_on_hold = Record № { $number } is not under legal hold.
reason-end_date_in_future = The end date cannot be in the future.

## Anonymisation and destruction

reason-end_due_in_future = Retention has not ended yet on a future day; end only who is due today or earlier.
reason-nobody_due = Nobody is due for the end of retention on this day.
reason-end_subjects_none = Choose at least one person.
reason-end_reference_too_long = The reference must be one line of at most 200 characters.
reason-court_decision_reference_missing = Enter the court decision's number and date.

## A lawful basis for every person (Art. 7(1), 9)
reason-legal_ground_law_required = Name the law relied on (for example "Labour Code, Art. 23").
reason-legal_ground_law_too_long = The law's name must be one line of at most { $max } characters.
reason-legal_ground_purpose_unknown = "{ $purpose }" is not a purpose of the approved data inventory for this kind of person.
reason-basis_required = Choose the basis for processing this person's data: their consent, or a ground of Art. 9 with the law relied on.
ground-art9_4 = Art. 9(4): implementing a ratified international treaty
ground-art9_5 = Art. 9(5): protecting constitutional rights when consent cannot be obtained
ground-art9_6 = Art. 9(6): lawful journalism, science, creative or literary work
ground-art9_7 = Art. 9(7): data published under the law
ground-art9_8 = Art. 9(8): the person did not fulfil a legal duty to provide the data
ground-art9_10 = Art. 9(10): other cases set by the laws (e.g. Labour Code, tax law)
lapse-no_basis = entered without a basis
lapse-consent_expired = consent ended
lapse-consent_withdrawn = consent withdrawn
lapse-ground_incomplete = ground without the law relied on
lapse-ground_not_for_ngo = a ground only state bodies have
