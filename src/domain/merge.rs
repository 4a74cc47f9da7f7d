//! Merge import: bringing a colleague's copy of the program into ours.
//!
//! Coordinators share the program as files, and two of them sometimes edit
//! copies in parallel. [`compare`] lines the two copies up record by record
//! and says, for each kind of record, what their file adds, what only we
//! have, what is the same and where the two versions differ, field by field,
//! so the page can show both side by side. [`apply`] builds the merged
//! workspace from the coordinator's [`Choices`] without touching ours:
//! nothing changes until the result is confirmed and stored.
//!
//! # How records are matched
//!
//! By id: participants, objectives, custom skills, sessions, rounds. Pairs by
//! their mentee (a mentee has one pair, so two mentors for the same mentee is
//! one conflict), locks and bans by pair, circles by theme, agreements by
//! pair, answers by round and person, templates by kind and language,
//! leavers by person, and the program's settings as one record.
//!
//! Participants whose ids differ are still the same person when their emails
//! match (trimmed, ignoring case): two coordinators typed them in separately.
//! Everything in their file that points at that person (pairs, locks,
//! circles, agreements, sessions, invitations, answers, managers, never-pair
//! lists, leavers) is moved onto our id first. Custom skills with the same
//! name are matched the same way. Each such match is a [`Collision`] the
//! page can list.
//!
//! # How differences are settled
//!
//! Files carry no history, so there is no telling which side edited a record
//! last: two different values of a field are a conflict, settled by one
//! [`Choice`] per record. Without asking, a field left blank on one side (no
//! text, no date, an empty list) takes the other side's value, and so does a
//! whole settings section still at its defaults on one side. Numbers, flags
//! and options are never "blank": a capacity of 1 or an inactive flag may be
//! deliberate. Items with their own ids inside a record (an agreement's
//! goals, a round's invitations) are combined: those only in their file are
//! added. Bookkeeping follows fixed rules: a session's calendar sequence
//! becomes the larger one, plus one when the two versions differ in time or
//! status (so every calendar takes the result), and an answer's import day
//! the earlier one.
//!
//! # Deletions do not travel
//!
//! A merge never removes anything of ours: a record only in our copy stays,
//! a record only in theirs is added. A file cannot tell "deleted" from "never
//! had", so to remove someone from both copies, remove them in each (or
//! import with Replace).
//!
//! # Refused or resolved
//!
//! The merged workspace must pass [`validate_workspace`] like any saved
//! program, or [`apply`] returns every problem and nothing changes: e.g.
//! choosing their email for someone when another of our people already has
//! it, or their role for someone whose pairs need the other one. What
//! validation accepts merges as it is, because one copy alone can hold it
//! too: a pair whose reverse mentor is inactive in our copy (a mentor who
//! leaves keeps their history) or a mentor with more mentees than capacity
//! (capacity may be lowered after pairing).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;

use super::date::Date;
use super::ids::{ObjectiveId, ParticipantId, RoundId, SessionId};
use super::impact::{CertificateCriteria, Leaver, ReportNotes};
use super::matching::{Circle, Pair, PairKey, PairingState, Weights};
use super::participants::{Availability, Channel, OfferedSkill, Participant, Role, WantedSkill};
use super::problem::Problem;
use super::program::{Cadence, Objective, Program, StandardRule};
use super::sessions::checkin::skill_answer;
use super::sessions::{
    Agreement, Answer, CheckinRound, Goal, GoalProgress, Invitation, LocalDateTime, LocalTime,
    Response, RoundKind, Session, SessionSettings, SessionStatus, TemplateKind, TemplateOverride,
};
use super::skills::{CustomSkill, Lang, SkillId, SkillKind};
use super::text;
use super::validation::validate_workspace;
use super::workspace::Workspace;

/// Which version of a conflicting record to keep.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Choice {
    /// Keep ours: the default, so nothing of ours changes unless chosen.
    #[default]
    Ours,
    Theirs,
}

/// The coordinator's choice per conflicting record; a record without one
/// keeps our version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices(HashMap<RecordKey, Choice>);

impl Choices {
    pub fn new() -> Choices {
        Choices::default()
    }

    /// The same choice for every conflict of the plan ("keep all theirs").
    pub fn all(plan: &MergePlan, choice: Choice) -> Choices {
        Choices(plan.conflicts().map(|c| (c.key.clone(), choice)).collect())
    }

    pub fn set(&mut self, key: RecordKey, choice: Choice) {
        self.0.insert(key, choice);
    }

    pub fn get(&self, key: &RecordKey) -> Choice {
        self.0.get(key).copied().unwrap_or_default()
    }
}

/// The kinds of record a merge goes through, in the order it reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    /// Program details, pairing settings, session settings, certificate
    /// criteria and report notes, as one record.
    Settings,
    Participants,
    Skills,
    Objectives,
    Pairs,
    /// Locked and forbidden pairs.
    PairRules,
    Circles,
    Agreements,
    Sessions,
    Rounds,
    Responses,
    Templates,
    Leavers,
}

impl RecordKind {
    pub const ALL: [RecordKind; 13] = [
        RecordKind::Settings,
        RecordKind::Participants,
        RecordKind::Skills,
        RecordKind::Objectives,
        RecordKind::Pairs,
        RecordKind::PairRules,
        RecordKind::Circles,
        RecordKind::Agreements,
        RecordKind::Sessions,
        RecordKind::Rounds,
        RecordKind::Responses,
        RecordKind::Templates,
        RecordKind::Leavers,
    ];
}

/// What identifies a record across the two copies. Participant ids are ours
/// when the person was matched by email.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RecordKey {
    Settings,
    Participant(ParticipantId),
    Skill(SkillId),
    Objective(ObjectiveId),
    /// A mentee's accepted pair.
    Pair(ParticipantId),
    PairRule(PairKey),
    /// A circle, by theme.
    Circle(String),
    Agreement(PairKey),
    Session(SessionId),
    Round(RoundId),
    Response {
        round: RoundId,
        participant: ParticipantId,
    },
    Template {
        kind: TemplateKind,
        lang: Lang,
    },
    Leaver(ParticipantId),
}

