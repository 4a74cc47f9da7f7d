#![cfg(not(target_arch = "wasm32"))]
//! Encrypted files: round trips, every kind of damage or tampering refused
//! with its own error, a known answer computed independently, and the chain
//! the UI uses (`is_encrypted` → `decrypt` → `import_bytes`).

use inversa::domain::demo::demo_workspace;
use inversa::domain::problem::{Expected, JsonType, ProblemKind};
use inversa::io::encrypted::{
    DecryptError, Defect, DefectKind, ENCRYPTED_VERSION, EncryptError, KdfCost, KdfParams,
    MAX_ENCRYPTED_BYTES, MIN_PASSPHRASE_CHARS, NONCE_LEN, OutOfBounds, PassphraseCheck, SALT_LEN,
    check_passphrase, decrypt, encrypt, is_encrypted,
};
use inversa::io::{export_json, import_bytes};
use serde_json::{Value, json};

/// The cheapest costs a file may carry: keeps the many decryptions fast.
const FAST: KdfParams = KdfParams {
    m_kib: KdfParams::MIN_M_KIB,
    t: KdfParams::MIN_T,
    p: 1,
};
const SALT: [u8; SALT_LEN] = [7; SALT_LEN];
const NONCE: [u8; NONCE_LEN] = [9; NONCE_LEN];
const PASSPHRASE: &str = "tortilla de patatas";

fn seal(plain: &str) -> String {
    encrypt(plain, PASSPHRASE, SALT, NONCE, FAST).unwrap()
}

fn envelope(file: &str) -> Value {
    serde_json::from_str(file).unwrap()
}

/// The file with the value at a JSON pointer replaced (`None` removes it).
fn edited(file: &str, pointer: &str, new: Option<Value>) -> Vec<u8> {
    let mut value = envelope(file);
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let map = value.pointer_mut(parent).unwrap().as_object_mut().unwrap();
    match new {
        Some(new) => map.insert(key.to_string(), new),
        None => map.remove(key),
    };
    serde_json::to_vec(&value).unwrap()
}

fn b64(bytes: &[u8]) -> Value {
    use base64ct::{Base64, Encoding};
    Value::String(Base64::encode_string(bytes))
}

fn sealed_data(file: &str) -> Vec<u8> {
    use base64ct::{Base64, Encoding};
    Base64::decode_vec(envelope(file)["data"].as_str().unwrap()).unwrap()
}

fn defect(path: &str, kind: DefectKind) -> Defect {
    Defect {
        path: path.into(),
        kind,
    }
}

/// A JSON document of about `bytes` bytes, every character class mixed in.
fn document_of(bytes: usize) -> String {
    let line =
        r#"{"name":"Zoë Ñúñez — ça va? 日本語 🎉👩🏽‍💻","notes":"quote \" backslash \\ tab \t"},"#;
    let mut text = String::from("[");
    while text.len() < bytes {
        text.push_str(line);
    }
    text.push_str("{}]");
    text
}

