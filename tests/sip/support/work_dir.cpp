#include "tests/sip/support/work_dir.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

#include <unistd.h>

namespace agentdesk::siptest {
namespace {

std::mutex& rootMutex() {
    static std::mutex mutex;
    return mutex;
}

std::filesystem::path& rootPath() {
    static std::filesystem::path root;
    return root;
}

}  // namespace

std::filesystem::path workRoot() {
    const std::lock_guard lock(rootMutex());
    auto& root = rootPath();
    if (root.empty()) {
        char tmpl[] = "/tmp/agentdesk-sip-XXXXXX";
        if (!::mkdtemp(tmpl))
            throw std::runtime_error("mkdtemp failed for the SIP test work root");
        root = tmpl;
    }
    return root;
}

std::filesystem::path makeRunDir(const std::string& name) {
    const auto root = workRoot();
    for (int n = 1;; ++n) {
        auto dir = root / (name + "-" + std::to_string(n));
        if (std::filesystem::create_directory(dir))
            return dir;
    }
}

void finishWorkRoot(bool success) {
    const std::lock_guard lock(rootMutex());
    const auto& root = rootPath();
    if (root.empty())
        return;
    if (success && !std::getenv("AGENTDESK_SIPTEST_KEEP")) {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
        return;
    }
    std::fprintf(stderr, "SIP test artifacts (configs, logs, recordings) kept in %s\n",
                 root.c_str());
}

}  // namespace agentdesk::siptest
