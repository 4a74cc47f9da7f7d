//! Encrypted exchange files: an ordinary export sealed with a passphrase, for
//! programs that travel by email with personal data inside.
//!
//! The file is a small JSON envelope around the export: the key comes from
//! the passphrase through **Argon2id**, and the text is sealed with
//! **AES-256-GCM**, both from the RustCrypto crates (`argon2`, `aes-gcm`).
//! `docs/file-format.md` ("Encrypted files") describes every field.
//!
//! Why Argon2id and not PBKDF2: a file sent by email can be attacked offline
//! on GPUs, and Argon2id's memory cost is what makes each guess expensive
//! there; PBKDF2 at the same browser time is far cheaper to attack. The
//! default is the OWASP minimum (19 MiB, 2 passes, 1 lane): about 30 ms in
//! release wasm on a desktop (measured in Node), so well under a second on a
//! slow phone; one lane because the page computes on one thread. A file may
//! carry other costs within [`KdfParams`]' bounds: too weak is refused, and
//! so is a cost that would freeze the page.
//!
//! The passphrase is used as its UTF-8 bytes, exactly as typed (no trimming,
//! no Unicode normalisation).
//!
//! Randomness is not made here: the caller passes the salt and nonce (the
//! browser's `crypto.getRandomValues`), so the core stays deterministic and
//! testable, and no `getrandom` backend is needed in the wasm build. Both must
//! be fresh for every export.
//!
//! The envelope's header (format, version, `kdf` and `cipher`) is the
//! AES-GCM associated data, in a canonical compact form rebuilt from the
//! values read, so any change to the header is detected like a change to the
//! data, while the file itself may be re-indented or its keys reordered.
//!
//! Reading checks everything cheap first (size, shape, version, bounds,
//! passphrase not empty) and only then runs the slow key derivation.

use std::borrow::Cow;
use std::fmt;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use base64ct::{Base64, Encoding};
use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::error::Category;
use serde_json::{Map, Value};

use super::decode::json_type;
use super::import::MAX_IMPORT_BYTES;
use crate::domain::problem::{Expected, JsonType};

/// The envelope's `format`, telling it apart from a plain file (`"inversa"`).
pub const ENCRYPTED_FORMAT_NAME: &str = "inversa-encrypted";
/// The envelope version this build writes, and the newest it reads.
pub const ENCRYPTED_VERSION: u64 = 1;
/// `kdf.name`.
pub const KDF_NAME: &str = "argon2id";
/// `cipher.name`.
pub const CIPHER_NAME: &str = "aes-256-gcm";
/// Salt length in bytes (Argon2's recommended length).
pub const SALT_LEN: usize = 16;
/// Nonce length in bytes (AES-GCM's standard 96 bits).
pub const NONCE_LEN: usize = 12;
/// The authentication tag at the end of `data`.
pub const TAG_LEN: usize = 16;
/// The length [`check_passphrase`] asks for; only an empty one is refused
/// outright.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// The largest envelope read: enough for a plain file at the import limit
/// (base64 makes it a third longer), plus the header.
pub const MAX_ENCRYPTED_BYTES: usize = (MAX_IMPORT_BYTES + TAG_LEN).div_ceil(3) * 4 + 4096;

const KEY_LEN: usize = 32;
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Argon2id costs: memory in KiB, passes (`t`) and lanes (`p`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    /// What exports use: the OWASP minimum for Argon2id.
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };
    /// The weakest costs accepted. Inversa never writes less than the
    /// default; the floor refuses files whose key derivation is too cheap to
    /// slow guessing down, and leaves room for quick tests.
    pub const MIN_M_KIB: u32 = 8 * 1024;
    pub const MIN_T: u32 = 1;
    /// Memory a phone's browser can still give.
    pub const MAX_M_KIB: u32 = 128 * 1024;
    pub const MAX_T: u32 = 10;
    /// Time is proportional to memory × passes: this is about 6.7 times the
    /// default (a quarter second in wasm on a desktop, seconds on a slow
    /// phone).
    pub const MAX_WORK_KIB: u64 = 256 * 1024;
    /// One lane: the page computes on one thread, where more gain nothing.
    pub const P: u32 = 1;

    /// The costs outside the accepted bounds; empty when all are fine.
    pub fn out_of_bounds(&self) -> Vec<OutOfBounds> {
        bounds_problems(u64::from(self.m_kib), u64::from(self.t), u64::from(self.p))
    }
}

