//! Check-ins without a server: the personal link a participant opens, and the
//! signed answer they send back by email.
//!
//! # The link
//!
//! `https://…/#checkin=<payload>` where `<payload>` is the unpadded base64url
//! ([RFC 4648 §5]) of a compact JSON object. Being in the URL *fragment*, it
//! never reaches any server, not even the one hosting the page.
//!
//! ```json
//! {"v":1,"program":"Vellora Mentoring","round":"<uuid>","kind":"checkin",
//!  "opens":"2026-03-01","closes":"2026-03-15","participant":"<uuid>",
//!  "name":"Ana","lang":"es","questions":["going","mood","progress","comment"],
//!  "skills":{"custom-cold-chain":"Cold-chain logistics"},"token":"<32 hex>"}
//! ```
//!
//! `kind` is `checkin`, `pre-assessment` or `post-assessment`; `questions` are
//! question ids (see `domain::sessions::checkin`: `skill:<id>` and
//! `offer:<id>` rate a skill wanted or offered, `satisfaction`, `applied` and
//! `recommend` are the post-program survey); `skills` names the program's own
//! skills asked about (default skills are labelled by the page itself);
//! `token` is the person's secret. Unknown keys are ignored; a `v`
//! above [`LINK_VERSION`] is refused as newer.
//!
//! # The answer
//!
//! ```json
//! {"format":"inversa-response","version":1,"round":"<uuid>","participant":"<uuid>",
//!  "answered_on":"2026-03-04","answers":[{"question":"mood","value":4},
//!  {"question":"comment","value":"…"}],"signature":"<64 hex>"}
//! ```
//!
//! Numbers answer scale and percent questions, strings answer text questions.
//! It travels as a `.json` file or as a code, `INVERSA1.` followed by the
//! base64url of the compact JSON: letters, digits, `-`, `_` and one `.`, which
//! email clients neither mangle nor break a line at. Reading a code ignores
//! whitespace, line breaks and `>` quote marks that mail clients add; a code
//! ends at a blank line or at the next code, and a few lines of text right
//! after it (a signature) are dropped when the code reads without them.
//!
//! # The signature
//!
//! `signature` is the lowercase hex HMAC-SHA-256, keyed by the 16 token bytes,
//! of this byte string, where `ns(x)` is a netstring (`<length of x in bytes,
//! decimal>:<x>,`) so no field can bleed into the next:
//!
//! ```text
//! ns("inversa-response") ns("1") ns(round) ns(participant) ns(answered_on)
//! ns(<number of answers, decimal>)
//! then for each answer, in file order: ns(question) ns("n" | "t") ns(value)
//! ```
//!
//! ids are lowercase as written in the file, `answered_on` is `YYYY-MM-DD`,
//! `"n"` marks a number (written in decimal, no leading zeros) and `"t"` a text
//! (its exact UTF-8 bytes). Reading is strict, so every valid answer has one
//! spelling: ids and hex must be lowercase, base64url must carry no padding or
//! stray bits, no other field is allowed (any change bumps `version`).
//!
//! [RFC 4648 §5]: https://www.rfc-editor.org/rfc/rfc4648#section-5

use hmac::{Hmac, Mac};
use serde::Serialize;
use serde_json::{Map, Value, json};
use sha2::Sha256;

use crate::domain::date::Date;
use crate::domain::ids::{ParticipantId, RoundId};
use crate::domain::participants::{Participant, Role};
pub use crate::domain::sessions::checkin::{
    AnswerProblem, AnswerProblemKind, Question, QuestionKind, apply_responses,
};
use crate::domain::sessions::checkin::{
    first_name, has_response, preferred_lang, question_for, questions, validate_answers,
};
use crate::domain::sessions::model::{
    Answer, AnswerValue, CheckinRound, Invitation, Response, RoundKind, Token,
};
use crate::domain::skills::{Lang, SkillId, default_skill};
use crate::domain::text::slug;
use crate::domain::workspace::Workspace;

/// The fragment key: links end in `#checkin=<payload>`.
pub const LINK_KEY: &str = "checkin";
/// The link layout this build writes, and the newest it reads.
pub const LINK_VERSION: u64 = 1;
/// Links are a few hundred characters; anything far longer is not ours.
pub const MAX_LINK_CHARS: usize = 16 * 1024;

