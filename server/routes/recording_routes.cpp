// GET /calls/{id}/recording: a call's stereo WAV recording (caller left, agent right) for team
// leads and trainers, audited, with single byte-range requests (players seek with them).
#include <fstream>
#include <sstream>

#include "server/routes/api_routes.h"

namespace agentdesk::server {

namespace {

struct ByteRange {
    std::uint64_t first = 0;
    std::uint64_t last = 0;  // inclusive
};

// RFC 9110 §14.1.2 for one range: "bytes=F-L", "bytes=F-", "bytes=-N". nullopt with *bad set
// when the header cannot be satisfied; nullopt without it when there is no usable header
// (several ranges are answered with the whole file, which the RFC allows).
std::optional<ByteRange> parseRange(const std::string& header, std::uint64_t size, bool* bad) {
    *bad = false;
    const std::string prefix = "bytes=";
    if (header.rfind(prefix, 0) != 0 || header.find(',') != std::string::npos)
        return std::nullopt;
    const std::string spec = header.substr(prefix.size());
    const auto dash = spec.find('-');
    if (dash == std::string::npos)
        return std::nullopt;
    auto number = [](const std::string& s, std::uint64_t* out) {
        if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
            return false;
        *out = std::stoull(s);
        return true;
    };
    const std::string a = spec.substr(0, dash);
    const std::string b = spec.substr(dash + 1);
    ByteRange r;
    std::uint64_t n = 0;
    if (a.empty()) {
        if (!number(b, &n) || n == 0 || size == 0) {
            *bad = true;
            return std::nullopt;
        }
        r.first = n >= size ? 0 : size - n;
        r.last = size - 1;
        return r;
    }
    if (!number(a, &r.first) || r.first >= size) {
        *bad = true;
        return std::nullopt;
    }
    r.last = size - 1;
    if (!b.empty()) {
        if (!number(b, &n) || n < r.first) {
            *bad = true;
            return std::nullopt;
        }
        r.last = std::min(n, size - 1);
    }
    return r;
}

void download(RouteContext& ctx, ApiCall& call) {
    const std::string callId = call.param("id");
    const auto path = ctx.recordingPath ? ctx.recordingPath(callId) : std::nullopt;
    if (!path)
        return respondError(call.ex, ErrorCode::NotFound, "no recording of this call");
    std::ifstream in(*path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string data = std::move(buffer).str();
    if (!in && !in.eof())
        return respondError(call.ex, ErrorCode::Internal, "the recording cannot be read");
    ctx.writes.push("audit row of a recording of call " + callId,
                    [userId = call.user().id, callId, at = ctx.clock.now()](CrmStore& s) {
                        s.audit(userId, s.customerOfCall(callId).value_or(""),
                                "listen_recording:" + callId, at);
                    });
    http::Response r;
    r.contentType = "audio/wav";
    r.headers.push_back({"Accept-Ranges", "bytes"});
    bool bad = false;
    const auto range = parseRange(call.req.header("range"), data.size(), &bad);
    if (bad) {
        r.status = 416;
        r.headers.push_back({"Content-Range", "bytes */" + std::to_string(data.size())});
        r.body.clear();
        return call.ex->respond(std::move(r));
    }
    if (range) {
        r.status = 206;
        r.headers.push_back({"Content-Range", "bytes " + std::to_string(range->first) + "-" +
                                                  std::to_string(range->last) + "/" +
                                                  std::to_string(data.size())});
        r.body = data.substr(range->first, range->last - range->first + 1);
    } else {
        r.body = std::move(data);
    }
    call.ex->respond(std::move(r));
}

}  // namespace

std::vector<ApiRoute> recordingRoutes() {
    return {
        {"GET", "/api/v1/calls/{id}/recording", supervisors(), download},
    };
}

}  // namespace agentdesk::server
