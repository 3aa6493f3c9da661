#pragma once
// One embedded file as the generated tables list it (resources/embed_table.cmake writes them,
// embedded.cpp reads them). A table ends with an entry whose name is null.
#include <cstdint>

namespace agentdesk::resources {

struct EmbeddedTableEntry {
    const char* name;  // the file's name, e.g. "card_lost.json"
    const char* data;  // its bytes, followed by a NUL that `size` does not count
    std::uint64_t size;
};

}  // namespace agentdesk::resources
