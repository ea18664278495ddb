# documents: the papers the law asks for, as PDF, and where they are saved
reason-doc_lang_unknown = Документы составляются на казахском (kk) или русском (ru) языке.
reason-save_folder_missing = Папки для сохранения не существует.
reason-save_path_is_folder = Это папка: допишите в конце пути имя файла.