impl RecordKey {
    pub fn kind(&self) -> RecordKind {
        match self {
            RecordKey::Settings => RecordKind::Settings,
            RecordKey::Participant(_) => RecordKind::Participants,
            RecordKey::Skill(_) => RecordKind::Skills,
            RecordKey::Objective(_) => RecordKind::Objectives,
            RecordKey::Pair(_) => RecordKind::Pairs,
            RecordKey::PairRule(_) => RecordKind::PairRules,
            RecordKey::Circle(_) => RecordKind::Circles,
            RecordKey::Agreement(_) => RecordKind::Agreements,
            RecordKey::Session(_) => RecordKind::Sessions,
            RecordKey::Round(_) => RecordKind::Rounds,
            RecordKey::Response { .. } => RecordKind::Responses,
            RecordKey::Template { .. } => RecordKind::Templates,
            RecordKey::Leaver(_) => RecordKind::Leavers,
        }
    }
}

/// Whether a pair is kept whatever the solver prefers, or ruled out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PairRule {
    Locked,
    Forbidden,
}

/// One side's value of a field, typed so the page can word and format it
/// (names for ids, labels for skills, localized dates).
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    /// Nothing recorded: no text, no date, an empty list.
    Empty,
    Text(String),
    Texts(Vec<String>),
    Whole(u32),
    Number(f64),
    Flag(bool),
    Date(Date),
    Dates(Vec<Date>),
    Time(LocalTime),
    DateTime(LocalDateTime),
    Person(ParticipantId),
    People(Vec<ParticipantId>),
    Skills(Vec<SkillId>),
    Offered(Vec<OfferedSkill>),
    Wanted(Vec<WantedSkill>),
    Role(Role),
    Cadence(Cadence),
    Channel(Channel),
    Channels(Vec<Channel>),
    Availability(Availability),
    Rules(Vec<StandardRule>),
    Weights(Weights),
    Status(SessionStatus),
    RoundKind(RoundKind),
    SkillKind(SkillKind),
    PairRule(PairRule),
    Goals(Vec<Goal>),
    GoalProgress(Vec<GoalProgress>),
    Answers(Vec<Answer>),
    /// Check-in tokens that differ: secrets, so never shown.
    Secret,
}

/// How a field that differs is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// Blank on our side (or our section untouched): theirs is taken.
    TakeTheirs,
    /// Blank on their side (or their section untouched), or they lack items
    /// we have: ours stays.
    KeepOurs,
    /// A list of items with ids: theirs are added to ours.
    Combined,
    /// Bookkeeping merged by a fixed rule (calendar sequence, import day).
    ByRule,
    /// Both sides have a value: the record's [`Choice`] decides.
    Conflict,
}

/// One field that differs, with both values.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDiff {
    /// The file-format name (`email`, `manager_id`, `program.cadence`).
    pub field: &'static str,
    pub ours: FieldValue,
    pub theirs: FieldValue,
    pub resolution: Resolution,
}

/// A record present in both copies that differs.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub key: RecordKey,
    pub fields: Vec<FieldDiff>,
}

impl Change {
    /// The fields the record's choice decides.
    pub fn conflicting(&self) -> impl Iterator<Item = &FieldDiff> {
        self.fields
            .iter()
            .filter(|f| f.resolution == Resolution::Conflict)
    }
}

/// What the merge finds for one kind of record.
#[derive(Clone, Debug, PartialEq)]
pub struct KindReport {
    pub kind: RecordKind,
    /// Only in their copy: added.
    pub added: Vec<RecordKey>,
    /// Only in our copy: kept (a merge never deletes).
    pub only_ours: Vec<RecordKey>,
    pub identical: Vec<RecordKey>,
    /// Different, but settled without a choice (blanks filled, items combined).
    pub safe: Vec<Change>,
    /// Different values on both sides: each needs a [`Choice`].
    pub conflicts: Vec<Change>,
}

impl KindReport {
    fn new(kind: RecordKind) -> KindReport {
        KindReport {
            kind,
            added: Vec::new(),
            only_ours: Vec::new(),
            identical: Vec::new(),
            safe: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    fn record(&mut self, key: RecordKey, fields: Vec<FieldDiff>) {
        if fields.is_empty() {
            self.identical.push(key);
        } else if fields.iter().any(|f| f.resolution == Resolution::Conflict) {
            self.conflicts.push(Change { key, fields });
        } else {
            self.safe.push(Change { key, fields });
        }
    }
}

/// Records that look alike in the two copies but are not matched plainly by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Collision {
    /// Same email, different ids: one person entered by both coordinators.
    /// They are merged as one, and their file's references now use our id.
    SameEmail {
        email: String,
        ours: ParticipantId,
        theirs: ParticipantId,
    },
    /// Same id, different emails: the same record, its email changed on one
    /// side; the email is a field conflict.
    SameIdDifferentEmail {
        id: ParticipantId,
        ours: String,
        theirs: String,
    },
    /// Their participant `theirs` has the email of our `ours`, a different
    /// record (matched by id to someone else, or already matched): the merge
    /// is refused if the choices leave two people with this email.
    EmailTaken {
        email: String,
        ours: ParticipantId,
        theirs: ParticipantId,
    },
    /// Custom skills with different ids and the same name: merged as one,
    /// their file's references now use our id.
    SameSkillName {
        name: String,
        ours: SkillId,
        theirs: SkillId,
    },
}

/// Their ids that stand for ours (people matched by email, skills by name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    pub people: BTreeMap<ParticipantId, ParticipantId>,
    pub skills: BTreeMap<SkillId, SkillId>,
}

impl Mapping {
    pub fn is_empty(&self) -> bool {
        self.people.is_empty() && self.skills.is_empty()
    }