pub const RESPONSE_FORMAT: &str = "inversa-response";
/// The answer format this build writes, and the newest it reads.
pub const RESPONSE_VERSION: u64 = 1;
/// Codes start with this, then the version and a dot: `INVERSA1.`.
pub const CODE_MARKER: &str = "INVERSA";
/// One answer file or code: a full answer is a few kilobytes at most.
pub const MAX_RESPONSE_BYTES: usize = 64 * 1024;
/// One pasted text or picked file, which may hold many codes.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;
const MAX_ANSWERS: usize = 256;
/// Lines of text after a code, without a blank line between, that reading
/// will drop to find the code.
const MAX_TRAILING_LINES: usize = 8;
const MAX_QUESTION_ID_CHARS: usize = 100;

const RESPONSE_FIELDS: [&str; 7] = [
    "format",
    "version",
    "round",
    "participant",
    "answered_on",
    "answers",
    "signature",
];

/// The spelling of a round kind in links.
pub fn kind_code(kind: RoundKind) -> &'static str {
    match kind {
        RoundKind::CheckIn => "checkin",
        RoundKind::PreAssessment => "pre-assessment",
        RoundKind::PostAssessment => "post-assessment",
    }
}

fn parse_kind(code: &str) -> Option<RoundKind> {
    RoundKind::ALL.into_iter().find(|k| kind_code(*k) == code)
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Es => "es",
        Lang::It => "it",
    }
}

fn parse_lang(code: &str) -> Option<Lang> {
    [Lang::En, Lang::Es, Lang::It]
        .into_iter()
        .find(|l| lang_code(*l) == code)
}

// ---------------------------------------------------------------- the link

/// What a participant's page knows, all from their link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkPayload {
    pub program_name: String,
    pub round: RoundId,
    pub kind: RoundKind,
    pub opens: Date,
    pub closes: Date,
    pub participant: ParticipantId,
    pub first_name: String,
    pub lang: Lang,
    pub questions: Vec<Question>,
    /// Names of the program's own skills asked about, as the coordinator typed them.
    pub skill_names: Vec<(SkillId, String)>,
    pub token: Token,
}

/// Why a round cannot be answered today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkClosed {
    /// Opens on this day.
    NotYet(Date),
    /// Closed after this day.
    Expired(Date),
}

impl LinkPayload {
    /// Whether answers can be given `today` (both ends of the window count).
    pub fn is_open(&self, today: Date) -> Result<(), LinkClosed> {
        if today < self.opens {
            Err(LinkClosed::NotYet(self.opens))
        } else if today > self.closes {
            Err(LinkClosed::Expired(self.closes))
        } else {
            Ok(())
        }
    }

