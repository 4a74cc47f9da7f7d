//! Validation rules.
//!
//! Every function returns the whole list of problems, never just the first: a
//! coordinator fixing a form or an imported file wants to see everything at
//! once. Paths use file-format field names and 0-based indexes, so the same
//! problem reads the same in the form and in an import report.
//!
//! Workspace-wide rules (duplicate emails and ids, manager links) are checked
//! with hash maps so that a program of a few thousand people validates at
//! every keystroke without noticeable delay.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use super::ids::{GoalId, ObjectiveId, ParticipantId, RoundId, SessionId};
use super::impact::ImpactState;
use super::matching::model::{Criterion, PairKey, PairingState, Weights};
use super::participants::{Participant, Role};
use super::problem::{Problem, ProblemKind};
use super::program::Program;
use super::sessions::{AnswerValue, Session, TemplateKind, Token};
use super::skills::{Catalogue, DEFAULT_SKILLS, Lang, SkillId};
use super::text;
use super::workspace::Workspace;

/// Limits shared with the UI (input `maxlength`) and the file format.
pub mod limits {
    pub const NAME: usize = 120;
    pub const EMAIL: usize = 254;
    pub const SHORT_TEXT: usize = 120;
    pub const NOTES: usize = 2000;
    pub const INTEREST: usize = 60;
    pub const MAX_SENIORITY_YEARS: u8 = 60;
    pub const PROGRAM_NAME: usize = 120;
    pub const ORGANISATION: usize = 120;
    pub const DESCRIPTION: usize = 4000;
    pub const GROUND_RULE: usize = 300;
    pub const OBJECTIVE_TITLE: usize = 200;
    pub const SKILL_NAME: usize = 80;
    /// The pairing threshold is a score out of 100.
    pub const MAX_MIN_SCORE: u8 = 100;
    /// Goal progress, progress logged at a session and percent answers.
    pub const MAX_PERCENT: u8 = 100;
    /// A logged session may run shorter or longer than the program's usual
    /// length (10–240 minutes), but not absurdly so.
    pub const MIN_LOGGED_MINUTES: u16 = 5;
    pub const MAX_LOGGED_MINUTES: u16 = 480;
    /// Check-in timing and the no-session alert, in days (at most a year).
    pub const MAX_SETTING_DAYS: u16 = 365;
    pub const GOAL_TEXT: usize = 500;
    pub const MILESTONE: usize = 300;
    /// A question id such as `mood` or `skill:<skill id>` (ids are at most 64).
    pub const QUESTION: usize = 80;
    pub const ANSWER_TEXT: usize = 2000;
    pub const TEMPLATE_SUBJECT: usize = 200;
    pub const TEMPLATE_BODY: usize = 5000;
    /// `America/Argentina/Buenos_Aires` is 30; IANA names stay well below.
    pub const TIME_ZONE: usize = 64;
    /// Sessions a certificate may require: far beyond any program's length,
    /// low enough that a typo (1000) is caught.
    pub const MAX_MIN_SESSIONS_HELD: u32 = 100;
    /// The name and the title on a certificate's signature line.
    pub const SIGNER_NAME: usize = 120;
    pub const SIGNER_TITLE: usize = 120;
    /// Each of the report's highlights, lessons and next steps.
    pub const REPORT_NOTE: usize = 4000;
}

/// Every problem in the whole workspace, with file-format paths
/// (`program.name`, `participants[3].email`, `skills[0].name`).
pub fn validate_workspace(workspace: &Workspace) -> Vec<Problem> {
    let mut out = Vec::new();

    // A saved or exported program may still be untitled (a coordinator who
    // started one and added people before naming it): only the Program
    // form insists on a name.
    let mut program = Sink::new("program.", &mut out);
    program_problems(
        &workspace.program,
        &workspace.catalogue,
        NameRule::MayBeBlank,
        &mut program,
    );

    let participants = &workspace.participants;
    // First index of each id and email: later duplicates point back at it.
    let mut first_by_id: HashMap<&ParticipantId, usize> =
        HashMap::with_capacity(participants.len());
    let mut first_by_email: HashMap<String, usize> = HashMap::with_capacity(participants.len());
    let mut duplicate_id = vec![false; participants.len()];
    let mut duplicate_email_of = vec![None; participants.len()];
    for (i, p) in participants.iter().enumerate() {
        match first_by_id.entry(&p.id) {
            Entry::Occupied(_) => duplicate_id[i] = true,
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
        let key = text::email_key(&p.email);
        if !key.is_empty() {
            match first_by_email.get(&key) {
                Some(&first) => duplicate_email_of[i] = Some(first),
                None => {
                    first_by_email.insert(key, i);
                }
            }
        }
    }
    let on_cycle = manager_cycles(participants, &first_by_id);

    for (i, p) in participants.iter().enumerate() {
        let manager = match &p.manager {
            None => ManagerCheck::Fine,
            Some(m) if *m == p.id => ManagerCheck::SelfManager,
            Some(m) if !first_by_id.contains_key(m) => ManagerCheck::Unknown,
            Some(_) if on_cycle[i] => ManagerCheck::Cycle,
            Some(_) => ManagerCheck::Fine,
        };
        let context = Context {
            duplicate_id: duplicate_id[i],
            duplicate_email_of: duplicate_email_of[i],
            manager,
            known: &|id| first_by_id.contains_key(id),
        };
        let mut sink = Sink::new(format!("participants[{i}]."), &mut out);
        participant_problems(p, &workspace.catalogue, &context, &mut sink);
    }

    custom_skill_problems(&workspace.catalogue, &mut Sink::new("", &mut out));
    pairing_problems(
        &workspace.pairing,
        &|id| first_by_id.get(id).map(|&i| participants[i].role),
        &mut Sink::new("", &mut out),
    );
    sessions_problems(
        workspace,
        &|id| first_by_id.contains_key(id),
        &mut Sink::new("sessions.", &mut out),
    );
    impact_problems(
        &workspace.impact,
        &|id| first_by_id.contains_key(id),
        &mut Sink::new("impact.", &mut out),
    );
    out
}

/// Problems of the impact section alone, with full file paths
/// (`impact.leavers[0].participant_id`), for forms that edit it.
pub fn validate_impact(workspace: &Workspace) -> Vec<Problem> {
    let known: HashSet<&ParticipantId> = workspace.participants.iter().map(|p| &p.id).collect();
    let mut out = Vec::new();
    impact_problems(
        &workspace.impact,
        &|id| known.contains(id),
        &mut Sink::new("impact.", &mut out),
    );
    out
}

/// Problems of the sessions section alone, with full file paths
/// (`sessions.sessions[3].mentor_rating`), for forms that edit it.
pub fn validate_sessions(workspace: &Workspace) -> Vec<Problem> {
    let known: HashSet<&ParticipantId> = workspace.participants.iter().map(|p| &p.id).collect();
    let mut out = Vec::new();
    sessions_problems(
        workspace,
        &|id| known.contains(id),
        &mut Sink::new("sessions.", &mut out),
    );
    out
}

/// IANA shape, without a zone database: `UTC`, or `Area/City` segments
/// (`America/Argentina/Buenos_Aires`, `Etc/GMT+1`) of ASCII letters, digits,
/// `_`, `-` and `+`, each starting with a letter. Whether the zone exists is
/// for the calendar code to say.
pub fn looks_like_time_zone(name: &str) -> bool {
    let segment_ok = |segment: &str| {
        segment.starts_with(|c: char| c.is_ascii_alphabetic())
            && segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+'))
    };
    name.len() <= limits::TIME_ZONE
        && (name == "UTC" || (name.contains('/') && name.split('/').all(segment_ok)))
}

/// The file-format name of each criterion's weight (`pairing.weights.<name>`).
pub fn weight_field(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::Reverse => "reverse",
        Criterion::Symbiotic => "symbiotic",
        Criterion::Interests => "interests",
        Criterion::Channel => "channel",
        Criterion::Availability => "availability",
        Criterion::CrossDepartment => "cross_department",
        Criterion::SeniorityGap => "seniority_gap",
    }
}