    /// Their workspace with every reference to a matched person or skill
    /// moved onto our id.
    pub fn remap(&self, theirs: &Workspace) -> Workspace {
        let mut ws = theirs.clone();
        if self.is_empty() {
            return ws;
        }
        let person = |id: &mut ParticipantId| {
            if let Some(ours) = self.people.get(id) {
                *id = ours.clone();
            }
        };
        let skill = |id: &mut SkillId| {
            if let Some(ours) = self.skills.get(id) {
                *id = ours.clone();
            }
        };
        let pair = |key: &mut PairKey| {
            person(&mut key.mentor);
            person(&mut key.mentee);
        };
        for p in &mut ws.participants {
            person(&mut p.id);
            if let Some(manager) = &mut p.manager {
                person(manager);
            }
            p.never_pair_with.iter_mut().for_each(person);
            p.skills_offered
                .iter_mut()
                .for_each(|s| skill(&mut s.skill));
            p.skills_wanted.iter_mut().for_each(|s| skill(&mut s.skill));
        }
        for objective in &mut ws.program.objectives {
            objective.skills.iter_mut().for_each(skill);
        }
        ws.catalogue
            .custom
            .iter_mut()
            .for_each(|c| skill(&mut c.id));
        let pairing = &mut ws.pairing;
        pairing.locked.iter_mut().for_each(pair);
        pairing.forbidden.iter_mut().for_each(pair);
        for p in &mut pairing.pairs {
            person(&mut p.mentor);
            person(&mut p.mentee);
        }
        for circle in &mut pairing.circles {
            circle.members.iter_mut().for_each(person);
        }
        let sessions = &mut ws.sessions;
        for agreement in &mut sessions.agreements {
            pair(&mut agreement.pair);
            agreement
                .goals
                .iter_mut()
                .filter_map(|g| g.skill.as_mut())
                .for_each(skill);
        }
        for session in &mut sessions.sessions {
            pair(&mut session.pair);
            session.topics.iter_mut().for_each(skill);
        }
        for round in &mut sessions.rounds {
            round
                .invitations
                .iter_mut()
                .for_each(|i| person(&mut i.participant));
        }
        for response in &mut sessions.responses {
            person(&mut response.participant);
            // Self-assessment questions name skills (`skill:<id>`, `offer:<id>`).
            for answer in &mut response.answers {
                if let Some((side, id)) = skill_answer(&answer.question)
                    && let Some(ours) = self.skills.get(&id)
                {
                    answer.question = side.answer_id(ours);
                }
            }
        }
        for leaver in &mut ws.impact.leavers {
            person(&mut leaver.participant);
        }
        ws
    }
}

/// Everything [`compare`] found, per kind of record, and how their ids map
/// onto ours.
#[derive(Clone, Debug, PartialEq)]
pub struct MergePlan {
    /// One report per kind, in [`RecordKind::ALL`] order.
    pub kinds: Vec<KindReport>,
    pub collisions: Vec<Collision>,
    /// Applied to their copy before records are matched.
    pub mapping: Mapping,
}

impl MergePlan {
    pub fn kind(&self, kind: RecordKind) -> Option<&KindReport> {
        self.kinds.iter().find(|k| k.kind == kind)
    }

    /// Every record that needs a choice.
    pub fn conflicts(&self) -> impl Iterator<Item = &Change> {
        self.kinds.iter().flat_map(|k| &k.conflicts)
    }

    /// Both copies hold the same records (emails compared by their key).
    pub fn is_identical(&self) -> bool {
        self.collisions.is_empty()
            && self.kinds.iter().all(|k| {
                k.added.is_empty()
                    && k.only_ours.is_empty()
                    && k.safe.is_empty()
                    && k.conflicts.is_empty()
            })
    }
}

/// Lines up their copy against ours. Never changes either.
pub fn compare(ours: &Workspace, theirs: &Workspace) -> MergePlan {
    let mut mapping = Mapping::default();
    let mut collisions = Vec::new();
    match_people(
        &ours.participants,
        &theirs.participants,
        &mut mapping,
        &mut collisions,
    );
    match_skills(
        &ours.catalogue.custom,
        &theirs.catalogue.custom,
        &mut mapping,
        &mut collisions,
    );
    let mapped = mapping.remap(theirs);
    let (_, kinds) = merge(ours, &mapped, &Choices::new());
    MergePlan {
        kinds,
        collisions,
        mapping,
    }
}

/// The merged workspace, or every problem that makes it invalid. `ours` is
/// not touched either way; the caller stores the result once confirmed.
/// The plan's mapping decides who is whom, so the merge does what the page
/// showed; records are read from `ours` and `theirs` as they are now.
pub fn apply(
    ours: &Workspace,
    theirs: &Workspace,
    plan: &MergePlan,
    choices: &Choices,
) -> Result<Workspace, Vec<Problem>> {
    let mapped = plan.mapping.remap(theirs);
    let (merged, _) = merge(ours, &mapped, choices);
    let problems = validate_workspace(&merged);
    if problems.is_empty() {
        Ok(merged)
    } else {
        Err(problems)
    }
}

/// A reverse mentor the merge leaves with more mentees than they take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overload {
    pub mentor: ParticipantId,
    pub mentees: usize,
    pub capacity: u8,
}

/// How many mentees each reverse mentor has in the accepted pairs.
fn mentee_counts(ws: &Workspace) -> HashMap<&ParticipantId, usize> {
    let mut counts: HashMap<&ParticipantId, usize> = HashMap::new();
    for pair in &ws.pairing.pairs {
        *counts.entry(&pair.mentor).or_default() += 1;
    }
    counts
}

