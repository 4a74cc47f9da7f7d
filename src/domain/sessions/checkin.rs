//! Check-in rounds and the pre/post self-assessments that reuse them: which
//! questions a person is asked, who is invited, when a round is due, how
//! answers are checked and attached.
//!
//! Question sets are data ([`plan`]): a round kind lists fixed questions and
//! "one per skill the person wants to learn" or "offers", so a new round kind
//! or question is a table edit, not new code paths. The wire formats (links,
//! signed answer files and codes) live in `crate::io::checkin`.

use crate::domain::date::Date;
use crate::domain::ids::{ParticipantId, RoundId};
use crate::domain::participants::Participant;
use crate::domain::skills::{Lang, SkillId};
use crate::domain::workspace::Workspace;

use super::model::{
    Answer, AnswerValue, CheckinRound, Invitation, Response, RoundKind, SessionsState, Token,
};

/// How long a round stays open by default: two weeks leaves room for holidays
/// and a reminder.
pub const WINDOW_DAYS: i64 = 14;

pub const SCALE_MIN: u8 = 1;
pub const SCALE_MAX: u8 = 5;
pub const PERCENT_MAX: u8 = 100;
/// Long enough for a candid paragraph, short enough to fit in a pasted code.
pub const COMMENT_MAX_CHARS: u16 = 1000;

/// Question ids are part of the answer format: never rename one.
pub const GOING: &str = "going";
pub const MOOD: &str = "mood";
pub const PROGRESS: &str = "progress";
pub const COMMENT: &str = "comment";
pub const CONFIDENCE: &str = "confidence";
/// The program survey that closes the post-program assessment (Kirkpatrick's
/// reaction and behaviour levels): how worthwhile the program was, how much
/// the person now uses what they learned at work, and whether they would
/// recommend taking part.
pub const SATISFACTION: &str = "satisfaction";
pub const APPLIED: &str = "applied";
pub const RECOMMEND: &str = "recommend";
/// The survey questions, in form order.
pub const SURVEY: [&str; 3] = [SATISFACTION, APPLIED, RECOMMEND];
/// Questions on a skill the person wants to learn are `skill:<skill id>`.
pub const SKILL_PREFIX: &str = "skill:";
/// Questions on a skill the person offers are `offer:<skill id>`.
pub const OFFER_PREFIX: &str = "offer:";

/// Which of a person's skill lists a skill question comes from: the same
/// skill may be both wanted by one person and offered by another, and the two
/// answers mean different things (a learning gain versus self-rated expertise).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkillSide {
    /// `skill:<id>`, from `skills_wanted`.
    Wanted,
    /// `offer:<id>`, from `skills_offered`.
    Offered,
}

impl SkillSide {
    pub const ALL: [SkillSide; 2] = [SkillSide::Wanted, SkillSide::Offered];

    pub fn prefix(self) -> &'static str {
        match self {
            SkillSide::Wanted => SKILL_PREFIX,
            SkillSide::Offered => OFFER_PREFIX,
        }
    }

    /// The question (and answer) id about `skill` on this side.
    pub fn answer_id(self, skill: &SkillId) -> String {
        format!("{}{skill}", self.prefix())
    }
}

/// `skill:<id>`: the id of the question on a skill the person wants to learn.
pub fn skill_answer_id(skill: &SkillId) -> String {
    SkillSide::Wanted.answer_id(skill)
}

/// `offer:<id>`: the id of the question on a skill the person offers.
pub fn offer_answer_id(skill: &SkillId) -> String {
    SkillSide::Offered.answer_id(skill)
}

/// The side and skill a `skill:` or `offer:` question id names, if it is one.
pub fn skill_answer(question: &str) -> Option<(SkillSide, SkillId)> {
    SkillSide::ALL.into_iter().find_map(|side| {
        let id = question.strip_prefix(side.prefix())?;
        SkillId::parse(id).map(|skill| (side, skill))
    })
}

/// What kind of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuestionKind {
    /// A point from [`SCALE_MIN`] to [`SCALE_MAX`].
    Scale,
    /// 0 to [`PERCENT_MAX`].
    Percent,
    /// Free text of at most `max_chars` characters (Unicode scalar values).
    Text { max_chars: u16 },
}

/// One question of a round, as asked to one person. The UI words it from its
/// id (`checkin.q.<id>`, or the skill's label for `skill:` questions).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    /// An answer without it is refused; everything else may be skipped.
    pub required: bool,
}

