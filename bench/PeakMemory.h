#pragma once
// This process's peak resident memory (VmHWM), which Linux lets a process reset
// (/proc/self/clear_refs, "5"), so one benchmark run can measure the peak of each phase apart.

/// Resets the peak to the current resident size. Returns false where the kernel refuses.
bool resetPeakMemory();

/// The peak resident memory since the last reset (or the start), in MiB.
double peakMemoryMb();