/// Reverse mentors over capacity in `merged` who were not in `ours`: pairs
/// from both sides may add up past what one person agreed to take. Not an
/// error (capacity can be lowered after pairs are accepted, and validation
/// allows it), but worth saying before the merge is applied.
pub fn new_overloads(ours: &Workspace, merged: &Workspace) -> Vec<Overload> {
    let before = mentee_counts(ours);
    let after = mentee_counts(merged);
    let mut overloads: Vec<Overload> = merged
        .participants
        .iter()
        .filter_map(|p| {
            let mentees = after.get(&p.id).copied().unwrap_or(0);
            let was = before.get(&p.id).copied().unwrap_or(0);
            let capacity = usize::from(p.capacity);
            (mentees > capacity && mentees > was).then(|| Overload {
                mentor: p.id.clone(),
                mentees,
                capacity: p.capacity,
            })
        })
        .collect();
    overloads.sort_by(|a, b| a.mentor.cmp(&b.mentor));
    overloads
}

/// Our participants matched by their ids first; then each of theirs whose id
/// we lack takes the participant of ours with the same email, if that one is
/// not matched already.
fn match_people(
    ours: &[Participant],
    theirs: &[Participant],
    mapping: &mut Mapping,
    collisions: &mut Vec<Collision>,
) {
    let mut by_id: HashMap<&ParticipantId, usize> = HashMap::with_capacity(ours.len());
    let mut by_email: HashMap<String, usize> = HashMap::with_capacity(ours.len());
    for (i, p) in ours.iter().enumerate() {
        by_id.entry(&p.id).or_insert(i);
        let key = text::email_key(&p.email);
        if !key.is_empty() {
            by_email.entry(key).or_insert(i);
        }
    }
    let mut taken = vec![false; ours.len()];
    for t in theirs {
        if let Some(&i) = by_id.get(&t.id) {
            taken[i] = true;
        }
    }
    for t in theirs {
        let key = text::email_key(&t.email);
        let same_email = if key.is_empty() {
            None
        } else {
            by_email.get(&key).copied()
        };
        let email = || t.email.trim().to_string();
        match by_id.get(&t.id) {
            Some(&i) => {
                let our_key = text::email_key(&ours[i].email);
                if key.is_empty() || key == our_key {
                    continue;
                }
                if !our_key.is_empty() {
                    collisions.push(Collision::SameIdDifferentEmail {
                        id: t.id.clone(),
                        ours: ours[i].email.trim().to_string(),
                        theirs: email(),
                    });
                }
                if let Some(j) = same_email {
                    collisions.push(Collision::EmailTaken {
                        email: email(),
                        ours: ours[j].id.clone(),
                        theirs: t.id.clone(),
                    });
                }
            }
            None => {
                if let Some(j) = same_email {
                    if taken[j] {
                        collisions.push(Collision::EmailTaken {
                            email: email(),
                            ours: ours[j].id.clone(),
                            theirs: t.id.clone(),
                        });
                    } else {
                        taken[j] = true;
                        mapping.people.insert(t.id.clone(), ours[j].id.clone());
                        collisions.push(Collision::SameEmail {
                            email: email(),
                            ours: ours[j].id.clone(),
                            theirs: t.id.clone(),
                        });
                    }
                }
            }
        }
    }
}

/// Custom skills: by id, then by name as validation compares names (case,
/// accents and spacing aside).
fn match_skills(
    ours: &[CustomSkill],
    theirs: &[CustomSkill],
    mapping: &mut Mapping,
    collisions: &mut Vec<Collision>,
) {
    let name_key =
        |name: &str| text::search_key(&name.split_whitespace().collect::<Vec<_>>().join(" "));
    let ids: HashSet<&SkillId> = ours.iter().map(|s| &s.id).collect();
    let their_ids: HashSet<&SkillId> = theirs.iter().map(|s| &s.id).collect();
    let mut by_name: HashMap<String, &CustomSkill> = HashMap::new();
    for skill in ours {
        // A skill of ours that theirs has by id is taken already.
        if !their_ids.contains(&skill.id) {
            by_name.entry(name_key(&skill.name)).or_insert(skill);
        }
    }
    for t in theirs {
        if ids.contains(&t.id) || t.name.trim().is_empty() {
            continue;
        }
        if let Some(skill) = by_name.remove(&name_key(&t.name)) {
            mapping.skills.insert(t.id.clone(), skill.id.clone());
            collisions.push(Collision::SameSkillName {
                name: t.name.trim().to_string(),
                ours: skill.id.clone(),
                theirs: t.id.clone(),
            });
        }
    }
}

