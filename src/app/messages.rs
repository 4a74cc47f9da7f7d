//! Domain problems and warnings worded in the user's language.

use super::i18n::{Locale, td_string};
use crate::domain::participants::Role;
use crate::domain::problem::{BinaryKind, Expected, JsonType};
use crate::domain::{Problem, ProblemKind};
use crate::io::{Warning, WarningKind};

fn expected(locale: Locale, expected: Expected) -> String {
    match expected {
        Expected::Text => td_string!(locale, types.text),
        Expected::Number => td_string!(locale, types.number),
        Expected::WholeNumber => td_string!(locale, types.whole_number),
        Expected::Bool => td_string!(locale, types.bool),
        Expected::List => td_string!(locale, types.list),
        Expected::Object => td_string!(locale, types.object),
        Expected::Date => td_string!(locale, types.date),
        Expected::Id => td_string!(locale, types.id),
        Expected::Time => td_string!(locale, types.time),
    }
    .to_string()
}

fn found(locale: Locale, found: JsonType) -> String {
    match found {
        JsonType::Null => td_string!(locale, types.null),
        JsonType::Bool => td_string!(locale, types.bool),
        JsonType::Number => td_string!(locale, types.number),
        JsonType::String => td_string!(locale, types.text),
        JsonType::Array => td_string!(locale, types.list),
        JsonType::Object => td_string!(locale, types.object),
    }
    .to_string()
}

fn binary(locale: Locale, kind: BinaryKind) -> String {
    match kind {
        BinaryKind::Png => td_string!(locale, types.png),
        BinaryKind::Jpeg => td_string!(locale, types.jpeg),
        BinaryKind::Gif => td_string!(locale, types.gif),
        BinaryKind::Pdf => td_string!(locale, types.pdf),
        BinaryKind::Zip => td_string!(locale, types.zip),
        BinaryKind::Unknown => td_string!(locale, types.binary),
    }
    .to_string()
}

/// The problem's message without its location.
pub fn problem_message(locale: Locale, kind: &ProblemKind) -> String {
    use ProblemKind::*;
    let l = locale;
    match kind {
        TooLarge { bytes, max } => td_string!(
            l,
            problems.too_large,
            size = super::format::size(l, *bytes as usize),
            max = super::format::size(l, *max as usize)
        )
        .to_string(),
        EmptyFile => td_string!(l, problems.empty_file).to_string(),
        NotText { looks_like } => {
            td_string!(l, problems.not_text, kind = binary(l, *looks_like)).to_string()
        }
        NotJson { line, column } => {
            td_string!(l, problems.not_json, line = *line, column = *column).to_string()
        }
        Truncated { line, column } => {
            td_string!(l, problems.truncated, line = *line, column = *column).to_string()
        }
        NotInversaFile => td_string!(l, problems.not_inversa).to_string(),
        NewerVersion { found, supported } => td_string!(
            l,
            problems.newer_version,
            found = *found,
            supported = *supported
        )
        .to_string(),
        UnknownVersion { found } => {
            td_string!(l, problems.unknown_version, found = found).to_string()
        }
        Missing => td_string!(l, problems.missing).to_string(),
        WrongType {
            expected: e,
            found: f,
        } => td_string!(
            l,
            problems.wrong_type,
            expected = expected(l, *e),
            found = found(l, *f)
        )
        .to_string(),
        Required => td_string!(l, problems.required).to_string(),
        TooLong { max } => td_string!(l, problems.too_long, max = *max).to_string(),
        NotAnEmail => td_string!(l, problems.not_an_email).to_string(),
        DuplicateEmail { first } => {
            td_string!(l, problems.duplicate_email, first = first).to_string()
        }
        DuplicateId { id } => td_string!(l, problems.duplicate_id, id = id).to_string(),
        InvalidId { value } => td_string!(l, problems.invalid_id, value = value).to_string(),
        InvalidDate { value } => td_string!(l, problems.invalid_date, value = value).to_string(),
        UnknownValue { value, allowed } => td_string!(
            l,
            problems.unknown_value,
            value = value,
            allowed = allowed.join(", ")
        )
        .to_string(),
        OutOfRange { min, max } => td_string!(
            l,
            problems.out_of_range,
            min = super::format::number(l, *min, 2),
            max = super::format::number(l, *max, 2)
        )
        .to_string(),
        NotFinite => td_string!(l, problems.not_finite).to_string(),
        UnknownParticipant { id } => {
            td_string!(l, problems.unknown_participant, id = id).to_string()
        }
        UnknownSkill { id } => td_string!(l, problems.unknown_skill, id = id).to_string(),
        DuplicateSkill { id } => td_string!(l, problems.duplicate_skill, id = id).to_string(),
        SelfManager => td_string!(l, problems.self_manager).to_string(),
        ManagerCycle => td_string!(l, problems.manager_cycle).to_string(),
        InvalidLanguage { value } => {
            td_string!(l, problems.invalid_language, value = value).to_string()
        }
        EndBeforeStart => td_string!(l, problems.end_before_start).to_string(),
        TargetEqualsBaseline => td_string!(l, problems.target_equals_baseline).to_string(),
        DuplicateName { name } => td_string!(l, problems.duplicate_name, name = name).to_string(),
        DuplicateEntry { first } => {
            td_string!(l, problems.duplicate_entry, first = first).to_string()
        }
        WrongRole {
            expected: Role::ReverseMentor,
            ..
        } => td_string!(l, problems.not_a_reverse_mentor).to_string(),
        WrongRole {
            expected: Role::Mentee,
            ..
        } => td_string!(l, problems.not_a_mentee).to_string(),
        MenteeAlreadyPaired { first } => {
            td_string!(l, problems.mentee_already_paired, first = first).to_string()
        }
        LockedAndForbidden => td_string!(l, problems.locked_and_forbidden).to_string(),
        NeverPairSelf => td_string!(l, problems.never_pair_self).to_string(),
        InvalidTime { value } => td_string!(l, problems.invalid_time, value = value).to_string(),
        InvalidToken => td_string!(l, problems.invalid_token).to_string(),
        InvalidTimeZone { value } => {
            td_string!(l, problems.invalid_time_zone, value = value).to_string()
        }
        UnknownObjective { id } => td_string!(l, problems.unknown_objective, id = id).to_string(),
        UnknownGoal { id } => td_string!(l, problems.unknown_goal, id = id).to_string(),
        UnknownRound { id } => td_string!(l, problems.unknown_round, id = id).to_string(),
        NotInvited { id } => td_string!(l, problems.not_invited, id = id).to_string(),
    }
}

/// `participants[3].email: not an email address`, or the message alone for
/// whole-file problems.
pub fn problem_line(locale: Locale, problem: &Problem) -> String {
    let message = problem_message(locale, &problem.kind);
    if problem.path.is_empty() {
        message
    } else {
        format!("{}: {message}", problem.path)
    }
}

pub fn warning_line(locale: Locale, warning: &Warning) -> String {
    let message = match &warning.kind {
        WarningKind::IgnoredField { name } => {
            td_string!(locale, warnings.ignored_field, name = name).to_string()
        }
        WarningKind::NoConsentDate => td_string!(locale, warnings.no_consent_date).to_string(),
        WarningKind::Migrated { from } => {
            td_string!(locale, warnings.migrated, from = *from).to_string()
        }
    };
    if warning.path.is_empty() {
        message
    } else {
        format!("{}: {message}", warning.path)
    }
}
