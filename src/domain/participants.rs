//! People in the program: who they are, what they teach and want to learn,
//! how and when they like to meet.

use super::date::Date;
use super::ids::ParticipantId;
use super::skills::SkillId;

/// The two sides of a reverse-mentoring pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Usually a junior digital native who teaches technology and new ways of working.
    ReverseMentor,
    /// Usually a senior leader who learns, and shares experience back.
    Mentee,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::ReverseMentor, Role::Mentee];
}

/// Ways two people can meet or talk, from the seeds' "email, WhatsApp, call or in person".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    InPerson,
    VideoCall,
    Phone,
    Chat,
    Email,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::InPerson,
        Channel::VideoCall,
        Channel::Phone,
        Channel::Chat,
        Channel::Email,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
}

impl DayPart {
    pub const ALL: [DayPart; 3] = [DayPart::Morning, DayPart::Afternoon, DayPart::Evening];
}

/// Weekly availability as a set of (weekday, part of day) slots, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Availability(u32);

impl Availability {
    fn bit(day: Weekday, part: DayPart) -> u32 {
        1 << (day as u32 * 3 + part as u32)
    }

    pub fn contains(self, day: Weekday, part: DayPart) -> bool {
        self.0 & Self::bit(day, part) != 0
    }

    pub fn set(&mut self, day: Weekday, part: DayPart, available: bool) {
        if available {
            self.0 |= Self::bit(day, part);
        } else {
            self.0 &= !Self::bit(day, part);
        }
    }

    pub fn with(mut self, day: Weekday, part: DayPart) -> Availability {
        self.set(day, part, true);
        self
    }

    /// Slots in week order (Monday morning first).
    pub fn slots(self) -> impl Iterator<Item = (Weekday, DayPart)> {
        Weekday::ALL
            .into_iter()
            .flat_map(|d| DayPart::ALL.into_iter().map(move |p| (d, p)))
            .filter(move |(d, p)| self.contains(*d, *p))
    }

    pub fn overlap(self, other: Availability) -> Availability {
        Availability(self.0 & other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The raw bit set, for tight loops (pairing scores a million pairs).
    pub fn bits(self) -> u32 {
        self.0
    }
}

/// A skill someone can teach, with their own level from 1 (basics) to 5 (expert).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferedSkill {
    pub skill: SkillId,
    pub level: u8,
}

/// How much someone wants a skill; weights 5 / 3 / 1 as matching tools commonly use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Priority {
    MustHave,
    Important,
    NiceToHave,
}

impl Priority {
    pub const ALL: [Priority; 3] = [
        Priority::MustHave,
        Priority::Important,
        Priority::NiceToHave,
    ];

    pub fn weight(self) -> u8 {
        match self {
            Priority::MustHave => 5,
            Priority::Important => 3,
            Priority::NiceToHave => 1,
        }
    }
}

/// A skill someone wants to learn, and how much.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WantedSkill {
    pub skill: SkillId,
    pub priority: Priority,
}

/// Seniority as years of experience and/or a company grade (`B2`, `Director`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seniority {
    pub years: Option<u8>,
    pub grade: String,
}

/// One person in the program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    pub id: ParticipantId,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub department: String,
    pub job_title: String,
    /// Their line manager when the manager is also in the program; pairing never
    /// crosses a reporting line, so a junior can speak freely.
    pub manager: Option<ParticipantId>,
    pub seniority: Seniority,
    /// ISO 639-1 codes, lower case (`en`, `es`), in the person's order of preference.
    pub languages: Vec<String>,
    pub location: String,
    /// IANA zone name such as `Europe/Madrid`; empty when unknown.
    pub time_zone: String,
    pub skills_offered: Vec<OfferedSkill>,
    pub skills_wanted: Vec<WantedSkill>,
    /// Normalised tags (see [`crate::domain::text::normalize_tag`]).
    pub interests: Vec<String>,
    /// Preferred channels, most preferred first.
    pub channels: Vec<Channel>,
    pub availability: Availability,
    /// How many pairs this person can take at once (a mentor may take several).
    pub capacity: u8,
    /// People this person must never be paired with, whatever the score
    /// (a conflict, a relative, a former manager outside the program).
    pub never_pair_with: Vec<ParticipantId>,
    /// When the person agreed to take part and to have their data kept here.
    pub consent_date: Option<Date>,
    /// Inactive people stay in the records but are left out of pairing.
    pub active: bool,
    pub notes: String,
}

impl Participant {
    pub const MAX_CAPACITY: u8 = 10;
    pub const MAX_LEVEL: u8 = 5;

    /// A blank participant with the program defaults (active, capacity 1).
    pub fn new(id: ParticipantId, role: Role) -> Participant {
        Participant {
            id,
            name: String::new(),
            email: String::new(),
            role,
            department: String::new(),
            job_title: String::new(),
            manager: None,
            seniority: Seniority::default(),
            languages: Vec::new(),
            location: String::new(),
            time_zone: String::new(),
            skills_offered: Vec::new(),
            skills_wanted: Vec::new(),
            interests: Vec::new(),
            channels: Vec::new(),
            availability: Availability::default(),
            capacity: 1,
            never_pair_with: Vec::new(),
            consent_date: None,
            active: true,
            notes: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn availability_slots_are_independent() {
        let mut a = Availability::default();
        for (i, day) in Weekday::ALL.into_iter().enumerate() {
            for (j, part) in DayPart::ALL.into_iter().enumerate() {
                if (i + j) % 2 == 0 {
                    a.set(day, part, true);
                }
            }
        }
        assert_eq!(a.len(), 11);
        assert!(a.contains(Weekday::Mon, DayPart::Morning));
        assert!(!a.contains(Weekday::Mon, DayPart::Afternoon));
        a.set(Weekday::Mon, DayPart::Morning, false);
        assert!(!a.contains(Weekday::Mon, DayPart::Morning));
        assert_eq!(a.slots().count(), 10);
        let b = Availability::default().with(Weekday::Sun, DayPart::Evening);
        assert_eq!(
            a.overlap(b).slots().collect::<Vec<_>>(),
            vec![(Weekday::Sun, DayPart::Evening)]
        );
    }
}
