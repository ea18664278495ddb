# register: the refusals of the register (crates/core/src/register), by code. The problems of a
# person's record and of an import's rows are the problem-* messages in core.ftl.

## The operating organisation (Settings → Organisation)
reason-organisation_too_long = This is too long ({ $max } characters at most).
reason-organisation_control_chars = Remove the control characters from this field.
reason-organisation_name_required = Enter the organisation's name.
reason-bin_length = The BIN must be exactly 12 digits.
reason-bin_check_digit = This BIN has a typo: its last digit does not match the others.

## The data inventory (тізбе)
reason-inventory_no_purpose = The inventory needs at least one purpose of processing.
reason-inventory_purpose_key = The purpose key "{ $key }" must be lower-case Latin letters, digits and underscores.
reason-inventory_purpose_twice = The purpose "{ $key }" appears twice.
reason-inventory_purpose_names = The purpose "{ $key }" needs a name in Kazakh, Russian and English (up to { $max } characters).
reason-inventory_field_sensitive = The field "{ $key }" must keep a sensitive category.

## Listing the register
reason-age_band_unknown = The age band must be one of { $allowed }.

## Reading an import file; { $unit } is gb, mb or bytes
reason-import_not_a_table = This file is not a CSV or Excel (XLSX) table.
reason-import_no_rows = The file has no filled rows to import.
reason-import_xlsx_damaged = This Excel file is damaged and cannot be read; open it in Excel, save it again and retry.
reason-import_old_or_locked_excel = This is an old Excel (XLS) file or a password-protected one; save it in Excel as XLSX without a password, or as CSV, and try again.
reason-import_open_document = This is an OpenDocument (ODS) spreadsheet; save it as XLSX or CSV and try again.
reason-import_file_too_large = The file is larger than { $unit ->
        [gb] { $size } GB
        [mb] { $size } MB
       *[bytes] { $size } bytes
    }; split it into smaller files and import them one by one.
reason-import_xlsx_unpacks_too_large = This Excel file unpacks to more than { $unit ->
        [gb] { $size } GB
        [mb] { $size } MB
       *[bytes] { $size } bytes
    }; save it as CSV or split it into smaller files.
reason-import_too_many_rows = The table has more than { $rows } rows; split it into smaller files and import them one by one.
reason-import_too_many_columns = Row { $row } has more than { $columns } columns; remove the columns you do not need and try again.