/// Which cost is out of bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KdfCost {
    /// `kdf.m_kib`
    Memory,
    /// `kdf.t`
    Passes,
    /// `kdf.p`
    Lanes,
    /// `kdf.m_kib` × `kdf.t`, what the time depends on.
    Work,
}

/// A cost outside `min..=max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfBounds {
    pub cost: KdfCost,
    pub found: u64,
    pub min: u64,
    pub max: u64,
}

fn bounds_problems(m_kib: u64, t: u64, p: u64) -> Vec<OutOfBounds> {
    let limits = [
        (
            KdfCost::Memory,
            m_kib,
            KdfParams::MIN_M_KIB.into(),
            KdfParams::MAX_M_KIB.into(),
        ),
        (
            KdfCost::Passes,
            t,
            KdfParams::MIN_T.into(),
            KdfParams::MAX_T.into(),
        ),
        (KdfCost::Lanes, p, KdfParams::P.into(), KdfParams::P.into()),
        (
            KdfCost::Work,
            m_kib.saturating_mul(t),
            // The memory and pass minimums already make the least work.
            0,
            KdfParams::MAX_WORK_KIB,
        ),
    ];
    limits
        .into_iter()
        .filter(|(_, found, min, max)| !(min..=max).contains(&found))
        .map(|(cost, found, min, max)| OutOfBounds {
            cost,
            found,
            min,
            max,
        })
        .collect()
}

/// Why a file could not be sealed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncryptError {
    EmptyPassphrase,
    ParamsOutOfBounds(Vec<OutOfBounds>),
}

/// Why a file could not be opened. Checked in this order, so a damaged
/// file is reported as such before any passphrase is tried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecryptError {
    /// Not an encrypted Inversa file (a plain one goes to `import_bytes`).
    NotEncrypted,
    TooLarge {
        bytes: u64,
        max: u64,
    },
    /// Marked as encrypted but unreadable; every defect found, in the order
    /// Inversa writes the fields.
    Malformed(Vec<Defect>),
    /// Written by a newer Inversa: update the page.
    NewerVersion {
        found: u64,
        supported: u64,
    },
    /// Key-derivation costs this app refuses (too weak, or too slow to run).
    ParamsOutOfBounds(Vec<OutOfBounds>),
    EmptyPassphrase,
    /// AES-GCM cannot tell a wrong passphrase from a changed file: either
    /// way the tag does not match, and nothing was decrypted.
    WrongPassphraseOrTampered,
}

/// One thing wrong in the envelope, at a field path (`kdf.salt`; empty for
/// the whole file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Defect {
    pub path: String,
    pub kind: DefectKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DefectKind {
    /// Not JSON; 1-based line and column.
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON that stops early (a cut download).
    Truncated {
        line: usize,
        column: usize,
    },
    Missing,
    WrongType {
        expected: Expected,
        found: JsonType,
    },
    /// A name or version this build does not know; `allowed` is what it does.
    UnknownValue {
        found: String,
        allowed: String,
    },
    NotBase64,
    WrongLength {
        expected: usize,
        found: usize,
    },
    /// `data` shorter than the authentication tag.
    TooShort {
        min: usize,
        found: usize,
    },
    /// A field the format does not have: it would not be authenticated.
    UnknownField,
    /// Decrypted, but not UTF-8 text (another program's file).
    NotText,
}

/// How a passphrase measures against [`MIN_PASSPHRASE_CHARS`], for the UI to
/// word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassphraseCheck {
    Empty,
    TooShort { chars: usize, min: usize },
    Acceptable,
}