/// Problems of one participant being edited, with paths relative to the
/// participant (`email`, `skills_offered[1].level`), checked against the others.
///
/// The candidate is judged as if it had replaced the stored participant with
/// the same id (or been added, for a new one), which is what saving will do.
pub fn validate_participant(candidate: &Participant, workspace: &Workspace) -> Vec<Problem> {
    let key = text::email_key(&candidate.email);
    let duplicate_email_of = if key.is_empty() {
        None
    } else {
        workspace
            .participants
            .iter()
            .position(|other| other.id != candidate.id && text::email_key(&other.email) == key)
    };

    let manager = match &candidate.manager {
        None => ManagerCheck::Fine,
        Some(m) if *m == candidate.id => ManagerCheck::SelfManager,
        Some(m) => {
            // The first record wins for a repeated id, as in `validate_workspace`.
            let mut by_id: HashMap<&ParticipantId, &Participant> =
                HashMap::with_capacity(workspace.participants.len() + 1);
            for p in workspace.participants.iter().rev() {
                by_id.insert(&p.id, p);
            }
            by_id.insert(&candidate.id, candidate);
            if !by_id.contains_key(m) {
                ManagerCheck::Unknown
            } else if leads_back(candidate, &by_id) {
                ManagerCheck::Cycle
            } else {
                ManagerCheck::Fine
            }
        }
    };

    let known = |id: &ParticipantId| {
        *id == candidate.id || workspace.participants.iter().any(|p| &p.id == id)
    };
    let context = Context {
        duplicate_id: false,
        duplicate_email_of,
        manager,
        known: &known,
    };
    let mut out = Vec::new();
    participant_problems(
        candidate,
        &workspace.catalogue,
        &context,
        &mut Sink::new("", &mut out),
    );
    out
}

/// Problems of the program form, with paths relative to the program
/// (`name`, `objectives[0].target`).
pub fn validate_program(program: &Program, catalogue: &Catalogue) -> Vec<Problem> {
    let mut out = Vec::new();
    program_problems(
        program,
        catalogue,
        NameRule::Required,
        &mut Sink::new("", &mut out),
    );
    out
}

#[derive(Clone, Copy, PartialEq)]
enum NameRule {
    Required,
    MayBeBlank,
}

/// Collects problems under a path prefix, so one set of rules serves both the
/// form (relative paths) and the whole file (`participants[3].`).
struct Sink<'a> {
    prefix: String,
    out: &'a mut Vec<Problem>,
}

impl<'a> Sink<'a> {
    fn new(prefix: impl Into<String>, out: &'a mut Vec<Problem>) -> Sink<'a> {
        Sink {
            prefix: prefix.into(),
            out,
        }
    }

    fn push(&mut self, path: impl AsRef<str>, kind: ProblemKind) {
        self.out.push(Problem::new(
            format!("{}{}", self.prefix, path.as_ref()),
            kind,
        ));
    }

    /// `Required` when blank; `TooLong` past `max` characters (spaces around
    /// the text do not count, since they are trimmed on save).
    fn required_text(&mut self, path: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.push(path, ProblemKind::Required);
        } else {
            self.max_len(path, value, max);
        }
    }

    fn max_len(&mut self, path: &str, value: &str, max: usize) {
        if value.trim().chars().count() > max {
            self.push(path, ProblemKind::TooLong { max });
        }
    }

    fn range(&mut self, path: &str, value: f64, min: f64, max: f64) {
        if !(min..=max).contains(&value) {
            self.push(path, ProblemKind::OutOfRange { min, max });
        }
    }
}

/// What the workspace says about a participant's manager link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ManagerCheck {
    Fine,
    SelfManager,
    Unknown,
    Cycle,
}

/// Facts about a participant that need the rest of the workspace, computed
/// by the caller in whichever way is fastest for it.
struct Context<'a> {
    duplicate_id: bool,
    duplicate_email_of: Option<usize>,
    manager: ManagerCheck,
    /// Whether an id belongs to a participant of the workspace.
    known: &'a dyn Fn(&ParticipantId) -> bool,
}

/// All rules for one participant, in form order so the list reads top to bottom.
fn participant_problems(
    p: &Participant,
    catalogue: &Catalogue,
    context: &Context,
    sink: &mut Sink,
) {
    use ProblemKind::*;

    if context.duplicate_id {
        sink.push(
            "id",
            DuplicateId {
                id: p.id.to_string(),
            },
        );
    }

    sink.required_text("name", &p.name, limits::NAME);

    let email = p.email.trim();
    if email.is_empty() {
        sink.push("email", Required);
    } else {
        if !text::is_email(email) {
            sink.push("email", NotAnEmail);
        }
        sink.max_len("email", email, limits::EMAIL);
    }
    if let Some(first) = context.duplicate_email_of {
        sink.push(
            "email",
            DuplicateEmail {
                first: format!("participants[{first}]"),
            },
        );
    }

    sink.max_len("department", &p.department, limits::SHORT_TEXT);
    sink.max_len("job_title", &p.job_title, limits::SHORT_TEXT);

    if let Some(manager) = &p.manager {
        match context.manager {
            ManagerCheck::Fine => {}
            ManagerCheck::SelfManager => sink.push("manager_id", SelfManager),
            ManagerCheck::Unknown => sink.push(
                "manager_id",
                UnknownParticipant {
                    id: manager.to_string(),
                },
            ),
            ManagerCheck::Cycle => sink.push("manager_id", ManagerCycle),
        }
    }

    if let Some(years) = p.seniority.years {
        sink.range(
            "seniority_years",
            f64::from(years),
            0.0,
            f64::from(limits::MAX_SENIORITY_YEARS),
        );
    }
    sink.max_len("grade", &p.seniority.grade, limits::SHORT_TEXT);

    let mut seen_languages = HashSet::new();
    for (k, language) in p.languages.iter().enumerate() {
        let path = format!("languages[{k}]");
        if !is_language_code(language) {
            sink.push(
                &path,
                InvalidLanguage {
                    value: language.clone(),
                },
            );
        }
        if !seen_languages.insert(language.as_str()) {
            sink.push(
                &path,
                DuplicateName {
                    name: language.clone(),
                },
            );
        }
    }

    sink.max_len("location", &p.location, limits::SHORT_TEXT);

    let mut seen_offered = HashSet::new();
    for (k, offered) in p.skills_offered.iter().enumerate() {
        skill_reference(
            sink,
            &format!("skills_offered[{k}].skill"),
            &offered.skill,
            catalogue,
            &mut seen_offered,
        );
        sink.range(
            &format!("skills_offered[{k}].level"),
            f64::from(offered.level),
            1.0,
            f64::from(Participant::MAX_LEVEL),
        );
    }
    let mut seen_wanted = HashSet::new();
    for (k, wanted) in p.skills_wanted.iter().enumerate() {
        skill_reference(
            sink,
            &format!("skills_wanted[{k}].skill"),
            &wanted.skill,
            catalogue,
            &mut seen_wanted,
        );
    }

    for (k, interest) in p.interests.iter().enumerate() {
        sink.required_text(&format!("interests[{k}]"), interest, limits::INTEREST);
    }

    let mut seen_channels = HashSet::new();
    for (k, channel) in p.channels.iter().enumerate() {
        if !seen_channels.insert(*channel) {
            sink.push(
                format!("channels[{k}]"),
                DuplicateName {
                    name: format!("{channel:?}"),
                },
            );
        }
    }

    sink.range(
        "capacity",
        f64::from(p.capacity),
        1.0,
        f64::from(Participant::MAX_CAPACITY),
    );

    let mut seen_never: HashMap<&ParticipantId, usize> = HashMap::new();
    for (k, other) in p.never_pair_with.iter().enumerate() {
        let path = format!("never_pair_with[{k}]");
        if *other == p.id {
            sink.push(&path, NeverPairSelf);
        } else if !(context.known)(other) {
            sink.push(
                &path,
                UnknownParticipant {
                    id: other.to_string(),
                },
            );
        }
        match seen_never.entry(other) {
            Entry::Occupied(first) => {
                let first = format!("{}never_pair_with[{}]", sink.prefix, first.get());
                sink.push(&path, DuplicateEntry { first });
            }
            Entry::Vacant(slot) => {
                slot.insert(k);
            }
        }
    }

    sink.max_len("notes", &p.notes, limits::NOTES);
}