    /// How a skill question's skill is named on the form: the catalogue's
    /// label in the page language, the coordinator's name for their own
    /// skills, the raw id as a last resort.
    pub fn skill_label(&self, skill: &SkillId) -> String {
        if let Some(known) = default_skill(skill.as_str()) {
            return known.label(self.lang).to_string();
        }
        self.skill_names
            .iter()
            .find(|(id, _)| id == skill)
            .map(|(_, name)| name.clone())
            .unwrap_or_else(|| skill.to_string())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Cut, altered or not a check-in link at all.
    Malformed,
    /// Made by a newer version of Inversa than this page.
    NewerVersion(u64),
    /// Asks a question this page does not know (a newer page made it).
    UnknownQuestion(String),
}

/// Everything `invitation`'s person needs for `round`. A person no longer in
/// the workspace gets the questions anyone would, without a name.
pub fn link_payload(ws: &Workspace, round: &CheckinRound, invitation: &Invitation) -> LinkPayload {
    let blank = Participant::new(invitation.participant.clone(), Role::Mentee);
    let person = ws.participant(&invitation.participant).unwrap_or(&blank);
    let asked = questions(round.kind, person);
    // Wanted and offered questions alike; a skill on both sides is named once.
    let mut skill_names: Vec<(SkillId, String)> = Vec::new();
    for (_, skill) in asked.iter().filter_map(Question::rated_skill) {
        let custom = ws.catalogue.custom.iter().find(|c| c.id == skill);
        if let Some(custom) = custom
            && !skill_names.iter().any(|(id, _)| *id == skill)
        {
            skill_names.push((skill, custom.name.clone()));
        }
    }
    LinkPayload {
        program_name: ws.program.name.clone(),
        round: round.id.clone(),
        kind: round.kind,
        opens: round.opens,
        closes: round.closes,
        participant: invitation.participant.clone(),
        first_name: first_name(person),
        lang: preferred_lang(person),
        questions: asked,
        skill_names,
        token: invitation.token,
    }
}

/// The fragment (without `#`) of a link: `checkin=<payload>`.
pub fn encode_link(payload: &LinkPayload) -> String {
    let skills: Map<String, Value> = payload
        .skill_names
        .iter()
        .map(|(id, name)| (id.to_string(), Value::from(name.as_str())))
        .collect();
    let questions: Vec<&str> = payload.questions.iter().map(|q| q.id.as_str()).collect();
    let value = json!({
        "v": LINK_VERSION,
        "program": payload.program_name,
        "round": payload.round.as_str(),
        "kind": kind_code(payload.kind),
        "opens": payload.opens.to_string(),
        "closes": payload.closes.to_string(),
        "participant": payload.participant.as_str(),
        "name": payload.first_name,
        "lang": lang_code(payload.lang),
        "questions": questions,
        "skills": skills,
        "token": payload.token.to_hex(),
    });
    format!(
        "{LINK_KEY}={}",
        base64url::encode(value.to_string().as_bytes())
    )
}

/// The fragment of `invitation`'s personal link to `round`.
pub fn link_fragment(ws: &Workspace, round: &CheckinRound, invitation: &Invitation) -> String {
    encode_link(&link_payload(ws, round, invitation))
}

/// Reads a link fragment (with or without the leading `#`).
pub fn parse_link(fragment: &str) -> Result<LinkPayload, LinkError> {
    let fragment = fragment.trim();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LINK_CHARS {
        return Err(LinkError::Malformed);
    }
    let encoded = fragment
        .strip_prefix(LINK_KEY)
        .and_then(|rest| rest.strip_prefix('='))
        .ok_or(LinkError::Malformed)?;
    let bytes = base64url::decode(encoded.as_bytes()).ok_or(LinkError::Malformed)?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|_| LinkError::Malformed)?;
    let map = value.as_object().ok_or(LinkError::Malformed)?;
    match map.get("v").and_then(Value::as_u64) {
        Some(LINK_VERSION) => {}
        Some(v) if v > LINK_VERSION => return Err(LinkError::NewerVersion(v)),
        _ => return Err(LinkError::Malformed),
    }
    let text = |key: &str| {
        map.get(key)
            .and_then(Value::as_str)
            .ok_or(LinkError::Malformed)
    };
    let date = |key: &str| Date::parse_iso(text(key)?).ok_or(LinkError::Malformed);
    let kind = parse_kind(text("kind")?).ok_or(LinkError::Malformed)?;
    let mut asked: Vec<Question> = Vec::new();
    for id in map
        .get("questions")
        .and_then(Value::as_array)
        .ok_or(LinkError::Malformed)?
    {
        let id = id.as_str().ok_or(LinkError::Malformed)?;
        let question =
            question_for(kind, id).ok_or_else(|| LinkError::UnknownQuestion(id.to_string()))?;
        if asked.iter().any(|q| q.id == question.id) {
            return Err(LinkError::Malformed);
        }
        asked.push(question);
    }
    let mut skill_names = Vec::new();
    if let Some(skills) = map.get("skills") {
        for (id, name) in skills.as_object().ok_or(LinkError::Malformed)? {
            let id = SkillId::parse(id).ok_or(LinkError::Malformed)?;
            let name = name.as_str().ok_or(LinkError::Malformed)?;
            skill_names.push((id, name.to_string()));
        }
    }
    let payload = LinkPayload {
        program_name: text("program")?.to_string(),
        round: RoundId::parse(text("round")?).ok_or(LinkError::Malformed)?,
        kind,
        opens: date("opens")?,
        closes: date("closes")?,
        participant: ParticipantId::parse(text("participant")?).ok_or(LinkError::Malformed)?,
        first_name: text("name")?.to_string(),
        lang: parse_lang(text("lang")?).ok_or(LinkError::Malformed)?,
        questions: asked,
        skill_names,
        token: Token::from_hex(text("token")?).ok_or(LinkError::Malformed)?,
    };
    if payload.closes < payload.opens {
        return Err(LinkError::Malformed);
    }
    Ok(payload)
}

// ------------------------------------------------------ signing an answer

