# vault: the vault's folder, its users and settings, the journal's chain; the demo vault
reason-user_name_empty = Enter your name: the journal records who does what.
reason-user_name_too_long = The name is too long ({ $max } characters at most).
reason-role_unknown = Choose a role: responsible person or staff.
reason-folder_is_file = That path is a file, not a folder.
reason-auto_lock_range = Auto-lock must be between { $min } and { $max } minutes.
reason-demo_seed_collision = Some synthetic IINs are already in this vault; use another --seed or an empty vault.

## Where the journal's hash chain breaks
reason-journal_entry_missing = Journal entry { $seq } is missing.
reason-journal_entry_reordered = Journal entry { $seq } does not follow entry { $previous }: the chain was altered.
reason-journal_entry_changed = Journal entry { $seq } was changed after it was written.
reason-journal_truncated = The journal ends early: entries from { $from } to { $to } are missing.
reason-journal_head_missing = The journal's head record is missing.
# A new vault's folder is one a cloud service synchronises ($service: OneDrive, Dropbox, ...).
vault-cloud-folder = { $service } synchronises this folder: the vault would be copied to the internet every time it changes. Choose a folder on this computer instead.
reason-key_file_invalid = This file is not a Derbes key file.
reason-key_file_not_found = There is no key file at that path.
reason-share_invalid = Share { $number } has a typo: check it letter by letter.
reason-share_other_vault = Share { $number } belongs to another vault.
reason-shares_mixed = These shares come from different splits of the recovery key: use shares from the same printout.
reason-share_duplicate = The same share was entered twice.
reason-shares_too_few = This split needs { $needed } shares to open the vault; { $given } were entered.
reason-shares_count = Split the recovery key among { $min } to { $max } people.
reason-shares_threshold = Between 2 and { $count } people must come together to open the vault.
reason-share_holder_name = Enter the name of the person who keeps share { $number }.
reason-shares_not_pending = The shares are shown only once, when the key is split; split it again to print new ones.
reason-clipboard_nothing = This field is empty: there is nothing to copy.
