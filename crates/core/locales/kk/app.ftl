# app: what the desktop app says before its window can open (a system message box)

app-webview2-missing-title = Derbes терезесін аша алмайды
app-webview2-missing =
    Derbes терезесін Microsoft Edge WebView2 арқылы көрсетеді. Бұл — Windows 10 және 11 құрамындағы бөлік, бірақ осы компьютерде ол жоқ немесе өшірулі.

    Microsoft компаниясының «WebView2 Runtime» бағдарламасын орнатыңыз (https://go.microsoft.com/fwlink/p/?LinkId=2124703) немесе мұны компьютерге қызмет көрсететін адамнан сұраңыз, содан кейін Derbes-ті қайта іске қосыңыз.

    Қоймаларыңызға ешнәрсе болған жоқ.