#[test]
fn round_trips_any_text() {
    let cases = [
        ("ascii", r#"{"format":"inversa","version":1}"#.to_string()),
        (
            "accents",
            "Programa Año 1 — perché, café, Ångström".to_string(),
        ),
        ("emoji", "🎉 👩🏽‍💻 🇪🇸 🇮🇹 \u{200d} \u{feff}".to_string()),
        ("empty", String::new()),
        ("two megabytes", document_of(2 * 1024 * 1024)),
    ];
    for (name, plain) in cases {
        let file = seal(&plain);
        assert!(is_encrypted(file.as_bytes()), "{name}");
        assert_eq!(decrypt(file.as_bytes(), PASSPHRASE), Ok(plain), "{name}");
    }
}

#[test]
fn round_trips_with_the_default_costs_and_any_passphrase() {
    for passphrase in ["x", "contraseña", "password with spaces ", "🔐🔑🗝️"] {
        let file = encrypt("{}", passphrase, SALT, NONCE, KdfParams::DEFAULT).unwrap();
        assert_eq!(decrypt(file.as_bytes(), passphrase), Ok("{}".into()));
    }
}

#[test]
fn file_is_one_line_with_the_documented_fields() {
    let file = seal("{}");
    assert!(file.ends_with("}\n"));
    assert_eq!(file.lines().count(), 1);
    let value = envelope(&file);
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // serde_json sorts keys; the order written is checked by the known answer.
    assert_eq!(keys, ["cipher", "data", "format", "kdf", "version"]);
    assert_eq!(value["format"], "inversa-encrypted");
    assert_eq!(value["version"], ENCRYPTED_VERSION);
    assert_eq!(value["kdf"]["name"], "argon2id");
    assert_eq!(value["cipher"]["name"], "aes-256-gcm");
    // Ciphertext as long as the text, plus the 16-byte tag.
    assert_eq!(sealed_data(&file).len(), 2 + 16);
}

/// Computed independently with Python's argon2-cffi 25.1 and cryptography
/// 50.0 (Argon2id v1.3, AES-256-GCM, the compact header as associated data):
/// a change to the format, the key derivation or the cipher shows here.
#[test]
fn known_answer() {
    let plain = "{\"format\":\"inversa\",\"version\":1,\"program\":{\"name\":\"Mentoría inversa — perché 🎉\"}}\n";
    let salt: [u8; SALT_LEN] = std::array::from_fn(|i| i as u8);
    let nonce: [u8; NONCE_LEN] = std::array::from_fn(|i| 0xA0 + i as u8);
    let expected = concat!(
        r#"{"format":"inversa-encrypted","version":1,"#,
        r#""kdf":{"name":"argon2id","m_kib":19456,"t":2,"p":1,"salt":"AAECAwQFBgcICQoLDA0ODw=="},"#,
        r#""cipher":{"name":"aes-256-gcm","nonce":"oKGio6Slpqeoqaqr"},"#,
        r#""data":"RUB4Djt7OoHzb/WZc+Ec+nfTZfWb9EQDW2qxf79C2iN07DPcN5jpUdutxd0ANkwIPKy3curWyxEMvMrjWFwZ73Y5tIBSW6L3j6KguUsFLUJwScqlLhE6OihV19XCPzoo8NpD8wkuSdAi"}"#,
        "\n"
    );
    let file = encrypt(plain, "contraseña larga", salt, nonce, KdfParams::DEFAULT).unwrap();
    assert_eq!(file, expected);
    assert!(
        include_str!("../docs/file-format.md").contains(expected.trim_end()),
        "docs/file-format.md shows this file"
    );
    assert_eq!(
        decrypt(expected.as_bytes(), "contraseña larga"),
        Ok(plain.into())
    );
}

#[test]
fn same_inputs_same_file_and_fresh_randomness_changes_everything() {
    let file = seal("{}");
    assert_eq!(seal("{}"), file);
    for other in [
        encrypt("{}", PASSPHRASE, [8; SALT_LEN], NONCE, FAST).unwrap(),
        encrypt("{}", PASSPHRASE, SALT, [8; NONCE_LEN], FAST).unwrap(),
    ] {
        assert_ne!(sealed_data(&other), sealed_data(&file));
        assert_eq!(decrypt(other.as_bytes(), PASSPHRASE), Ok("{}".into()));
    }
}

#[test]
fn wrong_passphrase_is_refused() {
    let file = seal("{\"secret\":true}");
    for wrong in [
        "tortilla de patata",
        "Tortilla de patatas",
        "tortilla de patatas ",
        " tortilla de patatas",
        "x",
    ] {
        assert_eq!(
            decrypt(file.as_bytes(), wrong),
            Err(DecryptError::WrongPassphraseOrTampered),
            "{wrong:?}"
        );
    }
}

#[test]
fn every_ciphertext_and_tag_byte_is_authenticated() {
    let file = seal("{\"a\":1}");
    let data = sealed_data(&file);
    for i in 0..data.len() {
        for flip in [0x01, 0x80, 0xFF] {
            let mut tampered = data.clone();
            tampered[i] ^= flip;
            let bytes = edited(&file, "/data", Some(b64(&tampered)));
            assert_eq!(
                decrypt(&bytes, PASSPHRASE),
                Err(DecryptError::WrongPassphraseOrTampered),
                "byte {i} ^ {flip:#x}"
            );
        }
    }
}

/// Whatever single byte of the file is changed, it never opens: the header
/// is authenticated and base64 is read strictly (no spare bits).
#[test]
fn no_byte_of_the_file_can_change_unnoticed() {
    let file = seal("{\"a\":1}");
    for i in 0..file.len() {
        let mut bytes = file.clone().into_bytes();
        bytes[i] ^= 0x01;
        assert!(
            decrypt(&bytes, PASSPHRASE).is_err(),
            "byte {i} ({:?}) changed",
            file.as_bytes()[i] as char
        );
    }
}

#[test]
fn changed_header_is_detected() {
    let file = seal("{}");
    let tampered = |pointer, value| (pointer, Some(value));
    let cases = [
        tampered("/cipher/nonce", b64(&[8; NONCE_LEN])),
        tampered("/kdf/salt", b64(&[8; SALT_LEN])),
        tampered("/kdf/m_kib", json!(FAST.m_kib + 1)),
        tampered("/kdf/t", json!(FAST.t + 1)),
    ];
    for (pointer, value) in cases {
        assert_eq!(
            decrypt(&edited(&file, pointer, value), PASSPHRASE),
            Err(DecryptError::WrongPassphraseOrTampered),
            "{pointer}"
        );
    }
}

#[test]
fn reformatted_file_still_opens() {
    let file = seal("{}");
    let pretty = serde_json::to_string_pretty(&envelope(&file)).unwrap();
    for text in [pretty.clone(), format!("\u{feff}  {pretty}\r\n")] {
        assert!(is_encrypted(text.as_bytes()));
        assert_eq!(decrypt(text.as_bytes(), PASSPHRASE), Ok("{}".into()));
    }
}

#[test]
fn truncated_file_is_recognised_and_refused() {
    let file = seal("{\"a\":1}");
    let start_of_data = file.find("\"data\"").unwrap();
    for cut in [start_of_data, file.len() / 2, file.len() - 3] {
        let bytes = &file.as_bytes()[..cut];
        assert!(is_encrypted(bytes), "cut at {cut}");
        let Err(DecryptError::Malformed(defects)) = decrypt(bytes, PASSPHRASE) else {
            panic!("cut at {cut}");
        };
        assert!(
            matches!(
                defects.as_slice(),
                [Defect {
                    kind: DefectKind::Truncated { line: 1, .. },
                    ..
                }]
            ),
            "cut at {cut}: {defects:?}"
        );
    }
    // Every shorter length fails too, one way or another.
    for cut in 0..file.len() - 1 {
        assert!(decrypt(&file.as_bytes()[..cut], PASSPHRASE).is_err());
    }
}

#[test]
fn what_is_not_an_encrypted_file() {
    let plain_export = export_json(&demo_workspace(), "2026-03-01T09:30:00Z");
    let cases: [(&str, &[u8]); 8] = [
        ("empty", b""),
        ("plain text", b"hello, this is not JSON"),
        ("png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        ("other json", br#"{"name":"inversa-encrypted"}"#),
        ("json list", br#"["inversa-encrypted"]"#),
        ("format not text", br#"{"format":["inversa-encrypted"]}"#),
        ("plain export", plain_export.as_bytes()),
        (
            "plain storage envelope",
            br#"{"storage":"inversa","schema":1}"#,
        ),
    ];
    for (name, bytes) in cases {
        assert!(!is_encrypted(bytes), "{name}");
        assert_eq!(
            decrypt(bytes, PASSPHRASE),
            Err(DecryptError::NotEncrypted),
            "{name}"
        );
    }
}

#[test]
fn marked_but_not_json() {
    let bytes = b"{\"format\":\"inversa-encrypted\", oops}";
    assert_eq!(
        decrypt(bytes, PASSPHRASE),
        Err(DecryptError::Malformed(vec![defect(
            "",
            DefectKind::NotJson {
                line: 1,
                column: 32
            }
        )]))
    );
}

#[test]
fn newer_version_is_refused_alone() {
    let file = seal("{}");
    let mut value = envelope(&file);
    value["version"] = json!(2);
    value["kdf"] = json!("a method from the future");
    assert_eq!(
        decrypt(&serde_json::to_vec(&value).unwrap(), PASSPHRASE),
        Err(DecryptError::NewerVersion {
            found: 2,
            supported: 1
        })
    );
}

#[test]
fn malformed_envelope_lists_every_defect() {
    let file = seal("{}");
    let unknown = |found: &str, allowed: &str| DefectKind::UnknownValue {
        found: found.into(),
        allowed: allowed.into(),
    };
    let cases: Vec<(&str, Option<Value>, Defect)> = vec![
        ("/version", None, defect("version", DefectKind::Missing)),
        (
            "/version",
            Some(json!(0)),
            defect("version", unknown("0", "1")),
        ),
        (
            "/version",
            Some(json!("1")),
            defect(
                "version",
                DefectKind::WrongType {
                    expected: Expected::WholeNumber,
                    found: JsonType::String,
                },
            ),
        ),
        ("/kdf", None, defect("kdf", DefectKind::Missing)),
        (
            "/kdf",
            Some(json!([1])),
            defect(
                "kdf",
                DefectKind::WrongType {
                    expected: Expected::Object,
                    found: JsonType::Array,
                },
            ),
        ),
        (
            "/kdf/name",
            Some(json!("scrypt")),
            defect("kdf.name", unknown("scrypt", "argon2id")),
        ),
        (
            "/kdf/m_kib",
            Some(json!(-1)),
            defect(
                "kdf.m_kib",
                DefectKind::WrongType {
                    expected: Expected::WholeNumber,
                    found: JsonType::Number,
                },
            ),
        ),
        (
            "/kdf/t",
            Some(Value::Null),
            defect("kdf.t", DefectKind::Missing),
        ),
        ("/kdf/p", None, defect("kdf.p", DefectKind::Missing)),
        (
            "/kdf/salt",
            Some(json!("not base64!")),
            defect("kdf.salt", DefectKind::NotBase64),
        ),
        (
            "/kdf/salt",
            Some(b64(&[1; 8])),
            defect(
                "kdf.salt",
                DefectKind::WrongLength {
                    expected: 16,
                    found: 8,
                },
            ),
        ),
        (
            "/kdf/pepper",
            Some(json!("x")),
            defect("kdf.pepper", DefectKind::UnknownField),
        ),
        (
            "/cipher/name",
            Some(json!("aes-128-cbc")),
            defect("cipher.name", unknown("aes-128-cbc", "aes-256-gcm")),
        ),
        (
            "/cipher/nonce",
            Some(b64(&[1; 16])),
            defect(
                "cipher.nonce",
                DefectKind::WrongLength {
                    expected: 12,
                    found: 16,
                },
            ),
        ),
        (
            "/cipher/nonce",
            Some(json!("AQEBAQEBAQEBAQE")),
            defect("cipher.nonce", DefectKind::NotBase64),
        ),
        ("/data", None, defect("data", DefectKind::Missing)),
        (
            "/data",
            Some(b64(&[1; 15])),
            defect("data", DefectKind::TooShort { min: 16, found: 15 }),
        ),
        (
            "/data",
            Some(json!(12)),
            defect(
                "data",
                DefectKind::WrongType {
                    expected: Expected::Text,
                    found: JsonType::Number,
                },
            ),
        ),
        (
            "/comment",
            Some(json!("hi")),
            defect("comment", DefectKind::UnknownField),
        ),
    ];
    for (pointer, new, expected) in cases {
        assert_eq!(
            decrypt(&edited(&file, pointer, new), PASSPHRASE),
            Err(DecryptError::Malformed(vec![expected])),
            "{pointer}"
        );
    }

    // All at once, in the order the fields are written.
    let many = serde_json::to_vec(&json!({
        "extra": true,
        "data": "@@",
        "cipher": {"nonce": 5},
        "kdf": {"name": "argon2id", "m_kib": 8192, "t": 1, "p": 1, "salt": ""},
        "format": "inversa-encrypted",
    }))
    .unwrap();
    let Err(DecryptError::Malformed(defects)) = decrypt(&many, PASSPHRASE) else {
        panic!("not malformed");
    };
    let paths: Vec<&str> = defects.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "version",
            "kdf.salt",
            "cipher.name",
            "cipher.nonce",
            "data",
            "extra"
        ]
    );
}

#[test]
fn repeated_format_key_cannot_disguise_the_file() {
    let file = seal("{}");
    let doubled = file.replacen("\"version\"", "\"format\":\"inversa\",\"version\"", 1);
    assert_eq!(
        decrypt(doubled.as_bytes(), PASSPHRASE),
        Err(DecryptError::Malformed(vec![defect(
            "format",
            DefectKind::UnknownValue {
                found: "inversa".into(),
                allowed: "inversa-encrypted".into()
            }
        )]))
    );
}

#[test]
fn costs_out_of_bounds_are_refused_before_any_work() {
    let file = seal("{}");
    let bound = |cost, found, min, max| OutOfBounds {
        cost,
        found,
        min,
        max,
    };
    let work_max = KdfParams::MAX_WORK_KIB;
    let cases: Vec<(u64, u64, u64, Vec<OutOfBounds>)> = vec![
        // Too weak: a passphrase would be cheap to guess.
        (
            1024,
            3,
            1,
            vec![bound(KdfCost::Memory, 1024, 8192, 131_072)],
        ),
        (8192, 0, 1, vec![bound(KdfCost::Passes, 0, 1, 10)]),
        // Would freeze the page.
        (
            4 * 1024 * 1024,
            1,
            1,
            vec![
                bound(KdfCost::Memory, 4_194_304, 8192, 131_072),
                bound(KdfCost::Work, 4_194_304, 0, work_max),
            ],
        ),
        (
            u64::MAX,
            u64::MAX,
            1,
            vec![
                bound(KdfCost::Memory, u64::MAX, 8192, 131_072),
                bound(KdfCost::Passes, u64::MAX, 1, 10),
                bound(KdfCost::Work, u64::MAX, 0, work_max),
            ],
        ),
        (
            65_536,
            5,
            1,
            vec![bound(KdfCost::Work, 327_680, 0, work_max)],
        ),
        (
            8192,
            1000,
            1,
            vec![
                bound(KdfCost::Passes, 1000, 1, 10),
                bound(KdfCost::Work, 8_192_000, 0, work_max),
            ],
        ),
        // One lane only.
        (8192, 1, 0, vec![bound(KdfCost::Lanes, 0, 1, 1)]),
        (8192, 1, 4, vec![bound(KdfCost::Lanes, 4, 1, 1)]),
    ];
    for (m_kib, t, p, expected) in cases {
        let mut value = envelope(&file);
        value["kdf"]["m_kib"] = json!(m_kib);
        value["kdf"]["t"] = json!(t);
        value["kdf"]["p"] = json!(p);
        let bytes = serde_json::to_vec(&value).unwrap();
        assert_eq!(
            decrypt(&bytes, PASSPHRASE),
            Err(DecryptError::ParamsOutOfBounds(expected.clone())),
            "{m_kib} {t} {p}"
        );
        if let (Ok(m_kib), Ok(t), Ok(p)) = (m_kib.try_into(), t.try_into(), p.try_into()) {
            let params = KdfParams { m_kib, t, p };
            assert_eq!(params.out_of_bounds(), expected);
            assert_eq!(
                encrypt("{}", PASSPHRASE, SALT, NONCE, params),
                Err(EncryptError::ParamsOutOfBounds(expected))
            );
        }
    }
}

#[test]
fn largest_costs_within_bounds_are_accepted() {
    let edge = KdfParams {
        m_kib: KdfParams::MAX_M_KIB,
        t: (KdfParams::MAX_WORK_KIB / u64::from(KdfParams::MAX_M_KIB)) as u32,
        p: 1,
    };
    assert_eq!(edge.out_of_bounds(), vec![]);
    let many_passes = KdfParams {
        m_kib: KdfParams::MIN_M_KIB,
        t: KdfParams::MAX_T,
        p: 1,
    };
    assert_eq!(many_passes.out_of_bounds(), vec![]);
}

#[test]
fn empty_passphrase_is_refused() {
    assert_eq!(
        encrypt("{}", "", SALT, NONCE, FAST),
        Err(EncryptError::EmptyPassphrase)
    );
    // Before the key derivation: the envelope is checked, nothing is tried.
    let file = seal("{}");
    assert_eq!(
        decrypt(file.as_bytes(), ""),
        Err(DecryptError::EmptyPassphrase)
    );
    assert!(matches!(
        decrypt(b"{\"format\":\"inversa-encrypted\"}", ""),
        Err(DecryptError::Malformed(_))
    ));
}

#[test]
fn passphrase_check_counts_characters() {
    let cases = [
        ("", PassphraseCheck::Empty),
        ("abc", PassphraseCheck::TooShort { chars: 3, min: 8 }),
        ("ñandúes", PassphraseCheck::TooShort { chars: 7, min: 8 }),
        ("🔐🔑🗝🔒🔓🛡🧩🎲", PassphraseCheck::Acceptable),
        ("ñandúes!", PassphraseCheck::Acceptable),
        ("correct horse battery staple", PassphraseCheck::Acceptable),
    ];
    assert_eq!(MIN_PASSPHRASE_CHARS, 8);
    for (passphrase, expected) in cases {
        assert_eq!(check_passphrase(passphrase), expected, "{passphrase:?}");
    }
}

#[test]
fn oversized_file_is_refused_unread() {
    let mut bytes = b"{\"format\":\"inversa-encrypted\",\"data\":\"".to_vec();
    bytes.resize(MAX_ENCRYPTED_BYTES + 1, b'A');
    assert_eq!(
        decrypt(&bytes, PASSPHRASE),
        Err(DecryptError::TooLarge {
            bytes: MAX_ENCRYPTED_BYTES as u64 + 1,
            max: MAX_ENCRYPTED_BYTES as u64
        })
    );
}

#[test]
fn decrypted_text_that_is_not_utf8_is_reported() {
    // Only another program could seal such bytes: seal some with the same
    // crates and header, to show they are refused rather than garbled.
    use aes_gcm::aead::{Aead, KeyInit, Payload};
    use aes_gcm::{Aes256Gcm, Nonce};
    use argon2::{Algorithm, Argon2, Block, Params, Version};
    let params = Params::new(FAST.m_kib, FAST.t, FAST.p, Some(32)).unwrap();
    let mut key = [0u8; 32];
    let mut memory = vec![Block::default(); params.block_count()];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into_with_memory(PASSPHRASE.as_bytes(), &SALT, &mut key, &mut memory)
        .unwrap();
    let file = seal("x");
    // As Inversa writes it, the header is the file up to `data`, closed.
    let header = format!("{}}}", &file[..file.find(",\"data\":").unwrap()]);
    let sealed = Aes256Gcm::new(&key.into())
        .encrypt(
            Nonce::from_slice(&NONCE),
            Payload {
                msg: b"\xff\xfe not text",
                aad: header.as_bytes(),
            },
        )
        .unwrap();
    let bytes = edited(&file, "/data", Some(b64(&sealed)));
    assert_eq!(
        decrypt(&bytes, PASSPHRASE),
        Err(DecryptError::Malformed(vec![defect(
            "data",
            DefectKind::NotText
        )]))
    );
}

/// How the UI chains it: a picked file that is encrypted asks for the
/// passphrase, and the text it opens to goes through the ordinary import,
/// with all its checks.
#[test]
fn decrypted_file_goes_through_the_normal_import() {
    let workspace = demo_workspace();
    let export = export_json(&workspace, "2026-03-01T09:30:00Z");
    let picked = encrypt(&export, PASSPHRASE, SALT, NONCE, FAST).unwrap();

    let opened = if is_encrypted(picked.as_bytes()) {
        decrypt(picked.as_bytes(), PASSPHRASE).unwrap()
    } else {
        panic!("an encrypted file is recognised");
    };
    let preview = import_bytes(opened.as_bytes()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(preview.workspace, workspace);

    // Given to the plain import by mistake, it is refused as not an Inversa file.
    let problems = import_bytes(picked.as_bytes()).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::NotInversaFile);

    // A sealed file that is not a valid export is refused by the import.
    let sealed_junk = encrypt("{\"format\":\"inversa\"}", PASSPHRASE, SALT, NONCE, FAST).unwrap();
    let opened = decrypt(sealed_junk.as_bytes(), PASSPHRASE).unwrap();
    assert!(import_bytes(opened.as_bytes()).is_err());
}
