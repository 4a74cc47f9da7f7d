//! The skill catalogue: what reverse mentors teach and what senior leaders
//! share back. Default skills have stable ids and labels in every UI language;
//! coordinators can add their own.

/// A skill's stable id: lower-case ASCII words joined by dashes (`social-media`).
/// Custom skills get a `custom-` prefix so they can never clash with defaults.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SkillId(String);

impl SkillId {
    pub fn parse(text: &str) -> Option<SkillId> {
        let ok = !text.is_empty()
            && text.len() <= 64
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !text.starts_with('-')
            && !text.ends_with('-');
        ok.then(|| SkillId(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for SkillId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which way a skill usually flows in a reverse-mentoring pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SkillKind {
    /// Taught by the junior reverse mentor (technology, social media, new ways of working).
    Digital,
    /// Shared back by the senior mentee (leadership, strategy, career).
    Experience,
}

/// A UI language, for labels kept in the core (skill names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Es,
    It,
}

/// A skill from the default catalogue, with its label in each UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DefaultSkill {
    pub id: &'static str,
    pub kind: SkillKind,
    pub en: &'static str,
    pub es: &'static str,
    pub it: &'static str,
}

impl DefaultSkill {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Es => self.es,
            Lang::It => self.it,
        }
    }
}

/// A skill the coordinator added; its name is shown as typed, in every language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomSkill {
    pub id: SkillId,
    pub name: String,
    pub kind: SkillKind,
}

macro_rules! skills {
    ($($id:literal, $kind:ident, $en:literal, $es:literal, $it:literal;)*) => {
        &[$(DefaultSkill { id: $id, kind: SkillKind::$kind, en: $en, es: $es, it: $it }),*]
    };
}

/// The curated default catalogue. Ids are part of the file format: never rename one.
pub const DEFAULT_SKILLS: &[DefaultSkill] = skills![
    "social-media", Digital, "Social media", "Redes sociales", "Social media";
    "ai-tools", Digital, "AI tools", "Herramientas de IA", "Strumenti di IA";
    "collaboration-tools", Digital, "Collaboration tools", "Herramientas colaborativas", "Strumenti di collaborazione";
    "data-literacy", Digital, "Data literacy", "Alfabetización de datos", "Alfabetizzazione sui dati";
    "digital-marketing", Digital, "Digital marketing", "Marketing digital", "Marketing digitale";
    "online-security", Digital, "Online security", "Seguridad en línea", "Sicurezza online";
    "mobile-apps", Digital, "Mobile apps", "Aplicaciones móviles", "App per dispositivi mobili";
    "gen-z-trends", Digital, "Trends and Gen Z culture", "Tendencias y cultura de la Generación Z", "Tendenze e cultura della Generazione Z";
    "diversity-inclusion", Digital, "Diversity and inclusion", "Diversidad e inclusión", "Diversità e inclusione";
    "remote-work", Digital, "Remote and hybrid work", "Trabajo remoto e híbrido", "Lavoro da remoto e ibrido";
    "personal-branding", Digital, "Personal branding online", "Marca personal en línea", "Personal branding online";
    "video-content", Digital, "Video and content creation", "Creación de vídeo y contenidos", "Creazione di video e contenuti";
    "e-commerce", Digital, "E-commerce", "Comercio electrónico", "E-commerce";
    "automation", Digital, "No-code automation", "Automatización sin código", "Automazione senza codice";
    "leadership", Experience, "Leadership", "Liderazgo", "Leadership";
    "strategy", Experience, "Strategy", "Estrategia", "Strategia";
    "negotiation", Experience, "Negotiation", "Negociación", "Negoziazione";
    "industry-knowledge", Experience, "Industry knowledge", "Conocimiento del sector", "Conoscenza del settore";
    "networking", Experience, "Networking", "Networking", "Networking";
    "career-navigation", Experience, "Career navigation", "Orientación profesional", "Orientamento di carriera";
    "decision-making", Experience, "Decision making", "Toma de decisiones", "Processo decisionale";
    "public-speaking", Experience, "Public speaking", "Hablar en público", "Parlare in pubblico";
    "stakeholder-management", Experience, "Stakeholder management", "Gestión de grupos de interés", "Gestione degli stakeholder";
    "financial-acumen", Experience, "Business and financial acumen", "Visión financiera y de negocio", "Competenza economico-finanziaria";
    "change-management", Experience, "Leading change", "Gestión del cambio", "Gestione del cambiamento";
    "client-relationships", Experience, "Client relationships", "Relación con clientes", "Relazioni con i clienti";
];