/// The pairing state against the participants: `role_of` gives the role of
/// each known id (the first participant with it). Paths are full file paths
/// (`pairing.pairs[2].mentee_id`). Over-capacity is deliberately not a
/// problem: capacity may be lowered after pairs were accepted.
fn pairing_problems(
    state: &PairingState,
    role_of: &dyn Fn(&ParticipantId) -> Option<Role>,
    sink: &mut Sink,
) {
    use ProblemKind::*;

    for criterion in Criterion::ALL {
        sink.range(
            &format!("pairing.weights.{}", weight_field(criterion)),
            f64::from(state.weights.get(criterion)),
            0.0,
            f64::from(Weights::MAX),
        );
    }
    sink.range(
        "pairing.min_score",
        f64::from(state.min_score),
        0.0,
        f64::from(limits::MAX_MIN_SCORE),
    );
    sink.range(
        "pairing.circle_size",
        f64::from(state.circle_size),
        f64::from(PairingState::MIN_CIRCLE_SIZE),
        f64::from(PairingState::MAX_CIRCLE_SIZE),
    );

    // One side of a pair: a known participant with the role of that side.
    let side = |sink: &mut Sink, path: String, id: &ParticipantId, expected: Role| match role_of(id)
    {
        None => sink.push(path, UnknownParticipant { id: id.to_string() }),
        Some(role) if role != expected => sink.push(
            path,
            WrongRole {
                id: id.to_string(),
                expected,
            },
        ),
        Some(_) => {}
    };

    let mut locked: HashMap<&PairKey, usize> = HashMap::new();
    for (k, key) in state.locked.iter().enumerate() {
        let at = format!("pairing.locked[{k}]");
        side(
            sink,
            format!("{at}.mentor_id"),
            &key.mentor,
            Role::ReverseMentor,
        );
        side(sink, format!("{at}.mentee_id"), &key.mentee, Role::Mentee);
        match locked.entry(key) {
            Entry::Occupied(first) => sink.push(
                &at,
                DuplicateEntry {
                    first: format!("pairing.locked[{}]", first.get()),
                },
            ),
            Entry::Vacant(slot) => {
                slot.insert(k);
            }
        }
    }

    let mut forbidden: HashMap<&PairKey, usize> = HashMap::new();
    for (k, key) in state.forbidden.iter().enumerate() {
        let at = format!("pairing.forbidden[{k}]");
        side(
            sink,
            format!("{at}.mentor_id"),
            &key.mentor,
            Role::ReverseMentor,
        );
        side(sink, format!("{at}.mentee_id"), &key.mentee, Role::Mentee);
        match forbidden.entry(key) {
            Entry::Occupied(first) => sink.push(
                &at,
                DuplicateEntry {
                    first: format!("pairing.forbidden[{}]", first.get()),
                },
            ),
            Entry::Vacant(slot) => {
                slot.insert(k);
                if locked.contains_key(key) {
                    sink.push(&at, LockedAndForbidden);
                }
            }
        }
    }

    let mut pairs: HashMap<PairKey, usize> = HashMap::new();
    let mut mentees: HashMap<&ParticipantId, usize> = HashMap::new();
    for (k, pair) in state.pairs.iter().enumerate() {
        let at = format!("pairing.pairs[{k}]");
        side(
            sink,
            format!("{at}.mentor_id"),
            &pair.mentor,
            Role::ReverseMentor,
        );
        side(sink, format!("{at}.mentee_id"), &pair.mentee, Role::Mentee);
        match pairs.entry(pair.key()) {
            Entry::Occupied(first) => sink.push(
                &at,
                DuplicateEntry {
                    first: format!("pairing.pairs[{}]", first.get()),
                },
            ),
            Entry::Vacant(slot) => {
                slot.insert(k);
                match mentees.entry(&pair.mentee) {
                    Entry::Occupied(first) => sink.push(
                        format!("{at}.mentee_id"),
                        MenteeAlreadyPaired {
                            first: format!("pairing.pairs[{}]", first.get()),
                        },
                    ),
                    Entry::Vacant(slot) => {
                        slot.insert(k);
                    }
                }
            }
        }
    }

    for (c, circle) in state.circles.iter().enumerate() {
        let mut seen: HashMap<&ParticipantId, usize> = HashMap::new();
        for (k, member) in circle.members.iter().enumerate() {
            let path = format!("pairing.circles[{c}].member_ids[{k}]");
            if role_of(member).is_none() {
                sink.push(
                    &path,
                    UnknownParticipant {
                        id: member.to_string(),
                    },
                );
            }
            match seen.entry(member) {
                Entry::Occupied(first) => sink.push(
                    &path,
                    DuplicateEntry {
                        first: format!("pairing.circles[{c}].member_ids[{}]", first.get()),
                    },
                ),
                Entry::Vacant(slot) => {
                    slot.insert(k);
                }
            }
        }
    }
}

