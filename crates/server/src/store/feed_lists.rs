//! What a team scope sees of the feed, worked out once and shared by every desk of the team.
//!
//! A desk's initial sync used to scan the whole feed, testing each row against the desk's
//! scope; a shift starting at once made the database do that scan once per desk. Most of
//! what a desk sees it sees through its teams (their queues, what is raised to them, their
//! customers), which every agent of the same teams shares: that list of sequence numbers is
//! kept here, built by one scan up to the feed's head at the time. The agent's own rows
//! (assigned, private drafts, customers of assigned tickets) come from indexes, once per
//! desk and list. A page is then a merge of the two in memory; rows above the list's head
//! are read from the database as before.
//!
//! Rows are only ever added at the head, never changed, so a kept list misses nothing below
//! its head. It may name rows that left the feed since (superseded or compacted); a page
//! skips those, told by what was recorded above the list's head (`Moved`), so a page from a
//! list asks the database only for its head, the horizon and payloads not in memory. One rule is judged at
//! build time: which customers the teams' tickets belong to. A ticket that moves re-records
//! its customer under a new sequence number, above the list; a new ticket of a customer the
//! team did not see yet shows the customer to fresh desks from the next list on (lists older
//! than `STALE_AFTER` are built again when a sync asks for them).

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arbiter_contract::EntityKind;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::rows::bind;
use super::scope::{CustomerRule, Visibility};
use crate::db::Db;

/// The most of the budget one caller's own rows may take (a normal desk's are thousands of
/// rows, well under it).
const OWN_SHARE: u64 = 32;

/// How long a list serves before a sync asking for it builds it again (when the feed moved).
const STALE_AFTER: Duration = Duration::from_secs(30);

/// One feed row as a list keeps it: enough to tell, without the database, whether the row
/// is still in the feed (see `Moved`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListedRow {
    pub seq: i64,
    pub id: i64,
    pub kind: EntityKind,
    pub tombstone: bool,
}

/// One scope's rows up to `head`, ascending by sequence number.
#[derive(Debug)]
pub struct SeqList {
    pub head: i64,
    rows: Arc<[ListedRow]>,
    built: Instant,
}

impl SeqList {
    /// The rows after `after`, ascending.
    pub fn after(&self, after: i64) -> &[ListedRow] {
        &self.rows[self.rows.partition_point(|row| row.seq <= after)..]
    }

    fn bytes(&self) -> u64 {
        self.rows.len() as u64 * std::mem::size_of::<ListedRow>() as u64 + 64
    }
}

/// What left the feed since a list's head, as seen in one snapshot. A row leaves the feed
/// only in two ways (`store::feed`): a live row when its entity is recorded again (a newer
/// state or a deleting tombstone, always above the head), and a tombstone when compaction
/// drops every tombstone up to the new horizon.
pub struct Moved {
    horizon: i64,
    recorded_again: HashSet<(EntityKind, i64)>,
}

impl Moved {
    /// Whether a listed row is still in the feed.
    pub fn keeps(&self, row: &ListedRow) -> bool {
        if row.tombstone {
            row.seq > self.horizon
        } else {
            !self.recorded_again.contains(&(row.kind, row.id))
        }
    }
}

#[derive(Default)]
struct Slot {
    list: Option<Arc<SeqList>>,
    /// The scope's list came out bigger than the whole budget: its pages are read from the
    /// database from then on (the feed only grows), instead of a list built for every page.
    too_big: bool,
    /// Held while the list is built, so a herd builds it once.
    building: Arc<tokio::sync::Mutex<()>>,
}

/// The kept lists: per team scope, and each caller's own rows per team list.
pub struct FeedLists {
    budget: u64,
    /// By (list head, feed head, horizon): the same for every desk reading in that state.
    moved: quick_cache::sync::Cache<(i64, i64, i64), Arc<Moved>>,
    teams: Mutex<HashMap<Vec<String>, Slot>>,
    own: quick_cache::sync::Cache<(u64, i64), Arc<SeqList>, ListWeight>,
    /// Callers (by `own_key`) whose own rows are too many to keep: a supervisor over every
    /// team has most of the feed as "own" (their members' tickets); their pages are read
    /// from the database rather than those rows read again for every page.
    own_too_big: Mutex<HashSet<u64>>,
    /// Team lists built so far (figures and tests).
    builds: AtomicU64,
}

