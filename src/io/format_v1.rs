//! File format version 1: plain data structures that mirror the JSON file
//! field for field, and the conversions between them and the domain.
//!
//! These types are deliberately *not* the domain types: the file keeps its
//! own spelling (`manager_id`, `"reverse_mentor"`, `"mon:morning"`) even if
//! the domain is renamed or reshaped, and a file with mistakes can still be
//! held here (with placeholders) while every mistake is reported.

use serde::Serialize;

use crate::domain::date::Date;
use crate::domain::ids::{ObjectiveId, ParticipantId, seeded_bytes};
use crate::domain::matching::model::{Circle, Pair, PairKey, PairingState, Weights};
use crate::domain::participants::{
    Availability, Channel, DayPart, OfferedSkill, Participant, Priority, Role, Seniority,
    WantedSkill, Weekday,
};
use crate::domain::program::{Cadence, GroundRules, Objective, Program, StandardRule};
use crate::domain::skills::{Catalogue, CustomSkill, SkillId, SkillKind};
use crate::domain::text;
use crate::domain::workspace::Workspace;

/// The value of the top-level `format` field of every Inversa file.
pub const FORMAT_NAME: &str = "inversa";

/// Top-level fields, in the order they are written.
pub const TOP_FIELDS: &[&str] = &[
    "format",
    "version",
    "exported_at",
    "program",
    "participants",
    "skills",
    "pairing",
];
pub const PROGRAM_FIELDS: &[&str] = &[
    "name",
    "organisation",
    "description",
    "start_date",
    "end_date",
    "cadence",
    "session_minutes",
    "ground_rules",
    "objectives",
];
pub const GROUND_RULES_FIELDS: &[&str] = &["standard", "custom"];
pub const OBJECTIVE_FIELDS: &[&str] = &[
    "id",
    "title",
    "company_goal",
    "owner_department",
    "kpi_name",
    "unit",
    "baseline",
    "target",
    "current",
    "skills",
];
pub const PARTICIPANT_FIELDS: &[&str] = &[
    "id",
    "name",
    "email",
    "role",
    "department",
    "job_title",
    "manager_id",
    "seniority_years",
    "grade",
    "languages",
    "location",
    "time_zone",
    "skills_offered",
    "skills_wanted",
    "interests",
    "channels",
    "availability",
    "capacity",
    "never_pair_with",
    "consent_date",
    "active",
    "notes",
];
pub const OFFERED_FIELDS: &[&str] = &["skill", "level"];
pub const WANTED_FIELDS: &[&str] = &["skill", "priority"];
pub const SKILL_FIELDS: &[&str] = &["id", "name", "kind"];
pub const PAIRING_FIELDS: &[&str] = &[
    "weights",
    "min_score",
    "circle_size",
    "locked",
    "forbidden",
    "pairs",
    "circles",
];
/// One weight per criterion, in [`Criterion::ALL`] order.
pub const WEIGHTS_FIELDS: &[&str] = &[
    "reverse",
    "symbiotic",
    "interests",
    "channel",
    "availability",
    "cross_department",
    "seniority_gap",
];
pub const PAIR_KEY_FIELDS: &[&str] = &["mentor_id", "mentee_id"];
pub const PAIR_FIELDS: &[&str] = &["mentor_id", "mentee_id", "since"];
pub const CIRCLE_FIELDS: &[&str] = &["theme", "member_ids"];

/// The known fields of the object found at `keys` (a path with indexes
/// dropped: `["participants", "skills_offered"]`), in written order.
pub fn fields_at(keys: &[&str]) -> Option<&'static [&'static str]> {
    Some(match keys {
        [] => TOP_FIELDS,
        ["program"] => PROGRAM_FIELDS,
        ["program", "ground_rules"] => GROUND_RULES_FIELDS,
        ["program", "objectives"] => OBJECTIVE_FIELDS,
        ["participants"] => PARTICIPANT_FIELDS,
        ["participants", "skills_offered"] => OFFERED_FIELDS,
        ["participants", "skills_wanted"] => WANTED_FIELDS,
        ["skills"] => SKILL_FIELDS,
        ["pairing"] => PAIRING_FIELDS,
        ["pairing", "weights"] => WEIGHTS_FIELDS,
        ["pairing", "locked" | "forbidden"] => PAIR_KEY_FIELDS,
        ["pairing", "pairs"] => PAIR_FIELDS,
        ["pairing", "circles"] => CIRCLE_FIELDS,
        _ => return None,
    })
}

