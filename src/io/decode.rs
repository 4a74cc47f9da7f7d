//! Reads a JSON value into the v1 file structures field by field, recording
//! every problem at its path and carrying on with a placeholder, so one pass
//! lists everything a coordinator has to fix.

use serde_json::{Map, Value};

use super::format_v1::*;
use super::import::{Warning, WarningKind};
use crate::domain::date::Date;
use crate::domain::ids::is_uuid;
use crate::domain::matching::model::{PairingState, Weights};
use crate::domain::problem::{Expected, JsonType, Problem, ProblemKind};
use crate::domain::program::Program;
use crate::domain::sessions::{LocalTime, Session};
use crate::domain::skills::SkillId;
use crate::domain::validation::limits;

/// A path into the document, built on the stack as the decoder descends and
/// only turned into text when something is reported.
#[derive(Clone, Copy)]
pub(crate) enum Loc<'a> {
    Root,
    Key(&'a Loc<'a>, &'a str),
    Index(&'a Loc<'a>, usize),
}

impl<'a> Loc<'a> {
    pub(crate) fn key<'b>(&'b self, name: &'b str) -> Loc<'b> {
        Loc::Key(self, name)
    }

    pub(crate) fn index(&self, i: usize) -> Loc<'_> {
        Loc::Index(self, i)
    }

    /// `participants[3].email`; the root is the empty string.
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Loc::Root => {}
            Loc::Key(parent, name) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Loc::Index(parent, i) => {
                parent.write(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
}

pub(crate) fn json_type(value: &Value) -> JsonType {
    match value {
        Value::Null => JsonType::Null,
        Value::Bool(_) => JsonType::Bool,
        Value::Number(_) => JsonType::Number,
        Value::String(_) => JsonType::String,
        Value::Array(_) => JsonType::Array,
        Value::Object(_) => JsonType::Object,
    }
}

/// A field's value; `null` counts as absent.
fn get<'v>(map: &'v Map<String, Value>, name: &str) -> Option<&'v Value> {
    map.get(name).filter(|v| !v.is_null())
}

/// Collects problems and warnings while reading.
#[derive(Default)]
pub(crate) struct Decoder {
    pub problems: Vec<Problem>,
    pub warnings: Vec<Warning>,
}

impl Decoder {
    pub(crate) fn problem(&mut self, loc: &Loc, kind: ProblemKind) {
        self.problems.push(Problem::new(loc.render(), kind));
    }

    fn wrong_type(&mut self, loc: &Loc, expected: Expected, found: &Value) {
        self.problem(
            loc,
            ProblemKind::WrongType {
                expected,
                found: json_type(found),
            },
        );
    }