impl Question {
    fn fixed(spec: &Fixed) -> Question {
        Question {
            id: spec.id.to_string(),
            kind: spec.kind,
            required: spec.required,
        }
    }

    fn skill(side: SkillSide, skill: &SkillId) -> Question {
        Question {
            id: side.answer_id(skill),
            kind: QuestionKind::Scale,
            required: false,
        }
    }

    /// The skill a `skill:<id>` question (one the person wants) is about.
    pub fn skill_id(&self) -> Option<SkillId> {
        skill_of(&self.id)
    }

    /// The side and skill of a `skill:` or `offer:` question.
    pub fn rated_skill(&self) -> Option<(SkillSide, SkillId)> {
        skill_answer(&self.id)
    }
}

/// The skill a `skill:<id>` question id names, if it is one.
pub fn skill_of(question: &str) -> Option<SkillId> {
    SkillId::parse(question.strip_prefix(SKILL_PREFIX)?)
}

/// The skill an `offer:<id>` question id names, if it is one.
pub fn offer_of(question: &str) -> Option<SkillId> {
    SkillId::parse(question.strip_prefix(OFFER_PREFIX)?)
}

/// A question every person of a round kind gets.
#[derive(Debug)]
pub struct Fixed {
    pub id: &'static str,
    pub kind: QuestionKind,
    pub required: bool,
}

/// One step of a round kind's question plan.
#[derive(Debug)]
pub enum Part {
    Fixed(Fixed),
    /// One scale per skill the person wants to learn: digital skills for a
    /// senior mentee, the learn-back skills (experience, career) for a reverse
    /// mentor. Both are the person's `skills_wanted`.
    SkillsWanted,
    /// One scale per skill the person offers (`skills_offered`): their own
    /// level today, the context that gains are read against.
    SkillsOffered,
}

const COMMENT_SPEC: Fixed = Fixed {
    id: COMMENT,
    kind: QuestionKind::Text {
        max_chars: COMMENT_MAX_CHARS,
    },
    required: false,
};

const CHECKIN_PLAN: &[Part] = &[
    Part::Fixed(Fixed {
        id: GOING,
        kind: QuestionKind::Scale,
        required: true,
    }),
    Part::Fixed(Fixed {
        id: MOOD,
        kind: QuestionKind::Scale,
        required: true,
    }),
    Part::Fixed(Fixed {
        id: PROGRESS,
        kind: QuestionKind::Percent,
        required: false,
    }),
    Part::Fixed(COMMENT_SPEC),
];

const CONFIDENCE_SPEC: Fixed = Fixed {
    id: CONFIDENCE,
    kind: QuestionKind::Scale,
    required: false,
};

/// A survey question: answered by everyone who finishes the program, so the
/// reaction and behaviour figures rest on every answer received.
const fn survey(id: &'static str) -> Part {
    Part::Fixed(Fixed {
        id,
        kind: QuestionKind::Scale,
        required: true,
    })
}

/// Before the program. The skill questions are the same after it, so answers
/// compare.
const PRE_ASSESSMENT_PLAN: &[Part] = &[
    Part::SkillsWanted,
    Part::Fixed(CONFIDENCE_SPEC),
    Part::SkillsOffered,
    Part::Fixed(COMMENT_SPEC),
];

/// After the program: the pre-program questions, then the program survey.
const POST_ASSESSMENT_PLAN: &[Part] = &[
    Part::SkillsWanted,
    Part::Fixed(CONFIDENCE_SPEC),
    Part::SkillsOffered,
    survey(SATISFACTION),
    survey(APPLIED),
    survey(RECOMMEND),
    Part::Fixed(COMMENT_SPEC),
];

/// The question plan of a round kind, in the order the form shows it.
pub fn plan(kind: RoundKind) -> &'static [Part] {
    match kind {
        RoundKind::CheckIn => CHECKIN_PLAN,
        RoundKind::PreAssessment => PRE_ASSESSMENT_PLAN,
        RoundKind::PostAssessment => POST_ASSESSMENT_PLAN,
    }
}

/// The questions `person` is asked in a round of `kind`, in form order.
pub fn questions(kind: RoundKind, person: &Participant) -> Vec<Question> {
    let mut out: Vec<Question> = Vec::new();
    for part in plan(kind) {
        let (side, skills): (SkillSide, Vec<&SkillId>) = match part {
            Part::Fixed(spec) => {
                out.push(Question::fixed(spec));
                continue;
            }
            Part::SkillsWanted => (
                SkillSide::Wanted,
                person.skills_wanted.iter().map(|w| &w.skill).collect(),
            ),
            Part::SkillsOffered => (
                SkillSide::Offered,
                person.skills_offered.iter().map(|o| &o.skill).collect(),
            ),
        };
        for skill in skills {
            let question = Question::skill(side, skill);
            if !out.contains(&question) {
                out.push(question);
            }
        }
    }
    out
}