/// Declares a closed set of spellings used in the file, with its parser.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),*
        }

        impl $name {
            /// Every accepted spelling, in documentation order.
            pub const NAMES: &'static [&'static str] = &[$($text),*];

            /// Reads a spelling; surrounding spaces and letter case are forgiven.
            pub fn parse(text: &str) -> Option<$name> {
                let text = text.trim();
                $(if text.eq_ignore_ascii_case($text) { return Some($name::$variant); })*
                None
            }

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }
        }
    };
}

wire_enum!(RoleV1 { ReverseMentor = "reverse_mentor", Mentee = "mentee" });
wire_enum!(CadenceV1 { Weekly = "weekly", Fortnightly = "fortnightly", Monthly = "monthly" });
wire_enum!(RuleV1 {
    Confidentiality = "confidentiality",
    NoFaultExit = "no_fault_exit",
    RespectTime = "respect_time",
    SafeFeedback = "safe_feedback",
    GoalsBothWays = "goals_both_ways",
});
wire_enum!(PriorityV1 { MustHave = "must_have", Important = "important", NiceToHave = "nice_to_have" });
wire_enum!(ChannelV1 { InPerson = "in_person", VideoCall = "video_call", Phone = "phone", Chat = "chat", Email = "email" });
wire_enum!(SkillKindV1 { Digital = "digital", Experience = "experience" });

/// Every availability slot spelling, in week order (`weekday:part`).
pub const SLOT_NAMES: &[&str] = &[
    "mon:morning",
    "mon:afternoon",
    "mon:evening",
    "tue:morning",
    "tue:afternoon",
    "tue:evening",
    "wed:morning",
    "wed:afternoon",
    "wed:evening",
    "thu:morning",
    "thu:afternoon",
    "thu:evening",
    "fri:morning",
    "fri:afternoon",
    "fri:evening",
    "sat:morning",
    "sat:afternoon",
    "sat:evening",
    "sun:morning",
    "sun:afternoon",
    "sun:evening",
];

/// Reads one availability slot (`"mon:morning"`, case-insensitive).
pub fn parse_slot(text: &str) -> Option<(Weekday, DayPart)> {
    let text = text.trim();
    let index = SLOT_NAMES
        .iter()
        .position(|name| text.eq_ignore_ascii_case(name))?;
    Some((Weekday::ALL[index / 3], DayPart::ALL[index % 3]))
}

pub fn slot_name(day: Weekday, part: DayPart) -> &'static str {
    SLOT_NAMES[day as usize * 3 + part as usize]
}

