#![cfg(not(target_arch = "wasm32"))]
//! Bounded fuzzing of every parser that reads untrusted input: exchange files
//! (and merging them into the demo), the localStorage envelope, participant
//! spreadsheets, encrypted files and check-in links and answers.
//!
//! Stable Rust has no libFuzzer, so this is the equivalent: a seeded
//! xorshift mutator over a kept corpus (`tests/corpus/`, see its README),
//! plus arbitrary bytes. Each case must not panic, a refusal must say why,
//! and whatever is accepted must be valid and survive a round trip.
//!
//! Bounds: `INVERSA_FUZZ_CASES` cases per parser (default below), or
//! `INVERSA_FUZZ_SECONDS` per parser; `INVERSA_FUZZ_SEED` (a number, or
//! `time`) picks the run. A failing input is written to
//! `tests/corpus/regressions/<kind>/`, which every run replays.
//! `cargo test --test fuzz -- --ignored regenerate_corpus` rewrites the seeds.

use std::fmt::Debug;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime};
use std::{env, fs};

use hmac::{Hmac, Mac};
use inversa::domain::Date;
use inversa::domain::demo::{demo_workspace, finished_demo_workspace};
use inversa::domain::ids::seeded_bytes;
use inversa::domain::matching::{Pair, PairKey};
use inversa::domain::merge::{self, Choice, Choices};
use inversa::domain::sessions::checkin::{apply_responses, has_response, invitees, new_round};
use inversa::domain::sessions::{Answer, AnswerValue, CheckinRound, RoundKind};
use inversa::domain::skills::Lang;
use inversa::domain::validation::validate_workspace;
use inversa::domain::workspace::Workspace;
use inversa::io::checkin::{
    QuestionKind, RejectReason, SignedResponse, base64url, encode_link, link_fragment, parse_link,
    read_responses, sign_response,
};
use inversa::io::csv_export::{self, Headers};
use inversa::io::csv_import::{
    Field, MAX_CSV_BYTES, Mapping, MappingProblem, SheetError, check_mapping, read_rows, sniff,
    suggest_mapping,
};
use inversa::io::encrypted::{
    DecryptError, KdfParams, MAX_ENCRYPTED_BYTES, NONCE_LEN, SALT_LEN, decrypt, encrypt,
    is_encrypted,
};
use inversa::io::{Stored, decode_stored, encode_stored, export_json, import_bytes};
use serde_json::{Value, json};
use sha2::Sha256;

/// Cases per parser when `INVERSA_FUZZ_CASES` is not set: the whole file
/// stays around half a minute in a debug build on two cores.
const DEFAULT_CASES: u64 = 4000;
/// The seed when `INVERSA_FUZZ_SEED` is not set, so CI runs are repeatable.
const DEFAULT_SEED: u64 = 0x1a7e_25a0_f022_0007;
/// One fuzz case in this many also runs the slow checks (merging, the key
/// derivation of encrypted files); seeds and regressions always do.
const DEEP_ONE_IN: usize = 3;
/// The passphrase of every encrypted seed.
const PASSPHRASE: &str = "fuzz corpus passphrase";
const WRONG_PASSPHRASE: &str = "not the passphrase";
/// The cheapest key derivation a file may carry.
const FAST_KDF: KdfParams = KdfParams {
    m_kib: KdfParams::MIN_M_KIB,
    t: KdfParams::MIN_T,
    p: 1,
};
/// Encrypted inputs whose key derivation costs more (KiB × passes) skip the
/// decryption attempts, so a mutated cost cannot stall the run.
const MAX_FUZZED_KDF_WORK: u64 = 2 * KdfParams::MIN_M_KIB as u64;
const STAMP: &str = "2026-09-10T08:00:00Z";
/// The check-in fixture's rounds are open from `OPENS` to `CLOSES`;
/// answers are signed on `ANSWERED` and imported on `TODAY`.
const OPENS: &str = "2026-09-01";
const CLOSES: &str = "2026-09-20";
const ANSWERED: &str = "2026-09-05";
const TODAY: &str = "2026-09-10";

// ------------------------------------------------------------ the parsers ---

/// Each kind of untrusted input, with the folder its corpus lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `io::import_bytes`, then merging with the demo (`domain::merge`).
    Json,
    /// `io::decode_stored`.
    Stored,
    /// `io::csv_import`: sniff, suggest and check a mapping, read rows, apply.
    Csv,
    /// `io::encrypted`: recognise, open with no, a wrong and the right passphrase.
    Encrypted,
    /// `io::checkin`: personal links and answer files or pasted codes.
    Checkin,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::Json,
        Kind::Stored,
        Kind::Csv,
        Kind::Encrypted,
        Kind::Checkin,
    ];

    fn dir(self) -> &'static str {
        match self {
            Kind::Json => "json",
            Kind::Stored => "stored",
            Kind::Csv => "csv",
            Kind::Encrypted => "encrypted",
            Kind::Checkin => "checkin",
        }
    }

    /// The `#[test]` that fuzzes this kind, for replay instructions.
    fn test_name(self) -> &'static str {
        match self {
            Kind::Json => "fuzz_json_import",
            Kind::Stored => "fuzz_stored_envelope",
            Kind::Csv => "fuzz_csv_import",
            Kind::Encrypted => "fuzz_encrypted_files",
            Kind::Checkin => "fuzz_checkin_links_and_answers",
        }
    }

    /// Runs every check of this kind on `input`.
    fn check(self, fx: &Fixtures, input: &[u8], deep: bool) -> Checked {
        match self {
            Kind::Json => check_json(fx, input, deep),
            Kind::Stored => check_stored(input),
            Kind::Csv => check_csv(fx, input, deep),
            Kind::Encrypted => check_encrypted(fx, input, deep),
            Kind::Checkin => check_checkin(fx, input),
        }
    }
}

/// What a parser made of an input that passed every check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seen {
    Accepted,
    Refused,
}

/// `Err` says which property failed.
type Checked = Result<Seen, String>;

macro_rules! ensure {
    ($condition:expr, $($message:tt)+) => {
        if !$condition {
            return Err(format!($($message)+));
        }
    };
}