/// An answer value as it travels: numbers and texts, typed by the question.
#[derive(Clone, Debug, PartialEq, Eq)]
enum WireValue {
    Number(u64),
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct WireAnswer {
    question: String,
    value: WireValue,
}

impl WireAnswer {
    fn from_answer(answer: &Answer) -> WireAnswer {
        let value = match &answer.value {
            AnswerValue::Scale(v) | AnswerValue::Percent(v) => WireValue::Number(u64::from(*v)),
            AnswerValue::Text(text) => WireValue::Text(text.clone()),
        };
        WireAnswer {
            question: answer.question.clone(),
            value,
        }
    }
}

fn netstring(out: &mut Vec<u8>, field: &[u8]) {
    out.extend_from_slice(field.len().to_string().as_bytes());
    out.push(b':');
    out.extend_from_slice(field);
    out.push(b',');
}

/// The signed byte string (see the module documentation).
fn canonical_bytes(
    round: &RoundId,
    participant: &ParticipantId,
    answered_on: Date,
    answers: &[WireAnswer],
) -> Vec<u8> {
    let mut out = Vec::new();
    netstring(&mut out, RESPONSE_FORMAT.as_bytes());
    netstring(&mut out, RESPONSE_VERSION.to_string().as_bytes());
    netstring(&mut out, round.as_str().as_bytes());
    netstring(&mut out, participant.as_str().as_bytes());
    netstring(&mut out, answered_on.to_string().as_bytes());
    netstring(&mut out, answers.len().to_string().as_bytes());
    for answer in answers {
        netstring(&mut out, answer.question.as_bytes());
        match &answer.value {
            WireValue::Number(n) => {
                netstring(&mut out, b"n");
                netstring(&mut out, n.to_string().as_bytes());
            }
            WireValue::Text(text) => {
                netstring(&mut out, b"t");
                netstring(&mut out, text.as_bytes());
            }
        }
    }
    out
}

fn mac(token: Token, message: &[u8]) -> Hmac<Sha256> {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(&token.0).expect("HMAC accepts keys of any length");
    mac.update(message);
    mac
}

/// A participant's answers, signed with their token, ready to send back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedResponse {
    pub round: RoundId,
    pub participant: ParticipantId,
    pub answered_on: Date,
    pub answers: Vec<Answer>,
    pub signature: [u8; 32],
}

#[derive(Serialize)]
struct ResponseJson<'a> {
    format: &'a str,
    version: u64,
    round: &'a str,
    participant: &'a str,
    answered_on: String,
    answers: Vec<AnswerJson<'a>>,
    signature: String,
}

#[derive(Serialize)]
struct AnswerJson<'a> {
    question: &'a str,
    value: ValueJson<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ValueJson<'a> {
    Number(u8),
    Text(&'a str),
}

impl SignedResponse {
    fn wire_answers(&self) -> Vec<WireAnswer> {
        self.answers.iter().map(WireAnswer::from_answer).collect()
    }

    fn json_value(&self) -> ResponseJson<'_> {
        ResponseJson {
            format: RESPONSE_FORMAT,
            version: RESPONSE_VERSION,
            round: self.round.as_str(),
            participant: self.participant.as_str(),
            answered_on: self.answered_on.to_string(),
            answers: self
                .answers
                .iter()
                .map(|a| AnswerJson {
                    question: &a.question,
                    value: match &a.value {
                        AnswerValue::Scale(v) | AnswerValue::Percent(v) => ValueJson::Number(*v),
                        AnswerValue::Text(text) => ValueJson::Text(text),
                    },
                })
                .collect(),
            signature: hex(&self.signature),
        }
    }

    /// The answer file: indented, so a participant can read what they send.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.json_value()).expect("plain data always serializes")
    }

    /// The paste-able code: `INVERSA1.` and the base64url of the compact JSON.
    pub fn to_code(&self) -> String {
        let compact =
            serde_json::to_string(&self.json_value()).expect("plain data always serializes");
        format!(
            "{CODE_MARKER}{RESPONSE_VERSION}.{}",
            base64url::encode(compact.as_bytes())
        )
    }

    /// Whether the signature is `token`'s over these very answers (constant time).
    pub fn verify(&self, token: Token) -> bool {
        let message = canonical_bytes(
            &self.round,
            &self.participant,
            self.answered_on,
            &self.wire_answers(),
        );
        mac(token, &message).verify_slice(&self.signature).is_ok()
    }
}

