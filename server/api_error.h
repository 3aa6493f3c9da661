#pragma once
// The error classes of docs/api.md 1.6, as the server answers them.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace agentdesk::server {

enum class ErrorCode {
    None,
    BadRequest,        // 400 bad_request
    Unauthorized,      // 401 unauthorized
    Forbidden,         // 403 forbidden
    NotFound,          // 404 not_found
    InvalidState,      // 409 invalid_state
    VersionConflict,   // 409 version_conflict
    PayloadTooLarge,   // 413 payload_too_large
    ValidationFailed,  // 422 validation_failed
    Internal,          // 500 internal
};

struct FieldError {
    std::string field;
    std::string message;
};

// Result of a command: empty code means success.
struct Outcome {
    ErrorCode code = ErrorCode::None;
    std::string message;
    std::vector<FieldError> fields;

    bool ok() const { return code == ErrorCode::None; }
    static Outcome success() { return {}; }
    static Outcome fail(ErrorCode c, std::string msg) { return {c, std::move(msg), {}}; }
};

int httpStatus(ErrorCode code);
const char* errorCodeName(ErrorCode code);
nlohmann::json errorBody(const Outcome& outcome);

}  // namespace agentdesk::server
