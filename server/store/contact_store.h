#pragma once
// Contacts and what is written about them: interactions (one per call leg), notes with their
// idempotency keys and versions, wrap-up codes, and agent assist's record of each call leg.
//
// Threads: not thread-safe; one thread per store object (the server's I/O thread).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/store/crm_records.h"

namespace agentdesk::server {

class ContactStore {
public:
    virtual ~ContactStore() = default;

    // A customer's contacts started before `before` (all when unset), newest first.
    virtual InteractionPage interactions(const std::string& customerId,
                                         std::optional<TimePoint> before, int limit) = 0;
    virtual void recordInteraction(const InteractionRecord& record) = 0;
    // The wrap-up of one agent's leg of a call (a transferred call has one leg per agent).
    virtual void setInteractionWrapup(const std::string& callId, const std::string& agentId,
                                      const std::string& code,
                                      const std::optional<std::string>& noteId) = 0;
    // The customer a call was with (from its recorded interaction); nullopt when unknown.
    virtual std::optional<std::string> customerOfCall(const std::string& callId) = 0;

    struct NoteCreated {
        Note note;
        bool created = false;  // false: the idempotency key was seen before
    };
    // authorOnCall: the author is still on (or wrapping up) that call, so the note waits for
    // the author's own leg to be recorded instead of joining another agent's leg.
    virtual NoteCreated createNote(const Note& draft, bool authorOnCall) = 0;
    enum class NoteUpdate { Updated, NotFound, Conflict };
    virtual std::pair<NoteUpdate, Note> updateNote(const std::string& id, const std::string& text,
                                                   const std::string& wrapupCode,
                                                   int expectedVersion, TimePoint now) = 0;
    virtual std::optional<Note> note(const std::string& id) = 0;

    virtual std::vector<WrapupCode> wrapupCodes() = 0;  // in the center's order
    virtual bool wrapupCodeExists(const std::string& code) = 0;

    // Agent assist: a call leg's transcript and drafted note (a later leg of the same call by
    // the same agent replaces it); the newest record of a call.
    virtual void saveCallAssist(const CallAssistRecord& record) = 0;
    virtual std::optional<CallAssistRecord> callAssist(const std::string& callId) = 0;
};

}  // namespace agentdesk::server
