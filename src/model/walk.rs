//! Walking every entity of a book.

use super::{Book, Id};

/// Every id in the book, in file order.
pub fn all_ids(book: &Book) -> Vec<Id> {
    let mut out = Vec::new();
    let mut add = |id: &Id| out.push(id.clone());
    book.policy.release_types.iter().for_each(|t| add(&t.id));
    book.people.iter().for_each(|p| add(&p.id));
    for env in &book.environments {
        add(&env.id);
        env.maintenance_windows.iter().for_each(|w| add(&w.id));
    }
    book.blackouts.iter().for_each(|b| add(&b.id));
    book.config_items.iter().for_each(|c| add(&c.id));
    book.changes.iter().for_each(|c| add(&c.id));
    book.known_errors.iter().for_each(|k| add(&k.id));
    for r in &book.releases {
        add(&r.id);
        r.milestones.iter().for_each(|x| add(&x.id));
        r.deliverables.iter().for_each(|x| add(&x.id));
        r.affected_items.iter().for_each(|x| add(&x.id));
        for d in &r.deployments {
            add(&d.id);
            d.steps.iter().for_each(|x| add(&x.id));
        }
        r.criteria.iter().for_each(|x| add(&x.id));
        r.approvals.iter().for_each(|x| add(&x.id));
        r.go_no_go.votes.iter().for_each(|x| add(&x.id));
        r.communications.iter().for_each(|x| add(&x.id));
        r.agreements.iter().for_each(|x| add(&x.id));
        r.decisions.iter().for_each(|x| add(&x.id));
        r.actions.iter().for_each(|x| add(&x.id));
        r.review.incidents.iter().for_each(|x| add(&x.id));
        r.review.actions.iter().for_each(|x| add(&x.id));
    }
    book.risks.iter().for_each(|r| add(&r.id));
    out
}
