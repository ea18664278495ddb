# reports
reason-lang_unknown = Отчёты составляются на казахском (kk), русском (ru) или английском (en) языке.
