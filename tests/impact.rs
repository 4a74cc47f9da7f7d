//! The Impact page's figures on a small program computed by hand, scope by
//! scope: funnel, sessions, ratings, check-ins, goals, skill gains, survey,
//! objectives, retention, Kirkpatrick levels, certificates, and the privacy
//! rule that withholds anything about fewer than three people.
//!
//! The program (today is 2026-04-01; the program runs 2026-01-05 → 06-30):
//!
//! | Pair | People (department) | Held | Notes |
//! |---|---|---|---|
//! | P1 | M1 (IT) – E1 (Sales) | 4 | 1 cancelled, 1 unlogged, 1 upcoming |
//! | P2 | M2 (IT) – E2 (Sales) | 2 | 1 upcoming (today); E2 left on 03-15 |
//! | P3 | M3 (Sales, inactive) – E3 (Sales) | 1 | 1 cancelled |
//! | P4 | M4 (" it ") – E4 (IT) | 5 | 1 "held" in May (upcoming); E4 leaves after the program |
//! | P5 | M5 (Legal) – E5 (Legal) | 1 | former pair, no longer accepted |
//!
//! E6 has no department and no pair.

use std::collections::HashMap;

use inversa::domain::demo::finished_demo_workspace;
use inversa::domain::ids::seeded_bytes;
use inversa::domain::impact::{
    self, Certificate, Funnel, GainStats, Impact, Leaver, Level, Measure, NotYetEligible,
    PendingReason, Practice, Retention, ScaleSummary, Scope, Shown, SurveyQuestion,
};
use inversa::domain::matching::{Pair, PairKey};
use inversa::domain::sessions::{
    Agreement, Answer, AnswerValue, CheckinRound, Goal, GoalDirection, LocalDateTime, LocalTime,
    Milestone, Response, RoundKind, Session, SessionStatus,
};
use inversa::domain::synthetic::{Rng, synthetic_workspace};
use inversa::domain::{
    Cadence, Date, GoalId, Objective, ObjectiveId, OfferedSkill, Participant, ParticipantId, Role,
    RoundId, SessionId, SkillId, Workspace,
};

use GoalDirection::{MenteeLearns, MentorLearns};
use SessionStatus::{Cancelled, Held, Planned};

fn d(month: u8, day: u8) -> Date {
    Date::new(2026, month, day).unwrap()
}

const TODAY: (u8, u8) = (4, 1);

fn today() -> Date {
    d(TODAY.0, TODAY.1)
}

fn skill(id: &str) -> SkillId {
    SkillId::parse(id).unwrap()
}

fn scale(question: &str, value: u8) -> Answer {
    Answer {
        question: question.into(),
        value: AnswerValue::Scale(value),
    }
}

/// Builds a workspace from names, so tests read like the table above.
struct Builder {
    ws: Workspace,
    seed: u64,
    ids: HashMap<&'static str, ParticipantId>,
}

impl Builder {
    fn new() -> Builder {
        let mut ws = Workspace::default();
        ws.program.name = "Pilot".into();
        ws.program.start_date = Some(d(1, 5));
        ws.program.end_date = Some(d(6, 30));
        Builder {
            ws,
            seed: 0,
            ids: HashMap::new(),
        }
    }

    fn bytes(&mut self) -> [u8; 16] {
        self.seed += 1;
        seeded_bytes(self.seed)
    }

    fn id(&self, name: &str) -> ParticipantId {
        self.ids[name].clone()
    }

    fn person(&mut self, name: &'static str, role: Role, department: &str, offers: &[&str]) {
        let mut p = Participant::new(ParticipantId::from_random_bytes(self.bytes()), role);
        p.name = name.into();
        p.department = department.into();
        p.skills_offered = offers
            .iter()
            .map(|s| OfferedSkill {
                skill: skill(s),
                level: 4,
            })
            .collect();
        self.ids.insert(name, p.id.clone());
        self.ws.participants.push(p);
    }

    fn key(&self, mentor: &str, mentee: &str) -> PairKey {
        PairKey::new(self.id(mentor), self.id(mentee))
    }

    fn accept(&mut self, mentor: &str, mentee: &str) {
        let key = self.key(mentor, mentee);
        self.ws.pairing.pairs.push(Pair {
            mentor: key.mentor,
            mentee: key.mentee,
            since: Some(d(1, 5)),
        });
    }

    /// `ratings` are (mentor's, mentee's).
    fn session(
        &mut self,
        pair: (&str, &str),
        day: Date,
        status: SessionStatus,
        minutes: u16,
        ratings: (Option<u8>, Option<u8>),
        topics: &[&str],
    ) {
        let session = Session {
            id: SessionId::from_random_bytes(self.bytes()),
            pair: self.key(pair.0, pair.1),
            start: LocalDateTime {
                date: day,
                time: LocalTime::new(10, 0).unwrap(),
            },
            minutes,
            status,
            rescheduled_from: None,
            topics: topics.iter().map(|s| skill(s)).collect(),
            notes: String::new(),
            mentor_rating: ratings.0,
            mentee_rating: ratings.1,
            goal_progress: Vec::new(),
            sequence: 0,
        };
        self.ws.sessions.sessions.push(session);
    }

    /// Goals as (direction, progress, milestones done/not).
    fn agreement(&mut self, pair: (&str, &str), goals: &[(GoalDirection, u8, &[bool])]) {
        let goals = goals
            .iter()
            .map(|&(direction, progress, milestones)| {
                let mut goal = Goal::new(GoalId::from_random_bytes(self.bytes()), direction);
                goal.progress = progress;
                goal.milestones = milestones
                    .iter()
                    .map(|&done| Milestone {
                        text: "step".into(),
                        done,
                    })
                    .collect();
                goal
            })
            .collect();
        self.ws.sessions.agreements.push(Agreement {
            pair: self.key(pair.0, pair.1),
            goals,
            cadence: Cadence::Fortnightly,
            session_minutes: 60,
            channel: None,
            ground_rules: Default::default(),
            review_dates: Vec::new(),
            agreed_on: Some(d(1, 5)),
            notes: String::new(),
        });
    }

    fn round(&mut self, kind: RoundKind, opens: Date) -> RoundId {
        let id = RoundId::from_random_bytes(self.bytes());
        self.ws.sessions.rounds.push(CheckinRound {
            id: id.clone(),
            kind,
            opens,
            closes: opens.add_days(14).unwrap(),
            invitations: Vec::new(),
        });
        id
    }

    fn answer(&mut self, round: &RoundId, who: &str, on: Date, answers: Vec<Answer>) {
        self.ws.sessions.responses.push(Response {
            round: round.clone(),
            participant: self.id(who),
            answered_on: on,
            imported_on: on,
            answers,
        });
    }
}

