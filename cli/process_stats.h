#pragma once
// CPU time and memory of this process, for the load figures agentdesk-cli prints.

namespace agentdesk::cli {

struct ProcessStats {
    double cpuSeconds = 0;  // user + system
    double rssMiB = 0;      // resident now
    double peakRssMiB = 0;  // high-water mark
};

ProcessStats readProcessStats();

}  // namespace agentdesk::cli
