//! The Derbes desktop app binary.
// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    derbes_app::run();
}