/// The sessions section against the participants, objectives and skills.
/// Pairs are not required to be accepted now (a log outlives re-pairing), but
/// everyone named must still be a participant.
fn sessions_problems(
    workspace: &Workspace,
    known: &dyn Fn(&ParticipantId) -> bool,
    sink: &mut Sink,
) {
    use ProblemKind::*;

    let state = &workspace.sessions;
    let catalogue = &workspace.catalogue;
    let person = |sink: &mut Sink, path: String, id: &ParticipantId| {
        if !known(id) {
            sink.push(path, UnknownParticipant { id: id.to_string() });
        }
    };
    let percent = |sink: &mut Sink, path: &str, value: u8| {
        sink.range(path, f64::from(value), 0.0, f64::from(limits::MAX_PERCENT));
    };
    let rating = |sink: &mut Sink, path: &str, value: u8| {
        sink.range(
            path,
            f64::from(value),
            f64::from(Session::MIN_RATING),
            f64::from(Session::MAX_RATING),
        );
    };
    let days = |sink: &mut Sink, path: &str, value: u16| {
        sink.range(
            path,
            f64::from(value),
            1.0,
            f64::from(limits::MAX_SETTING_DAYS),
        );
    };

    let settings = &state.settings;
    if !settings.time_zone.is_empty() && !looks_like_time_zone(&settings.time_zone) {
        sink.push(
            "settings.time_zone",
            InvalidTimeZone {
                value: settings.time_zone.clone(),
            },
        );
    }
    days(
        sink,
        "settings.first_checkin_day",
        settings.first_checkin_day,
    );
    days(
        sink,
        "settings.checkin_every_days",
        settings.checkin_every_days,
    );
    days(
        sink,
        "settings.alerts.no_session_days",
        settings.alerts.no_session_days,
    );
    rating(
        sink,
        "settings.alerts.low_rating",
        settings.alerts.low_rating,
    );
    rating(sink, "settings.alerts.low_mood", settings.alerts.low_mood);

    let objectives: HashSet<&ObjectiveId> =
        workspace.program.objectives.iter().map(|o| &o.id).collect();
    let mut agreements: HashMap<&PairKey, usize> = HashMap::new();
    let mut goal_ids: HashSet<&GoalId> = HashSet::new();
    for (a, agreement) in state.agreements.iter().enumerate() {
        let at = format!("agreements[{a}]");
        person(sink, format!("{at}.mentor_id"), &agreement.pair.mentor);
        person(sink, format!("{at}.mentee_id"), &agreement.pair.mentee);
        match agreements.entry(&agreement.pair) {
            Entry::Occupied(first) => sink.push(
                &at,
                DuplicateEntry {
                    first: format!("{}agreements[{}]", sink.prefix, first.get()),
                },
            ),
            Entry::Vacant(slot) => {
                slot.insert(a);
            }
        }
        for (g, goal) in agreement.goals.iter().enumerate() {
            let at = |field: &str| format!("agreements[{a}].goals[{g}].{field}");
            if !goal_ids.insert(&goal.id) {
                sink.push(
                    at("id"),
                    DuplicateId {
                        id: goal.id.to_string(),
                    },
                );
            }
            sink.max_len(&at("text"), &goal.text, limits::GOAL_TEXT);
            sink.max_len(&at("measure"), &goal.measure, limits::GOAL_TEXT);
            if let Some(skill) = &goal.skill
                && !catalogue.contains(skill)
            {
                sink.push(
                    at("skill"),
                    UnknownSkill {
                        id: skill.to_string(),
                    },
                );
            }
            if let Some(objective) = &goal.objective
                && !objectives.contains(objective)
            {
                sink.push(
                    at("objective_id"),
                    UnknownObjective {
                        id: objective.to_string(),
                    },
                );
            }
            percent(sink, &at("progress"), goal.progress);
            for (m, milestone) in goal.milestones.iter().enumerate() {
                sink.max_len(
                    &at(&format!("milestones[{m}].text")),
                    &milestone.text,
                    limits::MILESTONE,
                );
            }
        }
        sink.range(
            &format!("{at}.session_minutes"),
            f64::from(agreement.session_minutes),
            f64::from(Program::MIN_SESSION_MINUTES),
            f64::from(Program::MAX_SESSION_MINUTES),
        );
        for (k, rule) in agreement.ground_rules.custom.iter().enumerate() {
            sink.required_text(
                &format!("{at}.ground_rules.custom[{k}]"),
                rule,
                limits::GROUND_RULE,
            );
        }
        sink.max_len(&format!("{at}.notes"), &agreement.notes, limits::NOTES);
    }

    // The goals each pair can log progress on: those of its (first) agreement.
    let goals_of = |pair: &PairKey| -> Option<&Vec<super::sessions::Goal>> {
        agreements.get(pair).map(|&a| &state.agreements[a].goals)
    };
    let mut session_ids: HashSet<&SessionId> = HashSet::new();
    for (s, session) in state.sessions.iter().enumerate() {
        let at = |field: &str| format!("sessions[{s}].{field}");
        if !session_ids.insert(&session.id) {
            sink.push(
                at("id"),
                DuplicateId {
                    id: session.id.to_string(),
                },
            );
        }
        person(sink, at("mentor_id"), &session.pair.mentor);
        person(sink, at("mentee_id"), &session.pair.mentee);
        sink.range(
            &at("minutes"),
            f64::from(session.minutes),
            f64::from(limits::MIN_LOGGED_MINUTES),
            f64::from(limits::MAX_LOGGED_MINUTES),
        );
        let mut seen_topics = HashSet::new();
        for (k, topic) in session.topics.iter().enumerate() {
            skill_reference(
                sink,
                &at(&format!("topics[{k}]")),
                topic,
                catalogue,
                &mut seen_topics,
            );
        }
        sink.max_len(&at("notes"), &session.notes, limits::NOTES);
        if let Some(r) = session.mentor_rating {
            rating(sink, &at("mentor_rating"), r);
        }
        if let Some(r) = session.mentee_rating {
            rating(sink, &at("mentee_rating"), r);
        }
        let goals = goals_of(&session.pair);
        let mut seen_goals: HashMap<&GoalId, usize> = HashMap::new();
        for (k, progress) in session.goal_progress.iter().enumerate() {
            let path = at(&format!("goal_progress[{k}]"));
            if !goals.is_some_and(|list| list.iter().any(|g| g.id == progress.goal)) {
                sink.push(
                    format!("{path}.goal_id"),
                    UnknownGoal {
                        id: progress.goal.to_string(),
                    },
                );
            }
            match seen_goals.entry(&progress.goal) {
                Entry::Occupied(first) => sink.push(
                    &path,
                    DuplicateEntry {
                        first: format!(
                            "{}{}",
                            sink.prefix,
                            at(&format!("goal_progress[{}]", first.get()))
                        ),
                    },
                ),
                Entry::Vacant(slot) => {
                    slot.insert(k);
                }
            }
            percent(sink, &format!("{path}.percent"), progress.percent);
        }
    }

    // Who each round invited (the first round with an id, as for agreements).
    let mut invited: HashMap<&RoundId, HashSet<&ParticipantId>> = HashMap::new();
    let mut tokens: HashMap<&Token, String> = HashMap::new();
    for (r, round) in state.rounds.iter().enumerate() {
        let at = format!("rounds[{r}]");
        let first_with_id = !invited.contains_key(&round.id);
        if !first_with_id {
            sink.push(
                format!("{at}.id"),
                DuplicateId {
                    id: round.id.to_string(),
                },
            );
        }
        if round.closes < round.opens {
            sink.push(format!("{at}.closes"), EndBeforeStart);
        }
        let mut people: HashMap<&ParticipantId, usize> = HashMap::new();
        for (k, invitation) in round.invitations.iter().enumerate() {
            let path = format!("{at}.invitations[{k}]");
            person(
                sink,
                format!("{path}.participant_id"),
                &invitation.participant,
            );
            match people.entry(&invitation.participant) {
                Entry::Occupied(first) => sink.push(
                    &path,
                    DuplicateEntry {
                        first: format!("{}{at}.invitations[{}]", sink.prefix, first.get()),
                    },
                ),
                Entry::Vacant(slot) => {
                    slot.insert(k);
                }
            }
            // A shared secret would let one person answer as another.
            match tokens.entry(&invitation.token) {
                Entry::Occupied(first) => sink.push(
                    format!("{path}.token"),
                    DuplicateEntry {
                        first: first.get().clone(),
                    },
                ),
                Entry::Vacant(slot) => {
                    slot.insert(format!("{}{path}.token", sink.prefix));
                }
            }
        }
        if first_with_id {
            invited.insert(&round.id, people.into_keys().collect());
        }
    }

    let mut answered: HashMap<(&RoundId, &ParticipantId), usize> = HashMap::new();
    for (k, response) in state.responses.iter().enumerate() {
        let at = format!("responses[{k}]");
        let round = invited.get(&response.round);
        if round.is_none() {
            sink.push(
                format!("{at}.round_id"),
                UnknownRound {
                    id: response.round.to_string(),
                },
            );
        }
        if !known(&response.participant) {
            person(sink, format!("{at}.participant_id"), &response.participant);
        } else if round.is_some_and(|people| !people.contains(&response.participant)) {
            sink.push(
                format!("{at}.participant_id"),
                NotInvited {
                    id: response.participant.to_string(),
                },
            );
        }
        match answered.entry((&response.round, &response.participant)) {
            Entry::Occupied(first) => sink.push(
                &at,
                DuplicateEntry {
                    first: format!("{}responses[{}]", sink.prefix, first.get()),
                },
            ),
            Entry::Vacant(slot) => {
                slot.insert(k);
            }
        }
        let mut questions: HashMap<&str, usize> = HashMap::new();
        for (q, answer) in response.answers.iter().enumerate() {
            let path = format!("{at}.answers[{q}]");
            sink.required_text(
                &format!("{path}.question"),
                &answer.question,
                limits::QUESTION,
            );
            match questions.entry(answer.question.trim()) {
                Entry::Occupied(first) => sink.push(
                    &path,
                    DuplicateEntry {
                        first: format!("{}{at}.answers[{}]", sink.prefix, first.get()),
                    },
                ),
                Entry::Vacant(slot) => {
                    slot.insert(q);
                }
            }
            let value_path = format!("{path}.value");
            match &answer.value {
                AnswerValue::Scale(n) => rating(sink, &value_path, *n),
                AnswerValue::Percent(n) => percent(sink, &value_path, *n),
                AnswerValue::Text(text) => sink.max_len(&value_path, text, limits::ANSWER_TEXT),
            }
        }
    }

    let mut templates: HashMap<(TemplateKind, Lang), usize> = HashMap::new();
    for (t, template) in state.templates.iter().enumerate() {
        let at = format!("templates[{t}]");
        match templates.entry((template.kind, template.lang)) {
            Entry::Occupied(first) => sink.push(
                &at,
                DuplicateEntry {
                    first: format!("{}templates[{}]", sink.prefix, first.get()),
                },
            ),
            Entry::Vacant(slot) => {
                slot.insert(t);
            }
        }
        sink.max_len(
            &format!("{at}.subject"),
            &template.subject,
            limits::TEMPLATE_SUBJECT,
        );
        sink.max_len(&format!("{at}.body"), &template.body, limits::TEMPLATE_BODY);
    }
}

