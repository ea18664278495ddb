# app: what the desktop app says before its window can open (a system message box)

app-webview2-missing-title = Derbes cannot open its window
app-webview2-missing =
    Derbes shows its window with Microsoft Edge WebView2, a part of Windows 10 and 11 that is missing or turned off on this computer.

    Install the “WebView2 Runtime” from Microsoft (https://go.microsoft.com/fwlink/p/?LinkId=2124703), or ask whoever looks after this computer to do it, then start Derbes again.

    Your vaults are not touched.
