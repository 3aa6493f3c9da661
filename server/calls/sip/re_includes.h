#pragma once
// The libre/librem headers in one place: C headers without extern "C" guards of their own that
// need HAVE_INTTYPES_H and HAVE_STDBOOL_H (set by the CMake target; without the latter libre
// #defines bool, true and false, which breaks any C++ after it). Only .cpp files and private
// headers include this; the public sip_engine.h stays free of libre types.
extern "C" {
// The umbrella headers: libre's individual headers only compile in this order.
#include <re.h>
#include <rem.h>
}

#include <string>

namespace agentdesk::server::sip {

// A libre pointer-length string as std::string (empty when unset).
inline std::string plString(const pl& p) {
    return (p.p && p.l) ? std::string(p.p, p.l) : std::string();
}

// "ip:port" of a socket address, for logs and InboundCall::remoteAddr.
inline std::string saString(const sa& a) {
    char buf[64] = {};
    if (sa_ntop(&a, buf, sizeof(buf)) != 0) {
        return "?";
    }
    return std::string(buf) + ":" + std::to_string(sa_port(&a));
}

}  // namespace agentdesk::server::sip