#[derive(Clone)]
struct ListWeight;

impl quick_cache::Weighter<(u64, i64), Arc<SeqList>> for ListWeight {
    fn weight(&self, _: &(u64, i64), list: &Arc<SeqList>) -> u64 {
        list.bytes()
    }
}

/// A team scope's key: its teams, sorted, once each.
fn team_key(who: &Visibility) -> Vec<String> {
    let mut key = who.teams.clone();
    key.sort();
    key.dedup();
    key
}

impl FeedLists {
    /// Keeps up to `bytes` of team lists and as much again of own rows (0: none; every page
    /// is then read from the database alone).
    pub fn new(bytes: u64) -> Self {
        Self {
            budget: bytes,
            teams: Mutex::default(),
            moved: quick_cache::sync::Cache::new(64),
            own: quick_cache::sync::Cache::with_weighter(1024, bytes.max(1), ListWeight),
            own_too_big: Mutex::default(),
            builds: AtomicU64::new(0),
        }
    }

    /// Team lists built so far (figures and tests).
    pub fn builds(&self) -> u64 {
        self.builds.load(Ordering::Relaxed)
    }

    /// Team scopes whose list did not fit the budget, and callers whose own rows did not
    /// (figures and tests).
    pub fn too_big(&self) -> (usize, usize) {
        let teams = self.teams.lock().expect("not poisoned").values().filter(|slot| slot.too_big).count();
        (teams, self.own_too_big.lock().expect("not poisoned").len())
    }

    /// How a page read from the database should decide customer rows for `who`: once per
    /// query, unless their scope was found too wide to keep (then each row's customer by
    /// index, which costs the page rather than the scope).
    pub fn customer_rule(&self, who: &Visibility) -> CustomerRule {
        let wide_team = !who.teams.is_empty() && {
            let teams = self.teams.lock().expect("not poisoned");
            teams.get(&team_key(who)).is_some_and(|slot| slot.too_big)
        };
        if wide_team || self.own_too_big.lock().expect("not poisoned").contains(&who.own_key()) {
            CustomerRule::PerRow
        } else {
            CustomerRule::Once
        }
    }

    /// Bytes kept (figures and tests).
    pub fn weight(&self) -> u64 {
        let teams = self.teams.lock().expect("not poisoned");
        teams.values().filter_map(|s| s.list.as_ref()).map(|l| l.bytes()).sum::<u64>() + self.own.weight()
    }

    /// The team list for a page after `after`, when one helps: not for a caller without
    /// teams, nor for a page above the kept list's head (a desk following the feed), which
    /// the database answers from the index as cheaply.
    pub async fn team_list(&self, db: &Db, who: &Visibility, after: i64) -> Result<Option<Arc<SeqList>>, sqlx::Error> {
        if self.budget == 0 || who.teams.is_empty() {
            return Ok(None);
        }
        let key = team_key(who);
        let (kept, too_big, building) = self.kept(&key);
        if too_big {
            return Ok(None);
        }
        let _building = match kept {
            Some(list) if after >= list.head => return Ok(None),
            Some(list) if list.built.elapsed() < STALE_AFTER => return Ok(Some(list)),
            // Stale: one caller builds it again while the others go on with it.
            Some(list) => match building.try_lock_owned() {
                Ok(guard) => guard,
                Err(_) => return Ok(Some(list)),
            },
            // None yet: the first caller builds it, the herd behind waits for it.
            None => {
                let guard = building.lock_owned().await;
                match self.kept(&key) {
                    (_, true, _) => return Ok(None),
                    (Some(list), _, _) => return Ok((after < list.head).then_some(list)),
                    (None, false, _) => guard,
                }
            }
        };
        let old = self.kept(&key).0;
        let list = Arc::new(build_team_list(db, who, old.as_deref()).await?);
        self.builds.fetch_add(1, Ordering::Relaxed);
        if !self.keep(key, list.clone()) {
            return Ok(None);
        }
        Ok((after < list.head).then_some(list))
    }

    fn kept(&self, key: &[String]) -> (Option<Arc<SeqList>>, bool, Arc<tokio::sync::Mutex<()>>) {
        let mut teams = self.teams.lock().expect("not poisoned");
        let slot = teams.entry(key.to_vec()).or_default();
        (slot.list.clone(), slot.too_big, slot.building.clone())
    }

