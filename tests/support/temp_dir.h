#pragma once
// A fresh directory under the system's temp dir (mkdtemp, so parallel tests never share one),
// removed with everything in it when the object goes, a failed REQUIRE included.
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace agentdesk::test {

struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& prefix = "agentdesk-test") {
        std::string pattern =
            (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (::mkdtemp(pattern.data()))
            path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        if (!path.empty())
            std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

}  // namespace agentdesk::test
