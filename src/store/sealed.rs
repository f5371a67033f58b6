//! The answers at rest: every stored `payload` is sealed with XChaCha20-Poly1305 under
//! the data key (`RJ_DATA_KEY`), with the request's reference as associated data, so a
//! sealed payload opens only in its own row. Each row names the key that sealed it by
//! its key id (derived from the key, never the key), so older keys
//! (`RJ_DATA_KEY_PREVIOUS`) can still open what they sealed until `rj keys rotate` has
//! moved every row to the current key.
//!
//! The data key is separate from `RJ_SECRET` (`crate::keys`) on purpose: rotating the
//! secret that signs links and forms never touches stored answers.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretBox};
use sha2::Sha256;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// XChaCha20's nonce: 24 random bytes, never repeated in practice.
const NONCE_LEN: usize = 24;

/// A data key's id: 16 hex digits, the first 8 bytes of HMAC-SHA256(key, "rj data key
/// id v1"). It names the key in the database and in messages without revealing it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId(String);

impl KeyId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for KeyId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One 256-bit data key and its id.
struct DataKey {
    key: SecretBox<[u8; 32]>,
    id: KeyId,
}

impl DataKey {
    fn new(bytes: [u8; 32]) -> Self {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&bytes).expect("HMAC takes any key length");
        mac.update(b"rj data key id v1");
        let tag = mac.finalize().into_bytes();
        let id = tag[..8].iter().map(|b| format!("{b:02x}")).collect();
        DataKey {
            key: SecretBox::new(Box::new(bytes)),
            id: KeyId(id),
        }
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.key.expose_secret().into())
    }
}

/// Why a data key could not be read. Never repeats the key's text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DataKeyError {
    #[error(
        "{name} must be 32 random bytes in base64 (44 characters, e.g. from `openssl rand -base64 32`): {why}"
    )]
    Invalid { name: String, why: &'static str },
    #[error("cannot use the development data key file {path}: {why}")]
    File { path: String, why: String },
}

/// The data keys: the current one seals, every one opens what it sealed. Prints only
/// the key ids.
#[derive(Clone)]
pub struct DataKeys(Arc<Ring>);

struct Ring {
    current: DataKey,
    previous: Vec<DataKey>,
}

impl std::fmt::Debug for DataKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataKeys")
            .field("current", &self.current_id().as_str())
            .field(
                "previous",
                &self
                    .0
                    .previous
                    .iter()
                    .map(|k| k.id.as_str())
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// Reads one key: standard or URL-safe base64, padded or not, of exactly 32 bytes.
fn parse_key(name: &str, text: &str) -> Result<DataKey, DataKeyError> {
    let invalid = |why| DataKeyError::Invalid {
        name: name.to_string(),
        why,
    };
    let text = text.trim().trim_end_matches('=');
    let bytes = if text.contains(['-', '_']) {
        URL_SAFE_NO_PAD.decode(text)
    } else {
        STANDARD_NO_PAD.decode(text)
    }
    .map_err(|_| invalid("it is not base64"))?;
    let bytes: [u8; 32] = bytes
        .try_into()
        .map_err(|_| invalid("it does not decode to 32 bytes"))?;
    Ok(DataKey::new(bytes))
}

/// Why a sealed payload did not open.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    /// Sealed under a key this instance was not given.
    #[error(
        "it is sealed under data key id {0}, which is not RJ_DATA_KEY or in RJ_DATA_KEY_PREVIOUS"
    )]
    UnknownKey(KeyId),
    /// The key its id names does not open it: changed, damaged, or moved from another row.
    #[error("it does not open with data key id {0} (damaged, or moved from another request)")]
    Damaged(KeyId),
}

