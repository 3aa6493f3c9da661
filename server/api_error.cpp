#include "server/api_error.h"

namespace agentdesk::server {

int httpStatus(ErrorCode code) {
    switch (code) {
        case ErrorCode::None:
            return 200;
        case ErrorCode::BadRequest:
            return 400;
        case ErrorCode::Unauthorized:
            return 401;
        case ErrorCode::Forbidden:
            return 403;
        case ErrorCode::NotFound:
            return 404;
        case ErrorCode::InvalidState:
            return 409;
        case ErrorCode::VersionConflict:
            return 409;
        case ErrorCode::PayloadTooLarge:
            return 413;
        case ErrorCode::ValidationFailed:
            return 422;
        case ErrorCode::Internal:
            return 500;
    }
    return 500;
}

const char* errorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::None:
            return "ok";
        case ErrorCode::BadRequest:
            return "bad_request";
        case ErrorCode::Unauthorized:
            return "unauthorized";
        case ErrorCode::Forbidden:
            return "forbidden";
        case ErrorCode::NotFound:
            return "not_found";
        case ErrorCode::InvalidState:
            return "invalid_state";
        case ErrorCode::VersionConflict:
            return "version_conflict";
        case ErrorCode::PayloadTooLarge:
            return "payload_too_large";
        case ErrorCode::ValidationFailed:
            return "validation_failed";
        case ErrorCode::Internal:
            return "internal";
    }
    return "internal";
}

nlohmann::json errorBody(const Outcome& outcome) {
    nlohmann::json error{{"code", errorCodeName(outcome.code)}, {"message", outcome.message}};
    if (!outcome.fields.empty()) {
        nlohmann::json fields = nlohmann::json::array();
        for (const auto& f : outcome.fields) {
            fields.push_back({{"field", f.field}, {"message", f.message}});
        }
        error["fields"] = std::move(fields);
    }
    return {{"error", std::move(error)}};
}

}  // namespace agentdesk::server
