#include "server/store/field_cipher.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

namespace agentdesk::server {
namespace {

constexpr std::string_view kPrefix = "sb1:";

void initSodium() {
    static const bool ok = sodium_init() >= 0;
    if (!ok)
        throw std::runtime_error("libsodium could not be initialised");
}

std::string errnoText() {
    return std::strerror(errno);
}

}  // namespace

FieldCipher::FieldCipher() : key_(crypto_secretbox_KEYBYTES, '\0') {
    initSodium();
}

FieldCipher FieldCipher::ephemeral() {
    FieldCipher cipher;
    randombytes_buf(cipher.key_.data(), cipher.key_.size());
    return cipher;
}

FieldCipher FieldCipher::forDatabase(const std::string& keyFile, const std::string& dbPath) {
    if (!keyFile.empty())
        return fromKeyFile(keyFile);
    if (dbPath == ":memory:")
        return ephemeral();
    const auto dir = std::filesystem::path(dbPath).parent_path();
    return fromKeyFile(((dir.empty() ? std::filesystem::path(".") : dir) / "server.key").string());
}

FieldCipher FieldCipher::fromKeyFile(const std::string& path) {
    FieldCipher cipher;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        // First start: a new key, written to a file only the owner can read.
        randombytes_buf(cipher.key_.data(), cipher.key_.size());
        const int out = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (out < 0)
            throw std::runtime_error("cannot create the key file " + path + ": " + errnoText());
        const auto written = ::write(out, cipher.key_.data(), cipher.key_.size());
        const bool synced = ::fsync(out) == 0;
        ::close(out);
        if (written != static_cast<ssize_t>(cipher.key_.size()) || !synced) {
            ::unlink(path.c_str());
            throw std::runtime_error("cannot write the key file " + path);
        }
        return cipher;
    }
    if (fd < 0)
        throw std::runtime_error("cannot read the key file " + path + ": " + errnoText());
    struct stat st {};
    if (::fstat(fd, &st) != 0 || (st.st_mode & 077) != 0) {
        ::close(fd);
        throw std::runtime_error("the key file " + path +
                                 " is readable by others; make it private (chmod 600)");
    }
    std::vector<char> buffer(cipher.key_.size() + 1);
    const auto got = ::read(fd, buffer.data(), buffer.size());
    ::close(fd);
    if (got != static_cast<ssize_t>(cipher.key_.size()))
        throw std::runtime_error("the key file " + path + " is not an AgentDesk key (" +
                                 std::to_string(crypto_secretbox_KEYBYTES) + " bytes expected)");
    cipher.key_.assign(buffer.data(), cipher.key_.size());
    return cipher;
}

std::string FieldCipher::seal(std::string_view plain) const {
    std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(box.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), nonce,
                          reinterpret_cast<const unsigned char*>(key_.data()));
    std::string encoded(
        sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL_NO_PADDING), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), nonce, box.size(),
                      sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
    encoded.resize(std::strlen(encoded.c_str()));
    return std::string(kPrefix) + encoded;
}

std::optional<std::string> FieldCipher::open(std::string_view sealed) const {
    if (!isSealed(sealed))
        return std::nullopt;
    const std::string_view encoded = sealed.substr(kPrefix.size());
    std::string box(encoded.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), encoded.data(),
                          encoded.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL_NO_PADDING) != 0 ||
        length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
        return std::nullopt;
    const auto* nonce = reinterpret_cast<const unsigned char*>(box.data());
    const std::size_t cipherLength = length - crypto_secretbox_NONCEBYTES;
    std::string plain(cipherLength - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                   nonce + crypto_secretbox_NONCEBYTES, cipherLength, nonce,
                                   reinterpret_cast<const unsigned char*>(key_.data())) != 0)
        return std::nullopt;
    return plain;
}

bool FieldCipher::isSealed(std::string_view value) {
    return value.substr(0, kPrefix.size()) == kPrefix;
}

}  // namespace agentdesk::server