/// A value's debug text, cut so a failure message stays readable.
fn brief(value: &impl Debug) -> String {
    let text = format!("{value:?}");
    match text.char_indices().nth(600) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// Exchange files: refused with reasons, or valid, exported and read back
/// the same, stored and read back the same, and mergeable with the demo.
fn check_json(fx: &Fixtures, input: &[u8], deep: bool) -> Checked {
    let preview = match import_bytes(input) {
        Err(problems) => {
            ensure!(!problems.is_empty(), "import refused with no problem");
            ensure!(
                problems.iter().all(|p| !p.to_string().is_empty()),
                "a problem with no words: {}",
                brief(&problems)
            );
            return Ok(Seen::Refused);
        }
        Ok(preview) => preview,
    };
    let ws = &preview.workspace;
    let problems = validate_workspace(ws);
    ensure!(
        problems.is_empty(),
        "imported, yet invalid: {}",
        brief(&problems)
    );
    let exported = export_json(ws, preview.exported_at.as_deref().unwrap_or(STAMP));
    match import_bytes(exported.as_bytes()) {
        Ok(again) => ensure!(
            again.workspace == *ws,
            "export then import changed the workspace"
        ),
        Err(problems) => return Err(format!("its own export is refused: {}", brief(&problems))),
    }
    let stored = Stored {
        workspace: ws.clone(),
        demo: false,
        revision: 1,
        saved_at: STAMP.into(),
    };
    match decode_stored(&encode_stored(&stored)) {
        Ok(back) => ensure!(back == stored, "storing then reading changed the workspace"),
        Err(problems) => return Err(format!("its own save is refused: {}", brief(&problems))),
    }
    if deep {
        check_merge(&fx.demo, ws)?;
        check_merge(ws, &fx.demo)?;
        let itself = merge::compare(ws, ws);
        ensure!(itself.is_identical(), "a copy merged into itself differs");
        let merged = merge::apply(ws, ws, &itself, &Choices::all(&itself, Choice::Theirs));
        ensure!(
            merged.as_ref() == Ok(ws),
            "merging a copy into itself changes it"
        );
    }
    Ok(Seen::Accepted)
}

/// Their file merged into ours, keeping all ours or all theirs: a valid
/// workspace that exports and imports the same, or every problem.
fn check_merge(ours: &Workspace, theirs: &Workspace) -> Result<(), String> {
    let plan = merge::compare(ours, theirs);
    for choice in [Choice::Ours, Choice::Theirs] {
        match merge::apply(ours, theirs, &plan, &Choices::all(&plan, choice)) {
            Ok(merged) => {
                let problems = validate_workspace(&merged);
                ensure!(
                    problems.is_empty(),
                    "merged ({choice:?}), yet invalid: {}",
                    brief(&problems)
                );
                let back = import_bytes(export_json(&merged, STAMP).as_bytes());
                ensure!(
                    back.as_ref().map(|p| &p.workspace) == Ok(&merged),
                    "merged ({choice:?}) export does not read back the same: {}",
                    brief(&back.err())
                );
            }
            Err(problems) => ensure!(!problems.is_empty(), "merge refused with no problem"),
        }
    }
    Ok(())
}

/// The localStorage envelope: refused with reasons, or valid and stable.
fn check_stored(input: &[u8]) -> Checked {
    let text = String::from_utf8_lossy(input);
    match decode_stored(&text) {
        Err(problems) => {
            ensure!(!problems.is_empty(), "stored data refused with no problem");
            Ok(Seen::Refused)
        }
        Ok(stored) => {
            let problems = validate_workspace(&stored.workspace);
            ensure!(
                problems.is_empty(),
                "read, yet invalid: {}",
                brief(&problems)
            );
            let again = decode_stored(&encode_stored(&stored));
            ensure!(
                again.as_ref() == Ok(&stored),
                "saving then reading changed it: {}",
                brief(&again.err())
            );
            Ok(Seen::Accepted)
        }
    }
}

/// Spreadsheets, the way the Data page reads them: the suggested mapping
/// (and, deep, a random one) into an empty program and into the demo.
fn check_csv(fx: &Fixtures, input: &[u8], deep: bool) -> Checked {
    let sheet = match sniff(input) {
        Err(SheetError::TooLarge { bytes, max }) => {
            ensure!(
                bytes > max && max == MAX_CSV_BYTES as u64,
                "too large at {bytes}"
            );
            return Ok(Seen::Refused);
        }
        Err(SheetError::NotUtf8 { line }) => {
            ensure!(line >= 1, "not UTF-8 on line 0");
            return Ok(Seen::Refused);
        }
        Err(_) => return Ok(Seen::Refused),
        Ok(sheet) => sheet,
    };
    ensure!(!sheet.headers.is_empty(), "a sheet with no header cell");
    ensure!(sheet.header_line >= 1, "the header on row 0");
    let mut previous = sheet.header_line;
    for row in &sheet.rows {
        ensure!(
            row.line > previous,
            "row numbers not increasing: {} after {previous}",
            row.line
        );
        previous = row.line;
    }
    let suggested = suggest_mapping(&sheet);
    ensure!(
        suggested.len() == sheet.headers.len(),
        "a mapping of {} columns for {}",
        suggested.len(),
        sheet.headers.len()
    );
    ensure!(
        !check_mapping(&sheet, &suggested)
            .iter()
            .any(|p| matches!(p, MappingProblem::Twice { .. })),
        "the suggestion maps a field twice"
    );
    // Which language and mapping the coordinator picks is part of the input.
    let mut rng = Rng::new(fnv(input));
    let lang = *rng.pick(&[Lang::En, Lang::Es, Lang::It]);
    let mut mappings = vec![suggested];
    if deep {
        let random: Mapping = (0..sheet.headers.len() + rng.below(2))
            .map(|_| (!rng.chance(3)).then(|| *rng.pick(&Field::ALL)))
            .collect();
        mappings.push(random);
    }
    let targets = if deep {
        &fx.csv_targets[..]
    } else {
        &fx.csv_targets[..1]
    };
    let mut seen = Seen::Refused;
    let lines: Vec<usize> = sheet.rows.iter().map(|r| r.line).collect();
    for ws in targets {
        for mapping in &mappings {
            let mut n = 0;
            let import = read_rows(&sheet, mapping, ws, lang, || {
                n += 1;
                seeded_bytes(n)
            });
            ensure!(import.rows == sheet.rows.len(), "row count differs");
            if !import.mapping_problems.is_empty() {
                ensure!(
                    import.valid.is_empty()
                        && import.errors.is_empty()
                        && import.duplicates.is_empty(),
                    "rows read despite mapping problems"
                );
                continue;
            }
            let valid_lines: Vec<usize> = import.valid.iter().map(|(line, _)| *line).collect();
            ensure!(
                valid_lines.windows(2).all(|w| w[0] < w[1]),
                "valid rows out of file order"
            );
            for line in valid_lines
                .iter()
                .chain(import.errors.iter().map(|e| &e.line))
                .chain(import.duplicates.iter().map(|d| &d.line))
            {
                ensure!(lines.contains(line), "row {line} is not in the sheet");
            }
            ensure!(
                !import.errors.iter().any(|e| valid_lines.contains(&e.line)),
                "a valid row with errors"
            );
            let mut after = ws.clone();
            let added = inversa::io::csv_import::apply(&mut after, &import);
            ensure!(
                added == import.valid.len(),
                "{added} of {} valid rows added",
                import.valid.len()
            );
            let problems = validate_workspace(&after);
            ensure!(
                problems.is_empty(),
                "valid rows make the program invalid: {}",
                brief(&problems)
            );
            if added > 0 {
                seen = Seen::Accepted;
                let back = import_bytes(export_json(&after, STAMP).as_bytes());
                ensure!(
                    back.as_ref().map(|p| &p.workspace) == Ok(&after),
                    "imported people do not survive export: {}",
                    brief(&back.err())
                );
            }
        }
    }
    Ok(seen)
}

/// Encrypted files: told apart, refused before any key derivation when
/// damaged, never opened by a wrong passphrase, and opened by the right one
/// only into a plain text that was sealed (which then imports as a file).
fn check_encrypted(fx: &Fixtures, input: &[u8], deep: bool) -> Checked {
    let marked = is_encrypted(input);
    match decrypt(input, "") {
        Ok(_) => return Err("opened with an empty passphrase".into()),
        Err(DecryptError::NotEncrypted) => {
            ensure!(!marked, "is_encrypted, yet decrypt says it is not");
            return Ok(Seen::Refused);
        }
        Err(DecryptError::TooLarge { bytes, .. }) => {
            ensure!(bytes as usize > MAX_ENCRYPTED_BYTES, "too large at {bytes}");
            return Ok(Seen::Refused);
        }
        Err(DecryptError::Malformed(defects)) => {
            ensure!(!defects.is_empty(), "malformed with no defect");
            return Ok(Seen::Refused);
        }
        Err(DecryptError::ParamsOutOfBounds(costs)) => {
            ensure!(!costs.is_empty(), "out of bounds with no cost");
            return Ok(Seen::Refused);
        }
        Err(DecryptError::NewerVersion { found, supported }) => {
            ensure!(found > supported, "newer version {found} ≤ {supported}");
            return Ok(Seen::Refused);
        }
        Err(DecryptError::EmptyPassphrase) => ensure!(marked, "opened as encrypted, not marked"),
        Err(DecryptError::WrongPassphraseOrTampered) => {
            return Err("the key was derived for an empty passphrase".into());
        }
    }
    // The envelope is accepted; what the passphrase opens is checked deep.
    if !deep || kdf_work(input).is_none_or(|work| work > MAX_FUZZED_KDF_WORK) {
        return Ok(Seen::Accepted);
    }
    let wrong = decrypt(input, WRONG_PASSPHRASE);
    ensure!(
        wrong == Err(DecryptError::WrongPassphraseOrTampered),
        "a wrong passphrase gave {}",
        brief(&wrong)
    );
    match decrypt(input, PASSPHRASE) {
        Ok(plain) => {
            ensure!(
                fx.sealed_texts.contains(&plain),
                "opened into a text that was never sealed"
            );
            check_json(fx, plain.as_bytes(), false)?;
            Ok(Seen::Accepted)
        }
        Err(DecryptError::WrongPassphraseOrTampered) => Ok(Seen::Accepted),
        Err(other) => Err(format!(
            "after a clean header, the right passphrase gave {other:?}"
        )),
    }
}

/// `kdf.m_kib × kdf.t` of an envelope, when it reads that far.
fn kdf_work(input: &[u8]) -> Option<u64> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let value: Value = serde_json::from_slice(input).ok()?;
    let kdf = value.get("kdf")?;
    kdf.get("m_kib")?
        .as_u64()?
        .checked_mul(kdf.get("t")?.as_u64()?)
}

/// Check-in links and answers: a link read back is open for a real window
/// and survives re-encoding; accepted answers belong to an invited person of
/// one of our rounds, keep the program valid, and are refused a second time.
fn check_checkin(fx: &Fixtures, input: &[u8]) -> Checked {
    let text = String::from_utf8_lossy(input).into_owned();
    let mut seen = Seen::Refused;
    if let Ok(payload) = parse_link(&text) {
        seen = Seen::Accepted;
        ensure!(
            payload.closes >= payload.opens,
            "a link closes before it opens"
        );
        let again = parse_link(&encode_link(&payload));
        ensure!(
            again.as_ref() == Ok(&payload),
            "a link does not survive re-encoding: {}",
            brief(&again)
        );
    }
    let ws = &fx.checkin;
    let inputs = [("pasted".to_string(), text)];
    let import = read_responses(ws, &inputs, fx.today);
    ensure!(
        !import.accepted.is_empty() || !import.rejected.is_empty(),
        "an input with neither an answer nor a reason"
    );
    for rejected in &import.rejected {
        if let RejectReason::InvalidAnswers(problems) = &rejected.reason {
            ensure!(!problems.is_empty(), "invalid answers with no problem");
        }
    }
    for (i, response) in import.accepted.iter().enumerate() {
        let round = ws.sessions.rounds.iter().find(|r| r.id == response.round);
        let Some(round) = round else {
            return Err("accepted for a round we do not have".into());
        };
        ensure!(
            round
                .invitations
                .iter()
                .any(|inv| inv.participant == response.participant),
            "accepted from someone not invited"
        );
        ensure!(
            (round.opens..=round.closes).contains(&response.answered_on),
            "accepted outside the round's window"
        );
        ensure!(
            !has_response(&ws.sessions, &response.round, &response.participant)
                && !import.accepted[..i]
                    .iter()
                    .any(|r| r.round == response.round && r.participant == response.participant),
            "accepted twice"
        );
    }
    if import.accepted.is_empty() {
        return Ok(seen);
    }
    let mut after = ws.clone();
    apply_responses(&mut after.sessions, import.accepted);
    let problems = validate_workspace(&after);
    ensure!(
        problems.is_empty(),
        "accepted answers make the program invalid: {}",
        brief(&problems)
    );
    let twice = read_responses(&after, &inputs, fx.today);
    ensure!(
        twice.accepted.is_empty(),
        "the same answers were accepted a second time"
    );
    Ok(Seen::Accepted)
}

