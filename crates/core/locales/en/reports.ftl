# reports
reason-lang_unknown = Reports are made in Kazakh (kk), Russian (ru) or English (en).
