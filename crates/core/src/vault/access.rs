//! Who else on the laptop may open the vault's files: nobody. On Unix that is mode 0700 for the
//! folder and 0600 for the files. On Windows, modes mean nothing; the folder and its files get a
//! protected access list with one entry, full control for the account that runs Derbes, so
//! neither another account nor the inherited "Users" and "Everyone" entries of the parent
//! folder can read even the ciphertext. Files SQLite creates later (`-wal`, `-shm`) inherit it.

use std::io;
use std::path::Path;

/// Give only the current account access to `path` (a folder or a file).
pub(crate) fn owner_only(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o700 } else { 0o600 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }
    #[cfg(windows)]
    {
        windows::owner_only(path)
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = path;
        Ok(())
    }
}

#[cfg(all(windows, test))]
pub(crate) use windows::access_list;

/// The Win32 security API, the only `unsafe` code of the core: plain FFI calls whose buffers are
/// owned and freed here, nothing kept past a call.
#[cfg(windows)]
#[allow(unsafe_code)]
mod windows {
    use std::io;
    use std::os::windows::ffi::OsStrExt;
    use std::path::Path;
    use std::ptr;

    use windows_sys::Win32::Foundation::{CloseHandle, LocalFree, HANDLE};
    use windows_sys::Win32::Security::Authorization::{
        ConvertSidToStringSidW, ConvertStringSecurityDescriptorToSecurityDescriptorW,
        SDDL_REVISION_1,
    };
    use windows_sys::Win32::Security::{
        GetTokenInformation, SetFileSecurityW, TokenUser, DACL_SECURITY_INFORMATION,
        PROTECTED_DACL_SECURITY_INFORMATION, PSECURITY_DESCRIPTOR, TOKEN_QUERY, TOKEN_USER,
    };
    use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};

    fn wide(path: &Path) -> Vec<u16> {
        path.as_os_str().encode_wide().chain([0]).collect()
    }

    /// The current account's SID, in a buffer that holds the whole `TOKEN_USER`.
    struct CurrentUser {
        buf: Vec<u64>, // u64 for TOKEN_USER's alignment
    }

    impl CurrentUser {
        fn get() -> io::Result<Self> {
            unsafe {
                let mut token: HANDLE = ptr::null_mut();
                if OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) == 0 {
                    return Err(io::Error::last_os_error());
                }
                let mut len = 0u32;
                GetTokenInformation(token, TokenUser, ptr::null_mut(), 0, &mut len);
                let mut buf = vec![0u64; (len as usize).div_ceil(8).max(1)];
                let ok = GetTokenInformation(
                    token,
                    TokenUser,
                    buf.as_mut_ptr().cast(),
                    (buf.len() * 8) as u32,
                    &mut len,
                );
                let err = io::Error::last_os_error();
                CloseHandle(token);
                if ok == 0 {
                    return Err(err);
                }
                Ok(Self { buf })
            }
        }

        fn sid(&self) -> *mut core::ffi::c_void {
            unsafe { (*(self.buf.as_ptr() as *const TOKEN_USER)).User.Sid }
        }
    }

    fn sid_string(sid: *mut core::ffi::c_void) -> io::Result<String> {
        unsafe {
            let mut s: *mut u16 = ptr::null_mut();
            if ConvertSidToStringSidW(sid, &mut s) == 0 {
                return Err(io::Error::last_os_error());
            }
            let mut n = 0;
            while *s.add(n) != 0 {
                n += 1;
            }
            let out = String::from_utf16_lossy(std::slice::from_raw_parts(s, n));
            LocalFree(s.cast());
            Ok(out)
        }
    }

    pub(super) fn owner_only(path: &Path) -> io::Result<()> {
        let me = sid_string(CurrentUser::get()?.sid())?;
        // D:P — a protected list: the parent folder's entries (Users, Everyone) are not
        // inherited. One entry: full access (FA) for this account; a folder hands it down to
        // what is made inside it (OICI), so SQLite's -wal and -shm get it too.
        let inherit = if path.is_dir() { "OICI" } else { "" };
        let sddl: Vec<u16> = format!("D:P(A;{inherit};FA;;;{me})")
            .encode_utf16()
            .chain([0])
            .collect();
        unsafe {
            let mut sd: PSECURITY_DESCRIPTOR = ptr::null_mut();
            if ConvertStringSecurityDescriptorToSecurityDescriptorW(
                sddl.as_ptr(),
                SDDL_REVISION_1,
                &mut sd,
                ptr::null_mut(),
            ) == 0
            {
                return Err(io::Error::last_os_error());
            }
            let name = wide(path);
            let ok = SetFileSecurityW(
                name.as_ptr(),
                DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                sd,
            );
            let err = io::Error::last_os_error();
            LocalFree(sd.cast());
            if ok == 0 {
                return Err(err);
            }
            Ok(())
        }
    }

    #[cfg(test)]
    /// One entry of a file's access list, as the tests read it back.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub(crate) struct AccessEntry {
        /// The account, as a SID string ("S-1-5-21-…").
        pub sid: String,
        /// The rights it is allowed.
        pub mask: u32,
    }

    #[cfg(test)]
    /// The SID of the account running this process, and the allowed entries of `path`'s access
    /// list. No list at all means everyone may do everything: that is answered as one entry for
    /// Everyone (S-1-1-0).
    pub(crate) fn access_list(path: &Path) -> io::Result<(String, Vec<AccessEntry>)> {
        use windows_sys::Win32::Foundation::ERROR_SUCCESS;
        use windows_sys::Win32::Security::Authorization::{GetNamedSecurityInfoW, SE_FILE_OBJECT};
        use windows_sys::Win32::Security::{
            AclSizeInformation, GetAce, GetAclInformation, ACCESS_ALLOWED_ACE, ACL,
            ACL_SIZE_INFORMATION,
        };
        use windows_sys::Win32::Storage::FileSystem::FILE_ALL_ACCESS;
        let win32 = |code: u32| {
            if code == ERROR_SUCCESS {
                Ok(())
            } else {
                Err(io::Error::from_raw_os_error(code as i32))
            }
        };
        let me = sid_string(CurrentUser::get()?.sid())?;
        unsafe {
            let name = wide(path);
            let mut dacl: *mut ACL = ptr::null_mut();
            let mut sd: PSECURITY_DESCRIPTOR = ptr::null_mut();
            win32(GetNamedSecurityInfoW(
                name.as_ptr(),
                SE_FILE_OBJECT,
                DACL_SECURITY_INFORMATION,
                ptr::null_mut(),
                ptr::null_mut(),
                &mut dacl,
                ptr::null_mut(),
                &mut sd,
            ))?;
            let mut entries = Vec::new();
            let mut info = ACL_SIZE_INFORMATION::default();
            let ok = !dacl.is_null()
                && GetAclInformation(
                    dacl,
                    (&mut info as *mut ACL_SIZE_INFORMATION).cast(),
                    std::mem::size_of::<ACL_SIZE_INFORMATION>() as u32,
                    AclSizeInformation,
                ) != 0;
            if dacl.is_null() {
                entries.push(AccessEntry {
                    sid: "S-1-1-0".into(),
                    mask: FILE_ALL_ACCESS,
                });
            } else if ok {
                for i in 0..info.AceCount {
                    let mut ace: *mut core::ffi::c_void = ptr::null_mut();
                    if GetAce(dacl, i, &mut ace) == 0 {
                        continue;
                    }
                    let ace = ace as *mut ACCESS_ALLOWED_ACE;
                    // Only "allowed" entries (type 0) grant anything.
                    if (*ace).Header.AceType != 0 {
                        continue;
                    }
                    let sid = (&mut (*ace).SidStart as *mut u32).cast();
                    entries.push(AccessEntry {
                        sid: sid_string(sid)?,
                        mask: (*ace).Mask,
                    });
                }
            }
            LocalFree(sd.cast());
            Ok((me, entries))
        }
    }
}
