# app: what the desktop app says before its window can open (a system message box)

app-webview2-missing-title = Derbes не может открыть окно
app-webview2-missing =
    Для своего окна Derbes использует Microsoft Edge WebView2 — часть Windows 10 и 11, которой на этом компьютере нет или которая отключена.

    Установите «WebView2 Runtime» от Microsoft (https://go.microsoft.com/fwlink/p/?LinkId=2124703) или попросите об этом того, кто обслуживает компьютер, и снова запустите Derbes.

    Ваши хранилища не затронуты.
