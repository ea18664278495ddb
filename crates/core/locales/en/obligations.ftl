# The clocks of the law: the working-day calendar, subject requests, breaches.

## Calendar
reason-calendar_year_missing = The working-day calendar has no data for { $year }: add that year's Kurban Ait and the government's day transfers in Settings → Calendar before this deadline can be counted.
reason-working_days_range = A term can be at most { $max } working days.
reason-calendar_year_range = Choose a year between { $min } and { $max }.
reason-calendar_day_outside_year = This day is not in { $year }.
reason-calendar_day_both = { $date } is listed twice: a day is either a day off or a working day.
reason-calendar_note_too_long = A note can be at most { $max } characters.
holiday-new_year = New Year
holiday-orthodox_christmas = Orthodox Christmas
holiday-womens_day = International Women's Day
holiday-nauryz = Nauryz
holiday-unity_day = Unity Day of the People of Kazakhstan
holiday-defender_day = Defender of the Fatherland Day
holiday-victory_day = Victory Day
holiday-capital_day = Capital Day
holiday-constitution_day = Constitution Day
holiday-republic_day = Republic Day
holiday-independence_day = Independence Day
holiday-kurban_ait = Kurban Ait
calendar-note-G24G0000436 = Government Resolution No. 436 of 2024 on transferring days off in 2025
calendar-note-constitution_2026 = The 2026 Constitution: Constitution Day is 15 March from 2027, not 30 August

## Subject requests
reason-request_kind_unknown = Choose what the person asks for.
reason-request_text_required = Fill this in.
reason-request_text_too_long = This is too long ({ $max } characters at most).
reason-request_in_future = A request cannot be received on a day still to come.
reason-request_answer_days_range = The organisation's target must be between { $min } and { $max } working days.
reason-request_not_found = There is no request № { $number }.
reason-request_closed = Request № { $number } is already closed.
reason-request_evidence_missing = { $kind ->
    [access] Produce the answer to this request first: it is the evidence the request was answered.
    [correction] No correction of this person's record has been saved since the request was taken: correct the record first, or refuse with reasons.
    [blocking] This person has not been blocked since the request was taken: block them first, or refuse with reasons.
    [unblocking] This person has not been unblocked since the request was taken: unblock them first, or refuse with reasons.
    [destruction] This person's data has not been destroyed: destroy it (the act is the evidence), or refuse with reasons.
    [withdrawal] No consent of this person has been withdrawn since the request was taken: record the withdrawal first, or refuse with reasons.
   *[other] This person is still public: make them restricted first, or refuse with reasons.
}
reason-request_not_access = Request № { $number } does not ask for access: only an access request gets this answer.
reason-request_subject_gone = Person № { $number } is no longer in the register: there is no data left to describe.

## Breaches
reason-breach_text_required = Describe what happened.
reason-breach_text_too_long = This is too long ({ $max } characters at most).
reason-breach_in_future = A breach cannot be detected, or notified, on a day still to come.
reason-breach_categories_required = Choose at least one category of data affected.
reason-breach_category_unknown = Choose the categories from the list.
reason-breach_people_required = Name the people affected, or mark that everyone in the register is.
reason-breach_person_unknown = There is no person № { $number } in the register.
reason-breach_not_found = There is no breach № { $number }.
reason-breach_closed = Breach № { $number } is already closed.
reason-breach_not_notified = Record the day the authorised body was notified before closing breach № { $number }.
reason-breach_notified_before_detection = The notice cannot be sent before the breach was detected.
reason-breach_not_proposed = Breach № { $number } was not proposed by Derbes: there is nothing to confirm or dismiss.
reason-breach_threshold_range = The threshold must be between { $min } and { $max } failed unlocks.
reason-request_channel_unknown = Choose how the request came: in_person, post, email, egov or other.
reason-request_identity_unknown = Choose how identity was checked: id_document, egov_signature, known_in_person or representative_authority.
reason-breach_detected_format = Give the detection time as yyyy-mm-ddThh:mm, for example 2026-03-20T18:30.
reason-breach_kind_unknown = Choose what happened from the list of breach kinds.
reason-breach_told_unknown = Say whether the people were told: yes, no or not_yet.

## Words
request-kind-access = access to their data
request-kind-correction = correction
request-kind-blocking = blocking
request-kind-unblocking = unblocking
request-kind-destruction = destruction
request-kind-withdrawal = withdrawal of consent
request-kind-publication_refusal = refusal of publication
breach-kind-device_lost = device stolen or lost
breach-kind-media_lost = media lost
breach-kind-unauthorised_access = unauthorised access
breach-kind-accidental_publication = published by mistake
breach-kind-malware = malware
breach-kind-password_leaked = password leaked
breach-kind-wrong_recipient = sent to the wrong recipient
breach-kind-journal_broken = the journal was altered
breach-kind-unlock_attempts = many wrong passwords
breach-kind-other = other
breach-status-proposed = proposed by Derbes: confirm or dismiss
breach-status-open = open
breach-status-closed = closed
breach-status-dismissed = dismissed
