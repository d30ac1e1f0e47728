//! Secret keys: the key files `digest --new-key` writes, their fingerprints, and the keyed hash
//! (HMAC-SHA256) every digest and sketch stores instead of an identifier.

use super::ident::Kind;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::io::{self, Write};
use std::path::Path;

/// Bytes of a new key.
pub const KEY_BYTES: usize = 32;

/// A secret key: the bytes of a key file.
#[derive(Clone)]
pub struct Key {
    mac: Hmac<Sha256>,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key({})", self.fingerprint())
    }
}

impl Key {
    /// The key with these bytes (at least 16 of them: anything shorter is enumerable).
    ///
    /// ```
    /// use leakscan::verify::key::Key;
    /// assert!(Key::from_bytes(&[7; 32]).is_ok());
    /// assert!(Key::from_bytes(b"short").is_err());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> io::Result<Key> {
        if bytes.len() < 16 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "a key needs at least 16 bytes, this one has {} (make one with \
                     `leakscan digest --new-key FILE`)",
                    bytes.len()
                ),
            ));
        }
        let mac = Hmac::<Sha256>::new_from_slice(bytes).expect("HMAC takes keys of any length");
        Ok(Key { mac })
    }

    /// Reads a key file.
    pub fn read(path: &Path) -> io::Result<Key> {
        let bytes = std::fs::read(path)?;
        Key::from_bytes(&bytes)
    }

    /// Where `scan --sketch` keeps the key of a sketch made without `--sketch-key`, and where
    /// `verify --known` looks for it: the sketch's path with `.key` added
    /// (`dump.lssketch.key`).
    ///
    /// ```
    /// use leakscan::verify::key::Key;
    /// use std::path::Path;
    /// assert_eq!(Key::beside(Path::new("k/dump.lssketch")), Path::new("k/dump.lssketch.key"));
    /// ```
    pub fn beside(sketch: &Path) -> std::path::PathBuf {
        let mut name = sketch.as_os_str().to_owned();
        name.push(".key");
        name.into()
    }

    /// Writes a new key of [`KEY_BYTES`] random bytes to `path`, readable by its owner only
    /// (mode 0600 on Unix); refuses to overwrite a file.
    pub fn write_new(path: &Path) -> io::Result<()> {
        let mut bytes = [0u8; KEY_BYTES];
        getrandom::fill(&mut bytes).map_err(|e| io::Error::other(e.to_string()))?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(path)?;
        file.write_all(&bytes)?;
        file.sync_all()
    }

    /// The keyed hash of the normal form of an identifier of `kind`: the first 8 bytes of
    /// HMAC-SHA256 over the kind's tag and the normal form. Kinds never collide, so an
    /// Aadhaar number and a phone with the same digits hash apart.
    pub fn hash(&self, kind: Kind, normal: &[u8]) -> u64 {
        let mut mac = self.mac.clone();
        mac.update(kind.name().as_bytes());
        mac.update(&[0]);
        mac.update(normal);
        let out = mac.finalize().into_bytes();
        u64::from_le_bytes(out[..8].try_into().expect("SHA-256 gives 32 bytes"))
    }

    /// A fingerprint of the key (16 hex digits) for headers: it tells keys apart, and says
    /// nothing about the key or any identifier.
    ///
    /// ```
    /// use leakscan::verify::key::Key;
    /// let a = Key::from_bytes(&[1; 32]).unwrap();
    /// let b = Key::from_bytes(&[2; 32]).unwrap();
    /// assert_ne!(a.fingerprint(), b.fingerprint());
    /// assert_eq!(a.fingerprint().len(), 16);
    /// ```
    pub fn fingerprint(&self) -> String {
        let mut mac = self.mac.clone();
        mac.update(b"leakscan key fingerprint/1");
        let out = mac.finalize().into_bytes();
        out[..8].iter().map(|b| format!("{b:02x}")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_keys_are_random_private_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.key"), dir.path().join("b.key"));
        Key::write_new(&a).unwrap();
        Key::write_new(&b).unwrap();
        let (ka, kb) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
        assert_eq!(ka.len(), KEY_BYTES);
        assert_ne!(ka, kb);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&a).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(Key::write_new(&a).is_err());
        assert_eq!(std::fs::read(&a).unwrap(), ka);
    }

    #[test]
    fn hashes_depend_on_key_kind_and_value() {
        let k = Key::from_bytes(&[9; 32]).unwrap();
        let other = Key::from_bytes(&[8; 32]).unwrap();
        let h = k.hash(Kind::Phone, b"919876543210");
        assert_eq!(h, k.hash(Kind::Phone, b"919876543210"));
        assert_ne!(h, k.hash(Kind::Phone, b"919876543211"));
        assert_ne!(h, k.hash(Kind::Aadhaar, b"919876543210"));
        assert_ne!(h, other.hash(Kind::Phone, b"919876543210"));
    }
}
