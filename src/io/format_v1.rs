//! File format version 1: plain data structures that mirror the JSON file
//! field for field, and the conversions between them and the domain.
//!
//! These types are deliberately *not* the domain types: the file keeps its
//! own spelling (`manager_id`, `"reverse_mentor"`, `"mon:morning"`) even if
//! the domain is renamed or reshaped, and a file with mistakes can still be
//! held here (with placeholders) while every mistake is reported.

use serde::Serialize;

use crate::domain::date::Date;
use crate::domain::ids::{GoalId, ObjectiveId, ParticipantId, RoundId, SessionId, seeded_bytes};
use crate::domain::impact::{CertificateCriteria, ImpactState, Leaver, ReportNotes};
use crate::domain::matching::model::{Circle, Pair, PairKey, PairingState, Weights};
use crate::domain::participants::{
    Availability, Channel, DayPart, OfferedSkill, Participant, Priority, Role, Seniority,
    WantedSkill, Weekday,
};
use crate::domain::program::{Cadence, GroundRules, Objective, Program, StandardRule};
use crate::domain::sessions::{
    Agreement, AlertSettings, Answer, AnswerValue, CheckinRound, Goal, GoalDirection, GoalProgress,
    Invitation, LocalDateTime, LocalTime, Milestone, Response, RoundKind, Session, SessionSettings,
    SessionStatus, SessionsState, TemplateKind, TemplateOverride, Token,
};
use crate::domain::skills::{Catalogue, CustomSkill, Lang, SkillId, SkillKind};
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
    "sessions",
    "impact",
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
pub const SESSIONS_FIELDS: &[&str] = &[
    "settings",
    "agreements",
    "sessions",
    "rounds",
    "responses",
    "templates",
];
pub const SETTINGS_FIELDS: &[&str] = &[
    "time_zone",
    "first_checkin_day",
    "checkin_every_days",
    "holidays",
    "alerts",
];
pub const ALERTS_FIELDS: &[&str] = &["no_session_days", "low_rating", "low_mood"];
pub const AGREEMENT_FIELDS: &[&str] = &[
    "mentor_id",
    "mentee_id",
    "goals",
    "cadence",
    "session_minutes",
    "channel",
    "ground_rules",
    "review_dates",
    "agreed_on",
    "notes",
];
pub const GOAL_FIELDS: &[&str] = &[
    "id",
    "direction",
    "text",
    "measure",
    "skill",
    "objective_id",
    "target_date",
    "progress",
    "milestones",
];
pub const MILESTONE_FIELDS: &[&str] = &["text", "done"];
pub const SESSION_FIELDS: &[&str] = &[
    "id",
    "mentor_id",
    "mentee_id",
    "date",
    "time",
    "minutes",
    "status",
    "rescheduled_from",
    "topics",
    "notes",
    "mentor_rating",
    "mentee_rating",
    "goal_progress",
    "sequence",
];
pub const WHEN_FIELDS: &[&str] = &["date", "time"];
pub const GOAL_PROGRESS_FIELDS: &[&str] = &["goal_id", "percent"];
pub const ROUND_FIELDS: &[&str] = &["id", "kind", "opens", "closes", "invitations"];
pub const INVITATION_FIELDS: &[&str] = &["participant_id", "token"];
pub const RESPONSE_FIELDS: &[&str] = &[
    "round_id",
    "participant_id",
    "answered_on",
    "imported_on",
    "answers",
];
pub const ANSWER_FIELDS: &[&str] = &["question", "kind", "value"];
pub const TEMPLATE_FIELDS: &[&str] = &["kind", "lang", "subject", "body"];
pub const IMPACT_FIELDS: &[&str] = &["certificates", "report", "leavers"];
pub const CERTIFICATES_FIELDS: &[&str] = &[
    "min_sessions_held",
    "require_post_assessment",
    "issued_on",
    "signer_name",
    "signer_title",
];
pub const REPORT_FIELDS: &[&str] = &["highlights", "lessons", "next_steps", "include_comments"];
pub const LEAVER_FIELDS: &[&str] = &["participant_id", "left_on"];

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
        ["sessions"] => SESSIONS_FIELDS,
        ["sessions", "settings"] => SETTINGS_FIELDS,
        ["sessions", "settings", "alerts"] => ALERTS_FIELDS,
        ["sessions", "agreements"] => AGREEMENT_FIELDS,
        ["sessions", "agreements", "goals"] => GOAL_FIELDS,
        ["sessions", "agreements", "goals", "milestones"] => MILESTONE_FIELDS,
        ["sessions", "agreements", "ground_rules"] => GROUND_RULES_FIELDS,
        ["sessions", "sessions"] => SESSION_FIELDS,
        ["sessions", "sessions", "rescheduled_from"] => WHEN_FIELDS,
        ["sessions", "sessions", "goal_progress"] => GOAL_PROGRESS_FIELDS,
        ["sessions", "rounds"] => ROUND_FIELDS,
        ["sessions", "rounds", "invitations"] => INVITATION_FIELDS,
        ["sessions", "responses"] => RESPONSE_FIELDS,
        ["sessions", "responses", "answers"] => ANSWER_FIELDS,
        ["sessions", "templates"] => TEMPLATE_FIELDS,
        ["impact"] => IMPACT_FIELDS,
        ["impact", "certificates"] => CERTIFICATES_FIELDS,
        ["impact", "report"] => REPORT_FIELDS,
        ["impact", "leavers"] => LEAVER_FIELDS,
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
wire_enum!(GoalDirectionV1 { MenteeLearns = "mentee_learns", MentorLearns = "mentor_learns" });
wire_enum!(SessionStatusV1 {
    Planned = "planned",
    Held = "held",
    Cancelled = "cancelled",
    Rescheduled = "rescheduled",
});
wire_enum!(RoundKindV1 {
    CheckIn = "check_in",
    PreAssessment = "pre_assessment",
    PostAssessment = "post_assessment",
});
wire_enum!(
    /// Which of [`AnswerValue`]'s forms an answer's `value` takes.
    AnswerKindV1 { Scale = "scale", Percent = "percent", Text = "text" }
);
wire_enum!(TemplateKindV1 {
    Invitation = "invitation",
    MatchAnnouncement = "match_announcement",
    SessionReminder = "session_reminder",
    CheckinRequest = "checkin_request",
    AssessmentRequest = "assessment_request",
    Nudge = "nudge",
    ThankYou = "thank_you",
});
wire_enum!(LangV1 { En = "en", Es = "es", It = "it" });

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
    /// Added within version 1 (issue 5): optional when read, always written.
    pub sessions: SessionsV1,
    /// Added within version 1 (issue 6): optional when read, always written.
    pub impact: ImpactV1,
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

