//! Which parts of each model type are fields, nested records and lists.
//!
//! This table is the only place that knows the model's shape for editing.
//! A field added to a model struct must be added here too; the
//! `every_field_is_reachable` test fails until it is.

use super::EditError;
use super::record::{Entity, List, Record, swap_ron, to_ron};
use crate::model::*;

macro_rules! record {
    ($ty:ty { fields: [$($f:ident),* $(,)?], children: [$($c:ident),* $(,)?], lists: [$($l:ident),* $(,)?] $(,)? }) => {
        impl Record for $ty {
            fn get_field(&self, name: &str) -> Result<String, EditError> {
                match name {
                    $(stringify!($f) => to_ron(&self.$f),)*
                    _ => Err(EditError::NoSuchField(name.to_owned())),
                }
            }
            #[allow(unused_variables, reason = "records without fields ignore the value")]
            fn set_field(&mut self, name: &str, value: &str) -> Result<String, EditError> {
                match name {
                    $(stringify!($f) => swap_ron(&mut self.$f, value),)*
                    _ => Err(EditError::NoSuchField(name.to_owned())),
                }
            }
            fn child(&self, name: &str) -> Option<&dyn Record> {
                match name {
                    $(stringify!($c) => Some(&self.$c as &dyn Record),)*
                    _ => None,
                }
            }
            fn child_mut(&mut self, name: &str) -> Option<&mut dyn Record> {
                match name {
                    $(stringify!($c) => Some(&mut self.$c as &mut dyn Record),)*
                    _ => None,
                }
            }
            fn list(&self, name: &str) -> Option<&dyn List> {
                match name {
                    $(stringify!($l) => Some(&self.$l as &dyn List),)*
                    _ => None,
                }
            }
            fn list_mut(&mut self, name: &str) -> Option<&mut dyn List> {
                match name {
                    $(stringify!($l) => Some(&mut self.$l as &mut dyn List),)*
                    _ => None,
                }
            }
        }
    };
}

macro_rules! entity {
    ($($ty:ty),* $(,)?) => {
        $(impl Entity for $ty {
            fn id(&self) -> &Id {
                &self.id
            }
        })*
    };
}

entity!(
    ReleaseType,
    Person,
    Environment,
    MaintenanceWindow,
    Blackout,
    ConfigItem,
    ChangeRequest,
    KnownError,
    Release,
    Milestone,
    Deliverable,
    AffectedItem,
    Deployment,
    RunbookStep,
    Criterion,
    Approval,
    Vote,
    Communication,
    Agreement,
    Decision,
    Incident,
    Action,
    Risk,
);

record!(Book {
    fields: [name, description],
    children: [policy],
    lists: [people, environments, blackouts, config_items, changes, known_errors, releases, risks],
});
record!(Policy { fields: [naming_convention, risk, gates], children: [], lists: [release_types] });
record!(ReleaseType { fields: [name, description, expected_frequency, emergency], children: [], lists: [] });
record!(Person { fields: [name, email, team, roles], children: [], lists: [] });
record!(Environment { fields: [name, kind, description], children: [], lists: [maintenance_windows] });
record!(MaintenanceWindow { fields: [name], children: [window], lists: [] });
record!(Window { fields: [start, end, zone, repeat, until], children: [], lists: [] });
record!(Blackout { fields: [name, reason, scope, source_uid], children: [window], lists: [] });
record!(ConfigItem { fields: [name, kind, version, owner, description], children: [], lists: [] });
record!(ChangeRequest {
    fields: [rfc, title, description, risk, risk_assessment, impact_assessment, authority, authorisation],
    children: [],
    lists: [],
});
record!(KnownError { fields: [reference, title, kind, description, workaround, status], children: [], lists: [] });
record!(Release {
    fields: [name, version, release_type, priority, phase, owner, summary, baseline_recorded_on],
    children: [phases, scope, go_no_go, backout, review],
    lists: [
        milestones,
        deliverables,
        affected_items,
        deployments,
        criteria,
        approvals,
        communications,
        agreements,
        decisions,
        actions
    ],
});
record!(PhasePlan { fields: [], children: [planning, build_and_test, deployment, review_and_close], lists: [] });
record!(PhaseDates { fields: [planned_start, planned_end, actual_start, actual_end], children: [], lists: [] });
record!(Scope { fields: [changes, resolves, ships_with, notes], children: [], lists: [] });
record!(Milestone { fields: [name, date, done], children: [], lists: [] });
record!(Deliverable { fields: [name, version, dml_location, checksum], children: [], lists: [] });
record!(AffectedItem { fields: [config_item, baseline_version, target_version], children: [], lists: [] });
record!(Deployment {
    fields: [name, environment, method, config_items, blackout_exception],
    children: [window],
    lists: [steps],
});
record!(RunbookStep { fields: [title, owner, duration_minutes, depends_on, notes, done], children: [], lists: [] });
record!(Criterion { fields: [description, status, evidence], children: [], lists: [] });
record!(Approval { fields: [person, role, decision, at, note], children: [], lists: [] });
record!(GoNoGo { fields: [scheduled, verdict, signed_by, signed_at, notes], children: [], lists: [votes] });
record!(Vote { fields: [person, verdict, note, at], children: [], lists: [] });
record!(BackoutPlan { fields: [plan, trigger, duration_minutes, tested, tested_on], children: [], lists: [] });
record!(Communication { fields: [audience, channel, date, message, sent], children: [], lists: [] });
record!(Agreement { fields: [stakeholder, agreed, on, note], children: [], lists: [] });
record!(Decision {
    fields: [kind, title, rationale, decided_by, role, decided_at, informed, outcome],
    children: [],
    lists: [],
});
record!(Review { fields: [outcome, conclusions, completed_on], children: [], lists: [incidents, actions] });
record!(Incident { fields: [reference, title, raised_on], children: [], lists: [] });
record!(Action { fields: [title, owner, due, done], children: [], lists: [] });
record!(Risk {
    fields: [
        title,
        description,
        category,
        cause,
        consequence,
        controls,
        likelihood,
        impact,
        treatment,
        actions,
        residual_likelihood,
        residual_impact,
        owner,
        status,
        due,
        next_review,
        releases,
    ],
    children: [],
    lists: [],
});
