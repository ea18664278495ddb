# documents: the papers the law asks for, as PDF, and where they are saved
reason-doc_lang_unknown = Құжаттар қазақ (kk) немесе орыс (ru) тілінде жасалады.
reason-save_folder_missing = Сақтауға арналған қалта жоқ.
reason-save_path_is_folder = Бұл қалта: жолдың соңына файл атауын жазыңыз.