impl DataKeys {
    /// `RJ_DATA_KEY` and `RJ_DATA_KEY_PREVIOUS` (comma-separated, may be empty).
    pub fn parse(current: &str, previous: Option<&str>) -> Result<Self, DataKeyError> {
        let current = parse_key("RJ_DATA_KEY", current)?;
        let previous = previous
            .unwrap_or("")
            .split(',')
            .filter(|k| !k.trim().is_empty())
            .map(|k| parse_key("RJ_DATA_KEY_PREVIOUS", k))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self::from_ring(current, previous))
    }

    fn from_ring(current: DataKey, mut previous: Vec<DataKey>) -> Self {
        // The current key listed as previous too (a half-finished edit) is harmless.
        previous.retain(|k| k.id != current.id);
        DataKeys(Arc::new(Ring { current, previous }))
    }

    /// A new random key (tests, and the development key file).
    pub fn generate() -> Self {
        Self::from_ring(DataKey::new(rand::random()), Vec::new())
    }

    /// These keys with `older` accepted for reading too (tests of rotation).
    pub fn with_previous(&self, older: &DataKeys) -> Self {
        let copy = |k: &DataKey| DataKey::new(*k.key.expose_secret());
        let previous = std::iter::once(&older.0.current)
            .chain(&older.0.previous)
            .chain(&self.0.previous)
            .map(copy)
            .collect();
        Self::from_ring(copy(&self.0.current), previous)
    }

    /// The development key file at `path`: read if it exists, else made (32 random
    /// bytes in base64, mode 0600). Returns the keys and whether the file was made now.
    /// Two processes starting together agree: the file appears whole or not at all.
    pub fn development_file(path: &Path) -> Result<(Self, bool), DataKeyError> {
        let failed = |why: String| DataKeyError::File {
            path: path.display().to_string(),
            why,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let key = parse_key(&path.display().to_string(), &text)?;
                return Ok((Self::from_ring(key, Vec::new()), false));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(failed(e.to_string())),
        }
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder).map_err(|e| failed(e.to_string()))?;
        let bytes: [u8; 32] = rand::random();
        let text = base64::engine::general_purpose::STANDARD.encode(bytes);
        // Written beside it under a random name, then linked into place: linking fails
        // if another process made the file first, and then its key is the one used.
        let temporary = folder.join(format!(".data.key.{:016x}", rand::random::<u64>()));
        let written = (|| {
            use std::os::unix::fs::OpenOptionsExt;
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&temporary)?;
            file.write_all(text.as_bytes())?;
            file.write_all(b"\n")?;
            file.sync_all()?;
            std::fs::hard_link(&temporary, path)
        })();
        let _ = std::fs::remove_file(&temporary);
        match written {
            Ok(()) => Ok((Self::from_ring(DataKey::new(bytes), Vec::new()), true)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Self::development_file(path),
            Err(e) => Err(failed(e.to_string())),
        }
    }

    /// The id of the key that seals.
    pub fn current_id(&self) -> &KeyId {
        &self.0.current.id
    }

    /// Every key id that opens, the current first.
    pub fn known_ids(&self) -> impl Iterator<Item = &KeyId> {
        std::iter::once(&self.0.current)
            .chain(&self.0.previous)
            .map(|k| &k.id)
    }

    pub fn knows(&self, id: &str) -> bool {
        self.known_ids().any(|k| k.as_str() == id)
    }

    /// Seals `plain` for the row of `reference`: base64url of nonce || ciphertext.
    pub fn seal(&self, reference: &str, plain: &[u8]) -> String {
        let nonce: [u8; NONCE_LEN] = rand::random();
        let sealed = self
            .0
            .current
            .cipher()
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: reference.as_bytes(),
                },
            )
            .expect("XChaCha20-Poly1305 seals any length the database holds");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        URL_SAFE_NO_PAD.encode(out)
    }

    /// Opens what `seal` made for `reference` under the key with id `key_id`.
    pub fn open(&self, key_id: &str, reference: &str, sealed: &str) -> Result<Vec<u8>, OpenError> {
        let id = KeyId(key_id.to_string());
        let key = std::iter::once(&self.0.current)
            .chain(&self.0.previous)
            .find(|k| k.id == id)
            .ok_or_else(|| OpenError::UnknownKey(id.clone()))?;
        let bytes = URL_SAFE_NO_PAD
            .decode(sealed)
            .map_err(|_| OpenError::Damaged(id.clone()))?;
        if bytes.len() < NONCE_LEN {
            return Err(OpenError::Damaged(id));
        }
        let (nonce, body) = bytes.split_at(NONCE_LEN);
        key.cipher()
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: body,
                    aad: reference.as_bytes(),
                },
            )
            .map_err(|_| OpenError::Damaged(id))
    }
}

