#pragma once
// The throttling benchmarks of 8/12, the emulator in a process of its own, the client at its
// production defaults (4 in flight, 500 ms backoff, 5 attempts, Retry-After up to 300 s):
//  throttle-limit: Partner Center's limit below the client's rate (a token bucket answering 429
//    with the seconds until the next token): wall against requests answered / limit (goal <=
//    1.15) and the share of 429s (goal <= 5%);
//  throttle-fifth: every Nth customer-resource call answered 429 with Retry-After S, whatever the
//    rate, the client's limit not binding: wall against the lower bound (the Retry-After seconds
//    the calls had to spend / 4 in flight + the requests' own time from a fault-free run of the
//    same data) (goal <= 1.3).

namespace ict::bench {

int benchThrottleLimit(int tenants, int limit, int client, int burst);
int benchThrottleFifth(int tenants, int client, int every, int retryAfter);

} // namespace ict::bench