/// Runs one case, turning a panic into a failure message.
fn run_case(kind: Kind, fx: &Fixtures, input: &[u8], deep: bool) -> Checked {
    panic::catch_unwind(AssertUnwindSafe(|| kind.check(fx, input, deep))).unwrap_or_else(
        |payload| {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "a panic without a message".into());
            Err(format!("panicked: {message}"))
        },
    )
}

// ---------------------------------------------------------------- fixtures ---

/// One corpus file.
struct Sample {
    kind: Kind,
    /// The path under `tests/corpus/`.
    name: String,
    bytes: Vec<u8>,
}

/// What the checks compare against, built once per test binary.
struct Fixtures {
    demo: Workspace,
    /// The finished demo with a check-in and a closing round open.
    checkin: Workspace,
    today: Date,
    /// An empty program with the demo's custom skills, and the demo.
    csv_targets: [Workspace; 2],
    /// What the encrypted files of the corpus hold.
    sealed_texts: Vec<String>,
    samples: Vec<Sample>,
}

fn fixtures() -> &'static Fixtures {
    static FIXTURES: OnceLock<Fixtures> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let demo = demo_workspace();
        let empty_with_skills = Workspace {
            catalogue: demo.catalogue.clone(),
            ..empty_program()
        };
        let samples = load_corpus();
        let sealed_texts = samples
            .iter()
            .filter(|s| s.kind == Kind::Encrypted)
            .filter_map(|s| decrypt(&s.bytes, PASSPHRASE).ok())
            .collect();
        Fixtures {
            csv_targets: [empty_with_skills, demo.clone()],
            demo,
            checkin: checkin_workspace(),
            today: date(TODAY),
            sealed_texts,
            samples,
        }
    })
}

/// A program with a name and nothing else: the smallest valid workspace.
fn empty_program() -> Workspace {
    let mut ws = Workspace::default();
    ws.program.name = "Pilot".into();
    ws
}

fn date(text: &str) -> Date {
    Date::parse_iso(text).expect("a valid date")
}

/// The finished demo with two more rounds (a check-in and a closing
/// self-assessment) open to everyone in a pair, tokens from a fixed source.
fn checkin_workspace() -> Workspace {
    let mut ws = finished_demo_workspace();
    let people = invitees(&ws);
    let mut n = 0xC4EC_0000;
    let mut draw = || {
        n += 1;
        seeded_bytes(n)
    };
    for kind in [RoundKind::CheckIn, RoundKind::PostAssessment] {
        let round = new_round(&ws, kind, date(OPENS), date(CLOSES), &people, &mut draw);
        ws.sessions.rounds.push(round);
    }
    ws
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Seeds (`<kind>/`) and regressions (`regressions/<kind>/`), sorted by name.
fn load_corpus() -> Vec<Sample> {
    let mut samples = Vec::new();
    for kind in Kind::ALL {
        for folder in [
            kind.dir().to_string(),
            format!("regressions/{}", kind.dir()),
        ] {
            let Ok(entries) = fs::read_dir(corpus_dir().join(&folder)) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "md"))
                .collect();
            paths.sort();
            for path in paths {
                let file = path.file_name().unwrap().to_string_lossy();
                samples.push(Sample {
                    kind,
                    name: format!("{folder}/{file}"),
                    bytes: fs::read(&path).expect("a readable corpus file"),
                });
            }
        }
    }
    samples
}

// -------------------------------------------------------------- the runner ---

/// A small, fast, seedable generator (xorshift64*): the same seed gives the
/// same cases on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(splitmix(seed) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A size that is usually small and sometimes large, up to `max`.
    fn size(&mut self, max: usize) -> usize {
        let bits = self.below(usize::BITS as usize - max.leading_zeros() as usize + 1);
        self.below((1usize << bits).min(max) + 1)
    }
}

fn splitmix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a: regression file names, and choices that must follow the input.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The seed of one case: each case can be rerun alone.
fn case_seed(run_seed: u64, kind: Kind, case: u64) -> u64 {
    splitmix(run_seed ^ fnv(kind.dir().as_bytes()) ^ splitmix(case))
}

/// How long to fuzz, from the environment.
struct Budget {
    seed: u64,
    cases: u64,
    until: Option<Instant>,
    /// `INVERSA_FUZZ_CASE`: run only this case (a replay).
    only: Option<u64>,
    /// `INVERSA_FUZZ_TRACE`: print each case before it runs, to find one
    /// that aborts the process (a stack overflow) or never ends.
    trace: bool,
}

impl Budget {
    fn from_env() -> Budget {
        let var = |name: &str| env::var(name).ok().filter(|v| !v.trim().is_empty());
        let number = |name: &str| {
            var(name).map(|v| {
                let v = v.trim().replace('_', "");
                let parsed = match v.strip_prefix("0x") {
                    Some(hex) => u64::from_str_radix(hex, 16),
                    None => v.parse(),
                };
                parsed.unwrap_or_else(|_| panic!("{name}={v} is not a whole number"))
            })
        };
        let seed = match var("INVERSA_FUZZ_SEED").as_deref() {
            Some("time") => SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(DEFAULT_SEED),
            _ => number("INVERSA_FUZZ_SEED").unwrap_or(DEFAULT_SEED),
        };
        let seconds = number("INVERSA_FUZZ_SECONDS");
        Budget {
            seed,
            cases: number("INVERSA_FUZZ_CASES").unwrap_or(if seconds.is_some() {
                u64::MAX
            } else {
                DEFAULT_CASES
            }),
            until: seconds.map(|s| Instant::now() + Duration::from_secs(s)),
            only: number("INVERSA_FUZZ_CASE"),
            trace: var("INVERSA_FUZZ_TRACE").is_some(),
        }
    }

    /// The cases to run, in order; the time budget is checked before each.
    fn cases(&self) -> std::ops::Range<u64> {
        match self.only {
            Some(case) => case..case + 1,
            None => 0..self.cases,
        }
    }

    fn out_of_time(&self) -> bool {
        self.until.is_some_and(|end| Instant::now() >= end)
    }
}

/// Where an input came from, for the failure message.
enum Origin {
    Corpus(String),
    Case {
        seed: u64,
        case: u64,
        steps: Vec<String>,
    },
}

/// Keeps the failing input as a regression and stops with how to replay it.
fn fail(kind: Kind, input: &[u8], why: &str, origin: &Origin) -> ! {
    let (kept, how) = match origin {
        Origin::Corpus(name) => (format!("tests/corpus/{name}"), String::new()),
        Origin::Case { seed, case, steps } => {
            let name = format!("regressions/{}/{:016x}", kind.dir(), fnv(input));
            let path = corpus_dir().join(&name);
            let written = fs::create_dir_all(path.parent().unwrap())
                .and_then(|()| fs::write(&path, input))
                .map(|()| format!("tests/corpus/{name}"))
                .unwrap_or_else(|e| format!("(could not be written to {}: {e})", path.display()));
            let how = format!(
                "\nthis case alone: INVERSA_FUZZ_SEED={seed:#x} INVERSA_FUZZ_CASE={case} \
                 cargo test --test fuzz {}\nhow it was made: {}",
                kind.test_name(),
                steps.join(", ")
            );
            (written, how)
        }
    };
    panic!(
        "{kind:?} input of {} bytes fails: {why}\ninput kept in {kept}; \
         `cargo test --test fuzz corpus_and_regressions` replays it{how}",
        input.len()
    );
}

/// Counts what the parser made of the cases.
#[derive(Default)]
struct Tally {
    cases: u64,
    accepted: u64,
    refused: u64,
}