/// Where the development key file goes when `RJ_DATA_KEY` is unset: beside the SQLite
/// database (`var/data.key` for the default `sqlite://var/rj.db`), or `var/data.key`.
pub fn development_key_path(sqlite_file: Option<&Path>) -> PathBuf {
    match sqlite_file.and_then(Path::parent) {
        Some(folder) if !folder.as_os_str().is_empty() => folder.join("data.key"),
        Some(_) => PathBuf::from("data.key"),
        None => PathBuf::from("var/data.key"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    #[test]
    fn a_key_is_read_in_any_base64_form_and_nothing_else() {
        let id = DataKeys::parse(KEY, None).unwrap().current_id().clone();
        let url_safe = KEY.replace('+', "-").replace('/', "_");
        for form in [
            KEY,
            KEY.trim_end_matches('='),
            url_safe.as_str(),
            url_safe.trim_end_matches('='),
            &format!("  {KEY}\n"),
        ] {
            assert_eq!(
                DataKeys::parse(form, None).unwrap().current_id(),
                &id,
                "{form}"
            );
        }
        assert_eq!(id.as_str().len(), 16);
        assert!(id.as_str().bytes().all(|b| b.is_ascii_hexdigit()));
        for bad in ["", "not base64 at all!", "c2hvcnQ=", &format!("{KEY}AAAA")] {
            let e = DataKeys::parse(bad, None).unwrap_err();
            assert!(matches!(e, DataKeyError::Invalid { .. }), "{bad}");
        }
        let e = DataKeys::parse(KEY, Some("nope")).unwrap_err().to_string();
        assert!(e.starts_with("RJ_DATA_KEY_PREVIOUS must be"), "{e}");
    }

    #[test]
    fn previous_keys_are_a_comma_separated_list() {
        let old = DataKeys::generate();
        let older = DataKeys::generate();
        let list = |k: &DataKeys| {
            base64::engine::general_purpose::STANDARD.encode(k.0.current.key.expose_secret())
        };
        let keys =
            DataKeys::parse(KEY, Some(&format!("{}, {},", list(&old), list(&older)))).unwrap();
        let ids: Vec<_> = keys.known_ids().cloned().collect();
        assert_eq!(ids.len(), 3);
        assert!(keys.knows(old.current_id().as_str()) && keys.knows(older.current_id().as_str()));
        assert_eq!(
            DataKeys::parse(KEY, Some("")).unwrap().known_ids().count(),
            1
        );
    }

    #[test]
    fn sealed_answers_open_only_in_their_own_row_under_a_known_key() {
        let keys = DataKeys::generate();
        let id = keys.current_id().as_str().to_string();
        let sealed = keys.seal("RJ-ABCD-EFGH", b"{\"full_name\":\"Ann\"}");
        assert!(!sealed.contains("Ann"));
        assert_eq!(
            keys.open(&id, "RJ-ABCD-EFGH", &sealed).unwrap(),
            b"{\"full_name\":\"Ann\"}"
        );
        // Sealed twice, never the same text (a fresh nonce each time).
        assert_ne!(
            sealed,
            keys.seal("RJ-ABCD-EFGH", b"{\"full_name\":\"Ann\"}")
        );
        // Moved to another request's row: it does not open.
        assert_eq!(
            keys.open(&id, "RJ-ZZZZ-EFGH", &sealed),
            Err(OpenError::Damaged(keys.current_id().clone()))
        );
        // Changed by one character: it does not open.
        let mut changed = sealed.clone().into_bytes();
        let last = changed.len() - 2;
        changed[last] = if changed[last] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap();
        assert!(keys.open(&id, "RJ-ABCD-EFGH", &changed).is_err());
        assert!(keys.open(&id, "RJ-ABCD-EFGH", "short").is_err());
        // Another key: unknown, named by its id.
        let other = DataKeys::generate();
        assert_eq!(
            other.open(&id, "RJ-ABCD-EFGH", &sealed),
            Err(OpenError::UnknownKey(keys.current_id().clone()))
        );
        // Given as a previous key, it opens again.
        let rotated = other.with_previous(&keys);
        assert_eq!(
            rotated.open(&id, "RJ-ABCD-EFGH", &sealed).unwrap().len(),
            19
        );
        assert_eq!(rotated.current_id(), other.current_id());
    }

    #[test]
    fn the_development_file_is_made_once_private_and_read_after() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("var/data.key");
        let (made, created) = DataKeys::development_file(&path).unwrap();
        assert!(created);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let (read, created) = DataKeys::development_file(&path).unwrap();
        assert!(!created);
        assert_eq!(made.current_id(), read.current_id());
        std::fs::write(&path, "garbage").unwrap();
        let e = DataKeys::development_file(&path).unwrap_err().to_string();
        assert!(e.contains("data.key must be 32 random bytes"), "{e}");
        // Nothing else left in the folder.
        assert_eq!(
            std::fs::read_dir(dir.path().join("var")).unwrap().count(),
            1
        );
    }

    #[test]
    fn no_key_prints() {
        let keys = DataKeys::parse(KEY, None).unwrap();
        let shown = format!("{keys:?}");
        assert!(shown.contains(keys.current_id().as_str()), "{shown}");
        assert!(
            !shown.contains("q83v") && !shown.contains("[171"),
            "{shown}"
        );
    }

    #[test]
    fn the_key_file_goes_beside_the_database() {
        assert_eq!(
            development_key_path(Some(Path::new("var/rj.db"))),
            PathBuf::from("var/data.key")
        );
        assert_eq!(
            development_key_path(Some(Path::new("/tmp/x/rj.db"))),
            PathBuf::from("/tmp/x/data.key")
        );
        assert_eq!(
            development_key_path(Some(Path::new("rj.db"))),
            PathBuf::from("data.key")
        );
        assert_eq!(development_key_path(None), PathBuf::from("var/data.key"));
    }
}