/// The question `id` stands for in a round of `kind`, whoever answers it: how
/// links and answer files are read back without the person's current skills
/// (which may have changed since the link was sent).
pub fn question_for(kind: RoundKind, id: &str) -> Option<Question> {
    let rated = skill_answer(id);
    plan(kind).iter().find_map(|part| match (part, &rated) {
        (Part::Fixed(spec), _) if spec.id == id => Some(Question::fixed(spec)),
        (Part::SkillsWanted, Some((side @ SkillSide::Wanted, skill)))
        | (Part::SkillsOffered, Some((side @ SkillSide::Offered, skill))) => {
            Some(Question::skill(*side, skill))
        }
        _ => None,
    })
}

/// The UI language for a person: the first of their languages the app speaks.
pub fn preferred_lang(person: &Participant) -> Lang {
    person
        .languages
        .iter()
        .find_map(|code| match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            "it" => Some(Lang::It),
            _ => None,
        })
        .unwrap_or(Lang::En)
}

/// The first word of a person's name: links carry no more of it than a
/// greeting needs.
pub fn first_name(person: &Participant) -> String {
    person
        .name
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string()
}

/// Why an answer set cannot be accepted, per question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerProblem {
    pub question: String,
    pub kind: AnswerProblemKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerProblemKind {
    /// Not a question of this round for this person.
    Unknown,
    /// The question is answered more than once.
    Repeated,
    /// A number for a text question, or text for a number.
    WrongType,
    OutOfRange {
        min: u8,
        max: u8,
    },
    TooLong {
        max_chars: u16,
    },
    /// A required question has no answer.
    Missing,
}

/// Checks answers against the questions asked and returns every problem at
/// once (in answer order, then missing questions in question order).
pub fn validate_answers(questions: &[Question], answers: &[Answer]) -> Vec<AnswerProblem> {
    let mut problems = Vec::new();
    let problem = |question: &str, kind| AnswerProblem {
        question: question.to_string(),
        kind,
    };
    for (i, answer) in answers.iter().enumerate() {
        if answers[..i].iter().any(|a| a.question == answer.question) {
            problems.push(problem(&answer.question, AnswerProblemKind::Repeated));
            continue;
        }
        let Some(question) = questions.iter().find(|q| q.id == answer.question) else {
            problems.push(problem(&answer.question, AnswerProblemKind::Unknown));
            continue;
        };
        if let Some(kind) = value_problem(question.kind, &answer.value) {
            problems.push(problem(&answer.question, kind));
        }
    }
    for question in questions.iter().filter(|q| q.required) {
        if !answers.iter().any(|a| a.question == question.id) {
            problems.push(problem(&question.id, AnswerProblemKind::Missing));
        }
    }
    problems
}

fn value_problem(kind: QuestionKind, value: &AnswerValue) -> Option<AnswerProblemKind> {
    let in_range = |v: u8, min: u8, max: u8| {
        (!(min..=max).contains(&v)).then_some(AnswerProblemKind::OutOfRange { min, max })
    };
    match (kind, value) {
        (QuestionKind::Scale, AnswerValue::Scale(v)) => in_range(*v, SCALE_MIN, SCALE_MAX),
        (QuestionKind::Percent, AnswerValue::Percent(v)) => in_range(*v, 0, PERCENT_MAX),
        (QuestionKind::Text { max_chars }, AnswerValue::Text(text)) => (text.chars().count()
            > usize::from(max_chars))
        .then_some(AnswerProblemKind::TooLong { max_chars }),
        _ => Some(AnswerProblemKind::WrongType),
    }
}

/// Who is asked by default: active people in accepted pairs, in roster order.
pub fn invitees(ws: &Workspace) -> Vec<ParticipantId> {
    ws.participants
        .iter()
        .filter(|p| p.active)
        .filter(|p| {
            ws.pairing
                .pairs
                .iter()
                .any(|pair| pair.mentor == p.id || pair.mentee == p.id)
        })
        .map(|p| p.id.clone())
        .collect()
}