/// Running the program: agreements, sessions, check-in rounds and their
/// answers, settings and edited messages.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SessionsV1 {
    pub settings: SessionSettingsV1,
    pub agreements: Vec<AgreementV1>,
    pub sessions: Vec<SessionV1>,
    pub rounds: Vec<RoundV1>,
    pub responses: Vec<ResponseV1>,
    pub templates: Vec<TemplateV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SessionSettingsV1 {
    pub time_zone: String,
    pub first_checkin_day: u16,
    pub checkin_every_days: u16,
    pub holidays: Vec<String>,
    pub alerts: AlertsV1,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AlertsV1 {
    pub no_session_days: u16,
    pub low_rating: u8,
    pub low_mood: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementV1 {
    pub mentor_id: String,
    pub mentee_id: String,
    pub goals: Vec<GoalV1>,
    pub cadence: CadenceV1,
    pub session_minutes: u16,
    pub channel: Option<ChannelV1>,
    pub ground_rules: GroundRulesV1,
    pub review_dates: Vec<String>,
    pub agreed_on: Option<String>,
    pub notes: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalV1 {
    pub id: String,
    pub direction: GoalDirectionV1,
    pub text: String,
    pub measure: String,
    pub skill: Option<String>,
    pub objective_id: Option<String>,
    pub target_date: Option<String>,
    pub progress: u8,
    pub milestones: Vec<MilestoneV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MilestoneV1 {
    pub text: String,
    pub done: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SessionV1 {
    pub id: String,
    pub mentor_id: String,
    pub mentee_id: String,
    /// `YYYY-MM-DD` in the program's time zone.
    pub date: String,
    /// `HH:MM`, 24-hour, wall-clock time in the program's time zone.
    pub time: String,
    pub minutes: u16,
    pub status: SessionStatusV1,
    pub rescheduled_from: Option<WhenV1>,
    pub topics: Vec<String>,
    pub notes: String,
    pub mentor_rating: Option<u8>,
    pub mentee_rating: Option<u8>,
    pub goal_progress: Vec<GoalProgressV1>,
    pub sequence: u32,
}

/// A date and wall-clock time, as two fields.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WhenV1 {
    pub date: String,
    pub time: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalProgressV1 {
    pub goal_id: String,
    pub percent: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoundV1 {
    pub id: String,
    pub kind: RoundKindV1,
    pub opens: String,
    pub closes: String,
    pub invitations: Vec<InvitationV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InvitationV1 {
    pub participant_id: String,
    /// 32 hexadecimal digits, written in lower case.
    pub token: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResponseV1 {
    pub round_id: String,
    pub participant_id: String,
    pub answered_on: String,
    pub imported_on: String,
    pub answers: Vec<AnswerV1>,
}

/// `{"question": "mood", "kind": "scale", "value": 4}`: the kind names the
/// value's form, so each mistake has one clear place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnswerV1 {
    pub question: String,
    pub kind: AnswerKindV1,
    pub value: AnswerValueV1,
}

/// A number for `scale` and `percent` answers, text for `text` ones.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AnswerValueV1 {
    Number(u8),
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TemplateV1 {
    pub kind: TemplateKindV1,
    pub lang: LangV1,
    pub subject: String,
    pub body: String,
}

/// What measuring and recognising the program needs beyond the records:
/// certificate criteria, the coordinator's report notes, people who left.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImpactV1 {
    pub certificates: CertificatesV1,
    pub report: ReportV1,
    pub leavers: Vec<LeaverV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CertificatesV1 {
    pub min_sessions_held: u32,
    pub require_post_assessment: bool,
    pub issued_on: Option<String>,
    pub signer_name: String,
    pub signer_title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportV1 {
    pub highlights: String,
    pub lessons: String,
    pub next_steps: String,
    pub include_comments: bool,
}

/// A participant who left the company, and when.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeaverV1 {
    pub participant_id: String,
    pub left_on: String,
}

impl Default for ImpactV1 {
    fn default() -> Self {
        ImpactV1::from_domain(&ImpactState::default())
    }
}

impl Default for SessionsV1 {
    fn default() -> Self {
        SessionsV1::from_domain(&SessionsState::default())
    }
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
            sessions: SessionsV1::from_domain(&ws.sessions),
            impact: ImpactV1::from_domain(&ws.impact),
        }
    }
}

impl ImpactV1 {
    pub fn from_domain(state: &ImpactState) -> ImpactV1 {
        let c = &state.certificates;
        let r = &state.report;
        ImpactV1 {
            certificates: CertificatesV1 {
                min_sessions_held: c.min_sessions_held,
                require_post_assessment: c.require_post_assessment,
                issued_on: c.issued_on.map(|d| d.to_string()),
                signer_name: c.signer_name.clone(),
                signer_title: c.signer_title.clone(),
            },
            report: ReportV1 {
                highlights: r.highlights.clone(),
                lessons: r.lessons.clone(),
                next_steps: r.next_steps.clone(),
                include_comments: r.include_comments,
            },
            leavers: state
                .leavers
                .iter()
                .map(|l| LeaverV1 {
                    participant_id: l.participant.to_string(),
                    left_on: l.left_on.to_string(),
                })
                .collect(),
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

impl SessionsV1 {
    pub fn from_domain(state: &SessionsState) -> SessionsV1 {
        let settings = &state.settings;
        SessionsV1 {
            settings: SessionSettingsV1 {
                time_zone: settings.time_zone.clone(),
                first_checkin_day: settings.first_checkin_day,
                checkin_every_days: settings.checkin_every_days,
                holidays: settings.holidays.iter().map(Date::to_string).collect(),
                alerts: AlertsV1 {
                    no_session_days: settings.alerts.no_session_days,
                    low_rating: settings.alerts.low_rating,
                    low_mood: settings.alerts.low_mood,
                },
            },
            agreements: state
                .agreements
                .iter()
                .map(AgreementV1::from_domain)
                .collect(),
            sessions: state.sessions.iter().map(SessionV1::from_domain).collect(),
            rounds: state
                .rounds
                .iter()
                .map(|r| RoundV1 {
                    id: r.id.to_string(),
                    kind: r.kind.into(),
                    opens: r.opens.to_string(),
                    closes: r.closes.to_string(),
                    invitations: r
                        .invitations
                        .iter()
                        .map(|i| InvitationV1 {
                            participant_id: i.participant.to_string(),
                            token: i.token.to_hex(),
                        })
                        .collect(),
                })
                .collect(),
            responses: state
                .responses
                .iter()
                .map(|r| ResponseV1 {
                    round_id: r.round.to_string(),
                    participant_id: r.participant.to_string(),
                    answered_on: r.answered_on.to_string(),
                    imported_on: r.imported_on.to_string(),
                    answers: r.answers.iter().map(AnswerV1::from_domain).collect(),
                })
                .collect(),
            templates: state
                .templates
                .iter()
                .map(|t| TemplateV1 {
                    kind: t.kind.into(),
                    lang: t.lang.into(),
                    subject: t.subject.clone(),
                    body: t.body.clone(),
                })
                .collect(),
        }
    }
}

impl AgreementV1 {
    pub fn from_domain(a: &Agreement) -> AgreementV1 {
        AgreementV1 {
            mentor_id: a.pair.mentor.to_string(),
            mentee_id: a.pair.mentee.to_string(),
            goals: a
                .goals
                .iter()
                .map(|g| GoalV1 {
                    id: g.id.to_string(),
                    direction: g.direction.into(),
                    text: g.text.clone(),
                    measure: g.measure.clone(),
                    skill: g.skill.as_ref().map(SkillId::to_string),
                    objective_id: g.objective.as_ref().map(ObjectiveId::to_string),
                    target_date: g.target_date.map(|d| d.to_string()),
                    progress: g.progress,
                    milestones: g
                        .milestones
                        .iter()
                        .map(|m| MilestoneV1 {
                            text: m.text.clone(),
                            done: m.done,
                        })
                        .collect(),
                })
                .collect(),
            cadence: a.cadence.into(),
            session_minutes: a.session_minutes,
            channel: a.channel.map(Into::into),
            ground_rules: GroundRulesV1::from_domain(&a.ground_rules),
            review_dates: a.review_dates.iter().map(Date::to_string).collect(),
            agreed_on: a.agreed_on.map(|d| d.to_string()),
            notes: a.notes.clone(),
        }
    }
}

impl SessionV1 {
    pub fn from_domain(s: &Session) -> SessionV1 {
        SessionV1 {
            id: s.id.to_string(),
            mentor_id: s.pair.mentor.to_string(),
            mentee_id: s.pair.mentee.to_string(),
            date: s.start.date.to_string(),
            time: s.start.time.to_string(),
            minutes: s.minutes,
            status: s.status.into(),
            rescheduled_from: s.rescheduled_from.map(|w| WhenV1 {
                date: w.date.to_string(),
                time: w.time.to_string(),
            }),
            topics: s.topics.iter().map(SkillId::to_string).collect(),
            notes: s.notes.clone(),
            mentor_rating: s.mentor_rating,
            mentee_rating: s.mentee_rating,
            goal_progress: s
                .goal_progress
                .iter()
                .map(|p| GoalProgressV1 {
                    goal_id: p.goal.to_string(),
                    percent: p.percent,
                })
                .collect(),
            sequence: s.sequence,
        }
    }
}

impl AnswerV1 {
    pub fn from_domain(a: &Answer) -> AnswerV1 {
        let (kind, value) = match &a.value {
            AnswerValue::Scale(n) => (AnswerKindV1::Scale, AnswerValueV1::Number(*n)),
            AnswerValue::Percent(n) => (AnswerKindV1::Percent, AnswerValueV1::Number(*n)),
            AnswerValue::Text(t) => (AnswerKindV1::Text, AnswerValueV1::Text(t.clone())),
        };
        AnswerV1 {
            question: a.question.clone(),
            kind,
            value,
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
            sessions: self.sessions.into_domain(),
            impact: self.impact.into_domain(),
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

/// Sites for [`participant_ref`] placeholders in the sessions section, above
/// those of the never-pair lists (`5 + participant index`).
const SESSIONS_SITE: u64 = 0xf0_0000;

/// An id of the sessions section (session, goal, round), or a placeholder no
/// other entry has, distinct for each `(site, index)`, when unreadable.
fn section_id<T>(
    text: &str,
    site: u64,
    index: usize,
    from: fn([u8; 16]) -> T,
    parse: fn(&str) -> Option<T>,
) -> T {
    parse(text.trim()).unwrap_or_else(|| {
        from(seeded_bytes(
            0x5e55_0000_0000_0000 ^ (site << 40) ^ index as u64,
        ))
    })
}

/// Any date, standing in for an unreadable one (the problem is already reported).
fn placeholder_date() -> Date {
    Date::from_days_since_epoch(0).expect("the epoch is a date")
}

fn required_date(text: &str) -> Option<Date> {
    Date::parse_iso(text.trim())
}

fn time(text: &str) -> LocalTime {
    LocalTime::parse(text.trim()).unwrap_or(LocalTime::from_minutes(0).expect("midnight"))
}

fn dates(list: &[String]) -> Vec<Date> {
    list.iter()
        .filter_map(|d| Date::parse_iso(d.trim()))
        .collect()
}

impl SessionsV1 {
    /// Unreadable ids become placeholders matching nothing, and unreadable
    /// dates a placeholder, so entries keep their positions (and validation
    /// its paths).
    pub fn into_domain(self) -> SessionsState {
        let settings = self.settings;
        SessionsState {
            settings: SessionSettings {
                time_zone: settings.time_zone.trim().to_string(),
                first_checkin_day: settings.first_checkin_day,
                checkin_every_days: settings.checkin_every_days,
                holidays: dates(&settings.holidays),
                alerts: AlertSettings {
                    no_session_days: settings.alerts.no_session_days,
                    low_rating: settings.alerts.low_rating,
                    low_mood: settings.alerts.low_mood,
                },
            },
            agreements: self
                .agreements
                .into_iter()
                .enumerate()
                .map(|(i, a)| a.into_domain(i))
                .collect(),
            sessions: self
                .sessions
                .into_iter()
                .enumerate()
                .map(|(i, s)| s.into_domain(i))
                .collect(),
            rounds: self
                .rounds
                .into_iter()
                .enumerate()
                .map(|(i, r)| {
                    // One unreadable end takes the other's value, so the
                    // order check does not echo the decode problem.
                    let opens = required_date(&r.opens);
                    let closes = required_date(&r.closes);
                    let opens = opens.or(closes).unwrap_or_else(placeholder_date);
                    CheckinRound {
                        id: section_id(&r.id, 3, i, RoundId::from_random_bytes, RoundId::parse),
                        kind: r.kind.into(),
                        opens,
                        closes: closes.unwrap_or(opens),
                        invitations: r
                            .invitations
                            .iter()
                            .enumerate()
                            .map(|(k, inv)| Invitation {
                                participant: participant_ref(
                                    &inv.participant_id,
                                    SESSIONS_SITE + 3,
                                    (i << 16) ^ k,
                                ),
                                token: token(&inv.token),
                            })
                            .collect(),
                    }
                })
                .collect(),
            responses: self
                .responses
                .into_iter()
                .enumerate()
                .map(|(i, r)| Response {
                    round: section_id(
                        &r.round_id,
                        4,
                        i,
                        RoundId::from_random_bytes,
                        RoundId::parse,
                    ),
                    participant: participant_ref(&r.participant_id, SESSIONS_SITE + 4, i),
                    answered_on: required_date(&r.answered_on).unwrap_or_else(placeholder_date),
                    imported_on: required_date(&r.imported_on).unwrap_or_else(placeholder_date),
                    answers: r.answers.into_iter().map(AnswerV1::into_domain).collect(),
                })
                .collect(),
            templates: self
                .templates
                .into_iter()
                .map(|t| TemplateOverride {
                    kind: t.kind.into(),
                    lang: t.lang.into(),
                    subject: t.subject,
                    body: t.body,
                })
                .collect(),
        }
    }
}

/// Placeholder site for unreadable leaver ids, after the sessions section's.
const LEAVERS_SITE: u64 = SESSIONS_SITE + 5;

impl ImpactV1 {
    /// Signer name and title are trimmed like other names; an unreadable
    /// leaver id or date becomes a placeholder, keeping positions (and
    /// validation paths) aligned.
    pub fn into_domain(self) -> ImpactState {
        let c = self.certificates;
        let r = self.report;
        ImpactState {
            certificates: CertificateCriteria {
                min_sessions_held: c.min_sessions_held,
                require_post_assessment: c.require_post_assessment,
                issued_on: date(&c.issued_on),
                signer_name: c.signer_name.trim().to_string(),
                signer_title: c.signer_title.trim().to_string(),
            },
            report: ReportNotes {
                highlights: r.highlights,
                lessons: r.lessons,
                next_steps: r.next_steps,
                include_comments: r.include_comments,
            },
            leavers: self
                .leavers
                .into_iter()
                .enumerate()
                .map(|(i, l)| Leaver {
                    participant: participant_ref(&l.participant_id, LEAVERS_SITE, i),
                    left_on: required_date(&l.left_on).unwrap_or_else(placeholder_date),
                })
                .collect(),
        }
    }
}

/// A token from its checked hex text; an unreadable one becomes all zeros.
fn token(text: &str) -> Token {
    Token::from_hex(text.trim()).unwrap_or(Token([0; 16]))
}

impl AgreementV1 {
    pub fn into_domain(self, index: usize) -> Agreement {
        Agreement {
            pair: PairKey::new(
                participant_ref(&self.mentor_id, SESSIONS_SITE + 1, 2 * index),
                participant_ref(&self.mentee_id, SESSIONS_SITE + 1, 2 * index + 1),
            ),
            goals: self
                .goals
                .into_iter()
                .enumerate()
                .map(|(k, g)| Goal {
                    id: section_id(
                        &g.id,
                        1,
                        (index << 16) ^ k,
                        GoalId::from_random_bytes,
                        GoalId::parse,
                    ),
                    direction: g.direction.into(),
                    text: g.text,
                    measure: g.measure,
                    skill: g.skill.as_deref().map(skill_id),
                    objective: g
                        .objective_id
                        .as_deref()
                        .and_then(|o| ObjectiveId::parse(o.trim())),
                    target_date: date(&g.target_date),
                    progress: g.progress,
                    milestones: g
                        .milestones
                        .into_iter()
                        .map(|m| Milestone {
                            text: m.text,
                            done: m.done,
                        })
                        .collect(),
                })
                .collect(),
            cadence: self.cadence.into(),
            session_minutes: self.session_minutes,
            channel: self.channel.map(Into::into),
            ground_rules: GroundRules {
                standard: self
                    .ground_rules
                    .standard
                    .into_iter()
                    .map(Into::into)
                    .collect(),
                custom: self.ground_rules.custom,
            },
            review_dates: dates(&self.review_dates),
            agreed_on: date(&self.agreed_on),
            notes: self.notes,
        }
    }
}

impl SessionV1 {
    pub fn into_domain(self, index: usize) -> Session {
        let when = |date: &str, time_text: &str| LocalDateTime {
            date: required_date(date).unwrap_or_else(placeholder_date),
            time: time(time_text),
        };
        Session {
            id: section_id(
                &self.id,
                2,
                index,
                SessionId::from_random_bytes,
                SessionId::parse,
            ),
            pair: PairKey::new(
                participant_ref(&self.mentor_id, SESSIONS_SITE + 2, 2 * index),
                participant_ref(&self.mentee_id, SESSIONS_SITE + 2, 2 * index + 1),
            ),
            start: when(&self.date, &self.time),
            minutes: self.minutes,
            status: self.status.into(),
            rescheduled_from: self.rescheduled_from.map(|w| when(&w.date, &w.time)),
            topics: self.topics.iter().map(|t| skill_id(t)).collect(),
            notes: self.notes,
            mentor_rating: self.mentor_rating,
            mentee_rating: self.mentee_rating,
            goal_progress: self
                .goal_progress
                .into_iter()
                .enumerate()
                .map(|(k, p)| GoalProgress {
                    goal: section_id(
                        &p.goal_id,
                        5,
                        (index << 16) ^ k,
                        GoalId::from_random_bytes,
                        GoalId::parse,
                    ),
                    percent: p.percent,
                })
                .collect(),
            sequence: self.sequence,
        }
    }
}

impl AnswerV1 {
    /// A kind and value that do not fit together only arrive with a
    /// reported problem; the value then keeps its own form.
    pub fn into_domain(self) -> Answer {
        let value = match (self.kind, self.value) {
            (AnswerKindV1::Scale, AnswerValueV1::Number(n)) => AnswerValue::Scale(n),
            (AnswerKindV1::Percent, AnswerValueV1::Number(n)) => AnswerValue::Percent(n),
            (AnswerKindV1::Text, AnswerValueV1::Text(t)) => AnswerValue::Text(t),
            (_, AnswerValueV1::Number(n)) => AnswerValue::Scale(n),
            (_, AnswerValueV1::Text(t)) => AnswerValue::Text(t),
        };
        Answer {
            question: self.question,
            value,
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
same_variants!(GoalDirectionV1 <=> GoalDirection { MenteeLearns, MentorLearns });
same_variants!(SessionStatusV1 <=> SessionStatus { Planned, Held, Cancelled, Rescheduled });
same_variants!(RoundKindV1 <=> RoundKind { CheckIn, PreAssessment, PostAssessment });
same_variants!(TemplateKindV1 <=> TemplateKind { Invitation, MatchAnnouncement, SessionReminder, CheckinRequest, AssessmentRequest, Nudge, ThankYou });
same_variants!(LangV1 <=> Lang { En, Es, It });

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
        ws.impact.leavers.push(Leaver {
            participant: placeholder_participant_id(1),
            left_on: Date::parse_iso("2026-06-30").unwrap(),
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
        // The sessions section is written even when empty; its entries are
        // checked field by field against `fields_at` in tests/io_import.rs.
        let sessions = &value["sessions"];
        assert_eq!(keys(sessions), sorted(SESSIONS_FIELDS));
        assert_eq!(keys(&sessions["settings"]), sorted(SETTINGS_FIELDS));
        assert_eq!(keys(&sessions["settings"]["alerts"]), sorted(ALERTS_FIELDS));
        let impact = &value["impact"];
        assert_eq!(keys(impact), sorted(IMPACT_FIELDS));
        assert_eq!(keys(&impact["certificates"]), sorted(CERTIFICATES_FIELDS));
        assert_eq!(keys(&impact["report"]), sorted(REPORT_FIELDS));
        assert_eq!(keys(&impact["leavers"][0]), sorted(LEAVER_FIELDS));
    }

    #[test]
    fn answers_are_written_as_kind_and_value() {
        let cases = [
            (
                AnswerValue::Scale(4),
                r#"{"question":"q","kind":"scale","value":4}"#,
            ),
            (
                AnswerValue::Percent(0),
                r#"{"question":"q","kind":"percent","value":0}"#,
            ),
            (
                AnswerValue::Text("4".into()),
                r#"{"question":"q","kind":"text","value":"4"}"#,
            ),
        ];
        for (value, json) in cases {
            let answer = Answer {
                question: "q".into(),
                value,
            };
            let wire = AnswerV1::from_domain(&answer);
            assert_eq!(serde_json::to_string(&wire).unwrap(), json);
            assert_eq!(wire.into_domain(), answer);
        }
    }

    #[test]
    fn session_spellings_cover_every_domain_value() {
        for status in SessionStatus::ALL {
            let wire = SessionStatusV1::from(status);
            assert_eq!(SessionStatusV1::parse(wire.as_str()), Some(wire));
            assert_eq!(SessionStatus::from(wire), status);
        }
        for kind in RoundKind::ALL {
            assert_eq!(RoundKind::from(RoundKindV1::from(kind)), kind);
        }
        for kind in TemplateKind::ALL {
            assert_eq!(TemplateKind::from(TemplateKindV1::from(kind)), kind);
        }
        for direction in GoalDirection::ALL {
            assert_eq!(
                GoalDirection::from(GoalDirectionV1::from(direction)),
                direction
            );
        }
        assert_eq!(
            RoundKindV1::NAMES,
            ["check_in", "pre_assessment", "post_assessment"]
        );
        assert_eq!(LangV1::parse(" IT "), Some(LangV1::It));
        assert_eq!(LangV1::parse("fr"), None);
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