/// The whole file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileV1 {
    pub format: String,
    pub version: u64,
    pub exported_at: String,
    pub program: ProgramV1,
    pub participants: Vec<ParticipantV1>,
    /// Custom skills only; the default catalogue is known to every copy of the app.
    pub skills: Vec<CustomSkillV1>,
    /// Added within version 1: optional when read, always written.
    pub pairing: PairingV1,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgramV1 {
    pub name: String,
    pub organisation: String,
    pub description: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub cadence: CadenceV1,
    pub session_minutes: u16,
    pub ground_rules: GroundRulesV1,
    pub objectives: Vec<ObjectiveV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroundRulesV1 {
    pub standard: Vec<RuleV1>,
    pub custom: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObjectiveV1 {
    pub id: String,
    pub title: String,
    pub company_goal: String,
    pub owner_department: String,
    pub kpi_name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub current: Option<f64>,
    pub skills: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParticipantV1 {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: RoleV1,
    pub department: String,
    pub job_title: String,
    pub manager_id: Option<String>,
    pub seniority_years: Option<u8>,
    pub grade: String,
    pub languages: Vec<String>,
    pub location: String,
    pub time_zone: String,
    pub skills_offered: Vec<OfferedSkillV1>,
    pub skills_wanted: Vec<WantedSkillV1>,
    pub interests: Vec<String>,
    pub channels: Vec<ChannelV1>,
    /// Slot spellings from [`SLOT_NAMES`], in week order.
    pub availability: Vec<String>,
    pub capacity: u8,
    /// Participant ids; added within version 1 (optional when read).
    pub never_pair_with: Vec<String>,
    pub consent_date: Option<String>,
    pub active: bool,
    pub notes: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OfferedSkillV1 {
    pub skill: String,
    pub level: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WantedSkillV1 {
    pub skill: String,
    pub priority: PriorityV1,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CustomSkillV1 {
    pub id: String,
    pub name: String,
    pub kind: SkillKindV1,
}

/// The coordinator's pairing decisions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairingV1 {
    pub weights: WeightsV1,
    pub min_score: u8,
    pub circle_size: u8,
    pub locked: Vec<PairKeyV1>,
    pub forbidden: Vec<PairKeyV1>,
    pub pairs: Vec<PairV1>,
    pub circles: Vec<CircleV1>,
}

/// Field names follow [`WEIGHTS_FIELDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct WeightsV1 {
    pub reverse: u8,
    pub symbiotic: u8,
    pub interests: u8,
    pub channel: u8,
    pub availability: u8,
    pub cross_department: u8,
    pub seniority_gap: u8,
}

impl WeightsV1 {
    /// The weights in [`Criterion::ALL`] (and [`WEIGHTS_FIELDS`]) order.
    pub fn to_array(self) -> [u8; 7] {
        [
            self.reverse,
            self.symbiotic,
            self.interests,
            self.channel,
            self.availability,
            self.cross_department,
            self.seniority_gap,
        ]
    }

    pub fn from_array(w: [u8; 7]) -> WeightsV1 {
        WeightsV1 {
            reverse: w[0],
            symbiotic: w[1],
            interests: w[2],
            channel: w[3],
            availability: w[4],
            cross_department: w[5],
            seniority_gap: w[6],
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairKeyV1 {
    pub mentor_id: String,
    pub mentee_id: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairV1 {
    pub mentor_id: String,
    pub mentee_id: String,
    pub since: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CircleV1 {
    pub theme: String,
    pub member_ids: Vec<String>,
}

impl Default for PairingV1 {
    fn default() -> Self {
        PairingV1::from_domain(&PairingState::default())
    }
}

impl Default for ProgramV1 {
    fn default() -> Self {
        ProgramV1::from_domain(&Program::default())
    }
}

impl Default for GroundRulesV1 {
    fn default() -> Self {
        GroundRulesV1::from_domain(&GroundRules::default())
    }
}

// ---------------------------------------------------------------------------
// Domain → file

impl FileV1 {
    pub fn from_domain(ws: &Workspace, exported_at: &str) -> FileV1 {
        FileV1 {
            format: FORMAT_NAME.to_string(),
            version: 1,
            exported_at: exported_at.to_string(),
            program: ProgramV1::from_domain(&ws.program),
            participants: ws
                .participants
                .iter()
                .map(ParticipantV1::from_domain)
                .collect(),
            skills: ws
                .catalogue
                .custom
                .iter()
                .map(CustomSkillV1::from_domain)
                .collect(),
            pairing: PairingV1::from_domain(&ws.pairing),
        }
    }
}

impl PairingV1 {
    pub fn from_domain(state: &PairingState) -> PairingV1 {
        let key = |k: &PairKey| PairKeyV1 {
            mentor_id: k.mentor.to_string(),
            mentee_id: k.mentee.to_string(),
        };
        PairingV1 {
            weights: WeightsV1::from_array(state.weights.0),
            min_score: state.min_score,
            circle_size: state.circle_size,
            locked: state.locked.iter().map(key).collect(),
            forbidden: state.forbidden.iter().map(key).collect(),
            pairs: state
                .pairs
                .iter()
                .map(|p| PairV1 {
                    mentor_id: p.mentor.to_string(),
                    mentee_id: p.mentee.to_string(),
                    since: p.since.map(|d| d.to_string()),
                })
                .collect(),
            circles: state
                .circles
                .iter()
                .map(|c| CircleV1 {
                    theme: c.theme.clone(),
                    member_ids: c.members.iter().map(|m| m.to_string()).collect(),
                })
                .collect(),
        }
    }
}

impl ProgramV1 {
    pub fn from_domain(p: &Program) -> ProgramV1 {
        ProgramV1 {
            name: p.name.clone(),
            organisation: p.organisation.clone(),
            description: p.description.clone(),
            start_date: p.start_date.map(|d| d.to_string()),
            end_date: p.end_date.map(|d| d.to_string()),
            cadence: p.cadence.into(),
            session_minutes: p.session_minutes,
            ground_rules: GroundRulesV1::from_domain(&p.ground_rules),
            objectives: p.objectives.iter().map(ObjectiveV1::from_domain).collect(),
        }
    }
}

impl GroundRulesV1 {
    pub fn from_domain(rules: &GroundRules) -> GroundRulesV1 {
        GroundRulesV1 {
            standard: rules.standard.iter().map(|r| (*r).into()).collect(),
            custom: rules.custom.clone(),
        }
    }
}

impl ObjectiveV1 {
    pub fn from_domain(o: &Objective) -> ObjectiveV1 {
        ObjectiveV1 {
            id: o.id.to_string(),
            title: o.title.clone(),
            company_goal: o.company_goal.clone(),
            owner_department: o.owner_department.clone(),
            kpi_name: o.kpi_name.clone(),
            unit: o.unit.clone(),
            baseline: o.baseline,
            target: o.target,
            current: o.current,
            skills: o.skills.iter().map(|s| s.to_string()).collect(),
        }
    }
}

impl ParticipantV1 {
    pub fn from_domain(p: &Participant) -> ParticipantV1 {
        ParticipantV1 {
            id: p.id.to_string(),
            name: p.name.clone(),
            email: p.email.clone(),
            role: p.role.into(),
            department: p.department.clone(),
            job_title: p.job_title.clone(),
            manager_id: p.manager.as_ref().map(|m| m.to_string()),
            seniority_years: p.seniority.years,
            grade: p.seniority.grade.clone(),
            languages: p.languages.clone(),
            location: p.location.clone(),
            time_zone: p.time_zone.clone(),
            skills_offered: p
                .skills_offered
                .iter()
                .map(|s| OfferedSkillV1 {
                    skill: s.skill.to_string(),
                    level: s.level,
                })
                .collect(),
            skills_wanted: p
                .skills_wanted
                .iter()
                .map(|s| WantedSkillV1 {
                    skill: s.skill.to_string(),
                    priority: s.priority.into(),
                })
                .collect(),
            interests: p.interests.clone(),
            channels: p.channels.iter().map(|c| (*c).into()).collect(),
            availability: p
                .availability
                .slots()
                .map(|(d, part)| slot_name(d, part).to_string())
                .collect(),
            capacity: p.capacity,
            never_pair_with: p.never_pair_with.iter().map(|id| id.to_string()).collect(),
            consent_date: p.consent_date.map(|d| d.to_string()),
            active: p.active,
            notes: p.notes.clone(),
        }
    }

    /// A participant whose entry could not be read at all; only used to keep
    /// list positions (and so problem paths) aligned while problems are collected.
    pub fn placeholder() -> ParticipantV1 {
        let mut p = ParticipantV1::from_domain(&Participant::new(
            placeholder_participant_id(0),
            Role::Mentee,
        ));
        p.id = String::new();
        p
    }
}

impl CustomSkillV1 {
    pub fn from_domain(s: &CustomSkill) -> CustomSkillV1 {
        CustomSkillV1 {
            id: s.id.to_string(),
            name: s.name.clone(),
            kind: s.kind.into(),
        }
    }
}

// ---------------------------------------------------------------------------
// File → domain
//
// The decoder has already checked every id, date and number; anything that
// still fails to parse here belongs to an entry with a reported problem, and
// gets a placeholder so positions stay aligned for validation.

/// A skill id that no catalogue contains, standing in for an unreadable one.
const PLACEHOLDER_SKILL: &str = "x-unreadable-skill";

fn placeholder_participant_id(index: usize) -> ParticipantId {
    ParticipantId::from_random_bytes(seeded_bytes(0x1a7e_0000_0000 ^ index as u64))
}

/// A reference to a participant: the id it names, or (when unreadable) a
/// placeholder no participant has, distinct for each `(site, index)`.
fn participant_ref(text: &str, site: u64, index: usize) -> ParticipantId {
    ParticipantId::parse(text.trim()).unwrap_or_else(|| {
        ParticipantId::from_random_bytes(seeded_bytes(
            0x7ef0_0000_0000_0000 ^ (site << 40) ^ index as u64,
        ))
    })
}

fn placeholder_objective_id(index: usize) -> ObjectiveId {
    ObjectiveId::from_random_bytes(seeded_bytes(0x0b7e_0000_0000 ^ index as u64))
}

fn skill_id(text: &str) -> SkillId {
    SkillId::parse(text.trim())
        .or_else(|| SkillId::parse(PLACEHOLDER_SKILL))
        .expect("placeholder skill id is valid")
}

fn date(text: &Option<String>) -> Option<Date> {
    text.as_deref().and_then(|t| Date::parse_iso(t.trim()))
}

impl FileV1 {
    /// Builds the workspace, normalising as it goes: names and emails are
    /// trimmed, interests become tags, language codes lower case.
    pub fn into_domain(self) -> Workspace {
        Workspace {
            program: self.program.into_domain(),
            participants: self
                .participants
                .into_iter()
                .enumerate()
                .map(|(i, p)| p.into_domain(i))
                .collect(),
            catalogue: Catalogue {
                custom: self
                    .skills
                    .into_iter()
                    .map(CustomSkillV1::into_domain)
                    .collect(),
            },
            pairing: self.pairing.into_domain(),
            // The sessions section arrives with its format (issue 5).
            sessions: Default::default(),
        }
    }
}

impl PairingV1 {
    /// Unreadable ids become placeholders that match no participant, so
    /// entries keep their positions (and validation its paths).
    pub fn into_domain(self) -> PairingState {
        let keys = |list: Vec<PairKeyV1>, site: u64| -> Vec<PairKey> {
            list.into_iter()
                .enumerate()
                .map(|(i, k)| {
                    PairKey::new(
                        participant_ref(&k.mentor_id, site, 2 * i),
                        participant_ref(&k.mentee_id, site, 2 * i + 1),
                    )
                })
                .collect()
        };
        PairingState {
            weights: Weights(self.weights.to_array()),
            min_score: self.min_score,
            locked: keys(self.locked, 1),
            forbidden: keys(self.forbidden, 2),
            pairs: self
                .pairs
                .into_iter()
                .enumerate()
                .map(|(i, p)| Pair {
                    mentor: participant_ref(&p.mentor_id, 3, 2 * i),
                    mentee: participant_ref(&p.mentee_id, 3, 2 * i + 1),
                    since: date(&p.since),
                })
                .collect(),
            circles: self
                .circles
                .into_iter()
                .enumerate()
                .map(|(i, c)| Circle {
                    theme: c.theme,
                    members: c
                        .member_ids
                        .iter()
                        .enumerate()
                        .map(|(k, m)| participant_ref(m, 4, (i << 16) ^ k))
                        .collect(),
                })
                .collect(),
            circle_size: self.circle_size,
        }
    }
}

impl ProgramV1 {
    pub fn into_domain(self) -> Program {
        Program {
            name: self.name.trim().to_string(),
            organisation: self.organisation,
            description: self.description,
            start_date: date(&self.start_date),
            end_date: date(&self.end_date),
            objectives: self
                .objectives
                .into_iter()
                .enumerate()
                .map(|(i, o)| o.into_domain(i))
                .collect(),
            cadence: self.cadence.into(),
            session_minutes: self.session_minutes,
            ground_rules: GroundRules {
                standard: self
                    .ground_rules
                    .standard
                    .into_iter()
                    .map(Into::into)
                    .collect(),
                custom: self.ground_rules.custom,
            },
        }
    }
}

impl ObjectiveV1 {
    pub fn into_domain(self, index: usize) -> Objective {
        Objective {
            id: ObjectiveId::parse(self.id.trim())
                .unwrap_or_else(|| placeholder_objective_id(index)),
            title: self.title.trim().to_string(),
            company_goal: self.company_goal,
            owner_department: self.owner_department,
            kpi_name: self.kpi_name.trim().to_string(),
            unit: self.unit,
            baseline: self.baseline,
            target: self.target,
            current: self.current,
            skills: self.skills.iter().map(|s| skill_id(s)).collect(),
        }
    }
}

impl ParticipantV1 {
    pub fn into_domain(self, index: usize) -> Participant {
        let mut availability = Availability::default();
        for (day, part) in self.availability.iter().filter_map(|s| parse_slot(s)) {
            availability.set(day, part, true);
        }
        Participant {
            id: ParticipantId::parse(self.id.trim())
                .unwrap_or_else(|| placeholder_participant_id(index)),
            name: self.name.trim().to_string(),
            email: self.email.trim().to_string(),
            role: self.role.into(),
            department: self.department,
            job_title: self.job_title,
            manager: self
                .manager_id
                .as_deref()
                .and_then(|m| ParticipantId::parse(m.trim())),
            seniority: Seniority {
                years: self.seniority_years,
                grade: self.grade,
            },
            languages: self
                .languages
                .iter()
                .map(|l| l.trim().to_lowercase())
                .collect(),
            location: self.location,
            time_zone: self.time_zone.trim().to_string(),
            skills_offered: self
                .skills_offered
                .iter()
                .map(|s| OfferedSkill {
                    skill: skill_id(&s.skill),
                    level: s.level,
                })
                .collect(),
            skills_wanted: self
                .skills_wanted
                .iter()
                .map(|s| WantedSkill {
                    skill: skill_id(&s.skill),
                    priority: s.priority.into(),
                })
                .collect(),
            interests: self
                .interests
                .iter()
                .map(|t| text::normalize_tag(t))
                .filter(|t| !t.is_empty())
                .collect(),
            channels: self.channels.into_iter().map(Into::into).collect(),
            availability,
            capacity: self.capacity,
            never_pair_with: self
                .never_pair_with
                .iter()
                .enumerate()
                .map(|(k, other)| participant_ref(other, 5 + index as u64, k))
                .collect(),
            consent_date: date(&self.consent_date),
            active: self.active,
            notes: self.notes,
        }
    }
}

impl CustomSkillV1 {
    pub fn into_domain(self) -> CustomSkill {
        CustomSkill {
            id: skill_id(&self.id),
            name: self.name.trim().to_string(),
            kind: self.kind.into(),
        }
    }
}

// ---------------------------------------------------------------------------
// Enum spellings ↔ domain enums

macro_rules! same_variants {
    ($wire:ident <=> $domain:ident { $($variant:ident),* $(,)? }) => {
        impl From<$domain> for $wire {
            fn from(value: $domain) -> $wire {
                match value { $($domain::$variant => $wire::$variant),* }
            }
        }
        impl From<$wire> for $domain {
            fn from(value: $wire) -> $domain {
                match value { $($wire::$variant => $domain::$variant),* }
            }
        }
    };
}

same_variants!(RoleV1 <=> Role { ReverseMentor, Mentee });
same_variants!(CadenceV1 <=> Cadence { Weekly, Fortnightly, Monthly });
same_variants!(RuleV1 <=> StandardRule { Confidentiality, NoFaultExit, RespectTime, SafeFeedback, GoalsBothWays });
same_variants!(PriorityV1 <=> Priority { MustHave, Important, NiceToHave });
same_variants!(ChannelV1 <=> Channel { InPerson, VideoCall, Phone, Chat, Email });
same_variants!(SkillKindV1 <=> SkillKind { Digital, Experience });

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::matching::model::Criterion;

    #[test]
    fn slot_names_follow_the_domain_bit_order() {
        for day in Weekday::ALL {
            for part in DayPart::ALL {
                assert_eq!(parse_slot(slot_name(day, part)), Some((day, part)));
            }
        }
        assert_eq!(
            parse_slot(" MON:Morning "),
            Some((Weekday::Mon, DayPart::Morning))
        );
        assert_eq!(parse_slot("mon-morning"), None);
        assert_eq!(SLOT_NAMES.len(), 21);
    }

    #[test]
    fn wire_names_are_snake_case_and_parse_back() {
        for role in Role::ALL {
            let wire = RoleV1::from(role);
            assert_eq!(RoleV1::parse(wire.as_str()), Some(wire));
            assert_eq!(
                serde_json::to_string(&wire).unwrap(),
                format!("\"{}\"", wire.as_str())
            );
        }
        assert_eq!(
            ChannelV1::NAMES,
            ["in_person", "video_call", "phone", "chat", "email"]
        );
        assert_eq!(PriorityV1::parse("Must_Have"), Some(PriorityV1::MustHave));
        assert_eq!(RuleV1::parse("confidential"), None);
    }

    #[test]
    fn field_lists_match_the_serialized_order() {
        let mut p = Participant::new(placeholder_participant_id(1), Role::Mentee);
        p.skills_offered.push(OfferedSkill {
            skill: SkillId::parse("strategy").unwrap(),
            level: 3,
        });
        p.skills_wanted.push(WantedSkill {
            skill: SkillId::parse("ai-tools").unwrap(),
            priority: Priority::MustHave,
        });
        p.never_pair_with.push(placeholder_participant_id(2));
        let key = PairKey::new(placeholder_participant_id(3), placeholder_participant_id(1));
        let mut ws = Workspace {
            participants: vec![p],
            ..Default::default()
        };
        ws.pairing.locked.push(key.clone());
        ws.pairing.forbidden.push(key.clone());
        ws.pairing.pairs.push(Pair {
            mentor: key.mentor.clone(),
            mentee: key.mentee.clone(),
            since: None,
        });
        ws.pairing.circles.push(Circle {
            theme: "cycling".into(),
            members: vec![key.mentor, key.mentee],
        });
        ws.program.objectives.push(Objective {
            id: placeholder_objective_id(1),
            title: "t".into(),
            company_goal: String::new(),
            owner_department: String::new(),
            kpi_name: "k".into(),
            unit: String::new(),
            baseline: 0.0,
            target: 1.0,
            current: None,
            skills: vec![],
        });
        ws.catalogue.custom.push(CustomSkill {
            id: SkillId::parse("custom-x").unwrap(),
            name: "X".into(),
            kind: SkillKind::Digital,
        });
        let value = serde_json::to_value(FileV1::from_domain(&ws, "2026-01-01T00:00:00Z")).unwrap();
        let keys = |v: &serde_json::Value| -> Vec<String> {
            let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
            k.sort();
            k
        };
        let sorted = |f: &[&str]| -> Vec<String> {
            let mut k: Vec<String> = f.iter().map(|s| s.to_string()).collect();
            k.sort();
            k
        };
        assert_eq!(keys(&value), sorted(TOP_FIELDS));
        assert_eq!(keys(&value["program"]), sorted(PROGRAM_FIELDS));
        assert_eq!(
            keys(&value["program"]["ground_rules"]),
            sorted(GROUND_RULES_FIELDS)
        );
        assert_eq!(
            keys(&value["program"]["objectives"][0]),
            sorted(OBJECTIVE_FIELDS)
        );
        assert_eq!(keys(&value["participants"][0]), sorted(PARTICIPANT_FIELDS));
        assert_eq!(
            keys(&value["participants"][0]["skills_offered"][0]),
            sorted(OFFERED_FIELDS)
        );
        assert_eq!(
            keys(&value["participants"][0]["skills_wanted"][0]),
            sorted(WANTED_FIELDS)
        );
        assert_eq!(keys(&value["skills"][0]), sorted(SKILL_FIELDS));
        let pairing = &value["pairing"];
        assert_eq!(keys(pairing), sorted(PAIRING_FIELDS));
        assert_eq!(keys(&pairing["weights"]), sorted(WEIGHTS_FIELDS));
        assert_eq!(keys(&pairing["locked"][0]), sorted(PAIR_KEY_FIELDS));
        assert_eq!(keys(&pairing["forbidden"][0]), sorted(PAIR_KEY_FIELDS));
        assert_eq!(keys(&pairing["pairs"][0]), sorted(PAIR_FIELDS));
        assert_eq!(keys(&pairing["circles"][0]), sorted(CIRCLE_FIELDS));
    }

    #[test]
    fn weight_fields_follow_the_criterion_order() {
        let names: Vec<&str> = Criterion::ALL
            .into_iter()
            .map(crate::domain::validation::weight_field)
            .collect();
        assert_eq!(names, WEIGHTS_FIELDS);
        let w = WeightsV1::from_array([0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(w.to_array(), [0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(w.availability, 4);
        let value = serde_json::to_value(w).unwrap();
        for (i, name) in WEIGHTS_FIELDS.iter().enumerate() {
            assert_eq!(value[name], i);
        }
    }
}