/// Checks a participant's answers against their questions and signs them.
/// Text answers are trimmed and blank ones dropped (a skipped comment is no
/// answer). Every problem is returned at once.
pub fn sign_response(
    payload: &LinkPayload,
    answers: Vec<Answer>,
    answered_on: Date,
) -> Result<SignedResponse, Vec<AnswerProblem>> {
    let answers: Vec<Answer> = answers
        .into_iter()
        .filter_map(|answer| match answer.value {
            AnswerValue::Text(text) => {
                let text = text.trim();
                (!text.is_empty()).then(|| Answer {
                    question: answer.question,
                    value: AnswerValue::Text(text.to_string()),
                })
            }
            _ => Some(answer),
        })
        .collect();
    let problems = validate_answers(&payload.questions, &answers);
    if !problems.is_empty() {
        return Err(problems);
    }
    let wire: Vec<WireAnswer> = answers.iter().map(WireAnswer::from_answer).collect();
    let message = canonical_bytes(&payload.round, &payload.participant, answered_on, &wire);
    let signature = mac(payload.token, &message).finalize().into_bytes().into();
    Ok(SignedResponse {
        round: payload.round.clone(),
        participant: payload.participant.clone(),
        answered_on,
        answers,
        signature,
    })
}

/// `inversa-checkin-ana-2026-03-04.json`: the kind, who, when.
pub fn response_file_name(payload: &LinkPayload, answered_on: Date) -> String {
    let name = slug(&payload.first_name);
    // `slug` falls back to "program" for names it cannot spell in ASCII.
    let who = if name == "program" && !payload.first_name.trim().eq_ignore_ascii_case("program") {
        String::new()
    } else {
        format!("{name}-")
    };
    format!(
        "inversa-{}-{who}{answered_on}.json",
        kind_code(payload.kind)
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Strict lowercase hex of exactly 32 bytes.
fn parse_signature(text: &str) -> Option<[u8; 32]> {
    let bytes = text.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let digit = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = digit(bytes[2 * i])? << 4 | digit(bytes[2 * i + 1])?;
    }
    Some(out)
}

// ---------------------------------------------------- importing answers

/// The outcome of reading answer files and pasted codes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResponseImport {
    /// Verified answers, ready for [`apply_responses`].
    pub accepted: Vec<Response>,
    pub rejected: Vec<Rejected>,
}

/// An answer that was not accepted, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The label the caller gave the input (a file name, "pasted code 2").
    pub source: String,
    /// Which code of that input, counting from 1, when it held several.
    pub position: Option<usize>,
    /// Who the answer says it is from, once it could be read and belongs to
    /// one of our rounds. Unverified when the reason is `Tampered`.
    pub participant: Option<ParticipantId>,
    pub reason: RejectReason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RejectReason {
    Malformed(MalformedDetail),
    /// Larger than any answer could be ([`MAX_RESPONSE_BYTES`], [`MAX_INPUT_BYTES`]).
    TooLarge,
    /// Made by a newer version of Inversa.
    NewerVersion(u64),
    /// Not for any round of this program.
    UnknownRound,
    /// The round exists but this person was not asked in it.
    NotInvited,
    /// The signature does not match: changed on the way, or not signed with
    /// the person's own link.
    Tampered,
    /// This person's answer to this round is already kept, or came earlier in
    /// the same batch.
    Duplicate,
    /// Answered after the round closed on this day.
    Expired(Date),
    /// Answered before the round opened on this day.
    NotYetOpen(Date),
    InvalidAnswers(Vec<AnswerProblem>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MalformedDetail {
    /// Neither a code nor a JSON file.
    NothingFound,
    /// A code with characters or a length base64url cannot have (often cut).
    Encoding,
    /// Not valid JSON (often a cut code or file).
    Json,
    /// JSON, but not an Inversa answer.
    NotAResponse,
    /// This field is missing, unexpected or has the wrong shape (`answers[2].value`).
    Field(String),
}

/// Reads answer files and pasted codes. Each input is `(label, text)`; one
/// text may hold several codes or one JSON file. Signatures are checked with
/// the token of the person the answer names, so an answer signed with anyone
/// else's link is refused; the round window is judged on `answered_on`;
/// accepted answers get `imported_on = today`. Never panics, whatever the input.
pub fn read_responses(ws: &Workspace, inputs: &[(String, String)], today: Date) -> ResponseImport {
    let mut import = ResponseImport::default();
    for (source, text) in inputs {
        let pieces = split_input(text);
        let several = pieces.len() > 1;
        for (i, piece) in pieces.into_iter().enumerate() {
            let judged = piece.and_then(|value| judge(ws, &value, &import.accepted, today));
            match judged {
                Ok(response) => import.accepted.push(response),
                Err((reason, participant)) => import.rejected.push(Rejected {
                    source: source.clone(),
                    position: several.then_some(i + 1),
                    participant,
                    reason,
                }),
            }
        }
    }
    import
}

type Judged<T> = Result<T, (RejectReason, Option<ParticipantId>)>;

fn reject<T>(reason: RejectReason) -> Judged<T> {
    Err((reason, None))
}

fn malformed<T>(detail: MalformedDetail) -> Judged<T> {
    reject(RejectReason::Malformed(detail))
}

/// One input cut into candidate answers, each parsed as JSON.
fn split_input(text: &str) -> Vec<Judged<Value>> {
    if text.len() > MAX_INPUT_BYTES {
        return vec![reject(RejectReason::TooLarge)];
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        if trimmed.len() > MAX_RESPONSE_BYTES {
            return vec![reject(RejectReason::TooLarge)];
        }
        return vec![parse_json(trimmed.as_bytes())];
    }
    let starts = code_starts(text);
    if starts.is_empty() {
        return vec![malformed(MalformedDetail::NothingFound)];
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            read_code(&text[start + CODE_MARKER.len()..end])
        })
        .collect()
}

/// Byte offsets of `INVERSA<digit>` (ASCII, so always char boundaries).
fn code_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let marker = CODE_MARKER.as_bytes();
    (0..bytes.len())
        .filter(|&i| {
            bytes[i..].starts_with(marker)
                && bytes
                    .get(i + marker.len())
                    .is_some_and(|b| b.is_ascii_digit())
        })
        .collect()
}

