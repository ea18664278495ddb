//! Where a vault should live: a folder the person can find again, on this computer, and not one
//! that a cloud service copies to someone else's servers. OneDrive synchronises Documents and
//! Desktop on many Windows laptops, so the default is a folder of its own in the home folder.

use std::path::{Path, PathBuf};

/// The folder a new vault is suggested in: `Derbes` in the person's home folder
/// (`%USERPROFILE%\Derbes` on Windows), or in the local application-data folder when the home
/// folder itself is synchronised by a cloud service.
pub fn default_folder() -> PathBuf {
    default_folder_from(&process_env)
}

fn process_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).map(PathBuf::from)
}

fn default_folder_from(env: &dyn Fn(&str) -> Option<PathBuf>) -> PathBuf {
    let home = env("USERPROFILE")
        .or_else(|| env("HOME"))
        .unwrap_or_default();
    let suggested = home.join("Derbes");
    if cloud_service_from(&suggested, env).is_none() {
        return suggested;
    }
    match env("LOCALAPPDATA") {
        Some(local) => local.join("Derbes"),
        None => suggested,
    }
}

/// The cloud service that synchronises `path`, if any: by the folders OneDrive announces in the
/// environment (`OneDrive`, `OneDriveConsumer`, `OneDriveCommercial`) and by the names the
/// common services give their folders. A vault there leaves the computer, encrypted but whole,
/// every time it changes.
pub fn cloud_service(path: &Path) -> Option<&'static str> {
    cloud_service_from(path, &process_env)
}

fn cloud_service_from(path: &Path, env: &dyn Fn(&str) -> Option<PathBuf>) -> Option<&'static str> {
    let announced = ["OneDrive", "OneDriveConsumer", "OneDriveCommercial"];
    if announced
        .iter()
        .filter_map(|name| env(name))
        .filter(|root| !root.as_os_str().is_empty())
        .any(|root| starts_with_ignoring_case(path, &root))
    {
        return Some("OneDrive");
    }
    path.components().find_map(|c| {
        let name = c.as_os_str().to_string_lossy().to_lowercase();
        match name.as_str() {
            "onedrive" => Some("OneDrive"),
            n if n.starts_with("onedrive - ") => Some("OneDrive"),
            "dropbox" => Some("Dropbox"),
            n if n.starts_with("dropbox (") => Some("Dropbox"),
            "google drive" | "googledrive" | "my drive" => Some("Google Drive"),
            "icloud drive" | "iclouddrive" | "mobile documents" => Some("iCloud Drive"),
            "yandex.disk" | "yandexdisk" | "яндекс.диск" => Some("Yandex Disk"),
            _ => None,
        }
    })
}

/// `path` is `root` or inside it; Windows paths are not case-sensitive.
fn starts_with_ignoring_case(path: &Path, root: &Path) -> bool {
    let lower = |p: &Path| {
        p.components()
            .map(|c| c.as_os_str().to_string_lossy().to_lowercase())
            .collect::<Vec<_>>()
    };
    let (path, root) = (lower(path), lower(root));
    path.len() >= root.len() && path[..root.len()] == root[..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<PathBuf> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| PathBuf::from(v))
        }
    }

    #[test]
    fn the_default_is_derbes_in_the_home_folder_not_in_documents() {
        let vars = [("HOME", "/home/aigerim")];
        assert_eq!(
            default_folder_from(&env(&vars)),
            Path::new("/home/aigerim/Derbes")
        );
    }

    #[test]
    fn a_home_folder_inside_onedrive_moves_the_default_to_local_app_data() {
        let vars = [
            ("USERPROFILE", "/Users/aigerim/OneDrive/profile"),
            ("LOCALAPPDATA", "/Users/aigerim/AppData/Local"),
        ];
        assert_eq!(
            default_folder_from(&env(&vars)),
            Path::new("/Users/aigerim/AppData/Local/Derbes")
        );
    }

    #[test]
    fn folders_onedrive_announces_are_cloud_folders_whatever_their_name() {
        let vars = [("OneDriveCommercial", "/Users/a/Қор ҮЕҰ")];
        let e = env(&vars);
        assert_eq!(
            cloud_service_from(Path::new("/users/A/қор үеұ/Derbes"), &e),
            Some("OneDrive")
        );
        assert_eq!(cloud_service_from(Path::new("/Users/a/Derbes"), &e), None);
    }

    #[test]
    fn the_common_services_are_known_by_their_folder_names() {
        let none = env(&[]);
        for (path, service) in [
            ("/Users/a/OneDrive - Qamqor/Derbes", "OneDrive"),
            ("/Users/a/Dropbox/Derbes", "Dropbox"),
            ("/Users/a/Google Drive/My Drive/Derbes", "Google Drive"),
            ("/Users/a/YandexDisk/Derbes", "Yandex Disk"),
        ] {
            assert_eq!(
                cloud_service_from(Path::new(path), &none),
                Some(service),
                "{path}"
            );
        }
        assert_eq!(
            cloud_service_from(Path::new("/Users/a/Derbes"), &none),
            None
        );
        assert_eq!(
            cloud_service_from(Path::new("/Users/a/OneDrive2/Derbes"), &none),
            None
        );
    }
}
