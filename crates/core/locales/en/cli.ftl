# cli: the derbes command's own refusals and the sentences it prints to people. Tables of
# people, keys, JSON and --help stay as they are.

## Refusals of the command line
reason-cli_stdin_ended = Standard input ended before the expected password or key.
reason-cli_no_terminal = No terminal to ask for the password; use --password-stdin.
reason-cli_vault_missing = Say which vault: --vault DIR (or set DERBES_VAULT).
reason-cli_kind_unknown = The kind must be beneficiary, employee or volunteer.
reason-cli_values_format = Give field values as KEY=VALUE, e.g. surname=Серікова.
reason-cli_field_unknown = There is no field "{ $key }"; see `derbes subject add --help`.
reason-cli_service_format = Give a service as DATE=TYPE, e.g. 2024-02-15=legal_consultation.
reason-cli_import_rejected = { $rejected } of { $rows } rows would be rejected, so nothing was imported; fix them and import again.
reason-cli_service_map_format = Give each service type as VALUE=TYPE, for example "Юрконсультация=legal_consultation" or "Обед=as-written".
reason-cli_service_type_unknown = "{ $value }" is not a service type: use legal_consultation, psychological_support, social_support, food_package, hygiene_kit, cash_assistance, medical_referral, shelter, training, home_visit or as-written.
reason-cli_access_unknown = Access must be restricted or public.
reason-cli_region_unknown = Unknown region; use a key such as almaty_city or a name.
reason-cli_inventory_file_invalid = The inventory file is not valid: { $detail }.
reason-cli_consent_form_unknown = The form must be paper, electronic, egov, consent_service or other.
reason-cli_withdrawal_scope_unknown = The scope must be all, third_parties, cross_border or publication.
reason-cli_refusal_ground_unknown = A refusal's ground is law or obligation.
reason-cli_confirm_with_yes = This cannot be undone; add --yes to confirm.
reason-cli_due_or_people = Name people or use --due, not both.
reason-cli_end_ground_unknown = The ground must be retention_ended, consent_withdrawn, request, court_decision or unlawful_processing.
reason-cli_report_kind_unknown = Unknown kinds "{ $value }": use beneficiary, employee or volunteer.
reason-cli_release_column_unknown = Unknown columns "{ $value }": use age, sex, place, disability, household_size, kind, programme or service_month.
reason-cli_report_by_unknown = Unknown by "{ $value }": use region, district, sex, age_band, kind, programme, service_type, disability, quarter or month.
reason-cli_sensitive_unknown = Unknown sensitive column "{ $value }": use service_type.
reason-cli_measure_unknown = Count people, services or new_people.
reason-cli_transfer_not_found = This file is not in the transfer ledger, or it was changed after it was saved.

## Prompts (a space follows each)
cli-prompt-password = Password:
cli-prompt-current-password = Current password:
cli-prompt-new-password = New password:
cli-prompt-new-vault-password = New vault password:
cli-prompt-repeat-new-password = Repeat the new password:

## The vault
cli-default-user-name = Responsible person
cli-vault-created = Vault created in { $dir }.
cli-recovery-key-shown-once = Recovery key (shown once — write it down or print it, and keep it away from the laptop):
cli-recovery-key-only-way = It is the only way into the vault if the password is forgotten.
cli-vault-opens = The vault opens for { $user }; its files are intact.
cli-journal-intact = { $count ->
    [one] The journal's { $count } entry is intact.
   *[other] The journal's { $count } entries are intact.
}
cli-password-changed = Password changed.

## The register
cli-person-added = Added № { $number }.
cli-person-changed = Changed № { $number }.
cli-import-row = row { $row }  { $field }  { $problem }
cli-imported = { $count ->
    [one] Imported { $count } person.
   *[other] Imported { $count } people.
}
cli-import-dry-run-ok = { $count ->
    [one] The { $count } row can be imported (dry run: nothing was written).
   *[other] All { $count } rows can be imported (dry run: nothing was written).
}
cli-service-type-line = { $value } ({ $rows }) → { $type }
cli-service-type-unknown = not recognised: choose with --map
cli-services-imported = Imported { $count } services of { $people } people ({ $already } already on file).
cli-services-dry-run-ok = { $count } services of { $people } people can be imported, { $already } are already on file (dry run: nothing was written).
cli-inventory-heading = Data inventory, version { $version } (approved { $at } by user { $by }):
cli-org-name = Name:
cli-org-bin = BIN:
cli-org-address = Address:
cli-org-responsible = Responsible:
cli-org-contacts = Contacts:
cli-org-head = Head:
cli-org-head-position = Head's position:
cli-demo-added = { $count ->
    [one] Added { $count } synthetic person.
   *[other] Added { $count } synthetic people.
}