    /// Keeps `list`, dropping the oldest other lists beyond the budget; false (and the scope
    /// marked) when the list alone is over the budget.
    fn keep(&self, key: Vec<String>, list: Arc<SeqList>) -> bool {
        let mut teams = self.teams.lock().expect("not poisoned");
        if list.bytes() > self.budget {
            tracing::info!(
                teams = ?key,
                rows = list.rows.len(),
                budget_mib = self.budget / (1024 * 1024),
                "a team list is over the feed cache's budget: this scope's pages are read from the database"
            );
            let slot = teams.entry(key).or_default();
            slot.list = None;
            slot.too_big = true;
            return false;
        }
        teams.entry(key.clone()).or_default().list = Some(list);
        loop {
            let used: u64 = teams.values().filter_map(|s| s.list.as_ref()).map(|l| l.bytes()).sum();
            if used <= self.budget {
                return true;
            }
            let oldest = teams
                .iter()
                .filter(|(k, _)| **k != key)
                .filter_map(|(k, s)| s.list.as_ref().map(|l| (k.clone(), l.built)))
                .min_by_key(|(_, built)| *built);
            match oldest {
                Some((k, _)) => teams.get_mut(&k).expect("just seen").list = None,
                None => return true,
            }
        }
    }

    /// What left the feed since `list_head`, in the snapshot `conn` reads (`head` and
    /// `horizon` as it sees them).
    pub async fn moved_since(
        &self,
        conn: &mut AnyConnection,
        list_head: i64,
        head: i64,
        horizon: i64,
    ) -> Result<Arc<Moved>, sqlx::Error> {
        let key = (list_head, head, horizon);
        if let Some(moved) = self.moved.get(&key) {
            return Ok(moved);
        }
        let moved = Arc::new(moved_since(conn, key.0, key.1, key.2).await?);
        self.moved.insert(key, moved.clone());
        Ok(moved)
    }

    /// The caller's own rows up to `head` (the team list's), read in the page's snapshot
    /// once per desk and list; none when they were found too many to keep (the page is then
    /// read from the database, rather than these rows on every page).
    pub async fn own_rows(
        &self,
        conn: &mut AnyConnection,
        who: &Visibility,
        head: i64,
    ) -> Result<Option<Arc<SeqList>>, sqlx::Error> {
        let key = (who.own_key(), head);
        if let Some(list) = self.own.get(&key) {
            return Ok(Some(list));
        }
        if self.own_too_big.lock().expect("not poisoned").contains(&key.0) {
            return Ok(None);
        }
        let (conditions, args) = who.own_conditions(1);
        // One branch per index; UNION drops the rows two of them find.
        let sql = conditions
            .iter()
            .map(|condition| format!("SELECT {LISTED} FROM changes c WHERE c.seq <= $1 AND {condition}"))
            .collect::<Vec<_>>()
            .join(" UNION ");
        let mut query = sqlx::query(&sql).bind(head);
        for value in args {
            query = bind(query, value);
        }
        let mut rows: Vec<ListedRow> = query.fetch_all(conn).await?.iter().map(listed).collect::<Result<_, _>>()?;
        rows.sort_unstable_by_key(|row| row.seq);
        let list = Arc::new(SeqList { head, rows: rows.into(), built: Instant::now() });
        // A desk's share: the cache splits its weight over shards and drops an item heavier
        // than one, silently.
        if list.bytes() <= self.budget / OWN_SHARE {
            self.own.insert(key, list.clone());
        }
        if self.own.get(&key).is_none() {
            tracing::info!(
                agent = who.agent_id,
                rows = list.rows.len(),
                "own rows too many to keep: pages from the database"
            );
            self.own_too_big.lock().expect("not poisoned").insert(key.0);
        }
        Ok(Some(list))
    }
}

/// One scan of the feed for what the caller's teams see, in one snapshot (none when the
/// feed has not moved since `old`).
async fn build_team_list(db: &Db, who: &Visibility, old: Option<&SeqList>) -> Result<SeqList, sqlx::Error> {
    let mut tx = db.begin_read().await?;
    let head: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM changes").fetch_one(&mut *tx).await?;
    if let Some(old) = old.filter(|old| old.head == head) {
        return Ok(SeqList { head, rows: old.rows.clone(), built: Instant::now() });
    }
    let (condition, args) = who.team_condition(1);
    let sql = format!("SELECT {LISTED} FROM changes c WHERE c.seq <= $1 AND {condition} ORDER BY c.seq");
    let mut query = sqlx::query(&sql).bind(head);
    for value in args {
        query = bind(query, value);
    }
    let rows: Vec<ListedRow> = query.fetch_all(&mut *tx).await?.iter().map(listed).collect::<Result<_, _>>()?;
    tx.commit().await?;
    Ok(SeqList { head, rows: rows.into(), built: Instant::now() })
}