fn program() -> Builder {
    let mut b = Builder::new();
    use Role::{Mentee, ReverseMentor};
    b.person("M1", ReverseMentor, "IT", &["social-media", "ai-tools"]);
    b.person("E1", Mentee, "Sales", &["leadership"]);
    b.person("M2", ReverseMentor, "IT", &["social-media"]);
    b.person("E2", Mentee, "Sales", &[]);
    b.person("M3", ReverseMentor, "Sales", &["ai-tools"]);
    b.person("E3", Mentee, "Sales", &[]);
    b.person("M4", ReverseMentor, " it ", &["ai-tools"]);
    b.person("E4", Mentee, "IT", &[]);
    b.person("M5", ReverseMentor, "Legal", &[]);
    b.person("E5", Mentee, "Legal", &[]);
    b.person("E6", Mentee, "", &[]);
    b.ws.participants[4].active = false; // M3
    for (mentor, mentee) in [("M1", "E1"), ("M2", "E2"), ("M3", "E3"), ("M4", "E4")] {
        b.accept(mentor, mentee);
    }

    let (p1, p2, p3, p4, p5) = (
        ("M1", "E1"),
        ("M2", "E2"),
        ("M3", "E3"),
        ("M4", "E4"),
        ("M5", "E5"),
    );
    let none = (None, None);
    b.session(
        p1,
        d(1, 10),
        Held,
        60,
        (Some(4), Some(5)),
        &["social-media"],
    );
    b.session(p1, d(1, 24), Held, 60, (Some(5), Some(4)), &[]);
    b.session(p1, d(2, 7), Held, 30, (None, Some(3)), &["social-media"]);
    b.session(p1, d(2, 21), Held, 60, none, &[]);
    b.session(p1, d(3, 7), Cancelled, 60, none, &[]);
    b.session(p1, d(3, 21), Planned, 60, none, &[]);
    b.session(p1, d(4, 4), Planned, 60, none, &[]);
    b.session(p2, d(1, 12), Held, 45, (Some(3), Some(2)), &[]);
    b.session(p2, d(1, 26), Held, 45, (Some(4), None), &[]);
    b.session(p2, today(), Planned, 45, none, &[]);
    b.session(p3, d(1, 15), Held, 60, (Some(2), Some(2)), &["leadership"]);
    // A rating on a cancelled session is not a rating of a session.
    b.session(p3, d(2, 15), Cancelled, 60, (Some(1), None), &[]);
    b.session(p4, d(1, 20), Held, 60, (Some(5), Some(5)), &[]);
    b.session(p4, d(2, 3), Held, 60, (Some(5), Some(4)), &[]);
    b.session(p4, d(2, 17), Held, 60, (Some(4), Some(4)), &[]);
    b.session(p4, d(3, 3), Held, 60, (Some(4), None), &[]);
    b.session(p4, d(3, 17), Held, 60, none, &[]);
    // Logged as held on a future day (a hand-edited file): upcoming, unrated.
    b.session(p4, d(5, 1), Held, 60, (None, Some(1)), &[]);
    b.session(p5, d(1, 8), Held, 60, (Some(3), Some(3)), &[]);

    b.agreement(
        p1,
        &[
            (MenteeLearns, 100, &[]),
            (MenteeLearns, 50, &[]),
            (MentorLearns, 100, &[]),
        ],
    );
    b.agreement(
        p2,
        &[(MenteeLearns, 0, &[true, true]), (MentorLearns, 40, &[])],
    );
    b.agreement(p3, &[(MenteeLearns, 20, &[])]);
    b.agreement(
        p4,
        &[
            (MenteeLearns, 100, &[]),
            (MentorLearns, 60, &[]),
            (MentorLearns, 100, &[]),
        ],
    );

    // Check-ins: the March round is listed first but opens later.
    let march = b.round(RoundKind::CheckIn, d(3, 1));
    let february = b.round(RoundKind::CheckIn, d(2, 1));
    let checkin = |going: u8, mood: u8| vec![scale("going", going), scale("mood", mood)];
    b.answer(&february, "M1", d(2, 2), checkin(4, 4));
    b.answer(&february, "E1", d(2, 2), checkin(3, 2));
    b.answer(&february, "M2", d(2, 3), checkin(5, 5));
    b.answer(&february, "E4", d(2, 3), checkin(2, 3));
    let not_scales = vec![
        Answer {
            question: "mood".into(),
            value: AnswerValue::Percent(80),
        },
        Answer {
            question: "going".into(),
            value: AnswerValue::Text("fine".into()),
        },
    ];
    b.answer(&february, "E6", d(2, 3), not_scales);
    b.answer(&march, "M1", d(3, 2), checkin(4, 5));
    b.answer(&march, "E1", d(3, 2), checkin(1, 1));
    b.answer(&march, "E1", d(3, 3), checkin(3, 3)); // replaces the one above
    b.answer(&march, "M4", d(3, 3), vec![scale("mood", 4)]);

    // Self-assessments.
    let pre = b.round(RoundKind::PreAssessment, d(1, 2));
    let late_pre = b.round(RoundKind::PreAssessment, d(2, 1));
    let post = b.round(RoundKind::PostAssessment, d(3, 25));
    let answers = |list: &[(&str, u8)]| list.iter().map(|&(q, v)| scale(q, v)).collect();
    for (who, list) in [
        (
            "E1",
            &[("skill:social-media", 1), ("offer:leadership", 4)][..],
        ),
        ("E2", &[("skill:social-media", 2), ("skill:ai-tools", 1)]),
        ("E3", &[("skill:social-media", 2), ("satisfaction", 1)]),
        ("E4", &[("skill:social-media", 3), ("skill:ai-tools", 2)]),
        ("M1", &[("skill:leadership", 2), ("offer:social-media", 5)]),
        ("M2", &[("skill:leadership", 3), ("offer:social-media", 4)]),
        ("M4", &[("skill:leadership", 1), ("offer:social-media", 4)]),
        ("E5", &[("skill:social-media", 1), ("confidence", 5)]),
    ] {
        b.answer(&pre, who, d(1, 3), answers(list));
    }
    // A second "before" later on does not replace the first.
    b.answer(
        &late_pre,
        "E1",
        d(2, 2),
        answers(&[("skill:social-media", 3)]),
    );
    let survey = |s: u8, a: u8, r: u8| [("satisfaction", s), ("applied", a), ("recommend", r)];
    for (who, list) in [
        (
            "E1",
            [
                &[("skill:social-media", 4), ("offer:leadership", 5)][..],
                &survey(5, 4, 5),
            ]
            .concat(),
        ),
        (
            "E2",
            [&[("skill:social-media", 3)][..], &survey(4, 3, 4)].concat(),
        ),
        (
            "E4",
            [
                &[("skill:social-media", 3), ("skill:ai-tools", 4)][..],
                &survey(3, 2, 3),
            ]
            .concat(),
        ),
        (
            "M1",
            [
                &[("skill:leadership", 3), ("offer:social-media", 5)][..],
                &survey(5, 5, 5),
            ]
            .concat(),
        ),
        (
            "M4",
            [&[("skill:leadership", 3)][..], &survey(4, 4, 4)].concat(),
        ),
        ("E6", vec![("skill:social-media", 2), ("satisfaction", 2)]),
    ] {
        b.answer(&post, who, d(3, 28), answers(&list));
    }
    let text = Answer {
        question: "skill:ai-tools".into(),
        value: AnswerValue::Text("good".into()),
    };
    b.answer(&post, "E2", d(3, 29), vec![text]);

    let objective = |b: &mut Builder, owner: &str, baseline, target, current| Objective {
        id: ObjectiveId::from_random_bytes(b.bytes()),
        title: "o".into(),
        company_goal: String::new(),
        owner_department: owner.into(),
        kpi_name: "k".into(),
        unit: "%".into(),
        baseline,
        target,
        current,
        skills: vec![],
    };
    let sales = objective(&mut b, "Sales", 10.0, 20.0, Some(15.0));
    let it = objective(&mut b, "it", 100.0, 50.0, None);
    b.ws.program.objectives = vec![sales, it];

    b.ws.impact.leavers = vec![
        Leaver {
            participant: b.id("E2"),
            left_on: d(3, 15),
        },
        // After the program's end: not a departure during the program.
        Leaver {
            participant: b.id("E4"),
            left_on: d(7, 15),
        },
    ];
    b
}

fn department(name: &str) -> Scope {
    Scope::Department(name.into())
}