/// Certificate criteria, report notes and leavers. A leaver must be one of
/// the participants (retention is measured on them), recorded once.
fn impact_problems(impact: &ImpactState, known: &dyn Fn(&ParticipantId) -> bool, sink: &mut Sink) {
    use ProblemKind::*;

    let certificates = &impact.certificates;
    sink.range(
        "certificates.min_sessions_held",
        f64::from(certificates.min_sessions_held),
        0.0,
        f64::from(limits::MAX_MIN_SESSIONS_HELD),
    );
    sink.max_len(
        "certificates.signer_name",
        &certificates.signer_name,
        limits::SIGNER_NAME,
    );
    sink.max_len(
        "certificates.signer_title",
        &certificates.signer_title,
        limits::SIGNER_TITLE,
    );
    let report = &impact.report;
    for (field, text) in [
        ("report.highlights", &report.highlights),
        ("report.lessons", &report.lessons),
        ("report.next_steps", &report.next_steps),
    ] {
        sink.max_len(field, text, limits::REPORT_NOTE);
    }

    let mut seen: HashMap<&ParticipantId, usize> = HashMap::new();
    for (k, leaver) in impact.leavers.iter().enumerate() {
        let at = format!("leavers[{k}]");
        if !known(&leaver.participant) {
            sink.push(
                format!("{at}.participant_id"),
                UnknownParticipant {
                    id: leaver.participant.to_string(),
                },
            );
        }
        match seen.entry(&leaver.participant) {
            Entry::Occupied(first) => sink.push(
                &at,
                DuplicateEntry {
                    first: format!("{}leavers[{}]", sink.prefix, first.get()),
                },
            ),
            Entry::Vacant(slot) => {
                slot.insert(k);
            }
        }
    }
}

/// `UnknownSkill` for an id missing from the catalogue and `DuplicateSkill` for
/// a second mention in the same list; both are reported when both hold.
fn skill_reference<'s>(
    sink: &mut Sink,
    path: &str,
    skill: &'s SkillId,
    catalogue: &Catalogue,
    seen: &mut HashSet<&'s SkillId>,
) {
    if !catalogue.contains(skill) {
        sink.push(
            path,
            ProblemKind::UnknownSkill {
                id: skill.to_string(),
            },
        );
    }
    if !seen.insert(skill) {
        sink.push(
            path,
            ProblemKind::DuplicateSkill {
                id: skill.to_string(),
            },
        );
    }
}

/// ISO 639-1/639-2 shape: two or three lower-case ASCII letters.
fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// Whether following managers up from `start` comes back to `start`. `by_id`
/// already holds `start` in place of any stored version of it. Stops at the
/// first unknown id or at a loop that does not include `start`.
fn leads_back(start: &Participant, by_id: &HashMap<&ParticipantId, &Participant>) -> bool {
    let mut visited = HashSet::new();
    let mut current = start.manager.as_ref();
    while let Some(id) = current {
        if *id == start.id {
            return true;
        }
        if !visited.insert(id) {
            return false;
        }
        current = by_id.get(id).and_then(|p| p.manager.as_ref());
    }
    false
}

/// Marks every participant that sits on a manager loop of two or more people
/// (a self-reference is reported as `SelfManager` instead). Each person has at
/// most one manager, so the links form a functional graph and one walk per
/// unvisited person finds every loop in linear time.
fn manager_cycles(
    participants: &[Participant],
    first_by_id: &HashMap<&ParticipantId, usize>,
) -> Vec<bool> {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;

    let next: Vec<Option<usize>> = participants
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let target = *first_by_id.get(p.manager.as_ref()?)?;
            (target != i).then_some(target)
        })
        .collect();

    let mut state = vec![NEW; participants.len()];
    let mut on_cycle = vec![false; participants.len()];
    let mut path = Vec::new();
    for start in 0..participants.len() {
        if state[start] != NEW {
            continue;
        }
        let mut current = Some(start);
        while let Some(i) = current {
            match state[i] {
                NEW => {
                    state[i] = ON_PATH;
                    path.push(i);
                    current = next[i];
                }
                ON_PATH => {
                    // The walk met itself: everything from `i` onward is the loop.
                    let from = path.iter().position(|&j| j == i).unwrap_or(path.len());
                    for &j in &path[from..] {
                        on_cycle[j] = true;
                    }
                    break;
                }
                _ => break,
            }
        }
        for &j in &path {
            state[j] = DONE;
        }
        path.clear();
    }
    on_cycle
}

fn program_problems(program: &Program, catalogue: &Catalogue, name: NameRule, sink: &mut Sink) {
    use ProblemKind::*;

    if name == NameRule::Required {
        sink.required_text("name", &program.name, limits::PROGRAM_NAME);
    } else {
        sink.max_len("name", &program.name, limits::PROGRAM_NAME);
    }
    sink.max_len("organisation", &program.organisation, limits::ORGANISATION);
    sink.max_len("description", &program.description, limits::DESCRIPTION);
    if let (Some(start), Some(end)) = (program.start_date, program.end_date)
        && end < start
    {
        sink.push("end_date", EndBeforeStart);
    }
    sink.range(
        "session_minutes",
        f64::from(program.session_minutes),
        f64::from(Program::MIN_SESSION_MINUTES),
        f64::from(Program::MAX_SESSION_MINUTES),
    );
    for (k, rule) in program.ground_rules.custom.iter().enumerate() {
        sink.required_text(
            &format!("ground_rules.custom[{k}]"),
            rule,
            limits::GROUND_RULE,
        );
    }

    let mut seen_ids = HashSet::new();
    for (k, objective) in program.objectives.iter().enumerate() {
        let at = |field: &str| format!("objectives[{k}].{field}");
        if !seen_ids.insert(&objective.id) {
            sink.push(
                at("id"),
                DuplicateId {
                    id: objective.id.to_string(),
                },
            );
        }
        sink.required_text(&at("title"), &objective.title, limits::OBJECTIVE_TITLE);
        if objective.kpi_name.trim().is_empty() {
            sink.push(at("kpi_name"), Required);
        }
        if !objective.baseline.is_finite() {
            sink.push(at("baseline"), NotFinite);
        }
        if !objective.target.is_finite() {
            sink.push(at("target"), NotFinite);
        } else if objective.target == objective.baseline {
            sink.push(at("target"), TargetEqualsBaseline);
        }
        if objective.current.is_some_and(|c| !c.is_finite()) {
            sink.push(at("current"), NotFinite);
        }
        let mut seen_skills = HashSet::new();
        for (m, skill) in objective.skills.iter().enumerate() {
            skill_reference(
                sink,
                &at(&format!("skills[{m}]")),
                skill,
                catalogue,
                &mut seen_skills,
            );
        }
    }
}

/// Custom skills need a name that cannot be confused with another skill in a
/// picker: unique among custom skills and different from every default
/// skill's English label (the file format's reference language).
fn custom_skill_problems(catalogue: &Catalogue, sink: &mut Sink) {
    use ProblemKind::*;

    let default_names: HashSet<String> = DEFAULT_SKILLS.iter().map(|s| name_key(s.en)).collect();
    let mut seen_names = HashSet::new();
    let mut seen_ids = HashSet::new();
    for (k, skill) in catalogue.custom.iter().enumerate() {
        if !seen_ids.insert(&skill.id) || super::skills::default_skill(skill.id.as_str()).is_some()
        {
            sink.push(
                format!("skills[{k}].id"),
                DuplicateId {
                    id: skill.id.to_string(),
                },
            );
        }
        let name = skill.name.trim();
        if name.is_empty() {
            sink.push(format!("skills[{k}].name"), Required);
            continue;
        }
        sink.max_len(&format!("skills[{k}].name"), name, limits::SKILL_NAME);
        let key = name_key(name);
        if default_names.contains(&key) || !seen_names.insert(key) {
            sink.push(
                format!("skills[{k}].name"),
                DuplicateName {
                    name: name.to_string(),
                },
            );
        }
    }
}

