//! Names and reference data: people, teams, service areas, components and
//! the release types of the policy.

use crate::model::FrequencyUnit;

/// Given names.
pub const FIRST: &[&str] = &[
    "Amelia", "Oliver", "Priya", "James", "Sofia", "Mohammed", "Grace", "Thomas", "Aisha", "Daniel", "Chloe", "Lukas",
    "Hannah", "Samuel", "Mei", "Patrick", "Zara", "Ethan", "Ines", "Marcus", "Freya", "Tomasz", "Leah", "Rahul",
    "Eleanor", "Kwame", "Isla", "Gareth", "Nadia", "Callum", "Rosa", "Dev", "Imogen", "Femi", "Alice", "Niall",
];

/// Family names.
pub const LAST: &[&str] = &[
    "Hughes",
    "Patel",
    "Okafor",
    "Bennett",
    "Kowalski",
    "Nguyen",
    "Fraser",
    "Ahmed",
    "Morgan",
    "Lindqvist",
    "Rossi",
    "Campbell",
    "Osei",
    "Walsh",
    "Chen",
    "Doyle",
    "Haddad",
    "Price",
    "Murphy",
    "Schmidt",
    "Rahman",
    "Evans",
    "Byrne",
    "Sharma",
    "Turner",
    "Mensah",
    "Duarte",
    "Kelly",
    "Novak",
    "Ellis",
    "Ward",
    "Singh",
    "Barker",
    "Khan",
];

/// Teams people belong to.
pub const TEAMS: &[&str] = &[
    "Release Management Office",
    "Change Management",
    "Platform Engineering",
    "Payments Engineering",
    "Customer Channels",
    "Database Administration",
    "Network Services",
    "Security Operations",
    "Service Desk",
    "Finance Operations",
    "Risk and Compliance",
    "Customer Operations",
];

/// Service areas: display name and the slug used in component names.
pub const AREAS: &[(&str, &str)] = &[
    ("Payments", "payments"),
    ("Checkout", "checkout"),
    ("Customer Portal", "portal"),
    ("Ledger", "ledger"),
    ("Identity", "identity"),
    ("Reporting", "reporting"),
    ("Notifications", "notify"),
    ("Mobile App", "mobile"),
    ("Data Platform", "data"),
    ("Fraud Screening", "fraud"),
];

/// Component suffixes, their kind of configuration item, and what they do.
pub const COMPONENTS: &[(&str, &str, &str)] = &[
    ("api", "Application service", "REST API behind the edge gateway"),
    ("db", "Database", "PostgreSQL cluster with streaming replica"),
    ("worker", "Background service", "queue consumer for asynchronous jobs"),
    ("web", "Web application", "customer-facing web front end"),
    ("cache", "Cache cluster", "Redis cache for session and lookup data"),
    ("queue", "Message broker", "RabbitMQ vhost carrying domain events"),
    ("batch", "Batch job", "nightly batch run scheduled in Control-M"),
    ("lb", "Load balancer", "HAProxy pair terminating internal TLS"),
];

/// Site or cluster suffixes for repeated components.
pub const REGIONS: &[&str] = &["eu", "uk", "us", "apac", "edge", "int"];

/// A release type of the default policy.
pub struct TypeSpec {
    /// Name.
    pub name: &'static str,
    /// What it is for.
    pub description: &'static str,
    /// Expected frequency: at most this many…
    pub count: u32,
    /// …per this period.
    pub unit: FrequencyUnit,
    /// Emergency fast path.
    pub emergency: bool,
    /// Relative share of generated releases.
    pub weight: u32,
    /// Days of planning, (min, max).
    pub planning: (i32, i32),
    /// Days of build and test, (min, max).
    pub build: (i32, i32),
    /// Word used in release names.
    pub word: &'static str,
}

/// The seven default release types, in policy order (RT-1 … RT-7).
pub const TYPES: &[TypeSpec] = &[
    TypeSpec {
        name: "Major",
        description: "New capabilities or architecture changes; full regression and CAB approval.",
        count: 1,
        unit: FrequencyUnit::Quarter,
        emergency: false,
        weight: 6,
        planning: (21, 35),
        build: (28, 49),
        word: "major",
    },
    TypeSpec {
        name: "Minor",
        description: "Enhancements and grouped fixes on the regular release train.",
        count: 2,
        unit: FrequencyUnit::Month,
        emergency: false,
        weight: 24,
        planning: (10, 18),
        build: (14, 24),
        word: "minor",
    },
    TypeSpec {
        name: "Patch",
        description: "Scheduled bug fixes with no functional change.",
        count: 1,
        unit: FrequencyUnit::Week,
        emergency: false,
        weight: 28,
        planning: (4, 8),
        build: (6, 12),
        word: "patch",
    },
    TypeSpec {
        name: "Emergency",
        description: "Restores service or closes an active threat; ECAB fast path, approval may follow deployment.",
        count: 2,
        unit: FrequencyUnit::Month,
        emergency: true,
        weight: 5,
        planning: (0, 1),
        build: (1, 2),
        word: "emergency",
    },
    TypeSpec {
        name: "Security patch",
        description: "Vendor or in-house security fixes within the vulnerability SLA.",
        count: 2,
        unit: FrequencyUnit::Month,
        emergency: false,
        weight: 12,
        planning: (2, 5),
        build: (4, 8),
        word: "security",
    },
    TypeSpec {
        name: "Hotfix",
        description: "A single urgent fix to production outside the release train.",
        count: 1,
        unit: FrequencyUnit::Week,
        emergency: false,
        weight: 17,
        planning: (1, 3),
        build: (2, 4),
        word: "hotfix",
    },
    TypeSpec {
        name: "Service pack",
        description: "Cumulative bundle of patches and platform upgrades.",
        count: 2,
        unit: FrequencyUnit::Year,
        emergency: false,
        weight: 8,
        planning: (14, 28),
        build: (21, 35),
        word: "service pack",
    },
];

/// Index of the major type in [`TYPES`].
pub const MAJOR: usize = 0;
/// Index of the minor type in [`TYPES`].
pub const MINOR: usize = 1;
/// Index of the patch type in [`TYPES`].
pub const PATCH: usize = 2;
/// Index of the emergency type in [`TYPES`].
pub const EMERGENCY: usize = 3;
/// Index of the security-patch type in [`TYPES`].
pub const SECURITY: usize = 4;
/// Index of the hotfix type in [`TYPES`].
pub const HOTFIX: usize = 5;
/// Index of the service-pack type in [`TYPES`].
pub const SERVICE_PACK: usize = 6;

/// A lowercase e-mail local part from a name: "Amelia Hughes" → "amelia.hughes".
pub fn email(first: &str, last: &str, n: usize) -> String {
    let mut s = format!("{first}.{last}").to_lowercase();
    if n > 0 {
        s.push_str(&n.to_string());
    }
    s.push_str("@northwind.example");
    s
}

/// Lowercase hex of 32 random bytes, as a `sha256:` checksum.
pub fn checksum(words: [u64; 4]) -> String {
    let mut s = String::with_capacity(71);
    s.push_str("sha256:");
    for w in words {
        s.push_str(&format!("{w:016x}"));
    }
    s
}