/// Fuzzes one kind within the budget: a quarter arbitrary bytes, the rest
/// mutated corpus files.
fn fuzz(kind: Kind) -> Tally {
    let fx = fixtures();
    let budget = Budget::from_env();
    let seeds: Vec<&Sample> = fx.samples.iter().filter(|s| s.kind == kind).collect();
    // Half the mutations start from an accepted seed, so enough of them are
    // still accepted for the checks that follow acceptance.
    let good: Vec<&Sample> = seeds
        .iter()
        .copied()
        .filter(|s| s.name.starts_with(&format!("{}/ok-", kind.dir())))
        .collect();
    assert!(!good.is_empty(), "no corpus for {kind:?}: regenerate it");
    let others: Vec<&[u8]> = fx.samples.iter().map(|s| s.bytes.as_slice()).collect();
    let started = Instant::now();
    let mut tally = Tally::default();
    for case in budget.cases() {
        if budget.out_of_time() {
            break;
        }
        let mut rng = Rng::new(case_seed(budget.seed, kind, case));
        let mut steps = Vec::new();
        let input = if rng.chance(4) {
            steps.push("arbitrary bytes".to_string());
            arbitrary(&mut rng, kind)
        } else {
            let seed = if rng.chance(2) {
                rng.pick(&good)
            } else {
                rng.pick(&seeds)
            };
            steps.push(format!("from {}", seed.name));
            mutate(&mut rng, kind, fx, &seed.bytes, &others, &mut steps)
        };
        let deep = rng.chance(DEEP_ONE_IN);
        if budget.trace {
            eprintln!(
                "{kind:?} case {case} ({} bytes): {}",
                input.len(),
                steps.join(", ")
            );
        }
        match run_case(kind, fx, &input, deep) {
            Ok(Seen::Accepted) => tally.accepted += 1,
            Ok(Seen::Refused) => tally.refused += 1,
            Err(why) => fail(
                kind,
                &input,
                &why,
                &Origin::Case {
                    seed: budget.seed,
                    case,
                    steps,
                },
            ),
        }
        tally.cases += 1;
    }
    println!(
        "{kind:?}: {} cases in {:.1?} ({} accepted, {} refused), INVERSA_FUZZ_SEED={:#x}",
        tally.cases,
        started.elapsed(),
        tally.accepted,
        tally.refused,
        budget.seed
    );
    tally
}

/// Fuzzes `kind` and, on a full default-sized run, checks that the mutator
/// still reaches both outcomes (else it only knocks on the front door).
fn fuzz_reaching_both(kind: Kind) {
    let tally = fuzz(kind);
    if tally.cases >= DEFAULT_CASES {
        assert!(
            tally.accepted > 0 && tally.refused > 0,
            "{kind:?}: {} accepted, {} refused: the mutations no longer reach both",
            tally.accepted,
            tally.refused
        );
    }
}

#[test]
fn fuzz_json_import() {
    fuzz_reaching_both(Kind::Json);
}

#[test]
fn fuzz_stored_envelope() {
    fuzz_reaching_both(Kind::Stored);
}

#[test]
fn fuzz_csv_import() {
    fuzz_reaching_both(Kind::Csv);
}

#[test]
fn fuzz_encrypted_files() {
    fuzz_reaching_both(Kind::Encrypted);
}

#[test]
fn fuzz_checkin_links_and_answers() {
    fuzz_reaching_both(Kind::Checkin);
}

/// Every seed and every kept regression, with all the slow checks.
#[test]
fn corpus_and_regressions_replay() {
    let fx = fixtures();
    for sample in &fx.samples {
        if let Err(why) = run_case(sample.kind, fx, &sample.bytes, true) {
            fail(
                sample.kind,
                &sample.bytes,
                &why,
                &Origin::Corpus(sample.name.clone()),
            );
        }
    }
}

/// Seeds named `ok-…` are accepted and `bad-…` refused, so the corpus covers
/// both sides (for check-ins: a link when the name says `link`, else every
/// answer accepted); the corpus stays small.
#[test]
fn corpus_seeds_are_what_their_names_say() {
    let fx = fixtures();
    let problems = validate_workspace(&fx.checkin);
    assert!(problems.is_empty(), "check-in fixture: {problems:?}");
    let mut total = 0;
    for sample in fx
        .samples
        .iter()
        .filter(|s| !s.name.starts_with("regressions/"))
    {
        total += sample.bytes.len();
        let file = sample.name.rsplit('/').next().unwrap();
        let expected = match file.split('-').next() {
            Some("ok") => true,
            Some("bad") => false,
            _ => panic!("{}: seeds are named ok-… or bad-…", sample.name),
        };
        let accepted = match sample.kind {
            Kind::Json => import_bytes(&sample.bytes).is_ok(),
            Kind::Stored => decode_stored(&String::from_utf8_lossy(&sample.bytes)).is_ok(),
            Kind::Csv => sniff(&sample.bytes).is_ok_and(|sheet| {
                let mapping = suggest_mapping(&sheet);
                let import = read_rows(&sheet, &mapping, &fx.csv_targets[0], Lang::En, || {
                    seeded_bytes(1)
                });
                import.mapping_problems.is_empty()
                    && import.errors.is_empty()
                    && import.duplicates.is_empty()
                    && !import.valid.is_empty()
            }),
            Kind::Encrypted => decrypt(&sample.bytes, PASSPHRASE)
                .is_ok_and(|plain| import_bytes(plain.as_bytes()).is_ok()),
            Kind::Checkin => {
                let text = String::from_utf8_lossy(&sample.bytes).into_owned();
                if file.contains("link") {
                    parse_link(&text).is_ok()
                } else {
                    let import = read_responses(&fx.checkin, &[("seed".into(), text)], fx.today);
                    !import.accepted.is_empty() && import.rejected.is_empty()
                }
            }
        };
        assert_eq!(accepted, expected, "{}", sample.name);
    }
    assert!(total < 300 * 1024, "the seeds take {total} bytes");
    for kind in Kind::ALL {
        let count = |prefix: &str| {
            fx.samples
                .iter()
                .filter(|s| {
                    s.kind == kind && s.name.starts_with(&format!("{}/{prefix}", kind.dir()))
                })
                .count()
        };
        assert!(count("ok-") > 0 && count("bad-") > 0, "{kind:?} seeds");
    }
}

#[test]
fn the_same_seed_makes_the_same_cases() {
    let fx = fixtures();
    let others: Vec<&[u8]> = fx.samples.iter().map(|s| s.bytes.as_slice()).collect();
    for kind in Kind::ALL {
        let seed = &fx.samples.iter().find(|s| s.kind == kind).unwrap().bytes;
        let make = |case| {
            let mut rng = Rng::new(case_seed(DEFAULT_SEED, kind, case));
            let mut steps = Vec::new();
            let input = mutate(&mut rng, kind, fx, seed, &others, &mut steps);
            (input, arbitrary(&mut rng, kind), steps)
        };
        for case in 0..20 {
            assert_eq!(make(case), make(case), "{kind:?} case {case}");
        }
        assert_ne!(make(0), make(1), "{kind:?}: cases differ");
    }
}

// -------------------------------------------------------------- mutations ---

/// Bytes that often matter to these parsers.
const INTERESTING_BYTES: &[u8] =
    b"\0\x01\x7f\x80\xbf\xc3\xef\xfe\xff\"'\\{}[],:;\t\r\n|=-+.0159eE ";

/// Fragments spliced in whole.
const TOKENS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1e999",
    "-1e-999",
    "18446744073709551616",
    "-9223372036854775809",
    "0.1",
    "\"\"",
    "{}",
    "[]",
    "{\"a\":",
    "\\u0000",
    "\\ud800",
    "\\\"",
    "\u{feff}",
    "\u{2028}",
    "\u{0085}",
    "\u{202e}",
    "é",
    "👩🏽‍💻",
    "\r\n",
    "\n\n",
    "\"\n\"",
    "sep=;\n",
    "sep=|\r\n",
    "\"\"\"",
    ",,,,",
    ";;;",
    "\t\t",
    "INVERSA1.",
    "INVERSA2.",
    "INVERSA01.",
    "#checkin=",
    "checkin=",
    "> ",
    "\u{ad}",
    "\u{200b}",
    "\"format\":\"inversa\"",
    "\"format\":\"inversa-encrypted\"",
    "\"storage\":\"inversa\"",
    "\"version\":0",
    "\"version\":2",
    "PK\u{3}\u{4}",
    "%PDF",
];

/// Strings a field might hold to trip a parser or a rule.
const ODD_TEXTS: &[&str] = &[
    "",
    " ",
    "\u{0}",
    "\u{feff}",
    "\u{202e}evil",
    "a\u{0301}",
    "İstanbul",
    "ß",
    "👩🏽‍💻",
    "=1+1",
    "@SUM(A1)",
    "<b>x</b>",
    "2026-02-30",
    "2026-13-01",
    "0000-01-01",
    "9999-12-31",
    "31/12/2026",
    "-1",
    "NaN",
    "null",
    "mentee",
    "reverse_mentor",
    "Mentor inverso",
    "00000000-0000-4000-8000-000000000000",
    "a@b",
    "ANA@EXAMPLE.COM",
    " ana@example.com ",
    "\n\r\t",
    "Europe/Rome",
    "Mars/Olympus",
    "custom-x",
    "ai-tools",
    "skill:ai-tools",
    "offer:leadership",
    "mood",
    "must_have",
    "weekly",
    "10:00",
    "24:00",
];

/// Cells a spreadsheet might hold.
const ODD_CELLS: &[&str] = &[
    "",
    " ",
    "\"",
    "\"a\"\"b\"",
    "\"two\nlines\"",
    "\"a,b;c\td\"",
    "Mentee",
    "Reverse mentor",
    "Mentor inverso",
    "Directivo",
    "Dirigente",
    "mentor",
    "x@y",
    "ana@example.com",
    "ANA@example.com ",
    "AI tools (7)",
    "AI tools (0)",
    "AI tools (5/5)",
    "AI tools (high)",
    "Herramientas de IA (Imprescindible)",
    "Strumenti di IA (alta); Leadership",
    "Leadership (Must have), Excel",
    "31/02/2026",
    "29/02/2028",
    "2026-13-01",
    "1/1/1",
    "99999999999999999999",
    "-1",
    "0",
    "3.0",
    "Sí",
    "forse",
    "✓",
    "Europe/Rome",
    "Mars/Olympus",
    "en, es, it, xx, , ",
    "Videollamada, Carrier pigeon",
    "=HYPERLINK(\"x\")",
    "\u{feff}",
    "\r",
];