/// Names are the same when they read the same: case, accents and spacing aside.
fn name_key(name: &str) -> String {
    text::search_key(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Date;
    use crate::domain::ids::{ObjectiveId, seeded_bytes};
    use crate::domain::participants::{Channel, OfferedSkill, Priority, Role, WantedSkill};
    use crate::domain::program::Objective;
    use crate::domain::skills::{CustomSkill, SkillKind};

    fn pid(seed: u64) -> ParticipantId {
        ParticipantId::from_random_bytes(seeded_bytes(seed))
    }

    fn skill(id: &str) -> SkillId {
        SkillId::parse(id).unwrap()
    }

    /// A participant every rule accepts.
    fn valid(seed: u64) -> Participant {
        let mut p = Participant::new(pid(seed), Role::ReverseMentor);
        p.name = format!("Person {seed}");
        p.email = format!("person{seed}@example.com");
        p.department = "Sales".into();
        p.job_title = "Analyst".into();
        p.seniority.years = Some(3);
        p.seniority.grade = "A2".into();
        p.languages = vec!["en".into(), "es".into()];
        p.location = "Madrid".into();
        p.skills_offered = vec![OfferedSkill {
            skill: skill("social-media"),
            level: 4,
        }];
        p.skills_wanted = vec![WantedSkill {
            skill: skill("leadership"),
            priority: Priority::MustHave,
        }];
        p.interests = vec!["cycling".into()];
        p.channels = vec![Channel::VideoCall, Channel::Chat];
        p.notes = "Prefers mornings".into();
        p
    }

    fn workspace(participants: Vec<Participant>) -> Workspace {
        Workspace {
            program: valid_program(),
            participants,
            ..Default::default()
        }
    }

    /// Expected problems as (path, kind), in report order.
    type Expected = Vec<(&'static str, ProblemKind)>;
    /// Manager links as (person, manager) seeds.
    type Links = Vec<(u64, u64)>;

    fn problems(list: &[(&str, ProblemKind)]) -> Vec<Problem> {
        list.iter()
            .map(|(path, kind)| Problem::new(*path, kind.clone()))
            .collect()
    }

    fn long(n: usize) -> String {
        "x".repeat(n)
    }

    #[test]
    fn valid_participant_and_empty_lists_have_no_problems() {
        let ws = workspace(vec![valid(2)]);
        assert_eq!(validate_participant(&valid(1), &ws), vec![]);
        let mut bare = valid(1);
        bare.languages.clear();
        bare.skills_offered.clear();
        bare.skills_wanted.clear();
        bare.interests.clear();
        bare.channels.clear();
        bare.seniority = Default::default();
        assert_eq!(validate_participant(&bare, &ws), vec![]);
    }

    #[test]
    fn participant_field_rules() {
        use ProblemKind::*;
        type Mutation = fn(&mut Participant);
        let cases: Vec<(&str, Mutation, Expected)> = vec![
            (
                "blank name",
                |p| p.name = "   ".into(),
                vec![("name", Required)],
            ),
            (
                "long name",
                |p| p.name = long(121),
                vec![("name", TooLong { max: 120 })],
            ),
            (
                "name at limit",
                |p| p.name = format!("  {}  ", long(120)),
                vec![],
            ),
            (
                "blank email",
                |p| p.email = " ".into(),
                vec![("email", Required)],
            ),
            (
                "bad email",
                |p| p.email = "ana@example".into(),
                vec![("email", NotAnEmail)],
            ),
            (
                "padded email",
                |p| p.email = " ana@example.com ".into(),
                vec![],
            ),
            (
                "long email",
                |p| p.email = format!("{}@example.com", long(250)),
                vec![("email", TooLong { max: 254 })],
            ),
            (
                "long department",
                |p| p.department = long(121),
                vec![("department", TooLong { max: 120 })],
            ),
            (
                "long job title",
                |p| p.job_title = long(121),
                vec![("job_title", TooLong { max: 120 })],
            ),
            (
                "long location",
                |p| p.location = long(121),
                vec![("location", TooLong { max: 120 })],
            ),
            (
                "long grade",
                |p| p.seniority.grade = long(121),
                vec![("grade", TooLong { max: 120 })],
            ),
            (
                "long notes",
                |p| p.notes = long(2001),
                vec![("notes", TooLong { max: 2000 })],
            ),
            (
                "seniority",
                |p| p.seniority.years = Some(61),
                vec![(
                    "seniority_years",
                    OutOfRange {
                        min: 0.0,
                        max: 60.0,
                    },
                )],
            ),
            (
                "seniority at limit",
                |p| p.seniority.years = Some(60),
                vec![],
            ),
            (
                "language shape",
                |p| {
                    p.languages = vec![
                        "EN".into(),
                        "e".into(),
                        "engl".into(),
                        "pt".into(),
                        "ast".into(),
                    ]
                },
                vec![
                    ("languages[0]", InvalidLanguage { value: "EN".into() }),
                    ("languages[1]", InvalidLanguage { value: "e".into() }),
                    (
                        "languages[2]",
                        InvalidLanguage {
                            value: "engl".into(),
                        },
                    ),
                ],
            ),
            (
                "duplicate language",
                |p| p.languages = vec!["en".into(), "it".into(), "en".into()],
                vec![("languages[2]", DuplicateName { name: "en".into() })],
            ),
            (
                "unknown offered skill",
                |p| {
                    p.skills_offered.push(OfferedSkill {
                        skill: skill("juggling"),
                        level: 2,
                    })
                },
                vec![(
                    "skills_offered[1].skill",
                    UnknownSkill {
                        id: "juggling".into(),
                    },
                )],
            ),
            (
                "duplicate offered skill",
                |p| {
                    p.skills_offered.push(OfferedSkill {
                        skill: skill("social-media"),
                        level: 2,
                    })
                },
                vec![(
                    "skills_offered[1].skill",
                    DuplicateSkill {
                        id: "social-media".into(),
                    },
                )],
            ),
            (
                "level zero",
                |p| p.skills_offered[0].level = 0,
                vec![("skills_offered[0].level", OutOfRange { min: 1.0, max: 5.0 })],
            ),
            (
                "level six",
                |p| p.skills_offered[0].level = 6,
                vec![("skills_offered[0].level", OutOfRange { min: 1.0, max: 5.0 })],
            ),
            (
                "unknown wanted skill",
                |p| p.skills_wanted[0].skill = skill("custom-nothing"),
                vec![(
                    "skills_wanted[0].skill",
                    UnknownSkill {
                        id: "custom-nothing".into(),
                    },
                )],
            ),
            (
                "duplicate wanted skill",
                |p| {
                    p.skills_wanted.push(WantedSkill {
                        skill: skill("leadership"),
                        priority: Priority::NiceToHave,
                    })
                },
                vec![(
                    "skills_wanted[1].skill",
                    DuplicateSkill {
                        id: "leadership".into(),
                    },
                )],
            ),
            (
                "interests",
                |p| p.interests = vec!["chess".into(), " ".into(), long(61)],
                vec![
                    ("interests[1]", Required),
                    ("interests[2]", TooLong { max: 60 }),
                ],
            ),
            (
                "duplicate channel",
                |p| p.channels = vec![Channel::Chat, Channel::Email, Channel::Chat],
                vec![(
                    "channels[2]",
                    DuplicateName {
                        name: "Chat".into(),
                    },
                )],
            ),
            (
                "capacity zero",
                |p| p.capacity = 0,
                vec![(
                    "capacity",
                    OutOfRange {
                        min: 1.0,
                        max: 10.0,
                    },
                )],
            ),
            (
                "capacity eleven",
                |p| p.capacity = 11,
                vec![(
                    "capacity",
                    OutOfRange {
                        min: 1.0,
                        max: 10.0,
                    },
                )],
            ),
            ("capacity ten", |p| p.capacity = 10, vec![]),
        ];
        let ws = workspace(vec![valid(2)]);
        for (name, mutate, expected) in cases {
            let mut p = valid(1);
            mutate(&mut p);
            assert_eq!(validate_participant(&p, &ws), problems(&expected), "{name}");
            // The same rules, prefixed, in the whole workspace.
            let whole = validate_workspace(&workspace(vec![valid(2), p]));
            let prefixed: Vec<Problem> = problems(&expected)
                .into_iter()
                .map(|pr| Problem::new(format!("participants[1].{}", pr.path), pr.kind))
                .collect();
            assert_eq!(whole, prefixed, "{name} (workspace)");
        }
    }

    #[test]
    fn custom_skills_are_known() {
        let mut ws = workspace(vec![]);
        ws.catalogue.custom.push(CustomSkill {
            id: skill("custom-cold-chain"),
            name: "Cold chain".into(),
            kind: SkillKind::Experience,
        });
        let mut p = valid(1);
        p.skills_wanted[0].skill = skill("custom-cold-chain");
        assert_eq!(validate_participant(&p, &ws), vec![]);
    }

    #[test]
    fn five_problems_are_all_reported() {
        let mut p = valid(1);
        p.name.clear();
        p.email = "nope".into();
        p.capacity = 0;
        p.languages = vec!["xx1".into()];
        p.skills_offered[0].level = 9;
        let found = validate_participant(&p, &workspace(vec![]));
        assert_eq!(found.len(), 5, "{found:?}");
        let paths: Vec<&str> = found.iter().map(|pr| pr.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "name",
                "email",
                "languages[0]",
                "skills_offered[0].level",
                "capacity"
            ]
        );
    }

    #[test]
    fn duplicate_emails_point_at_the_first() {
        let mut a = valid(1);
        let mut b = valid(2);
        let c = valid(3);
        let mut d = valid(4);
        a.email = "Ana@Example.com".into();
        b.email = " ana@example.com".into();
        d.email = "ANA@example.com".into();
        let ws = workspace(vec![c, a.clone(), b.clone(), d]);
        let dup = |first: &str| ProblemKind::DuplicateEmail {
            first: first.into(),
        };
        assert_eq!(
            validate_workspace(&ws),
            problems(&[
                ("participants[2].email", dup("participants[1]")),
                ("participants[3].email", dup("participants[1]"))
            ])
        );
        // Editing b: the first other person with the same email.
        assert_eq!(
            validate_participant(&b, &ws),
            problems(&[("email", dup("participants[1]"))])
        );
        // Editing a: itself is skipped, so it points at b.
        assert_eq!(
            validate_participant(&a, &ws),
            problems(&[("email", dup("participants[2]"))])
        );
        // A new person.
        let mut e = valid(5);
        e.email = "ana@EXAMPLE.com".into();
        assert_eq!(
            validate_participant(&e, &ws),
            problems(&[("email", dup("participants[1]"))])
        );
    }

    #[test]
    fn never_pair_lists_in_the_form_and_the_workspace() {
        use ProblemKind::*;
        let ws = workspace(vec![valid(1), valid(2), valid(3)]);
        let cases: Vec<(&str, Vec<u64>, Expected)> = vec![
            ("fine", vec![2, 3], vec![]),
            ("self", vec![1], vec![("never_pair_with[0]", NeverPairSelf)]),
            (
                "unknown",
                vec![2, 99],
                vec![(
                    "never_pair_with[1]",
                    UnknownParticipant {
                        id: pid(99).to_string(),
                    },
                )],
            ),
            (
                "twice",
                vec![3, 2, 3],
                vec![(
                    "never_pair_with[2]",
                    DuplicateEntry {
                        first: "never_pair_with[0]".into(),
                    },
                )],
            ),
        ];
        for (name, never, expected) in cases {
            let mut candidate = valid(1);
            candidate.never_pair_with = never.into_iter().map(pid).collect();
            assert_eq!(
                validate_participant(&candidate, &ws),
                problems(&expected),
                "{name}"
            );
            let mut whole = ws.clone();
            whole.participants[0] = candidate;
            let prefixed: Vec<Problem> = problems(&expected)
                .into_iter()
                .map(|p| {
                    let kind = match p.kind {
                        DuplicateEntry { first } => DuplicateEntry {
                            first: format!("participants[0].{first}"),
                        },
                        other => other,
                    };
                    Problem::new(format!("participants[0].{}", p.path), kind)
                })
                .collect();
            assert_eq!(validate_workspace(&whole), prefixed, "{name} (workspace)");
        }
        // A person being added may name someone already there, not themself.
        let mut newcomer = valid(50);
        newcomer.never_pair_with = vec![pid(1), pid(50)];
        assert_eq!(
            validate_participant(&newcomer, &ws),
            problems(&[("never_pair_with[1]", NeverPairSelf)])
        );
    }

    #[test]
    fn duplicate_ids() {
        let a = valid(1);
        let mut again = valid(1);
        again.email = "other@example.com".into();
        let ws = workspace(vec![a, valid(2), again]);
        assert_eq!(
            validate_workspace(&ws),
            problems(&[(
                "participants[2].id",
                ProblemKind::DuplicateId {
                    id: pid(1).to_string()
                }
            )])
        );
    }

    /// People 1..=n with the given manager links (by seed).
    fn chain(n: u64, links: &[(u64, u64)]) -> Workspace {
        let mut people: Vec<Participant> = (1..=n).map(valid).collect();
        for &(from, to) in links {
            people[(from - 1) as usize].manager = Some(pid(to));
        }
        workspace(people)
    }

    #[test]
    fn manager_rules_in_the_workspace() {
        use ProblemKind::*;
        let cycle = || ManagerCycle;
        let cases: Vec<(&str, u64, Links, Expected)> = vec![
            ("none", 3, vec![], vec![]),
            ("tree", 4, vec![(2, 1), (3, 1), (4, 2)], vec![]),
            (
                "self",
                2,
                vec![(1, 1)],
                vec![("participants[0].manager_id", SelfManager)],
            ),
            (
                "A→B→A",
                3,
                vec![(1, 2), (2, 1)],
                vec![
                    ("participants[0].manager_id", cycle()),
                    ("participants[1].manager_id", cycle()),
                ],
            ),
            (
                "A→B→C→A with a tail D→A",
                4,
                vec![(1, 2), (2, 3), (3, 1), (4, 1)],
                vec![
                    ("participants[0].manager_id", cycle()),
                    ("participants[1].manager_id", cycle()),
                    ("participants[2].manager_id", cycle()),
                ],
            ),
            (
                "tail into a self-manager is not a loop",
                2,
                vec![(1, 1), (2, 1)],
                vec![("participants[0].manager_id", SelfManager)],
            ),
            (
                "unknown",
                1,
                vec![(1, 99)],
                vec![(
                    "participants[0].manager_id",
                    UnknownParticipant {
                        id: pid(99).to_string(),
                    },
                )],
            ),
        ];
        for (name, n, links, expected) in cases {
            assert_eq!(
                validate_workspace(&chain(n, &links)),
                problems(&expected),
                "{name}"
            );
        }
    }

    #[test]
    fn manager_rules_for_one_participant() {
        use ProblemKind::*;
        // Stored: 2 → 3 → 4.
        let ws = chain(4, &[(2, 3), (3, 4)]);
        let cases: Vec<(&str, u64, Option<u64>, Expected)> = vec![
            ("fine", 1, Some(2), vec![]),
            ("self", 1, Some(1), vec![("manager_id", SelfManager)]),
            (
                "new person self",
                50,
                Some(50),
                vec![("manager_id", SelfManager)],
            ),
            (
                "unknown",
                1,
                Some(77),
                vec![(
                    "manager_id",
                    UnknownParticipant {
                        id: pid(77).to_string(),
                    },
                )],
            ),
            ("A→B→A", 3, Some(2), vec![("manager_id", ManagerCycle)]),
            ("A→B→C→A", 4, Some(2), vec![("manager_id", ManagerCycle)]),
            ("unchanged link", 2, Some(3), vec![]),
            ("new person into chain", 50, Some(2), vec![]),
        ];
        for (name, seed, manager, expected) in cases {
            let mut candidate = valid(seed);
            candidate.manager = manager.map(pid);
            assert_eq!(
                validate_participant(&candidate, &ws),
                problems(&expected),
                "{name}"
            );
        }
        // A loop elsewhere does not hang or blame the candidate.
        let looped = chain(3, &[(2, 3), (3, 2)]);
        let mut candidate = valid(1);
        candidate.manager = Some(pid(2));
        assert_eq!(validate_participant(&candidate, &looped), vec![]);
        // The candidate replaces the stored version: saving 3 → 1 breaks the loop.
        let mut candidate = valid(3);
        candidate.manager = Some(pid(1));
        assert_eq!(validate_participant(&candidate, &looped), vec![]);
    }

    fn objective(seed: u64) -> Objective {
        Objective {
            id: ObjectiveId::from_random_bytes(seeded_bytes(seed)),
            title: "Grow engagement".into(),
            company_goal: "Brand".into(),
            owner_department: "Marketing".into(),
            kpi_name: "Engagement rate".into(),
            unit: "%".into(),
            baseline: 1.8,
            target: 4.0,
            current: Some(2.6),
            skills: vec![skill("social-media")],
        }
    }

    fn valid_program() -> Program {
        Program {
            name: "Bridge".into(),
            organisation: "Acme".into(),
            description: "A pilot".into(),
            start_date: Date::new(2026, 9, 14),
            end_date: Date::new(2027, 3, 12),
            objectives: vec![objective(1), objective(2)],
            ..Program::default()
        }
    }

    #[test]
    fn program_rules() {
        use ProblemKind::*;
        type Mutation = fn(&mut Program);
        let cases: Vec<(&str, Mutation, Expected)> = vec![
            ("valid", |_| {}, vec![]),
            (
                "blank name",
                |p| p.name = " ".into(),
                vec![("name", Required)],
            ),
            (
                "long name",
                |p| p.name = long(121),
                vec![("name", TooLong { max: 120 })],
            ),
            (
                "long organisation",
                |p| p.organisation = long(121),
                vec![("organisation", TooLong { max: 120 })],
            ),
            (
                "long description",
                |p| p.description = long(4001),
                vec![("description", TooLong { max: 4000 })],
            ),
            (
                "end before start",
                |p| p.end_date = Date::new(2026, 9, 13),
                vec![("end_date", EndBeforeStart)],
            ),
            ("same day", |p| p.end_date = p.start_date, vec![]),
            ("no start", |p| p.start_date = None, vec![]),
            (
                "short sessions",
                |p| p.session_minutes = 9,
                vec![(
                    "session_minutes",
                    OutOfRange {
                        min: 10.0,
                        max: 240.0,
                    },
                )],
            ),
            (
                "long sessions",
                |p| p.session_minutes = 241,
                vec![(
                    "session_minutes",
                    OutOfRange {
                        min: 10.0,
                        max: 240.0,
                    },
                )],
            ),
            (
                "custom rules",
                |p| p.ground_rules.custom = vec!["Cameras on".into(), "".into(), long(301)],
                vec![
                    ("ground_rules.custom[1]", Required),
                    ("ground_rules.custom[2]", TooLong { max: 300 }),
                ],
            ),
            (
                "blank title",
                |p| p.objectives[1].title = "".into(),
                vec![("objectives[1].title", Required)],
            ),
            (
                "long title",
                |p| p.objectives[0].title = long(201),
                vec![("objectives[0].title", TooLong { max: 200 })],
            ),
            (
                "blank kpi",
                |p| p.objectives[0].kpi_name = " ".into(),
                vec![("objectives[0].kpi_name", Required)],
            ),
            (
                "not finite",
                |p| {
                    p.objectives[0].baseline = f64::NAN;
                    p.objectives[0].target = f64::INFINITY;
                    p.objectives[0].current = Some(f64::NEG_INFINITY);
                },
                vec![
                    ("objectives[0].baseline", NotFinite),
                    ("objectives[0].target", NotFinite),
                    ("objectives[0].current", NotFinite),
                ],
            ),
            (
                "target equals baseline",
                |p| p.objectives[1].target = 1.8,
                vec![("objectives[1].target", TargetEqualsBaseline)],
            ),
            ("no current yet", |p| p.objectives[0].current = None, vec![]),
            (
                "skills",
                |p| {
                    p.objectives[0].skills = vec![
                        skill("video-content"),
                        skill("juggling"),
                        skill("video-content"),
                    ]
                },
                vec![
                    (
                        "objectives[0].skills[1]",
                        UnknownSkill {
                            id: "juggling".into(),
                        },
                    ),
                    (
                        "objectives[0].skills[2]",
                        DuplicateSkill {
                            id: "video-content".into(),
                        },
                    ),
                ],
            ),
            (
                "duplicate objective id",
                |p| p.objectives[1].id = p.objectives[0].id.clone(),
                vec![(
                    "objectives[1].id",
                    DuplicateId {
                        id: ObjectiveId::from_random_bytes(seeded_bytes(1)).to_string(),
                    },
                )],
            ),
        ];
        for (name, mutate, expected) in cases {
            let mut program = valid_program();
            mutate(&mut program);
            assert_eq!(
                validate_program(&program, &Catalogue::default()),
                problems(&expected),
                "{name}"
            );
            let ws = Workspace {
                program,
                ..Default::default()
            };
            // A saved program may be untitled: only the form wants a name.
            let prefixed: Vec<Problem> = problems(&expected)
                .into_iter()
                .filter(|pr| !(pr.path == "name" && pr.kind == Required))
                .map(|pr| Problem::new(format!("program.{}", pr.path), pr.kind))
                .collect();
            assert_eq!(validate_workspace(&ws), prefixed, "{name} (workspace)");
        }
    }

    #[test]
    fn custom_skill_rules() {
        use ProblemKind::*;
        let custom = |id: &str, name: &str| CustomSkill {
            id: skill(id),
            name: name.into(),
            kind: SkillKind::Digital,
        };
        let cases: Vec<(&str, Vec<CustomSkill>, Expected)> = vec![
            (
                "fine",
                vec![
                    custom("custom-a", "Excel macros"),
                    custom("custom-b", "Cold chain"),
                ],
                vec![],
            ),
            (
                "blank",
                vec![custom("custom-a", "  ")],
                vec![("skills[0].name", Required)],
            ),
            (
                "long",
                vec![custom("custom-a", &long(81))],
                vec![("skills[0].name", TooLong { max: 80 })],
            ),
            (
                "same name",
                vec![
                    custom("custom-a", "Excel macros"),
                    custom("custom-b", " excel  MACROS "),
                ],
                vec![(
                    "skills[1].name",
                    DuplicateName {
                        name: "excel  MACROS".into(),
                    },
                )],
            ),
            (
                "accents",
                vec![custom("custom-a", "Diseño"), custom("custom-b", "diseno")],
                vec![(
                    "skills[1].name",
                    DuplicateName {
                        name: "diseno".into(),
                    },
                )],
            ),
            (
                "default label",
                vec![custom("custom-a", "social MEDIA")],
                vec![(
                    "skills[0].name",
                    DuplicateName {
                        name: "social MEDIA".into(),
                    },
                )],
            ),
            (
                "same id",
                vec![custom("custom-a", "One"), custom("custom-a", "Two")],
                vec![(
                    "skills[1].id",
                    DuplicateId {
                        id: "custom-a".into(),
                    },
                )],
            ),
            (
                "default id",
                vec![custom("leadership", "Leading people")],
                vec![(
                    "skills[0].id",
                    DuplicateId {
                        id: "leadership".into(),
                    },
                )],
            ),
        ];
        for (name, custom, expected) in cases {
            let ws = Workspace {
                catalogue: Catalogue { custom },
                ..workspace(vec![])
            };
            assert_eq!(validate_workspace(&ws), problems(&expected), "{name}");
        }
    }

    #[test]
    fn time_zone_names_are_judged_by_shape() {
        let cases = [
            ("Europe/Madrid", true),
            ("America/Argentina/Buenos_Aires", true),
            ("America/Port-au-Prince", true),
            ("Etc/GMT+1", true),
            ("Etc/GMT-14", true),
            ("UTC", true),
            ("Madrid", false),
            ("CET", false),
            ("utc", false),
            ("Europe/", false),
            ("/Madrid", false),
            ("Europe//Madrid", false),
            ("Europe/Madrid Time", false),
            ("Europe/1Madrid", false),
            ("Europe/Mádrid", false),
            ("+01:00", false),
            ("", false),
        ];
        for (name, expected) in cases {
            assert_eq!(looks_like_time_zone(name), expected, "{name}");
        }
        let long = format!("Area/{}", "x".repeat(59));
        assert!(looks_like_time_zone(&long));
        assert!(!looks_like_time_zone(&format!("{long}x")));
    }

    #[test]
    fn two_thousand_participants_validate_quickly() {
        let mut people: Vec<Participant> = (1..=2000).map(valid).collect();
        // A deep reporting chain and a wide one, the worst shapes for naive walks.
        for i in 1..1000 {
            people[i].manager = Some(people[i - 1].id.clone());
        }
        for i in 1000..2000 {
            people[i].manager = Some(people[0].id.clone());
        }
        let ws = Workspace {
            program: valid_program(),
            participants: people,
            ..Default::default()
        };
        let started = std::time::Instant::now();
        assert_eq!(validate_workspace(&ws), vec![]);
        for p in ws.participants.iter().step_by(100) {
            assert_eq!(validate_participant(p, &ws), vec![]);
        }
        assert!(
            started.elapsed().as_secs() < 5,
            "took {:?}",
            started.elapsed()
        );
    }
}