/// The columns a `ListedRow` is read from.
const LISTED: &str = "c.seq, c.entity_kind, c.entity_id, c.tombstone";

fn listed(row: &AnyRow) -> Result<ListedRow, sqlx::Error> {
    let kind: &str = row.try_get(1)?;
    Ok(ListedRow {
        seq: row.try_get(0)?,
        kind: entity_kind(kind)?,
        id: row.try_get(2)?,
        tombstone: row.try_get::<i64, _>(3)? != 0,
    })
}

fn entity_kind(name: &str) -> Result<EntityKind, sqlx::Error> {
    EntityKind::ALL
        .into_iter()
        .find(|kind| kind.as_str() == name)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown entity kind {name:?} in the feed").into()))
}

/// What left the feed since `list_head`, in the snapshot `conn` reads (`head` its newest
/// row, `horizon` its compaction horizon): every entity recorded above `list_head`.
async fn moved_since(conn: &mut AnyConnection, list_head: i64, head: i64, horizon: i64) -> Result<Moved, sqlx::Error> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT entity_kind, entity_id FROM changes WHERE seq > $1 AND seq <= $2")
            .bind(list_head)
            .bind(head)
            .fetch_all(&mut *conn)
            .await?;
    let recorded_again =
        rows.iter().map(|(kind, id)| Ok((entity_kind(kind)?, *id))).collect::<Result<_, sqlx::Error>>()?;
    Ok(Moved { horizon, recorded_again })
}

/// The union of two lists ascending by sequence number, ascending, each row once.
pub fn merged<'a>(a: &'a [ListedRow], b: &'a [ListedRow]) -> impl Iterator<Item = ListedRow> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        let next = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.seq == y.seq => {
                i += 1;
                j += 1;
                *x
            }
            (Some(x), Some(y)) if x.seq < y.seq => {
                i += 1;
                *x
            }
            (_, Some(y)) => {
                j += 1;
                *y
            }
            (Some(x), None) => {
                i += 1;
                *x
            }
            (None, None) => return None,
        };
        Some(next)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(seq: i64) -> ListedRow {
        ListedRow { seq, id: seq * 10, kind: EntityKind::Ticket, tombstone: false }
    }

    fn seqs(rows: impl Iterator<Item = ListedRow>) -> Vec<i64> {
        rows.map(|r| r.seq).collect()
    }

    #[test]
    fn merging_keeps_order_and_drops_repeats() {
        let (a, b): (Vec<_>, Vec<_>) = ([1, 4, 5, 9].map(row).to_vec(), [2, 4, 10].map(row).to_vec());
        assert_eq!(seqs(merged(&a, &b)), vec![1, 2, 4, 5, 9, 10]);
        assert_eq!(seqs(merged(&[], &[row(3)])), vec![3]);
        assert_eq!(seqs(merged(&[row(3)], &[])), vec![3]);
    }

    #[test]
    fn a_list_slices_after_a_cursor() {
        let list = SeqList { head: 9, rows: [2, 5, 9].map(row).to_vec().into(), built: Instant::now() };
        assert_eq!(seqs(list.after(0).iter().copied()), vec![2, 5, 9]);
        assert_eq!(seqs(list.after(5).iter().copied()), vec![9]);
        assert!(list.after(9).is_empty());
    }

    #[test]
    fn rows_leave_when_recorded_again_or_compacted() {
        let moved = Moved { horizon: 4, recorded_again: HashSet::from([(EntityKind::Ticket, 50)]) };
        assert!(!moved.keeps(&row(5)), "ticket 50 was recorded again above the list");
        assert!(moved.keeps(&row(6)));
        let tombstone = |seq| ListedRow { tombstone: true, ..row(seq) };
        assert!(!moved.keeps(&tombstone(4)), "compacted up to the horizon");
        assert!(moved.keeps(&tombstone(5)), "a tombstone stays however often its entity is recorded");
    }
}