/// Length is what matters against guessing, and all a form can fairly ask:
/// counted in characters, so accents and emoji count once.
pub fn check_passphrase(passphrase: &str) -> PassphraseCheck {
    match passphrase.chars().count() {
        0 => PassphraseCheck::Empty,
        chars if chars < MIN_PASSPHRASE_CHARS => PassphraseCheck::TooShort {
            chars,
            min: MIN_PASSPHRASE_CHARS,
        },
        _ => PassphraseCheck::Acceptable,
    }
}

/// The header, in the order written; its compact JSON is the associated data.
#[derive(Serialize)]
struct Header {
    format: &'static str,
    version: u64,
    kdf: KdfHeader,
    cipher: CipherHeader,
}

#[derive(Serialize)]
struct KdfHeader {
    name: &'static str,
    m_kib: u32,
    t: u32,
    p: u32,
    salt: String,
}

#[derive(Serialize)]
struct CipherHeader {
    name: &'static str,
    nonce: String,
}

#[derive(Serialize)]
struct Envelope<'h> {
    format: &'static str,
    version: u64,
    kdf: &'h KdfHeader,
    cipher: &'h CipherHeader,
    data: String,
}

impl Header {
    fn new(params: KdfParams, salt: &[u8; SALT_LEN], nonce: &[u8; NONCE_LEN]) -> Header {
        Header {
            format: ENCRYPTED_FORMAT_NAME,
            version: ENCRYPTED_VERSION,
            kdf: KdfHeader {
                name: KDF_NAME,
                m_kib: params.m_kib,
                t: params.t,
                p: params.p,
                salt: Base64::encode_string(salt),
            },
            cipher: CipherHeader {
                name: CIPHER_NAME,
                nonce: Base64::encode_string(nonce),
            },
        }
    }

    fn associated_data(&self) -> String {
        serde_json::to_string(self).expect("plain data always serializes")
    }
}

/// Seals `plain_json` (an export) into an envelope: one line of compact JSON
/// and a final newline. `salt` and `nonce` must be fresh random bytes for
/// every call; the same inputs give the same file.
pub fn encrypt(
    plain_json: &str,
    passphrase: &str,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    params: KdfParams,
) -> Result<String, EncryptError> {
    if passphrase.is_empty() {
        return Err(EncryptError::EmptyPassphrase);
    }
    let out_of_bounds = params.out_of_bounds();
    if !out_of_bounds.is_empty() {
        return Err(EncryptError::ParamsOutOfBounds(out_of_bounds));
    }
    let header = Header::new(params, &salt, &nonce);
    let key = derive_key(passphrase, &salt, params);
    let sealed = Aes256Gcm::new(&key.into())
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plain_json.as_bytes(),
                aad: header.associated_data().as_bytes(),
            },
        )
        .expect("AES-GCM seals anything below 64 GiB");
    let envelope = Envelope {
        format: header.format,
        version: header.version,
        kdf: &header.kdf,
        cipher: &header.cipher,
        data: Base64::encode_string(&sealed),
    };
    let mut out = serde_json::to_string(&envelope).expect("plain data always serializes");
    out.push('\n');
    Ok(out)
}

/// Whether `bytes` are an encrypted Inversa file (possibly a damaged one),
/// to choose between asking for a passphrase and `import_bytes`. Files that
/// Inversa wrote, plain or encrypted, are told by their first field; others
/// are scanned as JSON once.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match leading_format(bytes) {
        Some(format) => format == ENCRYPTED_FORMAT_NAME.as_bytes(),
        None => {
            bytes.len() <= MAX_ENCRYPTED_BYTES
                && probe_format(bytes).as_deref() == Some(ENCRYPTED_FORMAT_NAME)
        }
    }
}

/// The value of a first field `"format"` (any JSON spacing), read without
/// looking further, so a cut-off file is still recognised; `None` when the
/// text does not start that way or the value has escapes.
fn leading_format(bytes: &[u8]) -> Option<&[u8]> {
    let mut rest = bytes;
    for token in [b"{" as &[u8], b"\"format\"", b":", b"\""] {
        let start = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(rest.len());
        rest = rest[start..].strip_prefix(token)?;
    }
    let end = rest.iter().position(|b| matches!(b, b'"' | b'\\'))?;
    (rest[end] == b'"').then_some(&rest[..end])
}