fn scopes() -> [(&'static str, Scope); 4] {
    [
        ("program", Scope::Program),
        ("IT", department("it")),
        ("Sales", department("SALES")),
        ("Legal", department("Legal")),
    ]
}

fn measure(b: &Builder, scope: &Scope) -> Impact {
    impact::measure(&b.ws, scope, today())
}

fn value<T: Clone>(shown: &Shown<T>) -> Option<T> {
    shown.value().cloned()
}

fn summary(answers: usize, total: u32, counts: [usize; 5]) -> ScaleSummary {
    ScaleSummary {
        answers,
        total,
        counts,
    }
}

#[test]
fn funnel_per_scope() {
    let b = program();
    let funnel = |invited, matched, active, completed, dropped| Funnel {
        invited,
        matched,
        active,
        completed,
        dropped,
    };
    let expected = [
        (11, Some(funnel(11, 10, 10, 4, 2))),
        (4, Some(funnel(4, 4, 4, 3, 0))),
        (4, Some(funnel(4, 4, 4, 1, 2))),
        (2, None),
    ];
    for ((name, scope), (people, funnel)) in scopes().into_iter().zip(expected) {
        let impact = measure(&b, &scope);
        assert_eq!(impact.people, people, "{name}");
        assert_eq!(impact.funnel.people(), people, "{name}");
        assert_eq!(value(&impact.funnel), funnel, "{name}");
    }
}

#[test]
fn sessions_held_against_planned_and_hours() {
    let b = program();
    let practice = |held, cancelled, unlogged, upcoming, minutes_held| Practice {
        held,
        cancelled,
        unlogged,
        upcoming,
        minutes_held,
    };
    let expected = [
        (10, Some(practice(13, 2, 1, 3, 720))),
        (4, Some(practice(11, 1, 1, 3, 600))),
        (4, Some(practice(7, 2, 1, 2, 360))),
        (2, None),
    ];
    for ((name, scope), (people, practice)) in scopes().into_iter().zip(expected) {
        let shown = measure(&b, &scope).practice;
        assert_eq!(
            (shown.people(), value(&shown)),
            (people, practice),
            "{name}"
        );
    }
    let program = measure(&b, &Scope::Program)
        .practice
        .value()
        .copied()
        .unwrap();
    assert_eq!(program.hours(), 12.0);
    assert_eq!(program.held_share(), Some(13.0 / 16.0));
}

#[test]
fn ratings_per_side_count_raters_of_the_scope() {
    let b = program();
    // (scope, mentors' (raters, summary), mentees' (raters, summary))
    let expected = [
        (
            (5, Some(summary(10, 39, [0, 1, 2, 4, 3]))),
            (5, Some(summary(9, 32, [0, 2, 2, 3, 2]))),
        ),
        ((3, Some(summary(8, 34, [0, 0, 1, 4, 3]))), (1, None)),
        ((1, None), (3, Some(summary(5, 16, [0, 2, 1, 1, 1])))),
        ((1, None), (1, None)),
    ];
    for ((name, scope), (mentors, mentees)) in scopes().into_iter().zip(expected) {
        let ratings = measure(&b, &scope).ratings;
        assert_eq!(ratings[0].by, Role::ReverseMentor);
        assert_eq!(ratings[1].by, Role::Mentee);
        let got = |i: usize| (ratings[i].ratings.people(), value(&ratings[i].ratings));
        assert_eq!((got(0), got(1)), (mentors, mentees), "{name}");
    }
    let mentors = measure(&b, &Scope::Program).ratings[0]
        .ratings
        .value()
        .copied();
    assert_eq!(mentors.map(|s| s.mean()), Some(3.9));
}

#[test]
fn going_and_mood_trend_by_round_opening() {
    let b = program();
    let rounds = &b.ws.sessions.rounds;
    // (going, [(February mood), (March mood)])
    let expected = [
        (
            (4, Some(summary(6, 21, [0, 1, 2, 2, 1]))),
            [
                (4, Some(summary(4, 14, [0, 1, 1, 1, 1]))),
                (3, Some(summary(3, 12, [0, 0, 1, 1, 1]))),
            ],
        ),
        (
            (3, Some(summary(4, 15, [0, 1, 0, 2, 1]))),
            [(3, Some(summary(3, 12, [0, 0, 1, 1, 1]))), (2, None)],
        ),
        ((1, None), [(1, None), (1, None)]),
        ((0, None), [(0, None), (0, None)]),
    ];
    for ((name, scope), (going, moods)) in scopes().into_iter().zip(expected) {
        let impact = measure(&b, &scope);
        assert_eq!(
            (impact.going.people(), value(&impact.going)),
            going,
            "{name}"
        );
        let trend: Vec<_> = impact
            .mood
            .iter()
            .map(|r| (r.round.clone(), r.opens, r.mood.people(), value(&r.mood)))
            .collect();
        let wanted: Vec<_> = [(&rounds[1], moods[0]), (&rounds[0], moods[1])]
            .into_iter()
            .map(|(round, (people, mood))| (round.id.clone(), round.opens, people, mood))
            .collect();
        assert_eq!(trend, wanted, "{name}");
    }
}

#[test]
fn goal_completion_per_direction_counts_learners() {
    let b = program();
    let stats = |goals, completed, percent_total| impact::GoalStats {
        goals,
        completed,
        percent_total,
    };
    // (mentees learn, mentors learn back) as (learners, stats)
    let expected = [
        ((4, Some(stats(5, 3, 370))), (3, Some(stats(4, 2, 300)))),
        ((1, None), (3, Some(stats(4, 2, 300)))),
        ((3, Some(stats(4, 2, 270))), (0, None)),
        ((0, None), (0, None)),
    ];
    for ((name, scope), (mentees, mentors)) in scopes().into_iter().zip(expected) {
        let goals = measure(&b, &scope).goals;
        assert_eq!(goals[0].direction, MenteeLearns);
        assert_eq!(goals[1].direction, MentorLearns);
        let got = |i: usize| (goals[i].goals.people(), value(&goals[i].goals));
        assert_eq!((got(0), got(1)), (mentees, mentors), "{name}");
    }
    let program = measure(&b, &Scope::Program);
    assert_eq!(program.goals[0].goals.value().unwrap().mean_percent(), 74.0);
}

#[test]
fn skill_gains_count_one_sided_answers_apart() {
    let b = program();
    let gains = |people, pre_total, post_total, distribution| GainStats {
        people,
        pre_total,
        post_total,
        distribution,
    };
    // (direction, skill, pre_only, post_only, people with both, stats)
    type Row = (
        GoalDirection,
        &'static str,
        usize,
        usize,
        usize,
        Option<GainStats>,
    );
    let program: Vec<Row> = vec![
        (MenteeLearns, "ai-tools", 1, 0, 1, None),
        (
            MenteeLearns,
            "social-media",
            2,
            1,
            3,
            Some(gains(3, 6, 10, [0, 0, 0, 0, 1, 1, 0, 1, 0])),
        ),
        (MentorLearns, "leadership", 1, 0, 2, None),
    ];
    let it: Vec<Row> = vec![
        (MenteeLearns, "ai-tools", 0, 0, 1, None),
        (MenteeLearns, "social-media", 0, 0, 1, None),
        (MentorLearns, "leadership", 1, 0, 2, None),
    ];
    let sales: Vec<Row> = vec![
        (MenteeLearns, "ai-tools", 1, 0, 0, None),
        (MenteeLearns, "social-media", 1, 0, 2, None),
    ];
    let legal: Vec<Row> = vec![(MenteeLearns, "social-media", 1, 0, 0, None)];
    for ((name, scope), expected) in scopes().into_iter().zip([program, it, sales, legal]) {
        let got: Vec<Row> = measure(&b, &scope)
            .skill_gains
            .iter()
            .map(|g| {
                let skill: &'static str = match g.skill.as_str() {
                    "ai-tools" => "ai-tools",
                    "social-media" => "social-media",
                    "leadership" => "leadership",
                    other => panic!("unexpected skill {other}"),
                };
                (
                    g.direction,
                    skill,
                    g.pre_only,
                    g.post_only,
                    g.gains.people(),
                    value(&g.gains),
                )
            })
            .collect();
        assert_eq!(got, expected, "{name}");
    }
    let social = measure(&b, &Scope::Program).skill_gains[1]
        .gains
        .value()
        .cloned()
        .unwrap();
    assert_eq!((social.mean_pre(), social.mean_post()), (2.0, 10.0 / 3.0));
    assert!((social.mean_gain() - 4.0 / 3.0).abs() < 1e-12);
}