/// A code after its marker: `<version>.<base64url>`, possibly broken over lines.
fn read_code(rest: &str) -> Judged<Value> {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let Some(body) = rest[digits..].strip_prefix('.') else {
        return malformed(MalformedDetail::Encoding);
    };
    let version = &rest[..digits];
    if version.starts_with('0') {
        return malformed(MalformedDetail::Encoding); // one spelling: no leading zeros
    }
    match version.parse::<u64>() {
        Ok(RESPONSE_VERSION) => {}
        Ok(v) if v > RESPONSE_VERSION => return reject(RejectReason::NewerVersion(v)),
        _ => return malformed(MalformedDetail::Encoding),
    }
    let mut payload: Vec<u8> = Vec::new();
    // Where each line's characters end, to retry without trailing lines.
    let mut line_ends: Vec<usize> = Vec::new();
    for (n, line) in body.split('\n').enumerate() {
        // Mail clients quote replies with `>`; the marker line has none.
        let line = if n == 0 {
            line
        } else {
            line.trim_start_matches(|c: char| c == '>' || c.is_whitespace())
        };
        let before = payload.len();
        let mut buffer = [0u8; 4];
        for c in line.chars().filter(|c| !inserted_by_mail(*c)) {
            payload.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
        }
        if payload.len() == before && !payload.is_empty() {
            break; // a blank line ends the code
        }
        if payload.len() > before {
            line_ends.push(payload.len());
        }
        if payload.len() > MAX_RESPONSE_BYTES * 4 / 3 + 4 {
            return reject(RejectReason::TooLarge);
        }
    }
    let whole = decode_code(&payload);
    if whole.is_ok() {
        return whole;
    }
    // A signature or greeting on the lines right after the code ("Thanks,
    // Ana"): the code is then the longest run of whole lines that reads.
    line_ends
        .iter()
        .rev()
        .skip(1)
        .take(MAX_TRAILING_LINES)
        .map(|&end| decode_code(&payload[..end]))
        .find(Result::is_ok)
        .unwrap_or(whole)
}

fn decode_code(payload: &[u8]) -> Judged<Value> {
    let Some(bytes) = base64url::decode(payload) else {
        return malformed(MalformedDetail::Encoding);
    };
    parse_json(&bytes)
}

/// Characters mail clients add when they wrap or reflow a long word:
/// whitespace of any kind, zero-width spaces and joiners, soft hyphens.
fn inserted_by_mail(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        )
}

fn parse_json(bytes: &[u8]) -> Judged<Value> {
    serde_json::from_slice(bytes).or_else(|_| malformed(MalformedDetail::Json))
}

/// An answer as read, before it is matched to a round.
struct WireResponse {
    round: RoundId,
    participant: ParticipantId,
    answered_on: Date,
    answers: Vec<WireAnswer>,
    signature: [u8; 32],
}