## Consents
cli-consent-heading = Consent № { $number } of person № { $person } — { $state }
cli-consent-purposes = purposes:
cli-consent-given-on = given on:
cli-consent-valid = valid:
cli-consent-valid-range = { $from } – { $until }
cli-consent-until-purpose = until the purpose is achieved
cli-consent-third-parties = third parties:
cli-consent-cross-border = cross-border:
cli-consent-publication = publication:
cli-consent-form = form:
cli-consent-given-by = given by:
cli-consent-by-representative = legal representative ({ $relation })
cli-consent-evidence = evidence:
cli-consent-no-evidence = none attached
cli-yes = yes
cli-yes-where = yes ({ $where })
cli-no = no
cli-no-consents = No consents recorded.
cli-consent-form-written = Consent form written to { $path }.
cli-scan-attached = Attached the scan ({ $type }, { $size } bytes) to consent № { $consent }.

## Blocking and legal hold
cli-record-blocked = Record № { $number } blocked.
cli-record-unblocked = Record № { $number } unblocked.
cli-record-held = Record № { $number } placed under legal hold.
cli-record-released = Record № { $number } released from legal hold.

## Retention, anonymisation and destruction
cli-rule-any-purpose = any purpose
cli-rule-months-after = { $months } months after { $anchor ->
        [collection] collection
        [last_service] the last service
        [programme_end] the end of the programme
        [employment_end] the end of employment
       *[consent_end] the end of consent
    }
cli-rule-for-life = for life
cli-rule-until-purpose = until the purpose is achieved
cli-due-summary = { $count ->
    [one] { $count } person due on { $date } ({ $held } more under legal hold).
   *[other] { $count } people due on { $date } ({ $held } more under legal hold).
}
cli-due-row = № { $number } { $kind } due since { $since }  { $name }
cli-due-blocked = {"["}blocked]
cli-left-alone-blocked = left alone (blocked): { $numbers }
cli-act-heading = Act № { $number }: { $action } of { $count } { $count ->
    [one] person
   *[other] people
} ({ $ground }), { $at } by { $by }
cli-act-people = people:
cli-act-categories = categories:
cli-no-acts = No acts yet.
cli-acts-row = № { $number } { $action } { $ground } { $count } people  { $at }  { $by }
cli-act-written = Act written to { $path }.

## Reports and transfers
cli-report-saved = Saved to { $path } and recorded in the transfer ledger as № { $number } (SHA-256 { $sha256 }).
cli-release-summary = k achieved { $k } (smallest group), { $classes } groups, { $rows } rows released, { $suppressed } left out, information loss { $loss } %.
cli-release-l = l achieved { $l }.
cli-release-more-rows = … { $count } more rows (save with --out).
cli-no-transfers = No transfers yet.
cli-transfer-found = This file is transfer № { $number } to { $recipient } on { $date } ({ $purpose }).

## Users (derbes user …)
cli-prompt-new-user-password = The new user's password:
cli-role-responsible = responsible person
cli-role-staff = staff
cli-user-may-reveal = may reveal health data and identity numbers
cli-user-you = you
cli-user-no-password = no password yet
cli-user-added = { $name } was added as { $role }; they unlock with their own password (derbes --user "{ $name }").
cli-user-removed = { $name } was removed: their password no longer opens this vault.
cli-user-password-set = { $name } has a new password; nobody else's changed.
cli-user-role-set = { $name } is now { $role }.
cli-user-reveal-on = { $name } may now reveal health data and identity numbers.
cli-user-reveal-off = { $name } may no longer reveal health data and identity numbers.
reason-cli_confirm_remove_user = Removing a user takes away their access to this vault; add --yes to confirm.
cli-rekeyed = The vault was re-encrypted under a new key; { $slots } ways in (passwords and the recovery key) open it. An old copy of the keyslots file opens no copy made from now on.

