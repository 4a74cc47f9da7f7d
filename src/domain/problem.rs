//! Problems found in data, each with the place it was found.
//!
//! Validation and import never stop at the first problem: a coordinator fixing
//! a file wants the whole list at once. Kinds are data, not sentences, so the
//! UI can word them in each language; `Display` gives the English wording used
//! in logs and tests.

use std::fmt;

use super::participants::Role;

/// Where a problem is, in file-format terms: `participants[3].email`.
/// Indexes are 0-based, as in the JSON array.
pub type Path = String;

/// The JSON type found where another was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

/// What kind of value a field needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    Number,
    WholeNumber,
    Bool,
    List,
    Object,
    /// `YYYY-MM-DD`
    Date,
    /// A UUID
    Id,
    /// `HH:MM`
    Time,
}

/// What a binary file looks like, to say "this is a PNG image" rather than
/// "invalid UTF-8".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryKind {
    Png,
    Jpeg,
    Gif,
    Pdf,
    Zip,
    Unknown,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    // Whole-file problems (path is empty).
    /// The file is bigger than the import limit.
    TooLarge {
        bytes: u64,
        max: u64,
    },
    EmptyFile,
    /// Not text at all (an image or archive renamed to .json).
    NotText {
        looks_like: BinaryKind,
    },
    /// Text, but not JSON; position is 1-based line and column.
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON that stops before its end (a truncated download or copy).
    Truncated {
        line: usize,
        column: usize,
    },
    /// Valid JSON but not an Inversa file (no `"format": "inversa"`).
    NotInversaFile,
    /// Made by a newer Inversa than this one.
    NewerVersion {
        found: u64,
        supported: u64,
    },
    /// A version number this app never produced.
    UnknownVersion {
        found: String,
    },

    // Field problems.
    Missing,
    WrongType {
        expected: Expected,
        found: JsonType,
    },
    Required,
    TooLong {
        max: usize,
    },
    NotAnEmail,
    /// Same email (ignoring case) as the participant at `first`.
    DuplicateEmail {
        first: Path,
    },
    DuplicateId {
        id: String,
    },
    InvalidId {
        value: String,
    },
    InvalidDate {
        value: String,
    },
    /// `allowed` lists the accepted spellings.
    UnknownValue {
        value: String,
        allowed: Vec<&'static str>,
    },
    OutOfRange {
        min: f64,
        max: f64,
    },
    NotFinite,
    /// Refers to a participant that is not in the file.
    UnknownParticipant {
        id: String,
    },
    UnknownSkill {
        id: String,
    },
    /// The skill appears twice in the same list.
    DuplicateSkill {
        id: String,
    },
    SelfManager,
    /// Following managers from here comes back to this person.
    ManagerCycle,
    InvalidLanguage {
        value: String,
    },
    EndBeforeStart,
    TargetEqualsBaseline,
    DuplicateName {
        name: String,
    },
    /// The same entry as the one at `first`, in the same list.
    DuplicateEntry {
        first: Path,
    },
    /// A pair names participant `id`, whose role does not fit that side of
    /// the pair (the mentor side must be a reverse mentor, the mentee side a
    /// mentee).
    WrongRole {
        id: String,
        expected: Role,
    },
    /// The mentee already has an accepted pair, at `first`.
    MenteeAlreadyPaired {
        first: Path,
    },
    /// A forbidden pair that is also locked.
    LockedAndForbidden,
    /// A person on their own never-pair list.
    NeverPairSelf,
    /// Not a 24-hour `HH:MM` time.
    InvalidTime {
        value: String,
    },
    /// A check-in token that is not 32 hexadecimal digits. The value is a
    /// secret, so it is not repeated.
    InvalidToken,
    /// Not shaped like an IANA time-zone name (`Europe/Madrid`).
    InvalidTimeZone {
        value: String,
    },
    /// Refers to an objective that is not in the program.
    UnknownObjective {
        id: String,
    },
    /// Refers to a goal that is not in the agreement of the same pair.
    UnknownGoal {
        id: String,
    },
    /// Refers to a check-in round that does not exist.
    UnknownRound {
        id: String,
    },
    /// An answer from participant `id`, whom the round did not invite.
    NotInvited {
        id: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: Path,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(path: impl Into<Path>, kind: ProblemKind) -> Problem {
        Problem {
            path: path.into(),
            kind,
        }
    }

    pub fn whole_file(kind: ProblemKind) -> Problem {
        Problem {
            path: String::new(),
            kind,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JsonType::Null => "null",
            JsonType::Bool => "true/false",
            JsonType::Number => "a number",
            JsonType::String => "text",
            JsonType::Array => "a list",
            JsonType::Object => "an object",
        })
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::Text => "text",
            Expected::Number => "a number",
            Expected::WholeNumber => "a whole number",
            Expected::Bool => "true or false",
            Expected::List => "a list",
            Expected::Object => "an object",
            Expected::Date => "a date (YYYY-MM-DD)",
            Expected::Id => "an id (UUID)",
            Expected::Time => "a time (HH:MM)",
        })
    }
}