/// Random input of `kind`'s flavour: raw bytes, or text from its tokens.
fn arbitrary(rng: &mut Rng, kind: Kind) -> Vec<u8> {
    let len = rng.size(4096);
    match rng.below(3) {
        0 => (0..len).map(|_| rng.next() as u8).collect(),
        1 => (0..len).map(|_| *rng.pick(INTERESTING_BYTES)).collect(),
        _ => {
            let mut out = Vec::new();
            if kind == Kind::Checkin && rng.chance(2) {
                out.extend_from_slice(b"INVERSA1.");
                let json: Vec<u8> = (0..len / 8).map(|_| *rng.pick(INTERESTING_BYTES)).collect();
                out.extend_from_slice(base64url::encode(&json).as_bytes());
            }
            while out.len() < len {
                let piece = match rng.below(3) {
                    0 => rng.pick(TOKENS),
                    1 => rng.pick(ODD_TEXTS),
                    _ => rng.pick(ODD_CELLS),
                };
                out.extend_from_slice(piece.as_bytes());
            }
            out
        }
    }
}

/// A corpus file changed by one to a few stacked mutations (sometimes
/// many), each named in `steps`.
fn mutate(
    rng: &mut Rng,
    kind: Kind,
    fx: &Fixtures,
    seed: &[u8],
    others: &[&[u8]],
    steps: &mut Vec<String>,
) -> Vec<u8> {
    let mut data = seed.to_vec();
    let count = match rng.below(8) {
        0 => 2 + rng.below(14),
        1..=3 => 2 + rng.below(2),
        _ => 1,
    };
    for _ in 0..count {
        let structured = match (kind, rng.below(4)) {
            (_, 0) => None,
            (Kind::Csv, _) => mutate_csv(rng, &data),
            (Kind::Checkin, _) => mutate_checkin(rng, fx, &data),
            _ => mutate_json(rng, &data),
        };
        data = match structured {
            Some((changed, step)) => {
                steps.push(step);
                changed
            }
            None => {
                let (changed, step) = mutate_bytes(rng, &data, others);
                steps.push(step);
                changed
            }
        };
    }
    data
}

/// Mutations that know nothing of the format.
fn mutate_bytes(rng: &mut Rng, data: &[u8], others: &[&[u8]]) -> (Vec<u8>, String) {
    let mut out = data.to_vec();
    let len = out.len();
    let at = rng.below(len + 1);
    let step = match rng.below(9) {
        0 if len > 0 => {
            let i = rng.below(len);
            let bit = rng.below(8);
            out[i] ^= 1 << bit;
            format!("flip bit {bit} of byte {i}")
        }
        1 if len > 0 => {
            let i = rng.below(len);
            out[i] = *rng.pick(INTERESTING_BYTES);
            format!("set byte {i} to {:#04x}", out[i])
        }
        2 => {
            let extra: Vec<u8> = (0..1 + rng.below(8)).map(|_| rng.next() as u8).collect();
            out.splice(at..at, extra.iter().copied());
            format!("insert {} random bytes at {at}", extra.len())
        }
        3 => {
            let token = rng.pick(TOKENS);
            out.splice(at..at, token.bytes());
            format!("insert {token:?} at {at}")
        }
        4 if len > 0 => {
            let end = (at + 1 + rng.size(len)).min(len);
            let start = at.min(end);
            out.drain(start..end);
            format!("delete bytes {start}..{end}")
        }
        5 => {
            out.truncate(at);
            format!("truncate at {at}")
        }
        6 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.size(len - start)).min(len);
            let chunk = out[start..end].to_vec();
            let to = rng.below(len + 1);
            out.splice(to..to, chunk);
            format!("duplicate bytes {start}..{end} at {to}")
        }
        7 if len > 0 && rng.chance(2) => {
            let i = rng.below(len);
            let c = out[i];
            for b in &mut out {
                if *b == c {
                    *b = *rng.pick(INTERESTING_BYTES);
                }
            }
            format!("replace every {c:#04x}")
        }
        _ => {
            let other = rng.pick(others);
            let from = rng.below(other.len() + 1);
            out.truncate(at);
            out.extend_from_slice(&other[from..]);
            format!("splice at {at} with another file from {from}")
        }
    };
    (out, step)
}

/// Changes one value of a JSON document (type, extreme number, removal,
/// duplication, unknown key, a string from elsewhere in it), then writes it
/// compact or pretty, sometimes with a BOM. `None` when it is not JSON.
fn mutate_json(rng: &mut Rng, data: &[u8]) -> Option<(Vec<u8>, String)> {
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let mut value: Value = serde_json::from_slice(body).ok()?;
    let step = mutate_value(rng, &mut value);
    let mut out = if rng.chance(2) {
        serde_json::to_vec(&value).ok()?
    } else {
        serde_json::to_vec_pretty(&value).ok()?
    };
    if rng.chance(16) {
        out.splice(0..0, *b"\xEF\xBB\xBF");
    }
    Some((out, step))
}

/// Every node of a JSON document as a JSON pointer, with its value.
fn nodes(value: &Value) -> Vec<(String, &Value)> {
    fn walk<'a>(value: &'a Value, at: String, out: &mut Vec<(String, &'a Value)>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let key = key.replace('~', "~0").replace('/', "~1");
                    walk(child, format!("{at}/{key}"), out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
        out.push((at, value));
    }
    let mut out = Vec::new();
    walk(value, String::new(), &mut out);
    out
}

fn mutate_value(rng: &mut Rng, root: &mut Value) -> String {
    let all = nodes(root);
    let strings: Vec<String> = all
        .iter()
        .filter_map(|(_, v)| v.as_str().map(str::to_string))
        .collect();
    let of = |wanted: fn(&Value) -> bool| -> Vec<String> {
        all.iter()
            .filter(|(_, v)| wanted(v))
            .map(|(at, _)| at.clone())
            .collect()
    };
    let numbers = of(Value::is_number);
    let texts = of(Value::is_string);
    let arrays = of(|v| v.as_array().is_some_and(|a| !a.is_empty()));
    let objects = of(Value::is_object);
    let any: Vec<String> = all.iter().map(|(at, _)| at.clone()).collect();
    drop(all);
    let (at, new): (String, Option<Value>) = match rng.below(11) {
        0 if !numbers.is_empty() => (rng.pick(&numbers).clone(), Some(extreme_number(rng))),
        1 if !texts.is_empty() && !strings.is_empty() => {
            let mut copied = rng.pick(&strings).clone();
            match rng.below(3) {
                0 => copied = copied.to_uppercase(),
                1 => copied = format!(" {copied} "),
                _ => {}
            }
            (rng.pick(&texts).clone(), Some(Value::String(copied)))
        }
        2 if !texts.is_empty() => {
            let text = if rng.chance(8) {
                "x".repeat(rng.size(20_000))
            } else {
                rng.pick(ODD_TEXTS).to_string()
            };
            (rng.pick(&texts).clone(), Some(Value::String(text)))
        }
        3 if any.len() > 1 => (rng.pick(&any[..any.len() - 1]).clone(), None),
        4 if !arrays.is_empty() => {
            let at = rng.pick(&arrays).clone();
            let items = root.pointer_mut(&at).and_then(Value::as_array_mut).unwrap();
            let copy = items[rng.below(items.len())].clone();
            let to = rng.below(items.len() + 1);
            items.insert(to, copy);
            return format!("duplicate an entry of {at}");
        }
        5 if !objects.is_empty() => {
            let at = rng.pick(&objects).clone();
            let map = root
                .pointer_mut(&at)
                .and_then(Value::as_object_mut)
                .unwrap();
            let key = rng.pick(&["extra", "id", "version", "format", "", "__proto__"]);
            map.insert(key.to_string(), odd_value(rng, &strings));
            return format!("add key {key:?} to {at}");
        }
        // The next three often keep the document valid, so the checks on
        // accepted input get their share.
        6 if !numbers.is_empty() => {
            let at = rng.pick(&numbers).clone();
            let old = root.pointer(&at).and_then(Value::as_f64).unwrap_or(0.0);
            let new = match rng.below(4) {
                0 => json!(old + 1.0),
                1 => json!(old - 1.0),
                2 => json!(old * 10.0),
                _ => json!(old / 2.0),
            };
            (at, Some(new))
        }
        7 if !texts.is_empty() => {
            let at = rng.pick(&texts).clone();
            let old = root.pointer(&at).and_then(Value::as_str).unwrap_or("");
            let new = match rng.below(3) {
                0 => format!("{old} Zoë Ñúñez 日本語"),
                1 => old.chars().rev().collect(),
                _ => old.chars().take(old.chars().count() / 2).collect(),
            };
            (at, Some(Value::String(new)))
        }
        8 if !arrays.is_empty() => {
            let at = rng.pick(&arrays).clone();
            let items = root.pointer_mut(&at).and_then(Value::as_array_mut).unwrap();
            if rng.chance(2) {
                items.reverse();
                return format!("reverse {at}");
            }
            let gone = rng.below(items.len());
            items.remove(gone);
            return format!("remove {at}/{gone}");
        }
        9 => return "only rewrite the layout".into(),
        _ => (rng.pick(&any).clone(), Some(odd_value(rng, &strings))),
    };
    let step = match &new {
        Some(v) => format!("set {at} to {}", brief(v)),
        None => format!("remove {at}"),
    };
    match new {
        Some(v) => {
            if let Some(slot) = root.pointer_mut(&at) {
                *slot = v;
            }
        }
        None => {
            let (parent, key) = at.rsplit_once('/').unwrap();
            let key = key.replace("~1", "/").replace("~0", "~");
            match root.pointer_mut(parent) {
                Some(Value::Object(map)) => {
                    map.remove(&key);
                }
                Some(Value::Array(items)) => {
                    items.remove(key.parse::<usize>().unwrap());
                }
                _ => {}
            }
        }
    }
    step
}

fn extreme_number(rng: &mut Rng) -> Value {
    match rng.below(14) {
        0 => json!(u64::MAX),
        1 => json!(i64::MIN),
        2 => json!(0),
        3 => json!(-1),
        4 => json!(1),
        5 => json!(255),
        6 => json!(256),
        7 => json!(u64::from(u32::MAX) + 1),
        8 => json!((1u64 << 53) + 1),
        9 => json!(f64::MAX),
        10 => json!(-f64::MAX),
        11 => json!(f64::MIN_POSITIVE / 4.0),
        12 => json!(0.5),
        _ => json!(-0.0),
    }
}

/// A value of any type, often not the one expected.
fn odd_value(rng: &mut Rng, strings: &[String]) -> Value {
    match rng.below(11) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(2)),
        2 => extreme_number(rng),
        3 => Value::String(rng.pick(ODD_TEXTS).to_string()),
        4 => json!([]),
        5 => json!({}),
        6 => json!([1, "a", null, {}]),
        7 if !strings.is_empty() => Value::String(rng.pick(strings).clone()),
        8 => json!({"format": "inversa", "version": 1}),
        9 => {
            let mut nested = json!(1);
            for _ in 0..rng.size(200) {
                nested = json!([nested]);
            }
            nested
        }
        _ => json!(["a", "a"]),
    }
}