#[test]
fn offered_skills_and_survey() {
    let b = program();
    let impact = measure(&b, &Scope::Program);
    let offered: Vec<_> = impact
        .offered_skills
        .iter()
        .map(|o| (o.role, o.skill.clone(), value(&o.pre), o.post.people()))
        .collect();
    assert_eq!(
        offered,
        vec![
            (
                Role::ReverseMentor,
                skill("social-media"),
                Some(summary(3, 13, [0, 0, 0, 2, 1])),
                1
            ),
            (Role::Mentee, skill("leadership"), None, 1),
        ]
    );
    // The survey counts post-assessment answers only (E3's in the pre is not).
    let cases = [
        (
            SurveyQuestion::Satisfaction,
            6,
            summary(6, 23, [0, 1, 1, 2, 2]),
        ),
        (SurveyQuestion::Applied, 5, summary(5, 18, [0, 1, 1, 2, 1])),
        (
            SurveyQuestion::Recommend,
            5,
            summary(5, 21, [0, 0, 1, 2, 2]),
        ),
    ];
    assert_eq!(impact.survey.len(), cases.len());
    for (result, (question, people, expected)) in impact.survey.iter().zip(cases) {
        assert_eq!(result.question, question);
        assert_eq!(result.answers.people(), people, "{question:?}");
        assert_eq!(value(&result.answers), Some(expected), "{question:?}");
    }
    let it = measure(&b, &department("IT"));
    assert_eq!(
        value(&it.survey[0].answers),
        Some(summary(3, 12, [0, 0, 1, 1, 1]))
    );
}

#[test]
fn objectives_follow_their_owning_department() {
    let b = program();
    let objectives = &b.ws.program.objectives;
    let expected: [&[usize]; 4] = [&[0, 1], &[1], &[0], &[]];
    for ((name, scope), wanted) in scopes().into_iter().zip(expected) {
        let got: Vec<_> = measure(&b, &scope)
            .objectives
            .iter()
            .map(|k| {
                (
                    k.objective.clone(),
                    k.baseline,
                    k.target,
                    k.current,
                    k.progress,
                )
            })
            .collect();
        let wanted: Vec<_> = wanted
            .iter()
            .map(|&i| &objectives[i])
            .map(|o| (o.id.clone(), o.baseline, o.target, o.current, o.progress()))
            .collect();
        assert_eq!(got, wanted, "{name}");
    }
    assert_eq!(
        measure(&b, &Scope::Program).objectives[0].progress,
        Some(0.5)
    );
}

#[test]
fn retention_counts_leavers_during_the_program() {
    let b = program();
    let kept = |matched, left| Some(Retention { matched, left });
    let expected = [
        ((5, kept(5, 0)), (5, kept(5, 1))),
        ((3, kept(3, 0)), (1, None)),
        ((1, None), (3, kept(3, 1))),
        ((1, None), (1, None)),
    ];
    for ((name, scope), (mentors, mentees)) in scopes().into_iter().zip(expected) {
        let retention = measure(&b, &scope).retention;
        assert_eq!(retention[0].role, Role::ReverseMentor);
        let got = |i: usize| {
            (
                retention[i].retention.people(),
                value(&retention[i].retention),
            )
        };
        assert_eq!((got(0), got(1)), (mentors, mentees), "{name}");
    }
    // A departure recorded for later, or before the program, is not one yet.
    let mut b = program();
    let cases = [(d(4, 2), 0), (d(1, 4), 0), (d(1, 5), 1), (today(), 1)];
    for (left_on, left) in cases {
        b.ws.impact.leavers = vec![Leaver {
            participant: b.id("E1"),
            left_on,
        }];
        let retention = measure(&b, &Scope::Program).retention;
        assert_eq!(value(&retention[1].retention), kept(5, left), "{left_on}");
    }
}

#[test]
fn departments_are_broken_down_and_small_ones_withheld() {
    let b = program();
    let breakdown = impact::by_department(&b.ws, today());
    let names: Vec<_> = breakdown.iter().map(|d| d.department.as_str()).collect();
    assert_eq!(names, ["IT", "Legal", "Sales"]);
    // Figures shown on their own but withheld in the breakdown, because the
    // program's minus the other departments' would describe 1 or 2 people
    // (Legal's two, E6 with no department, Sales's or IT's small groups).
    let rounds = &b.ws.sessions.rounds;
    let february_mood = format!("mood:{}", rounds[1].id);
    let expected: [(&str, Vec<&str>); 2] = [
        (
            "IT",
            vec![
                "going",
                "ratings:ReverseMentor",
                &february_mood,
                "survey:applied",
                "survey:recommend",
                "retention:ReverseMentor",
            ],
        ),
        (
            "Sales",
            vec!["ratings:Mentee", "goals:MenteeLearns", "retention:Mentee"],
        ),
    ];
    for entry in &breakdown {
        let alone = measure(&b, &department(&entry.department));
        let Some(shown) = entry.impact.value() else {
            assert_eq!(entry.department, "Legal");
            assert_eq!(entry.impact, Shown::Withheld { people: 2 });
            continue;
        };
        assert_eq!(shown.people, 4);
        let (_, wanted) = expected
            .iter()
            .find(|(name, _)| *name == entry.department)
            .unwrap();
        let mut got = secondary(shown, &alone);
        let mut wanted: Vec<String> = wanted.iter().map(|k| k.to_string()).collect();
        got.sort();
        wanted.sort();
        assert_eq!(got, wanted, "{}", entry.department);
    }
}

/// A short tag per measure, so the arrangement reads as a table.
fn tag(measure: &Measure) -> String {
    match measure {
        Measure::SessionRatings(r) => format!("ratings:{:?}", r.by),
        Measure::Survey(s) => format!("survey:{}", s.question.id()),
        Measure::CheckinGoing(_) => "going".into(),
        Measure::MoodTrend(trend) => format!("mood:{}", trend.len()),
        Measure::SkillGains { direction, gains } => format!("gains:{direction:?}:{}", gains.len()),
        Measure::OfferedSkills(list) => format!("offered:{}", list.len()),
        Measure::Goals(g) => format!("goals:{:?}", g.direction),
        Measure::Practice(_) => "practice".into(),
        Measure::Objectives(list) => format!("objectives:{}", list.len()),
        Measure::Retention(list) => format!("retention:{}", list.len()),
    }
}

#[test]
fn kirkpatrick_levels_arrange_every_figure() {
    let b = program();
    let impact = measure(&b, &Scope::Program);
    let levels = impact::levels(&impact);
    let got: Vec<(Level, Vec<String>)> = levels
        .iter()
        .map(|l| (l.level, l.measures.iter().map(tag).collect()))
        .collect();
    let expected: Vec<(Level, Vec<&str>)> = vec![
        (
            Level::Reaction,
            vec![
                "ratings:ReverseMentor",
                "ratings:Mentee",
                "survey:satisfaction",
                "survey:recommend",
                "going",
                "mood:2",
            ],
        ),
        (
            Level::Learning,
            vec![
                "gains:MenteeLearns:2",
                "gains:MentorLearns:1",
                "goals:MenteeLearns",
                "offered:2",
            ],
        ),
        (
            Level::Behaviour,
            vec!["survey:applied", "practice", "goals:MentorLearns"],
        ),
        (Level::Results, vec!["objectives:2", "retention:2"]),
    ];
    let expected: Vec<(Level, Vec<String>)> = expected
        .into_iter()
        .map(|(l, tags)| (l, tags.into_iter().map(String::from).collect()))
        .collect();
    assert_eq!(got, expected);
    // Measures carry the very figures of the scope.
    assert!(
        levels[2]
            .measures
            .contains(&Measure::Practice(impact.practice.clone()))
    );
    assert!(
        levels[3]
            .measures
            .contains(&Measure::Retention(impact.retention.clone()))
    );
}