impl fmt::Display for BinaryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BinaryKind::Png => "a PNG image",
            BinaryKind::Jpeg => "a JPEG image",
            BinaryKind::Gif => "a GIF image",
            BinaryKind::Pdf => "a PDF document",
            BinaryKind::Zip => "a ZIP archive or Office document",
            BinaryKind::Unknown => "a binary file",
        })
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind::*;
        match self {
            TooLarge { bytes, max } => {
                write!(f, "the file is {bytes} bytes; the limit is {max} bytes")
            }
            EmptyFile => write!(f, "the file is empty"),
            NotText { looks_like } => write!(f, "not a text file: it looks like {looks_like}"),
            NotJson { line, column } => write!(f, "not valid JSON (line {line}, column {column})"),
            Truncated { line, column } => {
                write!(
                    f,
                    "the file ends too early, it may be truncated (line {line}, column {column})"
                )
            }
            NotInversaFile => write!(f, "not an Inversa file (\"format\" must be \"inversa\")"),
            NewerVersion { found, supported } => write!(
                f,
                "made by a newer version of Inversa (format version {found}; this page reads up to {supported}); update the page"
            ),
            UnknownVersion { found } => write!(f, "unknown format version {found}"),
            Missing => write!(f, "missing"),
            WrongType { expected, found } => write!(f, "expected {expected}, found {found}"),
            Required => write!(f, "required"),
            TooLong { max } => write!(f, "too long (at most {max} characters)"),
            NotAnEmail => write!(f, "not an email address"),
            DuplicateEmail { first } => write!(f, "same email as {first}"),
            DuplicateId { id } => write!(f, "id {id} is used twice"),
            InvalidId { value } => write!(f, "\"{value}\" is not a valid id"),
            InvalidDate { value } => write!(f, "\"{value}\" is not a date (YYYY-MM-DD)"),
            UnknownValue { value, allowed } => {
                write!(f, "\"{value}\" is not one of: {}", allowed.join(", "))
            }
            OutOfRange { min, max } => write!(f, "must be between {min} and {max}"),
            NotFinite => write!(f, "must be a finite number"),
            UnknownParticipant { id } => write!(f, "no participant has id {id}"),
            UnknownSkill { id } => write!(f, "unknown skill \"{id}\""),
            DuplicateSkill { id } => write!(f, "skill \"{id}\" is listed twice"),
            SelfManager => write!(f, "a person cannot be their own manager"),
            ManagerCycle => write!(f, "managers form a loop"),
            InvalidLanguage { value } => {
                write!(
                    f,
                    "\"{value}\" is not a language code (two or three letters, e.g. en)"
                )
            }
            EndBeforeStart => write!(f, "the end date is before the start date"),
            TargetEqualsBaseline => write!(
                f,
                "the target equals the baseline, so progress cannot be measured"
            ),
            DuplicateName { name } => write!(f, "\"{name}\" is used twice"),
            DuplicateEntry { first } => write!(f, "listed twice (same as {first})"),
            WrongRole {
                expected: Role::ReverseMentor,
                ..
            } => write!(f, "this person is not a reverse mentor"),
            WrongRole {
                expected: Role::Mentee,
                ..
            } => write!(f, "this person is not a mentee"),
            MenteeAlreadyPaired { first } => {
                write!(f, "this mentee already has a pair ({first})")
            }
            LockedAndForbidden => write!(f, "this pair is both locked and forbidden"),
            NeverPairSelf => write!(f, "a person cannot be on their own never-pair list"),
            InvalidTime { value } => write!(f, "\"{value}\" is not a time (HH:MM)"),
            InvalidToken => write!(f, "not a check-in token (32 hexadecimal digits)"),
            InvalidTimeZone { value } => write!(
                f,
                "\"{value}\" is not a time-zone name (Area/City, e.g. Europe/Madrid)"
            ),
            UnknownObjective { id } => write!(f, "no objective has id {id}"),
            UnknownGoal { id } => write!(f, "goal {id} is not in this pair's agreement"),
            UnknownRound { id } => write!(f, "no check-in round has id {id}"),
            NotInvited { id } => write!(f, "participant {id} was not invited to this round"),
        }
    }
}