/// When the next check-in round should open and close.
///
/// Due dates are `first_checkin_day` after the earliest pair start (else the
/// program start, else today), then every `checkin_every_days`. A due date
/// counts as done when a check-in round already opened less than half an
/// interval before it (a round sent a little early covers it). An overdue
/// round opens today, never in the past; it closes [`WINDOW_DAYS`] later.
pub fn suggested_window(ws: &Workspace, today: Date) -> (Date, Date) {
    let settings = &ws.sessions.settings;
    let every = i64::from(settings.checkin_every_days.max(1));
    let start = ws
        .pairing
        .pairs
        .iter()
        .filter_map(|p| p.since)
        .min()
        .or(ws.program.start_date)
        .unwrap_or(today);
    let first_due = start.days_since_epoch() + i64::from(settings.first_checkin_day);
    let latest_opened = ws
        .sessions
        .rounds
        .iter()
        .filter(|r| r.kind == RoundKind::CheckIn)
        .map(|r| r.opens.days_since_epoch())
        .max();
    let due = match latest_opened {
        // The first due date strictly after latest + every / 2.
        Some(latest) if first_due <= latest + every / 2 => {
            let steps = (latest + every / 2 - first_due) / every + 1;
            first_due + steps * every
        }
        _ => first_due,
    };
    let opens = Date::from_days_since_epoch(due)
        .filter(|d| *d > today)
        .unwrap_or(today);
    let closes = opens.add_days(WINDOW_DAYS).unwrap_or(opens);
    (opens, closes)
}

/// A new round for `people` (unknown ids and repeats dropped, order kept).
/// `random` must be a cryptographic source (the browser's
/// `crypto.getRandomValues`): its first draw makes the round id, then one
/// draw per person makes their secret token.
pub fn new_round(
    ws: &Workspace,
    kind: RoundKind,
    opens: Date,
    closes: Date,
    people: &[ParticipantId],
    mut random: impl FnMut() -> [u8; 16],
) -> CheckinRound {
    let id = RoundId::from_random_bytes(random());
    let mut invitations: Vec<Invitation> = Vec::new();
    for person in people {
        let known = ws.participant(person).is_some();
        if known && !invitations.iter().any(|i| &i.participant == person) {
            invitations.push(Invitation {
                participant: person.clone(),
                token: Token(random()),
            });
        }
    }
    CheckinRound {
        id,
        kind,
        opens,
        closes,
        invitations,
    }
}

/// Everyone invited to `round`, in invitation order, with their answer once
/// it has been imported.
pub fn round_status<'a>(
    ws: &'a Workspace,
    round: &CheckinRound,
) -> Vec<(ParticipantId, Option<&'a Response>)> {
    round
        .invitations
        .iter()
        .map(|invitation| {
            let response = ws
                .sessions
                .responses
                .iter()
                .find(|r| r.round == round.id && r.participant == invitation.participant);
            (invitation.participant.clone(), response)
        })
        .collect()
}

/// Whether an answer from this person to this round is already kept.
pub fn has_response(state: &SessionsState, round: &RoundId, participant: &ParticipantId) -> bool {
    state
        .responses
        .iter()
        .any(|r| &r.round == round && &r.participant == participant)
}

/// Keeps accepted answers (from `io::checkin::read_responses`). One answer per
/// person and round: a repeat is skipped, so applying a batch twice is harmless.
/// An answer whose round was deleted, or whose person was taken off it, since
/// it was read is skipped too: kept, it would make the saved data unreadable.
pub fn apply_responses(state: &mut SessionsState, accepted: Vec<Response>) {
    for response in accepted {
        let invited = state
            .rounds
            .iter()
            .find(|r| r.id == response.round)
            .is_some_and(|round| {
                round
                    .invitations
                    .iter()
                    .any(|i| i.participant == response.participant)
            });
        if invited && !has_response(state, &response.round, &response.participant) {
            state.responses.push(response);
        }
    }
}