#[test]
fn certificates_name_sessions_partners_and_skills_shared() {
    let b = program();
    let cert = |who: &str, held, minutes, skills: &[&str], partners: &[&str]| Certificate {
        participant: b.id(who),
        role: b.ws.participant(&b.id(who)).unwrap().role,
        sessions_held: held,
        minutes_held: minutes,
        skills_shared: skills.iter().map(|s| skill(s)).collect(),
        partners: partners.iter().map(|p| b.id(p)).collect(),
        issued_on: today(),
    };
    let pending = |who: &str, reasons: Vec<PendingReason>| NotYetEligible {
        participant: b.id(who),
        role: b.ws.participant(&b.id(who)).unwrap().role,
        reasons,
    };
    let few = |held| PendingReason::TooFewSessions { held, needed: 4 };
    let got = impact::certificates(&b.ws, &Scope::Program, today());
    assert_eq!(
        got.eligible,
        vec![
            // Topics were logged: only the offered skills among them.
            cert("M1", 4, 210, &["social-media"], &["E1"]),
            // Topics were logged, none of them E1's: every offered skill.
            cert("E1", 4, 210, &["leadership"], &["M1"]),
            // No topic logged: every offered skill (E4 offers none).
            cert("M4", 5, 300, &["ai-tools"], &["E4"]),
            cert("E4", 5, 300, &[], &["M4"]),
        ]
    );
    assert_eq!(
        got.pending,
        vec![
            pending("M2", vec![few(2)]),
            pending("E2", vec![PendingReason::Inactive, few(2)]),
            pending("M3", vec![PendingReason::Inactive, few(1)]),
            pending("E3", vec![few(1)]),
            pending("M5", vec![few(0)]),
            pending("E5", vec![few(0)]),
        ]
    );
    let mut b = b;
    b.ws.impact.certificates.issued_on = Some(d(6, 30));
    let sales = impact::certificates(&b.ws, &department("Sales"), today());
    let issued: Vec<_> = sales
        .eligible
        .iter()
        .map(|c| (c.participant.clone(), c.issued_on))
        .collect();
    assert_eq!(issued, vec![(b.id("E1"), d(6, 30))]);
    assert_eq!(sales.eligible[0].hours(), 3.5);
}

#[test]
fn certificate_criteria_decide_who_completed() {
    // (min sessions, post required) → eligible, and M2's reasons
    let cases: [(u32, bool, &[&str], Vec<PendingReason>); 5] = [
        (
            4,
            false,
            &["M1", "E1", "M4", "E4"],
            vec![PendingReason::TooFewSessions { held: 2, needed: 4 }],
        ),
        (
            5,
            false,
            &["M4", "E4"],
            vec![PendingReason::TooFewSessions { held: 2, needed: 5 }],
        ),
        (2, false, &["M1", "E1", "M2", "M4", "E4"], vec![]),
        (
            2,
            true,
            &["M1", "E1", "M4", "E4"],
            vec![PendingReason::NoPostAssessment],
        ),
        // Nobody completes without meeting once: 0 counts as 1.
        (0, false, &["M1", "E1", "M2", "E3", "M4", "E4"], vec![]),
    ];
    for (min, post, eligible, m2) in cases {
        let mut b = program();
        b.ws.impact.certificates.min_sessions_held = min;
        b.ws.impact.certificates.require_post_assessment = post;
        let got = impact::certificates(&b.ws, &Scope::Program, today());
        let ids: Vec<_> = got.eligible.iter().map(|c| c.participant.clone()).collect();
        let wanted: Vec<_> = eligible.iter().map(|who| b.id(who)).collect();
        assert_eq!(ids, wanted, "min {min}, post {post}");
        let reasons = got
            .pending
            .iter()
            .find(|p| p.participant == b.id("M2"))
            .map_or(vec![], |p| p.reasons.clone());
        assert_eq!(reasons, m2, "min {min}, post {post}");
        let funnel = measure(&b, &Scope::Program)
            .funnel
            .value()
            .copied()
            .unwrap();
        assert_eq!(funnel.completed, eligible.len(), "min {min}, post {post}");
    }
}

#[test]
fn a_large_program_adds_up_across_departments() {
    let mut ws = synthetic_workspace(2_000, 11);
    ws.program.start_date = Some(d(1, 5));
    // Some people have no department: they are the remainder of every figure.
    for person in ws.participants.iter_mut().step_by(97) {
        person.department.clear();
    }
    let ids = |role: Role| -> Vec<ParticipantId> {
        ws.participants
            .iter()
            .filter(|p| p.role == role)
            .map(|p| p.id.clone())
            .collect()
    };
    let (mentors, mentees) = (ids(Role::ReverseMentor), ids(Role::Mentee));
    let round = RoundId::from_random_bytes(seeded_bytes(1));
    ws.sessions.rounds.push(CheckinRound {
        id: round.clone(),
        kind: RoundKind::CheckIn,
        opens: d(2, 1),
        closes: d(2, 14),
        invitations: vec![],
    });
    for (i, (mentor, mentee)) in mentors.iter().zip(&mentees).enumerate() {
        let key = PairKey::new(mentor.clone(), mentee.clone());
        ws.pairing.pairs.push(Pair {
            mentor: mentor.clone(),
            mentee: mentee.clone(),
            since: None,
        });
        for s in 0..(i % 7) {
            let status = if s % 3 == 2 { Cancelled } else { Held };
            ws.sessions.sessions.push(Session {
                id: SessionId::from_random_bytes(seeded_bytes((i * 10 + s) as u64 + 100)),
                pair: key.clone(),
                start: LocalDateTime {
                    date: d(1, 10).add_days(14 * s as i64).unwrap(),
                    time: LocalTime::new(9, 0).unwrap(),
                },
                minutes: 30,
                status,
                rescheduled_from: None,
                topics: vec![],
                notes: String::new(),
                mentor_rating: Some((i % 5 + 1) as u8),
                mentee_rating: Some((s % 5 + 1) as u8),
                goal_progress: vec![],
                sequence: 0,
            });
        }
        ws.sessions.responses.push(Response {
            round: round.clone(),
            participant: mentee.clone(),
            answered_on: d(2, 2),
            imported_on: d(2, 2),
            answers: vec![scale("mood", (i % 5 + 1) as u8), scale("going", 4)],
        });
    }
    let whole = impact::measure(&ws, &Scope::Program, today());
    let funnel = whole.funnel.value().copied().unwrap();
    assert_eq!(funnel.invited, 2_000);
    assert!(funnel.invited >= funnel.matched && funnel.matched >= funnel.active);
    assert!(funnel.active >= funnel.completed && funnel.completed > 0);
    let breakdown = impact::by_department(&ws, today());
    assert_eq!(breakdown.len(), ws.departments().len());
    let no_department = |id: &ParticipantId| ws.participant(id).unwrap().department.is_empty();
    let undepartmented = ws
        .participants
        .iter()
        .filter(|p| no_department(&p.id))
        .count();
    let answered_without_department = mentees
        .iter()
        .take(mentors.len())
        .filter(|id| no_department(id))
        .count();
    assert!(answered_without_department >= impact::MIN_GROUP);
    let mut invited = 0;
    let mut mood_answers = 0;
    for entry in &breakdown {
        let shown = entry
            .impact
            .value()
            .expect("departments of a large program are shown");
        invited += shown.funnel.value().unwrap().invited;
        mood_answers += shown.mood[0].mood.value().unwrap().answers;
        // Every department is large and so is the rest: nothing more to hide.
        let alone = impact::measure(&ws, &shown.scope, today());
        assert_eq!(secondary(shown, &alone), Vec::<String>::new());
    }
    // The shown departments plus the people with no department (at least
    // three, so they may be the difference) make the program.
    assert_eq!(invited + undepartmented, 2_000);
    let whole_mood = whole.mood[0].mood.value().unwrap().answers;
    assert_eq!(mood_answers + answered_without_department, whole_mood);
    assert_eq!(whole.going.people(), mentees.len().min(mentors.len()));
    assert_breakdown_protects(&ws, today(), "large");
}