/// The merge itself, used by both [`compare`] (our choices everywhere, the
/// reports kept) and [`apply`] (the workspace kept), so the plan shown is
/// exactly what applying does.
fn merge(ours: &Workspace, theirs: &Workspace, choices: &Choices) -> (Workspace, Vec<KindReport>) {
    let mut merged = ours.clone();
    let mut m = Merger {
        choices,
        reports: Vec::with_capacity(RecordKind::ALL.len()),
    };

    let mut settings = KindReport::new(RecordKind::Settings);
    let mut visit = Visit::new(choices.get(&RecordKey::Settings));
    settings_fields(&mut visit, &mut merged, theirs);
    settings.record(RecordKey::Settings, visit.diffs);
    m.reports.push(settings);

    m.records(
        RecordKind::Participants,
        &mut merged.participants,
        &theirs.participants,
        |p| p.id.clone(),
        RecordKey::Participant,
        participant_fields,
    );
    m.records(
        RecordKind::Skills,
        &mut merged.catalogue.custom,
        &theirs.catalogue.custom,
        |s| s.id.clone(),
        RecordKey::Skill,
        skill_fields,
    );
    m.records(
        RecordKind::Objectives,
        &mut merged.program.objectives,
        &theirs.program.objectives,
        |o| o.id.clone(),
        RecordKey::Objective,
        objective_fields,
    );
    m.records(
        RecordKind::Pairs,
        &mut merged.pairing.pairs,
        &theirs.pairing.pairs,
        |p| p.mentee.clone(),
        RecordKey::Pair,
        pair_fields,
    );
    let mut rules = rule_records(&merged.pairing);
    m.records(
        RecordKind::PairRules,
        &mut rules,
        &rule_records(&theirs.pairing),
        |r| r.key.clone(),
        RecordKey::PairRule,
        |v, o, t| v.field("state", &mut o.rule, &t.rule),
    );
    let (locked, forbidden): (Vec<RuleRecord>, Vec<RuleRecord>) =
        rules.into_iter().partition(|r| r.rule == PairRule::Locked);
    merged.pairing.locked = locked.into_iter().map(|r| r.key).collect();
    merged.pairing.forbidden = forbidden.into_iter().map(|r| r.key).collect();
    m.records(
        RecordKind::Circles,
        &mut merged.pairing.circles,
        &theirs.pairing.circles,
        |c| c.theme.clone(),
        RecordKey::Circle,
        |v, o: &mut Circle, t| v.field("member_ids", &mut o.members, &t.members),
    );
    m.records(
        RecordKind::Agreements,
        &mut merged.sessions.agreements,
        &theirs.sessions.agreements,
        |a| a.pair.clone(),
        RecordKey::Agreement,
        agreement_fields,
    );
    m.records(
        RecordKind::Sessions,
        &mut merged.sessions.sessions,
        &theirs.sessions.sessions,
        |s| s.id.clone(),
        RecordKey::Session,
        session_fields,
    );
    m.records(
        RecordKind::Rounds,
        &mut merged.sessions.rounds,
        &theirs.sessions.rounds,
        |r| r.id.clone(),
        RecordKey::Round,
        round_fields,
    );
    m.records(
        RecordKind::Responses,
        &mut merged.sessions.responses,
        &theirs.sessions.responses,
        |r| (r.round.clone(), r.participant.clone()),
        |(round, participant)| RecordKey::Response { round, participant },
        response_fields,
    );
    m.records(
        RecordKind::Templates,
        &mut merged.sessions.templates,
        &theirs.sessions.templates,
        |t| (t.kind, t.lang),
        |(kind, lang)| RecordKey::Template { kind, lang },
        |v, o: &mut TemplateOverride, t| {
            v.field("subject", &mut o.subject, &t.subject);
            v.field("body", &mut o.body, &t.body);
        },
    );
    m.records(
        RecordKind::Leavers,
        &mut merged.impact.leavers,
        &theirs.impact.leavers,
        |l| l.participant.clone(),
        RecordKey::Leaver,
        |v, o: &mut Leaver, t| v.field("left_on", &mut o.left_on, &t.left_on),
    );
    (merged, m.reports)
}

struct Merger<'a> {
    choices: &'a Choices,
    reports: Vec<KindReport>,
}

impl Merger<'_> {
    /// Merges one list: ours in place and in order, their new records
    /// appended in their order. A key repeated in their list more often
    /// than in ours is appended too, so validation names it (when a repeat
    /// is invalid) rather than it silently vanishing.
    fn records<T: Clone, K: Eq + Hash>(
        &mut self,
        kind: RecordKind,
        merged: &mut Vec<T>,
        theirs: &[T],
        key: impl Fn(&T) -> K,
        record_key: impl Fn(K) -> RecordKey,
        fields: impl Fn(&mut Visit, &mut T, &T),
    ) {
        let mut report = KindReport::new(kind);
        let ours_len = merged.len();
        // Keys may repeat validly (two circles on one theme): the n-th of
        // theirs with a key meets the n-th of ours with it.
        let mut index: HashMap<K, Vec<usize>> = HashMap::with_capacity(ours_len);
        for (i, record) in merged.iter().enumerate() {
            index.entry(key(record)).or_default().push(i);
        }
        let mut matched = vec![false; ours_len];
        for t in theirs {
            let k = key(t);
            let ours = index
                .get(&k)
                .and_then(|positions| positions.iter().copied().find(|&i| !matched[i]));
            match ours {
                Some(i) => {
                    matched[i] = true;
                    let rk = record_key(k);
                    let mut visit = Visit::new(self.choices.get(&rk));
                    fields(&mut visit, &mut merged[i], t);
                    report.record(rk, visit.diffs);
                }
                _ => {
                    report.added.push(record_key(k));
                    merged.push(t.clone());
                }
            }
        }
        for (record, _) in merged[..ours_len]
            .iter()
            .zip(&matched)
            .filter(|(_, m)| !**m)
        {
            report.only_ours.push(record_key(key(record)));
        }
        self.reports.push(report);
    }
}

/// Locks and bans as one list of keyed records, so a pair locked on one side
/// and forbidden on the other is one conflict.
#[derive(Clone)]
struct RuleRecord {
    key: PairKey,
    rule: PairRule,
}

fn rule_records(state: &PairingState) -> Vec<RuleRecord> {
    let locked = state.locked.iter().map(|key| RuleRecord {
        key: key.clone(),
        rule: PairRule::Locked,
    });
    let forbidden = state.forbidden.iter().map(|key| RuleRecord {
        key: key.clone(),
        rule: PairRule::Forbidden,
    });
    locked.chain(forbidden).collect()
}

/// Which side's settings section is still at its defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Ours,
    Theirs,
}

/// Walks the fields of two versions of one record: records each difference
/// and writes the settled value into ours (a copy) as it goes.
struct Visit {
    choice: Choice,
    untouched: Option<Side>,
    diffs: Vec<FieldDiff>,
}

impl Visit {
    fn new(choice: Choice) -> Visit {
        Visit {
            choice,
            untouched: None,
            diffs: Vec::new(),
        }
    }

    fn field<T: Value>(&mut self, name: &'static str, ours: &mut T, theirs: &T) {
        self.field_with(name, ours, theirs, T::same);
    }