/// Changes a spreadsheet's cells and rows: an odd or copied cell, a row
/// repeated or dropped, a delimiter more or less, a `sep=` line.
fn mutate_csv(rng: &mut Rng, data: &[u8]) -> Option<(Vec<u8>, String)> {
    let text = std::str::from_utf8(data).ok()?;
    let cuts: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| matches!(c, ',' | ';' | '\t' | '|' | '\n'))
        .map(|(i, _)| i)
        .collect();
    let bounds: Vec<usize> = std::iter::once(0)
        .chain(cuts.iter().map(|i| i + 1))
        .chain([text.len()])
        .collect();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let (out, step) = match rng.below(6) {
        0 | 1 => {
            let i = rng.below(bounds.len() - 1);
            let (start, end) = (bounds[i], cuts.get(i).copied().unwrap_or(text.len()));
            let cell = if rng.chance(3) {
                let j = rng.below(bounds.len() - 1);
                let other = &text[bounds[j]..cuts.get(j).copied().unwrap_or(text.len())];
                other.trim_end_matches('\r').to_uppercase()
            } else {
                rng.pick(ODD_CELLS).to_string()
            };
            let out = format!("{}{cell}{}", &text[..start], &text[end.max(start)..]);
            (out, format!("set cell {i} to {cell:?}"))
        }
        2 if !lines.is_empty() => {
            let line = rng.pick(&lines).to_string();
            let to = rng.below(lines.len() + 1);
            let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            out.insert(to, line);
            (out.concat(), format!("repeat a row at row {to}"))
        }
        3 if lines.len() > 1 => {
            let drop = rng.below(lines.len());
            let out: String = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != drop)
                .map(|(_, l)| *l)
                .collect();
            (out, format!("drop row {drop}"))
        }
        4 if !cuts.is_empty() => {
            let at = *rng.pick(&cuts);
            let delimiter = text[at..].chars().next().unwrap();
            if rng.chance(2) && delimiter != '\n' {
                let out = format!("{}{}", &text[..at], &text[at + 1..]);
                (out, format!("drop the delimiter at {at}"))
            } else {
                let extra = *rng.pick(&[',', ';', '\t', '"']);
                let out = format!("{}{extra}{}", &text[..at], &text[at..]);
                (out, format!("insert {extra:?} at {at}"))
            }
        }
        _ => {
            let sep = *rng.pick(&["sep=;\n", "sep=,\r\n", "\"sep=\t\"\n", "SEP=|\n", "sep=\n"]);
            (format!("{sep}{text}"), format!("add the line {sep:?}"))
        }
    };
    Some((out.into_bytes(), step))
}

/// Mutates an answer (the JSON file, or the JSON inside a code) and, half
/// the time, signs it again with the token of the person it names, so the
/// checks behind the signature are reached too; or changes a link's JSON.
fn mutate_checkin(rng: &mut Rng, fx: &Fixtures, data: &[u8]) -> Option<(Vec<u8>, String)> {
    let text = std::str::from_utf8(data).ok()?;
    let resign = rng.chance(2);
    if text.trim_start().starts_with('{') {
        let mut value: Value = serde_json::from_str(text).ok()?;
        let mut step = mutate_value(rng, &mut value);
        if resign && sign_again(fx, &mut value) {
            step.push_str(", signed again");
        }
        return Some((serde_json::to_vec_pretty(&value).ok()?, step));
    }
    // A code (`INVERSA1.<base64url>`) or a link (`#checkin=<base64url>`).
    let markers = ["INVERSA1.", "checkin="];
    let (start, marker) = markers
        .iter()
        .filter_map(|m| text.find(m).map(|i| (i + m.len(), *m)))
        .min()?;
    let len = text[start..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        .count();
    let mut value: Value =
        serde_json::from_slice(&base64url::decode(&text.as_bytes()[start..start + len])?).ok()?;
    let mut step = format!("inside {marker}: {}", mutate_value(rng, &mut value));
    if resign && marker == "INVERSA1." && sign_again(fx, &mut value) {
        step.push_str(", signed again");
    }
    let encoded = base64url::encode(value.to_string().as_bytes());
    let out = format!("{}{encoded}{}", &text[..start], &text[start + len..]);
    Some((out.into_bytes(), step))
}

/// Writes the signature an answer would have if its person had signed it,
/// following the canonical form in `io::checkin`'s documentation. `false`
/// when the answer has no such person or cannot be signed as it stands.
fn sign_again(fx: &Fixtures, answer: &mut Value) -> bool {
    let text = |key: &str| answer.get(key).and_then(Value::as_str);
    let (Some(round), Some(person), Some(on)) =
        (text("round"), text("participant"), text("answered_on"))
    else {
        return false;
    };
    let token = fx
        .checkin
        .sessions
        .rounds
        .iter()
        .filter(|r| r.id.as_str() == round)
        .flat_map(|r| &r.invitations)
        .find(|i| i.participant.as_str() == person)
        .map(|i| i.token);
    let (Some(token), Some(items)) = (token, answer.get("answers").and_then(Value::as_array))
    else {
        return false;
    };
    let mut message = Vec::new();
    let mut ns = |field: &[u8]| {
        message.extend_from_slice(format!("{}:", field.len()).as_bytes());
        message.extend_from_slice(field);
        message.push(b',');
    };
    for field in ["inversa-response", "1", round, person, on] {
        ns(field.as_bytes());
    }
    ns(items.len().to_string().as_bytes());
    for item in items {
        let Some(question) = item.get("question").and_then(Value::as_str) else {
            return false;
        };
        ns(question.as_bytes());
        match item.get("value") {
            Some(Value::String(text)) => {
                ns(b"t");
                ns(text.as_bytes());
            }
            Some(number) if number.as_u64().is_some() => {
                ns(b"n");
                ns(number.as_u64().unwrap().to_string().as_bytes());
            }
            _ => return false,
        }
    }
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&token.0).unwrap();
    mac.update(&message);
    let signature: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    answer["signature"] = Value::String(signature);
    true
}

// -------------------------------------------------------------- the corpus ---

/// Rewrites every seed file (regressions are left alone):
/// `cargo test --test fuzz -- --ignored regenerate_corpus`.
#[test]
#[ignore = "writes tests/corpus; run by hand after a format change"]
fn regenerate_corpus() {
    for (kind, name, bytes) in seeds() {
        let path = corpus_dir().join(kind.dir()).join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
    }
}

/// Every seed: `(kind, file name, bytes)`.
fn seeds() -> Vec<(Kind, &'static str, Vec<u8>)> {
    let mut out = Vec::new();
    out.extend(json_seeds().into_iter().map(|(n, b)| (Kind::Json, n, b)));
    out.extend(
        stored_seeds()
            .into_iter()
            .map(|(n, b)| (Kind::Stored, n, b)),
    );
    out.extend(csv_seeds().into_iter().map(|(n, b)| (Kind::Csv, n, b)));
    out.extend(
        encrypted_seeds()
            .into_iter()
            .map(|(n, b)| (Kind::Encrypted, n, b)),
    );
    out.extend(
        checkin_seeds()
            .into_iter()
            .map(|(n, b)| (Kind::Checkin, n, b)),
    );
    out
}

