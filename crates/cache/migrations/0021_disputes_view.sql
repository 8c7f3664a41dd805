-- The Disputes view (trade and P2P disputes still being worked) gets its index in display
-- order like every other view: with two kinds, the by-kind index needed a sort of every
-- active dispute before the first page. (The condition must match `push_builtin` in list.rs.)
CREATE INDEX tickets_active_disputes ON tickets(updated_at DESC, id DESC)
    WHERE kind IN ('trade_dispute', 'p2p_dispute') AND status IN ('new', 'open', 'pending', 'on_hold');
