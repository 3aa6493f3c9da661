#include "server/cluster/lease_table.h"

#include <sodium.h>

namespace agentdesk::server::cluster {

namespace {

pg::Param number(std::uint64_t value) {
    return pg::Param(static_cast<long long>(value));
}

}  // namespace

std::string newLeaseInstance() {
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (const unsigned char b : bytes) {
        hex.push_back(digits[b >> 4]);
        hex.push_back(digits[b & 15]);
    }
    return hex;
}

LeaseTable::LeaseTable(pg::PgDb& db, std::string group, std::string node, std::string instance,
                       std::chrono::milliseconds ttl)
    : db_(db),
      group_(std::move(group)),
      node_(std::move(node)),
      instance_(std::move(instance)),
      ttl_(ttl) {}

LeaseState LeaseTable::acquireOrRenew(std::uint64_t heldEpoch) {
    // One statement: the row is locked from the check to the update, so of two nodes that find
    // the lease expired at the same moment only one gets it.
    // statement_timestamp() is one instant for the whole statement, so the renewal test in the
    // WHERE and in the SET cannot disagree.
    auto r = db_.exec(
        R"SQL(
INSERT INTO acd_leases AS l (routing_group, owner, owner_instance, epoch, expires_at, acquired_at)
VALUES ($1, $2, $3, 1, statement_timestamp() + $5 * interval '1 millisecond',
        statement_timestamp())
ON CONFLICT (routing_group) DO UPDATE SET
  owner = EXCLUDED.owner,
  owner_instance = EXCLUDED.owner_instance,
  epoch = CASE WHEN l.owner_instance = EXCLUDED.owner_instance AND l.epoch = $4
                    AND l.expires_at > statement_timestamp()
               THEN l.epoch ELSE l.epoch + 1 END,
  acquired_at = CASE WHEN l.owner_instance = EXCLUDED.owner_instance AND l.epoch = $4
                          AND l.expires_at > statement_timestamp()
                     THEN l.acquired_at ELSE statement_timestamp() END,
  expires_at = EXCLUDED.expires_at
WHERE (l.owner_instance = EXCLUDED.owner_instance AND l.epoch = $4
       AND l.expires_at > statement_timestamp())
   OR l.expires_at <= statement_timestamp()
RETURNING epoch)SQL",
        {group_, node_, instance_, number(heldEpoch), static_cast<long long>(ttl_.count())});
    if (r.rows() == 1)
        return {true, static_cast<std::uint64_t>(r.integer(0, 0)), node_};
    LeaseState other = current();
    other.held = false;  // another instance holds it, whatever its name
    return other;
}

void LeaseTable::release(std::uint64_t epoch) {
    db_.exec(
        "UPDATE acd_leases SET expires_at = clock_timestamp() "
        "WHERE routing_group = $1 AND owner = $2 AND epoch = $3",
        {group_, node_, number(epoch)});
}

LeaseState LeaseTable::current() {
    auto r = db_.exec(
        "SELECT owner, epoch, expires_at > clock_timestamp() FROM acd_leases "
        "WHERE routing_group = $1",
        {group_});
    if (r.rows() == 0)
        return {};
    const bool live = r.boolean(0, 2);
    LeaseState state;
    state.epoch = static_cast<std::uint64_t>(r.integer(0, 1));
    state.owner = live ? r.text(0, 0) : std::string();
    state.held = live && r.boolean(0, 3);
    return state;
}

void LeaseTable::holdEpoch(std::uint64_t epoch) {
    // FOR SHARE: a takeover's UPDATE of the row waits until this transaction ends.
    auto r = db_.exec("SELECT epoch FROM acd_leases WHERE routing_group = $1 FOR SHARE", {group_});
    const std::uint64_t now = r.rows() ? static_cast<std::uint64_t>(r.integer(0, 0)) : 0;
    if (now != epoch)
        throw LeaseLost("the ACD lease of " + group_ + " is at epoch " + std::to_string(now) +
                        ", not " + std::to_string(epoch) + ": another node took over");
}

}  // namespace agentdesk::server::cluster
