# reports
reason-lang_unknown = Есептер қазақ (kk), орыс (ru) немесе ағылшын (en) тілінде жасалады.