// ------------------------------------------------- complementary suppression

/// A figure the breakdown may withhold: its key, its people, and its value
/// (as text, so figures of every type compare alike) when shown.
type Cell = (String, usize, Option<String>);

fn cell<T: std::fmt::Debug>(key: String, shown: &Shown<T>) -> Cell {
    (key, shown.people(), shown.value().map(|v| format!("{v:?}")))
}

/// Every figure of a scope that adds up person by person, keyed as it is
/// matched across departments.
fn additive_cells(impact: &Impact) -> Vec<Cell> {
    let mut cells = vec![
        cell("funnel".into(), &impact.funnel),
        cell("going".into(), &impact.going),
    ];
    for side in &impact.ratings {
        cells.push(cell(format!("ratings:{:?}", side.by), &side.ratings));
    }
    for round in &impact.mood {
        cells.push(cell(format!("mood:{}", round.round), &round.mood));
    }
    for goals in &impact.goals {
        cells.push(cell(format!("goals:{:?}", goals.direction), &goals.goals));
    }
    for gain in &impact.skill_gains {
        let key = format!("gains:{:?}:{}", gain.direction, gain.skill.as_str());
        cells.push(cell(key, &gain.gains));
    }
    for offered in &impact.offered_skills {
        let key = format!("offered:{:?}:{}", offered.role, offered.skill.as_str());
        cells.push(cell(format!("{key}:before"), &offered.pre));
        cells.push(cell(format!("{key}:after"), &offered.post));
    }
    for result in &impact.survey {
        cells.push(cell(
            format!("survey:{}", result.question.id()),
            &result.answers,
        ));
    }
    for role in &impact.retention {
        cells.push(cell(format!("retention:{:?}", role.role), &role.retention));
    }
    cells
}

/// The keys of the figures a department's breakdown withholds although they
/// could be shown on their own; everything else must be exactly the figures
/// of the department alone.
fn secondary(shown: &Impact, alone: &Impact) -> Vec<String> {
    let scope = &alone.scope;
    assert_eq!(shown.scope, *scope);
    assert_eq!(shown.people, alone.people, "{scope:?}");
    assert_eq!(shown.objectives, alone.objectives, "{scope:?}");
    let one_sided = |i: &Impact| -> Vec<_> {
        i.skill_gains
            .iter()
            .map(|g| (g.pre_only, g.post_only))
            .collect()
    };
    assert_eq!(one_sided(shown), one_sided(alone), "{scope:?}");
    let mut both = additive_cells(shown);
    both.push(cell("practice".into(), &shown.practice));
    let mut single = additive_cells(alone);
    single.push(cell("practice".into(), &alone.practice));
    assert_eq!(both.len(), single.len(), "{scope:?}");
    let mut withheld = Vec::new();
    for ((key, people, value), (key_alone, people_alone, value_alone)) in
        both.into_iter().zip(single)
    {
        assert_eq!((&key, people), (&key_alone, people_alone), "{scope:?}");
        match (value, value_alone) {
            (Some(v), Some(v_alone)) => assert_eq!(v, v_alone, "{scope:?} {key}"),
            (None, Some(_)) => withheld.push(key),
            (None, None) => {}
            (Some(_), None) => panic!("{scope:?} {key}: shown only in the breakdown"),
        }
    }
    withheld
}

/// How much protecting a breakdown had to do.
#[derive(Debug, Default)]
struct Protection {
    /// Figures withheld by the breakdown though shown on their own.
    secondary: usize,
    /// Figures that departments measured alone would have let be recovered.
    leaks_alone: usize,
}

/// People of the pairs the program's practice minus the `shown` departments'
/// leaves over: pairs counted by no shown department or by two.
fn practice_remainder(ws: &Workspace, shown: &[&str]) -> usize {
    let mut keys: Vec<&PairKey> = ws.sessions.sessions.iter().map(|s| &s.pair).collect();
    keys.sort();
    keys.dedup();
    let mut people: Vec<&ParticipantId> = Vec::new();
    for key in keys {
        let here: Vec<_> = [&key.mentor, &key.mentee]
            .into_iter()
            .filter_map(|id| ws.participant(id))
            .collect();
        let mut counted_by: Vec<&str> = here
            .iter()
            .filter_map(|p| shown.iter().copied().find(|d| department(d).includes(p)))
            .collect();
        counted_by.dedup();
        if counted_by.len() != 1 {
            people.extend(here.iter().map(|p| &p.id));
        }
    }
    people.sort();
    people.dedup();
    people.len()
}

/// The privacy rule of the breakdown, checked from the outside: every
/// department figure is its own or withheld, every person-additive figure
/// really adds up, and the program's minus the departments shown is never a
/// group of one or two people (for practice, of pairs; see
/// `impact::complement`).
fn assert_breakdown_protects(ws: &Workspace, today: Date, name: &str) -> Protection {
    let program = additive_cells(&impact::measure(ws, &Scope::Program, today));
    let program_practice = impact::measure(ws, &Scope::Program, today).practice;
    let breakdown = impact::by_department(ws, today);
    let mut protection = Protection::default();
    // Per department: (breakdown cells if shown, cells measured alone).
    let mut rows: Vec<(Option<Vec<Cell>>, Vec<Cell>)> = Vec::new();
    let mut practice_shown: [Vec<&str>; 2] = Default::default();
    for entry in &breakdown {
        let alone = impact::measure(ws, &department(&entry.department), today);
        let large = alone.people >= impact::MIN_GROUP;
        if large && alone.practice.value().is_some() {
            practice_shown[1].push(&entry.department);
        }
        match entry.impact.value() {
            Some(shown) => {
                assert!(large, "{name} {}", entry.department);
                protection.secondary += secondary(shown, &alone).len();
                if shown.practice.value().is_some() {
                    practice_shown[0].push(&entry.department);
                }
                rows.push((Some(additive_cells(shown)), additive_cells(&alone)));
            }
            None => {
                assert!(!large, "{name} {}", entry.department);
                assert_eq!(entry.impact.people(), alone.people, "{name}");
                rows.push((None, additive_cells(&alone)));
            }
        }
    }
    // The people with no department, measured as a department of their own.
    let mut rest = ws.clone();
    for person in &mut rest.participants {
        if person.department.trim().is_empty() {
            person.department = "No department (test)".into();
        }
    }
    let rest = additive_cells(&impact::measure(
        &rest,
        &department("No department (test)"),
        today,
    ));
    let people_of = |cells: &[Cell], key: &str| {
        cells
            .iter()
            .find(|c| c.0 == key)
            .map_or(0, |(_, people, _)| *people)
    };
    let shown_of = |cells: &[Cell], key: &str| {
        cells
            .iter()
            .find(|c| c.0 == key && c.2.is_some())
            .map(|(_, people, _)| *people)
    };
    for (key, total, _) in &program {
        let everyone: usize = rows.iter().map(|(_, alone)| people_of(alone, key)).sum();
        assert_eq!(
            everyone + people_of(&rest, key),
            *total,
            "{name} {key}: adds up person by person"
        );
        let shown: Vec<usize> = rows
            .iter()
            .filter_map(|(cells, _)| cells.as_deref().and_then(|c| shown_of(c, key)))
            .collect();
        if !shown.is_empty() {
            let remainder = total - shown.iter().sum::<usize>();
            assert!(
                !(1..impact::MIN_GROUP).contains(&remainder),
                "{name} {key}: the program minus {shown:?} leaves {remainder}"
            );
        }
        let shown_alone: Vec<usize> = rows
            .iter()
            .filter(|(cells, _)| cells.is_some())
            .filter_map(|(_, alone)| shown_of(alone, key))
            .collect();
        let remainder_alone = total - shown_alone.iter().sum::<usize>();
        if !shown_alone.is_empty() && (1..impact::MIN_GROUP).contains(&remainder_alone) {
            protection.leaks_alone += 1;
        }
    }
    let [practice, practice_alone] = practice_shown;
    if !practice.is_empty() {
        let remainder = practice_remainder(ws, &practice);
        assert!(
            !(1..impact::MIN_GROUP).contains(&remainder),
            "{name} practice: the program minus {practice:?} leaves {remainder}"
        );
    }
    if program_practice.value().is_some()
        && !practice_alone.is_empty()
        && (1..impact::MIN_GROUP).contains(&practice_remainder(ws, &practice_alone))
    {
        protection.leaks_alone += 1;
    }
    protection
}