## Backups and restore
cli-backup-made = Backup written to { $path } ({ $size }, { $people } people). It opens with any user's password or today's recovery key; the destruction log is beside it.
cli-backup-verified = The backup of { $made } is whole: { $pages } pages and { $entries } journal entries checked; it holds { $people } people.
cli-restored = Restored into { $dir }: { $people } people, from the backup of { $made }.
cli-restore-replayed = Later destruction or anonymisation acts re-applied: { $acts }; { $people } people are gone again, as in the newer vault.
cli-restore-no-log = No destruction log was found: anyone destroyed after { $made } is back in this copy. Restore again with --replay and the newer vault's folder or a newer backup's log.
cli-restore-nothing-later = The destruction logs at hand ({ $logs }) name no destruction after this backup.
cli-backup-state-kept = kept
cli-backup-state-replaced = replaced
cli-backup-state-deleted = deleted
cli-backup-state-holds-ended = holds destroyed people
cli-backup-last = Last backup: { $made }, { $path }.
cli-backup-none = No backup has been made yet.
cli-backup-overdue = The last backup is more than { $days } days old (or there is none): make one.
cli-backup-holds-ended = The backup of { $made } ({ $path }) still holds people destroyed since: replace it with a new backup or delete it.
cli-backup-expired = The backup of { $made } ({ $path }) is older than { $days } days: delete it.
cli-backup-forgotten = The backup { $path } is recorded as deleted.
cli-backup-settings = Backups: a reminder after { $reminder } days; kept { $retention } days.
reason-cli_backup_out_missing = Say where to write the backup: --out FILE.

## Key files
cli-key-file-set = Key file written to { $path }. From now on your password opens the vault only with it: keep it on a USB stick, away from the laptop, and give it with --key-file.
cli-key-file-removed = Your password opens the vault on its own again; the old key file is no longer needed.
reason-cli_key_file_missing = Give your current key file with --key-file.

## Replacing and splitting the recovery key
cli-recovery-key-replaced = This new recovery key replaces the old one, which no longer opens the vault.
cli-shares-made = A new recovery key was split into { $count } shares; any { $threshold } of them open the vault together. The old recovery key no longer works.
cli-shares-once = Each share is shown only now: give each person theirs, on paper, and keep none on this laptop.

# derbes docs
cli-paper-written = { $paper } № { $number } written ({ $pages } pages): { $path }
cli-paper-policy = Personal-data policy
cli-paper-inventory = Data inventory
cli-paper-order = Order appointing the responsible person
cli-paper-retention = Retention schedule
cli-paper-undertaking = Confidentiality undertaking
cli-paper-never = never produced
cli-paper-current = № { $number } of { $at }, up to date
cli-paper-outdated = № { $number } of { $at }, out of date: { $why }
cli-paper-why-inventory-changed = the inventory changed
cli-paper-why-responsible-changed = the responsible person changed
cli-paper-why-details-changed = its details changed
cli-pack-written = Compliance pack № { $number } written ({ $files } files): { $path }
cli-pack-journal-broken = Warning: the journal's chain is broken; the pack says so.
cli-pack-missing = What an inspector will ask for and not find:
cli-sees-data-on = { $person } is now marked as seeing personal data at work.
cli-sees-data-off = { $person } no longer sees personal data.

## Clocks: calendar, requests, breaches
cli-clock-running = due { $due }, { $left ->
    [one] 1 working day left
   *[other] { $left } working days left
}
cli-clock-today = due today ({ $due })
cli-clock-overdue = OVERDUE since { $due }
cli-clock-unknown = due day unknown: the calendar has no data for { $year }
cli-calendar-year = { $year }: Kurban Ait { $kurban }{ $estimated ->
    [true] {" "}(estimated)
   *[false] {""}
}, { $off } days off and { $worked } working days set for the year{ $edited ->
    [true] {" "}(edited)
   *[false] {""}
}
cli-calendar-moved = { $holiday } (moved from the weekend)
cli-calendar-day-off = day off (this year's calendar)
cli-calendar-working = working day (this year's calendar)
cli-calendar-weekend = weekend
cli-calendar-due = { $days ->
    [one] { $days } working day
   *[other] { $days } working days
} after { $from }: { $due }
cli-calendar-set = The calendar for { $year } is saved.
cli-calendar-reset = The calendar for { $year } is back to what Derbes ships.
cli-request-line = Request № { $number } · person № { $person } · { $kind } · received { $received } · { $state }
cli-request-closed-on = { $outcome ->
    [refused] refused
   *[done] done
} on { $on }
cli-request-answer-written = Answer № { $answer } to request № { $number } written to { $path }.
cli-breach-line = Breach № { $number } · { $kind } · detected { $detected } · { $affected } people · { $state }
cli-breach-notice-written = Notice № { $notice } of breach № { $number } written to { $path }.
cli-basis-set = { $count ->
    [one] One person has a basis now.
   *[other] { $count } people have a basis now.
}
cli-lapse-line = Person № { $number } · { $reason } since { $since } · act by { $due }
reason-cli_recipient_kind_unknown = The kind of recipient is donor, partner, state_body or other.
reason-cli_yes_or_no = Answer yes or no.
reason-cli_out_required = Give the file to write with --out.
cli-recipient-added = Recipient № { $number } added: { $name }.
cli-transfer-written = Transfer № { $number } recorded in the ledger: { $rows } people written to { $path }. The file holds personal data in clear: send it only by a protected channel.