/// Looks up a default skill by id.
pub fn default_skill(id: &str) -> Option<&'static DefaultSkill> {
    DEFAULT_SKILLS.iter().find(|skill| skill.id == id)
}

/// The default catalogue plus the program's custom skills.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    pub custom: Vec<CustomSkill>,
}

impl Catalogue {
    pub fn contains(&self, id: &SkillId) -> bool {
        default_skill(id.as_str()).is_some() || self.custom.iter().any(|c| &c.id == id)
    }

    /// The label to show in `lang`; the raw id when the skill is unknown, so a
    /// dangling reference is visible rather than silently hidden.
    pub fn label(&self, id: &SkillId, lang: Lang) -> String {
        if let Some(skill) = default_skill(id.as_str()) {
            return skill.label(lang).to_string();
        }
        self.custom
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.as_str().to_string())
    }

    pub fn kind(&self, id: &SkillId) -> Option<SkillKind> {
        default_skill(id.as_str())
            .map(|s| s.kind)
            .or_else(|| self.custom.iter().find(|c| &c.id == id).map(|c| c.kind))
    }

    /// Every skill as (id, label, kind), defaults first then custom, for pickers.
    pub fn entries(&self, lang: Lang) -> Vec<(SkillId, String, SkillKind)> {
        let defaults = DEFAULT_SKILLS
            .iter()
            .map(|s| (SkillId(s.id.to_string()), s.label(lang).to_string(), s.kind));
        let custom = self
            .custom
            .iter()
            .map(|c| (c.id.clone(), c.name.clone(), c.kind));
        defaults.chain(custom).collect()
    }

    /// The id a new custom skill named `name` gets: `custom-<slug>`, made unique.
    pub fn new_custom_id(&self, name: &str) -> SkillId {
        // Keep room for `custom-` and a `-NN` suffix within SkillId's 64 characters.
        let mut slug = crate::domain::text::slug(name);
        slug.truncate(50);
        let base = format!("custom-{}", slug.trim_end_matches('-'));
        let mut candidate = base.clone();
        let mut n = 2;
        while self.contains(&SkillId(candidate.clone())) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        SkillId(candidate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn default_ids_are_unique_valid_and_labelled() {
        let mut seen = HashSet::new();
        for skill in DEFAULT_SKILLS {
            assert!(SkillId::parse(skill.id).is_some(), "{}", skill.id);
            assert!(!skill.id.starts_with("custom-"), "{}", skill.id);
            assert!(seen.insert(skill.id), "duplicate {}", skill.id);
            for label in [skill.en, skill.es, skill.it] {
                assert!(!label.trim().is_empty(), "{}", skill.id);
            }
        }
        assert!(DEFAULT_SKILLS.iter().any(|s| s.kind == SkillKind::Digital));
        assert!(
            DEFAULT_SKILLS
                .iter()
                .any(|s| s.kind == SkillKind::Experience)
        );
    }

    #[test]
    fn custom_ids_never_clash() {
        let mut catalogue = Catalogue::default();
        let first = catalogue.new_custom_id("Excel macros");
        assert_eq!(first.as_str(), "custom-excel-macros");
        catalogue.custom.push(CustomSkill {
            id: first,
            name: "Excel macros".into(),
            kind: SkillKind::Digital,
        });
        assert_eq!(
            catalogue.new_custom_id("Excel  macros!").as_str(),
            "custom-excel-macros-2"
        );
        let long = catalogue.new_custom_id(&"very long skill name ".repeat(10));
        assert!(SkillId::parse(long.as_str()).is_some(), "{long}");
    }
}