/// The top-level `format` text of a JSON object, reading nothing else into
/// memory (a plain export can be 10 MB). A repeated key counts last, as when
/// the file is read.
fn probe_format(bytes: &[u8]) -> Option<String> {
    struct Format(Option<String>);
    struct FormatVisitor;
    impl<'de> Visitor<'de> for FormatVisitor {
        type Value = Format;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Format, A::Error> {
            let mut format = None;
            while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                if key == "format" {
                    format = map.next_value::<Value>()?.as_str().map(str::to_string);
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(Format(format))
        }
    }
    impl<'de> Deserialize<'de> for Format {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Format, D::Error> {
            deserializer.deserialize_map(FormatVisitor)
        }
    }
    serde_json::from_slice::<Format>(bytes).ok()?.0
}

/// Opens an envelope, giving back the plain text to pass to `import_bytes`.
/// Never panics, whatever the bytes.
pub fn decrypt(bytes: &[u8], passphrase: &str) -> Result<String, DecryptError> {
    if !is_encrypted(bytes) {
        return Err(DecryptError::NotEncrypted);
    }
    if bytes.len() > MAX_ENCRYPTED_BYTES {
        return Err(DecryptError::TooLarge {
            bytes: bytes.len() as u64,
            max: MAX_ENCRYPTED_BYTES as u64,
        });
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let kind = match e.classify() {
            Category::Eof => DefectKind::Truncated { line, column },
            _ => DefectKind::NotJson { line, column },
        };
        DecryptError::Malformed(vec![defect("", kind)])
    })?;
    let sealed = read_envelope(&value)?;

    let out_of_bounds = bounds_problems(sealed.m_kib, sealed.t, sealed.p);
    if !out_of_bounds.is_empty() {
        return Err(DecryptError::ParamsOutOfBounds(out_of_bounds));
    }
    if passphrase.is_empty() {
        return Err(DecryptError::EmptyPassphrase);
    }
    // Within bounds, so each fits in a u32.
    let params = KdfParams {
        m_kib: sealed.m_kib as u32,
        t: sealed.t as u32,
        p: sealed.p as u32,
    };
    let header = Header::new(params, &sealed.salt, &sealed.nonce);
    let key = derive_key(passphrase, &sealed.salt, params);
    let plain = Aes256Gcm::new(&key.into())
        .decrypt(
            Nonce::from_slice(&sealed.nonce),
            Payload {
                msg: &sealed.data,
                aad: header.associated_data().as_bytes(),
            },
        )
        .map_err(|_| DecryptError::WrongPassphraseOrTampered)?;
    String::from_utf8(plain)
        .map_err(|_| DecryptError::Malformed(vec![defect("data", DefectKind::NotText)]))
}

/// The envelope's values, read and shape-checked but not yet bounds-checked.
struct Sealed {
    m_kib: u64,
    t: u64,
    p: u64,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    data: Vec<u8>,
}

const TOP_FIELDS: &[&str] = &["format", "version", "kdf", "cipher", "data"];
const KDF_FIELDS: &[&str] = &["name", "m_kib", "t", "p", "salt"];
const CIPHER_FIELDS: &[&str] = &["name", "nonce"];

fn defect(path: &str, kind: DefectKind) -> Defect {
    Defect {
        path: path.to_string(),
        kind,
    }
}