    /// A field with its own sameness (emails compare by their key).
    fn field_with<T: Value>(
        &mut self,
        name: &'static str,
        ours: &mut T,
        theirs: &T,
        same: impl Fn(&T, &T) -> bool,
    ) {
        if same(ours, theirs) || (ours.blank() && theirs.blank()) {
            return;
        }
        let resolution = match (self.untouched, ours.blank(), theirs.blank()) {
            (Some(Side::Ours), _, _) | (None, true, _) => Resolution::TakeTheirs,
            (Some(Side::Theirs), _, _) | (None, _, true) => Resolution::KeepOurs,
            (None, false, false) => Resolution::Conflict,
        };
        self.diffs.push(FieldDiff {
            field: name,
            ours: ours.show(),
            theirs: theirs.show(),
            resolution,
        });
        if resolution == Resolution::TakeTheirs
            || (resolution == Resolution::Conflict && self.choice == Choice::Theirs)
        {
            *ours = theirs.clone();
        }
    }

    /// A settings section: when one side's is still all defaults, the other
    /// side's values are taken without asking.
    fn section(&mut self, ours_default: bool, theirs_default: bool, body: impl FnOnce(&mut Visit)) {
        self.untouched = match (ours_default, theirs_default) {
            (true, false) => Some(Side::Ours),
            (false, true) => Some(Side::Theirs),
            _ => None,
        };
        body(self);
        self.untouched = None;
    }

    /// A list of items with their own keys: items only in theirs are added,
    /// items in both that differ follow the record's choice. `changed` shows
    /// the differing items alone.
    fn items<T: Clone + PartialEq, K: Eq + Hash>(
        &mut self,
        name: &'static str,
        ours: &mut Vec<T>,
        theirs: &[T],
        key: impl Fn(&T) -> K,
        show: impl Fn(&[T]) -> FieldValue,
        changed: impl Fn(&[T]) -> FieldValue,
    ) {
        let mut index: HashMap<K, usize> = HashMap::with_capacity(ours.len());
        for (i, item) in ours.iter().enumerate() {
            index.entry(key(item)).or_insert(i);
        }
        let their_keys: HashSet<K> = theirs.iter().map(&key).collect();
        let mut differing: Vec<(usize, &T)> = Vec::new();
        let mut added: Vec<T> = Vec::new();
        for t in theirs {
            match index.get(&key(t)) {
                Some(&i) if ours[i] != *t => differing.push((i, t)),
                Some(_) => {}
                None => added.push(t.clone()),
            }
        }
        let ours_only = ours.iter().any(|o| !their_keys.contains(&key(o)));
        if !differing.is_empty() {
            let mine: Vec<T> = differing.iter().map(|&(i, _)| ours[i].clone()).collect();
            let other: Vec<T> = differing.iter().map(|&(_, t)| t.clone()).collect();
            self.diffs.push(FieldDiff {
                field: name,
                ours: changed(&mine),
                theirs: changed(&other),
                resolution: Resolution::Conflict,
            });
        }
        if !added.is_empty() || ours_only {
            self.diffs.push(FieldDiff {
                field: name,
                ours: show(ours),
                theirs: show(theirs),
                resolution: if added.is_empty() {
                    Resolution::KeepOurs
                } else {
                    Resolution::Combined
                },
            });
        }
        if self.choice == Choice::Theirs {
            for (i, t) in differing {
                ours[i] = t.clone();
            }
        }
        ours.extend(added);
    }

    /// Bookkeeping settled by a fixed rule, reported when the sides differ.
    fn by_rule<T: Value>(&mut self, name: &'static str, ours: &mut T, theirs: &T, rule: T) {
        if !ours.same(theirs) || !ours.same(&rule) {
            self.diffs.push(FieldDiff {
                field: name,
                ours: ours.show(),
                theirs: theirs.show(),
                resolution: Resolution::ByRule,
            });
        }
        *ours = rule;
    }
}

/// How a field's value is shown, whether it counts as blank, and sameness.
trait Value: Clone {
    fn show(&self) -> FieldValue;
    fn blank(&self) -> bool {
        false
    }
    fn same(&self, other: &Self) -> bool;
}

/// Values that are never blank and compare with `==`.
macro_rules! filled_value {
    ($($ty:ty => |$v:ident| $show:expr),* $(,)?) => {$(
        impl Value for $ty {
            fn show(&self) -> FieldValue {
                let $v = self;
                $show
            }
            fn same(&self, other: &Self) -> bool {
                self == other
            }
        }
    )*};
}

filled_value!(
    bool => |v| FieldValue::Flag(*v),
    u8 => |v| FieldValue::Whole(u32::from(*v)),
    u16 => |v| FieldValue::Whole(u32::from(*v)),
    u32 => |v| FieldValue::Whole(*v),
    Date => |v| FieldValue::Date(*v),
    LocalTime => |v| FieldValue::Time(*v),
    LocalDateTime => |v| FieldValue::DateTime(*v),
    ParticipantId => |v| FieldValue::Person(v.clone()),
    Role => |v| FieldValue::Role(*v),
    Cadence => |v| FieldValue::Cadence(*v),
    Channel => |v| FieldValue::Channel(*v),
    SessionStatus => |v| FieldValue::Status(*v),
    RoundKind => |v| FieldValue::RoundKind(*v),
    SkillKind => |v| FieldValue::SkillKind(*v),
    Weights => |v| FieldValue::Weights(*v),
    PairRule => |v| FieldValue::PairRule(*v),
    // An empty list of standard rules is a choice ("none"), not a blank.
    Vec<StandardRule> => |v| FieldValue::Rules(v.clone()),
);

/// Lists that are blank when empty.
macro_rules! list_value {
    ($($ty:ty => $variant:ident),* $(,)?) => {$(
        impl Value for Vec<$ty> {
            fn show(&self) -> FieldValue {
                if self.is_empty() {
                    FieldValue::Empty
                } else {
                    FieldValue::$variant(self.clone())
                }
            }
            fn blank(&self) -> bool {
                self.is_empty()
            }
            fn same(&self, other: &Self) -> bool {
                self == other
            }
        }
    )*};
}

