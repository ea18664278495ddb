//! Windows only. The window is drawn by Microsoft Edge WebView2, which Windows 10 and 11 ship but
//! an administrator can remove or block. Without it Tauri could only fail with a technical error;
//! instead the person is told, in their language, what is missing and what to do.

use derbes_core::words::{self, Lang};

/// Whether WebView2 is missing; if it is, the person has been told so in a message box.
pub fn missing() -> bool {
    if tauri::webview_version().is_ok() {
        return false;
    }
    let lang = std::env::var("DERBES_LANG")
        .ok()
        .and_then(|l| Lang::parse(&l).ok())
        .or_else(|| sys_locale::get_locale().map(|l| Lang::from_locale(&l)))
        .unwrap_or(Lang::En);
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title(words::message(lang, "app-webview2-missing-title", &[]))
        .set_description(words::message(lang, "app-webview2-missing", &[]))
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    true
}