/// Deletes a round together with the answers imported for it (answers to a
/// round that no longer exists could never be read back). Returns the round.
pub fn delete_round(state: &mut SessionsState, id: &RoundId) -> Option<CheckinRound> {
    let index = state.rounds.iter().position(|r| &r.id == id)?;
    let round = state.rounds.remove(index);
    // A second round with the same id (a hand-edited file) keeps its answers.
    if !state.rounds.iter().any(|r| &r.id == id) {
        state.responses.retain(|r| &r.round != id);
    }
    Some(round)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::seeded_bytes;
    use crate::domain::matching::Pair;
    use crate::domain::participants::{OfferedSkill, Priority, Role, WantedSkill};

    fn person(seed: u64, role: Role) -> Participant {
        let mut p = Participant::new(ParticipantId::from_random_bytes(seeded_bytes(seed)), role);
        p.name = format!("Person {seed}");
        p
    }

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    fn ids(questions: &[Question]) -> Vec<&str> {
        questions.iter().map(|q| q.id.as_str()).collect()
    }

    #[test]
    fn question_sets_follow_the_plan() {
        let mut mentor = person(1, Role::ReverseMentor);
        for skill in ["leadership", "leadership", "custom-cold-chain"] {
            mentor.skills_wanted.push(WantedSkill {
                skill: SkillId::parse(skill).unwrap(),
                priority: Priority::Important,
            });
        }
        mentor.skills_offered.push(OfferedSkill {
            skill: SkillId::parse("leadership").unwrap(),
            level: 4,
        });
        assert_eq!(
            ids(&questions(RoundKind::CheckIn, &mentor)),
            ["going", "mood", "progress", "comment"]
        );
        let pre = [
            "skill:leadership",
            "skill:custom-cold-chain",
            "confidence",
            "offer:leadership",
            "comment",
        ];
        let post = [
            "skill:leadership",
            "skill:custom-cold-chain",
            "confidence",
            "offer:leadership",
            "satisfaction",
            "applied",
            "recommend",
            "comment",
        ];
        for (kind, expected) in [
            (RoundKind::PreAssessment, &pre[..]),
            (RoundKind::PostAssessment, &post[..]),
        ] {
            let asked = questions(kind, &mentor);
            assert_eq!(ids(&asked), expected, "{kind:?}");
            for q in &asked {
                assert_eq!(question_for(kind, &q.id).as_ref(), Some(q), "{}", q.id);
            }
        }
        let required: Vec<_> = questions(RoundKind::CheckIn, &mentor)
            .into_iter()
            .filter(|q| q.required)
            .map(|q| q.id)
            .collect();
        assert_eq!(required, ["going", "mood"]);
        assert_eq!(question_for(RoundKind::CheckIn, "skill:leadership"), None);
        assert_eq!(question_for(RoundKind::PreAssessment, "mood"), None);
        assert_eq!(question_for(RoundKind::PreAssessment, "skill:Bad Id"), None);
        assert_eq!(question_for(RoundKind::PreAssessment, "satisfaction"), None);
        assert_eq!(question_for(RoundKind::CheckIn, "offer:leadership"), None);
    }

    #[test]
    fn skill_answer_ids_parse_back_to_their_side() {
        let skill = SkillId::parse("ai-tools").unwrap();
        assert_eq!(skill_answer_id(&skill), "skill:ai-tools");
        assert_eq!(offer_answer_id(&skill), "offer:ai-tools");
        let cases = [
            ("skill:ai-tools", Some((SkillSide::Wanted, skill.clone()))),
            ("offer:ai-tools", Some((SkillSide::Offered, skill.clone()))),
            ("offer:", None),
            ("offer:AI Tools", None),
            ("offers:ai-tools", None),
            ("ai-tools", None),
            ("satisfaction", None),
        ];
        for (id, expected) in cases {
            assert_eq!(skill_answer(id), expected, "{id}");
        }
        assert_eq!(offer_of("offer:ai-tools"), Some(skill.clone()));
        assert_eq!(skill_of("offer:ai-tools"), None);
    }

    #[test]
    fn preferred_language_is_the_first_the_app_speaks() {
        let cases: [(&[&str], Lang); 4] = [
            (&["de", "it", "en"], Lang::It),
            (&["ES"], Lang::Es),
            (&["fr"], Lang::En),
            (&[], Lang::En),
        ];
        for (languages, lang) in cases {
            let mut p = person(1, Role::Mentee);
            p.languages = languages.iter().map(|l| l.to_string()).collect();
            assert_eq!(preferred_lang(&p), lang, "{languages:?}");
        }
    }

    #[test]
    fn suggested_window_table() {
        let mentor = person(1, Role::ReverseMentor);
        let mentee = person(2, Role::Mentee);
        let mut ws = Workspace {
            participants: vec![mentor.clone(), mentee.clone()],
            ..Default::default()
        };
        ws.pairing.pairs.push(Pair {
            mentor: mentor.id.clone(),
            mentee: mentee.id.clone(),
            since: Some(date("2026-01-01")),
        });
        // Defaults: first at day 30 (2026-01-31), then every 60 days.
        let cases = [
            // (latest check-in opened, today, expected opens)
            (None, "2026-01-10", "2026-01-31"),
            (None, "2026-02-10", "2026-02-10"),
            (Some("2026-01-31"), "2026-02-01", "2026-04-01"),
            (Some("2026-01-25"), "2026-01-26", "2026-04-01"),
            (Some("2026-02-10"), "2026-02-11", "2026-04-01"),
            (Some("2026-03-05"), "2026-03-06", "2026-05-31"),
            (Some("2026-04-01"), "2026-07-01", "2026-07-01"),
        ];
        for (latest, today, opens) in cases {
            ws.sessions.rounds = latest
                .map(|d| CheckinRound {
                    id: RoundId::from_random_bytes([9; 16]),
                    kind: RoundKind::CheckIn,
                    opens: date(d),
                    closes: date(d),
                    invitations: vec![],
                })
                .into_iter()
                .collect();
            let window = suggested_window(&ws, date(today));
            assert_eq!(window.0, date(opens), "{latest:?} {today}");
            assert_eq!(window.0.days_until(window.1), WINDOW_DAYS);
        }
        // Self-assessment rounds do not move the check-in schedule.
        ws.sessions.rounds[0].kind = RoundKind::PreAssessment;
        assert_eq!(
            suggested_window(&ws, date("2026-01-02")).0,
            date("2026-01-31")
        );
    }

    #[test]
    fn answers_are_checked_all_at_once() {
        let asked = questions(RoundKind::CheckIn, &person(1, Role::Mentee));
        let answer = |q: &str, value: AnswerValue| Answer {
            question: q.into(),
            value,
        };
        let problems = validate_answers(
            &asked,
            &[
                answer("going", AnswerValue::Scale(6)),
                answer("going", AnswerValue::Scale(3)),
                answer("progress", AnswerValue::Text("half".into())),
                answer("comment", AnswerValue::Text("é".repeat(1001))),
                answer("weather", AnswerValue::Scale(3)),
            ],
        );
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.question.as_str(), p.kind))
            .collect();
        assert_eq!(
            found,
            [
                ("going", AnswerProblemKind::OutOfRange { min: 1, max: 5 }),
                ("going", AnswerProblemKind::Repeated),
                ("progress", AnswerProblemKind::WrongType),
                ("comment", AnswerProblemKind::TooLong { max_chars: 1000 }),
                ("weather", AnswerProblemKind::Unknown),
                ("mood", AnswerProblemKind::Missing),
            ]
        );
    }

    #[test]
    fn deleting_a_round_takes_its_answers_and_late_answers_are_skipped() {
        let ws = Workspace {
            participants: vec![person(1, Role::Mentee), person(2, Role::ReverseMentor)],
            ..Default::default()
        };
        let people: Vec<ParticipantId> = ws.participants.iter().map(|p| p.id.clone()).collect();
        let mut seed = 100;
        let mut random = || {
            seed += 1;
            seeded_bytes(seed)
        };
        let window = (date("2026-01-01"), date("2026-01-10"));
        let kept = new_round(
            &ws,
            RoundKind::CheckIn,
            window.0,
            window.1,
            &people,
            &mut random,
        );
        let gone = new_round(
            &ws,
            RoundKind::CheckIn,
            window.0,
            window.1,
            &people,
            &mut random,
        );
        let answer = |round: &CheckinRound, who: &ParticipantId| Response {
            round: round.id.clone(),
            participant: who.clone(),
            answered_on: window.0,
            imported_on: window.0,
            answers: Vec::new(),
        };
        let mut state = SessionsState {
            rounds: vec![kept.clone(), gone.clone()],
            ..Default::default()
        };
        apply_responses(
            &mut state,
            vec![answer(&kept, &people[0]), answer(&gone, &people[0])],
        );
        assert_eq!(state.responses.len(), 2);

        assert_eq!(delete_round(&mut state, &gone.id), Some(gone.clone()));
        assert_eq!(delete_round(&mut state, &gone.id), None);
        assert_eq!(state.rounds, vec![kept.clone()]);
        assert_eq!(state.responses, vec![answer(&kept, &people[0])]);

        // Read before the deletion, applied after: skipped, as is an answer
        // from someone no longer invited.
        state.rounds[0]
            .invitations
            .retain(|i| i.participant != people[1]);
        apply_responses(
            &mut state,
            vec![answer(&gone, &people[1]), answer(&kept, &people[1])],
        );
        assert_eq!(state.responses, vec![answer(&kept, &people[0])]);
    }
}