list_value!(
    String => Texts,
    Date => Dates,
    ParticipantId => People,
    SkillId => Skills,
    OfferedSkill => Offered,
    WantedSkill => Wanted,
    Channel => Channels,
    GoalProgress => GoalProgress,
    Answer => Answers,
);

impl Value for String {
    fn show(&self) -> FieldValue {
        if self.blank() {
            FieldValue::Empty
        } else {
            FieldValue::Text(self.clone())
        }
    }
    fn blank(&self) -> bool {
        self.trim().is_empty()
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Value for f64 {
    fn show(&self) -> FieldValue {
        FieldValue::Number(*self)
    }
    /// Bit-equal counts too, so a NaN (an invalid file) is not a difference
    /// from itself.
    fn same(&self, other: &Self) -> bool {
        self == other || self.to_bits() == other.to_bits()
    }
}

impl Value for Availability {
    fn show(&self) -> FieldValue {
        if self.is_empty() {
            FieldValue::Empty
        } else {
            FieldValue::Availability(*self)
        }
    }
    fn blank(&self) -> bool {
        self.is_empty()
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl<T: Value> Value for Option<T> {
    fn show(&self) -> FieldValue {
        self.as_ref().map_or(FieldValue::Empty, T::show)
    }
    fn blank(&self) -> bool {
        self.is_none()
    }
    fn same(&self, other: &Self) -> bool {
        match (self, other) {
            (Some(a), Some(b)) => a.same(b),
            (None, None) => true,
            _ => false,
        }
    }
}

fn settings_fields(v: &mut Visit, o: &mut Workspace, t: &Workspace) {
    let bare_program = |p: &Program| {
        Program {
            objectives: Vec::new(),
            ..p.clone()
        } == Program::default()
    };
    v.section(bare_program(&o.program), bare_program(&t.program), |v| {
        let (o, t) = (&mut o.program, &t.program);
        v.field("program.name", &mut o.name, &t.name);
        v.field("program.organisation", &mut o.organisation, &t.organisation);
        v.field("program.description", &mut o.description, &t.description);
        v.field("program.start_date", &mut o.start_date, &t.start_date);
        v.field("program.end_date", &mut o.end_date, &t.end_date);
        v.field("program.cadence", &mut o.cadence, &t.cadence);
        v.field(
            "program.session_minutes",
            &mut o.session_minutes,
            &t.session_minutes,
        );
        v.field(
            "program.ground_rules.standard",
            &mut o.ground_rules.standard,
            &t.ground_rules.standard,
        );
        v.field(
            "program.ground_rules.custom",
            &mut o.ground_rules.custom,
            &t.ground_rules.custom,
        );
    });

    let default_pairing = |p: &PairingState| {
        let d = PairingState::default();
        p.weights == d.weights && p.min_score == d.min_score && p.circle_size == d.circle_size
    };
    v.section(
        default_pairing(&o.pairing),
        default_pairing(&t.pairing),
        |v| {
            let (o, t) = (&mut o.pairing, &t.pairing);
            v.field("pairing.weights", &mut o.weights, &t.weights);
            v.field("pairing.min_score", &mut o.min_score, &t.min_score);
            v.field("pairing.circle_size", &mut o.circle_size, &t.circle_size);
        },
    );

    let default_settings = SessionSettings::default();
    v.section(
        o.sessions.settings == default_settings,
        t.sessions.settings == default_settings,
        |v| {
            let (o, t) = (&mut o.sessions.settings, &t.sessions.settings);
            v.field(
                "sessions.settings.time_zone",
                &mut o.time_zone,
                &t.time_zone,
            );
            v.field(
                "sessions.settings.first_checkin_day",
                &mut o.first_checkin_day,
                &t.first_checkin_day,
            );
            v.field(
                "sessions.settings.checkin_every_days",
                &mut o.checkin_every_days,
                &t.checkin_every_days,
            );
            v.field("sessions.settings.holidays", &mut o.holidays, &t.holidays);
            v.field(
                "sessions.settings.alerts.no_session_days",
                &mut o.alerts.no_session_days,
                &t.alerts.no_session_days,
            );
            v.field(
                "sessions.settings.alerts.low_rating",
                &mut o.alerts.low_rating,
                &t.alerts.low_rating,
            );
            v.field(
                "sessions.settings.alerts.low_mood",
                &mut o.alerts.low_mood,
                &t.alerts.low_mood,
            );
        },
    );

    let default_criteria = CertificateCriteria::default();
    v.section(
        o.impact.certificates == default_criteria,
        t.impact.certificates == default_criteria,
        |v| {
            let (o, t) = (&mut o.impact.certificates, &t.impact.certificates);
            v.field(
                "impact.certificates.min_sessions_held",
                &mut o.min_sessions_held,
                &t.min_sessions_held,
            );
            v.field(
                "impact.certificates.require_post_assessment",
                &mut o.require_post_assessment,
                &t.require_post_assessment,
            );
            v.field(
                "impact.certificates.issued_on",
                &mut o.issued_on,
                &t.issued_on,
            );
            v.field(
                "impact.certificates.signer_name",
                &mut o.signer_name,
                &t.signer_name,
            );
            v.field(
                "impact.certificates.signer_title",
                &mut o.signer_title,
                &t.signer_title,
            );
        },
    );

    let default_report = ReportNotes::default();
    v.section(
        o.impact.report == default_report,
        t.impact.report == default_report,
        |v| {
            let (o, t) = (&mut o.impact.report, &t.impact.report);
            v.field("impact.report.highlights", &mut o.highlights, &t.highlights);
            v.field("impact.report.lessons", &mut o.lessons, &t.lessons);
            v.field("impact.report.next_steps", &mut o.next_steps, &t.next_steps);
            v.field(
                "impact.report.include_comments",
                &mut o.include_comments,
                &t.include_comments,
            );
        },
    );
}

fn participant_fields(v: &mut Visit, o: &mut Participant, t: &Participant) {
    v.field("name", &mut o.name, &t.name);
    v.field_with("email", &mut o.email, &t.email, |a, b| {
        text::email_key(a) == text::email_key(b)
    });
    v.field("role", &mut o.role, &t.role);
    v.field("department", &mut o.department, &t.department);
    v.field("job_title", &mut o.job_title, &t.job_title);
    v.field("manager_id", &mut o.manager, &t.manager);
    v.field(
        "seniority_years",
        &mut o.seniority.years,
        &t.seniority.years,
    );
    v.field("grade", &mut o.seniority.grade, &t.seniority.grade);
    v.field("languages", &mut o.languages, &t.languages);
    v.field("location", &mut o.location, &t.location);
    v.field("time_zone", &mut o.time_zone, &t.time_zone);
    v.field("skills_offered", &mut o.skills_offered, &t.skills_offered);
    v.field("skills_wanted", &mut o.skills_wanted, &t.skills_wanted);
    v.field("interests", &mut o.interests, &t.interests);
    v.field("channels", &mut o.channels, &t.channels);
    v.field("availability", &mut o.availability, &t.availability);
    v.field("capacity", &mut o.capacity, &t.capacity);
    v.field(
        "never_pair_with",
        &mut o.never_pair_with,
        &t.never_pair_with,
    );
    v.field("consent_date", &mut o.consent_date, &t.consent_date);
    v.field("active", &mut o.active, &t.active);
    v.field("notes", &mut o.notes, &t.notes);
}

fn skill_fields(v: &mut Visit, o: &mut CustomSkill, t: &CustomSkill) {
    v.field("name", &mut o.name, &t.name);
    v.field("kind", &mut o.kind, &t.kind);
}

fn objective_fields(v: &mut Visit, o: &mut Objective, t: &Objective) {
    v.field("title", &mut o.title, &t.title);
    v.field("company_goal", &mut o.company_goal, &t.company_goal);
    v.field(
        "owner_department",
        &mut o.owner_department,
        &t.owner_department,
    );
    v.field("kpi_name", &mut o.kpi_name, &t.kpi_name);
    v.field("unit", &mut o.unit, &t.unit);
    v.field("baseline", &mut o.baseline, &t.baseline);
    v.field("target", &mut o.target, &t.target);
    v.field("current", &mut o.current, &t.current);
    v.field("skills", &mut o.skills, &t.skills);
}

fn pair_fields(v: &mut Visit, o: &mut Pair, t: &Pair) {
    v.field("mentor_id", &mut o.mentor, &t.mentor);
    v.field("since", &mut o.since, &t.since);
}

fn agreement_fields(v: &mut Visit, o: &mut Agreement, t: &Agreement) {
    let goals = |list: &[Goal]| {
        if list.is_empty() {
            FieldValue::Empty
        } else {
            FieldValue::Goals(list.to_vec())
        }
    };
    v.items(
        "goals",
        &mut o.goals,
        &t.goals,
        |g| g.id.clone(),
        goals,
        goals,
    );
    v.field("cadence", &mut o.cadence, &t.cadence);
    v.field(
        "session_minutes",
        &mut o.session_minutes,
        &t.session_minutes,
    );
    v.field("channel", &mut o.channel, &t.channel);
    v.field(
        "ground_rules.standard",
        &mut o.ground_rules.standard,
        &t.ground_rules.standard,
    );
    v.field(
        "ground_rules.custom",
        &mut o.ground_rules.custom,
        &t.ground_rules.custom,
    );
    v.field("review_dates", &mut o.review_dates, &t.review_dates);
    v.field("agreed_on", &mut o.agreed_on, &t.agreed_on);
    v.field("notes", &mut o.notes, &t.notes);
}

/// The calendar sequence becomes the larger of the two, plus one when the
/// versions differ in time or status: whichever is kept, every calendar
/// that imported either version replaces its event.
fn session_fields(v: &mut Visit, o: &mut Session, t: &Session) {
    let moved = o.start != t.start || o.status != t.status;
    let sequence = o.sequence.max(t.sequence).saturating_add(u32::from(moved));
    v.field("mentor_id", &mut o.pair.mentor, &t.pair.mentor);
    v.field("mentee_id", &mut o.pair.mentee, &t.pair.mentee);
    v.field("date", &mut o.start.date, &t.start.date);
    v.field("time", &mut o.start.time, &t.start.time);
    v.field("minutes", &mut o.minutes, &t.minutes);
    v.field("status", &mut o.status, &t.status);
    v.field(
        "rescheduled_from",
        &mut o.rescheduled_from,
        &t.rescheduled_from,
    );
    v.field("topics", &mut o.topics, &t.topics);
    v.field("notes", &mut o.notes, &t.notes);
    v.field("mentor_rating", &mut o.mentor_rating, &t.mentor_rating);
    v.field("mentee_rating", &mut o.mentee_rating, &t.mentee_rating);
    v.field("goal_progress", &mut o.goal_progress, &t.goal_progress);
    v.by_rule("sequence", &mut o.sequence, &t.sequence, sequence);
}

fn round_fields(v: &mut Visit, o: &mut CheckinRound, t: &CheckinRound) {
    v.field("kind", &mut o.kind, &t.kind);
    v.field("opens", &mut o.opens, &t.opens);
    v.field("closes", &mut o.closes, &t.closes);
    v.items(
        "invitations",
        &mut o.invitations,
        &t.invitations,
        |i| i.participant.clone(),
        |list: &[Invitation]| {
            FieldValue::People(list.iter().map(|i| i.participant.clone()).collect())
        },
        // Invitations of the same person differ only by their token.
        |_| FieldValue::Secret,
    );
}

/// The same answer imported by both coordinators keeps the first import day.
fn response_fields(v: &mut Visit, o: &mut Response, t: &Response) {
    v.field("answered_on", &mut o.answered_on, &t.answered_on);
    v.field("answers", &mut o.answers, &t.answers);
    let first = o.imported_on.min(t.imported_on);
    v.by_rule("imported_on", &mut o.imported_on, &t.imported_on, first);
}
