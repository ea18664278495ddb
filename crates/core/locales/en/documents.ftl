# documents: the papers the law asks for, as PDF, and where they are saved
reason-doc_lang_unknown = Documents are made in Kazakh (kk) or Russian (ru).
reason-save_folder_missing = The folder to save into does not exist.
reason-save_path_is_folder = That is a folder; add a file name to the path.
