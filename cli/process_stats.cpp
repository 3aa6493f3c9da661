#include "cli/process_stats.h"

#include <sys/resource.h>

#include <fstream>
#include <string>

namespace agentdesk::cli {

ProcessStats readProcessStats() {
    ProcessStats s;
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) {
        s.cpuSeconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    }
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        // "VmRSS:     12345 kB"
        const auto kib = [&line] { return std::stod(line.substr(line.find(':') + 1)) / 1024.0; };
        if (line.rfind("VmRSS:", 0) == 0)
            s.rssMiB = kib();
        else if (line.rfind("VmHWM:", 0) == 0)
            s.peakRssMiB = kib();
    }
    return s;
}

}  // namespace agentdesk::cli