const EXAMPLE: &str = include_str!("../docs/example-v1.json");

/// The documented example (every section filled), as JSON to edit.
fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(value).unwrap();
    out.push(b'\n');
    out
}

/// The example as the v0 draft wrote it (see `io::migrate`).
fn example_v0() -> Value {
    let mut v0 = example();
    v0["version"] = json!(0);
    let top = v0.as_object_mut().unwrap();
    let skills = top.remove("skills").unwrap();
    top.insert("custom_skills".into(), skills);
    for person in v0["participants"].as_array_mut().unwrap() {
        let person = person.as_object_mut().unwrap();
        if let Some(manager) = person.remove("manager_id") {
            person.insert("manager".into(), manager);
        }
        for wanted in person["skills_wanted"].as_array_mut().unwrap() {
            if wanted["priority"] == "important" {
                *wanted = wanted["skill"].clone();
            }
        }
    }
    v0
}

/// UTF-16LE with a byte-order mark.
fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

/// The finished demo cut down to a few pairs, one of them with a leaver, so
/// every section is there in a few kilobytes.
fn small_finished_demo() -> Workspace {
    let mut ws = finished_demo_workspace();
    let leavers: Vec<_> = ws
        .impact
        .leavers
        .iter()
        .map(|l| l.participant.clone())
        .collect();
    let with_leaver =
        |pair: &&Pair| leavers.contains(&pair.mentor) || leavers.contains(&pair.mentee);
    let pairs = &ws.pairing.pairs;
    let mut keep = Vec::new();
    for pair in pairs
        .first()
        .into_iter()
        .chain(pairs.iter().find(with_leaver))
    {
        keep.extend([pair.mentor.clone(), pair.mentee.clone()]);
    }
    let gone: Vec<_> = ws
        .participants
        .iter()
        .filter(|p| !keep.contains(&p.id))
        .map(|p| p.id.clone())
        .collect();
    for id in gone {
        ws.remove_participant(&id);
    }
    // The first sessions of each pair: held, cancelled and rescheduled ones.
    let mut seen: Vec<PairKey> = Vec::new();
    ws.sessions.sessions.retain(|session| {
        seen.push(session.pair.clone());
        seen.iter().filter(|key| **key == session.pair).count() <= 4
    });
    ws
}

fn json_seeds() -> Vec<(&'static str, Vec<u8>)> {
    let empty = export_json(&empty_program(), STAMP);
    let mut named = Workspace::default();
    named.program.name = "Programa piloto — año 1".into();
    let crlf = format!(
        "\u{feff}{}",
        export_json(&named, STAMP).replace('\n', "\r\n")
    );
    let mut wrong_types = example();
    wrong_types["program"]["name"] = json!(5);
    wrong_types["program"]["session_minutes"] = json!("thirty");
    wrong_types["participants"][0]["email"] = Value::Null;
    wrong_types["participants"][1]["skills_offered"][0]["level"] = json!("high");
    wrong_types["pairing"]["pairs"] = json!({});
    let empty_value: Value = serde_json::from_str(&empty).unwrap();
    let mut newer = empty_value.clone();
    newer["version"] = json!(2);
    let mut nested = example();
    let mut deep = json!("bottom");
    for _ in 0..100 {
        deep = json!([deep]);
    }
    nested["program"]["description"] = deep;
    let too_deep = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
    let huge = EXAMPLE
        .replacen(
            "\"session_minutes\": 30",
            "\"session_minutes\": 18446744073709551616",
            1,
        )
        .replacen(
            "\"min_score\": 30",
            "\"min_score\": -9223372036854775809",
            1,
        )
        .replacen(
            "\"circle_size\": 5",
            "\"circle_size\": 1.7976931348623157e308",
            1,
        )
        .replacen("\"reverse\": 5", "\"reverse\": 5e-324", 1);
    assert_ne!(huge, EXAMPLE);
    let out_of_range = empty.replacen("\"session_minutes\": 30", "\"session_minutes\": 1e400", 1);
    assert_ne!(out_of_range, empty);
    let mut references = example();
    let first_email = references["participants"][0]["email"].clone();
    references["participants"][1]["email"] = first_email;
    references["pairing"]["pairs"][0]["mentor_id"] = json!("00000000-0000-4000-8000-000000000000");
    let truncated = &EXAMPLE.as_bytes()[..EXAMPLE.len() * 3 / 5];
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&empty.as_bytes()[..64]);
    vec![
        ("ok-empty-program.json", empty.clone().into_bytes()),
        (
            "ok-demo.json",
            export_json(&demo_workspace(), STAMP).into_bytes(),
        ),
        (
            "ok-finished-demo.json",
            export_json(&small_finished_demo(), STAMP).into_bytes(),
        ),
        ("ok-every-section.json", EXAMPLE.as_bytes().to_vec()),
        ("ok-v0-draft.json", pretty(&example_v0())),
        ("ok-bom-crlf.json", crlf.into_bytes()),
        ("bad-truncated.json", truncated.to_vec()),
        ("bad-wrong-types.json", pretty(&wrong_types)),
        ("bad-newer-version.json", pretty(&newer)),
        ("bad-deeply-nested.json", nested.to_string().into_bytes()),
        ("bad-too-deep.json", too_deep.into_bytes()),
        ("bad-huge-numbers.json", huge.into_bytes()),
        ("bad-number-out-of-range.json", out_of_range.into_bytes()),
        ("bad-utf16.json", utf16le(&empty)),
        (
            "bad-not-inversa.json",
            b"{\"name\": \"Another app\", \"items\": []}\n".to_vec(),
        ),
        ("bad-duplicate-email-unknown-id.json", pretty(&references)),
        ("bad-png-renamed.json", png),
    ]
}

fn envelope(document: Value) -> Value {
    json!({"storage": "inversa", "schema": 1, "revision": 7, "demo": false,
           "saved_at": STAMP, "document": document})
}

fn stored_seeds() -> Vec<(&'static str, Vec<u8>)> {
    let stored = |workspace: Workspace, demo: bool| {
        encode_stored(&Stored {
            workspace,
            demo,
            revision: 3,
            saved_at: STAMP.into(),
        })
    };
    let demo = stored(demo_workspace(), true);
    let small: Value = serde_json::from_str(&export_json(&empty_program(), STAMP)).unwrap();
    let mut newer = envelope(small.clone());
    newer["schema"] = json!(2);
    let mut missing = envelope(small.clone());
    missing.as_object_mut().unwrap().remove("document");
    let mut wrong_types = envelope(small.clone());
    wrong_types["revision"] = json!("7");
    wrong_types["demo"] = json!("yes");
    wrong_types["saved_at"] = json!(20260910);
    let every = envelope(example()).to_string().into_bytes();
    let mut invalid = example();
    invalid["participants"][1]["email"] = invalid["participants"][0]["email"].clone();
    vec![
        ("ok-demo.json", demo.clone().into_bytes()),
        (
            "ok-empty-program.json",
            stored(empty_program(), false).into_bytes(),
        ),
        ("ok-every-section.json", every.clone()),
        (
            "ok-v0-document.json",
            envelope(example_v0()).to_string().into_bytes(),
        ),
        ("bad-newer-schema.json", newer.to_string().into_bytes()),
        (
            "bad-missing-document.json",
            missing.to_string().into_bytes(),
        ),
        ("bad-wrong-types.json", wrong_types.to_string().into_bytes()),
        ("bad-truncated.json", every[..every.len() * 2 / 3].to_vec()),
        (
            "bad-invalid-document.json",
            envelope(invalid).to_string().into_bytes(),
        ),
        ("bad-plain-export.json", pretty(&small)),
    ]
}

