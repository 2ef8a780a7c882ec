#pragma once
/// Returning the allocator's free memory to the system while a long run goes on.

namespace ict::application {

/// Hands the C library allocator's free pages back to the system, at most once a second across
/// the process (later calls within the second return at once); a no-op where the C library is
/// not glibc. Runs call it between batches: glibc keeps each thread arena's free pages resident,
/// so a crawl's request threads would leave the host's RSS at the sum of their arenas' high-water
/// marks, which creeps up with the length of the run rather than with what is live.
void returnFreeMemory();

} // namespace ict::application