/// Strict reading: every field present, nothing else, one spelling each.
fn decode_response(value: &Value) -> Judged<WireResponse> {
    let field = |path: &str| malformed(MalformedDetail::Field(path.to_string()));
    let Value::Object(map) = value else {
        return malformed(MalformedDetail::NotAResponse);
    };
    if map.get("format").and_then(Value::as_str) != Some(RESPONSE_FORMAT) {
        return malformed(MalformedDetail::NotAResponse);
    }
    match map.get("version").and_then(Value::as_u64) {
        Some(RESPONSE_VERSION) => {}
        Some(v) if v > RESPONSE_VERSION => return reject(RejectReason::NewerVersion(v)),
        _ => return field("version"),
    }
    if let Some(extra) = map.keys().find(|k| !RESPONSE_FIELDS.contains(&k.as_str())) {
        return field(extra);
    }
    let text = |key: &str| map.get(key).and_then(Value::as_str);
    // Ids must already be in their one lowercase spelling.
    let Some(round) = text("round").and_then(|t| RoundId::parse(t).filter(|id| id.as_str() == t))
    else {
        return field("round");
    };
    let Some(participant) =
        text("participant").and_then(|t| ParticipantId::parse(t).filter(|id| id.as_str() == t))
    else {
        return field("participant");
    };
    let Some(answered_on) = text("answered_on").and_then(Date::parse_iso) else {
        return field("answered_on");
    };
    let Some(signature) = text("signature").and_then(parse_signature) else {
        return field("signature");
    };
    let Some(list) = map.get("answers").and_then(Value::as_array) else {
        return field("answers");
    };
    if list.len() > MAX_ANSWERS {
        return reject(RejectReason::TooLarge);
    }
    let mut answers = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let Some(item) = item.as_object() else {
            return field(&format!("answers[{i}]"));
        };
        if let Some(extra) = item.keys().find(|k| *k != "question" && *k != "value") {
            return field(&format!("answers[{i}].{extra}"));
        }
        let Some(question) = item
            .get("question")
            .and_then(Value::as_str)
            .filter(|q| !q.is_empty() && q.chars().count() <= MAX_QUESTION_ID_CHARS)
        else {
            return field(&format!("answers[{i}].question"));
        };
        let value = match item.get("value") {
            Some(Value::String(text)) => WireValue::Text(text.clone()),
            Some(number) => match number.as_u64() {
                Some(n) => WireValue::Number(n),
                None => return field(&format!("answers[{i}].value")),
            },
            None => return field(&format!("answers[{i}].value")),
        };
        answers.push(WireAnswer {
            question: question.to_string(),
            value,
        });
    }
    Ok(WireResponse {
        round,
        participant,
        answered_on,
        answers,
        signature,
    })
}

/// From a read answer to a kept one, or the first reason it cannot be.
fn judge(ws: &Workspace, value: &Value, accepted: &[Response], today: Date) -> Judged<Response> {
    let wire = decode_response(value)?;
    let Some(round) = ws.sessions.rounds.iter().find(|r| r.id == wire.round) else {
        return reject(RejectReason::UnknownRound);
    };
    let who = Some(wire.participant.clone());
    let fail = |reason| Err((reason, who.clone()));
    let Some(invitation) = round
        .invitations
        .iter()
        .find(|i| i.participant == wire.participant)
    else {
        return fail(RejectReason::NotInvited);
    };
    let message = canonical_bytes(
        &wire.round,
        &wire.participant,
        wire.answered_on,
        &wire.answers,
    );
    if mac(invitation.token, &message)
        .verify_slice(&wire.signature)
        .is_err()
    {
        return fail(RejectReason::Tampered);
    }
    let seen = |r: &Response| r.round == wire.round && r.participant == wire.participant;
    if has_response(&ws.sessions, &wire.round, &wire.participant) || accepted.iter().any(seen) {
        return fail(RejectReason::Duplicate);
    }
    if wire.answered_on < round.opens {
        return fail(RejectReason::NotYetOpen(round.opens));
    }
    if wire.answered_on > round.closes {
        return fail(RejectReason::Expired(round.closes));
    }
    // Judged by the round's question plan rather than the person's skills
    // today: their skills may have changed since the link was sent.
    let mut asked = ws
        .participant(&wire.participant)
        .map(|person| questions(round.kind, person))
        .unwrap_or_default();
    let answers: Vec<Answer> = wire
        .answers
        .into_iter()
        .map(|answer| {
            let known = asked.iter().find(|q| q.id == answer.question).cloned();
            let question = known.or_else(|| {
                let question = question_for(round.kind, &answer.question)?;
                asked.push(question.clone());
                Some(question)
            });
            Answer {
                value: typed(question.map(|q| q.kind), answer.value),
                question: answer.question,
            }
        })
        .collect();
    let problems = validate_answers(&asked, &answers);
    if !problems.is_empty() {
        return fail(RejectReason::InvalidAnswers(problems));
    }
    Ok(Response {
        round: wire.round,
        participant: wire.participant,
        answered_on: wire.answered_on,
        imported_on: today,
        answers,
    })
}

