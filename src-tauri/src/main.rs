//! The Derbes desktop app binary.
// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    #[cfg(windows)]
    if derbes_app::webview2::missing() {
        return;
    }
    derbes_app::run();
}