/// Reads every field, collecting all defects (in the order fields are
/// written) before giving up; a newer version is reported alone.
fn read_envelope(value: &Value) -> Result<Sealed, DecryptError> {
    let malformed = |kind| DecryptError::Malformed(vec![defect("", kind)]);
    let Value::Object(top) = value else {
        return Err(malformed(DefectKind::WrongType {
            expected: Expected::Object,
            found: json_type(value),
        }));
    };
    let mut defects = Vec::new();
    // Known from the marker, unless the key is repeated with another value.
    read_format(top, &mut defects);
    let version = read_whole(top, "version", "version", &mut defects);
    match version {
        Some(found) if found > ENCRYPTED_VERSION => {
            return Err(DecryptError::NewerVersion {
                found,
                supported: ENCRYPTED_VERSION,
            });
        }
        Some(0) => defects.push(defect(
            "version",
            DefectKind::UnknownValue {
                found: "0".into(),
                allowed: ENCRYPTED_VERSION.to_string(),
            },
        )),
        _ => {}
    }

    let kdf = read_object(top, "kdf", &mut defects);
    let (mut m_kib, mut t, mut p, mut salt) = (None, None, None, None);
    if let Some(kdf) = kdf {
        read_name(kdf, "kdf.name", KDF_NAME, &mut defects);
        m_kib = read_whole(kdf, "m_kib", "kdf.m_kib", &mut defects);
        t = read_whole(kdf, "t", "kdf.t", &mut defects);
        p = read_whole(kdf, "p", "kdf.p", &mut defects);
        salt = read_bytes(kdf, "salt", "kdf.salt", &mut defects)
            .and_then(|b| exact_length::<SALT_LEN>(b, "kdf.salt", &mut defects));
    }
    let cipher = read_object(top, "cipher", &mut defects);
    let mut nonce = None;
    if let Some(cipher) = cipher {
        read_name(cipher, "cipher.name", CIPHER_NAME, &mut defects);
        nonce = read_bytes(cipher, "nonce", "cipher.nonce", &mut defects)
            .and_then(|b| exact_length::<NONCE_LEN>(b, "cipher.nonce", &mut defects));
    }
    let data = read_bytes(top, "data", "data", &mut defects).filter(|data| {
        let long_enough = data.len() >= TAG_LEN;
        if !long_enough {
            defects.push(defect(
                "data",
                DefectKind::TooShort {
                    min: TAG_LEN,
                    found: data.len(),
                },
            ));
        }
        long_enough
    });

    // Checked last so they come after the known fields, as in a file.
    unknown_fields(top, TOP_FIELDS, "", &mut defects);
    if let Some(kdf) = kdf {
        unknown_fields(kdf, KDF_FIELDS, "kdf.", &mut defects);
    }
    if let Some(cipher) = cipher {
        unknown_fields(cipher, CIPHER_FIELDS, "cipher.", &mut defects);
    }

    match (m_kib, t, p, salt, nonce, data) {
        (Some(m_kib), Some(t), Some(p), Some(salt), Some(nonce), Some(data))
            if defects.is_empty() =>
        {
            Ok(Sealed {
                m_kib,
                t,
                p,
                salt,
                nonce,
                data,
            })
        }
        _ => Err(DecryptError::Malformed(defects)),
    }
}

fn read_field<'v>(
    map: &'v Map<String, Value>,
    key: &str,
    path: &str,
    expected: Expected,
    defects: &mut Vec<Defect>,
) -> Option<&'v Value> {
    let value = match map.get(key) {
        None | Some(Value::Null) => {
            defects.push(defect(path, DefectKind::Missing));
            return None;
        }
        Some(value) => value,
    };
    let fits = match expected {
        Expected::Object => value.is_object(),
        Expected::WholeNumber => value.is_u64(),
        _ => value.is_string(),
    };
    if !fits {
        defects.push(defect(
            path,
            DefectKind::WrongType {
                expected,
                found: json_type(value),
            },
        ));
        return None;
    }
    Some(value)
}

fn read_object<'v>(
    map: &'v Map<String, Value>,
    key: &str,
    defects: &mut Vec<Defect>,
) -> Option<&'v Map<String, Value>> {
    read_field(map, key, key, Expected::Object, defects).and_then(Value::as_object)
}

fn read_whole(
    map: &Map<String, Value>,
    key: &str,
    path: &str,
    defects: &mut Vec<Defect>,
) -> Option<u64> {
    read_field(map, key, path, Expected::WholeNumber, defects).and_then(Value::as_u64)
}

