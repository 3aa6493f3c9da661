#pragma once
// /proc readers for benches that split CPU, memory and UDP drops between processes and threads.
#include <sys/types.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace agentdesk::bench::proc {

// CPU time of one task in ns: /proc/.../schedstat (ns resolution) when the kernel has it, else
// utime + stime from stat (clock ticks, 10 ms).
inline std::uint64_t taskCpuNs(const std::filesystem::path& taskDir) {
    std::ifstream sched(taskDir / "schedstat");
    std::uint64_t ns = 0;
    if (sched >> ns)
        return ns;
    std::ifstream stat(taskDir / "stat");
    const std::string text((std::istreambuf_iterator<char>(stat)),
                           std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return 0;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    std::uint64_t utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i == 14)
            utime = std::stoull(field);
        if (i == 15)
            stime = std::stoull(field);
    }
    return (utime + stime) * 1000000000ull / static_cast<std::uint64_t>(sysconf(_SC_CLK_TCK));
}

inline std::string taskName(const std::filesystem::path& taskDir) {
    std::ifstream comm(taskDir / "comm");
    std::string name;
    std::getline(comm, name);
    return name;
}

// CPU ns of every live thread of `pid`, by thread name (threads of one name are summed).
inline std::map<std::string, std::uint64_t> threadCpuNs(pid_t pid) {
    std::map<std::string, std::uint64_t> out;
    std::error_code ec;
    const std::filesystem::path dir = "/proc/" + std::to_string(pid) + "/task";
    for (const auto& task : std::filesystem::directory_iterator(dir, ec))
        out[taskName(task.path())] += taskCpuNs(task.path());
    return out;
}

// One thread's CPU time and how often it was switched out (voluntary: it blocked and later
// woke up; involuntary: preempted), by thread id.
struct TaskCounters {
    std::string name;
    std::uint64_t cpuNs = 0;
    std::uint64_t switches = 0;  // voluntary + involuntary context switches
};

inline std::map<pid_t, TaskCounters> taskCounters(pid_t pid) {
    std::map<pid_t, TaskCounters> out;
    std::error_code ec;
    const std::filesystem::path dir = "/proc/" + std::to_string(pid) + "/task";
    for (const auto& task : std::filesystem::directory_iterator(dir, ec)) {
        TaskCounters c;
        c.name = taskName(task.path());
        c.cpuNs = taskCpuNs(task.path());
        std::ifstream status(task.path() / "status");
        std::string line;
        while (std::getline(status, line)) {
            if (line.rfind("voluntary_ctxt_switches:", 0) == 0 ||
                line.rfind("nonvoluntary_ctxt_switches:", 0) == 0)
                c.switches += std::stoull(line.substr(line.find(':') + 1));
        }
        out[static_cast<pid_t>(std::stol(task.path().filename().string()))] = c;
    }
    return out;
}

// All live threads of `pid` together. Threads that have exited are no longer counted, so this
// is for windows in which the process keeps its threads.
inline std::uint64_t processCpuNs(pid_t pid) {
    std::uint64_t sum = 0;
    for (const auto& [name, ns] : threadCpuNs(pid))
        sum += ns;
    return sum;
}

// VmRSS in KiB, 0 when the process is gone.
inline long rssKiB(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    }
    return 0;
}

// Idle and stolen time of all cores together from /proc/stat, in clock ticks. Idle is
// accounted exactly by the kernel (not sampled by the tick like user/system), so busy time is
// best taken as wall time x cores - idle.
struct MachineCpu {
    std::uint64_t idle = 0, steal = 0;
};

inline MachineCpu machineCpu() {
    std::ifstream stat("/proc/stat");
    std::string cpu;
    std::uint64_t v[10] = {};
    stat >> cpu;
    for (auto& x : v)
        stat >> x;
    MachineCpu m;
    m.idle = v[3] + v[4];  // idle + iowait
    m.steal = v[7];
    return m;
}

// Socket inodes a process holds open (/proc/PID/fd/* -> "socket:[N]").
inline std::set<std::uint64_t> socketInodes(pid_t pid) {
    std::set<std::uint64_t> out;
    std::error_code ec;
    const std::filesystem::path dir = "/proc/" + std::to_string(pid) + "/fd";
    for (const auto& fd : std::filesystem::directory_iterator(dir, ec)) {
        const std::string target = std::filesystem::read_symlink(fd.path(), ec).string();
        if (!ec && target.rfind("socket:[", 0) == 0)
            out.insert(std::stoull(target.substr(8)));
    }
    return out;
}

// Datagrams the kernel dropped on each IPv4 UDP socket (the "drops" column of /proc/net/udp:
// receive buffer full, mostly), by socket inode.
inline std::map<std::uint64_t, std::uint64_t> udpDropsByInode() {
    std::map<std::uint64_t, std::uint64_t> out;
    std::ifstream in("/proc/net/udp");
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::istringstream f(line);
        std::vector<std::string> cols;
        std::string col;
        while (f >> col)
            cols.push_back(col);
        // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ref pointer drops
        if (cols.size() >= 13)
            out[std::stoull(cols[9])] = std::stoull(cols[12]);
    }
    return out;
}

// Sum of udpDropsByInode() over the given sockets.
inline std::uint64_t udpDrops(const std::map<std::uint64_t, std::uint64_t>& drops,
                              const std::set<std::uint64_t>& inodes) {
    std::uint64_t sum = 0;
    for (const std::uint64_t inode : inodes) {
        const auto it = drops.find(inode);
        if (it != drops.end())
            sum += it->second;
    }
    return sum;
}

// CPU clock ticks (utime + stime, all threads) and name of every process now, by pid: who else
// used the machine during a window.
struct ProcessTicks {
    std::string name;
    std::uint64_t ticks = 0;
};

inline std::map<pid_t, ProcessTicks> allProcessTicks() {
    std::map<pid_t, ProcessTicks> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
        const std::string pidText = entry.path().filename().string();
        if (pidText.empty() || pidText.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::ifstream stat(entry.path() / "stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        const auto open = text.find('(');
        const auto close = text.rfind(')');
        if (open == std::string::npos || close == std::string::npos || close < open)
            continue;
        std::istringstream fields(text.substr(close + 2));
        std::string field;
        std::uint64_t utime = 0, stime = 0;
        for (int i = 3; i <= 15 && fields >> field; ++i) {
            if (i == 14)
                utime = std::stoull(field);
            if (i == 15)
                stime = std::stoull(field);
        }
        out[static_cast<pid_t>(std::stol(pidText))] = {text.substr(open + 1, close - open - 1),
                                                       utime + stime};
    }
    return out;
}

}  // namespace agentdesk::bench::proc