    /// The object at `loc`, with a warning for each field not in `known`.
    pub(crate) fn object<'v>(
        &mut self,
        value: &'v Value,
        loc: &Loc,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_type(loc, Expected::Object, value);
            return None;
        };
        for name in map.keys() {
            if !known.contains(&name.as_str()) {
                self.warnings.push(Warning {
                    path: loc.key(name).render(),
                    kind: WarningKind::IgnoredField { name: name.clone() },
                });
            }
        }
        Some(map)
    }

    /// A required value: reports `Missing` when absent.
    fn required<'v>(&mut self, value: Option<&'v Value>, loc: &Loc) -> Option<&'v Value> {
        if value.is_none() {
            self.problem(loc, ProblemKind::Missing);
        }
        value
    }

    fn list<'v>(&mut self, value: Option<&'v Value>, loc: &Loc) -> &'v [Value] {
        match value {
            None => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(loc, Expected::List, other);
                &[]
            }
        }
    }

    fn text(&mut self, value: Option<&Value>, loc: &Loc) -> String {
        match value {
            None => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                self.wrong_type(loc, Expected::Text, other);
                String::new()
            }
        }
    }

    fn required_text(&mut self, value: Option<&Value>, loc: &Loc) -> String {
        let value = self.required(value, loc);
        self.text(value, loc)
    }

    fn text_list(&mut self, value: Option<&Value>, loc: &Loc) -> Vec<String> {
        let items = self.list(value, loc);
        items
            .iter()
            .enumerate()
            .map(|(i, item)| self.text(Some(item), &loc.index(i)))
            .collect()
    }

    fn bool(&mut self, value: Option<&Value>, loc: &Loc, default: bool) -> bool {
        match value {
            None => default,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.wrong_type(loc, Expected::Bool, other);
                default
            }
        }
    }

    /// A whole number from 0 to `max`; `None` when absent or wrong.
    fn whole(&mut self, value: Option<&Value>, loc: &Loc, max: u64) -> Option<u64> {
        self.whole_in(value, loc, 0, max)
    }

    /// A whole number from `min` to `max`; `None` when absent or wrong.
    fn whole_in(&mut self, value: Option<&Value>, loc: &Loc, min: u64, max: u64) -> Option<u64> {
        let value = value?;
        let Value::Number(n) = value else {
            self.wrong_type(loc, Expected::WholeNumber, value);
            return None;
        };
        let whole = if let Some(u) = n.as_u64() {
            Some(u as f64)
        } else if let Some(i) = n.as_i64() {
            Some(i as f64)
        } else {
            n.as_f64().filter(|f| f.is_finite() && f.fract() == 0.0)
        };
        match whole {
            None => {
                self.wrong_type(loc, Expected::WholeNumber, value);
                None
            }
            Some(f) if f < min as f64 || f > max as f64 => {
                self.problem(
                    loc,
                    ProblemKind::OutOfRange {
                        min: min as f64,
                        max: max as f64,
                    },
                );
                None
            }
            // Exact: `n` is an integer no larger than `max` (at most u16::MAX).
            Some(f) => Some(n.as_u64().unwrap_or(f as u64)),
        }
    }

    fn number(&mut self, value: Option<&Value>, loc: &Loc) -> Option<f64> {
        let value = value?;
        match value.as_f64() {
            Some(f) if value.is_number() => Some(f),
            _ => {
                self.wrong_type(loc, Expected::Number, value);
                None
            }
        }
    }

    fn date(&mut self, value: Option<&Value>, loc: &Loc) -> Option<String> {
        match value? {
            Value::String(s) if Date::parse_iso(s.trim()).is_some() => Some(s.clone()),
            Value::String(s) => {
                self.problem(loc, ProblemKind::InvalidDate { value: s.clone() });
                None
            }
            other => {
                self.wrong_type(loc, Expected::Date, other);
                None
            }
        }
    }

    /// A UUID id; the raw text (checked) or `None` when absent or wrong.
    fn id(&mut self, value: Option<&Value>, loc: &Loc) -> Option<String> {
        match value? {
            Value::String(s) if is_uuid(s.trim()) => Some(s.clone()),
            Value::String(s) => {
                self.problem(loc, ProblemKind::InvalidId { value: s.clone() });
                None
            }
            other => {
                self.wrong_type(loc, Expected::Id, other);
                None
            }
        }
    }

    /// A skill id (`social-media`, `custom-excel`); empty text when wrong.
    fn skill_id(&mut self, value: Option<&Value>, loc: &Loc) -> String {
        match value {
            None => String::new(),
            Some(Value::String(s)) if SkillId::parse(s.trim()).is_some() => s.clone(),
            Some(Value::String(s)) => {
                self.problem(loc, ProblemKind::InvalidId { value: s.clone() });
                String::new()
            }
            Some(other) => {
                self.wrong_type(loc, Expected::Text, other);
                String::new()
            }
        }
    }

    fn choice<T>(
        &mut self,
        value: Option<&Value>,
        loc: &Loc,
        parse: fn(&str) -> Option<T>,
        allowed: &'static [&'static str],
    ) -> Option<T> {
        match value? {
            Value::String(s) => {
                let parsed = parse(s);
                if parsed.is_none() {
                    self.problem(
                        loc,
                        ProblemKind::UnknownValue {
                            value: s.clone(),
                            allowed: allowed.to_vec(),
                        },
                    );
                }
                parsed
            }
            other => {
                self.wrong_type(loc, Expected::Text, other);
                None
            }
        }
    }

    /// A list of spellings; unreadable entries are reported and left out.
    fn choice_list<T>(
        &mut self,
        value: Option<&Value>,
        loc: &Loc,
        parse: fn(&str) -> Option<T>,
        allowed: &'static [&'static str],
    ) -> Vec<T> {
        let items = self.list(value, loc);
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.choice(Some(item), &loc.index(i), parse, allowed))
            .collect()
    }

    // -----------------------------------------------------------------------
    // The document

    /// Reads a (current-version) file. The caller has already checked
    /// `format` and `version`.
    pub(crate) fn file(&mut self, value: &Value) -> FileV1 {
        let root = Loc::Root;
        let mut file = FileV1 {
            format: FORMAT_NAME.to_string(),
            version: 1,
            exported_at: String::new(),
            program: ProgramV1::default(),
            participants: Vec::new(),
            skills: Vec::new(),
            pairing: PairingV1::default(),
            sessions: SessionsV1::default(),
            impact: ImpactV1::default(),
        };
        let Some(map) = self.object(value, &root, TOP_FIELDS) else {
            return file;
        };

        file.exported_at = self.text(get(map, "exported_at"), &root.key("exported_at"));

        let loc = root.key("program");
        if let Some(program) = self.required(get(map, "program"), &loc) {
            file.program = self.program(program, &loc);
        }

        let loc = root.key("participants");
        let participants = self.required(get(map, "participants"), &loc);
        let items = self.list(participants, &loc);
        file.participants = items
            .iter()
            .enumerate()
            .map(|(i, p)| self.participant(p, &loc.index(i)))
            .collect();

        let loc = root.key("skills");
        let items = self.list(get(map, "skills"), &loc);
        file.skills = items
            .iter()
            .enumerate()
            .map(|(i, s)| self.custom_skill(s, &loc.index(i)))
            .collect();

        let loc = root.key("pairing");
        if let Some(pairing) = get(map, "pairing") {
            file.pairing = self.pairing(pairing, &loc);
        }

        let loc = root.key("sessions");
        if let Some(sessions) = get(map, "sessions") {
            file.sessions = self.sessions(sessions, &loc);
        }

        let loc = root.key("impact");
        if let Some(impact) = get(map, "impact") {
            file.impact = self.impact(impact, &loc);
        }
        file
    }

    /// A list of participant ids; unreadable entries are reported and kept as
    /// empty text, so positions (and validation paths) stay aligned.
    fn id_list(&mut self, value: Option<&Value>, loc: &Loc) -> Vec<String> {
        let items = self.list(value, loc);
        items
            .iter()
            .enumerate()
            .map(|(i, item)| self.id(Some(item), &loc.index(i)).unwrap_or_default())
            .collect()
    }

    /// A required participant id; empty text when missing or unreadable.
    fn required_id(&mut self, map: &Map<String, Value>, name: &str, loc: &Loc) -> String {
        let field_loc = loc.key(name);
        let value = self.required(get(map, name), &field_loc);
        self.id(value, &field_loc).unwrap_or_default()
    }

    fn pairing(&mut self, value: &Value, loc: &Loc) -> PairingV1 {
        let mut pairing = PairingV1::default();
        let Some(map) = self.object(value, loc, PAIRING_FIELDS) else {
            return pairing;
        };

        let weights_loc = loc.key("weights");
        if let Some(weights) = get(map, "weights")
            && let Some(weights) = self.object(weights, &weights_loc, WEIGHTS_FIELDS)
        {
            let mut values = pairing.weights.to_array();
            for (slot, name) in values.iter_mut().zip(WEIGHTS_FIELDS) {
                let max = Weights::MAX.into();
                if let Some(w) = self.whole(get(weights, name), &weights_loc.key(name), max) {
                    *slot = w as u8;
                }
            }
            pairing.weights = WeightsV1::from_array(values);
        }

        if let Some(score) = self.whole(
            get(map, "min_score"),
            &loc.key("min_score"),
            limits::MAX_MIN_SCORE.into(),
        ) {
            pairing.min_score = score as u8;
        }
        if let Some(size) = self.whole_in(
            get(map, "circle_size"),
            &loc.key("circle_size"),
            PairingState::MIN_CIRCLE_SIZE.into(),
            PairingState::MAX_CIRCLE_SIZE.into(),
        ) {
            pairing.circle_size = size as u8;
        }

        for (name, slot) in [
            ("locked", &mut pairing.locked),
            ("forbidden", &mut pairing.forbidden),
        ] {
            let list_loc = loc.key(name);
            let items = self.list(get(map, name), &list_loc);
            *slot = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let item_loc = list_loc.index(i);
                    let mut key = PairKeyV1 {
                        mentor_id: String::new(),
                        mentee_id: String::new(),
                    };
                    if let Some(map) = self.object(item, &item_loc, PAIR_KEY_FIELDS) {
                        key.mentor_id = self.required_id(map, "mentor_id", &item_loc);
                        key.mentee_id = self.required_id(map, "mentee_id", &item_loc);
                    }
                    key
                })
                .collect();
        }

        let list_loc = loc.key("pairs");
        let items = self.list(get(map, "pairs"), &list_loc);
        pairing.pairs = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let item_loc = list_loc.index(i);
                let mut pair = PairV1 {
                    mentor_id: String::new(),
                    mentee_id: String::new(),
                    since: None,
                };
                if let Some(map) = self.object(item, &item_loc, PAIR_FIELDS) {
                    pair.mentor_id = self.required_id(map, "mentor_id", &item_loc);
                    pair.mentee_id = self.required_id(map, "mentee_id", &item_loc);
                    pair.since = self.date(get(map, "since"), &item_loc.key("since"));
                }
                pair
            })
            .collect();

        let list_loc = loc.key("circles");
        let items = self.list(get(map, "circles"), &list_loc);
        pairing.circles = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let item_loc = list_loc.index(i);
                let mut circle = CircleV1 {
                    theme: String::new(),
                    member_ids: Vec::new(),
                };
                if let Some(map) = self.object(item, &item_loc, CIRCLE_FIELDS) {
                    circle.theme = self.text(get(map, "theme"), &item_loc.key("theme"));
                    circle.member_ids =
                        self.id_list(get(map, "member_ids"), &item_loc.key("member_ids"));
                }
                circle
            })
            .collect();
        pairing
    }

    /// A required date; empty text when missing or unreadable.
    fn required_date(&mut self, map: &Map<String, Value>, name: &str, loc: &Loc) -> String {
        let field_loc = loc.key(name);
        let value = self.required(get(map, name), &field_loc);
        self.date(value, &field_loc).unwrap_or_default()
    }

    /// A list of dates; unreadable entries are reported and left out.
    fn date_list(&mut self, value: Option<&Value>, loc: &Loc) -> Vec<String> {
        let items = self.list(value, loc);
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.date(Some(item), &loc.index(i)))
            .collect()
    }

    /// A required `HH:MM` time; empty text when missing or unreadable.
    fn required_time(&mut self, map: &Map<String, Value>, name: &str, loc: &Loc) -> String {
        let field_loc = loc.key(name);
        match self.required(get(map, name), &field_loc) {
            None => String::new(),
            Some(Value::String(s)) if LocalTime::parse(s.trim()).is_some() => s.clone(),
            Some(Value::String(s)) => {
                self.problem(&field_loc, ProblemKind::InvalidTime { value: s.clone() });
                String::new()
            }
            Some(other) => {
                self.wrong_type(&field_loc, Expected::Time, other);
                String::new()
            }
        }
    }

    /// A required value from a closed set of spellings.
    fn required_choice<T>(
        &mut self,
        map: &Map<String, Value>,
        name: &str,
        loc: &Loc,
        parse: fn(&str) -> Option<T>,
        allowed: &'static [&'static str],
    ) -> Option<T> {
        let field_loc = loc.key(name);
        let value = self.required(get(map, name), &field_loc);
        self.choice(value, &field_loc, parse, allowed)
    }

    /// A whole number in `range` for a field, or `default` when absent or wrong.
    fn whole_or(
        &mut self,
        map: &Map<String, Value>,
        name: &str,
        loc: &Loc,
        range: (u64, u64),
        default: u64,
    ) -> u64 {
        self.whole_in(get(map, name), &loc.key(name), range.0, range.1)
            .unwrap_or(default)
    }

    /// The items of a list field, each read by `read` with its own path.
    fn entries<T>(
        &mut self,
        map: &Map<String, Value>,
        name: &str,
        loc: &Loc,
        mut read: impl FnMut(&mut Self, &Value, &Loc) -> T,
    ) -> Vec<T> {
        let list_loc = loc.key(name);
        let items = self.list(get(map, name), &list_loc);
        items
            .iter()
            .enumerate()
            .map(|(i, item)| read(self, item, &list_loc.index(i)))
            .collect()
    }

    fn sessions(&mut self, value: &Value, loc: &Loc) -> SessionsV1 {
        let mut sessions = SessionsV1::default();
        let Some(map) = self.object(value, loc, SESSIONS_FIELDS) else {
            return sessions;
        };
        let settings_loc = loc.key("settings");
        if let Some(settings) = get(map, "settings") {
            self.settings(settings, &settings_loc, &mut sessions.settings);
        }
        sessions.agreements = self.entries(map, "agreements", loc, Self::agreement);
        sessions.sessions = self.entries(map, "sessions", loc, Self::session);
        sessions.rounds = self.entries(map, "rounds", loc, Self::round);
        sessions.responses = self.entries(map, "responses", loc, Self::response);
        sessions.templates = self.entries(map, "templates", loc, Self::template);
        sessions
    }

    fn settings(&mut self, value: &Value, loc: &Loc, settings: &mut SessionSettingsV1) {
        let Some(map) = self.object(value, loc, SETTINGS_FIELDS) else {
            return;
        };
        let days = (1, limits::MAX_SETTING_DAYS.into());
        settings.time_zone = self.text(get(map, "time_zone"), &loc.key("time_zone"));
        settings.first_checkin_day = self.whole_or(
            map,
            "first_checkin_day",
            loc,
            days,
            settings.first_checkin_day.into(),
        ) as u16;
        settings.checkin_every_days = self.whole_or(
            map,
            "checkin_every_days",
            loc,
            days,
            settings.checkin_every_days.into(),
        ) as u16;
        settings.holidays = self.date_list(get(map, "holidays"), &loc.key("holidays"));
        let alerts_loc = loc.key("alerts");
        if let Some(alerts) = get(map, "alerts")
            && let Some(alerts) = self.object(alerts, &alerts_loc, ALERTS_FIELDS)
        {
            let scale = (Session::MIN_RATING.into(), Session::MAX_RATING.into());
            let a = &mut settings.alerts;
            a.no_session_days = self.whole_or(
                alerts,
                "no_session_days",
                &alerts_loc,
                days,
                a.no_session_days.into(),
            ) as u16;
            a.low_rating = self.whole_or(
                alerts,
                "low_rating",
                &alerts_loc,
                scale,
                a.low_rating.into(),
            ) as u8;
            a.low_mood =
                self.whole_or(alerts, "low_mood", &alerts_loc, scale, a.low_mood.into()) as u8;
        }
    }

    fn agreement(&mut self, value: &Value, loc: &Loc) -> AgreementV1 {
        let program = ProgramV1::default();
        let mut agreement = AgreementV1 {
            mentor_id: String::new(),
            mentee_id: String::new(),
            goals: Vec::new(),
            cadence: program.cadence,
            session_minutes: program.session_minutes,
            channel: None,
            ground_rules: program.ground_rules,
            review_dates: Vec::new(),
            agreed_on: None,
            notes: String::new(),
        };
        let Some(map) = self.object(value, loc, AGREEMENT_FIELDS) else {
            return agreement;
        };
        agreement.mentor_id = self.required_id(map, "mentor_id", loc);
        agreement.mentee_id = self.required_id(map, "mentee_id", loc);
        agreement.goals = self.entries(map, "goals", loc, Self::goal);
        if let Some(cadence) = self.choice(
            get(map, "cadence"),
            &loc.key("cadence"),
            CadenceV1::parse,
            CadenceV1::NAMES,
        ) {
            agreement.cadence = cadence;
        }
        agreement.session_minutes = self.whole_or(
            map,
            "session_minutes",
            loc,
            (
                Program::MIN_SESSION_MINUTES.into(),
                Program::MAX_SESSION_MINUTES.into(),
            ),
            agreement.session_minutes.into(),
        ) as u16;
        agreement.channel = self.choice(
            get(map, "channel"),
            &loc.key("channel"),
            ChannelV1::parse,
            ChannelV1::NAMES,
        );
        let rules_loc = loc.key("ground_rules");
        if let Some(rules) = get(map, "ground_rules") {
            agreement.ground_rules = self.ground_rules(rules, &rules_loc);
        }
        agreement.review_dates = self.date_list(get(map, "review_dates"), &loc.key("review_dates"));
        agreement.agreed_on = self.date(get(map, "agreed_on"), &loc.key("agreed_on"));
        agreement.notes = self.text(get(map, "notes"), &loc.key("notes"));
        agreement
    }

    fn goal(&mut self, value: &Value, loc: &Loc) -> GoalV1 {
        let mut goal = GoalV1 {
            id: String::new(),
            direction: GoalDirectionV1::MenteeLearns,
            text: String::new(),
            measure: String::new(),
            skill: None,
            objective_id: None,
            target_date: None,
            progress: 0,
            milestones: Vec::new(),
        };
        let Some(map) = self.object(value, loc, GOAL_FIELDS) else {
            return goal;
        };
        goal.id = self.required_id(map, "id", loc);
        if let Some(direction) = self.required_choice(
            map,
            "direction",
            loc,
            GoalDirectionV1::parse,
            GoalDirectionV1::NAMES,
        ) {
            goal.direction = direction;
        }
        goal.text = self.text(get(map, "text"), &loc.key("text"));
        goal.measure = self.text(get(map, "measure"), &loc.key("measure"));
        let skill = get(map, "skill");
        goal.skill = skill.map(|s| self.skill_id(Some(s), &loc.key("skill")));
        goal.objective_id = self.id(get(map, "objective_id"), &loc.key("objective_id"));
        goal.target_date = self.date(get(map, "target_date"), &loc.key("target_date"));
        goal.progress =
            self.whole_or(map, "progress", loc, (0, limits::MAX_PERCENT.into()), 0) as u8;
        goal.milestones = self.entries(map, "milestones", loc, |d, item, item_loc| {
            let mut milestone = MilestoneV1 {
                text: String::new(),
                done: false,
            };
            if let Some(map) = d.object(item, item_loc, MILESTONE_FIELDS) {
                milestone.text = d.text(get(map, "text"), &item_loc.key("text"));
                milestone.done = d.bool(get(map, "done"), &item_loc.key("done"), false);
            }
            milestone
        });
        goal
    }

    fn session(&mut self, value: &Value, loc: &Loc) -> SessionV1 {
        let mut session = SessionV1 {
            id: String::new(),
            mentor_id: String::new(),
            mentee_id: String::new(),
            date: String::new(),
            time: String::new(),
            minutes: Program::DEFAULT_SESSION_MINUTES,
            status: SessionStatusV1::Planned,
            rescheduled_from: None,
            topics: Vec::new(),
            notes: String::new(),
            mentor_rating: None,
            mentee_rating: None,
            goal_progress: Vec::new(),
            sequence: 0,
        };
        let Some(map) = self.object(value, loc, SESSION_FIELDS) else {
            return session;
        };
        session.id = self.required_id(map, "id", loc);
        session.mentor_id = self.required_id(map, "mentor_id", loc);
        session.mentee_id = self.required_id(map, "mentee_id", loc);
        session.date = self.required_date(map, "date", loc);
        session.time = self.required_time(map, "time", loc);
        session.minutes = self.whole_or(
            map,
            "minutes",
            loc,
            (
                limits::MIN_LOGGED_MINUTES.into(),
                limits::MAX_LOGGED_MINUTES.into(),
            ),
            session.minutes.into(),
        ) as u16;
        if let Some(status) = self.choice(
            get(map, "status"),
            &loc.key("status"),
            SessionStatusV1::parse,
            SessionStatusV1::NAMES,
        ) {
            session.status = status;
        }
        let from_loc = loc.key("rescheduled_from");
        if let Some(from) = get(map, "rescheduled_from")
            && let Some(from) = self.object(from, &from_loc, WHEN_FIELDS)
        {
            session.rescheduled_from = Some(WhenV1 {
                date: self.required_date(from, "date", &from_loc),
                time: self.required_time(from, "time", &from_loc),
            });
        }
        session.topics = self.entries(map, "topics", loc, |d, item, item_loc| {
            d.skill_id(Some(item), item_loc)
        });
        session.notes = self.text(get(map, "notes"), &loc.key("notes"));
        let scale = (Session::MIN_RATING.into(), Session::MAX_RATING.into());
        for (name, slot) in [
            ("mentor_rating", &mut session.mentor_rating),
            ("mentee_rating", &mut session.mentee_rating),
        ] {
            *slot = self
                .whole_in(get(map, name), &loc.key(name), scale.0, scale.1)
                .map(|r| r as u8);
        }
        session.goal_progress = self.entries(map, "goal_progress", loc, |d, item, item_loc| {
            let mut progress = GoalProgressV1 {
                goal_id: String::new(),
                percent: 0,
            };
            if let Some(map) = d.object(item, item_loc, GOAL_PROGRESS_FIELDS) {
                progress.goal_id = d.required_id(map, "goal_id", item_loc);
                let percent_loc = item_loc.key("percent");
                let percent = d.required(get(map, "percent"), &percent_loc);
                progress.percent = d
                    .whole(percent, &percent_loc, limits::MAX_PERCENT.into())
                    .unwrap_or(0) as u8;
            }
            progress
        });
        session.sequence = self.whole_or(map, "sequence", loc, (0, u32::MAX.into()), 0) as u32;
        session
    }

    fn round(&mut self, value: &Value, loc: &Loc) -> RoundV1 {
        let mut round = RoundV1 {
            id: String::new(),
            kind: RoundKindV1::CheckIn,
            opens: String::new(),
            closes: String::new(),
            invitations: Vec::new(),
        };
        let Some(map) = self.object(value, loc, ROUND_FIELDS) else {
            return round;
        };
        round.id = self.required_id(map, "id", loc);
        if let Some(kind) =
            self.required_choice(map, "kind", loc, RoundKindV1::parse, RoundKindV1::NAMES)
        {
            round.kind = kind;
        }
        round.opens = self.required_date(map, "opens", loc);
        round.closes = self.required_date(map, "closes", loc);
        round.invitations = self.entries(map, "invitations", loc, |d, item, item_loc| {
            let mut invitation = InvitationV1 {
                participant_id: String::new(),
                token: String::new(),
            };
            if let Some(map) = d.object(item, item_loc, INVITATION_FIELDS) {
                invitation.participant_id = d.required_id(map, "participant_id", item_loc);
                invitation.token = d.token(map, item_loc);
            }
            invitation
        });
        round
    }

    /// A required check-in token: 32 hexadecimal digits, any case.
    fn token(&mut self, map: &Map<String, Value>, loc: &Loc) -> String {
        let field_loc = loc.key("token");
        match self.required(get(map, "token"), &field_loc) {
            None => String::new(),
            Some(Value::String(s))
                if s.trim().len() == 32 && s.trim().bytes().all(|b| b.is_ascii_hexdigit()) =>
            {
                s.trim().to_ascii_lowercase()
            }
            Some(Value::String(_)) => {
                self.problem(&field_loc, ProblemKind::InvalidToken);
                String::new()
            }
            Some(other) => {
                self.wrong_type(&field_loc, Expected::Text, other);
                String::new()
            }
        }
    }

    fn response(&mut self, value: &Value, loc: &Loc) -> ResponseV1 {
        let mut response = ResponseV1 {
            round_id: String::new(),
            participant_id: String::new(),
            answered_on: String::new(),
            imported_on: String::new(),
            answers: Vec::new(),
        };
        let Some(map) = self.object(value, loc, RESPONSE_FIELDS) else {
            return response;
        };
        response.round_id = self.required_id(map, "round_id", loc);
        response.participant_id = self.required_id(map, "participant_id", loc);
        response.answered_on = self.required_date(map, "answered_on", loc);
        response.imported_on = self.required_date(map, "imported_on", loc);
        response.answers = self.entries(map, "answers", loc, Self::answer);
        response
    }

    /// `{"question", "kind", "value"}`: the value must have the kind's form.
    fn answer(&mut self, value: &Value, loc: &Loc) -> AnswerV1 {
        let mut answer = AnswerV1 {
            question: String::new(),
            kind: AnswerKindV1::Text,
            value: AnswerValueV1::Text(String::new()),
        };
        let Some(map) = self.object(value, loc, ANSWER_FIELDS) else {
            return answer;
        };
        answer.question = self.required_text(get(map, "question"), &loc.key("question"));
        let kind = self.required_choice(map, "kind", loc, AnswerKindV1::parse, AnswerKindV1::NAMES);
        let value_loc = loc.key("value");
        let value = self.required(get(map, "value"), &value_loc);
        match kind {
            Some(kind @ (AnswerKindV1::Scale | AnswerKindV1::Percent)) => {
                let (min, max) = if kind == AnswerKindV1::Scale {
                    (Session::MIN_RATING.into(), Session::MAX_RATING.into())
                } else {
                    (0, limits::MAX_PERCENT.into())
                };
                answer.kind = kind;
                answer.value = AnswerValueV1::Number(
                    self.whole_in(value, &value_loc, min, max).unwrap_or(min) as u8,
                );
            }
            Some(AnswerKindV1::Text) => {
                answer.value = AnswerValueV1::Text(self.text(value, &value_loc));
            }
            // The value cannot be judged without its kind.
            None => {}
        }
        answer
    }

    fn template(&mut self, value: &Value, loc: &Loc) -> TemplateV1 {
        let mut template = TemplateV1 {
            kind: TemplateKindV1::Invitation,
            lang: LangV1::En,
            subject: String::new(),
            body: String::new(),
        };
        let Some(map) = self.object(value, loc, TEMPLATE_FIELDS) else {
            return template;
        };
        if let Some(kind) = self.required_choice(
            map,
            "kind",
            loc,
            TemplateKindV1::parse,
            TemplateKindV1::NAMES,
        ) {
            template.kind = kind;
        }
        if let Some(lang) = self.required_choice(map, "lang", loc, LangV1::parse, LangV1::NAMES) {
            template.lang = lang;
        }
        template.subject = self.text(get(map, "subject"), &loc.key("subject"));
        template.body = self.text(get(map, "body"), &loc.key("body"));
        template
    }

    /// Every field is optional: a file from before issue 6, or one that only
    /// names its leavers, takes the defaults for the rest.
    fn impact(&mut self, value: &Value, loc: &Loc) -> ImpactV1 {
        let mut impact = ImpactV1::default();
        let Some(map) = self.object(value, loc, IMPACT_FIELDS) else {
            return impact;
        };

        let certificates_loc = loc.key("certificates");
        if let Some(certificates) = get(map, "certificates")
            && let Some(fields) = self.object(certificates, &certificates_loc, CERTIFICATES_FIELDS)
        {
            let c = &mut impact.certificates;
            let at = |name| certificates_loc.key(name);
            c.min_sessions_held = self.whole_or(
                fields,
                "min_sessions_held",
                &certificates_loc,
                (0, limits::MAX_MIN_SESSIONS_HELD.into()),
                c.min_sessions_held.into(),
            ) as u32;
            c.require_post_assessment = self.bool(
                get(fields, "require_post_assessment"),
                &at("require_post_assessment"),
                c.require_post_assessment,
            );
            c.issued_on = self.date(get(fields, "issued_on"), &at("issued_on"));
            c.signer_name = self.text(get(fields, "signer_name"), &at("signer_name"));
            c.signer_title = self.text(get(fields, "signer_title"), &at("signer_title"));
        }

        let report_loc = loc.key("report");
        if let Some(report) = get(map, "report")
            && let Some(fields) = self.object(report, &report_loc, REPORT_FIELDS)
        {
            let r = &mut impact.report;
            let at = |name| report_loc.key(name);
            r.highlights = self.text(get(fields, "highlights"), &at("highlights"));
            r.lessons = self.text(get(fields, "lessons"), &at("lessons"));
            r.next_steps = self.text(get(fields, "next_steps"), &at("next_steps"));
            r.include_comments = self.bool(
                get(fields, "include_comments"),
                &at("include_comments"),
                r.include_comments,
            );
        }

        impact.leavers = self.entries(map, "leavers", loc, |d, item, item_loc| {
            let mut leaver = LeaverV1 {
                participant_id: String::new(),
                left_on: String::new(),
            };
            if let Some(fields) = d.object(item, item_loc, LEAVER_FIELDS) {
                leaver.participant_id = d.required_id(fields, "participant_id", item_loc);
                leaver.left_on = d.required_date(fields, "left_on", item_loc);
            }
            leaver
        });
        impact
    }

    /// `{"standard": [...], "custom": [...]}`, as in the program.
    fn ground_rules(&mut self, value: &Value, loc: &Loc) -> GroundRulesV1 {
        let mut rules = GroundRulesV1::default();
        let Some(map) = self.object(value, loc, GROUND_RULES_FIELDS) else {
            return rules;
        };
        let standard = get(map, "standard");
        if standard.is_some() {
            rules.standard =
                self.choice_list(standard, &loc.key("standard"), RuleV1::parse, RuleV1::NAMES);
        }
        rules.custom = self.text_list(get(map, "custom"), &loc.key("custom"));
        rules
    }

    fn program(&mut self, value: &Value, loc: &Loc) -> ProgramV1 {
        let mut program = ProgramV1::default();
        let Some(map) = self.object(value, loc, PROGRAM_FIELDS) else {
            return program;
        };
        program.name = self.required_text(get(map, "name"), &loc.key("name"));
        program.organisation = self.text(get(map, "organisation"), &loc.key("organisation"));
        program.description = self.text(get(map, "description"), &loc.key("description"));
        program.start_date = self.date(get(map, "start_date"), &loc.key("start_date"));
        program.end_date = self.date(get(map, "end_date"), &loc.key("end_date"));
        if let Some(cadence) = self.choice(
            get(map, "cadence"),
            &loc.key("cadence"),
            CadenceV1::parse,
            CadenceV1::NAMES,
        ) {
            program.cadence = cadence;
        }
        let minutes = self.whole(
            get(map, "session_minutes"),
            &loc.key("session_minutes"),
            u16::MAX.into(),
        );
        if let Some(minutes) = minutes {
            program.session_minutes = minutes as u16;
        }

        let rules_loc = loc.key("ground_rules");
        if let Some(rules) = get(map, "ground_rules") {
            program.ground_rules = self.ground_rules(rules, &rules_loc);
        }

        let list_loc = loc.key("objectives");
        let items = self.list(get(map, "objectives"), &list_loc);
        program.objectives = items
            .iter()
            .enumerate()
            .map(|(i, o)| self.objective(o, &list_loc.index(i)))
            .collect();
        program
    }

    fn objective(&mut self, value: &Value, loc: &Loc) -> ObjectiveV1 {
        // NaN stands in for unreadable numbers: validation reports it at the
        // same path (hidden behind the decode problem) and it equals nothing.
        let mut objective = ObjectiveV1 {
            id: String::new(),
            title: String::new(),
            company_goal: String::new(),
            owner_department: String::new(),
            kpi_name: String::new(),
            unit: String::new(),
            baseline: f64::NAN,
            target: f64::NAN,
            current: None,
            skills: Vec::new(),
        };
        let Some(map) = self.object(value, loc, OBJECTIVE_FIELDS) else {
            return objective;
        };
        let id_loc = loc.key("id");
        let id = self.required(get(map, "id"), &id_loc);
        objective.id = self.id(id, &id_loc).unwrap_or_default();
        objective.title = self.required_text(get(map, "title"), &loc.key("title"));
        objective.company_goal = self.text(get(map, "company_goal"), &loc.key("company_goal"));
        objective.owner_department =
            self.text(get(map, "owner_department"), &loc.key("owner_department"));
        objective.kpi_name = self.required_text(get(map, "kpi_name"), &loc.key("kpi_name"));
        objective.unit = self.text(get(map, "unit"), &loc.key("unit"));
        for (name, slot) in [
            ("baseline", &mut objective.baseline),
            ("target", &mut objective.target),
        ] {
            let field_loc = loc.key(name);
            let value = self.required(get(map, name), &field_loc);
            if let Some(n) = self.number(value, &field_loc) {
                *slot = n;
            }
        }
        objective.current = self.number(get(map, "current"), &loc.key("current"));
        let skills_loc = loc.key("skills");
        let items = self.list(get(map, "skills"), &skills_loc);
        objective.skills = items
            .iter()
            .enumerate()
            .map(|(i, s)| self.skill_id(Some(s), &skills_loc.index(i)))
            .collect();
        objective
    }

    fn participant(&mut self, value: &Value, loc: &Loc) -> ParticipantV1 {
        let mut p = ParticipantV1::placeholder();
        let Some(map) = self.object(value, loc, PARTICIPANT_FIELDS) else {
            return p;
        };
        let id_loc = loc.key("id");
        let id = self.required(get(map, "id"), &id_loc);
        p.id = self.id(id, &id_loc).unwrap_or_default();
        p.name = self.required_text(get(map, "name"), &loc.key("name"));
        p.email = self.required_text(get(map, "email"), &loc.key("email"));
        let role_loc = loc.key("role");
        let role = self.required(get(map, "role"), &role_loc);
        if let Some(role) = self.choice(role, &role_loc, RoleV1::parse, RoleV1::NAMES) {
            p.role = role;
        }
        p.department = self.text(get(map, "department"), &loc.key("department"));
        p.job_title = self.text(get(map, "job_title"), &loc.key("job_title"));
        p.manager_id = self.id(get(map, "manager_id"), &loc.key("manager_id"));
        p.seniority_years = self
            .whole(
                get(map, "seniority_years"),
                &loc.key("seniority_years"),
                u8::MAX.into(),
            )
            .map(|y| y as u8);
        p.grade = self.text(get(map, "grade"), &loc.key("grade"));
        p.languages = self.text_list(get(map, "languages"), &loc.key("languages"));
        p.location = self.text(get(map, "location"), &loc.key("location"));
        p.time_zone = self.text(get(map, "time_zone"), &loc.key("time_zone"));

        let list_loc = loc.key("skills_offered");
        let items = self.list(get(map, "skills_offered"), &list_loc);
        p.skills_offered = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let item_loc = list_loc.index(i);
                let mut offered = OfferedSkillV1 {
                    skill: String::new(),
                    level: 0,
                };
                if let Some(map) = self.object(item, &item_loc, OFFERED_FIELDS) {
                    let skill_loc = item_loc.key("skill");
                    let skill = self.required(get(map, "skill"), &skill_loc);
                    offered.skill = self.skill_id(skill, &skill_loc);
                    let level_loc = item_loc.key("level");
                    let level = self.required(get(map, "level"), &level_loc);
                    offered.level =
                        self.whole(level, &level_loc, u8::MAX.into()).unwrap_or(0) as u8;
                }
                offered
            })
            .collect();

        let list_loc = loc.key("skills_wanted");
        let items = self.list(get(map, "skills_wanted"), &list_loc);
        p.skills_wanted = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let item_loc = list_loc.index(i);
                let mut wanted = WantedSkillV1 {
                    skill: String::new(),
                    priority: PriorityV1::Important,
                };
                if let Some(map) = self.object(item, &item_loc, WANTED_FIELDS) {
                    let skill_loc = item_loc.key("skill");
                    let skill = self.required(get(map, "skill"), &skill_loc);
                    wanted.skill = self.skill_id(skill, &skill_loc);
                    let priority_loc = item_loc.key("priority");
                    let priority = self.required(get(map, "priority"), &priority_loc);
                    if let Some(priority) = self.choice(
                        priority,
                        &priority_loc,
                        PriorityV1::parse,
                        PriorityV1::NAMES,
                    ) {
                        wanted.priority = priority;
                    }
                }
                wanted
            })
            .collect();

        p.interests = self.text_list(get(map, "interests"), &loc.key("interests"));
        p.channels = self.choice_list(
            get(map, "channels"),
            &loc.key("channels"),
            ChannelV1::parse,
            ChannelV1::NAMES,
        );
        let slots = self.choice_list(
            get(map, "availability"),
            &loc.key("availability"),
            parse_slot,
            SLOT_NAMES,
        );
        p.availability = slots
            .into_iter()
            .map(|(day, part)| slot_name(day, part).to_string())
            .collect();
        if let Some(capacity) =
            self.whole(get(map, "capacity"), &loc.key("capacity"), u8::MAX.into())
        {
            p.capacity = capacity as u8;
        }
        p.never_pair_with = self.id_list(get(map, "never_pair_with"), &loc.key("never_pair_with"));
        p.consent_date = self.date(get(map, "consent_date"), &loc.key("consent_date"));
        p.active = self.bool(get(map, "active"), &loc.key("active"), true);
        p.notes = self.text(get(map, "notes"), &loc.key("notes"));
        p
    }

    fn custom_skill(&mut self, value: &Value, loc: &Loc) -> CustomSkillV1 {
        let mut skill = CustomSkillV1 {
            id: String::new(),
            name: String::new(),
            kind: SkillKindV1::Digital,
        };
        let Some(map) = self.object(value, loc, SKILL_FIELDS) else {
            return skill;
        };
        let id_loc = loc.key("id");
        let id = self.required(get(map, "id"), &id_loc);
        skill.id = self.skill_id(id, &id_loc);
        skill.name = self.required_text(get(map, "name"), &loc.key("name"));
        let kind_loc = loc.key("kind");
        let kind = self.required(get(map, "kind"), &kind_loc);
        if let Some(kind) = self.choice(kind, &kind_loc, SkillKindV1::parse, SkillKindV1::NAMES) {
            skill.kind = kind;
        }
        skill
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_render_like_the_file() {
        let root = Loc::Root;
        let list = root.key("participants");
        let item = list.index(3);
        let field = item.key("skills_offered");
        let inner = field.index(1);
        assert_eq!(root.render(), "");
        assert_eq!(list.render(), "participants");
        assert_eq!(
            inner.key("level").render(),
            "participants[3].skills_offered[1].level"
        );
    }

    #[test]
    fn whole_numbers_accept_integral_floats_and_report_range() {
        let mut d = Decoder::default();
        let loc = Loc::Root.key("n");
        let read = |d: &mut Decoder, text: &str| {
            d.whole(Some(&serde_json::from_str(text).unwrap()), &loc, 255)
        };
        assert_eq!(read(&mut d, "7"), Some(7));
        assert_eq!(read(&mut d, "7.0"), Some(7));
        assert!(d.problems.is_empty());
        assert_eq!(read(&mut d, "7.5"), None);
        assert_eq!(read(&mut d, "256"), None);
        assert_eq!(read(&mut d, "-1"), None);
        assert_eq!(read(&mut d, "1e300"), None);
        assert_eq!(read(&mut d, "\"7\""), None);
        let kinds: Vec<_> = d.problems.iter().map(|p| p.kind.clone()).collect();
        let range = ProblemKind::OutOfRange {
            min: 0.0,
            max: 255.0,
        };
        assert_eq!(
            kinds,
            vec![
                ProblemKind::WrongType {
                    expected: Expected::WholeNumber,
                    found: JsonType::Number
                },
                range.clone(),
                range.clone(),
                range,
                ProblemKind::WrongType {
                    expected: Expected::WholeNumber,
                    found: JsonType::String
                },
            ]
        );
    }
}