fn read_format(top: &Map<String, Value>, defects: &mut Vec<Defect>) {
    let found =
        read_field(top, "format", "format", Expected::Text, defects).and_then(Value::as_str);
    if let Some(found) = found.filter(|found| *found != ENCRYPTED_FORMAT_NAME) {
        defects.push(defect(
            "format",
            DefectKind::UnknownValue {
                found: found.chars().take(40).collect(),
                allowed: ENCRYPTED_FORMAT_NAME.to_string(),
            },
        ));
    }
}

fn read_name(map: &Map<String, Value>, path: &str, allowed: &str, defects: &mut Vec<Defect>) {
    let found = read_field(map, "name", path, Expected::Text, defects).and_then(Value::as_str);
    if let Some(found) = found.filter(|found| *found != allowed) {
        defects.push(defect(
            path,
            DefectKind::UnknownValue {
                found: found.chars().take(40).collect(),
                allowed: allowed.to_string(),
            },
        ));
    }
}

fn read_bytes(
    map: &Map<String, Value>,
    key: &str,
    path: &str,
    defects: &mut Vec<Defect>,
) -> Option<Vec<u8>> {
    let text = read_field(map, key, path, Expected::Text, defects).and_then(Value::as_str)?;
    let bytes = Base64::decode_vec(text).ok();
    if bytes.is_none() {
        defects.push(defect(path, DefectKind::NotBase64));
    }
    bytes
}

fn exact_length<const N: usize>(
    bytes: Vec<u8>,
    path: &str,
    defects: &mut Vec<Defect>,
) -> Option<[u8; N]> {
    let found = bytes.len();
    let array = <[u8; N]>::try_from(bytes).ok();
    if array.is_none() {
        defects.push(defect(path, DefectKind::WrongLength { expected: N, found }));
    }
    array
}

fn unknown_fields(
    map: &Map<String, Value>,
    known: &[&str],
    prefix: &str,
    defects: &mut Vec<Defect>,
) {
    for key in map.keys().filter(|key| !known.contains(&key.as_str())) {
        defects.push(defect(&format!("{prefix}{key}"), DefectKind::UnknownField));
    }
}

/// Argon2id (version 0x13) of the passphrase's UTF-8 bytes, no secret and no
/// associated data, 32 bytes out. `params` must be within bounds.
fn derive_key(passphrase: &str, salt: &[u8; SALT_LEN], params: KdfParams) -> [u8; KEY_LEN] {
    let argon_params = Params::new(params.m_kib, params.t, params.p, Some(KEY_LEN))
        .expect("bounded costs are valid Argon2 parameters");
    let mut memory = vec![Block::default(); argon_params.block_count()];
    let mut key = [0u8; KEY_LEN];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params)
        .hash_password_into_with_memory(passphrase.as_bytes(), salt, &mut key, &mut memory)
        .expect("valid parameters, 16-byte salt and a passphrase below 4 GiB always hash");
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_costs_are_within_bounds() {
        assert_eq!(KdfParams::DEFAULT.out_of_bounds(), vec![]);
    }

    #[test]
    fn leading_format_is_read_with_any_json_spacing() {
        let cases: [(&[u8], Option<&[u8]>); 8] = [
            (
                b"{\"format\":\"inversa-encrypted\"",
                Some(b"inversa-encrypted"),
            ),
            (b" {\n  \"format\" : \"inversa\",", Some(b"inversa")),
            (b"{\"format\":\"\"}", Some(b"")),
            (b"{\"format\":\"inversa-enc", None),
            (b"{\"format\":\"inversa\\u002dencrypted\"", None),
            (b"{\"version\":1,\"format\":\"inversa-encrypted\"", None),
            (b"{\"format\":[\"inversa-encrypted\"]", None),
            (b"", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                leading_format(bytes),
                expected,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn associated_data_is_the_compact_header() {
        let header = Header::new(KdfParams::DEFAULT, &[0; SALT_LEN], &[1; NONCE_LEN]);
        assert_eq!(
            header.associated_data(),
            r#"{"format":"inversa-encrypted","version":1,"kdf":{"name":"argon2id","m_kib":19456,"t":2,"p":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"cipher":{"name":"aes-256-gcm","nonce":"AQEBAQEBAQEBAQEB"}}"#
        );
    }
}