/// Types a wire value by its question; numbers too large for a `u8` become
/// 255, which every range refuses.
fn typed(kind: Option<QuestionKind>, value: WireValue) -> AnswerValue {
    match value {
        WireValue::Text(text) => AnswerValue::Text(text),
        WireValue::Number(n) => {
            let n = u8::try_from(n).unwrap_or(u8::MAX);
            match kind {
                Some(QuestionKind::Percent) => AnswerValue::Percent(n),
                _ => AnswerValue::Scale(n),
            }
        }
    }
}

/// Unpadded base64url (RFC 4648 §5). Decoding is strict — alphabet only, no
/// padding, unused bits zero — so each byte string has exactly one code.
pub mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
            let n = (b(0) << 16) | (b(1) << 8) | b(2);
            for i in 0..=chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            }
        }
        out
    }

    fn value(c: u8) -> Option<u32> {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        Some(u32::from(v))
    }

    pub fn decode(text: &[u8]) -> Option<Vec<u8>> {
        if text.len() % 4 == 1 {
            return None;
        }
        let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
        for chunk in text.chunks(4) {
            let mut n = 0u32;
            for (i, &c) in chunk.iter().enumerate() {
                n |= value(c)? << (18 - 6 * i);
            }
            let bytes = chunk.len() - 1;
            let unused_bits = match bytes {
                1 => 0xffff,
                2 => 0xff,
                _ => 0,
            };
            if n & unused_bits != 0 {
                return None;
            }
            out.extend_from_slice(&n.to_be_bytes()[1..=bytes]);
        }
        Some(out)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn rfc_4648_vectors_and_url_alphabet() {
            let cases: [(&[u8], &str); 9] = [
                (b"", ""),
                (b"f", "Zg"),
                (b"fo", "Zm8"),
                (b"foo", "Zm9v"),
                (b"foob", "Zm9vYg"),
                (b"fooba", "Zm9vYmE"),
                (b"foobar", "Zm9vYmFy"),
                (&[0xfb, 0xff], "-_8"),
                (&[0xff, 0xff, 0xfe], "___-"),
            ];
            for (bytes, text) in cases {
                assert_eq!(encode(bytes), text);
                assert_eq!(decode(text.as_bytes()).as_deref(), Some(bytes), "{text}");
            }
        }

        #[test]
        fn decoding_is_strict() {
            for text in ["Z", "Zh", "Zm9", "Zm9v=", "Zm+v", "Zm/v", "Zm9 v", "Zm9vY"] {
                assert_eq!(decode(text.as_bytes()), None, "{text}");
            }
        }

        #[test]
        fn every_length_round_trips() {
            let data: Vec<u8> = (0..=255).collect();
            for len in 0..data.len() {
                assert_eq!(
                    decode(encode(&data[..len]).as_bytes()).as_deref(),
                    Some(&data[..len])
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_bytes_are_netstrings() {
        let round = RoundId::from_random_bytes([1; 16]);
        let participant = ParticipantId::from_random_bytes([2; 16]);
        let answers = [
            WireAnswer {
                question: "mood".into(),
                value: WireValue::Number(4),
            },
            WireAnswer {
                question: "comment".into(),
                value: WireValue::Text("ñ,1:".into()),
            },
        ];
        let bytes = canonical_bytes(
            &round,
            &participant,
            Date::parse_iso("2026-03-04").unwrap(),
            &answers,
        );
        let expected = format!(
            "16:inversa-response,1:1,36:{round},36:{participant},10:2026-03-04,1:2,\
             4:mood,1:n,1:4,7:comment,1:t,5:ñ,1:,"
        );
        assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    }

    #[test]
    fn signatures_parse_only_in_lowercase_hex() {
        let sig = [0xabu8; 32];
        assert_eq!(parse_signature(&hex(&sig)), Some(sig));
        assert_eq!(parse_signature(&hex(&sig).to_uppercase()), None);
        assert_eq!(parse_signature(&hex(&sig[..31])), None);
        assert_eq!(parse_signature(&"é".repeat(32)), None);
    }
}
