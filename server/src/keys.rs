//! The pool's signing keys: Ed25519, one file per key in a key directory outside the database
//! file (`--key-dir`, by default `<database>.keys/` beside it), created mode 0600. Keys are
//! numbered: `ed25519-1.key`, `ed25519-2.key`, … hold the 32-byte secret seed as hex. The highest
//! number signs; every key stays in the DID document (`/.well-known/did.json`) so credentials
//! signed with an older key still verify. Rotating = `vaardig-server rotate-key`, which writes the
//! next number; restart the server to sign with it.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};

/// One key of the ring.
pub struct Key {
    /// Its number (the `N` of `ed25519-N.key` and of `#key-N`).
    pub number: u32,
    signing: SigningKey,
}

impl Key {
    /// The public half.
    pub fn public(&self) -> VerifyingKey {
        self.signing.verifying_key()
    }
}

/// Every key the pool has, the newest signing.
pub struct KeyRing {
    keys: Vec<Key>,
    did: String,
}

/// The key directory used when none is given: beside the database file.
pub fn default_dir(database: &Path) -> PathBuf {
    let mut name = database.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".keys");
    database.with_file_name(name)
}

/// `did:web` of a public URL: the host (a port's colon written `%3A`), then each path part after
/// a colon (<https://w3c-ccg.github.io/did-method-web/#create-register>).
pub fn did_web(public_url: &str) -> String {
    let rest = public_url.split_once("://").map_or(public_url, |(_, rest)| rest).trim_end_matches('/');
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or("").replace(':', "%3A");
    let mut did = format!("did:web:{host}");
    for part in parts.filter(|p| !p.is_empty()) {
        did.push(':');
        did.push_str(part);
    }
    did
}

fn key_path(dir: &Path, number: u32) -> PathBuf {
    dir.join(format!("ed25519-{number}.key"))
}

fn read_dir_keys(dir: &Path) -> Result<Vec<Key>, String> {
    let mut keys = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(keys),
        Err(e) => return Err(format!("{}: {e}", dir.display())),
    };
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(number) = name.strip_prefix("ed25519-").and_then(|n| n.strip_suffix(".key")) else { continue };
        let Ok(number) = number.parse::<u32>() else { continue };
        let text = std::fs::read_to_string(entry.path()).map_err(|e| format!("{name}: {e}"))?;
        let seed = decode_hex32(text.trim()).ok_or_else(|| format!("{name}: not a 32-byte key in hex"))?;
        keys.push(Key { number, signing: SigningKey::from_bytes(&seed) });
    }
    keys.sort_by_key(|k| k.number);
    Ok(keys)
}

fn decode_hex32(text: &str) -> Option<[u8; 32]> {
    let bytes = text.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in bytes.chunks(2).enumerate() {
        out[i] = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
    }
    Some(out)
}

/// Writes key number `number` (fresh from the OS's random source), mode 0600, never over an
/// existing file.
fn write_key(dir: &Path, number: u32) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    let path = key_path(dir, number);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let seed = crate::secret::random_bytes::<32>();
    let hex: String = seed.iter().map(|b| format!("{b:02x}")).collect();
    file.write_all(hex.as_bytes()).and_then(|()| file.sync_all()).map_err(|e| format!("{}: {e}", path.display()))
}

/// Adds the next key to the directory; it signs from the next start. Returns its number.
pub fn rotate(dir: &Path) -> Result<u32, String> {
    let next = read_dir_keys(dir)?.last().map_or(1, |k| k.number + 1);
    write_key(dir, next)?;
    Ok(next)
}

impl KeyRing {
    /// Reads the key directory, creating key 1 when it holds none.
    pub fn open(dir: &Path, public_url: &str) -> Result<KeyRing, String> {
        let mut keys = read_dir_keys(dir)?;
        if keys.is_empty() {
            write_key(dir, 1)?;
            keys = read_dir_keys(dir)?;
        }
        Ok(KeyRing { keys, did: did_web(public_url) })
    }

    /// The pool's DID (`did:web:…`).
    pub fn did(&self) -> &str {
        &self.did
    }

    /// The key that signs now.
    pub fn current(&self) -> &Key {
        self.keys.last().expect("a key ring holds at least one key")
    }

    /// The key id of key `number`: `did:web:…#key-N`.
    pub fn kid(&self, number: u32) -> String {
        format!("{}#key-{number}", self.did)
    }

    /// The public key for a key id of this ring.
    pub fn public(&self, kid: &str) -> Option<VerifyingKey> {
        let number: u32 = kid.strip_prefix(&self.did)?.strip_prefix("#key-")?.parse().ok()?;
        self.keys.iter().find(|k| k.number == number).map(Key::public)
    }

    /// A compact JWS (`alg: EdDSA`) over `payload` with the current key; `typ` as given.
    pub fn sign_jws(&self, typ: &str, payload: &Value) -> String {
        let key = self.current();
        let header = json!({ "alg": "EdDSA", "kid": self.kid(key.number), "typ": typ });
        let input =
            format!("{}.{}", URL_SAFE_NO_PAD.encode(header.to_string()), URL_SAFE_NO_PAD.encode(payload.to_string()));
        let signature = key.signing.sign(input.as_bytes());
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
    }

    /// The DID document: every key as a `JsonWebKey` verification method (the current one last).
    pub fn did_document(&self) -> Value {
        let methods: Vec<Value> = self
            .keys
            .iter()
            .map(|k| {
                json!({
                    "id": self.kid(k.number),
                    "type": "JsonWebKey",
                    "controller": self.did,
                    "publicKeyJwk": public_jwk(&k.public()),
                })
            })
            .collect();
        let ids: Vec<Value> = self.keys.iter().map(|k| Value::String(self.kid(k.number))).collect();
        json!({
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"],
            "id": self.did,
            "verificationMethod": methods,
            "assertionMethod": ids,
        })
    }
}

/// An Ed25519 public key as a JWK (RFC 8037).
pub fn public_jwk(key: &VerifyingKey) -> Value {
    json!({ "kty": "OKP", "crv": "Ed25519", "x": URL_SAFE_NO_PAD.encode(key.as_bytes()) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_web_follows_the_method() {
        assert_eq!(did_web("https://vaardig.example"), "did:web:vaardig.example");
        assert_eq!(did_web("http://127.0.0.1:8080/"), "did:web:127.0.0.1%3A8080");
        assert_eq!(did_web("https://example.org/pool/brabant"), "did:web:example.org:pool:brabant");
    }

    #[test]
    fn rotation_keeps_old_keys_and_signs_with_the_new_one() {
        let dir = std::env::temp_dir().join(format!("vaardig-keys-{}", crate::secret::id("t")));
        let ring = KeyRing::open(&dir, "https://vaardig.example").unwrap();
        assert_eq!(ring.current().number, 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(key_path(&dir, 1)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "only the server's user reads the key");
        }
        let old = ring.public(&ring.kid(1)).unwrap();
        assert_eq!(rotate(&dir).unwrap(), 2);
        let ring = KeyRing::open(&dir, "https://vaardig.example").unwrap();
        assert_eq!(ring.current().number, 2);
        assert_eq!(ring.public(&ring.kid(1)), Some(old), "the old key still verifies");
        assert_eq!(ring.did_document()["verificationMethod"].as_array().unwrap().len(), 2);
        assert!(ring.public("did:web:other.example#key-1").is_none());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