/// Builds a program from a table: `people` as (department, members, how
/// many of them answered the survey's satisfaction question), `pairs` as
/// (mentor's department, mentee's department), each pair with one session
/// held; "" is no department.
fn breakdown_program(people: &[(&str, usize, usize)], pairs: &[(&str, &str)]) -> Workspace {
    let mut ws = Workspace::default();
    let mut seed = 1_000;
    let mut new_id = || {
        seed += 1;
        seeded_bytes(seed)
    };
    let post = RoundId::from_random_bytes(new_id());
    ws.sessions.rounds.push(CheckinRound {
        id: post.clone(),
        kind: RoundKind::PostAssessment,
        opens: d(3, 1),
        closes: d(3, 15),
        invitations: vec![],
    });
    let mut add = |ws: &mut Workspace, role: Role, department: &str| {
        let mut person = Participant::new(ParticipantId::from_random_bytes(new_id()), role);
        person.department = department.into();
        ws.participants.push(person);
        ws.participants.last().unwrap().id.clone()
    };
    for &(department, members, answering) in people {
        for i in 0..members {
            let id = add(&mut ws, Role::Mentee, department);
            if i < answering {
                ws.sessions.responses.push(Response {
                    round: post.clone(),
                    participant: id,
                    answered_on: d(3, 2),
                    imported_on: d(3, 2),
                    answers: vec![scale("satisfaction", (i % 5 + 1) as u8)],
                });
            }
        }
    }
    for (i, &(mentor, mentee)) in pairs.iter().enumerate() {
        let mentor = add(&mut ws, Role::ReverseMentor, mentor);
        let mentee = add(&mut ws, Role::Mentee, mentee);
        let key = PairKey::new(mentor.clone(), mentee.clone());
        ws.pairing.pairs.push(Pair {
            mentor,
            mentee,
            since: None,
        });
        ws.sessions.sessions.push(Session {
            id: SessionId::from_random_bytes(seeded_bytes(5_000 + i as u64)),
            pair: key,
            start: LocalDateTime {
                date: d(2, 1),
                time: LocalTime::new(9, 0).unwrap(),
            },
            minutes: 45 + 15 * (i % 3) as u16,
            status: Held,
            rescheduled_from: None,
            topics: vec![],
            notes: String::new(),
            mentor_rating: None,
            mentee_rating: None,
            goal_progress: vec![],
            sequence: 0,
        });
    }
    ws
}

/// The departments whose figure `pick` is shown in the breakdown.
fn shown_in_breakdown<T>(
    ws: &Workspace,
    today: Date,
    pick: impl Fn(&Impact) -> &Shown<T>,
) -> Vec<String> {
    impact::by_department(ws, today)
        .into_iter()
        .filter(|d| d.impact.value().is_some_and(|i| pick(i).value().is_some()))
        .map(|d| d.department)
        .collect()
}

#[test]
fn a_remainder_of_one_or_two_people_withholds_the_smallest_department() {
    type Case = (
        &'static str,
        &'static [(&'static str, usize, usize)],
        &'static [&'static str],
        &'static [&'static str],
    );
    // (why, people as (department, members, answering),
    //  departments showing satisfaction, departments showing the funnel)
    let cases: [Case; 10] = [
        (
            "remainder 0",
            &[("A", 3, 3), ("B", 4, 4)],
            &["A", "B"],
            &["A", "B"],
        ),
        (
            "remainder 1: someone with no department",
            &[("A", 3, 3), ("B", 4, 4), ("", 1, 1)],
            &["B"],
            &["B"],
        ),
        (
            "remainder 2: a department withheld entirely",
            &[("A", 4, 4), ("B", 3, 3), ("C", 2, 2)],
            &["A"],
            &["A"],
        ),
        (
            "remainder 3",
            &[("A", 4, 4), ("B", 3, 3), ("", 3, 3)],
            &["A", "B"],
            &["A", "B"],
        ),
        (
            "a tie: the later department goes",
            &[("A", 3, 3), ("B", 3, 3), ("", 1, 1)],
            &["A"],
            &["A"],
        ),
        (
            "the smallest goes, not the first",
            &[("A", 5, 5), ("B", 3, 3), ("C", 4, 4), ("", 2, 2)],
            &["A", "C"],
            &["A", "C"],
        ),
        (
            "too few answers in a shown department: not shown",
            &[("A", 5, 2), ("B", 4, 4)],
            &[],
            &["A", "B"],
        ),
        (
            "each figure on its own: two silent people without a department",
            &[("A", 3, 3), ("B", 4, 4), ("", 2, 0)],
            &["A", "B"],
            &["B"],
        ),
        (
            "the only shown department goes, leaving nothing to difference",
            &[("A", 3, 3), ("", 2, 2)],
            &[],
            &[],
        ),
        (
            "every department too small: nothing to difference",
            &[("A", 2, 2), ("B", 2, 2)],
            &[],
            &[],
        ),
    ];
    for (why, people, satisfaction, funnel) in cases {
        let ws = breakdown_program(people, &[]);
        assert_eq!(
            shown_in_breakdown(&ws, today(), |i| &i.survey[0].answers),
            satisfaction,
            "satisfaction: {why}"
        );
        assert_eq!(
            shown_in_breakdown(&ws, today(), |i| &i.funnel),
            funnel,
            "funnel: {why}"
        );
        assert_breakdown_protects(&ws, today(), why);
    }
}

#[test]
fn sessions_of_pairs_outside_or_across_shown_departments_are_protected() {
    // (why, pairs as (mentor's department, mentee's department),
    //  departments showing practice)
    type Case = (
        &'static str,
        Vec<(&'static str, &'static str)>,
        &'static [&'static str],
    );
    let inside = [("A", "A"), ("A", "A"), ("B", "B"), ("B", "B")];
    let with = |extra: &[(&'static str, &'static str)]| [&inside[..], extra].concat();
    let cases: [Case; 7] = [
        ("pairs inside departments", with(&[]), &["A", "B"]),
        (
            "a pair with nobody in a department",
            with(&[("", "")]),
            &["A"],
        ),
        (
            "a pair in a department too small to show",
            with(&[("C", "C")]),
            &["A"],
        ),
        (
            "one pair across two shown departments",
            with(&[("A", "B")]),
            &["A"],
        ),
        (
            "two pairs across: four people",
            with(&[("A", "B"), ("B", "A")]),
            &["A", "B"],
        ),
        (
            "a pair half in a shown department counts there",
            with(&[("A", "")]),
            &["A", "B"],
        ),
        (
            "one pair across and one outside: four people",
            with(&[("A", "B"), ("", "")]),
            &["A", "B"],
        ),
    ];
    for (why, pairs, expected) in cases {
        let ws = breakdown_program(&[], &pairs);
        assert_eq!(
            shown_in_breakdown(&ws, today(), |i| &i.practice),
            expected,
            "{why}"
        );
        assert_breakdown_protects(&ws, today(), why);
    }
}

