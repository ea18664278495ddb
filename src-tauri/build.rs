//! Tauri build script: generates the app context from tauri.conf.json and capabilities/.
fn main() {
    tauri_build::build()
}
