#pragma once
// Quality evaluations of calls, scored on the KSQI dimensions.
//
// Threads: not thread-safe; one thread per store object (the server's I/O thread).
#include <optional>
#include <string>
#include <vector>

#include "server/store/crm_records.h"

namespace agentdesk::server {

class EvaluationStore {
public:
    virtual ~EvaluationStore() = default;
    // Stores it under a new id; returns it with that id.
    virtual Evaluation addEvaluation(const Evaluation& evaluation) = 0;
    // Newest first; one agent's or everybody's.
    virtual std::vector<Evaluation> evaluations(const std::optional<std::string>& agentId) = 0;
};

}  // namespace agentdesk::server