#[test]
fn the_finished_demo_breakdown_gives_no_small_group_away() {
    let ws = finished_demo_workspace();
    let today = Date::parse_iso("2026-10-20").unwrap();
    let protection = assert_breakdown_protects(&ws, today, "finished demo");
    // Departments measured alone would give some answers away; the
    // breakdown withholds more to prevent it.
    assert!(protection.leaks_alone > 0, "{protection:?}");
    assert!(protection.secondary > 0, "{protection:?}");
    // The review's example: 17 people rated their satisfaction, Finance's 2
    // are withheld and every other department has 3 to 5, so the program
    // minus the others gave Finance's two answers away. Of the two smallest
    // (Marketing and People & Culture, 3 each) the later goes too.
    let program = impact::measure(&ws, &Scope::Program, today);
    assert_eq!(program.survey[0].answers.people(), 17);
    let finance = impact::measure(&ws, &department("Finance"), today);
    assert_eq!(finance.survey[0].answers, Shown::Withheld { people: 2 });
    assert_eq!(
        shown_in_breakdown(&ws, today, |i| &i.survey[0].answers),
        ["Marketing", "Operations", "Sales"]
    );
}

/// A synthetic program that ran: some people without a department, pairs
/// (many across departments) with sessions, ratings and goals, check-ins,
/// before and after self-assessments with the survey, and leavers.
fn synthetic_program(n: usize, seed: u64) -> Workspace {
    let mut ws = synthetic_workspace(n, seed);
    ws.program.start_date = Some(d(1, 5));
    ws.program.end_date = Some(d(6, 30));
    let mut rng = Rng::new(seed ^ 0x5eed);
    for person in &mut ws.participants {
        if rng.chance(10) {
            person.department.clear();
        }
    }
    let mut next = 0;
    let mut new_bytes = || {
        next += 1;
        seeded_bytes(seed * 100_000 + next)
    };
    let mut round = |ws: &mut Workspace, kind, opens: Date| {
        let id = RoundId::from_random_bytes(new_bytes());
        ws.sessions.rounds.push(CheckinRound {
            id: id.clone(),
            kind,
            opens,
            closes: opens.add_days(14).unwrap(),
            invitations: vec![],
        });
        id
    };
    let pre = round(&mut ws, RoundKind::PreAssessment, d(1, 6));
    let checkins = [
        round(&mut ws, RoundKind::CheckIn, d(2, 1)),
        round(&mut ws, RoundKind::CheckIn, d(3, 1)),
    ];
    let post = round(&mut ws, RoundKind::PostAssessment, d(3, 20));
    let of = |role: Role| -> Vec<ParticipantId> {
        ws.participants
            .iter()
            .filter(|p| p.role == role)
            .map(|p| p.id.clone())
            .collect()
    };
    let (mentors, mentees) = (of(Role::ReverseMentor), of(Role::Mentee));
    for (i, (mentor, mentee)) in mentors.iter().zip(&mentees).enumerate() {
        if rng.chance(15) {
            continue; // left unpaired
        }
        let key = PairKey::new(mentor.clone(), mentee.clone());
        ws.pairing.pairs.push(Pair {
            mentor: mentor.clone(),
            mentee: mentee.clone(),
            since: None,
        });
        for s in 0..rng.below(6) {
            let status = match rng.below(6) {
                0 => Cancelled,
                1 => Planned,
                _ => Held,
            };
            let rating = |rng: &mut Rng| (!rng.chance(30)).then(|| 1 + rng.below(5) as u8);
            ws.sessions.sessions.push(Session {
                id: SessionId::from_random_bytes(new_bytes()),
                pair: key.clone(),
                start: LocalDateTime {
                    date: d(1, 12).add_days(14 * s as i64).unwrap(),
                    time: LocalTime::new(9, 0).unwrap(),
                },
                minutes: 30 + 15 * rng.below(4) as u16,
                status,
                rescheduled_from: None,
                topics: vec![],
                notes: String::new(),
                mentor_rating: rating(&mut rng),
                mentee_rating: rating(&mut rng),
                goal_progress: vec![],
                sequence: 0,
            });
        }
        let goals = (0..rng.below(4))
            .map(|g| {
                let direction = GoalDirection::ALL[g % 2];
                let mut goal = Goal::new(GoalId::from_random_bytes(new_bytes()), direction);
                goal.progress = [0, 40, 100][rng.below(3)];
                goal
            })
            .collect();
        ws.sessions.agreements.push(Agreement {
            pair: key,
            goals,
            cadence: Cadence::Fortnightly,
            session_minutes: 45,
            channel: None,
            ground_rules: Default::default(),
            review_dates: Vec::new(),
            agreed_on: Some(d(1, 10)),
            notes: String::new(),
        });
        if rng.chance(8) {
            ws.impact.leavers.push(Leaver {
                participant: (if i % 2 == 0 { mentor } else { mentee }).clone(),
                left_on: d(3, 1 + rng.below(20) as u8),
            });
        }
    }
    let people: Vec<_> = ws
        .participants
        .iter()
        .map(|p| {
            (
                p.id.clone(),
                p.skills_wanted.clone(),
                p.skills_offered.clone(),
            )
        })
        .collect();
    for (id, wanted, offered) in people {
        let answer = |ws: &mut Workspace, round: &RoundId, on: Date, answers: Vec<Answer>| {
            ws.sessions.responses.push(Response {
                round: round.clone(),
                participant: id.clone(),
                answered_on: on,
                imported_on: on,
                answers,
            });
        };
        for (r, checkin) in checkins.iter().enumerate() {
            if rng.chance(70) {
                let mut answers = vec![scale("mood", 1 + rng.below(5) as u8)];
                if rng.chance(80) {
                    answers.push(scale("going", 1 + rng.below(5) as u8));
                }
                answer(&mut ws, checkin, d(2 + r as u8, 3), answers);
            }
        }
        let self_rating = |rng: &mut Rng| {
            let questions = wanted
                .iter()
                .map(|w| format!("skill:{}", w.skill.as_str()))
                .chain(
                    offered
                        .iter()
                        .map(|o| format!("offer:{}", o.skill.as_str())),
                );
            let mut answers = Vec::new();
            for question in questions {
                if rng.chance(75) {
                    answers.push(scale(&question, 1 + rng.below(5) as u8));
                }
            }
            answers
        };
        if rng.chance(75) {
            let answers = self_rating(&mut rng);
            answer(&mut ws, &pre, d(1, 7), answers);
        }
        if rng.chance(60) {
            let mut answers = self_rating(&mut rng);
            for question in SurveyQuestion::ALL {
                if rng.chance(90) {
                    answers.push(scale(question.id(), 1 + rng.below(5) as u8));
                }
            }
            answer(&mut ws, &post, d(3, 22), answers);
        }
    }
    ws
}

#[test]
fn synthetic_breakdowns_give_no_small_group_away() {
    let mut total = Protection::default();
    for seed in 1..=24 {
        for n in [24, 40, 70] {
            let ws = synthetic_program(n, seed);
            let protection =
                assert_breakdown_protects(&ws, today(), &format!("{n} people, seed {seed}"));
            total.secondary += protection.secondary;
            total.leaks_alone += protection.leaks_alone;
        }
    }
    // Small departments and people without one make the rule work hard.
    assert!(total.leaks_alone > 20, "{total:?}");
    assert!(total.secondary >= total.leaks_alone, "{total:?}");
}