fn csv_seeds() -> Vec<(&'static str, Vec<u8>)> {
    let english = "Name,Email,Role,Department,Job title,Years of experience,Languages,\
        Skills offered,Skills wanted,Interests,Channels,Capacity,Active,Consent date,Time zone,Notes\n\
        Ana Ruiz,ana.ruiz@example.com,Reverse mentor,Marketing,Analyst,3,\"en, es\",\
        \"AI tools (5), Social media (4)\",Leadership (Must have),\"cycling, photography\",\
        \"Video call, In person\",2,Yes,2026-09-07,Europe/Madrid,\n\
        Tom Baker,tom.baker@example.com,Mentee,Sales,Sales director,22,en,Negotiation (5),\
        AI tools (Important),golf,Phone,,Yes,2026-09-01,Europe/London,\"Prefers mornings, not Fridays\"\n";
    let spanish = "sep=;\r\n\
        Nombre;Apellidos;Correo electrónico;Rol;Departamento;Puesto;Años de experiencia;Idiomas;\
        Competencias que ofrece;Competencias que quiere aprender;Intereses;Canales;Activo;\
        Fecha de consentimiento;Notas\r\n\
        Lucía;Martín Gómez;Lucia.Martin@Example.com;Mentor inverso;Marketing;Analista;2;\
        Español, Inglés;Herramientas de IA (5), Redes sociales (4);Liderazgo (Imprescindible);\
        Ciclismo, fotografía;Videollamada, En persona;Sí;07/09/2026;\"Prefiere martes;\nno viernes\"\r\n\
        Carlos;Ferrer;carlos.ferrer@example.com;Directivo;Ventas;Director comercial;25;es;\
        Negociación (5);Comercio electrónico (Deseable);;Teléfono;No;2026-09-01;\r\n";
    let italian = "Nome\tCognome\tEmail\tRuolo\tReparto\tMansione\tLingue\tCompetenze offerte\t\
        Competenze da imparare\tAttivo\n\
        Giulia\tRossi\tgiulia.rossi@example.com\tMentore inverso\tLogistica\tAnalista\tit, en\t\
        Strumenti di IA (4)\tLeadership (alta)\tSì\n\
        Marco\tBianchi\tmarco.bianchi@example.com\tDirigente\tAcquisti\tResponsabile acquisti\tit\t\
        Negoziazione (5)\tSocial media (gradita)\tSì\n";
    let quoted = "\"Name\",\"Email\",\"Role\",\"Notes\"\r\n\
        \"Bea \"\"Bee\"\" Ortiz\",\"bea@example.com\",\"Mentee\",\"Line one\r\nline two, with a comma\"\r\n\
        \"Dan\",\"dan@example.com\",\"Reverse mentor\",\"\"\r\n";
    let bad_rows = "Name,Email,Role,Skills offered,Skills wanted,Languages,Active,Consent date,\
        Years of experience,Capacity,Time zone,Channels\n\
        Ana,ana@example.com,Astronaut,AI tools (9),Knitting (Must have),xx,maybe,31/02/2026,-3,lots,Mars/Olympus,Carrier pigeon\n\
        ,not-an-email,Mentee,,,,,,,,,\n\
        Bea,bea@example.com,Mentee\n\
        Bea twin,BEA@example.com,Mentee,,,,,,,,,\n";
    let mut windows_1252 = b"Nombre;Correo;Rol\r\nAna Mu\xf1oz;ana@example.com;Mentee\r\n".to_vec();
    windows_1252.extend_from_slice(b"Jos\xe9;jose@example.com;Directivo\r\n");
    let export = csv_export::participants(&demo_workspace(), Lang::Es, Headers::Localized);
    vec![
        ("ok-comma-english.csv", english.as_bytes().to_vec()),
        (
            "ok-semicolon-spanish-sep-line.csv",
            spanish.as_bytes().to_vec(),
        ),
        ("ok-tab-italian.csv", italian.as_bytes().to_vec()),
        (
            "ok-bom-crlf.csv",
            format!("\u{feff}{}", english.replace('\n', "\r\n")).into_bytes(),
        ),
        ("ok-quoted-newlines.csv", quoted.as_bytes().to_vec()),
        ("ok-utf16-tab.csv", utf16le(&italian.replace('\n', "\r\n"))),
        (
            "ok-pipe-sep-line.csv",
            format!("sep=|\n{}", quoted.replace("\",\"", "\"|\"")).into_bytes(),
        ),
        ("ok-exported-demo-spanish.csv", export.into_bytes()),
        ("bad-rows.csv", bad_rows.as_bytes().to_vec()),
        ("bad-windows-1252.csv", windows_1252),
        (
            "bad-xlsx.csv",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec(),
        ),
        ("bad-only-sep-line.csv", b"sep=;\r\n;;\r\n".to_vec()),
        (
            "bad-no-email-column.csv",
            b"Name;Role\nAna;Mentee\n".to_vec(),
        ),
    ]
}

fn encrypted_seeds() -> Vec<(&'static str, Vec<u8>)> {
    let seal = |plain: &str, n: u8| {
        encrypt(
            plain,
            PASSPHRASE,
            [n; SALT_LEN],
            [n + 1; NONCE_LEN],
            FAST_KDF,
        )
        .unwrap()
    };
    let small = export_json(&empty_program(), STAMP);
    let empty = seal(&small, 1);
    let every_section = seal(EXAMPLE, 3);
    let envelope: Value = serde_json::from_str(&empty).unwrap();
    let edited = |edit: &dyn Fn(&mut Value)| {
        let mut value = envelope.clone();
        edit(&mut value);
        value.to_string().into_bytes()
    };
    let mut tampered = empty.clone().into_bytes();
    let data_at = empty.find("\"data\":\"").unwrap() + 12;
    tampered[data_at] = if tampered[data_at] == b'A' {
        b'B'
    } else {
        b'A'
    };
    vec![
        ("ok-empty-program.json", empty.clone().into_bytes()),
        ("ok-every-section.json", every_section.into_bytes()),
        (
            "ok-bom-reindented.json",
            format!("\u{feff}{}", String::from_utf8(pretty(&envelope)).unwrap()).into_bytes(),
        ),
        (
            "bad-truncated.json",
            empty.as_bytes()[..empty.len() * 2 / 3].to_vec(),
        ),
        (
            "bad-newer-version.json",
            edited(&|v| v["version"] = json!(2)),
        ),
        (
            "bad-costs-out-of-bounds.json",
            edited(&|v| v["kdf"]["m_kib"] = json!(1)),
        ),
        (
            "bad-unknown-field.json",
            edited(&|v| v["kdf"]["pepper"] = json!("x")),
        ),
        (
            "bad-wrong-types.json",
            edited(&|v| {
                v["kdf"]["salt"] = json!(5);
                v["cipher"]["nonce"] = Value::Null;
                v["data"] = json!(["AAAA"]);
            }),
        ),
        ("bad-tampered-data.json", tampered),
        ("bad-plain-export.json", small.into_bytes()),
    ]
}

/// Valid answers to every question `round` asks `person`.
fn answers_for(ws: &Workspace, round: &CheckinRound, person: usize) -> SignedResponse {
    let invitation = &round.invitations[person];
    let payload = parse_link(&link_fragment(ws, round, invitation)).unwrap();
    let answers = payload
        .questions
        .iter()
        .map(|q| Answer {
            question: q.id.clone(),
            value: match q.kind {
                QuestionKind::Scale => AnswerValue::Scale(4),
                QuestionKind::Percent => AnswerValue::Percent(60),
                QuestionKind::Text { .. } => {
                    AnswerValue::Text("Va bene — «grazie»\n¡Seguimos! 👍".into())
                }
            },
        })
        .collect();
    sign_response(&payload, answers, date(ANSWERED)).unwrap()
}

/// A code as a mail client might deliver it: wrapped, then quoted.
fn in_mail(code: &str, quote: &str) -> String {
    let lines: Vec<String> = code
        .as_bytes()
        .chunks(76)
        .map(|chunk| format!("{quote}{}", String::from_utf8_lossy(chunk)))
        .collect();
    format!(
        "{quote}Hi,\n{quote}\n{quote}my answer:\n{}\n{quote}\n{quote}Thanks,\n{quote}Ana\n",
        lines.join("\n")
    )
}

fn checkin_seeds() -> Vec<(&'static str, Vec<u8>)> {
    let ws = checkin_workspace();
    let rounds = &ws.sessions.rounds;
    let checkin = &rounds[rounds.len() - 2];
    let closing = &rounds[rounds.len() - 1];
    let link = |round: &CheckinRound, person: usize| {
        format!("#{}", link_fragment(&ws, round, &round.invitations[person]))
    };
    let first = answers_for(&ws, checkin, 0);
    let second = answers_for(&ws, closing, 1);
    let mut tampered: Value = serde_json::from_str(&first.to_json()).unwrap();
    tampered["answers"][0]["value"] = json!(1);
    let mut late = first.clone();
    late.answered_on = date("2026-09-25");
    let late = {
        let mut value: Value = serde_json::from_str(&late.to_json()).unwrap();
        sign_again(fixtures(), &mut value);
        value
    };
    let newer_link = format!(
        "#checkin={}",
        base64url::encode(json!({"v": 2, "program": "Next"}).to_string().as_bytes())
    );
    let full_link = link(checkin, 2);
    let two_codes = format!(
        "{}\n\n{}",
        in_mail(&first.to_code(), "> "),
        in_mail(&second.to_code(), ">> ").replace("my answer", "my\u{ad} answer")
    );
    vec![
        ("ok-link-checkin.txt", link(checkin, 0).into_bytes()),
        ("ok-link-closing-round.txt", link(closing, 1).into_bytes()),
        ("ok-answer-file.json", first.to_json().into_bytes()),
        (
            "ok-answer-code-in-mail.txt",
            in_mail(&second.to_code(), "").into_bytes(),
        ),
        ("ok-two-quoted-codes.txt", two_codes.into_bytes()),
        (
            "bad-link-truncated.txt",
            full_link.as_bytes()[..full_link.len() / 2].to_vec(),
        ),
        ("bad-link-newer.txt", newer_link.into_bytes()),
        ("bad-answer-tampered.json", pretty(&tampered)),
        ("bad-answer-after-closing.json", pretty(&late)),
        (
            "bad-answer-repeated.txt",
            format!("{}\n\n{}\n", first.to_code(), first.to_code()).into_bytes(),
        ),
        (
            "bad-not-an-answer.json",
            b"{\"format\": \"inversa\", \"version\": 1}".to_vec(),
        ),
    ]
}
