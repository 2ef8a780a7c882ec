#include "common/SeededRandom.h"

#include <cstdio>

namespace mockhost::emulator {

std::uint64_t SeededRandom::next() {
    std::uint64_t z = (_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t SeededRandom::below(std::uint64_t bound) {
    return bound == 0 ? 0 : next() % bound;
}

int SeededRandom::between(int low, int high) {
    if (high <= low)
        return low;
    return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low) + 1));
}

double SeededRandom::unit() {
    return static_cast<double>(next() >> 11) / static_cast<double>(1ULL << 53);
}

bool SeededRandom::chance(double probability) {
    return probability > 0.0 && unit() < probability;
}

std::string SeededRandom::guid() {
    const std::uint64_t a = next();
    const std::uint64_t b = next();
    char text[37];
    std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0x0FFF),
                  static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3FFF)),
                  static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
    return text;
}

std::string SeededRandom::hex(int length) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (int i = 0; i < length; ++i)
        out += digits[below(16)];
    return out;
}

} // namespace mockhost::emulator
